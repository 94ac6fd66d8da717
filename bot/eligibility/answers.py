"""Read the short answers people type to the eligibility questions.

Buttons send plain words ("Yes", "Not sure", "Kaiser or another HMO") and people type their
own ("yeah", "nope", "idk", "kaiser hmo"); both go through these readers, so a button is never
a command that could set other slots. Each reader returns None when it cannot tell, and the
form then asks again.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Callable, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from bot.domain import coverage
from bot.domain.dates import names_a_day, opens_a_date, parse_past_date
from bot.eligibility.rules import Answer, Coverage, Problem
from bot.nlu.parse_data import NOT_AN_ANSWER
from bot.text import fold_accents

# What the trained classifier's answer intents mean (data/nlu/answers.yml). The model reads
# negations and hedges ("it is not urgent", "we never appealed", "I think so"); no pattern here
# decides yes or no.
POLARITY_OF_INTENT: Dict[str, Answer] = {"affirm": "yes", "deny": "no", "unsure": "unsure"}
# Intents that, as the answer to one question, can only mean yes: "they denied it again"
# answers "has your plan sent its decision?"; "she is getting worse every day" answers
# "is it urgent?".
YES_BY_DESCRIPTION: Dict[str, FrozenSet[str]] = {
    "plan_answered": frozenset({"describe_denial"}),
    "urgent": frozenset({"describe_urgent_problem"}),
}
FALLBACK_INTENT = "nlu_fallback"
# A yes/no question expects a yes, a no or "not sure": the answer intent ranked highest among the
# classifier's top few is taken, even when a topic like "faq" leads ("no, it's just a bill").
ANSWER_WINDOW = 3
# A reply the model reads first and clearly as one of these is not an answer, whatever comes
# second: "thanks" (thank 0.99, affirm 0.003) is not a yes, "gracias" (deny 0.009) not a no,
# "wait" (hold_on 0.60, deny 0.25) not a no. The form answers it, then asks again. A reply
# that also says "not sure" in so many words ("déjame buscar... no sé") is still read.
INTERJECTIONS = frozenset({"thank", "hold_on", "human_handoff", "case_status"})
CLEARLY_INTERJECTION = 0.5


# A narrow fallback when the model names no answer: a reply that opens with a bare yes or no
# ("no, it was months ago", "sí, ya apelé", "nel"). Whatever follows is not read. An unaccented
# Spanish "si" is also "if" ("si espero se complica"), so it counts only before a pause.
_LEADING_ANSWER = re.compile(
    r"^\W*(?:(yes|yeah|yep|yup|ya|sí|si(?=\s*(?:[,.!;:-]|$))|sip|sim[oó]n(?=\s*(?:[,.!;:-]|$)))"
    r"|(no|nope|nah|nel|nop))"
    r"(?:[\s,.!;:-]|$)(?!\s*(?:idea|clue)\b)", re.I)
# Words people open with before their yes or no ("pues sí", "la verdad no"): skipped, so the
# bare answer after them is the one that counts.
_FILLER = re.compile(r"^\W*(?:(?:pues|pos|bueno|este|la\s+verdad|mm+|ah+|eh+)(?:[\s,.]+|$))+", re.I)
# Below this confidence, an answer intent that contradicts the bare yes/no a reply opens with
# gives way to it.
LEADING_WORD_WINS_BELOW = 0.6
# A yes or no typed long ("siii", "nooo", "yesss"): its letters are run together before reading.
_FIRST_WORD = re.compile(r"^(\W*)(\w+)")


def _unstretched(text: str) -> str:
    """ "siii, ya" -> "si, ya", when only the shortened first word is a bare answer to
    _LEADING_ANSWER; other first words are left as they are ("see", "noon")."""
    found = _FIRST_WORD.match(text)
    if not found or _LEADING_ANSWER.match(text):
        return text
    short = found.group(1) + re.sub(r"(.)\1+", r"\1", found.group(2)) + text[found.end():]
    return short if _LEADING_ANSWER.match(short) else text


def polarity(slot: str, ranking: Sequence[Tuple[str, float]], text: str = "") -> Optional[Answer]:
    """yes/no/unsure as the trained model read the reply to `slot`'s question, else None.

    `ranking` is the classifier's (intent, confidence) list, best first; Rasa's fallback
    intent is skipped. Only the top ANSWER_WINDOW intents are looked at, so a reply that is
    about something else entirely ("purple") is not taken for an answer; then a reply that
    opens with a bare "yes" or "no" counts.
    """
    window = [(name, p) for name, p in ranking if name != FALLBACK_INTENT][:ANSWER_WINDOW]
    if (window and window[0][0] in INTERJECTIONS and window[0][1] >= CLEARLY_INTERJECTION
            and not looks_unsure(text)):
        return None
    # "no me acuerdo", "no estoy segura": a "no" that opens "not sure" in so many words is not one
    # ("no we didn't, i had no idea we could" still opens with one).
    body = _unstretched(_FILLER.sub("", text, count=1))
    leading = None if _UNSURE.match(body.strip(" ¿¡.,")) else _LEADING_ANSWER.match(body)
    opens_with = ("yes" if leading.group(1) else "no") if leading else None
    for name, confidence in window:
        read = POLARITY_OF_INTENT.get(name) or ("yes" if name in YES_BY_DESCRIPTION.get(slot, ()) else None)
        if read is None:
            continue
        # "no he is healthy otherwise, this is just for his sleep": the model, unsure, leaned
        # to yes; the bare "no" it opens with is the answer unless the model is sure.
        if opens_with and read != opens_with and confidence < LEADING_WORD_WINS_BELOW:
            return opens_with
        return read
    return opens_with


# Which question a sentence talks about, by its nouns ("appeal", "hearing"). These only route an
# answer to the right question; whether the answer is yes or no comes from the model.
_TOPIC_WORDS: Dict[str, str] = {
    "urgent": r"\burgen|\bemergenc|\bcan'?t\s+wait|\bcan\s+wait|\bserious\s+risk|\bsevere\s+pain|\bin\s+danger",
    "serious_condition": r"life[\s-]*threat|\bdisabl|\bdebilitat|\bfatal\b|\bterminal\b",
    "state_hearing": r"\bhearing\b",
    "filed_grievance": r"\bappeal|\bgrievance|\bcomplain",
    "plan_answered": r"\bdecision\b|\bdecided\b|\bupheld\b|\bheard\s+back\b|\bwrote\s+back\b|\bresol(ution|ved)\b"
                     r"|\brepl(y|ied)\b|\brespon(d|ded|se)\b|\banswer(ed)?\b",
}


def topics_named(text: str) -> FrozenSet[str]:
    """The yes/no questions a sentence talks about ("we haven't appealed yet" -> filed_grievance)."""
    return frozenset(slot for slot, words in _TOPIC_WORDS.items() if re.search(words, text, re.I))


def answers_in(slot: str, said: Optional[Answer], text: str) -> Tuple[Optional[Answer], Dict[str, Answer]]:
    """The answer to `slot`, and to the other yes/no questions the sentence names.

    A reply that names only other questions ("we haven't appealed yet" when asked about
    urgency) answers those, not the one asked; one that names the asked question, or none,
    answers it ("no, it was months ago").
    """
    if said is None:
        return None, {}
    named = topics_named(text)
    others = {other: said for other in named if other != slot}
    if slot in named or not others:
        return said, others
    return None, others


_UNSURE = re.compile(
    r"\b(not\s+sure|unsure|don'?t\s+know|do\s+not\s+know|dunno|idk|no\s+idea|not\s+certain"
    r"|can'?t\s+remember|don'?t\s+remember|no\s+clue"
    # Spanish: "no sé", "ni idea", "no me acuerdo". Unaccented "no se" is often the reflexive
    # ("ya no se levanta", "no se puede"): it counts only before a pause or what is not known.
    r"|no\s+sé|no\s+se(?=\s*(?:$|[,.;:!?]|si\b|q\b|que\b|c[oó]mo\b|cu[aá]n|d[oó]nde\b|qu[ié]|x\b|por\b|nada\b"
    r"|bien\b|de\b|exactamente\b|la\s+verdad\b))|ni\s+idea"
    r"|no\s+(?:tengo|tengo\s+ninguna)\s+idea|no\s+estoy\s+segur[oa]|no\s+me\s+acuerdo|no\s+sabr[ií]a"
    r"|no\s+recuerdo|qui[eé]n\s+sabe)\b", re.I)


def looks_unsure(text: str) -> bool:
    """Does the text say "not sure" / "I don't know" in so many words?"""
    return _UNSURE.search(text) is not None


# "Not sure" counts as an answer to an open question (which coverage) only when the model is
# sure of it: "purple" has "unsure" first among weak guesses (0.22).
CLEARLY = 0.45


def clearly_unsure(ranking: Sequence[Tuple[str, float]]) -> bool:
    """Is "unsure" the model's first reading, with at least CLEARLY confidence?"""
    first = [(name, confidence) for name, confidence in ranking if name != FALLBACK_INTENT][:1]
    return bool(first) and first[0][0] == "unsure" and first[0][1] >= CLEARLY


