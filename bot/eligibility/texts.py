"""The words of the eligibility results: titles, reasons, steps, details and the case summary.

bot/eligibility/rules.py decides (the rules.md §8.2 decision table); this module says it in plain
words. Facts come from ../shared/domain/rules.md (section named with each) or the DMHC service
page; [K] facts there are never stated as certain. Phone numbers are not written here: results
name keys of bot.domain.contacts.PHONE_LINES and bot/eligibility/result.py shows the numbers (the only
exceptions are 911 and 1-800-MEDICARE, said as names, from bot.domain.contacts).

Texts are keyed by the plain values of the eligibility enums ("dmhc", "imr"), which the enums
equal, so this module imports nothing from bot.eligibility.rules.

bot/eligibility/texts_es.py says the same in Spanish under the same names (words("es")).
"""
from __future__ import annotations

import sys
from datetime import date
from types import ModuleType
from typing import Any, Dict, NamedTuple, Optional, Tuple

from bot.domain import contacts
from bot.domain.dates import say_date

# --- Jargon, said once in plain words ------------------------------------------------------

IMR_MEANS = (
    "An IMR (Independent Medical Review) is a free review by doctors who are not part of your plan."
)  # service page [V]
COMPLAINT_MEANS = "A Consumer Complaint asks the DMHC to look into your problem with the plan."  # §1.2
STATE_HEARING = "a State Hearing (a hearing with a state judge)"

# --- Applying to the DMHC ------------------------------------------------------------------

FORM = (
    f"Send the free IMR/Complaint form online at {contacts.ONLINE_FORM_URL} (fastest), or by mail "
    "or fax. The Help Center can help you fill it in over the phone."
)  # rules.md §5 [V]: online form "the fastest way"; mail and fax
EITHER_TRACK = (
    "The Help Center decides if your case is an Independent Medical Review (IMR) or a Consumer "
    "Complaint; one form covers both."
)  # service page [V]
COVERAGE_DISPUTE = (
    "Whether your plan covers a service at all is a Consumer Complaint: the DMHC reviews your "
    "problem with the plan."
)  # rules.md §1.2 [V]: coverage decisions go to a Consumer Complaint
EMERGENCY_TRACK = (
    "Emergency care denied as not medically necessary can get an IMR (a review by independent "
    "doctors); a bill for more than your usual share is a Consumer Complaint. One form covers both."
)  # rules.md §4.2 [V]
GATHER_MEDICAL = (
    "Gather the plan's written decision, your grievance, your medical records, and a letter from "
    "your doctor saying why you need the care. Don't wait for missing papers."
)
GATHER_EXPERIMENTAL = (
    "Gather the plan's written denial and your medical records. Ask your doctor for a letter "
    "saying standard treatments have not worked, are not right for you, or would help less than "
    "the one you asked for."
)  # rules.md §1.1 item 2 [V]
GATHER_COMPLAINT = (
    "Gather the plan's written decision, your grievance, and any bills or letters about the "
    "problem. Don't wait for missing papers."
)
GATHER_EMERGENCY = (
    "Gather the plan's written decision, your grievance, the bill or claim, and your records from "
    "the emergency visit."
)
IMR_TIMING = (
    "An IMR is usually decided within 30 days after it qualifies and all records arrive; if it goes "
    "your way, the plan must approve the care within five business days."
)  # service page [V]
URGENT_IMR_TIMING = (
    "An urgent IMR (Independent Medical Review, by doctors outside your plan) is usually decided "
    "within about 7 days after it qualifies."
)  # rules.md §2.3 [V]

# --- The plan's grievance first ------------------------------------------------------------

