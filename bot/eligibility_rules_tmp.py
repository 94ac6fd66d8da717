"""Who handles a person's health plan problem, and what they should do next.

Pure logic (no Rasa) so the decision table can be tested on its own. It follows the
decision table in ../shared/domain/rules.md §8.2 (rows R0-R18), top to bottom, first match
wins. Every fact said here comes from rules.md or the DMHC service page; facts tagged [K]
there are not stated as certain. Phone numbers are never written into the texts: outcomes
name keys of bot.contacts.PHONE_LINES, and the caller shows the numbers.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from enum import Enum
from typing import Dict, Literal, Optional, Tuple

from bot import contacts

from bot.dates import (
    days_since,
    earliest_filing_after_grievance,
    imr_deadline,
    medi_cal_hearing_deadline,
    say_date,
)

Answer = Literal["yes", "no", "unsure"]

GRIEVANCE_DAYS = 30  # plan must answer a standard grievance (rules.md §2.1)


class Coverage(str, Enum):
    """Where the person's health coverage comes from; it decides which agency handles appeals."""

    DMHC = "dmhc"
    MEDI_CAL_MANAGED = "medi_cal_managed"
    MEDI_CAL_FFS = "medi_cal_ffs"
    MEDICARE = "medicare"
    DUAL = "medicare_medi_cal"
    SELF_FUNDED = "self_funded"
    CDI = "cdi"
    FEHB = "fehb"
    TRICARE = "tricare"
    VA = "va"
    WORKERS_COMP = "workers_comp"
    UNKNOWN = "unknown"


class Problem(str, Enum):
    """What went wrong; it decides IMR (medical) or Consumer Complaint (rules.md §1)."""

    NOT_NECESSARY = "not_medically_necessary"
    EXPERIMENTAL = "experimental"
    EMERGENCY_CLAIM = "emergency_claim"
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
    HEARING_DONE = "hearing_done"
    HELP_CENTER = "help_center"


@dataclass(frozen=True)
class Case:
    """What the person told us so far; None means "not asked yet"."""

    coverage: Optional[Coverage] = None
    problem: Optional[Problem] = None
    urgent: Optional[Answer] = None
    emergency_now: bool = False
    serious_condition: Optional[Answer] = None
    state_hearing: Optional[Answer] = None
    filed_grievance: Optional[Answer] = None
    plan_answered: Optional[Answer] = None
    grievance_date: Optional[date] = None
    decision_date: Optional[date] = None
    grievance_date_unknown: bool = False
    decision_date_unknown: bool = False


@dataclass(frozen=True)
class Outcome:
    """The answer: a route, the §8.2 row it came from, and plain-language next steps."""

    route: Route
    rule: str
    title: str
    reason: str
    steps: Tuple[str, ...]
    dates: Tuple[Tuple[str, date], ...] = ()
    phones: Tuple[str, ...] = ("help_center",)
    agency: Optional[str] = "DMHC"


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
# Help Center picks the track anyway (service page).
MEDICAL_PROBLEMS = frozenset({Problem.NOT_NECESSARY, Problem.EMERGENCY_CLAIM, Problem.UNKNOWN})
# Consumer Complaint issues (rules.md §1.2, R16-R17).
COMPLAINT_PROBLEMS = frozenset({Problem.NOT_COVERED, Problem.BILLING, Problem.SERVICE})

# --- Shared wording -----------------------------------------------------------------------

