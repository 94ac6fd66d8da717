"""Who handles a person's health plan problem, and what they should do next.

Pure logic (no Rasa) so the decision table can be tested on its own. It follows the
decision table in ../shared/domain/rules.md §8.2 (rows R0-R18), top to bottom, first match
wins. The words said to the person live in bot/eligibility/texts.py (Spanish: texts_es.py, the same
names); this module picks them from the conversation's language, so one decision gives both.
Phone numbers are never written into the texts: outcomes name keys of bot.domain.contacts.PHONE_LINES,
and the caller shows the numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from types import ModuleType
from typing import Literal, Optional, Tuple

from bot.domain.dates import (
    add_days,
    days_since,
    earliest_filing_after_grievance,
    imr_deadline,
    medi_cal_hearing_deadline,
)
from bot.eligibility.texts import case_summary  # noqa: F401  (public: bot.eligibility.rules.case_summary)
from bot.eligibility.texts import words
from bot.domain.coverage_terms import Coverage  # noqa: F401  (public: bot.eligibility.rules.Coverage)

Answer = Literal["yes", "no", "unsure"]
Dates = Tuple[Tuple[str, date], ...]

GRIEVANCE_DAYS = 30  # plan must answer a standard grievance (rules.md §2.1)
MEDI_CAL_APPEAL_DAYS = 60  # Medi-Cal plan appeal after the Notice of Action (rules.md §2.1)


class Problem(str, Enum):
    """What went wrong; it decides IMR (medical) or Consumer Complaint (rules.md §1)."""

    NOT_NECESSARY = "not_medically_necessary"
    EXPERIMENTAL = "experimental"
    EMERGENCY_CLAIM = "emergency_claim"  # payment for emergency care: a denial or a bill (§4.2)
    NOT_COVERED = "not_covered"
    BILLING = "billing"
    SERVICE = "service"
    UNKNOWN = "unknown"


class Route(str, Enum):
    """Where the person should go next."""

    EMERGENCY = "emergency"
    URGENT = "urgent"
    IMR = "imr"
    IMR_LATE = "imr_late"
    COMPLAINT = "complaint"
    PLAN_FIRST = "plan_first"
    WAIT = "wait"
    OTHER_AGENCY = "other_agency"
    MEDI_CAL_BOTH = "medi_cal_both"
    HEARING_DONE = "hearing_done"  # a State Hearing was asked for or held (R8)
    HELP_CENTER = "help_center"


# What the person asks the DMHC for: an IMR, a Consumer Complaint, or either (the Help Center
# picks the track; service page).
Track = Literal["imr", "complaint", "either"]


@dataclass(frozen=True)
class Case:
    """What the person told us so far; None means "not asked yet"."""

    coverage: Optional[Coverage] = None
    problem: Optional[Problem] = None
    urgent: Optional[Answer] = None
    emergency_now: bool = False
    serious_condition: Optional[Answer] = None
    state_hearing: Optional[Answer] = None  # asked for or had a Medi-Cal State Hearing
    filed_grievance: Optional[Answer] = None
    plan_answered: Optional[Answer] = None
    grievance_date: Optional[date] = None
    decision_date: Optional[date] = None  # the plan's latest letter (its decision or denial)
    grievance_date_unknown: bool = False
    decision_date_unknown: bool = False


@dataclass(frozen=True)
class Outcome:
    """The answer: a route, the §8.2 row it came from, and plain-language next steps.

    `title` leads with the path and its date; `steps` are what to do; `details` are what to
    gather and how long it takes; `track` is what the person asks the DMHC for (None when they
    do not apply yet); `late` means the six months have passed.
    """

    route: Route
    rule: str
    title: str
    reason: str
    steps: Tuple[str, ...]
    dates: Dates = ()
    phones: Tuple[str, ...] = ("help_center",)
    agency: Optional[str] = "DMHC"
    details: Tuple[str, ...] = ()
    track: Optional[Track] = None
    late: bool = False


# Plans another agency handles (rules.md §3.2, §8.2 R1-R6): no grievance questions for them.
OTHER_AGENCY_COVERAGE = frozenset(
    {
        Coverage.MEDICARE,
        Coverage.DUAL,
        Coverage.MEDI_CAL_FFS,
        Coverage.SELF_FUNDED,
        Coverage.CDI,
        Coverage.FEHB,
        Coverage.TRICARE,
        Coverage.VA,
        Coverage.WORKERS_COMP,
    }
)
# Disputes an IMR can review (rules.md §1.1); an unknown problem goes the IMR way, since the
# Help Center picks the track anyway (service page). An emergency claim may be a bill instead.
MEDICAL_PROBLEMS = frozenset({Problem.NOT_NECESSARY, Problem.EMERGENCY_CLAIM, Problem.UNKNOWN})
# Consumer Complaint issues (rules.md §1.2, R16-R17), coverage disputes included.
COMPLAINT_PROBLEMS = frozenset({Problem.NOT_COVERED, Problem.BILLING, Problem.SERVICE})
# Decisions a Medi-Cal plan sends as a Notice of Action, appealed within 60 days (§2.1).
MEDI_CAL_DENIALS = MEDICAL_PROBLEMS | {Problem.EXPERIMENTAL, Problem.NOT_COVERED}

FORM_PHONES = ("help_center", "hca", "help_center_fax")
PLAN_PHONES = ("help_center", "hca")


def _is_medical(problem: Problem) -> bool:
    """IMR-type disputes; an experimental denial without a serious condition joins them (R9)."""
    return problem in MEDICAL_PROBLEMS or problem is Problem.EXPERIMENTAL


def _skips_grievance(case: Case) -> bool:
    """R9: an experimental denial for a life-threatening or seriously disabling condition needs
    no plan grievance. Only a clear yes: when unsure, the grievance stays the safe path."""
    return case.problem is Problem.EXPERIMENTAL and case.serious_condition == "yes"


def _medi_cal_denial(case: Case) -> bool:
    return case.coverage is Coverage.MEDI_CAL_MANAGED and case.problem in MEDI_CAL_DENIALS


def _track(case: Case, problem: Problem) -> Track:
    if problem in COMPLAINT_PROBLEMS:
        return "complaint"
    if problem is Problem.NOT_NECESSARY or _skips_grievance(case):
        return "imr"
    return "either"


# --- next_question ------------------------------------------------------------------------


def next_question(case: Case) -> Optional[str]:
    """The Case field to ask about next, or None when decide() has what it needs.

    Only asks what changes the answer: nothing after an emergency or another agency's plan,
    no grievance questions when urgent or for a serious experimental denial (rules.md §2.1).
    """
    if case.emergency_now:
        return None
    if case.coverage is None:
        return "coverage"
    if case.coverage in OTHER_AGENCY_COVERAGE:
        return None
    if case.problem is None:
        return "problem"
    if case.problem is not Problem.BILLING and case.urgent is None:
        return "urgent"
    if case.urgent == "yes":
        return None
    if case.problem is Problem.EXPERIMENTAL and case.serious_condition is None:
        return "serious_condition"
    if case.coverage is Coverage.MEDI_CAL_MANAGED and _is_medical(case.problem):
        # R8 comes before R9 in the table: asking for a State Hearing rules out any IMR.
        if case.state_hearing is None:
            return "state_hearing"
        if case.state_hearing == "yes":
            return None
    if _skips_grievance(case):
        return _ask_decision_date(case)
    if case.filed_grievance is None:
        return "filed_grievance"
    if case.filed_grievance != "yes":
        # A Medi-Cal plan appeal is due 60 days after the plan's letter: ask its date.
        return _ask_decision_date(case) if _medi_cal_denial(case) else None
    if case.plan_answered is None:
        return "plan_answered"
    if case.plan_answered == "yes":
        return _ask_decision_date(case)
    if case.grievance_date is None and not case.grievance_date_unknown:
        return "grievance_date"
    return None


def _ask_decision_date(case: Case) -> Optional[str]:
    if case.decision_date is None and not case.decision_date_unknown:
        return "decision_date"
    return None


# --- decide -------------------------------------------------------------------------------


def decide(case: Case, today: date, language: str = "en") -> Outcome:
    """The outcome for this case on `today`, following rules.md §8.2 top to bottom.

    Works on partial cases too (a missing answer counts as "unsure"), so it never fails.
    language "es" picks the Spanish words (texts_es.py); the decision (route, rule, dates, phones,
    track, late) does not depend on it, and the date labels stay English keys.
    """
    t = words(language)
    if case.emergency_now:
        return _emergency(t)
    if case.coverage is None:
        return _regulator_unknown(t)
    if case.coverage in _AGENCY_ROWS:
        return _agency(t, case.coverage)
    outcome = _dmhc(t, case, today)
    if case.coverage is Coverage.UNKNOWN:
        return _unsure_regulator(t, outcome)
    return outcome


def _emergency(t: ModuleType) -> Outcome:
    """R0: an emergency now needs 911, not a form."""
    return Outcome(Route.EMERGENCY, "R0", t.EMERGENCY_TITLE, t.EMERGENCY_REASON, t.EMERGENCY_STEPS,
                   phones=("emergency", "help_center"), agency=None)


def _regulator_unknown(t: ModuleType) -> Outcome:
    """R7: without knowing the plan, the Help Center sorts out who handles it."""
    return Outcome(Route.HELP_CENTER, "R7", t.REGULATOR_UNKNOWN_TITLE, t.REGULATOR_UNKNOWN_REASON,
                   t.REGULATOR_UNKNOWN_STEPS, phones=PLAN_PHONES, agency=None)


# R1-R6: plans whose appeals another agency handles (rules.md §3.2): route, row and phone lines.
_AGENCY_ROWS = {
    Coverage.MEDICARE: (Route.OTHER_AGENCY, "R1", ("medicare", "hicap", "help_center")),
    Coverage.DUAL: (Route.HELP_CENTER, "R2", ("help_center", "medicare", "hicap", "medi_cal_ombudsman")),
    Coverage.MEDI_CAL_FFS: (Route.OTHER_AGENCY, "R3",
                            ("cdss_hearings", "cdss_public_inquiry", "medi_cal_helpline", "help_center")),
    Coverage.SELF_FUNDED: (Route.OTHER_AGENCY, "R4", ("ebsa", "help_center")),
    Coverage.FEHB: (Route.OTHER_AGENCY, "R5", ("help_center",)),
    Coverage.TRICARE: (Route.OTHER_AGENCY, "R5", ("triwest", "help_center")),
    Coverage.VA: (Route.OTHER_AGENCY, "R5", ("va", "help_center")),
    Coverage.WORKERS_COMP: (Route.OTHER_AGENCY, "R5", ("help_center",)),
    Coverage.CDI: (Route.OTHER_AGENCY, "R6", ("cdi", "help_center")),
}


def _agency(t: ModuleType, coverage: Coverage) -> Outcome:
    """R1-R6: another agency handles the appeal; its words come from t.AGENCIES."""
    route, rule, phones = _AGENCY_ROWS[coverage]
    text = t.AGENCIES[coverage.value]
    return Outcome(route, rule, text.title, text.reason, text.steps, phones=phones, agency=text.agency)


def _dmhc(t: ModuleType, case: Case, today: date) -> Outcome:
    """R8-R18 for a DMHC plan, a Medi-Cal managed care plan, or an unknown plan."""
    problem = case.problem or Problem.UNKNOWN
    if case.coverage is Coverage.MEDI_CAL_MANAGED and case.state_hearing == "yes":
        return _hearing_asked(t)
    if case.urgent == "yes":
        # Placed before R9: urgent overrides every wait (HSC 1368.03(a), rules.md §2.1).
        return _urgent(t, case, problem)
    if _skips_grievance(case):
        outcome = _experimental(t, case, today)
    else:
        outcome = _grievance_path(t, case, problem, today)
    if case.urgent == "unsure":
        steps = tuple(s for s in outcome.steps if s != t.IF_URGENT_LATER)
        outcome = replace(outcome, steps=(t.URGENT_CHECK,) + steps)
    return _add_medi_cal_notes(t, case, outcome)


def _hearing_asked(t: ModuleType) -> Outcome:
    """R8: once a Medi-Cal State Hearing is asked for (or held), there is no IMR (rules.md §2.5)."""
    return Outcome(Route.HEARING_DONE, "R8", t.HEARING_TITLE, t.HEARING_REASON, t.HEARING_STEPS,
                   phones=("medi_cal_ombudsman", "help_center"), agency="Medi-Cal Managed Care Ombudsman")


def _urgent(t: ModuleType, case: Case, problem: Problem) -> Outcome:
    """R10: a serious threat to health skips the 30-day wait."""
    track = _track(case, problem)
    steps = t.URGENT_STEPS + ((t.URGENT_IMR_TIMING,) if track != "complaint" else ())
    return Outcome(Route.URGENT, "R10", t.URGENT_TITLE, t.URGENT_REASON, steps,
                   details=(_gather(t, problem),) + _bill_steps(t, problem, before_grievance=False),
                   track=track)


def _experimental(t: ModuleType, case: Case, today: date) -> Outcome:
    """R9: an experimental denial for a serious condition needs no plan grievance first."""
    steps: Tuple[str, ...] = (t.NO_GRIEVANCE_NEEDED, t.FORM, t.IMR_MEANS)
    title, dates, late = t.apply_title("imr"), (), False
    if case.decision_date is not None:
        deadline = imr_deadline(case.decision_date)
        if today <= deadline:
            title, dates = t.apply_title("imr", deadline), (("Apply by", deadline),)
        else:
            title, late = t.apply_title("imr", late=True), True
            steps = (t.late_step(deadline),) + steps
            dates = (("Six months ended", deadline),)
    return Outcome(Route.IMR, "R9", title, t.REASON_EXPERIMENTAL, steps, dates=dates,
                   phones=FORM_PHONES, details=(t.GATHER_EXPERIMENTAL, t.IMR_TIMING),
                   track="imr", late=late)


def _grievance_path(t: ModuleType, case: Case, problem: Problem, today: date) -> Outcome:
    """R11-R18: the plan's grievance comes first, then the DMHC (rules.md §2.1, §2.2)."""
    if case.filed_grievance != "yes":
        return _plan_first(t, case, problem, today)
    if case.plan_answered != "yes":
        return _no_answer_yet(t, case, problem, today)
    return _after_decision(t, case, problem, today)