FILE_GRIEVANCE = (
    "File a grievance (an appeal) with your plan: its website or member services (the number on "
    "your card) has the form. Keep a copy and the date you sent it."
)
FILE_GRIEVANCE_BILL = (
    "If you disagree with the bill, file a grievance (an appeal) with your plan and attach a copy "
    "of the bill. Keep a copy and the date you sent it."
)  # service page [V]: "If you disagree, file a complaint with your plan"
PLAN_HAS_30_DAYS = (
    "Your plan has 30 days to answer. If it still says no, or does not answer in 30 days, you can "
    "then apply to the DMHC."
)  # rules.md §2.1 [V]
CHECK_FILED = "Check with your plan whether it has a grievance from you on file, and when it got it."
IF_URGENT_LATER = "If your health gets worse and it becomes urgent, call the Help Center right away."
URGENT_CHECK = (
    "If waiting could seriously harm your health, call the Help Center now: urgent cases do not "
    "wait 30 days."
)  # rules.md §2.1 [V]
CHECK_MAIL = (
    "Check your mail: if the plan did send a written decision, the six months to apply count "
    "from its date."
)

# --- Bills (service page; rules.md §4) -----------------------------------------------------

BILL_EXPLAIN = (
    "Call the billing office that sent the bill and ask them to explain it. A provider in your "
    "plan's network can usually bill you only for your deductible, co-pay or co-insurance."
)  # service page [V], word for word where it can be
SURPRISE_BILL = (
    "If the bill is for emergency care, or from an out-of-network doctor at an in-network hospital "
    "or surgery center, you usually owe only your in-network share: do not pay more than that, "
    "and ask the billing office to hold the bill."
)  # rules.md §4.1, §4.2, §4.3 [V]
EMERGENCY_BILL = (
    "For emergency care you usually owe only your in-network share (your usual deductible, co-pay "
    "or co-insurance): do not pay more than that, and ask the billing office to hold the bill."
)  # rules.md §4.2 [V]

# --- Experimental treatment (rules.md §1.1 item 2, §2.1) -----------------------------------

NO_GRIEVANCE_NEEDED = "You do not need to file a grievance with your plan first."
EXPERIMENTAL_NOT_SERIOUS = (
    "Without a life-threatening or seriously disabling condition, your plan's grievance comes "
    "first; the Help Center then decides whether your case qualifies for an Independent Medical "
    "Review."
)
EXPERIMENTAL_MAYBE_SERIOUS = (
    "If your condition is life-threatening or seriously disabling, you may be able to skip the "
    "grievance and apply for an Independent Medical Review (IMR) right away; the Help Center can "
    "confirm. Until then, filing "
    "the grievance is the safe choice."
)

# --- Medi-Cal managed care (rules.md §2.1, §2.5) -------------------------------------------

MEDI_CAL_ORDER = (
    "Order matters: once you ask for a State Hearing, you cannot get an IMR on the same issue. If "
    "you want both, do the IMR first, and act fast: the State Hearing deadline is shorter."
)  # §2.5 [V]: "If you start the Medi-Cal State Hearing process you cannot get an IMR"
MEDI_CAL_COUNTY = (
    "Some county Medi-Cal plans may not be licensed by the DMHC; the Help Center can confirm, "
    "and a State Hearing is open either way."
)  # §3.1
MEDI_CAL_APPEAL_WINDOW = (
    "In a Medi-Cal plan, appeal within 60 days of the date on the plan's denial letter (called a "
    "Notice of Action)."
)  # §2.1 [V]
HEARING_MAYBE = (
    "Already asked for or had a State Hearing on this? Then an Independent Medical Review is not "
    "possible; the Medi-Cal Managed Care Ombudsman can check for you."
)
MEDI_CAL_NO_ANSWER = (
    f"After 30 days without an answer you may also ask for {STATE_HEARING}, but once you ask for "
    "one you cannot get an IMR on the same issue: if you want both, do the IMR first."
)  # §2.5 [V]: 120 days from the appeal decision, or after 30 days without one
MEDI_CAL_LATE = "The Medi-Cal Managed Care Ombudsman can also tell you your options."


def medi_cal_appeal_by(deadline: date) -> str:
    return (f"Appeal by {say_date(deadline)}: Medi-Cal plans take appeals within 60 days of the date "
            "on their denial letter (called a Notice of Action).")


