# cython: language_level=3
"""`segment.segment`'s walk compiled against lxml's C API: the same candidate blocks, about 2.5x faster
(1.3 against 3.3 ms a page over the three development corpora).

The Python walk spends its time on lxml proxies and iterwalk events; this one follows libxml2's node pointers,
reads tags, attributes and text straight from the nodes, and makes a proxy only for block-level elements (the
candidates keep them). What it reads is what lxml's `.tag`, `.get()`, `.text` and `.tail` give, and the state it
keeps and hands to `_candidate` is the Python walk's; `tests/test_compiled.py` checks both give equal
candidates. Built by setup.py when a C compiler is at hand; `segment.py` falls back to its own walk otherwise, and
when the lxml imported is not the one this was compiled against (the node layout could differ).
"""

from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
from lxml.includes.tree cimport xmlAttr, xmlNode

from cleaner.shared._nodes cimport attribute_value, collect_text, element_from, tag_of

cetree.import_lxml__etree()

LXML_VERSION = (<bytes>cetree.LXML_VERSION_STRING).decode("ascii")  # shared/compiled.py compares it with the lxml loaded


cdef enum:
    MAX_GROUPS = 32  # room for the landmark tags and the signal groups (segment.py has 12 and 14)


cdef class _Shapes:
    """What a candidate is built from that segment.py owns: its class, kinds and depths."""
    cdef object candidate, heading, table, code, no_hits
    cdef Py_ssize_t n_landmarks, n_signals, near_depth, path_depth, parent_levels

    def __init__(self, candidate, heading, table, code, no_hits, n_landmarks, n_signals, near_depth, path_depth,
                 parent_levels):
        if n_landmarks > MAX_GROUPS or n_signals > MAX_GROUPS:
            raise ValueError("more landmark tags or signal groups than the compiled walk has room for")
        self.candidate, self.heading, self.table, self.code, self.no_hits = candidate, heading, table, code, no_hits
        self.n_landmarks, self.n_signals = n_landmarks, n_signals
        self.near_depth, self.path_depth, self.parent_levels = near_depth, path_depth, parent_levels


cdef object _candidate(_Shapes shapes, list parts, list blocks, list kinds, Py_ssize_t link_chars, list path,
                       int* inside, int* signals, list hit_stack, Py_ssize_t hidden, list serials, list elements,
                       list ends):
    """segment.py's `_candidate`: the block whose text is `parts`, with the state of the walk around it."""
    cdef int counts[MAX_GROUPS]
    cdef Py_ssize_t i
    cdef bint any_near = False
    joined = "".join(parts)
    text = " ".join(joined.split())
    tag = blocks[-1] if blocks else "body"
    kind = kinds[-1]
    level = int(tag[1]) if kind is shapes.heading and tag[0] == "h" and len(tag) == 2 else 0
    if kind is shapes.table:
        text = text.strip(" |")
    near = shapes.no_hits
    near_hits = hit_stack[-shapes.near_depth:]
    for hits in near_hits:
        if hits:
            any_near = True
    if any_near:
        for i in range(shapes.n_signals):
            counts[i] = 0
        for hits in near_hits:
            for i in hits:
                counts[i] += 1
        near = tuple([counts[i] for i in range(shapes.n_signals)])
    return shapes.candidate(
        text,
        tag,
        kind,
        level,
        link_chars,
        len(path),
        tuple([inside[i] > 0 for i in range(shapes.n_landmarks)]),
        tuple([signals[i] for i in range(shapes.n_signals)]),
        near,
        hidden > 0,
        hash(tuple(path[-shapes.path_depth:])),
        tuple(serials[-shapes.parent_levels:]),
        elements[-1] if elements else None,
        joined if kind is shapes.code else "",
        ends,
    )


