"""Read the NLU result Rasa attaches to a user message (its "parse data"), in one place.

Actions, the fallback and the agents' shell all need the FAQ answer the ResponseSelector chose
and the entity values; the dictionary's shape is Rasa's, so only this module spells it out.
"""
from __future__ import annotations

from typing import Any, Dict, List, Mapping


def faq_response(parse: Mapping[str, Any]) -> Dict[str, Any]:
    """The ResponseSelector's pick for the faq retrieval intent ({} when there is none);
    its "intent_response_key" is like "faq/cost" and "confidence" is its score."""
    selector = (parse.get("response_selector") or {}).get("faq") or {}
    return selector.get("response") or {}


def entity_values(parse: Mapping[str, Any]) -> List[str]:
    """The text of every entity found in the message ("Kaiser", "Medi-Cal")."""
    return [str(e.get("value", "")) for e in parse.get("entities") or []]