def medi_cal_appeal_ended(deadline: date) -> str:
    return (f"The 60 days to appeal to your Medi-Cal plan ended on {say_date(deadline)}. Call the "
            "Medi-Cal Managed Care Ombudsman or the Help Center about your options.")


def hearing_by(deadline: date) -> str:
    return (f"Or ask for {STATE_HEARING} by {say_date(deadline)}, 120 days after the plan's "
            "decision.")


def hearing_ended(deadline: date) -> str:
    return (f"The 120 days for a State Hearing ended on {say_date(deadline)}; the Medi-Cal Managed "
            "Care Ombudsman can tell you your options.")


MEDI_CAL_BOTH_NO_DATE = (
    f"Apply for an IMR within six months, and ask for {STATE_HEARING} within 120 days, of the "
    "date on the plan's decision letter."
)

# --- Dates -----------------------------------------------------------------------------------


def apply_by(deadline: date, letter: str = "written decision") -> str:
    return f"Apply by {say_date(deadline)}, six months after the plan's {letter}."


def apply_within(letter: str = "written decision") -> str:
    return f"Apply within six months of the date on the plan's {letter}."


def late_step(deadline: date) -> str:
    return (
        f"The six months ended on {say_date(deadline)}, but apply anyway and explain what kept you "
        "from filing on time."
    )  # rules.md §0, §2.2 [V]: the DMHC may accept a late application


def plan_answers_by(day_30: date) -> str:
    return (f"Your plan has until {say_date(day_30)} to answer (30 days after you filed). If it "
            f"has not answered by then, you can apply to the DMHC on {say_date(day_30)}.")


PLAN_ANSWERS_WITHIN = (
    "Your plan has 30 days from when it got your grievance to answer. If 30 days have passed "
    "with no answer, you can apply to the DMHC now."
)
IF_PLAN_ANSWERS = "If the plan answers sooner and you disagree, you can apply right away."

# --- Titles: the path first, with its date --------------------------------------------------

_APPLY = {"imr": "Apply for an IMR", "complaint": "File a Consumer Complaint", "either": "Apply to the DMHC"}


def apply_title(track: str, deadline: Optional[date] = None, late: bool = False, now: bool = False) -> str:
    """ "Apply for an IMR by April 5, 2027", "File a Consumer Complaint now", ..."""
    lead = _APPLY[track]
    if late:
        return f"{lead} now, even though six months have passed"
    if deadline is not None:
        return f"{lead} by {say_date(deadline)}"
    if now:
        return f"{lead} now"
    return f"{lead} within six months of the plan's decision"


def wait_title(day_30: Optional[date]) -> str:
    if day_30 is None:
        return "Wait for your plan's answer (up to 30 days)"
    return f"You can apply to the DMHC on {say_date(day_30)}"


def plan_first_title(medi_cal_deadline: Optional[date] = None) -> str:
    if medi_cal_deadline is not None:
        return f"First, appeal to your plan by {say_date(medi_cal_deadline)}"
    return "First, file a grievance (appeal) with your plan"


def medi_cal_both_title(imr: Optional[date]) -> str:
    if imr is None:
        return "Your options: an IMR, a State Hearing, or both"
    return f"Apply for an IMR by {say_date(imr)}"


# --- Reasons (one sentence each) ------------------------------------------------------------

REASON_PLAN_FIRST = "The DMHC reviews a case after your plan has had its chance to fix it."
REASON_WAIT = "Your plan gets 30 days to answer a grievance before you can go to the DMHC."
REASON_FILE_NOW = (
    "It has been at least 30 days since you filed your grievance, so you can apply to the DMHC now."
)
REASON_AFTER_DECISION = "You finished your plan's grievance, so you can now ask the DMHC to review it."
REASON_LATE = (
    "It has been more than six months since the plan's decision, but the DMHC may still accept a "
    "late application if special circumstances kept you from filing on time."
)
REASON_EXPERIMENTAL = (
    "When a plan calls a treatment experimental for a life-threatening or seriously disabling "
    "condition, you can ask the DMHC for an independent review right away."
)
REASON_MEDI_CAL_BOTH = (
    "As a Medi-Cal managed care member you can ask for an Independent Medical Review, a State "
    "Hearing, or both."
)
REASON_UNSURE_REGULATOR = "If your plan is under the DMHC, "