def _plan_first(t: ModuleType, case: Case, problem: Problem, today: date) -> Outcome:
    """R11: the DMHC closes cases where the plan's process was not completed (rules.md §2.1)."""
    steps: Tuple[str, ...] = ()
    dates: Dates = ()
    appeal_by = None
    if _medi_cal_denial(case):
        if case.decision_date is None:
            steps += (t.MEDI_CAL_APPEAL_WINDOW,)
        else:
            deadline = add_days(case.decision_date, MEDI_CAL_APPEAL_DAYS)
            if today <= deadline:
                appeal_by, dates = deadline, (("Appeal to your plan by", deadline),)
                steps += (t.medi_cal_appeal_by(deadline),)
            else:
                steps += (t.medi_cal_appeal_ended(deadline),)
                dates = (("60 days to appeal ended", deadline),)
    if problem is Problem.EXPERIMENTAL:
        steps += ((t.EXPERIMENTAL_MAYBE_SERIOUS,) if case.serious_condition == "unsure"
                  else (t.EXPERIMENTAL_NOT_SERIOUS,))
    if case.filed_grievance == "unsure":
        steps += (t.CHECK_FILED,)
    steps += _bill_steps(t, problem, before_grievance=True)
    if problem is Problem.BILLING:  # a bill is never asked about urgency
        steps += (t.FILE_GRIEVANCE_BILL, t.PLAN_HAS_30_DAYS)
    else:
        steps += (t.FILE_GRIEVANCE, t.PLAN_HAS_30_DAYS, t.IF_URGENT_LATER)
    return Outcome(Route.PLAN_FIRST, "R11", t.plan_first_title(appeal_by), t.REASON_PLAN_FIRST, steps,
                   dates=dates, phones=PLAN_PHONES)