_FORM = (
    f"Fill out the free IMR/Complaint form online at {contacts.ONLINE_FORM_URL} (the fastest "
    "way), or call the Help Center to get it by mail."
)
_TRACK = (
    "The Help Center will decide whether your case is reviewed as an Independent Medical "
    "Review or as a Consumer Complaint."
)
_GATHER_MEDICAL = (
    "Gather what you have: the plan's written decision (denial letter), your grievance letter "
    "and the plan's replies, your medical records, and a letter from your doctor saying why "
    "you need the care."
)
_GATHER_EXPERIMENTAL = (
    "Gather what you have: the plan's written denial, your medical records, and any medical and "
    "scientific evidence your doctor has about the treatment."
)
_GATHER_COMPLAINT = (
    "Gather what you have: the plan's written decision, your grievance letter and the plan's "
    "replies, and any bills, claims or letters about the problem."
)
_DONT_WAIT_FOR_PAPERS = (
    "If some papers are missing, do not wait: the Help Center can tell you how to finish the form."
)
_FREE_HELP = "For free one-on-one help with the grievance or the form, call the Health Consumer Alliance."
_IMR_TIMING = (
    "An IMR is usually decided within 30 days after it qualifies and all records arrive. If it "
    "goes your way, the plan must authorize the care within five business days."
)
_FILE_GRIEVANCE = (
    "File a grievance (appeal) with your health plan. Call the member services number on your "
    "card, or use the plan's website, and keep a copy with the date you sent it."
)
_BILLING_ADVICE = (
    "Do not pay more than your usual in-network share (deductible, co-pay or co-insurance) "
    "shown on the plan's explanation of benefits. Ask the provider's billing office to explain "
    "the bill and to hold it while you sort this out."
)
_BILLING_SURPRISE = (
    "If the bill is for emergency care, or for care at an in-network hospital or surgery center "
    "from a doctor outside the network, you usually owe only your in-network share."
)
_IF_URGENT_LATER = "If your health gets worse and it becomes urgent, call the Help Center right away."
_URGENT_CHECK = (
    "If waiting could put your health at serious risk (severe pain, or a risk to your life, a "
    "limb or a major body function), call the Help Center now: urgent cases do not wait 30 days."
)
_FIND_REGULATOR = (
    "Find out who regulates your plan: your Evidence of Coverage (member booklet) names the "
    "agency, or call the member services number on your card and ask. The Help Center can also check "
    "and will point you to the right agency if it is not the DMHC."
)
_MEDI_CAL_ORDER = (
    "Order matters: if a State Hearing happens first, you cannot get an IMR after it; if you do "
    "the IMR first, you can still ask for a State Hearing later."
)
_MEDI_CAL_COUNTY = (
    "Some county Medi-Cal plans may not be licensed by the DMHC; the Help Center can confirm, "
    "and a State Hearing is open either way."
)


def _is_medical(problem: Problem) -> bool:
    """IMR-type disputes; an experimental denial without a serious condition joins them (R9)."""
    return problem in MEDICAL_PROBLEMS or problem is Problem.EXPERIMENTAL


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
        # R8 comes before R9 in the table: a held State Hearing rules out any IMR.
        if case.state_hearing is None:
            return "state_hearing"
        if case.state_hearing == "yes":
            return None
    if case.problem is Problem.EXPERIMENTAL and case.serious_condition in ("yes", "unsure"):
        return _ask_decision_date(case)
    if case.filed_grievance is None:
        return "filed_grievance"
    if case.filed_grievance != "yes":
        return None
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


def decide(case: Case, today: date) -> Outcome:
    """The outcome for this case on `today`, following rules.md §8.2 top to bottom.

    Works on partial cases too (a missing answer counts as "unsure"), so it never fails.
    """
    if case.emergency_now:
        return _emergency()
    if case.coverage is None:
        return _regulator_unknown()
    other = _other_agency(case.coverage)
    if other is not None:
        return other
    outcome = _dmhc(case, today)
    if case.coverage is Coverage.UNKNOWN:
        return _unsure_regulator(outcome)
    return outcome


def _emergency() -> Outcome:
    """R0: an emergency now needs 911, not a form."""
    return Outcome(
        route=Route.EMERGENCY,
        rule="R0",
        title="Emergency: call 911",
        reason="This sounds like an emergency, and emergency care comes first.",
        steps=(
            f"Call {contacts.line('emergency')} or go to the nearest emergency room now.",
            "You do not need your plan's approval before getting emergency care.",
            "Once you are safe, the Help Center can help with any plan problem.",
        ),
        phones=("emergency", "help_center"),
        agency=None,
    )


def _regulator_unknown() -> Outcome:
    """R7: without knowing the plan, the Help Center sorts out who handles it."""
    return Outcome(
        route=Route.HELP_CENTER,
        rule="R7",
        title="Find out who handles your plan",
        reason="Who handles your appeal depends on the kind of health plan you have.",
        steps=(
            _FIND_REGULATOR,
            "Call the Help Center with your plan's name; it can tell you where to go next.",
        ),
        phones=("help_center", "hca"),
        agency=None,
    )


