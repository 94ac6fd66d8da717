"""The eligibility logic follows rules.md §8.2 (R0-R18), its boundaries and the bot's number rules."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import Dict, List

import pytest

from bot.domain import contacts
from bot.eligibility.rules import (
    Case,
    Coverage,
    Outcome,
    Problem,
    Route,
    case_summary,
    decide,
    next_question,
)

TODAY = date(2026, 11, 29)
D = timedelta  # days
PHONE = re.compile(r"(?:1-)?\d{3}-(?:\d{3}-\d{4}|[A-Z]{3}-\d{4}|[A-Z]{7,})|\b(?:988|911)\b")
SAID_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December)"
    r" \d{1,2}, \d{4}\b"
)


def dmhc(**kw) -> Case:
    """A Kaiser-style case: DMHC plan, not-medically-necessary denial, not urgent, grievance filed."""
    base = dict(coverage=Coverage.DMHC, problem=Problem.NOT_NECESSARY, urgent="no", filed_grievance="yes")
    base.update(kw)
    return Case(**base)


def medi_cal(**kw) -> Case:
    return dmhc(**{"coverage": Coverage.MEDI_CAL_MANAGED, "state_hearing": "no", **kw})


def texts(outcome: Outcome, case: Case = Case()) -> List[str]:
    return (
        [outcome.title, outcome.reason, outcome.agency or "", case_summary(case, outcome)]
        + list(outcome.steps)
        + list(outcome.details)
        + [label for label, _ in outcome.dates]
    )


def said(outcome: Outcome) -> str:
    """Everything the person reads about the outcome, but the summary."""
    return " ".join((outcome.title, outcome.reason) + outcome.steps + outcome.details)


# --------------------------------------------------------------------------- decision table

# (id, case, route, rule, dates)
TABLE = [
    ("R0 emergency", Case(emergency_now=True), Route.EMERGENCY, "R0", ()),
    ("R0 beats coverage", dmhc(emergency_now=True, urgent="yes"), Route.EMERGENCY, "R0", ()),
    ("R1 Medicare", Case(coverage=Coverage.MEDICARE), Route.OTHER_AGENCY, "R1", ()),
    ("R2 dual", Case(coverage=Coverage.DUAL), Route.HELP_CENTER, "R2", ()),
    ("R3 Medi-Cal FFS", Case(coverage=Coverage.MEDI_CAL_FFS), Route.OTHER_AGENCY, "R3", ()),
    ("R4 self-funded", Case(coverage=Coverage.SELF_FUNDED), Route.OTHER_AGENCY, "R4", ()),
    ("R5 FEHB", Case(coverage=Coverage.FEHB), Route.OTHER_AGENCY, "R5", ()),
    ("R5 TRICARE", Case(coverage=Coverage.TRICARE), Route.OTHER_AGENCY, "R5", ()),
    ("R5 VA", Case(coverage=Coverage.VA), Route.OTHER_AGENCY, "R5", ()),
    ("R5 workers comp", Case(coverage=Coverage.WORKERS_COMP), Route.OTHER_AGENCY, "R5", ()),
    ("R6 CDI", Case(coverage=Coverage.CDI), Route.OTHER_AGENCY, "R6", ()),
    ("R7 nothing known", Case(), Route.HELP_CENTER, "R7", ()),
    ("R8 hearing held", medi_cal(state_hearing="yes"), Route.HEARING_DONE, "R8", ()),
    ("R8 before urgent", medi_cal(state_hearing="yes", urgent="yes"), Route.HEARING_DONE, "R8", ()),
    (
        "R9 serious, recent denial",
        dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", filed_grievance=None,
             decision_date=date(2026, 10, 5)),
        Route.IMR, "R9", (("Apply by", date(2027, 4, 5)),),
    ),
    (
        "R9 serious, denial older than six months",
        dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", filed_grievance=None,
             decision_date=date(2026, 3, 1)),
        Route.IMR, "R9", (("Six months ended", date(2026, 9, 1)),),
    ),
    (
        "R9 serious, date unknown",
        dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", filed_grievance=None,
             decision_date_unknown=True),
        Route.IMR, "R9", (),
    ),
    (
        "R9 serious unsure -> plan grievance first (the safe path)",
        dmhc(problem=Problem.EXPERIMENTAL, serious_condition="unsure", filed_grievance="no"),
        Route.PLAN_FIRST, "R11", (),
    ),
    (
        "R9 not serious -> plan first",
        dmhc(problem=Problem.EXPERIMENTAL, serious_condition="no", filed_grievance="no"),
        Route.PLAN_FIRST, "R11", (),
    ),
    (
        "R9 not serious, plan answered -> IMR",
        dmhc(problem=Problem.EXPERIMENTAL, serious_condition="no", plan_answered="yes",
             decision_date=date(2026, 11, 1)),
        Route.IMR, "R14", (("Apply by", date(2027, 5, 1)),),
    ),
    ("R10 urgent", dmhc(urgent="yes", filed_grievance=None), Route.URGENT, "R10", ()),
    ("R10 urgent overrides grievance", dmhc(urgent="yes", filed_grievance="no"), Route.URGENT, "R10", ()),
    (
        "R10 urgent overrides the 30-day wait",
        dmhc(urgent="yes", plan_answered="no", grievance_date=TODAY - D(3)),
        Route.URGENT, "R10", (),
    ),
    (
        "R10 urgent experimental",
        dmhc(problem=Problem.EXPERIMENTAL, urgent="yes", serious_condition="yes"),
        Route.URGENT, "R10", (),
    ),
    ("R10 urgent complaint", dmhc(problem=Problem.SERVICE, urgent="yes"), Route.URGENT, "R10", ()),
    ("R10 urgent Medi-Cal", medi_cal(urgent="yes"), Route.URGENT, "R10", ()),
    ("R11 not filed", dmhc(filed_grievance="no"), Route.PLAN_FIRST, "R11", ()),
    ("R11 unsure if filed", dmhc(filed_grievance="unsure"), Route.PLAN_FIRST, "R11", ()),
    ("R11 billing", dmhc(problem=Problem.BILLING, urgent=None, filed_grievance="no"), Route.PLAN_FIRST, "R11", ()),
    ("R12 day 30", dmhc(plan_answered="no", grievance_date=TODAY - D(30)), Route.IMR, "R12", ()),
    ("R12 day 90", dmhc(plan_answered="unsure", grievance_date=TODAY - D(90)), Route.IMR, "R12", ()),
    (
        "R12 emergency claim",
        dmhc(problem=Problem.EMERGENCY_CLAIM, plan_answered="no", grievance_date=TODAY - D(31)),
        Route.IMR, "R12", (),
    ),
    (
        "R12 -> complaint for a coverage dispute",
        dmhc(problem=Problem.NOT_COVERED, plan_answered="no", grievance_date=TODAY - D(30)),
        Route.COMPLAINT, "R16", (),
    ),
    (
        "R13 day 29",
        dmhc(plan_answered="no", grievance_date=TODAY - D(29)),
        Route.WAIT, "R13", (("You can apply on", date(2026, 11, 30)),),
    ),
    ("R13 day 0", dmhc(plan_answered="no", grievance_date=TODAY), Route.WAIT, "R13",
     (("You can apply on", date(2026, 12, 29)),)),
    ("R13 date unknown", dmhc(plan_answered="no", grievance_date_unknown=True), Route.WAIT, "R13", ()),
    (
        "R14 exactly six months",
        dmhc(plan_answered="yes", decision_date=date(2026, 5, 29)),
        Route.IMR, "R14", (("Apply by", date(2026, 11, 29)),),
    ),
    (
        "R14 decision date unknown",
        dmhc(plan_answered="yes", decision_date_unknown=True),
        Route.IMR, "R14", (),
    ),
    (
        "R15 one day past six months",
        dmhc(plan_answered="yes", decision_date=date(2026, 5, 28)),
        Route.IMR_LATE, "R15", (("Six months ended", date(2026, 11, 28)),),
    ),
    (
        "R16 not covered, in time",
        dmhc(problem=Problem.NOT_COVERED, plan_answered="yes", decision_date=date(2026, 9, 30)),
        Route.COMPLAINT, "R16", (("Apply by", date(2027, 3, 30)),),
    ),
    (
        "R16 service, late",
        dmhc(problem=Problem.SERVICE, plan_answered="yes", decision_date=date(2026, 1, 31)),
        Route.COMPLAINT, "R16", (("Six months ended", date(2026, 7, 31)),),
    ),
    (
        "R17 billing",
        dmhc(problem=Problem.BILLING, urgent=None, plan_answered="yes", decision_date=date(2026, 11, 2)),
        Route.COMPLAINT, "R17", (("Apply by", date(2027, 5, 2)),),
    ),
    (
        "R18 Medi-Cal decision",
        medi_cal(plan_answered="yes", decision_date=date(2026, 10, 1)),
        Route.MEDI_CAL_BOTH, "R18",
        (("State Hearing by", date(2027, 1, 29)), ("Apply for an IMR by", date(2027, 4, 1))),
    ),
    (
        "R18 Medi-Cal, hearing window passed",
        medi_cal(plan_answered="yes", decision_date=date(2026, 7, 1)),
        Route.MEDI_CAL_BOTH, "R18", (("Apply for an IMR by", date(2027, 1, 1)),),
    ),
    (
        "R18 Medi-Cal, date unknown",
        medi_cal(plan_answered="yes", decision_date_unknown=True),
        Route.MEDI_CAL_BOTH, "R18", (),
    ),
    (
        "R15 Medi-Cal, late",
        medi_cal(plan_answered="yes", decision_date=date(2026, 4, 1)),
        Route.IMR_LATE, "R15", (("Six months ended", date(2026, 10, 1)),),
    ),
    (
        "R13 Medi-Cal grievance pending",
        medi_cal(plan_answered="no", grievance_date=TODAY - D(10)),
        Route.WAIT, "R13", (("You can apply on", TODAY + D(20)),),
    ),
    ("R12 Medi-Cal no answer", medi_cal(plan_answered="no", grievance_date=TODAY - D(40)), Route.IMR, "R12", ()),
    ("R11 Medi-Cal complaint", dmhc(coverage=Coverage.MEDI_CAL_MANAGED, problem=Problem.SERVICE,
                                    filed_grievance="no"), Route.PLAN_FIRST, "R11", ()),
]
IDS = [row[0] for row in TABLE]


@pytest.mark.parametrize("name,case,route,rule,dates", TABLE, ids=IDS)
def test_decision_table(name, case, route, rule, dates):
    outcome = decide(case, TODAY)
    assert (outcome.route, outcome.rule, outcome.dates) == (route, rule, dates)


def test_every_rule_row_is_covered():
    rules = {row[3] for row in TABLE}
    assert rules >= {f"R{i}" for i in range(19)}


@pytest.mark.parametrize("name,case,route,rule,dates", TABLE, ids=IDS)
def test_phones_are_known_lines_and_include_the_help_center(name, case, route, rule, dates):
    outcome = decide(case, TODAY)
    assert outcome.phones and len(set(outcome.phones)) == len(outcome.phones)
    assert all(key in contacts.PHONE_LINES for key in outcome.phones)
    assert "help_center" in outcome.phones


@pytest.mark.parametrize("name,case,route,rule,dates", TABLE, ids=IDS)
def test_texts_use_only_known_phone_numbers_and_figures(name, case, route, rule, dates):
    for text in texts(decide(case, TODAY), case):
        for number in PHONE.findall(text):
            assert contacts.normalize_phone(number) in contacts.known_phone_digits(), number
        rest = SAID_DATE.sub(" ", " ".join(text.split()))
        rest = PHONE.sub(" ", rest)
        for figure in sorted(contacts.FIGURES, key=len, reverse=True):
            rest = re.sub(rf"(?<![\d,]){re.escape(figure)}", " ", rest)
        assert not re.search(r"\d", rest), rest


@pytest.mark.parametrize("name,case,route,rule,dates", TABLE, ids=IDS)
def test_texts_are_plain_and_never_turn_people_away(name, case, route, rule, dates):
    outcome = decide(case, TODAY)
    reason = outcome.reason.replace("U.S.", "US")
    assert reason.endswith(".") and ". " not in reason and "? " not in reason, reason
    assert outcome.title and outcome.steps
    joined = " ".join(texts(outcome, case)).lower()
    for banned in ("cannot help", "can't help", "too late", "not eligible"):
        assert banned not in joined


@pytest.mark.parametrize("name,case,route,rule,dates", TABLE, ids=IDS)
def test_dates_are_also_said_in_the_title_or_steps(name, case, route, rule, dates):
    from bot.domain.dates import say_date

    outcome = decide(case, TODAY)
    shown = " ".join((outcome.title,) + outcome.steps)
    for _, day in outcome.dates:
        assert say_date(day) in shown


# --------------------------------------------------------------------------- boundaries


def test_day_29_waits_for_day_30_and_day_30_files_now():
    wait = decide(dmhc(plan_answered="no", grievance_date=date(2026, 10, 31)), TODAY)
    assert wait.route is Route.WAIT and wait.dates == (("You can apply on", date(2026, 11, 30)),)
    assert "November 30, 2026" in " ".join(wait.steps)
    now = decide(dmhc(plan_answered="no", grievance_date=date(2026, 10, 30)), TODAY)
    assert now.route is Route.IMR and now.rule == "R12"
    assert decide(dmhc(plan_answered="no", grievance_date=date(2026, 10, 30)), TODAY - D(1)).route is Route.WAIT


def test_six_month_boundary():
    on_time = decide(dmhc(plan_answered="yes", decision_date=date(2026, 5, 29)), TODAY)
    assert on_time.route is Route.IMR and on_time.title == "Apply for an IMR by November 29, 2026"
    late = decide(dmhc(plan_answered="yes", decision_date=date(2026, 5, 29)), TODAY + D(1))
    assert late.route is Route.IMR_LATE
    assert "apply anyway" in " ".join(late.steps) and "may still accept" in late.reason


def test_six_months_clamps_to_month_end():
    outcome = decide(dmhc(plan_answered="yes", decision_date=date(2026, 8, 31)), TODAY)
    assert outcome.dates == (("Apply by", date(2027, 2, 28)),)


def test_experimental_late_is_still_an_imr_with_special_circumstances():
    case = dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", decision_date=date(2025, 1, 1))
    outcome = decide(case, TODAY)
    assert outcome.route is Route.IMR
    assert "apply anyway" in " ".join(outcome.steps)


def test_medi_cal_hearing_deadline_is_120_days_and_order_is_explained():
    outcome = decide(medi_cal(plan_answered="yes", decision_date=date(2026, 10, 1)), TODAY)
    assert dict(outcome.dates)["State Hearing by"] == date(2026, 10, 1) + D(120)
    steps = " ".join(outcome.steps)
    assert "Order matters" in steps and "act fast" in steps
    assert {"medi_cal_ombudsman", "cdss_hearings", "hca"} <= set(outcome.phones)


# --------------------------------------------------------------------------- urgent and unsure


def test_medi_cal_plan_first_names_the_60_day_appeal_window():
    outcome = decide(medi_cal(filed_grievance="no", decision_date_unknown=True), TODAY)
    assert outcome.route is Route.PLAN_FIRST and "medi_cal_ombudsman" in outcome.phones
    assert any("within 60 days of the date on the plan's denial letter" in s for s in outcome.steps)
    assert not any("60 days" in s for s in decide(dmhc(filed_grievance="no"), TODAY).steps)


def test_urgent_skips_the_wait_and_names_the_3_day_plan_answer():
    outcome = decide(dmhc(urgent="yes", plan_answered="no", grievance_date=TODAY), TODAY)
    steps = " ".join(outcome.steps)
    assert outcome.route is Route.URGENT and outcome.dates == ()
    assert "within 3 days" in steps and "7 days" in steps and "do not have to wait 30 days" in steps


def test_urgent_complaint_does_not_promise_an_imr_time():
    outcome = decide(dmhc(problem=Problem.SERVICE, urgent="yes"), TODAY)
    assert "7 days" not in " ".join(outcome.steps)


def test_unsure_urgency_tells_when_to_call_now():
    outcome = decide(dmhc(urgent="unsure", filed_grievance="no"), TODAY)
    assert outcome.route is Route.PLAN_FIRST
    assert "call the Help Center now" in outcome.steps[0]


def test_unsure_answers_each_lead_somewhere_useful():
    # coverage unsure: the DMHC path, hedged, with how to find the regulator
    unknown = decide(dmhc(coverage=Coverage.UNKNOWN, plan_answered="yes", decision_date=date(2026, 10, 5)), TODAY)
    assert unknown.route is Route.IMR and unknown.agency is None
    assert unknown.reason.startswith("If your plan is under the DMHC")
    assert "Evidence of Coverage" in unknown.steps[0]
    # problem unsure: the IMR side (the Help Center picks the track)
    problem = decide(dmhc(problem=Problem.UNKNOWN, plan_answered="yes", decision_date=date(2026, 10, 5)), TODAY)
    assert problem.route is Route.IMR and any("Help Center decides" in s for s in problem.steps)
    # serious condition unsure: the plan grievance stays the safe path; skipping it "may" apply
    serious = decide(dmhc(problem=Problem.EXPERIMENTAL, serious_condition="unsure", filed_grievance="no"), TODAY)
    assert serious.route is Route.PLAN_FIRST
    assert any("life-threatening" in s and "may" in s and "Help Center can confirm" in s for s in serious.steps)
    # state hearing unsure: continue, with the Ombudsman check
    hearing = decide(medi_cal(state_hearing="unsure", filed_grievance="no", decision_date_unknown=True), TODAY)
    assert hearing.route is Route.PLAN_FIRST and "Ombudsman can check" in said(hearing)
    # filed unsure: plan first, check with the plan
    filed = decide(dmhc(filed_grievance="unsure"), TODAY)
    assert any("Check with your plan" in s for s in filed.steps)
    # plan answered unsure: treated as not answered, with a check of the mail
    answered = decide(dmhc(plan_answered="unsure", grievance_date=TODAY - D(5)), TODAY)
    assert answered.route is Route.WAIT and "Check your mail" in said(answered)
    # dates unknown: the rule without a date
    g_unknown = decide(dmhc(plan_answered="no", grievance_date_unknown=True), TODAY)
    assert g_unknown.dates == () and any("30 days" in s for s in g_unknown.steps)
    d_unknown = decide(dmhc(plan_answered="yes", decision_date_unknown=True), TODAY)
    assert d_unknown.title == "Apply for an IMR within six months of the plan's decision"


def test_unknown_coverage_urgent_is_hedged_too():
    outcome = decide(Case(coverage=Coverage.UNKNOWN, problem=Problem.NOT_NECESSARY, urgent="yes"), TODAY)
    assert outcome.route is Route.URGENT and outcome.agency is None
    assert outcome.reason.startswith("If your plan is under the DMHC")


def test_billing_gets_the_service_page_steps_and_surprise_bill_guidance_only_when_it_applies():
    outcome = decide(dmhc(problem=Problem.BILLING, urgent=None, filed_grievance="no"), TODAY)
    steps = " ".join(outcome.steps)
    # service page: billing office explains, then the plan's grievance, then the Help Center
    assert steps.index("billing office that sent the bill") < steps.index("file a grievance")
    assert "attach a copy of the bill" in steps
    assert "deductible, co-pay or co-insurance" in steps
    # "do not pay more" only for emergency care or an out-of-network doctor at an in-network place
    for step in outcome.steps:
        if "do not pay more" in step.lower():
            assert step.startswith("If the bill is for emergency care, or from an out-of-network doctor")


def test_dmhc_routes_say_what_to_gather_and_offer_free_help():
    for case in (dmhc(plan_answered="yes", decision_date=date(2026, 10, 5)),
                 dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", decision_date_unknown=True),
                 medi_cal(plan_answered="yes", decision_date=date(2026, 10, 5))):
        outcome = decide(case, TODAY)
        details = " ".join(outcome.details)
        assert "written d" in details and "medical records" in details and "doctor" in details
        assert "hca" in outcome.phones


def test_other_agencies_never_ask_grievance_questions_and_name_the_agency():
    for coverage in (Coverage.MEDICARE, Coverage.MEDI_CAL_FFS, Coverage.SELF_FUNDED, Coverage.CDI,
                     Coverage.FEHB, Coverage.TRICARE, Coverage.VA, Coverage.WORKERS_COMP):
        outcome = decide(Case(coverage=coverage), TODAY)
        assert outcome.route is Route.OTHER_AGENCY and outcome.agency
    assert decide(Case(coverage=Coverage.MEDICARE), TODAY).phones == ("medicare", "hicap", "help_center")
    assert "cdss_hearings" in decide(Case(coverage=Coverage.MEDI_CAL_FFS), TODAY).phones
    assert "ebsa" in decide(Case(coverage=Coverage.SELF_FUNDED), TODAY).phones
    assert "triwest" in decide(Case(coverage=Coverage.TRICARE), TODAY).phones
    assert "va" in decide(Case(coverage=Coverage.VA), TODAY).phones
    assert "cdi" in decide(Case(coverage=Coverage.CDI), TODAY).phones
    assert "dir.ca.gov" in " ".join(decide(Case(coverage=Coverage.WORKERS_COMP), TODAY).steps)


# --------------------------------------------------------------------------- next_question


def walk(answers: Dict[str, object]) -> List[str]:
    """Ask questions until next_question says done, answering from `answers`."""
    case, asked = Case(), []
    while True:
        field = next_question(case)
        if field is None:
            return asked
        assert field in answers, f"asked {field} after {asked}"
        assert field not in asked, f"asked {field} twice"
        asked.append(field)
        case = replace(case, **{field: answers[field]})


KAISER = dict(coverage=Coverage.DMHC, problem=Problem.NOT_NECESSARY, urgent="no",
              filed_grievance="yes", plan_answered="yes", decision_date=date(2026, 10, 1))


@pytest.mark.parametrize(
    "answers,expected",
    [
        (KAISER, ["coverage", "problem", "urgent", "filed_grievance", "plan_answered", "decision_date"]),
        (dict(KAISER, plan_answered="no", grievance_date=date(2026, 11, 1)),
         ["coverage", "problem", "urgent", "filed_grievance", "plan_answered", "grievance_date"]),
        (dict(KAISER, plan_answered="unsure", grievance_date=date(2026, 11, 1)),
         ["coverage", "problem", "urgent", "filed_grievance", "plan_answered", "grievance_date"]),
        (dict(KAISER, filed_grievance="no"), ["coverage", "problem", "urgent", "filed_grievance"]),
        (dict(KAISER, filed_grievance="unsure"), ["coverage", "problem", "urgent", "filed_grievance"]),
        (dict(KAISER, urgent="yes"), ["coverage", "problem", "urgent"]),
        (dict(KAISER, urgent="unsure"),
         ["coverage", "problem", "urgent", "filed_grievance", "plan_answered", "decision_date"]),
        (dict(KAISER, problem=Problem.EXPERIMENTAL, serious_condition="yes"),
         ["coverage", "problem", "urgent", "serious_condition", "decision_date"]),
        (dict(KAISER, problem=Problem.EXPERIMENTAL, serious_condition="unsure"),
         ["coverage", "problem", "urgent", "serious_condition", "filed_grievance", "plan_answered",
          "decision_date"]),
        (dict(KAISER, problem=Problem.EXPERIMENTAL, serious_condition="no"),
         ["coverage", "problem", "urgent", "serious_condition", "filed_grievance", "plan_answered",
          "decision_date"]),
        (dict(KAISER, problem=Problem.BILLING),
         ["coverage", "problem", "filed_grievance", "plan_answered", "decision_date"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, state_hearing="no"),
         ["coverage", "problem", "urgent", "state_hearing", "filed_grievance", "plan_answered", "decision_date"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, state_hearing="yes"),
         ["coverage", "problem", "urgent", "state_hearing"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, state_hearing="no", filed_grievance="no"),
         ["coverage", "problem", "urgent", "state_hearing", "filed_grievance", "decision_date"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, problem=Problem.NOT_COVERED, filed_grievance="no"),
         ["coverage", "problem", "urgent", "filed_grievance", "decision_date"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, problem=Problem.SERVICE),
         ["coverage", "problem", "urgent", "filed_grievance", "plan_answered", "decision_date"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, problem=Problem.SERVICE, filed_grievance="no"),
         ["coverage", "problem", "urgent", "filed_grievance"]),
        (dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, problem=Problem.EXPERIMENTAL,
              serious_condition="yes", state_hearing="no"),
         ["coverage", "problem", "urgent", "serious_condition", "state_hearing", "decision_date"]),
        (dict(KAISER, coverage=Coverage.UNKNOWN),
         ["coverage", "problem", "urgent", "filed_grievance", "plan_answered", "decision_date"]),
        (dict(KAISER, coverage=Coverage.MEDICARE), ["coverage"]),
        (dict(KAISER, coverage=Coverage.DUAL), ["coverage"]),
        (dict(KAISER, coverage=Coverage.WORKERS_COMP), ["coverage"]),
    ],
)
def test_question_sequences(answers, expected):
    assert walk(answers) == expected


def test_experimental_denial_never_asks_about_the_grievance():
    answers = dict(KAISER, problem=Problem.EXPERIMENTAL, serious_condition="yes")
    assert "filed_grievance" not in walk(answers)


def test_emergency_asks_nothing():
    assert next_question(Case(emergency_now=True)) is None


def test_unknown_date_flags_end_the_questions():
    assert next_question(dmhc(plan_answered="yes", decision_date_unknown=True)) is None
    assert next_question(dmhc(plan_answered="no", grievance_date_unknown=True)) is None
    assert next_question(dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes",
                              decision_date_unknown=True)) is None


@pytest.mark.parametrize("answers", [KAISER, dict(KAISER, coverage=Coverage.MEDI_CAL_MANAGED, state_hearing="no")])
def test_decide_answers_at_every_step_of_a_conversation(answers):
    """decide() is safe on partial cases (the bot may be asked to answer early)."""
    case = Case()
    while True:
        assert isinstance(decide(case, TODAY), Outcome)
        field = next_question(case)
        if field is None:
            break
        case = replace(case, **{field: answers[field]})


# --------------------------------------------------------------------------- case summary


def test_case_summary_states_only_what_was_answered():
    case = dmhc(plan_answered="yes", grievance_date=date(2026, 8, 3), decision_date=date(2026, 9, 2))
    summary = case_summary(case, decide(case, TODAY))
    assert "not medically necessary" in summary
    assert "regulated by the DMHC" in summary
    assert "August 3, 2026" in summary and "September 2, 2026" in summary
    assert summary.endswith("I am asking for an Independent Medical Review.")
    assert "urgent" not in summary and "life-threatening" not in summary


def test_case_summary_without_dates_and_for_a_late_complaint():
    case = dmhc(problem=Problem.NOT_COVERED, plan_answered="yes", decision_date=date(2025, 1, 1))
    summary = case_summary(case, decide(case, TODAY))
    assert "not a covered benefit" in summary and "January 1, 2025" in summary
    assert "explain what kept you" in summary and "complaint" in summary
    no_dates = dmhc(plan_answered="no", grievance_date_unknown=True)
    text = case_summary(no_dates, decide(no_dates, TODAY))
    assert "I filed a grievance (appeal) with my plan." in text
    assert "has not sent me a written decision" in text
    assert not re.search(r"\d", text)


def test_the_number_check_can_fail():
    """Guard against a check that cannot pass everything: an unknown figure is still caught."""
    rest = SAID_DATE.sub(" ", "Apply by May 14, 2027, within 14 days.")
    for figure in contacts.FIGURES:
        rest = re.sub(rf"(?<![\d,]){re.escape(figure)}", " ", rest)
    assert re.search(r"\d", rest)