def _no_answer_yet(t: ModuleType, case: Case, problem: Problem, today: date) -> Outcome:
    """R12/R13: the plan has 30 days; after that the person can go to the DMHC."""
    notes = (t.CHECK_MAIL,) if case.plan_answered == "unsure" else ()
    dates: Dates = ()
    day_30 = None
    if case.grievance_date is not None:
        if days_since(case.grievance_date, today) >= GRIEVANCE_DAYS:
            return _file_now(t, case, problem, notes)
        day_30 = earliest_filing_after_grievance(case.grievance_date)
        steps: Tuple[str, ...] = (t.plan_answers_by(day_30),)
        dates = (("You can apply on", day_30),)
    else:
        steps = (t.PLAN_ANSWERS_WITHIN,)
    steps += (t.IF_PLAN_ANSWERS, t.IF_URGENT_LATER)
    details = notes + (_gather(t, problem),) + _bill_steps(t, problem, before_grievance=False)
    return Outcome(Route.WAIT, "R13", t.wait_title(day_30), t.REASON_WAIT, steps, dates=dates,
                   phones=PLAN_PHONES, details=details)


def _file_now(t: ModuleType, case: Case, problem: Problem, notes: Tuple[str, ...]) -> Outcome:
    """R12: the plan missed its 30 days, so the person can apply now (rules.md §2.1)."""
    track = _track(case, problem)
    steps = (t.FORM,) + _track_steps(t, track, problem)
    return _applying(t, problem, track, "R12", t.apply_title(track, now=True), t.REASON_FILE_NOW, steps, (),
                     notes=notes)