_HELP_CENTER_TOO = "The DMHC Help Center can still point you to the right place if you are not sure."

# R1-R6: plans whose appeals another agency handles (rules.md §3.2), one outcome each.
_AGENCY_OUTCOMES: Dict[Coverage, Outcome] = {
    Coverage.MEDICARE: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R1",
        title="Medicare handles your appeal",
        reason="Appeals for Medicare coverage, including Medicare Advantage plans, go through Medicare, not a DMHC review.",
        steps=(
            "Appeal through your plan's appeal process first, then through Medicare appeals.",
            "Call 1-800-MEDICARE for the steps, or HICAP for free Medicare counseling.",
            _HELP_CENTER_TOO,
        ),
        phones=("medicare", "hicap", "help_center"),
        agency="Medicare",
    ),
    Coverage.DUAL: Outcome(
        route=Route.HELP_CENTER,
        rule="R2",
        title="Medicare and Medi-Cal: the Help Center can sort it out",
        reason="With both Medicare and Medi-Cal, who reviews a denial depends on which program covers the service.",
        steps=(
            "If Medi-Cal covers the service, you may be able to ask the DMHC for an Independent Medical Review after your plan's appeal.",
            "If only Medicare covers it, the appeal goes through Medicare; HICAP gives free Medicare counseling.",
            "Call the Help Center to confirm which path fits your denial.",
        ),
        phones=("help_center", "medicare", "hicap", "medi_cal_ombudsman"),
        agency=None,
    ),
    Coverage.MEDI_CAL_FFS: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R3",
        title="Ask for a Medi-Cal State Hearing",
        reason="Regular (fee-for-service) Medi-Cal decisions are reviewed through a State Hearing, not a DMHC review.",
        steps=(
            "Ask the California Department of Social Services (CDSS) for a State Hearing as soon as you can; it can tell you the deadline.",
            "The Medi-Cal Member Helpline can answer questions about your Medi-Cal.",
            _HELP_CENTER_TOO,
        ),
        phones=("cdss_hearings", "cdss_public_inquiry", "medi_cal_helpline", "help_center"),
        agency="CDSS State Hearings",
    ),
    Coverage.SELF_FUNDED: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R4",
        title="The U.S. Department of Labor handles your appeal",
        reason="Self-funded job plans follow federal rules, so the U.S. Department of Labor (EBSA) handles appeals.",
        steps=(
            "Use your plan's internal appeal first, then ask for a federal external review.",
            "Call EBSA for help with the steps.",
            "If it is a government or church plan, EBSA may not cover it: ask your plan administrator.",
            "Not sure your plan is self-funded? Ask your HR office, or call the DMHC Help Center.",
        ),
        phones=("ebsa", "help_center"),
        agency="U.S. Department of Labor (EBSA)",
    ),
    Coverage.FEHB: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R5",
        title="Federal employee plan appeals",
        reason="Federal employee (FEHB) plans have their own appeals, reviewed by the U.S. Office of Personnel Management (OPM).",
        steps=(
            "Ask your plan to reconsider; your plan brochure explains the steps and deadlines.",
            "If it still says no, ask OPM to review it within 90 days of the plan's answer.",
            _HELP_CENTER_TOO,
        ),
        phones=("help_center",),
        agency="U.S. Office of Personnel Management (OPM)",
    ),
    Coverage.TRICARE: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R5",
        title="TRICARE appeals",
        reason="TRICARE has its own appeals, handled in California by TriWest.",
        steps=("Call TriWest about a TRICARE appeal.", _HELP_CENTER_TOO),
        phones=("triwest", "help_center"),
        agency="TRICARE (TriWest)",
    ),
    Coverage.VA: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R5",
        title="VA health care appeals",
        reason="The VA handles decisions about VA health care.",
        steps=("Call VA health care about your decision.", _HELP_CENTER_TOO),
        phones=("va", "help_center"),
        agency="VA",
    ),
    Coverage.WORKERS_COMP: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R5",
        title="Workers' compensation review",
        reason="Care for a work injury goes through workers' compensation, which has its own review.",
        steps=(
            "Ask the state's Division of Workers' Compensation for its Independent Medical Review (a different program from the DMHC one) at dir.ca.gov.",
            "You usually need to ask within 30 days of the utilization review decision.",
            _HELP_CENTER_TOO,
        ),
        phones=("help_center",),
        agency="Division of Workers' Compensation",
    ),
    Coverage.CDI: Outcome(
        route=Route.OTHER_AGENCY,
        rule="R6",
        title="The Department of Insurance handles your appeal",
        reason="Your policy is regulated by the California Department of Insurance (CDI), which runs its own review.",
        steps=(
            "Finish your insurer's appeal first, then ask CDI for its Independent Medical Review or a complaint.",
            "Apply within six months of the insurer's final written decision.",
            _HELP_CENTER_TOO,
        ),
        phones=("cdi", "help_center"),
        agency="California Department of Insurance",
    ),
}