# --- Urgent, emergency, unknown plan, State Hearing -----------------------------------------

URGENT_TITLE = "Urgent: call the Help Center now"
URGENT_REASON = (
    "Because your health is at serious risk, you can go to the DMHC right away without waiting "
    "for your plan."
)
URGENT_STEPS = (
    "Call the Help Center now and say it is urgent.",
    "Also ask your plan for an urgent (fast) grievance: the plan must answer within 3 days.",
    "You do not have to wait 30 days for the plan.",
)  # rules.md §2.1 [V], R10

EMERGENCY_TITLE = f"Emergency: call {contacts.line('emergency')} now"
EMERGENCY_REASON = "This sounds like an emergency, and emergency care comes first."
EMERGENCY_STEPS = (
    f"Call {contacts.line('emergency')} or go to the nearest emergency room now.",
    "You do not need your plan's approval before getting emergency care.",
    "Once you are safe, the Help Center can help with any plan problem.",
)  # rules.md §5.1, R0

FIND_REGULATOR = (
    "Check who oversees your plan: your member card (HMO or PPO?) or your member booklet (called "
    "the Evidence of Coverage) should say, or the Help Center can confirm it."
)  # rules.md §3.1
REGULATOR_UNKNOWN_TITLE = "First, find out who handles your plan"
REGULATOR_UNKNOWN_REASON = "Who handles your appeal depends on the kind of health plan you have."
REGULATOR_UNKNOWN_STEPS = (
    FIND_REGULATOR,
    "Call the Help Center with your plan's name; it can tell you where to go next.",
)

HEARING_TITLE = "Your State Hearing is the path for this"
HEARING_REASON = (
    "Once you ask for a Medi-Cal State Hearing, you cannot get an Independent Medical Review on "
    "the same issue."
)  # rules.md §2.5 [V]
HEARING_STEPS = (
    "Call the Medi-Cal Managed Care Ombudsman about your hearing and your options.",
    "The Help Center can still help with other problems with your plan.",
)

# --- Other agencies (rules.md §3.2, R1-R6) --------------------------------------------------

HELP_CENTER_TOO = "The DMHC Help Center can still point you to the right place if you are not sure."


class AgencyText(NamedTuple):
    title: str
    reason: str
    steps: Tuple[str, ...]
    agency: Optional[str]


