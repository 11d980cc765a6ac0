"""The library's own exceptions: every failure a caller can see is one of these (or a TypeError for a wrong argument).

CleanerError
├── NotAPage            binary data, an image, a PDF... (not text at all)
├── UndecodableInput    bytes that are not text in any plausible charset
└── LimitExceeded       over one of the `Limits` (see limits.py)
    ├── InputTooLarge   more bytes than `max_bytes`
    ├── TooManyElements more elements than `max_nodes`
    ├── TooDeep         elements nested deeper than `max_depth`
    └── Timeout         cleaning took longer than `max_seconds`
"""


class CleanerError(Exception):
    """Base class of every error raised by cleaner on bad input."""


class NotAPage(CleanerError):
    """The input is not a web page or text (binary data, an image, a PDF...)."""


class UndecodableInput(CleanerError):
    """The bytes could not be decoded as text in any plausible charset."""


class LimitExceeded(CleanerError):
    """The input is over one of the configured limits (size, elements, depth, time)."""


class InputTooLarge(LimitExceeded):
    """The input is larger than the configured limit."""


class TooManyElements(LimitExceeded):
    """The page has more HTML elements than the configured limit."""


class TooDeep(LimitExceeded):
    """The page nests elements deeper than the configured limit (or than the parser can follow)."""


class Timeout(LimitExceeded):
    """Cleaning the document took longer than the configured limit."""