def _other_agency(coverage: Coverage) -> Optional[Outcome]:
    """R1-R6: the other agency's outcome, or None for plans under the DMHC."""
    return _AGENCY_OUTCOMES.get(coverage)


def _dmhc(case: Case, today: date) -> Outcome:
    """R8-R18 for a DMHC plan, a Medi-Cal managed care plan, or an unknown plan."""
    problem = case.problem or Problem.UNKNOWN
    medi_cal = case.coverage is Coverage.MEDI_CAL_MANAGED
    if medi_cal and case.state_hearing == "yes":
        return _hearing_done()
    if case.urgent == "yes":
        # Placed before R9: urgent overrides every wait (HSC 1368.03(a), rules.md §2.1).
        return _urgent(case, problem)
    if problem is Problem.EXPERIMENTAL and case.serious_condition in ("yes", "unsure"):
        outcome = _experimental(case, today)
    else:
        outcome = _grievance_path(case, problem, today)
    if case.urgent == "unsure":
        outcome = replace(outcome, steps=(_URGENT_CHECK,) + outcome.steps)
    return _add_medi_cal_notes(case, outcome)


def _hearing_done() -> Outcome:
    """R8: after a Medi-Cal State Hearing there is no IMR (rules.md §2.5)."""
    return Outcome(
        route=Route.HEARING_DONE,
        rule="R8",
        title="After a State Hearing",
        reason="Once you start the Medi-Cal State Hearing process, you cannot get an Independent Medical Review on the same issue.",
        steps=(
            "Call the Medi-Cal Managed Care Ombudsman about your options after the hearing.",
            "If you only asked for a hearing and it has not happened yet, ask the Ombudsman or the Help Center what your options are.",
            "The Help Center can help with other problems with your plan.",
        ),
        phones=("medi_cal_ombudsman", "help_center"),
        agency="Medi-Cal Managed Care Ombudsman",
    )


def _urgent(case: Case, problem: Problem) -> Outcome:
    """R10: a serious threat to health skips the 30-day wait."""
    medical = _is_medical(problem)
    steps = [
        "Call the Help Center now and say it is urgent.",
        "Also ask your plan for an expedited (urgent) grievance: the plan must answer within 3 days.",
        "You do not have to wait 30 days for the plan.",
    ]
    if medical:
        steps.append("Urgent IMRs are usually decided within about 7 days after they qualify.")
    steps.append(_GATHER_MEDICAL if medical else _GATHER_COMPLAINT)
    if problem is Problem.BILLING:
        steps += [_BILLING_ADVICE, _BILLING_SURPRISE]
    return Outcome(
        route=Route.URGENT,
        rule="R10",
        title="Urgent: call the Help Center now",
        reason="Because your health is at serious risk, you can go to the DMHC right away without waiting for your plan.",
        steps=tuple(steps),
        phones=("help_center",),
    )