AGENCIES: Dict[str, AgencyText] = {
    "medicare": AgencyText(
        "Medicare handles your appeal",
        "Appeals for Medicare coverage, including Medicare Advantage plans, go through Medicare, "
        "not a DMHC review.",
        (
            "Appeal through your plan's appeal process first, then through Medicare appeals.",
            f"Call {contacts.PHONE_LINES['medicare'].name} for the steps, or HICAP for free "
            "Medicare counseling.",
            HELP_CENTER_TOO,
        ),
        "Medicare",
    ),
    "medicare_medi_cal": AgencyText(
        "Medicare and Medi-Cal: call the Help Center to sort it out",
        "With both Medicare and Medi-Cal, who reviews a denial depends on which program covers "
        "the service.",
        (
            "If Medi-Cal covers the service, you may be able to ask the DMHC for an Independent "
            "Medical Review after your plan's appeal.",
            "If only Medicare covers it, the appeal goes through Medicare; HICAP gives free "
            "Medicare counseling.",
            "Call the Help Center to confirm which path fits your denial.",
        ),
        None,
    ),
    "medi_cal_ffs": AgencyText(
        "Ask for a Medi-Cal State Hearing within 90 days",
        "Decisions in regular Medi-Cal (without a health plan) are reviewed at a State Hearing "
        "(a hearing with a state judge), not by the DMHC.",
        (
            "Ask the California Department of Social Services (CDSS) for a State Hearing within "
            "90 days of the date on the notice about the decision.",
            "The Medi-Cal Member Helpline can answer questions about your Medi-Cal.",
            HELP_CENTER_TOO,
        ),
        "CDSS State Hearings",
    ),  # R3: 90 days from the notice
    "self_funded": AgencyText(
        "Appeal to your job plan, then ask for a federal outside review",
        "Self-funded job plans follow federal rules, and the U.S. Department of Labor (EBSA) "
        "helps people with their appeals.",
        (
            "First use your plan's own appeal (its internal appeal).",
            "If it still says no, ask for a federal external review: a review by reviewers "
            "outside your plan.",
            "Call EBSA for free help with the steps.",
            "Government and church plans (such as a self-funded CalPERS plan) follow other "
            "rules: ask your plan administrator, or the Help Center.",
            "Not sure your plan is self-funded? Ask your HR office, or call the Help Center.",
        ),
        "U.S. Department of Labor (EBSA)",
    ),  # rules.md §3.2 [V]
    "fehb": AgencyText(
        "Federal employee plan: ask your plan, then OPM",
        "Federal employee (FEHB) plans have their own appeals, reviewed by the U.S. Office of "
        "Personnel Management (OPM).",
        (
            "Ask your plan to reconsider; your plan brochure explains the steps and deadlines.",
            "If it still says no, ask OPM to review it within 90 days of the plan's answer.",
            HELP_CENTER_TOO,
        ),
        "U.S. Office of Personnel Management (OPM)",
    ),
    "tricare": AgencyText(
        "TRICARE appeals: call TriWest",
        "TRICARE has its own appeals, handled in California by TriWest.",
        ("Call TriWest about a TRICARE appeal.", HELP_CENTER_TOO),
        "TRICARE (TriWest)",
    ),
    "va": AgencyText(
        "VA health care: call the VA",
        "The VA handles decisions about VA health care.",
        ("Call VA health care about your decision.", HELP_CENTER_TOO),
        "VA",
    ),
    "workers_comp": AgencyText(
        "Workers' comp: ask for its own review within 30 days",
        "Care for a work injury goes through workers' compensation, which has its own review.",
        (
            "Ask the state's Division of Workers' Compensation for its Independent Medical Review "
            "(a different program from the DMHC one) at dir.ca.gov.",
            "You usually need to ask within 30 days of the decision on your doctor's treatment "
            "request (called utilization review).",
            HELP_CENTER_TOO,
        ),
        "Division of Workers' Compensation",
    ),
    "cdi": AgencyText(
        "The Department of Insurance handles your appeal",
        "Your policy is regulated by the California Department of Insurance (CDI), which runs "
        "its own review.",
        (
            "Finish your insurer's appeal first, then ask CDI for its Independent Medical Review "
            "or a complaint.",
            "Apply within six months of the insurer's final written decision.",
            HELP_CENTER_TOO,
        ),
        "California Department of Insurance",
    ),
}

# --- Phone lines: what each one is for ------------------------------------------------------

PHONE_NOTES = {
    "hca": "free one-on-one help with the grievance or the form",
    "help_center_fax": "to fax the form",
}

# --- Case summary to paste into the form ----------------------------------------------------

