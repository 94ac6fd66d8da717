"""The words of the eligibility check: each fact read from the text (rules.md), results a person
can read on a phone, and the wording kept out of the decision logic."""
from __future__ import annotations

import ast
import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Iterator, List

import pytest

from bot.eligibility import texts as T
from bot.domain.dates import say_date
from bot.eligibility.rules import (OTHER_AGENCY_COVERAGE, Case, Coverage, Outcome, Problem, Route, case_summary,
                             decide, next_question)
from bot.eligibility.questions import QUESTIONS
from bot.eligibility.result import ANYTHING_ELSE, MAX_MESSAGES, result_messages
from bot.eligibility.slots import describe
from bot.domain.contacts import PHONE_LINES

TODAY = date(2026, 11, 29)
ROOT = Path(__file__).resolve().parents[2]

# Every answer each question can get, to walk every case the form can reach.
_ANSWERS = {
    "coverage": list(Coverage), "problem": list(Problem), "urgent": ["yes", "no", "unsure"],
    "serious_condition": ["yes", "no", "unsure"], "state_hearing": ["yes", "no", "unsure"],
    "filed_grievance": ["yes", "no", "unsure"], "plan_answered": ["yes", "no", "unsure"],
    "grievance_date": [TODAY - timedelta(5), TODAY - timedelta(40), None],
    "decision_date": [date(2026, 11, 20), date(2026, 10, 1), date(2026, 7, 1), date(2026, 3, 1), None],
}


def reachable(case: Case = Case()) -> Iterator[Case]:
    """Every finished case the questions can lead to (None for a date: "not sure")."""
    field = next_question(case)
    if field is None:
        yield case
        return
    for value in _ANSWERS[field]:
        if value is None:
            yield from reachable(replace(case, **{f"{field}_unknown": True}))
        else:
            yield from reachable(replace(case, **{field: value}))


CASES = list(reachable()) + [Case(), Case(emergency_now=True)]


def said(outcome: Outcome) -> str:
    return " ".join((outcome.title, outcome.reason) + outcome.steps + outcome.details)


def dmhc(**kw) -> Case:
    base = dict(coverage=Coverage.DMHC, problem=Problem.NOT_NECESSARY, urgent="no", filed_grievance="yes")
    base.update(kw)
    return Case(**base)


def medi_cal(**kw) -> Case:
    return dmhc(**{"coverage": Coverage.MEDI_CAL_MANAGED, "state_hearing": "no", **kw})


def test_the_walk_reaches_many_cases():
    assert len(CASES) > 500


# --------------------------------------------------------------- 2a Medi-Cal State Hearing


def test_asking_for_a_state_hearing_rules_out_the_imr_in_every_text():
    question = QUESTIONS["state_hearing"]
    assert question.text == "Have you already asked for or had a Medi-Cal State Hearing about this?"
    assert "Once you ask for a State Hearing" in question.why
    assert "Answer yes if you have asked for one, even if it has not happened yet" in question.rephrase
    outcome = decide(medi_cal(state_hearing="yes"), TODAY)
    assert outcome.route is Route.HEARING_DONE
    assert outcome.reason.startswith("Once you ask for a Medi-Cal State Hearing, you cannot get")
    assert "once you ask for a State Hearing, you cannot get an IMR" in T.MEDI_CAL_ORDER
    unsure = decide(medi_cal(state_hearing="unsure", plan_answered="yes", decision_date=date(2025, 1, 1)), TODAY)
    assert "asked for or had a State Hearing" in said(unsure)
    case = medi_cal(plan_answered="yes", decision_date=date(2026, 10, 1))
    assert "I have not asked for or had a Medi-Cal State Hearing" in case_summary(case, decide(case, TODAY))
    assert describe("state_hearing", "yes") == "State Hearing asked for or held: yes"


def test_medi_cal_plan_first_gives_the_60_days_with_the_date_when_known():
    outcome = decide(medi_cal(filed_grievance="no", decision_date=date(2026, 11, 1)), TODAY)
    assert outcome.route is Route.PLAN_FIRST
    assert outcome.title == "First, appeal to your plan by December 31, 2026"
    assert outcome.dates == (("Appeal to your plan by", date(2026, 12, 31)),)
    assert "60 days" in " ".join(outcome.steps) and "Notice of Action" in " ".join(outcome.steps)
    no_date = decide(medi_cal(filed_grievance="no", decision_date_unknown=True), TODAY)
    assert "within 60 days of the date on the plan's denial letter" in " ".join(no_date.steps)
    passed = decide(medi_cal(filed_grievance="no", decision_date=date(2026, 9, 1)), TODAY)
    steps = " ".join(passed.steps)
    assert "ended on October 31, 2026" in steps and "Ombudsman" in steps
    assert passed.title == "First, file a grievance (appeal) with your plan"