def _experimental(case: Case, today: date) -> Outcome:
    """R9: an experimental denial for a serious condition needs no plan grievance first."""
    steps = [
        _FORM,
        "You do not need to file a grievance with your plan first.",
        "Ask your doctor for a letter saying that standard treatments have not worked, are not "
        "right for you, or would not help as much as the treatment you asked for.",
        _GATHER_EXPERIMENTAL,
    ]
    if case.serious_condition == "unsure":
        steps.insert(
            2,
            "The Help Center will decide whether your condition counts as life-threatening or "
            "seriously debilitating.",
        )
    dates: Tuple[Tuple[str, date], ...] = ()
    if case.decision_date is not None:
        deadline = imr_deadline(case.decision_date)
        if today <= deadline:
            steps.insert(0, f"Apply by {say_date(deadline)}, six months after the plan's written denial.")
            dates = (("Apply by", deadline),)
        else:
            steps.insert(0, _late_step(deadline))
            dates = (("Six months ended", deadline),)
    else:
        steps.insert(0, "Apply within six months of the date on the plan's written denial.")
    steps += [_IMR_TIMING, _FREE_HELP]
    return Outcome(
        route=Route.IMR,
        rule="R9",
        title="Independent Medical Review (experimental treatment)",
        reason="When a plan calls a treatment experimental for a serious illness, you can ask the DMHC for an independent review right away.",
        steps=tuple(steps),
        dates=dates,
        phones=("help_center", "hca"),
    )


def _late_step(deadline: date) -> str:
    return (
        f"The six months ended on {say_date(deadline)}, but apply anyway. The DMHC may accept a "
        "late application when special circumstances kept you from filing on time, so explain "
        "what happened."
    )


def _grievance_path(case: Case, problem: Problem, today: date) -> Outcome:
    """R11-R18: the plan's grievance comes first, then the DMHC (rules.md §2.1, §2.2)."""
    medical = _is_medical(problem)
    e_i_note: Tuple[str, ...] = ()
    if problem is Problem.EXPERIMENTAL:
        e_i_note = (
            "Without a life-threatening or seriously debilitating condition, your plan's grievance "
            "comes first; the Help Center then decides whether your case qualifies for an IMR.",
        )
    if case.filed_grievance != "yes":
        return _plan_first(case, problem, e_i_note)
    if case.plan_answered != "yes":
        return _no_answer_yet(case, problem, medical, today, e_i_note)
    return _after_decision(case, problem, medical, today, e_i_note)


def _plan_first(case: Case, problem: Problem, notes: Tuple[str, ...]) -> Outcome:
    """R11: the DMHC closes cases where the plan's process was not completed (rules.md §2.1)."""
    steps = list(notes)
    if case.filed_grievance == "unsure":
        steps.append("Check with your plan whether it has a grievance from you on file, and when it got it.")
    if problem is Problem.BILLING:
        steps += [_BILLING_ADVICE, _BILLING_SURPRISE]
    steps += [
        _FILE_GRIEVANCE + (" Attach a copy of the bill." if problem is Problem.BILLING else ""),
        "Your plan has 30 days to answer.",
        "Come back when the plan answers, or after 30 days if it has not; then you can apply to the DMHC.",
        _IF_URGENT_LATER,
        _FREE_HELP,
    ]
    return Outcome(
        route=Route.PLAN_FIRST,
        rule="R11",
        title="First, file a grievance with your plan",
        reason="The DMHC reviews a case after your plan has had its chance to fix it.",
        steps=tuple(steps),
        phones=("help_center", "hca"),
    )