def _after_decision(t: ModuleType, case: Case, problem: Problem, today: date) -> Outcome:
    """R14/R15/R18: six months from the plan's written decision (soft: may be extended)."""
    if case.coverage is Coverage.MEDI_CAL_MANAGED and _is_medical(problem):
        late = case.decision_date is not None and today > imr_deadline(case.decision_date)
        if not late:
            return _medi_cal_both(t, case, today)
    track = _track(case, problem)
    steps = (t.FORM,) + _track_steps(t, track, problem)
    if case.decision_date is None:
        return _applying(t, problem, track, "R14", t.apply_title(track), t.REASON_AFTER_DECISION, steps, ())
    deadline = imr_deadline(case.decision_date)
    if today <= deadline:
        return _applying(t, problem, track, "R14", t.apply_title(track, deadline), t.REASON_AFTER_DECISION,
                         steps, (("Apply by", deadline),))
    return _applying(t, problem, track, "R15", t.apply_title(track, late=True), t.REASON_LATE,
                     (t.late_step(deadline),) + steps, (("Six months ended", deadline),), late=True)


def _applying(t: ModuleType, problem: Problem, track: Track, rule: str, title: str, reason: str,
              steps: Tuple[str, ...], dates: Dates, late: bool = False,
              notes: Tuple[str, ...] = ()) -> Outcome:
    """R12/R14/R15 as an IMR (either track: the Help Center picks), R16/R17 as a complaint."""
    details = (notes + (_gather(t, problem),) + _bill_steps(t, problem, before_grievance=False)
               + ((t.IMR_TIMING,) if track != "complaint" else ()))
    if track == "complaint":
        route, rule = Route.COMPLAINT, "R17" if problem is Problem.BILLING else "R16"
    else:
        route = Route.IMR_LATE if late else Route.IMR
    return Outcome(route, rule, title, reason, steps, dates=dates, phones=FORM_PHONES,
                   details=details, track=track, late=late)


