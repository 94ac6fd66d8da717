"""Read the reply to "Is this right?" after the summary: a yes, or a change to one answer.

People correct in their own words ("no, the decision came in May", "actually it's Medi-Cal",
"change the urgent part"), so a correction either carries the new value or names the answer
to ask again.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Dict, Iterable, Optional

from bot.eligibility import answers
from bot.domain.dates import parse_past_date
from bot.eligibility.rules import Answer, Coverage
from bot.eligibility.slots import ANSWER_SLOTS

CHANGE_PREFIX = "change answer: "  # what the "Which answer should I change?" buttons send
CONFIRMED = "confirmed"
CHANGED = "changed"
ASK_WHICH = "ask_which"
UNCLEAR = "unclear"

_NAMED_ANSWERS = (
    (r"urgent|emergency|serious\s+risk", "urgent"),
    (r"life[\s-]threatening|disabl|debilitat", "serious_condition"),
    (r"state\s+hearing|hearing", "state_hearing"),
    (r"reason|problem|what\s+they\s+said|experimental|medically", "problem"),
    (r"plan\s+type|coverage|insurance|my\s+plan\b|kind\s+of\s+plan", "coverage"),
    (r"grievance|appeal|filed", "filed_grievance"),
)


@dataclass(frozen=True)
class Reply:
    kind: str
    updates: Dict[str, Any] = field(default_factory=dict)


def read_confirmation(text: str, slots: Dict[str, Any], today: date,
                      entity_values: Iterable[str] = (), said: Optional[Answer] = None) -> Reply:
    """What to do with the reply to the summary.

    `said` is yes/no/unsure as the trained model read the reply ("yes, that's what the letter
    said" is a yes, not a new date).
    """
    picked = re.fullmatch(r"\s*change answer:\s*(\w+)\s*", text)
    if picked and picked.group(1) in ANSWER_SLOTS:
        return Reply(CHANGED, {picked.group(1): None})
    dated = _date_correction(text, today, said)
    if dated is not None:
        return dated
    yes_no = said
    coverage = answers.read_coverage(text, entity_values)
    if coverage not in (None, Coverage.UNKNOWN) and coverage.value != slots.get("coverage"):
        return Reply(CHANGED, {"coverage": coverage.value})
    for pattern, slot in _NAMED_ANSWERS:
        if re.search(pattern, text, re.I) and yes_no != "yes":
            return Reply(CHANGED, {slot: None})
    if yes_no == "yes" or re.match(r"\s*(ok(ay)?|k|sounds\s+good|perfect|great|good)\b", text, re.I):
        return Reply(CONFIRMED)
    if yes_no == "no" or re.search(r"change|wrong|fix|edit|not right", text, re.I):
        return Reply(ASK_WHICH)
    return Reply(UNCLEAR)


def _date_correction(text: str, today: date, said: Optional[Answer]) -> Optional[Reply]:
    """A new decision or grievance date ("the letter came Oct 3"), or that date to ask again.

    A reply that agrees and gives no date ("yes, that's what the letter said") changes nothing.
    """
    slot = ("decision_date" if answers.mentions_decision(text)
            else "grievance_date" if answers.mentions_grievance(text)
            and re.search(r"\b(when|date|on|in|ago|cu[aá]ndo|fecha|el|en|hace)\b", text, re.I)
            else None)
    if slot is None:
        return None
    parsed = parse_past_date(answers.date_phrase(text), today)
    if parsed.value is None and said == "yes":
        return None
    return Reply(CHANGED, {slot: parsed.value.isoformat() if parsed.value else None})