def _no_answer_yet(
    case: Case, problem: Problem, medical: bool, today: date, notes: Tuple[str, ...]
) -> Outcome:
    """R12/R13: the plan has 30 days; after that the person can go to the DMHC."""
    unsure_note: Tuple[str, ...] = ()
    if case.plan_answered == "unsure":
        unsure_note = (
            "Check your mail for a written decision from the plan: if it sent one, the six months "
            "to apply count from the date on that letter.",
        )
    if case.grievance_date is not None:
        day_30 = earliest_filing_after_grievance(case.grievance_date)
        if days_since(case.grievance_date, today) >= GRIEVANCE_DAYS:
            return _file_now(case, problem, medical, notes + unsure_note)
        steps = notes + unsure_note + (
            f"Your plan has until {say_date(day_30)} to answer (30 days after you filed).",
            f"If it has not answered by then, you can apply to the DMHC on {say_date(day_30)}.",
            "If the plan answers sooner and you disagree, you can apply right away.",
            _IF_URGENT_LATER,
            _GATHER_MEDICAL if medical else _GATHER_COMPLAINT,
        )
        dates: Tuple[Tuple[str, date], ...] = (("You can apply on", day_30),)
    else:
        steps = notes + unsure_note + (
            "Your plan has 30 days from when it got your grievance to answer.",
            "If 30 days have passed with no answer, you can apply to the DMHC now; if not, wait "
            "until 30 days have passed or the plan answers.",
            "If the plan answers and you disagree, you can apply right away.",
            _IF_URGENT_LATER,
            _GATHER_MEDICAL if medical else _GATHER_COMPLAINT,
        )
        dates = ()
    if problem is Problem.BILLING:
        steps += (_BILLING_ADVICE,)
    return Outcome(
        route=Route.WAIT,
        rule="R13",
        title="Your plan still has time to answer",
        reason="Your plan gets 30 days to answer a grievance before you can go to the DMHC.",
        steps=steps + (_FREE_HELP,),
        dates=dates,
        phones=("help_center", "hca"),
    )


def _file_now(case: Case, problem: Problem, medical: bool, notes: Tuple[str, ...]) -> Outcome:
    """R12: the plan missed its 30 days, so the person can apply now (rules.md §2.1)."""
    steps = notes + (
        _FORM,
        _TRACK,
        _GATHER_MEDICAL if medical else _GATHER_COMPLAINT,
        _DONT_WAIT_FOR_PAPERS,
    )
    if problem is Problem.BILLING:
        steps += (_BILLING_ADVICE, _BILLING_SURPRISE)
    steps += ((_IMR_TIMING,) if medical else ()) + (_FREE_HELP,)
    reason = "It has been at least 30 days since you filed your grievance, so you can apply to the DMHC now."
    if medical:
        return Outcome(Route.IMR, "R12", "Independent Medical Review", reason, steps,
                       phones=("help_center", "hca"))
    return _complaint(problem, reason, steps, ())


def _complaint(
    problem: Problem, reason: str, steps: Tuple[str, ...], dates: Tuple[Tuple[str, date], ...],
    late: bool = False,
) -> Outcome:
    """R16/R17: coverage, billing and service problems end in a Consumer Complaint."""
    return Outcome(
        route=Route.COMPLAINT,
        rule="R17" if problem is Problem.BILLING else "R16",
        title="Consumer Complaint" + (" (late)" if late else ""),
        reason=reason,
        steps=steps,
        dates=dates,
        phones=("help_center", "hca"),
    )


def _after_decision(
    case: Case, problem: Problem, medical: bool, today: date, notes: Tuple[str, ...]
) -> Outcome:
    """R14/R15/R18: six months from the plan's written decision (soft: may be extended)."""
    gather = _GATHER_MEDICAL if medical else _GATHER_COMPLAINT
    billing = (_BILLING_ADVICE, _BILLING_SURPRISE) if problem is Problem.BILLING else ()
    tail = ((_IMR_TIMING,) if medical else ()) + (_FREE_HELP,)
    if case.coverage is Coverage.MEDI_CAL_MANAGED and medical:
        late = case.decision_date is not None and today > imr_deadline(case.decision_date)
        if not late:
            return _medi_cal_both(case, today, notes, tail)
    if case.decision_date is None:
        steps = notes + (
            "Apply within six months of the date on the plan's written decision.",
            _FORM, _TRACK, gather, _DONT_WAIT_FOR_PAPERS,
        ) + billing + tail
        reason = "You finished your plan's grievance, so you can now ask the DMHC to review it."
        if medical:
            return Outcome(Route.IMR, "R14", "Independent Medical Review", reason, steps,
                           phones=("help_center", "hca"))
        return _complaint(problem, reason, steps, ())
    deadline = imr_deadline(case.decision_date)
    if today <= deadline:
        steps = notes + (
            f"Apply by {say_date(deadline)}, six months after the plan's written decision.",
            _FORM, _TRACK, gather, _DONT_WAIT_FOR_PAPERS,
        ) + billing + tail
        reason = "You finished your plan's grievance, so you can now ask the DMHC to review it."
        if medical:
            return Outcome(Route.IMR, "R14", "Independent Medical Review", reason, steps,
                           dates=(("Apply by", deadline),), phones=("help_center", "hca"))
        return _complaint(problem, reason, steps, (("Apply by", deadline),))
    steps = notes + (_late_step(deadline), _FORM, gather) + billing + tail
    reason = "It has been more than six months since the plan's decision, but the DMHC may still accept a late application if special circumstances kept you from filing on time."
    dates = (("Six months ended", deadline),)
    if medical:
        return Outcome(Route.IMR_LATE, "R15", "Independent Medical Review (late)", reason, steps,
                       dates=dates, phones=("help_center", "hca"))
    return _complaint(problem, reason, steps, dates, late=True)


