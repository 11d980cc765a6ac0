# cython: language_level=3
"""`block_features`' per-block counts compiled: one pass over a block's characters finds its words (as `scripts.WORD`
does: runs of word characters outside the unspaced scripts, and one or two characters of those scripts), its
capitalised words, digits and punctuation marks, where the Python code runs three regex scans and a look-up per word:
`_text_counts` 0.70 against 1.22 ms a page (600 pages of the three development corpora).

It reads characters as Python's `re` does (`\\w`: alphanumeric or "_"; `\\d`: decimal digit) and words' case as
`str.isupper` and `str.lower` do; `tests/test_compiled.py` checks both give the same rows. Built by setup.py when a C
compiler is at hand; block_features.py falls back to its own code otherwise.
"""


def block_counts(list texts, stopwords, title_words, str punctuation, tuple unspaced):
    """Per text: (words, punctuation marks, capitalised words, digits, stop words, title words), as
    `block_features._text_counts` counts them; `punctuation`: the marks counted, `unspaced`: the (first, last)
    code points of each script written without spaces (`scripts.UNSPACED`)."""
    cdef Py_UCS4 lows[8]
    cdef Py_UCS4 highs[8]
    cdef int ranges = len(unspaced)
    cdef int r
    if ranges > 8:
        raise ValueError("at most 8 unspaced ranges")
    for r in range(ranges):
        lows[r], highs[r] = unspaced[r]
    return [_counts(text, stopwords, title_words, punctuation, lows, highs, ranges) for text in texts]


cdef inline bint _in_ranges(Py_UCS4 ch, Py_UCS4* lows, Py_UCS4* highs, int ranges) noexcept:
    cdef int r
    for r in range(ranges):
        if lows[r] <= ch <= highs[r]:
            return True
    return False


cdef tuple _counts(
    str text, stopwords, title_words, str punctuation, Py_UCS4* lows, Py_UCS4* highs, int ranges
):
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t i = 0
    cdef Py_ssize_t start
    cdef Py_UCS4 ch
    cdef long words = 0, marks = 0, capitals = 0, digits = 0, stops = 0, titled = 0
    for ch in text:
        if ch.isdecimal():
            digits += 1
        elif ch in punctuation:
            marks += 1
    while i < n:
        ch = text[i]
        start = i
        if _in_ranges(ch, lows, highs, ranges):  # one or two characters of a script without spaces
            i += 1
            if i < n and _in_ranges(text[i], lows, highs, ranges):
                i += 1
        elif ch.isalnum() or ch == u"_":  # a run of word characters outside those scripts
            i += 1
            while i < n and (text[i].isalnum() or text[i] == u"_") and not _in_ranges(text[i], lows, highs, ranges):
                i += 1
        else:
            i += 1
            continue
        words += 1
        capitals += ch.isupper()
        lower = text[start:i].lower()
        stops += lower in stopwords
        titled += lower in title_words
    return (words, marks, capitals, digits, stops, titled)