def about_another_question(text: str) -> bool:
    """Does an "I don't know" talk about one of the yes/no questions ("I don't know if it's urgent")?"""
    return bool(topics_named(text))


def read_coverage(text: str, entity_values: Iterable[str] = ()) -> Optional[Coverage]:
    """The kind of coverage from an answer like "kaiser hmo", "medi-cal through LA Care",
    "Blue Shield PPO" (unknown: depends on the product), or "not sure" (unknown).

    Names are read by bot/domain/coverage.py from the one table in bot/domain/coverage_terms.py.
    """
    if _UNSURE.search(text):
        return None if about_another_question(text) else Coverage.UNKNOWN
    return coverage.read_coverage(text, entity_values)


# The problem kind the trained model recognised, when the plan's words name none.
PROBLEM_BY_TOPIC: Dict[str, Problem] = {
    "faq/experimental": Problem.EXPERIMENTAL,
    "faq/bill_for_care": Problem.BILLING,
    "faq/surprise_bill": Problem.BILLING,
    "faq/report_problem": Problem.SERVICE,
}

# A narrow fallback for the plan's own words when the model names no topic: the reasons a
# denial letter gives and the names of bills. Whole words only ("discharge" is not a charge).
_PROBLEM_WORDS = (
    (r"\bexperiment|\binvestigation|\bclinical\s+trial|\bunproven\b|\boff[\s-]label\b", Problem.EXPERIMENTAL),
    (r"\b(emergency|er|urgent\s+care|ambulance)\b.*\b(pay|paid|claim)|\b(pay|paid|claim)\b.*\b(emergency|er)\b",
     Problem.EMERGENCY_CLAIM),
    (r"\bnot\s+(a\s+)?covered|\bisn'?t\s+covered|\bnot\s+a\s+(covered\s+)?benefit|\bexclu(ded|sion)\b"
     r"|\bnot\s+part\s+of\s+my\s+(plan|contract)", Problem.NOT_COVERED),
    (r"\bmedically\s+necessary|\bnot\s+necessary|\bunnecessary\b|\bdon'?t\s+need\s+(it|this|that)\b"
     r"|\b(doesn'?t|does\s+not|don'?t|do\s+not)\s+need\b", Problem.NOT_NECESSARY),
    (r"\bbill(s|ed|ing)?\b|\bcharg(e|ed|es|ing)\b|\bco-?pay|\bco-?insurance\b|\bdeductible\b|\bbalance\s+bill"
     r"|\bcollections?\b|\bovercharg|\brefund", Problem.BILLING),
    (r"\bdischarg|\bsent\s+(me|him|her|them)\s+home|\bappointment|\bwait(ing)?\s+(time|list|for\s+months)|\breferral"
     r"|\brude\b|\bquality\b|\bcancel|\bterminat|\binterpreter|\btranslat|\bin[\s-]network\s+(doctor|specialist)"
     r"|\bspecialist|\bbroker\b|\bagent\b|\bpharmacy\b|\bcontinuity\b", Problem.SERVICE),
    # Reasons not given: the plan said no, cut or delayed care. A denial without a reason is
    # still read as one about medical need, which is what the IMR reviews; the summary says
    # "denied, changed or delayed" and never puts words in the person's mouth.
    (r"\bdeni(ed|al)\b|\brefus|\breject|\bdelay|\bcut\b|\breduced\b|\bsaid\s+no\b|\bwon'?t\s+(approve|authorize|cover)",
     Problem.NOT_NECESSARY),
)
# Words that state the plan's reason; a described denial without one leaves the question open.
_REASON_GIVEN = re.compile(
    r"\bmedically\s+necessary|\bnot\s+necessary|\bunnecessary\b|\bdon'?t\s+need|\bexperiment|\binvestigation"
    r"|\bnot\s+(a\s+)?covered|\bnot\s+a\s+(covered\s+)?benefit|\bexclu(ded|sion)\b|\bbill|\bcharg(e|ed|es|ing)\b"
    r"|\bco-?pay", re.I)