def _medi_cal_both(
    case: Case, today: date, notes: Tuple[str, ...], tail: Tuple[str, ...]
) -> Outcome:
    """R18: Medi-Cal managed care members may use an IMR and/or a State Hearing (§2.5)."""
    steps = list(notes)
    dates = []
    if case.decision_date is not None:
        imr_by = imr_deadline(case.decision_date)
        hearing_by = medi_cal_hearing_deadline(case.decision_date)
        if today <= hearing_by:
            steps.append(
                f"Ask for a State Hearing by {say_date(hearing_by)} (120 days after the plan's "
                "appeal decision)."
            )
            dates.append(("State Hearing by", hearing_by))
        else:
            steps.append(
                f"The 120 days for a State Hearing ended on {say_date(hearing_by)}; the Medi-Cal "
                "Managed Care Ombudsman can tell you your options."
            )
        steps.append(f"Apply for an IMR by {say_date(imr_by)} (six months after the decision).")
        dates.append(("Apply for an IMR by", imr_by))
    else:
        steps.append(
            "Ask for a State Hearing within 120 days, and apply for an IMR within six months, of "
            "the date on the plan's appeal decision letter."
        )
    steps += [
        _MEDI_CAL_ORDER,
        "If you want both, apply for the IMR first, and act fast because the State Hearing "
        "deadline is much shorter.",
        _FORM,
        _GATHER_MEDICAL,
        _MEDI_CAL_COUNTY,
    ]
    return Outcome(
        route=Route.MEDI_CAL_BOTH,
        rule="R18",
        title="IMR and/or Medi-Cal State Hearing",
        reason="As a Medi-Cal managed care member you can ask for an Independent Medical Review, a State Hearing, or both.",
        steps=tuple(steps) + tail,
        dates=tuple(dates),
        phones=("help_center", "hca", "medi_cal_ombudsman", "cdss_hearings"),
    )


def _add_medi_cal_notes(case: Case, outcome: Outcome) -> Outcome:
    """Medi-Cal managed care: State Hearing caveats and the Ombudsman (rules.md §2.5, §3.2)."""
    if case.coverage is not Coverage.MEDI_CAL_MANAGED or outcome.route is Route.MEDI_CAL_BOTH:
        return outcome
    extra: Tuple[str, ...] = ()
    if case.state_hearing == "unsure":
        extra += (
            "If a State Hearing has already happened on this issue, an IMR is no longer possible; "
            "the Medi-Cal Managed Care Ombudsman can check for you.",
        )
    if outcome.route is Route.IMR and outcome.rule == "R12":
        extra += (
            "After 30 days without an answer from the plan, you may also ask for a State Hearing. "
            + _MEDI_CAL_ORDER,
        )
    if outcome.route is Route.IMR_LATE:
        extra += ("The Medi-Cal Managed Care Ombudsman can also tell you your options.",)
    if outcome.route is Route.PLAN_FIRST:
        extra += (
            "In a Medi-Cal plan, file your appeal within 60 days of the plan's Notice of Action "
            "(its denial letter).",
        )
    phones = outcome.phones + tuple(p for p in ("medi_cal_ombudsman",) if p not in outcome.phones)
    return replace(outcome, steps=outcome.steps + extra, phones=phones)


