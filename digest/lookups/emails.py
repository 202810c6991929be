"""Emails and letters pasted into a message ("FW: RE: missing figures ... From: Head of Service ... > Can you find out
how many missing episodes we had in June?", "Dear Sir or Madam, ... Yours faithfully, Cllr ..."): the question is what
the email or letter asks, in its quoted lines when it has them; its headers (FW:, RE:, From:, Sent:, To:, Subject:),
its salutation and what follows its sign-off (the signature) are not part of it.
"""

from __future__ import annotations

import re

# A header line of an email as a mail client pastes it; "FW:"/"RE:" lines are the subject line.
_HEADER = re.compile(
    r"^\s*(?:(?:fwd?|re)\s*:\s*).*$|^\s*(?:from|sent|to|cc|bcc|subject|date)\s*:.*$", re.IGNORECASE | re.MULTILINE
)
_QUOTED = re.compile(r"^\s*>+[ \t]?(.*)$", re.MULTILINE)
_SALUTATION = re.compile(r"^\s*(?:dear|hello|hi|good\s+(?:morning|afternoon))\b[^\n]{0,40},\s*$", re.IGNORECASE)
# The words of a sign-off ("Many thanks", "Kind regards", "ta").
_SIGN_OFF_WORDS = r"(?:many\s+)?(?:thanks|thank\s+you|thx|ta|cheers|regards|kind\s+regards|best\s+wishes|best)"
# A sign-off line; what follows it is the sender's signature ("EH Locality Manager (North)"), not the question.
_SIGN_OFF = re.compile(
    rf"^\s*(?:{_SIGN_OFF_WORDS}|yours\s+(?:faithfully|sincerely|truly)|with\s+(?:best\s+|kind\s+)?(?:wishes|regards))\W*$",
    re.IGNORECASE,
)


def read_email_body(text: str) -> str:
    """The email's or letter's own words when text is one (its quoted lines, or all but its headers, from after its
    salutation to its sign-off); else text."""
    lines = text.strip().splitlines()
    letter = len(lines) > 1 and (_SALUTATION.match(lines[0]) or any(_SIGN_OFF.match(line) for line in lines[1:]))
    if len(lines) < 2 or not (_HEADER.search(text) or _QUOTED.search(text) or letter):
        return text  # one line ("re: LAC June" is a question, its "re:" a word): no email
    quoted = [line for line in (m.group(1) for m in _QUOTED.finditer(text)) if not _HEADER.match(line)]
    own = [line for line in lines if not _QUOTED.match(line)]
    if quoted and not _HEADER.search(text) and any("?" in line for line in own):
        return text  # a chat message asking in its own lines, a line of it set off as a quote ("> need it for ...")
    lines = quoted or _HEADER.sub("", text).splitlines()
    lines = [line for line in lines if not _SALUTATION.match(line)]
    signed = next((n for n, line in enumerate(lines) if n and _SIGN_OFF.match(line)), len(lines))
    return "\n".join(lines[:signed]).strip()


# An email flattened onto one line by the chat box ("RE: Q1 vs Q4 Hi, can you compare ...? ta", "Subject: CSE cases
# May Hi there, number of ...? Thanks Sue"): its subject line, its greeting and its sign-off.
_SUBJECT_MARK = re.compile(r"^\s*(?i:subject|fwd?|re)\s*:\s*(?:(?i:fwd?|re)\s*:\s*)*")
# A greeting opening the body: with its comma, or a name or "all" and its comma ("Hi Sue,", "Hi there -"), never a
# word in passing ("need them by tomorrow morning", "dear me, they look high", "LAC June hi").
_GREETING = re.compile(
    r"\b(?i:hi|hello|hiya|dear|morning|afternoon|good\s+(?:morning|afternoon))"
    r"(?:\s+(?:(?i:there|all|team|both|everyone)|[A-Z][a-z]+))?\s*[,!:-]\s*(?=\S)"
)
# ... and its sign-off after the question, with the sender's name ("Thanks, Sue", "ta", "Cheers, Dave").
_SIGNED_OFF = re.compile(rf"(?<=[?.!])\s*(?i:{_SIGN_OFF_WORDS})\b[\s,.!]*(?:[A-Z][a-z]+\.?)?\s*[.!]*\s*$")


def split_email_line(text: str) -> tuple[str, str] | None:
    """An email typed on one line as its subject and its body ("RE: May figures Hi, how many LAC episodes?": "May
    figures", "how many LAC episodes?"), each without the marks of an email; None when text is no such email."""
    mark = _SUBJECT_MARK.match(text)
    greeting = _GREETING.search(text, mark.end()) if mark else None
    if mark is None or greeting is None:
        return None
    return text[mark.end() : greeting.start()].strip(" -–:,"), read_email_line(text[greeting.end() :])


def read_email_line(text: str) -> str:
    """A message without a sign-off (and its name) after the question ("... in June? Thanks, Sue"); else text."""
    return _SIGNED_OFF.sub("", text) or text