# The same reasons in Spanish, on accent-folded text ("dicen que no es necesaria", "no la cubren",
# "me cobraron"): a Spanish first message that gives the plan's reason is not asked it again.
_REASON_GIVEN_ES = re.compile(
    r"\bmedicamente\s+necesari|\bno\s+(es|era|son|fue|seria|sea)\s+(\w+\s+)?necesari|\binnecesari"
    r"|\bno\s+(me\s+|le\s+)?(lo|la|los|las)\s+necesit|\bexperimental|\binvestigaci"
    r"|\bno\s+(esta|estan|estaba|era|es)\s+cubiert|\bno\s+(me\s+|le\s+|nos\s+)?(lo\s+|la\s+|los\s+|las\s+)?cubr(e|en|ia|ian)\b"
    r"|\bno\s+es\s+(un\s+)?beneficio|\bexclu(id[oa]s?|sion|ye)\b|\bfactura|\bcobr(o|aron|an|ando|a|aran|ar)\b|\bcopago")


# The problem kind the model read must be at least this sure; below it, the plan's own words
# (the narrow table above), then the FAQ topic, then the question is asked again.
KIND_CONFIDENCE = 0.5


# Intents that say a reply tells of the plan's denial or delay: given one, the reply is an
# answer to "what did your plan say?", and the kind reader's "none" (not an answer) is set aside.
TELLS_OF_A_DENIAL = frozenset({"describe_denial", "describe_urgent_problem"})