def _unsure_regulator(outcome: Outcome) -> Outcome:
    """R7 on top of the DMHC answer: the person does not know who regulates the plan."""
    reason = outcome.reason
    reason = "If your plan is under the DMHC, " + reason[0].lower() + reason[1:]
    return replace(outcome, reason=reason, steps=(_FIND_REGULATOR,) + outcome.steps, agency=None)


# --- Summary for the form -----------------------------------------------------------------

_PROBLEM_WORDS = {
    Problem.NOT_NECESSARY: "My health plan denied, changed or delayed a service or treatment, saying it was not medically necessary.",
    Problem.EXPERIMENTAL: "My health plan denied a treatment, saying it is experimental or investigational.",
    Problem.EMERGENCY_CLAIM: "My health plan denied payment for emergency or urgent care, saying it was not medically necessary.",
    Problem.NOT_COVERED: "My health plan said a service or treatment I need is not a covered benefit.",
    Problem.BILLING: "I have a billing problem: I was billed for care and I disagree with the amount.",
    Problem.SERVICE: "I have a problem with my health plan's service, such as delays, access or quality of care.",
    Problem.UNKNOWN: "I disagree with a decision my health plan made about my care.",
}
_COVERAGE_WORDS = {
    Coverage.DMHC: "My coverage is a health plan regulated by the DMHC.",
    Coverage.MEDI_CAL_MANAGED: "My coverage is a Medi-Cal managed care plan.",
    Coverage.MEDI_CAL_FFS: "My coverage is regular (fee-for-service) Medi-Cal.",
    Coverage.MEDICARE: "My coverage is Medicare.",
    Coverage.DUAL: "I have both Medicare and Medi-Cal.",
    Coverage.SELF_FUNDED: "My coverage is a self-funded plan through my job.",
    Coverage.CDI: "My coverage is an insurance policy regulated by the Department of Insurance.",
    Coverage.FEHB: "My coverage is a federal employee (FEHB) plan.",
    Coverage.TRICARE: "My coverage is TRICARE.",
    Coverage.VA: "My coverage is VA health care.",
    Coverage.WORKERS_COMP: "This is about care for a work injury (workers' compensation).",
    Coverage.UNKNOWN: "I am not sure which agency regulates my health plan.",
}


def case_summary(case: Case, outcome: Outcome) -> str:
    """A short first-person paragraph to paste into the IMR/Complaint form.

    Says only what the person answered (no made-up facts); the person adds the details.
    """
    parts = []
    if case.problem is not None:
        parts.append(_PROBLEM_WORDS[case.problem])
    if case.coverage is not None:
        parts.append(_COVERAGE_WORDS[case.coverage])
    if case.serious_condition == "yes":
        parts.append("I have a life-threatening or seriously debilitating condition.")
    if case.urgent == "yes":
        parts.append("My situation is urgent: waiting puts my health at serious risk.")
    if case.state_hearing == "no":
        parts.append("I have not had a Medi-Cal State Hearing on this issue.")
    if case.filed_grievance == "yes":
        when = f" on {say_date(case.grievance_date)}" if case.grievance_date else ""
        parts.append(f"I filed a grievance (appeal) with my plan{when}.")
        if case.plan_answered == "yes":
            when = f" dated {say_date(case.decision_date)}" if case.decision_date else ""
            parts.append(f"The plan sent me its written decision{when}.")
        elif case.plan_answered == "no":
            parts.append("The plan has not sent me a written decision.")
    elif case.filed_grievance == "no" and outcome.route is not Route.PLAN_FIRST:
        parts.append("I have not filed a grievance with my plan.")
    if outcome.route is Route.IMR_LATE or outcome.title.endswith("(late)"):
        parts.append(
            "I am applying more than six months after the plan's decision because: "
            "(explain what kept you from applying sooner)."
        )
    if outcome.route in (Route.IMR, Route.IMR_LATE, Route.MEDI_CAL_BOTH) or (
        outcome.route is Route.URGENT and _is_medical(case.problem or Problem.UNKNOWN)
    ):
        parts.append("I am asking for an Independent Medical Review.")
    elif outcome.route in (Route.COMPLAINT, Route.URGENT):
        parts.append("I am asking the DMHC to review my complaint.")
    return " ".join(parts)