SUMMARY_PROBLEM = {
    "not_medically_necessary": "My health plan denied, changed or delayed a service or treatment, "
                               "saying it was not medically necessary.",
    "experimental": "My health plan denied a treatment, saying it is experimental or investigational.",
    # Not "denied as not medically necessary": it may be a bill (rules.md §4.2).
    "emergency_claim": "I have a problem with my health plan's payment for emergency or urgent care.",
    "not_covered": "My health plan said a service or treatment I need is not a covered benefit.",
    "billing": "I was billed for care and I disagree with the amount.",
    "service": "I have a problem with my health plan's service, such as delays, access or quality of care.",
    "unknown": "I disagree with a decision my health plan made about my care.",
}
SUMMARY_COVERAGE = {
    "dmhc": "My coverage is a health plan regulated by the DMHC.",
    "medi_cal_managed": "My coverage is a Medi-Cal managed care plan.",
    "medi_cal_ffs": "My coverage is regular (fee-for-service) Medi-Cal.",
    "medicare": "My coverage is Medicare.",
    "medicare_medi_cal": "I have both Medicare and Medi-Cal.",
    "self_funded": "My coverage is a self-funded plan through my job.",
    "cdi": "My coverage is an insurance policy regulated by the Department of Insurance.",
    "fehb": "My coverage is a federal employee (FEHB) plan.",
    "tricare": "My coverage is TRICARE.",
    "va": "My coverage is VA health care.",
    "workers_comp": "This is about care for a work injury (workers' compensation).",
    "unknown": "I am not sure which agency regulates my health plan.",
}
SUMMARY_ASKS = {
    "imr": "I am asking for an Independent Medical Review.",
    "complaint": "I am asking the DMHC to review my complaint.",
    "either": "I am asking the DMHC to review my case.",
}
# The other sentences of the summary; {when} is filled with the *_on phrase, or nothing.
SUMMARY_SAYS = {
    "serious": "I have a life-threatening or seriously debilitating condition.",
    "urgent": "My situation is urgent: waiting puts my health at serious risk.",
    "no_hearing": "I have not asked for or had a Medi-Cal State Hearing on this issue.",
    "filed": "I filed a grievance (appeal) with my plan{when}.",
    "filed_on": " on {date}",
    "decided": "The plan sent me its written decision{when}.",
    "decided_on": " dated {date}",
    "no_decision": "The plan has not sent me a written decision.",
    "not_filed": "I have not filed a grievance with my plan.",
    "late": "I am applying more than six months after the plan's decision because: "
            "(explain what kept you from applying sooner).",
}


def words(language: str = "en") -> ModuleType:
    """This module, or its Spanish twin bot/eligibility/texts_es.py (same names) for "es".

    Imported here, not at the top: texts_es takes AgencyText from this module.
    """
    if language == "es":
        from bot.eligibility import texts_es
        return texts_es
    return sys.modules[__name__]


def case_summary(case: Any, outcome: Any, language: str = "en") -> str:
    """A short first-person paragraph to paste into the IMR/Complaint form.

    Says only what the person answered (no made-up facts); the person adds the details.
    """
    w = words(language)
    says = w.SUMMARY_SAYS

    def on(key: str, day: Optional[date]) -> str:
        return says[key].format(date=say_date(day, language)) if day else ""

    parts = []
    if case.problem is not None:
        parts.append(w.SUMMARY_PROBLEM[case.problem])
    if case.coverage is not None:
        parts.append(w.SUMMARY_COVERAGE[case.coverage])
    if case.serious_condition == "yes":
        parts.append(says["serious"])
    if case.urgent == "yes":
        parts.append(says["urgent"])
    if case.state_hearing == "no":
        parts.append(says["no_hearing"])
    if case.filed_grievance == "yes":
        parts.append(says["filed"].format(when=on("filed_on", case.grievance_date)))
        if case.plan_answered == "yes":
            parts.append(says["decided"].format(when=on("decided_on", case.decision_date)))
        elif case.plan_answered == "no":
            parts.append(says["no_decision"])
    elif case.filed_grievance == "no" and outcome.route != "plan_first":
        parts.append(says["not_filed"])
    if outcome.late:
        parts.append(says["late"])
    if outcome.track in w.SUMMARY_ASKS:
        parts.append(w.SUMMARY_ASKS[outcome.track])
    return " ".join(parts)
