"""Read the short answers people type to the eligibility questions.

Buttons send plain words ("Yes", "Not sure", "Kaiser or another HMO") and people type their
own ("yeah", "nope", "idk", "kaiser hmo"); both go through these readers, so a button is never
a command that could set other slots. Each reader returns None when it cannot tell, and the
form then asks again.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Optional

from bot.coverage_terms import canonical
from bot.dates import parse_past_date
from bot.eligibility import Answer, Coverage, Problem

_UNSURE = re.compile(
    r"\b(not\s+sure|unsure|don'?t\s+know|do\s+not\s+know|dunno|idk|no\s+idea|not\s+certain"
    r"|maybe|can'?t\s+remember|don'?t\s+remember|no\s+clue|i\s+forget|forgot)\b", re.I)
_NO = re.compile(
    r"^\s*(no+|nope|nah|not\s+yet|never|negative|i\s+have\s*n[o']t|i\s+haven'?t|haven'?t|didn'?t"
    r"|i\s+didn'?t|not\s+really|no\s+they\s+haven'?t|they\s+haven'?t|it\s+isn'?t|isn'?t|it'?s\s+not)\b", re.I)
_YES = re.compile(
    r"^\s*(y|ya|yes+|yeah+|yep|yup|sure|correct|right|i\s+did|i\s+have|did|have|they\s+did"
    r"|it\s+is|absolutely|definitely|of\s+course|already|uh\s*huh|si|true"
    r"|that'?s\s+(right|correct|it)|looks\s+(good|right)|all\s+good)\b", re.I)


def read_yes_no(text: str) -> Optional[Answer]:
    """'yes', 'no' or 'unsure' from a short reply ("yeah", "nope", "not sure"), else None."""
    if _UNSURE.search(text):
        return "unsure"
    if _NO.search(text):
        return "no"
    if _YES.search(text):
        return "yes"
    return None


# Plain-word answers to one question ("they denied it again" answers "has your plan decided?").
# Negative wordings are checked before positive ones.
_SLOT_NO = {
    "filed_grievance": r"\b(didn'?t|haven'?t|have\s+not|never|not\s+yet)\b.*\b(appeal|fil|grievance|complain)",
    "plan_answered": r"\b(no\s+(answer|response|decision|letter|word)|haven'?t\s+heard|not\s+heard|still\s+waiting"
                     r"|nothing\s+yet|never\s+(answered|responded|heard|replied)|no\s+reply)\b",
    "urgent": r"\b(not\s+urgent|isn'?t\s+urgent|can\s+wait|not\s+an\s+emergency|not\s+right\s+now)\b",
    "serious_condition": r"\b(not\s+(life[\s-]threatening|serious)|isn'?t\s+serious)\b",
    "state_hearing": r"\b(no\s+hearing|never\s+had|haven'?t\s+had|didn'?t\s+have)\b",
}
_SLOT_YES = {
    "filed_grievance": r"\b(appeal(ed)?|filed|grievance|complained|sent\s+(a|an|my|the)\s+(letter|complaint))\b",
    "plan_answered": r"\b(denied|said\s+no|upheld|turned\s+(it|me|us|her|him)\s+down|rejected|refused|approved"
                     r"|got\s+(a|the|their)\s+(letter|decision|answer|response|reply)|answered|responded|replied)\b",
    "urgent": r"\b(urgent|emergency|getting\s+worse|severe\s+pain|can'?t\s+wait|asap|right\s+away|dying)\b",
    "serious_condition": r"\b(cancer|terminal|life[\s-]threatening|could\s+die|fatal|disabling|debilitating)\b",
    "state_hearing": r"\b(had\s+(a|the)\s+hearing|hearing\s+(was|happened)|went\s+to\s+(a|the)\s+hearing)\b",
}


def read_answer_to(slot: str, text: str) -> Optional[Answer]:
    """A yes/no/unsure answer to one question, also from plain words ("we appealed in May")."""
    return read_yes_no(text) or read_specific(slot, text)


def read_specific(slot: str, text: str) -> Optional[Answer]:
    """An answer only in this question's own words, so it can be taken even when another
    question was asked ("we haven't appealed yet" while asked about urgency)."""
    said_no = slot in _SLOT_NO and re.search(_SLOT_NO[slot], text, re.I)
    said_yes = slot in _SLOT_YES and re.search(_SLOT_YES[slot], text, re.I)
    if not (said_no or said_yes):
        return None
    if _UNSURE.search(text):  # "I don't know if it's urgent"
        return "unsure"
    return "no" if said_no else "yes"


_OTHER_TOPICS = re.compile(r"urgent|emergency|appeal|grievance|letter|decision|hearing|worse", re.I)


def about_another_question(text: str) -> bool:
    """Does an "I don't know" talk about something else ("I don't know if it's urgent")?"""
    return _OTHER_TOPICS.search(text) is not None


_COVERAGE_WORDS = (
    # (pattern, coverage), checked in order; plan names come from bot.coverage_terms.
    (r"fee[\s-]*for[\s-]*service|no\s+plan|straight\s+medi[\s-]?cal\b|regular\s+medi[\s-]?cal\b", Coverage.MEDI_CAL_FFS),
    (r"self[\s-]*(funded|insured)|erisa", Coverage.SELF_FUNDED),
    (r"department\s+of\s+insurance|\bcdi\b", Coverage.CDI),
    (r"\bhmo\b|managed\s+care|covered\s+california|covered\s+ca\b", Coverage.DMHC),
    (r"work(er'?s|man'?s)?\s*comp|work\s+injury|injured\s+at\s+work|on\s+the\s+job", Coverage.WORKERS_COMP),
    (r"\bfehb\b|federal\s+employee|postal", Coverage.FEHB),
    (r"tri[\s-]?care|triwest|military", Coverage.TRICARE),
    (r"\bva\b|veteran", Coverage.VA),
)
_CANONICAL_COVERAGE = {
    "medicare": Coverage.MEDICARE, "medicare_advantage": Coverage.MEDICARE,
    "self_funded": Coverage.SELF_FUNDED, "cdi": Coverage.CDI, "fehb": Coverage.FEHB,
    "tricare": Coverage.TRICARE, "va": Coverage.VA, "workers_comp": Coverage.WORKERS_COMP,
    "covered_california": Coverage.DMHC,
}
_CARRIERS = {"kaiser", "blue_shield", "anthem", "health_net", "la_care", "molina", "iehp", "sharp"}


def read_coverage(text: str, entity_values: Iterable[str] = ()) -> Optional[Coverage]:
    """The kind of coverage from an answer like "kaiser hmo", "medi-cal through LA Care"."""
    lowered = text.lower()
    found = {c for c in (canonical(v) for v in entity_values) if c}
    medicare = "medicare" in found or "medicare_advantage" in found or "medicare" in lowered
    medi_cal = "medi_cal" in found or any(
        m.group(0) != "medical"  # "medical" alone is an ordinary word, not Medi-Cal
        for m in re.finditer(r"\bmedi[\s-]?cal\b|\bmedicaid\b", lowered))
    if _UNSURE.search(text):
        return None if about_another_question(text) else Coverage.UNKNOWN
    if medicare and medi_cal:
        return Coverage.DUAL
    if medi_cal:
        if re.search(_COVERAGE_WORDS[0][0], lowered):
            return Coverage.MEDI_CAL_FFS
        return Coverage.MEDI_CAL_MANAGED
    if medicare:
        return Coverage.MEDICARE
    for pattern, coverage in _COVERAGE_WORDS:
        if re.search(pattern, lowered):
            return coverage
    for value in found:
        if value in _CANONICAL_COVERAGE:
            return _CANONICAL_COVERAGE[value]
        if value in _CARRIERS:
            return Coverage.DMHC
    return None


_PROBLEM_WORDS = (
    (r"experiment|investigation|clinical\s+trial|unproven|off[\s-]label", Problem.EXPERIMENTAL),
    (r"(emergency|\ber\b|urgent\s+care|ambulance).*(pay|bill|claim|cover)|(pay|bill|claim).*(emergency|\ber\b)", Problem.EMERGENCY_CLAIM),
    (r"not\s+(a\s+)?covered|isn'?t\s+covered|not\s+a\s+benefit|excluded|exclusion|not\s+part\s+of\s+my\s+(plan|contract)", Problem.NOT_COVERED),
    (r"medically\s+necessary|not\s+necessary|unnecessary|don'?t\s+need\s+it|deni|refus|reject|delay|cut|changed|reduced|said\s+no|won'?t\s+(approve|authorize|cover)", Problem.NOT_NECESSARY),
    (r"bill|charg|co-?pay|co-?insurance|deductible|balance|collection|overcharg|refund|claim", Problem.BILLING),
    (r"appointment|waiting|wait\s+time|referral|rude|quality|cancel|terminat|interpreter|translat|network|specialist|broker|agent|pharmacy|continuity", Problem.SERVICE),
)


def read_problem(text: str) -> Optional[Problem]:
    """The kind of problem from an answer ("they said it's experimental", "a bill")."""
    if _UNSURE.search(text) and not about_another_question(text):
        return Problem.UNKNOWN
    lowered = text.lower()
    for pattern, problem in _PROBLEM_WORDS:
        if re.search(pattern, lowered):
            return problem
    return None


_QUESTION = re.compile(r"\?|^\s*(wait[,\s]+)?(what|how|does|do|is|are|can|could|who|when|where|will|should)\b", re.I)


def looks_like_question(text: str) -> bool:
    """Is this a question of the person's own rather than an answer ("does an IMR cost anything?")."""
    return _QUESTION.search(text) is not None