def segment(root, marks, config, _Shapes shapes):
    """The candidate blocks under `root` (an lxml element), as `segment.segment_python` finds them.

    `marks` is segment.py's `_marks`, `config` its tables (block tags, tag -> kind, cell tags, landmark tag ->
    index, invisible tags, hiding style regex, the default kind), `shapes` what its candidates are made of.
    """
    cdef cetree._Element top = <cetree._Element?>root
    cdef cetree._Document doc = top._doc
    cdef xmlNode* c_top = top._c_node
    cdef xmlNode* c_node = c_top
    cdef xmlNode* c_next = NULL
    cdef xmlAttr* c_attr
    cdef const char* c_name
    cdef bint starting = True
    cdef bint finished = False
    cdef bint has_text = False
    cdef bint hides
    cdef Py_ssize_t link_chars = 0
    cdef Py_ssize_t opened = 0
    cdef Py_ssize_t hidden = 0
    cdef Py_ssize_t in_link = 0
    cdef Py_ssize_t index
    cdef Py_ssize_t i
    cdef int inside[MAX_GROUPS]  # open elements per landmark tag
    cdef int signals[MAX_GROUPS]  # open elements per class/id signal group

    block_tags, kind_of, cells, landmark_index, invisible, hidden_style, paragraph = config
    for i in range(MAX_GROUPS):
        inside[i] = signals[i] = 0
    out = []
    parts = []  # text of the block being collected
    blocks = []  # tags of the open block-level elements
    serials = []  # and their serial numbers
    ends = [0]  # per serial, the last serial opened inside it
    elements = []  # and the elements themselves
    kinds = [paragraph]  # and the kind their text gets
    path = []  # path tokens of the open elements
    hit_stack = []  # and their signal groups
    states = []  # per open element: its tag's info, None for one skipped
    hiding = []  # per open element not skipped: whether it hides its content
    infos = {}  # name pointer -> (tag, block-level, cell, link, landmark index, invisible, kind); names are interned
    while not finished:
        if starting:
            info = infos.get(<size_t>c_node.name) if c_node.ns is NULL else None
            if info is None:
                tag = tag_of(c_node)
                info = (
                    tag,
                    tag in block_tags,
                    tag in cells,
                    tag == "a",
                    landmark_index.get(tag, -1),
                    tag in invisible,
                    kind_of.get(tag),
                )
                if c_node.ns is NULL:
                    infos[<size_t>c_node.name] = info
            if info[5]:  # an invisible element: only its tail counts
                states.append(None)
                starting = False
                continue
        else:
            info = states.pop()  # None: a skipped element, whose tail still counts
        if info is not None and info[1]:  # a block-level element opens or closes: the text so far is one block
            if has_text:
                out.append(_candidate(shapes, parts, blocks, kinds, link_chars, path, inside, signals, hit_stack,
                                      hidden, serials, elements, ends))
                has_text = False
            parts.clear()
            link_chars = 0
        if starting:
            tag, is_block, is_cell, is_link, index, _, kind = info
            if is_block:
                opened += 1
                blocks.append(tag)
                kinds.append(kinds[-1] if kind is None else kind)
                serials.append(opened)
                ends.append(opened)
                elements.append(cetree.elementFactory(doc, c_node))
                if is_cell:
                    parts.append(" | ")
                    has_text = True
            elif is_link:
                in_link += 1
            if index >= 0:
                inside[index] += 1
            hits = ()
            hides = False
            token = tag
            if c_node.properties is not NULL:
                cls = ident = role = ""
                aria_hidden = style = None
                c_attr = c_node.properties
                while c_attr is not NULL:
                    if c_attr.ns is NULL:
                        c_name = <const char*>c_attr.name
                        if strcmp(c_name, b"class") == 0:
                            cls = attribute_value(c_attr, doc, c_node)
                        elif strcmp(c_name, b"id") == 0:
                            ident = attribute_value(c_attr, doc, c_node)
                        elif strcmp(c_name, b"role") == 0:
                            role = attribute_value(c_attr, doc, c_node)
                        elif strcmp(c_name, b"hidden") == 0:
                            hides = True
                        elif strcmp(c_name, b"aria-hidden") == 0:
                            aria_hidden = attribute_value(c_attr, doc, c_node)
                        elif strcmp(c_name, b"style") == 0:
                            style = attribute_value(c_attr, doc, c_node)
                    c_attr = c_attr.next
                hits, token = marks(tag, cls, ident, role)
                hides = hides or aria_hidden == "true" or (style is not None and hidden_style.search(style) is not None)
                for i in hits:
                    signals[i] += 1
                hidden += hides
            hit_stack.append(hits)
            path.append(token)
            states.append(info)
            hiding.append(hides)
            text = collect_text(c_node.children)
            c_next = element_from(c_node.children)
            if c_next is not NULL:
                c_node = c_next
            else:
                starting = False
        else:
            if info is not None:
                tag, is_block, _, is_link, index, _, _ = info
                if is_block:
                    blocks.pop()
                    kinds.pop()
                    ends[serials.pop()] = opened
                    elements.pop()
                elif is_link:
                    in_link -= 1
                if index >= 0:
                    inside[index] -= 1
                for i in hit_stack.pop():
                    signals[i] -= 1
                hidden -= hiding.pop()
                path.pop()
            text = collect_text(c_node.next)
            if c_node is c_top:
                finished = True
            else:
                c_next = element_from(c_node.next)
                if c_next is not NULL:
                    c_node = c_next
                    starting = True
                else:
                    c_node = c_node.parent
        if text:
            parts.append(text)
            if not has_text and not text.isspace():
                has_text = True
            if in_link:
                link_chars += len(text.strip())
    if has_text:
        out.append(_candidate(shapes, parts, blocks, kinds, link_chars, path, inside, signals, hit_stack, hidden,
                              serials, elements, ends))
    return out
