"""Short answers people type to the eligibility questions, and corrections to the summary."""
from __future__ import annotations

from datetime import date

import pytest

from bot.answers import date_phrase, find_date, read_answer_to, read_coverage, read_problem, read_yes_no
from bot.corrections import ASK_WHICH, CHANGED, CHANGE_PREFIX, CONFIRMED, UNCLEAR, read_confirmation
from bot.eligibility import Coverage, Problem
from bot.eligibility_questions import QUESTIONS

TODAY = date(2026, 11, 29)


@pytest.mark.parametrize("text, expected", [
    ("yes", "yes"), ("Yeah", "yes"), ("yep i did", "yes"), ("I did", "yes"), ("sure", "yes"),
    ("no", "no"), ("nope", "no"), ("not yet", "no"), ("I haven't", "no"), ("nah", "no"),
    ("not sure", "unsure"), ("I don't know", "unsure"), ("idk", "unsure"), ("maybe", "unsure"),
    ("Not sure", "unsure"), ("banana", None), ("", None),
])
def test_yes_no(text, expected):
    assert read_yes_no(text) == expected


@pytest.mark.parametrize("text, entities, expected", [
    ("kaiser hmo", ["kaiser"], Coverage.DMHC),
    ("Kaiser or another HMO", ["Kaiser"], Coverage.DMHC),
    ("blue shield", ["blue shield"], Coverage.DMHC),
    ("Medi-Cal", ["Medi-Cal"], Coverage.MEDI_CAL_MANAGED),
    ("medi-cal through LA Care", ["medi-cal", "LA Care"], Coverage.MEDI_CAL_MANAGED),
    ("regular medi-cal, no plan", [], Coverage.MEDI_CAL_FFS),
    ("Medicare", ["Medicare"], Coverage.MEDICARE),
    ("i have medicare and medi-cal", [], Coverage.DUAL),
    ("Job plan that is self-funded", [], Coverage.SELF_FUNDED),
    ("it's a ppo from the department of insurance", [], Coverage.CDI),
    ("TRICARE", [], Coverage.TRICARE), ("VA", ["VA"], Coverage.VA),
    ("workers comp", [], Coverage.WORKERS_COMP), ("covered california", [], Coverage.DMHC),
    ("Not sure", [], Coverage.UNKNOWN), ("purple", [], None),
])
def test_coverage(text, entities, expected):
    assert read_coverage(text, entities) == expected


@pytest.mark.parametrize("text, expected", [
    ("Not medically necessary", Problem.NOT_NECESSARY), ("they said I don't need it", Problem.NOT_NECESSARY),
    ("Experimental", Problem.EXPERIMENTAL), ("it's investigational", Problem.EXPERIMENTAL),
    ("Not covered by my plan", Problem.NOT_COVERED), ("A bill", Problem.BILLING),
    ("they won't pay my ER bill", Problem.EMERGENCY_CLAIM),
    ("can't get an appointment", Problem.SERVICE), ("Not sure", Problem.UNKNOWN), ("hmm", None),
])
def test_problem(text, expected):
    assert read_problem(text) == expected


def test_every_button_of_every_question_is_readable():
    readers = {"coverage": lambda t: read_coverage(t, []), "problem": read_problem}
    for slot, question in QUESTIONS.items():
        for button in question.buttons:
            reader = readers.get(slot, read_yes_no)
            assert reader(button) is not None, (slot, button)


@pytest.mark.parametrize("text, phrase", [
    ("no, the decision came in May", "May"), ("the letter was dated Oct 3", "Oct 3"),
    ("3 weeks ago", "3 weeks ago"), ("I filed it on Oct 5", "Oct 5"),
])
def test_date_phrase(text, phrase):
    assert date_phrase(text) == phrase


SLOTS = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
         "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-10-05"}


@pytest.mark.parametrize("text, kind, updates", [
    ("Yes", CONFIRMED, {}), ("yes that's right", CONFIRMED, {}),
    ("no, the decision came in May", CHANGED, {"decision_date": "2026-05-01"}),
    ("the letter was dated Oct 3", CHANGED, {"decision_date": "2026-10-03"}),
    ("actually it's Medi-Cal", CHANGED, {"coverage": "medi_cal_managed"}),
    ("change the urgent answer", CHANGED, {"urgent": None}),
    (CHANGE_PREFIX + "plan_answered", CHANGED, {"plan_answered": None}),
    ("Change an answer", ASK_WHICH, {}), ("no", ASK_WHICH, {}), ("purple", UNCLEAR, {}),
])
def test_confirmation_replies(text, kind, updates):
    reply = read_confirmation(text, SLOTS, TODAY)
    assert (reply.kind, reply.updates) == (kind, updates)


@pytest.mark.parametrize("slot, text, expected", [
    ("filed_grievance", "yes we appealed in september", "yes"),
    ("filed_grievance", "i called them and complained", "yes"),
    ("filed_grievance", "we never filed anything", "no"),
    ("plan_answered", "they denied it again last month", "yes"),
    ("plan_answered", "still waiting on them", "no"),
    ("plan_answered", "no response yet", "no"),
    ("urgent", "it can wait", "no"),
    ("urgent", "she is getting worse every day", "yes"),
    ("serious_condition", "it's cancer", "yes"),
    ("state_hearing", "we never had one", "no"),
    ("urgent", "purple", None),
])
def test_plain_word_answers_to_one_question(slot, text, expected):
    assert read_answer_to(slot, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("yes we appealed in september", date(2026, 9, 1)),
    ("they denied it again last month", date(2026, 10, 29)),
    ("yes", None), ("we appealed", None),
])
def test_a_date_said_along_with_an_answer(text, expected):
    assert find_date(text, TODAY) == expected


def test_ok_confirms_the_summary_but_does_not_answer_yes():
    assert read_yes_no("ok") is None
    assert read_confirmation("ok", SLOTS, TODAY).kind == CONFIRMED