def test_regular_medi_cal_names_the_90_day_state_hearing_deadline():
    outcome = decide(Case(coverage=Coverage.MEDI_CAL_FFS), TODAY)
    assert "90 days" in outcome.title and "within 90 days" in " ".join(outcome.steps)


# --------------------------------------------------------------- 2b bills and emergency claims


@pytest.mark.parametrize("case", [c for c in CASES if c.problem is not Problem.NOT_NECESSARY],
                         ids=lambda c: f"{c.coverage}-{c.problem}")
def test_summary_says_not_medically_necessary_only_when_the_person_did(case):
    assert "not medically necessary" not in case_summary(case, decide(case, TODAY))


def test_emergency_claims_may_be_bills_or_denials_and_the_help_center_decides():
    outcome = decide(dmhc(problem=Problem.EMERGENCY_CLAIM, plan_answered="yes", decision_date=date(2026, 10, 5)), TODAY)
    assert outcome.title == "Apply to the DMHC by April 5, 2027" and outcome.track == "either"
    text = said(outcome)
    assert "denied as not medically necessary can get an IMR" in text
    assert "a bill for more than your usual share is a Consumer Complaint" in text
    summary = case_summary(dmhc(problem=Problem.EMERGENCY_CLAIM), outcome)
    assert summary.startswith("I have a problem with my health plan's payment for emergency")
    assert summary.endswith("I am asking the DMHC to review my case.")


def test_do_not_pay_more_only_for_emergency_care_or_out_of_network_at_in_network():
    for case in CASES:
        outcome = decide(case, TODAY)
        for text in outcome.steps + outcome.details:
            if "do not pay more" in text.lower():
                assert text.startswith(("If the bill is for emergency care, or from an out-of-network doctor "
                                        "at an in-network hospital", "For emergency care")), text


def test_a_generic_bill_uses_the_service_page_steps():
    steps = decide(dmhc(problem=Problem.BILLING, urgent=None, filed_grievance="no"), TODAY).steps
    assert steps[0].startswith("Call the billing office that sent the bill and ask them to explain it")
    assert steps[2].startswith("If you disagree with the bill, file a grievance")


# --------------------------------------------------------------- 2c experimental


def test_no_grievance_needed_only_for_a_serious_condition():
    for case in CASES:
        outcome = decide(case, TODAY)
        if T.NO_GRIEVANCE_NEEDED in outcome.steps:
            assert case.problem is Problem.EXPERIMENTAL and case.serious_condition == "yes"
    unsure = decide(dmhc(problem=Problem.EXPERIMENTAL, serious_condition="unsure", filed_grievance="no"), TODAY)
    assert unsure.route is Route.PLAN_FIRST and T.EXPERIMENTAL_MAYBE_SERIOUS in unsure.steps
    assert "may" in T.EXPERIMENTAL_MAYBE_SERIOUS and "Help Center can confirm" in T.EXPERIMENTAL_MAYBE_SERIOUS
    assert any("File a grievance" in s for s in unsure.steps)


# --------------------------------------------------------------- 2d coverage disputes


def test_coverage_disputes_are_consumer_complaints_never_an_imr():
    for case in CASES:
        if case.problem is not Problem.NOT_COVERED:
            continue
        outcome = decide(case, TODAY)
        text = said(outcome).replace("IMR/Complaint form", "form") + case_summary(case, outcome)
        assert "IMR" not in text and "Independent Medical Review" not in text, case
        assert outcome.route in (Route.COMPLAINT, Route.PLAN_FIRST, Route.WAIT, Route.URGENT, Route.OTHER_AGENCY,
                                 Route.HELP_CENTER)


# --------------------------------------------------------------- 2e self-funded


def test_self_funded_the_department_of_labor_helps_and_the_plan_then_a_federal_review_decide():
    outcome = decide(Case(coverage=Coverage.SELF_FUNDED), TODAY)
    assert "handles" not in outcome.title
    assert "U.S. Department of Labor (EBSA) helps" in outcome.reason
    steps = " ".join(outcome.steps)
    assert steps.index("internal appeal") < steps.index("federal external review")
    assert "ebsa" in outcome.phones


# --------------------------------------------------------------- 2f the form is not filed by phone


