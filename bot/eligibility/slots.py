"""Turn the form's slot values into an eligibility Case and back, and describe answers.

Slots hold plain strings (enum values, "yes"/"no"/"unsure", ISO dates or "unknown"), so the
tracker store keeps them readable; this module is the one place that converts them.
"""
from __future__ import annotations

from datetime import date
from typing import Any, Dict, List, Mapping, Optional, Tuple

from bot.domain.dates import say_date
from bot.eligibility.rules import Case, Coverage, Problem, next_question

ANSWER_SLOTS: Tuple[str, ...] = (
    "coverage", "problem", "urgent", "serious_condition", "state_hearing",
    "filed_grievance", "plan_answered", "grievance_date", "decision_date",
)
UNKNOWN_DATE = "unknown"

_COVERAGE_NAMES = {
    Coverage.DMHC: "an HMO or other plan under the DMHC",
    Coverage.MEDI_CAL_MANAGED: "a Medi-Cal managed care plan",
    Coverage.MEDI_CAL_FFS: "Medi-Cal without a plan (fee-for-service)",
    Coverage.MEDICARE: "Medicare or a Medicare Advantage plan",
    Coverage.DUAL: "both Medicare and Medi-Cal",
    Coverage.SELF_FUNDED: "a self-funded job plan",
    Coverage.CDI: "an insurance policy under the Department of Insurance",
    Coverage.FEHB: "a federal employee plan",
    Coverage.TRICARE: "TRICARE",
    Coverage.VA: "VA health care",
    Coverage.WORKERS_COMP: "workers' compensation",
    Coverage.UNKNOWN: "not sure who oversees the plan (the Help Center can confirm)",
}
_PROBLEM_NAMES = {
    Problem.NOT_NECESSARY: "care denied, changed or delayed as not medically necessary",
    Problem.EXPERIMENTAL: "treatment denied as experimental or investigational",
    Problem.EMERGENCY_CLAIM: "a problem with payment for emergency care",
    Problem.NOT_COVERED: "the plan says it is not covered",
    Problem.BILLING: "a bill or payment problem",
    Problem.SERVICE: "a service problem (delays, access or quality)",
    Problem.UNKNOWN: "not sure",
}
_LABELS = {
    "coverage": "Your coverage", "problem": "The problem", "urgent": "Urgent",
    "serious_condition": "Life-threatening or seriously disabling", "state_hearing": "State Hearing asked for or held",
    "filed_grievance": "Grievance filed with the plan", "plan_answered": "Plan's written decision received",
    "grievance_date": "Grievance filed on", "decision_date": "Date of the plan's decision",
}
_ANSWER_WORDS = {"yes": "yes", "no": "no", "unsure": "not sure"}


def stored_date(value: Any) -> Optional[date]:
    """A date slot's value as a date (None when unset, "not sure" or not a date)."""
    if not value or value == UNKNOWN_DATE:
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        return None


def stored_enum(kind: Any, value: Any) -> Any:
    """A slot's value as the enum `kind` (None when unset or not one of its values)."""
    try:
        return kind(value) if value else None
    except ValueError:
        return None


def is_stored_value(slot: str, value: Any) -> bool:
    """Is value already in the slot's stored form (enum value, yes/no/unsure, ISO date)?"""
    if slot == "coverage":
        return stored_enum(Coverage, value) is not None
    if slot == "problem":
        return stored_enum(Problem, value) is not None
    if slot.endswith("_date"):
        return value == UNKNOWN_DATE or stored_date(value) is not None
    return value in ("yes", "no", "unsure")


def case_from_slots(slots: Mapping[str, Any], emergency_now: bool = False) -> Case:
    """The Case described by the slots (unknown or malformed values count as not asked)."""
    yes_no = {k: slots.get(k) if slots.get(k) in ("yes", "no", "unsure") else None
              for k in ("urgent", "serious_condition", "state_hearing", "filed_grievance", "plan_answered")}
    return Case(
        coverage=stored_enum(Coverage, slots.get("coverage")),
        problem=stored_enum(Problem, slots.get("problem")),
        emergency_now=emergency_now,
        grievance_date=stored_date(slots.get("grievance_date")),
        decision_date=stored_date(slots.get("decision_date")),
        grievance_date_unknown=slots.get("grievance_date") == UNKNOWN_DATE,
        decision_date_unknown=slots.get("decision_date") == UNKNOWN_DATE,
        **yes_no,
    )


def describe(slot: str, value: Any) -> str:
    """An answer in words, for the summary ("Your coverage: a Medi-Cal managed care plan")."""
    if slot == "coverage":
        words = _COVERAGE_NAMES.get(stored_enum(Coverage, value), str(value))
    elif slot == "problem":
        words = _PROBLEM_NAMES.get(stored_enum(Problem, value), str(value))
    elif slot.endswith("_date"):
        parsed = stored_date(value)
        words = say_date(parsed) if parsed else "not sure"
    else:
        words = _ANSWER_WORDS.get(str(value), str(value))
    return f"{_LABELS[slot]}: {words}"


def asked_path(slots: Mapping[str, Any]) -> Dict[str, Any]:
    """The answers that matter for this case, in the order they are asked.

    Replays the questions from an empty case, so an answer left over from before a correction
    (say, grievance questions after the problem was changed to "experimental") is dropped.
    """
    kept: Dict[str, Any] = {}
    for _ in ANSWER_SLOTS:
        question = next_question(case_from_slots(kept))
        if question is None or slots.get(question) is None:
            break
        kept[question] = slots[question]
    return kept


def summary_lines(slots: Mapping[str, Any]) -> List[str]:
    """One line per answer that matters, in the order they are asked."""
    return [describe(s, v) for s, v in asked_path(slots).items()]


def label(slot: str) -> str:
    return _LABELS[slot]


def cleared() -> Dict[str, None]:
    """Slot values that forget a previous check."""
    return {s: None for s in ANSWER_SLOTS + ("confirm_answers", "failed_answers")}