def _medi_cal_both(t: ModuleType, case: Case, today: date) -> Outcome:
    """R18: Medi-Cal managed care members may use an IMR and/or a State Hearing (§2.5)."""
    steps: Tuple[str, ...] = ()
    dates: Dates = ()
    imr_by = None
    if case.decision_date is None:
        steps += (t.MEDI_CAL_BOTH_NO_DATE,)
    else:
        imr_by = imr_deadline(case.decision_date)
        hearing_by = medi_cal_hearing_deadline(case.decision_date)
        if today <= hearing_by:
            steps += (t.hearing_by(hearing_by),)
            dates += (("State Hearing by", hearing_by),)
        else:
            steps += (t.hearing_ended(hearing_by),)
        dates += (("Apply for an IMR by", imr_by),)  # said in the title
    steps += (t.MEDI_CAL_ORDER, t.FORM)
    return Outcome(
        Route.MEDI_CAL_BOTH, "R18", t.medi_cal_both_title(imr_by), t.REASON_MEDI_CAL_BOTH, steps,
        dates=dates, phones=FORM_PHONES + ("medi_cal_ombudsman", "cdss_hearings"),
        details=(t.GATHER_MEDICAL, t.IMR_TIMING, t.MEDI_CAL_COUNTY), track="imr",
    )