_DATE_LEAD = re.compile(r"^.*\b(?:came|was|were|got|received|sent|filed|mailed|decided|dated|on|in|around|about)\b\s*", re.I)


def date_phrase(text: str) -> str:
    """The date part of a sentence like "no, the decision came in May" -> "May"."""
    stripped = re.sub(r"^\s*(no|nope|actually|sorry|wait)[,.!\s]+", "", text, flags=re.I)
    phrase = _DATE_LEAD.sub("", stripped, count=1).strip(" .!")
    phrase = re.sub(r"^(it|that|this|them|the\s+letter)\s+", "", phrase, flags=re.I)
    return phrase or stripped


def find_date(text: str, today: date) -> Optional[date]:
    """A past date mentioned inside an answer ("yes, we appealed in September", "...last month")."""
    words = text.strip(" .!?").split()
    candidates = [date_phrase(text)] + [" ".join(words[-n:]) for n in (1, 2, 3, 4) if len(words) >= n]
    for candidate in candidates:
        parsed = parse_past_date(candidate, today)
        if parsed.value is not None:
            return parsed.value
    return None


def mentions_decision(text: str) -> bool:
    """Does a correction talk about the plan's decision (vs the grievance)?"""
    return re.search(r"decision|decided|denial\s+letter|letter|answered|respon|repl", text, re.I) is not None


def mentions_grievance(text: str) -> bool:
    """Does a correction talk about when the grievance was filed?"""
    return re.search(r"grievance|appeal|filed|complain", text, re.I) is not None