def _kind_given_an_answer(kinds: Sequence[Tuple[str, float]],
                          intents: Sequence[Tuple[str, float]]) -> Optional[Tuple[str, float]]:
    """The best kind and its share among the kinds that are answers, when the model's first
    reading of the reply is a denial story. The kind reader learns "none" from every example
    that is not an answer, about 60 times more than any one kind, so a Spanish story it knows
    less ("me negaron la endoscopia q pidio el gastro": none 0.56, not necessary 0.25) reads
    as "none" though the intent reader calls it a denial (0.71)."""
    first = [name for name, _ in intents if name != FALLBACK_INTENT][:1]
    if not first or first[0] not in TELLS_OF_A_DENIAL:
        return None
    answers = [(kind, p) for kind, p in kinds if kind != NOT_AN_ANSWER]
    total = sum(p for _, p in answers)
    if not answers or total <= 0:
        return None
    best, p = max(answers, key=lambda kp: kp[1])
    return best, p / total


def read_problem(text: str, topic: Optional[str] = None,
                 kinds: Sequence[Tuple[str, float]] = (),
                 intents: Sequence[Tuple[str, float]] = ()) -> Optional[Problem]:
    """The kind of problem from an answer ("they said it's experimental", "a bill").

    `kinds` is the trained model's reading of the answer (bot/nlu/intent_model.py, trained on
    data/nlu/problem_answers.yml), best first; it decides when it is sure, or, when `intents`
    (the model's intent reading) says the reply tells of a denial, when it is sure which kind
    among the answers. Otherwise a narrow
    fallback: "not sure" in so many words, the plan's own words (whole words, so "discharge" is
    not a charge), then the FAQ topic the model picked (`topic`).
    """
    named_other = about_another_question(text)
    readings = [kinds[0], _kind_given_an_answer(kinds, intents)] if kinds else []
    for best, confidence in (r for r in readings if r is not None):
        # "none" (the model reads no problem in it) leaves the word table to decide.
        if confidence >= KIND_CONFIDENCE and best in Problem._value2member_map_:
            problem = Problem(best)
            if not (problem is Problem.UNKNOWN and named_other):
                return problem
    if _UNSURE.search(text) and not named_other:
        return Problem.UNKNOWN
    lowered = text.lower()
    for pattern, problem in _PROBLEM_WORDS:
        if re.search(pattern, lowered):
            return problem
    return PROBLEM_BY_TOPIC.get(topic or "")