def _track_steps(t: ModuleType, track: Track, problem: Problem) -> Tuple[str, ...]:
    """What the person is asking for, in plain words."""
    if problem is Problem.NOT_COVERED:
        return (t.COVERAGE_DISPUTE,)
    if problem is Problem.EMERGENCY_CLAIM:
        return (t.EMERGENCY_TRACK,)
    if track == "complaint":
        return (t.COMPLAINT_MEANS,)
    if track == "imr":
        return (t.IMR_MEANS,)
    return (t.EITHER_TRACK,)


def _bill_steps(t: ModuleType, problem: Problem, before_grievance: bool) -> Tuple[str, ...]:
    """Bills (service page; rules.md §4): the billing office first; "do not pay more than your
    in-network share" only for emergency care or an out-of-network doctor at an in-network place."""
    if problem is Problem.BILLING:
        return (t.BILL_EXPLAIN, t.SURPRISE_BILL) if before_grievance else (t.SURPRISE_BILL,)
    if problem is Problem.EMERGENCY_CLAIM:
        return (t.EMERGENCY_BILL,)
    return ()


def _gather(t: ModuleType, problem: Problem) -> str:
    """What to gather: the papers differ for a medical dispute, an emergency claim and a complaint."""
    if problem is Problem.EMERGENCY_CLAIM:
        return t.GATHER_EMERGENCY
    return t.GATHER_MEDICAL if _is_medical(problem) else t.GATHER_COMPLAINT


def _add_medi_cal_notes(t: ModuleType, case: Case, outcome: Outcome) -> Outcome:
    """Medi-Cal managed care: State Hearing caveats and the Ombudsman (rules.md §2.5, §3.2)."""
    if case.coverage is not Coverage.MEDI_CAL_MANAGED or outcome.route is Route.MEDI_CAL_BOTH:
        return outcome
    extra: Tuple[str, ...] = ()
    if case.state_hearing == "unsure":
        extra += (t.HEARING_MAYBE,)
    if outcome.route is Route.IMR and outcome.rule == "R12":
        extra += (t.MEDI_CAL_NO_ANSWER,)
    if outcome.route is Route.IMR_LATE:
        extra += (t.MEDI_CAL_LATE,)
    phones = outcome.phones + tuple(p for p in ("medi_cal_ombudsman",) if p not in outcome.phones)
    return replace(outcome, details=extra + outcome.details, phones=phones)


def _unsure_regulator(t: ModuleType, outcome: Outcome) -> Outcome:
    """R7 on top of the DMHC answer: the person does not know who regulates the plan, or it
    depends on the product (a PPO, Cigna, CalPERS): check the card or booklet, or call.
    The reason follows t's lead-in, so it starts in lower case (no reason starts with an acronym)."""
    reason = t.REASON_UNSURE_REGULATOR + outcome.reason[0].lower() + outcome.reason[1:]
    return replace(outcome, reason=reason, steps=(t.FIND_REGULATOR,) + outcome.steps, agency=None)
