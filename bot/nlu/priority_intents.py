"""Decide which intent must win over the classifier: safety first, then language.

Safety lines are given in Spanish when the message is Spanish (988 has Spanish-language
support), before the rest of the assistant speaks Spanish; the Spanish replies also carry one
English line, so a wrong guess of the language still gives the right number.
"""
from __future__ import annotations

from typing import Optional

from bot.nlu.language import detect_non_english, looks_spanish
from bot.nlu.safety import detect_crisis, detect_emergency

CRISIS_INTENT = "crisis_self_harm"
EMERGENCY_INTENT = "emergency_now"
OTHER_LANGUAGE_INTENT = "other_language"
SPANISH = "_es"
SAFETY_INTENTS = frozenset({CRISIS_INTENT, EMERGENCY_INTENT})


def in_language(intent: str, text: str) -> str:
    """crisis_self_harm -> crisis_self_harm_es for a Spanish message (safety intents only)."""
    base = intent[: -len(SPANISH)] if intent.endswith(SPANISH) else intent
    if base not in SAFETY_INTENTS:
        return intent
    return base + SPANISH if looks_spanish(text) else base


def priority_intent(text: str) -> Optional[str]:
    """The intent that must win for this message, if any (a crisis in Spanish still gets 988)."""
    if detect_crisis(text):
        return in_language(CRISIS_INTENT, text)
    if detect_emergency(text):
        return in_language(EMERGENCY_INTENT, text)
    if detect_non_english(text):
        return OTHER_LANGUAGE_INTENT
    return None
