"""What the person reads: the summary before the answer and the result messages."""
from __future__ import annotations

from datetime import date

from bot.domain.contacts import line
from bot.eligibility.rules import decide
from bot.eligibility.result import result_messages
from bot.eligibility.slots import asked_path, case_from_slots, summary_lines

TODAY = date(2026, 11, 29)
KAISER_DENIAL = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
                 "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-10-05"}


def test_summary_lists_the_answers_in_words():
    lines = summary_lines(KAISER_DENIAL)
    assert lines[0] == "Your coverage: an HMO or other plan under the DMHC"
    assert "Date of the plan's decision: October 5, 2026" in lines


def test_answers_left_over_from_a_correction_are_dropped():
    changed = dict(KAISER_DENIAL, problem="experimental", serious_condition="yes")
    assert list(asked_path(changed)) == ["coverage", "problem", "urgent", "serious_condition", "decision_date"]


def test_result_for_an_imr_has_path_dates_summary_and_numbers():
    case = case_from_slots(asked_path(KAISER_DENIAL))
    text = "\n".join(result_messages(case, decide(case, TODAY)))
    assert "Independent Medical Review" in text
    assert "April 5, 2027" in text  # six months after the October 5 decision
    assert "paste into the form" in text
    assert line("help_center") in text
    assert text.rstrip().endswith("anything else I can help you with?")


def test_result_for_a_grievance_filed_ten_days_ago_says_when_to_come_back():
    slots = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
             "filed_grievance": "yes", "plan_answered": "no", "grievance_date": "2026-11-19"}
    case = case_from_slots(asked_path(slots))
    text = "\n".join(result_messages(case, decide(case, TODAY)))
    assert "December 19, 2026" in text
