"""The refusal of an extract file as a whole, apart from the reading code so that catching it costs no import."""


class ExtractRefused(Exception):
    """A file refused as a whole; the message names the problem and the fix. Nothing is stored."""
