"""Find personal details people paste into the chat (phone numbers, emails, ID numbers) by their
format, and mask them for the classifier.

Digits of a member ID are noise to the model ("Kaiser denied my MRI, ID 1234567890" must still
read as a denial), and the person should hear that nobody here will call back. Only formats are
matched here; meaning is left to the trained model. Dates ("10/05/2026") are not masked: the
check reads them.
"""
from __future__ import annotations

import re
from typing import List, Tuple

_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_PHONE = re.compile(r"(?<![\w/-])(?:\+?1[\s.-]?)?\(?\d{3}\)?[\s.-]?\d{3}[\s.-]?\d{4}(?![\w/-])")
# Member, policy or case numbers: a run of 6+ digits, possibly with letters ("XEK123456789").
_ID = re.compile(r"(?<![\w/-])(?!\d{4}-\d{1,2}-\d{1,2}\b)(?=[A-Za-z]*\d)[A-Za-z]{0,4}\d[\d-]{5,}[A-Za-z0-9]*(?![\w/-])")
_KINDS: Tuple[Tuple[str, "re.Pattern[str]"], ...] = (("email", _EMAIL), ("phone", _PHONE), ("id", _ID))
MASKS = {"email": " ", "phone": " ", "id": " "}  # removed: words like "phone number" pull toward the contact FAQ
# The help lines the bot itself gives are not personal details.
_OUR_LINES = re.compile(r"1?[\s.-]?(?:888[\s.-]?466[\s.-]?2219|877[\s.-]?688[\s.-]?9891|888[\s.-]?804[\s.-]?3536)")


# A date right after a birth-date label: "DOB 04/12/1961", "born on March 3, 1950". Other dates
# (a letter's, a denial's) are what the check asks for and are kept.
_DATE = (r"(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}"
         r"|[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Za-z]{3,9}\.?\s+\d{4})")
_BIRTH_DATE = re.compile(r"\b(d\.?\s?o\.?\s?b\.?|date\s+of\s+birth|birth\s*(?:date|day)|born(?:\s+on)?)"
                         r"(\s*(?:is|was|:|-)?\s*)" + _DATE, re.I)
# What the stored copy of a message shows instead of each detail.
STORED_MASKS = {"email": "[email]", "phone": "[phone]", "id": "[id number]"}


def redact_for_storage(text: str) -> str:
    """The message as it may be kept: phone numbers, emails, member/ID numbers and birth dates
    replaced by a label ("my DOB is [date of birth], member ID [id number]"). The Help Center's
    own numbers, typed back, are kept."""
    ours: List[str] = []

    def keep(match: "re.Match[str]") -> str:
        ours.append(match.group(0))
        return f"\x00{len(ours) - 1}\x00"

    text = _OUR_LINES.sub(keep, text)
    text = _BIRTH_DATE.sub(lambda m: m.group(1) + m.group(2) + "[date of birth]", text)
    for kind, pattern in _KINDS:
        text = pattern.sub(STORED_MASKS[kind], text)
    return re.sub(r"\x00(\d+)\x00", lambda m: ours[int(m.group(1))], text)


def find_personal_details(text: str) -> List[str]:
    """The kinds of personal detail in a message ("phone", "email", "id"), in order found."""
    text = _OUR_LINES.sub(" ", text)
    kinds = []
    for kind, pattern in _KINDS:
        if pattern.search(text):
            kinds.append(kind)
            text = pattern.sub(" ", text)
    return kinds


def mask_personal_details(text: str) -> str:
    """The message with each personal detail taken out ("my member ID is  and ...")."""
    for kind, pattern in _KINDS:
        text = pattern.sub(MASKS[kind], text)
    return text