def states_reason(text: str) -> bool:
    """Does a first message say why the plan said no ("not medically necessary", "experimental")?

    Only then is the problem filled in before asking; "Kaiser denied my MRI" gives no reason."""
    return (_REASON_GIVEN.search(text) is not None
            or _REASON_GIVEN_ES.search(fold_accents(text)) is not None)


_QUESTION = re.compile(r"\?|^\s*(wait[,\s]+)?(what|how|does|do|is|are|can|could|who|when|where|will|should)\b", re.I)


def looks_like_question(text: str) -> bool:
    """Is this a question of the person's own rather than an answer ("does an IMR cost anything?")."""
    return _QUESTION.search(text) is not None


# The words before the date in an answer, English and Spanish ("la puse el 5 de octubre").
_DATE_LEAD = re.compile(
    r"^.*\b(?:came|was|were|got|received|sent|filed|mailed|decided|dated|on|in|around|about"
    r"|fue|llego|llegó|recibi|recibí|mande|mandé|mandaron|envie|envié|enviaron|puse|pusimos"
    r"|apele|apelé|apelamos|presente|presenté|fechada|dice|decia|decía)\b\s*", re.I)


def date_phrase(text: str) -> str:
    """The date part of a sentence like "no, the decision came in May" -> "May"."""
    stripped = re.sub(r"^\s*(no|nope|actually|sorry|wait)[,.!\s]+", "", text, flags=re.I)
    phrase = _DATE_LEAD.sub("", stripped, count=1).strip(" .!")
    phrase = re.sub(r"^(it|that|this|them|the\s+letter)\s+", "", phrase, flags=re.I)
    return phrase or stripped


_SPANISH_DATE_END = re.compile(r"\bde\s+\w+\W*$|\bhace\b|\bpasad[oa]\b", re.I)


def find_date(text: str, today: date) -> Optional[date]:
    """A past date mentioned inside an answer ("yes, we appealed in September", "...last month")."""
    words = text.strip(" .!?").split()
    # Shortest ending first reads "...in September"; a Spanish date is longer at the end ("el 5
    # de octubre"), and its last word alone ("octubre") is a different date: the Spanish shapes
    # are tried longest first.
    lengths = (4, 3, 2, 1) if _SPANISH_DATE_END.search(text) else (1, 2, 3, 4)
    candidates = [date_phrase(text)] + [" ".join(words[-n:]) for n in lengths if len(words) >= n]
    for candidate in candidates:
        parsed = parse_past_date(candidate, today)
        if parsed.value is not None:
            return parsed.value
    return None


# Where a story breaks into parts that may each carry their own date: also "and" / "y", except
# in "a month and a half", "un mes y medio" and "treinta y uno", which are one date.
_CLAUSE_BREAK = re.compile(r"[,.;!?]|\b(?:but|so|then|pero|entonces|luego)\b"
                           r"|(?<!treinta )\b(?:and|y)\b(?!\s+(?:a\s+half|medi[oa])\b)", re.I)
