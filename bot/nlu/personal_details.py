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
