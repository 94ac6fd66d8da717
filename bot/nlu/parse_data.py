"""Read the NLU result Rasa attaches to a user message (its "parse data"), in one place.

Actions, the fallback and the agents' shell all need the FAQ answer the ResponseSelector chose
and the entity values; the dictionary's shape is Rasa's, so only this module spells it out.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping, Tuple


def faq_response(parse: Mapping[str, Any]) -> Dict[str, Any]:
    """The ResponseSelector's pick for the faq retrieval intent ({} when there is none);
    its "intent_response_key" is like "faq/cost" and "confidence" is its score."""
    selector = (parse.get("response_selector") or {}).get("faq") or {}
    return selector.get("response") or {}


PERSONAL_DETAILS_KEY = "personal_details"  # set by bot.nlu.components.PersonalDetailsMasker


def personal_details(parse: Mapping[str, Any]) -> List[str]:
    """Kinds of personal detail the person pasted ("phone", "id", "email"), if any."""
    return list(parse.get(PERSONAL_DETAILS_KEY) or [])


def entity_values(parse: Mapping[str, Any]) -> List[str]:
    """The text of every entity found in the message ("Kaiser", "Medi-Cal")."""
    return [str(e.get("value", "")) for e in parse.get("entities") or []]


def intent_ranking(parse: Mapping[str, Any]) -> List[Tuple[str, float]]:
    """The classifier's (intent, confidence) list, best first; just the top intent when Rasa
    gave no ranking (a button payload)."""
    ranking = [(str(r.get("name")), float(r.get("confidence") or 0.0))
               for r in parse.get("intent_ranking") or [] if r.get("name")]
    if ranking:
        return ranking
    intent = parse.get("intent") or {}
    return [(str(intent["name"]), float(intent.get("confidence") or 0.0))] if intent.get("name") else []


def faq_ranking(parse: Mapping[str, Any]) -> List[Tuple[str, float]]:
    """The FAQ selector's (topic, score) list, best first ("faq/cost", 0.93)."""
    selector = (parse.get("response_selector") or {}).get("faq") or {}
    ranking = [(str(r.get("intent_response_key")), float(r.get("confidence") or 0.0))
               for r in selector.get("ranking") or [] if r.get("intent_response_key")]
    if not ranking:
        key = faq_response(parse).get("intent_response_key")
        if key:
            ranking = [(str(key), float(faq_response(parse).get("confidence") or 0.0))]
    return ranking
