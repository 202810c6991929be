"""File names as they may be shown: a name is chosen by whoever saved the file, and can hold a newline (which
would forge a line of a report or a log) or a terminal's escape codes. Every character that is not
printable is shown as a Python escape (\\n, \\x1b, \\udcff for a byte that is not UTF-8), so the name stays
one line of plain text and a reader can still tell what it was."""

from __future__ import annotations


def shown_name(name: str) -> str:
    """name with each unprintable character (and the backslash, so escapes stay unambiguous) escaped."""
    if name.isprintable() and "\\" not in name:
        return name
    return "".join(
        character if character.isprintable() and character != "\\" else _escape(character) for character in name
    )


def _escape(character: str) -> str:
    if character == "\\":
        return "\\\\"
    return character.encode("unicode_escape", errors="backslashreplace").decode("ascii")
