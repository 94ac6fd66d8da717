"""Decide which intent must win over the classifier: safety first, then language.

Safety lines are given in Spanish when the message is Spanish (988 has Spanish-language
support), before the rest of the assistant speaks Spanish; the Spanish replies also carry one
English line, so a wrong guess of the language still gives the right number.
"""
from __future__ import annotations

from typing import Optional, Sequence, Tuple

from bot.nlu.conversation_language import ENGLISH, SPANISH as SPANISH_CODE, chosen_language, message_language
from bot.nlu.language import detect_non_english, looks_spanish
from bot.nlu.safety import detect_crisis, detect_emergency

CRISIS_INTENT = "crisis_self_harm"
EMERGENCY_INTENT = "emergency_now"
OTHER_LANGUAGE_INTENT = "other_language"
CHOOSE_LANGUAGE_INTENT = "choose_language"
SPANISH = "_es"
SAFETY_INTENTS = frozenset({CRISIS_INTENT, EMERGENCY_INTENT})
# The classifier's safety intent, ranked first with the confidence any intent needs (config.yml's
# FallbackClassifier threshold), is never turned into "Sorry, I didn't get that" because a second
# intent is close: a missed crisis costs more than a false alarm. Measured on
# tests/heldout/safety.yml: 0.45 catches 82/85 with 3/189 false alarms; 0.3 caught 83/85 with
# 5/189, over the 2% of false alarms the project allows.
SAFETY_MIN_CONFIDENCE = 0.45


def without_language(intent: str) -> str:
    """crisis_self_harm_es -> crisis_self_harm; other intents unchanged. The classifier learns one
    class per safety intent in both languages: with a class of its own, the Spanish crisis class
    was what "Spanish" meant to it, and short Spanish messages ("nos vemos", "verificar si
    califico") were read as a crisis."""
    base = intent[: -len(SPANISH)] if intent.endswith(SPANISH) else intent
    return base if base in SAFETY_INTENTS else intent


def in_language(intent: str, text: str) -> str:
    """crisis_self_harm -> crisis_self_harm_es for a Spanish message (safety intents only)."""
    base = without_language(intent)
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


def is_safety_intent(intent: str) -> bool:
    return without_language(intent) in SAFETY_INTENTS


def winning_intent(text: str, ranking: Sequence[Tuple[str, float]]) -> Optional[Tuple[str, float]]:
    """The intent (and confidence) that must replace the classifier's, or None to keep it.

    Order: a language chosen in so many words ("Español"); a crisis or emergency in so many
    words; the classifier's own safety intent when it ranks first (in the message's language);
    another language (not Spanish, which the assistant speaks)."""
    if chosen_language(text):
        return CHOOSE_LANGUAGE_INTENT, 1.0
    pattern = priority_intent(text)
    if pattern is not None and pattern != OTHER_LANGUAGE_INTENT:
        return pattern, 1.0
    if ranking:
        name, confidence = ranking[0]
        if is_safety_intent(name) and confidence >= SAFETY_MIN_CONFIDENCE:
            return in_language(name, text), 1.0
    language = message_language(text)
    if language == SPANISH_CODE:
        return None  # the whole assistant speaks Spanish: the Spanish reader's reading stands
    if pattern is not None and language != ENGLISH:
        return pattern, 1.0
    return None
