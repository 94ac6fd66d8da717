"""Decide which intent must win over the classifier: safety first, then language."""
from __future__ import annotations

from typing import Optional

from bot.language import detect_non_english
from bot.safety import detect_crisis, detect_emergency

CRISIS_INTENT = "crisis_self_harm"
EMERGENCY_INTENT = "emergency_now"
OTHER_LANGUAGE_INTENT = "other_language"


def priority_intent(text: str) -> Optional[str]:
    """The intent that must win for this message, if any (a crisis in Spanish still gets 988)."""
    if detect_crisis(text):
        return CRISIS_INTENT
    if detect_emergency(text):
        return EMERGENCY_INTENT
    if detect_non_english(text):
        return OTHER_LANGUAGE_INTENT
    return None
