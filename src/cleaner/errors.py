"""The library's own exceptions: every failure a caller can see is one of these (or a TypeError for a wrong argument)."""


class CleanerError(Exception):
    """Base class of every error raised by cleaner on bad input."""


class InputTooLarge(CleanerError):
    """The input is larger than the configured limit."""


class UndecodableInput(CleanerError):
    """The bytes could not be decoded as text in any plausible charset."""


class NotAPage(CleanerError):
    """The input is not a web page or text (binary data, an image, a PDF...)."""