def test_filing_is_online_mail_or_fax_and_the_help_center_helps_by_phone():
    assert all(word in T.FORM for word in ("online", "mail", "fax", "(fastest)"))
    assert "The Help Center can help you fill it in over the phone" in T.FORM
    by_phone = re.compile(r"\b(file|send|submit|apply)\b[^.]*\b(by|over the) (phone|telephone)|\bphone[^.]*\bto file\b",
                          re.I)
    texts = [q.text + " " + q.why + " " + q.rephrase for q in QUESTIONS.values()]
    texts += [said(decide(case, TODAY)) for case in CASES]
    for text in texts:
        assert not by_phone.search(text), text


# --------------------------------------------------------------- 3 results on a phone

MAIN_FLOWS = {
    "R14 IMR": dmhc(plan_answered="yes", decision_date=date(2026, 10, 5)),
    "R12 no answer": dmhc(plan_answered="no", grievance_date=TODAY - timedelta(40)),
    "R13 wait": dmhc(plan_answered="no", grievance_date=TODAY - timedelta(10)),
    "R11 plan first": dmhc(filed_grievance="no"),
    "R11 bill": dmhc(problem=Problem.BILLING, urgent=None, filed_grievance="no"),
    "R16 not covered": dmhc(problem=Problem.NOT_COVERED, plan_answered="yes", decision_date=date(2026, 10, 5)),
    "R9 experimental": dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", filed_grievance=None,
                            decision_date=date(2026, 10, 5)),
    "R10 urgent": dmhc(urgent="yes", filed_grievance=None),
    "R18 Medi-Cal": medi_cal(plan_answered="yes", decision_date=date(2026, 10, 1)),
    "R15 late": dmhc(plan_answered="yes", decision_date=date(2026, 3, 5)),
}


def messages(case: Case) -> List[str]:
    return result_messages(case, decide(case, TODAY))


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.coverage}-{c.problem}")
def test_every_result_is_at_most_three_messages_with_numbers_and_anything_else(case):
    outcome = decide(case, TODAY)
    sent = result_messages(case, outcome)
    assert 2 <= len(sent) <= MAX_MESSAGES == 3
    assert sent[0].split("\n")[0] == outcome.title
    assert sent[-1].endswith(ANYTHING_ELSE)
    for key in outcome.phones:
        assert PHONE_LINES[key].number in sent[-1]
    if outcome.track:
        assert "paste into the form" in sent[1]
    assert all(len(m) <= 1300 for m in sent), [len(m) for m in sent]


@pytest.mark.parametrize("name", MAIN_FLOWS)
def test_main_results_are_short(name):
    assert all(len(m) <= 900 for m in messages(MAIN_FLOWS[name])), [len(m) for m in messages(MAIN_FLOWS[name])]


def test_medi_cal_result_is_three_messages_not_six():
    assert len(messages(MAIN_FLOWS["R18 Medi-Cal"])) == 3


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.coverage}-{c.problem}")
def test_the_result_leads_with_the_path_and_its_date(case):
    outcome = decide(case, TODAY)
    for label, day in outcome.dates:
        if label in ("Apply by", "You can apply on", "Appeal to your plan by", "Apply for an IMR by"):
            assert say_date(day) in outcome.title, (label, outcome.title)


def test_the_brief_example_title():
    assert messages(MAIN_FLOWS["R14 IMR"])[0].startswith("Apply for an IMR by April 5, 2027\n")


def test_jargon_is_explained_or_avoided():
    allowed = {
        "utilization review": "(called utilization review)",
        "Evidence of Coverage": "(called the Evidence of Coverage)",
        "Notice of Action": "(called a Notice of Action)",
    }
    texts = [said(decide(case, TODAY)) for case in CASES]
    texts += [q.text + " " + q.why + " " + q.rephrase for q in QUESTIONS.values()]
    for text in texts:
        for word in ("expedited", "binding", "authorize"):
            assert word not in text.lower(), (word, text)
        for word, explained in allowed.items():
            assert text.count(word) == text.count(explained), (word, text)
        if "IMR" in text.replace("IMR/Complaint form", ""):
            assert "Independent Medical Review" in text or "independent" in text, text


# --------------------------------------------------------------- 4 wording out of the logic


def test_the_decision_module_holds_no_sentences():
    tree = ast.parse((ROOT / "bot" / "eligibility" / "rules.py").read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef))
                  and node.body and isinstance(node.body[0], ast.Expr)
                  and isinstance(node.body[0].value, ast.Constant)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            assert len(node.value.split()) <= 6 and not node.value.endswith("."), node.value


def test_the_texts_module_does_not_import_the_decision_module():
    source = (ROOT / "bot" / "eligibility" / "texts.py").read_text(encoding="utf-8")
    assert "from bot.eligibility.rules import" not in source and "import bot.eligibility.rules" not in source


def test_agency_texts_cover_every_other_agency():
    assert {c.value for c in OTHER_AGENCY_COVERAGE} == set(T.AGENCIES)
