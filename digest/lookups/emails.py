"""Forwarded emails pasted into a message ("FW: RE: missing figures ... From: Head of Service ... > Can you find out how
many missing episodes we had in June?"): the question is what the email asks, in its quoted lines when it has them;
its headers (FW:, RE:, From:, Sent:, To:, Subject:) are not part of it.
"""

from __future__ import annotations

import re

# A header line of an email as a mail client pastes it; "FW:"/"RE:" lines are the subject line.
_HEADER = re.compile(
    r"^\s*(?:(?:fwd?|re)\s*:\s*).*$|^\s*(?:from|sent|to|cc|bcc|subject|date)\s*:.*$", re.IGNORECASE | re.MULTILINE
)
_QUOTED = re.compile(r"^\s*>+[ \t]?(.*)$", re.MULTILINE)
# A sign-off line; what follows it is the sender's signature ("EH Locality Manager (North)"), not the question.
_SIGN_OFF = re.compile(
    r"^\s*(?:many\s+)?(?:thanks|thank\s+you|thx|cheers|regards|kind\s+regards|best\s+wishes|best|ta)\W*$", re.IGNORECASE
)


def read_email_body(text: str) -> str:
    """The email's own words when text is a pasted email (its quoted lines, or all but its headers); else text."""
    if "\n" not in text.strip() or not (_HEADER.search(text) or _QUOTED.search(text)):
        return text  # one line ("re: LAC June" is a question, its "re:" a word): no email
    quoted = [line for line in (m.group(1) for m in _QUOTED.finditer(text)) if not _HEADER.match(line)]
    lines = quoted or _HEADER.sub("", text).splitlines()
    signed = next((n for n, line in enumerate(lines) if _SIGN_OFF.match(line)), len(lines))
    return "\n".join(lines[:signed]).strip()