_WINDOW = 8  # the longest date phrase looked for ("el lunes 5 de octubre del año pasado")
_HALF = re.compile(r"\b(half|medi[oa])\b", re.I)


def _days_named(part: str, today: date) -> List[date]:
    """Each phrase in a part of a story that names a day outright, longest reading first."""
    words, days, start = part.split(), [], 0
    while start < len(words):
        if not opens_a_date(words[start]):
            start += 1
            continue
        for n in range(min(_WINDOW, len(words) - start), 0, -1):
            phrase = " ".join(words[start:start + n])
            parsed = parse_past_date(phrase, today) if names_a_day(phrase) else None
            if parsed is not None and parsed.value is not None:
                # "october 5 of last year" read as far as "october 5" is not that day: skipped.
                if not {w.lower() for w in words[start + n - 1:start + n + 1]} & {"of", "de", "del"}:
                    days.append(parsed.value)
                start += n - 1
                break
        start += 1
    return days


def date_in_story(text: str, today: date, about: Callable[[str], bool]) -> Optional[date]:
    """The date an answer told as a story gives ("el plan me negó en septiembre, pero puse la
    queja hace 2 semanas y nada" -> 2 weeks ago, for the grievance's date).

    Only phrases that name a day outright count. When the parts of the story name different
    days, the one in the part that `about` recognises (the grievance, the decision) is taken;
    when that does not settle it, None, and the question is asked again rather than guessed."""
    # "hace un mes y medio" is not "hace un mes": a part with a half in it gives no day.
    found = [(part, day) for part in _CLAUSE_BREAK.split(text) if part and not _HALF.search(part)
             for day in _days_named(part, today)]
    days = {day for _, day in found}
    if len(days) <= 1:
        return days.pop() if days else None
    named = {day for part, day in found if about(part)}
    return named.pop() if len(named) == 1 else None


def last_date_in(text: str, today: date) -> Optional[date]:
    """The last past date in a story of several clauses ("appealed in october, they said no on
    nov 20, what now" -> November 20)."""
    for clause in reversed(_CLAUSE_BREAK.split(text)):
        if clause.strip():
            found = find_date(clause, today)
            if found is not None:
                return found
    return None


def mentions_decision(text: str) -> bool:
    """Does a correction talk about the plan's decision (vs the grievance)?"""
    return re.search(r"decision|decided|denial\s+letter|letter|answered|respon|repl"
                     r"|decisi[oó]n|carta|contest", text, re.I) is not None


def mentions_grievance(text: str) -> bool:
    """Does a correction talk about when the grievance was filed?"""
    return re.search(r"grievance|appeal|filed|complain|queja|apel", text, re.I) is not None


# How sure the model must be of the appeal stage it read in a first message before the check
# skips its questions: higher than KIND_CONFIDENCE, since a wrong guess here is never asked.
# The summary shown before the result still lists it, and the person can change it there.
APPEAL_CONFIDENCE = 0.6


def read_appeal_stage(text: str, kinds: Sequence[Tuple[str, float]], today: date) -> Dict[str, str]:
    """The grievance answers a story already gives ("we appealed in october and they said no
    again on november 20"), read by the trained model (data/nlu/appeal_stage.yml): `answered`
    fills filed_grievance, plan_answered and the decision's date when one is written; `waiting`
    the grievance and its date; `not_filed` the grievance as no. The date is the last one in
    the story, which in these stories is the latest step."""
    if not kinds:
        return {}
    stage, confidence = kinds[0]
    if confidence < APPEAL_CONFIDENCE:
        return {}
    found = last_date_in(text, today)
    if stage == "answered":
        values = {"filed_grievance": "yes", "plan_answered": "yes"}
        if found is not None:
            values["decision_date"] = found.isoformat()
        return values
    if stage == "waiting":
        values = {"filed_grievance": "yes", "plan_answered": "no"}
        if found is not None:
            values["grievance_date"] = found.isoformat()
        return values
    if stage == "not_filed":
        return {"filed_grievance": "no"}
    return {}
