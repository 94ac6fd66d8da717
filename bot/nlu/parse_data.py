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


# Set by bot.nlu.components.SentenceIntentClassifier: what kind of answer a message is, for the
# check's open questions ("problem" -> [{"name": "experimental", "confidence": 0.9}, ...]).
ANSWER_KINDS_KEY = "answer_kinds"
# Training examples name their kinds in their metadata: `metadata: {problem: experimental}`.
# "appeal": how far a story got with the plan's appeal (answered, waiting, not_filed, unstated),
# read from a first message so the check does not ask it again (data/nlu/appeal_stage.yml).
KIND_NAMES = ("problem", "appeal")


# A kind reader must also learn what is NOT an answer of its kind ("purple", "can I talk to a
# person?"), or it names a kind for anything. Examples of every label that cannot answer the
# question teach it "none"; examples of these labels may be answers and teach only their metadata.
NOT_AN_ANSWER = "none"
MAY_ANSWER: Dict[str, frozenset] = {
    "problem": frozenset({"describe_denial", "describe_urgent_problem", "check_eligibility",
                          "unsure", "faq/bill_for_care", "faq/surprise_bill",
                          "faq/report_problem", "faq/experimental"}),
    "appeal": frozenset({"describe_denial", "describe_urgent_problem", "check_eligibility",
                         "affirm", "deny", "unsure", "case_status", "faq/plan_no_answer",
                         "faq/plan_first", "faq/late_filing", "faq/bill_for_care",
                         "faq/surprise_bill", "faq/report_problem", "faq/experimental"}),
}


def answer_kinds(example_metadata: Any, label: str = "") -> Dict[str, str]:
    """The answer kinds a training example teaches: those its metadata names, and "none" for
    each question its label cannot answer."""
    metadata = example_metadata if isinstance(example_metadata, Mapping) else {}
    kinds = {name: str(metadata[name]) for name in KIND_NAMES if metadata.get(name)}
    for name in KIND_NAMES:
        if name not in kinds and label and label not in MAY_ANSWER[name]:
            kinds[name] = NOT_AN_ANSWER
    return kinds


def kind_ranking(parse: Mapping[str, Any], name: str) -> List[Tuple[str, float]]:
    """The model's (kind, confidence) list for one open question, best first."""
    return [(str(r.get("name")), float(r.get("confidence") or 0.0))
            for r in (parse.get(ANSWER_KINDS_KEY) or {}).get(name) or [] if r.get("name")]
