"""Recognize messages that must be answered with a crisis or emergency line before anything else.

The classifier is trained on these too; these patterns make sure the clearest wordings never
depend on a model's confidence. Crisis patterns are broad (a false alarm costs a kind message
with 988); emergency patterns are kept to things happening now, so a past ER visit or an
ambulance bill is not mistaken for an emergency.
"""
from __future__ import annotations

import re

_CRISIS = re.compile(
    r"suicid|kill(?:ing)?\s+(?:my|him|her|them)sel(?:f|ves)|end(?:ing)?\s+(?:my|his|her)\s+(?:own\s+)?life"
    r"|end\s+it\s+all|take\s+my\s+(?:own\s+)?life|(?:want|wants|wanna|going)\s+to\s+die"
    r"|(?:don'?t|do\s+not|doesn'?t)\s+want\s+to\s+(?:live|be\s+alive|be\s+here|wake\s+up)"
    r"|better\s+off\s+(?:dead|without\s+me)|no\s+reason\s+to\s+(?:live|keep\s+going|go\s+on)"
    r"|(?:hurt|hurting|harm|harming|cut|cutting)\s+(?:my|him|her)sel(?:f)|self[\s-]?harm"
    r"|not\s+worth\s+living|quiero\s+morir|matarme|quitarme\s+la\s+vida",
    re.IGNORECASE,
)

_EMERGENCY = re.compile(
    r"(?:can'?t|cannot|can\s+not)\s+breathe|not\s+breathing|stopped\s+breathing|unconscious"
    r"|unresponsive|call(?:ing)?\s+(?:an?\s+)?(?:911|ambulance)|need\s+an?\s+ambulance"
    r"|(?:having|has)\s+a\s+(?:heart\s+attack|stroke|seizure)|chest\s+pain\s+(?:right\s+)?now"
    r"|bleeding\s+(?:a\s+lot|heavily|badly|won'?t\s+stop)|overdosing|just\s+overdosed",
    re.IGNORECASE,
)


def detect_crisis(text: str) -> bool:
    """True when the message speaks of suicide or self-harm (the person's or someone else's)."""
    return bool(_CRISIS.search(text))


def detect_emergency(text: str) -> bool:
    """True when the message describes a medical emergency happening now."""
    return bool(_EMERGENCY.search(text))

