"""The eligibility check in Spanish: every English text has a Spanish twin (found by walking the
structures), each twin carries the same numbers, decide(..., language="es") keeps the English
decision (path, row, dates, phones) in Spanish words only, and a clicked Spanish button reads as
the English one."""
from __future__ import annotations

import inspect
import re
from collections import Counter
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, Iterator, List, Tuple, get_args

import pytest

from bot.channels import sms_format as sms
from bot.domain.contacts import PHONE_LINES, line
from bot.domain.dates import say_date
from bot.eligibility import dialogue_texts, questions, questions_es, slots, summary
from bot.eligibility import texts as EN
from bot.eligibility import texts_es as ES
from bot.eligibility.result import ANYTHING_ELSE, MAX_MESSAGES, RESULT_WORDS, phone_name, result_messages
from bot.eligibility.rules import Case, Coverage, Outcome, Problem, Track, case_summary, decide
from bot.nlu.conversation_language import SPANISH, message_language
from tests.unit.test_eligibility import dmhc, medi_cal
from tests.unit.test_eligibility_texts import CASES, TODAY

ROOT = Path(__file__).resolve().parents[2]
DIGITS = re.compile(r"\d+")
ENGLISH_MONTHS = re.compile(r"\b(January|February|March|April|May|June|July|August|September|October|"
                            r"November|December)\b")
PHONE = re.compile(r"(?:1-)?\d{3}-\d{3}-\d{4}|\b(?:988|911)\b")
HELP_CENTER = line("help_center")
SAMPLE_DAYS = (date(2027, 4, 5), date(2026, 12, 19), date(2027, 1, 29))


def digits(text: str) -> Counter:
    return Counter(DIGITS.findall(text))


def texts_of(outcome: Outcome) -> Tuple[str, ...]:
    return (outcome.title, outcome.reason) + outcome.steps + outcome.details


# ---------------- walking texts.py and texts_es.py side by side

Call = Tuple[str, Tuple[Any, ...], Dict[str, Any]]


def constant_names() -> Tuple[str, ...]:
    """The public constants of texts.py (upper-case names); texts_es.py must have each one too."""
    return tuple(name for name in vars(EN) if name.isupper() and not name.startswith("_"))


def text_pairs(english: Any, spanish: Any, where: str = "") -> Iterator[Tuple[str, str]]:
    """(English, Spanish) texts of two structures of the same shape (str, tuple, dict, NamedTuple).

    Raises TypeError or KeyError where the shapes differ, so a missing twin cannot go unnoticed.
    """
    if english is None:
        if spanish is not None:
            raise TypeError(f"{where}: None in English, {spanish!r} in Spanish")
    elif isinstance(english, str):
        if not isinstance(spanish, str):
            raise TypeError(f"{where}: {spanish!r} is not a text")
        yield english, spanish
    elif isinstance(english, tuple):
        if not isinstance(spanish, tuple) or len(spanish) != len(english):
            raise TypeError(f"{where}: {len(english)} texts in English, not in Spanish")
        for i, (en, es) in enumerate(zip(english, spanish)):
            yield from text_pairs(en, es, f"{where}[{i}]")
    elif isinstance(english, dict):
        if not isinstance(spanish, dict) or set(spanish) != set(english):
            raise KeyError(f"{where}: keys differ: {set(english) ^ set(spanish or {})}")
        for key in english:
            yield from text_pairs(english[key], spanish[key], f"{where}[{key!r}]")
    else:
        raise TypeError(f"{where}: cannot walk {type(english).__name__}")


def fixed_pairs(strict: bool = True) -> List[Tuple[str, str]]:
    """Every (English, Spanish) pair of fixed texts; not strict: a constant without a twin of the
    same shape is skipped (the shape test reports it) instead of breaking the whole module."""
    pairs: List[Tuple[str, str]] = []
    for name in constant_names():
        try:
            if not hasattr(ES, name):
                raise KeyError(f"texts_es.py has no {name}")
            pairs.extend(text_pairs(getattr(EN, name), getattr(ES, name), name))
        except (KeyError, TypeError):
            if strict:
                raise
    return pairs


def dated_calls(days: Iterable[date]) -> Iterator[Call]:
    """The dated text functions, called with each argument rules.py can give them."""
    days = tuple(days)
    for track in get_args(Track):
        yield "apply_title", (track,), {}
        yield "apply_title", (track,), {"late": True}
        yield "apply_title", (track,), {"now": True}
        for day in days:
            yield "apply_title", (track, day), {}
    for name in ("wait_title", "plan_first_title", "medi_cal_both_title"):
        yield name, (None,), {}
        for day in days:
            yield name, (day,), {}
    for name in ("medi_cal_appeal_by", "medi_cal_appeal_ended", "hearing_by", "hearing_ended",
                 "apply_by", "late_step", "plan_answers_by"):
        for day in days:
            yield name, (day,), {}
    yield "apply_within", (), {}


DATED_FUNCTIONS: FrozenSet[str] = frozenset(name for name, _, _ in dated_calls([date(2000, 1, 1)]))
ENGLISH_TEXTS: FrozenSet[str] = frozenset(english for english, _ in fixed_pairs(strict=False))
AGENCY_TWINS = {EN.AGENCIES[key].agency: ES.AGENCIES[key].agency for key in EN.AGENCIES}


# ---------------- every case the questions reach: CASES, the walk of tests/unit/test_eligibility_texts.py

def case_id(case: Case) -> str:
    return f"{case.coverage}-{case.problem}-{case.urgent}-{case.filed_grievance}-{case.plan_answered}"



def spanish(case: Case) -> str:
    return "\n".join(result_messages(case, decide(case, TODAY, "es"), "es"))


# --------------------------------------------------------------- every English text has a twin


def question_pairs() -> List[Tuple[str, str]]:
    pairs = []
    for slot, english in questions.QUESTIONS.items():
        twin = questions.question(slot, "es")
        pairs += [(english.text, twin.text), (english.why, twin.why), (english.rephrase, twin.rephrase)]
        pairs += list(zip(english.buttons, twin.buttons))
    pairs.append((questions.help_center_offer(), questions.help_center_offer("es")))
    pairs += [(questions.date_problem(k), questions.date_problem(k, "es")) for k in questions.DATE_PROBLEMS]
    return pairs


def dialogue_pairs() -> List[Tuple[str, str]]:
    pairs = [(dialogue_texts.text(k), dialogue_texts.text(k, "es")) for k in dialogue_texts._TEXTS["en"]]
    pairs += [(en[0], es[0]) for en, es in zip(dialogue_texts.confirm_buttons(), dialogue_texts.confirm_buttons("es"))]
    pairs += [(RESULT_WORDS["en"][k], RESULT_WORDS["es"][k]) for k in RESULT_WORDS["en"]]
    pairs += [(phone_name(k), phone_name(k, "es")) for k in PHONE_LINES]
    return pairs


def summary_pairs() -> List[Tuple[str, str]]:
    values = {"coverage": [c.value for c in Coverage], "problem": [p.value for p in Problem],
              "grievance_date": ["2026-10-05", slots.UNKNOWN_DATE], "decision_date": ["2026-10-05", slots.UNKNOWN_DATE]}
    pairs = []
    for slot in slots.ANSWER_SLOTS:
        for value in values.get(slot, ["yes", "no", "unsure"]):
            pairs.append((summary.describe(slot, value), summary.describe(slot, value, "es")))
        pairs.append((summary.label(slot), summary.label(slot, "es")))
    return pairs


def dated_pairs() -> List[Tuple[str, str]]:
    return [(getattr(EN, name)(*args, **kw), getattr(ES, name)(*args, **kw))
            for name, args, kw in dated_calls(SAMPLE_DAYS)]


ALL_PAIRS = fixed_pairs(strict=False) + question_pairs() + dialogue_pairs() + summary_pairs() + dated_pairs()


def test_every_constant_of_the_english_texts_has_a_spanish_twin_of_the_same_shape():
    names = constant_names()
    assert len(names) > 60 and "AGENCIES" in names and "SUMMARY_SAYS" in names
    missing = [n for n in names if not hasattr(ES, n)]
    assert not missing
    assert len(fixed_pairs()) >= 150  # walks dicts, tuples and AgencyText fields; raises on a shape mismatch


def test_every_english_text_function_has_a_spanish_twin_that_the_number_checks_cover():
    own = {name: f for name, f in inspect.getmembers(EN, inspect.isfunction) if f.__module__ == EN.__name__}
    takes_language = {"words", "case_summary"}
    for name, function in own.items():
        if name in takes_language:
            assert "language" in inspect.signature(function).parameters, name
            continue
        twin = getattr(ES, name, None)
        assert twin is not None, f"texts_es.py has no {name}()"
        assert list(inspect.signature(twin).parameters) == list(inspect.signature(function).parameters), name
        assert name in DATED_FUNCTIONS, f"dated_calls here does not say {name}()"


def test_each_english_text_has_one_spanish_twin():
    seen = {}
    for english, spanish_text in fixed_pairs():
        assert seen.setdefault(english, spanish_text) == spanish_text, english


def test_every_question_has_spanish_text_buttons_why_and_rephrase():
    spanish_questions = questions.questions("es")
    assert list(spanish_questions) == list(questions.QUESTIONS)
    for slot, english in questions.QUESTIONS.items():
        twin = spanish_questions[slot]
        assert len(twin.buttons) == len(english.buttons), slot
        for part in ("text", "why", "rephrase"):
            assert getattr(twin, part) and getattr(twin, part) != getattr(english, part), (slot, part)
    assert set(questions_es.DATE_PROBLEMS) == set(questions.DATE_PROBLEMS)


def test_the_words_around_the_check_exist_in_both_languages():
    assert set(dialogue_texts._TEXTS["es"]) == set(dialogue_texts._TEXTS["en"])
    assert len(dialogue_texts.confirm_buttons("es")) == len(dialogue_texts.confirm_buttons())
    assert set(RESULT_WORDS["es"]) == set(RESULT_WORDS["en"])
    assert set(ES.PHONE_NAMES) == set(PHONE_LINES)
    assert set(ES.PHONE_NOTES) == set(EN.PHONE_NOTES)
    assert set(summary.COVERAGE_NAMES) == set(Coverage) and set(summary.PROBLEM_NAMES) == set(Problem)
    assert set(summary.LABELS) == set(slots.ANSWER_SLOTS)
    assert set(summary.ANSWER_WORDS) == set(slots._ANSWER_WORDS)


@pytest.mark.parametrize("english,spanish_text", ALL_PAIRS, ids=lambda t: t[:40])
def test_the_same_numbers_in_each_spanish_text_as_in_its_english_one(english, spanish_text):
    assert digits(spanish_text) == digits(english), (english, spanish_text)


@pytest.mark.parametrize("english,spanish_text", ALL_PAIRS, ids=lambda t: t[:40])
def test_spanish_texts_are_translated_and_say_dates_in_spanish(english, spanish_text):
    assert spanish_text.strip()
    if len(english.split()) > 3:
        assert spanish_text != english, english
    assert not ENGLISH_MONTHS.search(spanish_text), spanish_text


def test_the_spanish_modules_type_no_phone_numbers():
    for module in ("texts_es", "questions_es", "dialogue_texts", "summary", "result"):
        source = (ROOT / "bot" / "eligibility" / f"{module}.py").read_text(encoding="utf-8")
        assert not PHONE.search(source), module


def test_the_checks_can_fail():
    """Guard against checks that cannot fail: a changed figure and an unwalkable shape are caught."""
    assert digits("Apele dentro de 90 días") != digits("Appeal within 60 days")
    with pytest.raises((TypeError, KeyError)):
        list(text_pairs(("a", "b"), ("a",)))
    twin = decide(dmhc(filed_grievance="no"), TODAY, "es")
    assert not set(texts_of(twin)) & ENGLISH_TEXTS
    assert set(texts_of(replace(twin, steps=twin.steps + (EN.FORM,)))) & ENGLISH_TEXTS


# --------------------------------------------------------------- Spanish results, representative cases


def test_dmhc_imr_after_the_plans_decision():
    text = spanish(dmhc(plan_answered="yes", decision_date=date(2026, 10, 5)))
    assert text.startswith("Pida una Revisión Médica Independiente (IMR) a más tardar el 5 de abril de 2027\n")
    assert "IMR/Complaint" in text and "pegar en el formulario" in text
    assert "con fecha del 5 de octubre de 2026" in text
    assert HELP_CENTER in text and line("hca") in text


def test_grievance_without_an_answer_says_the_day_to_come_back():
    text = spanish(dmhc(plan_answered="no", grievance_date=date(2026, 11, 19)))
    assert text.startswith("Puede presentar su solicitud al DMHC el 19 de diciembre de 2026")
    assert "30 días" in text and HELP_CENTER in text


def test_urgent_case():
    text = spanish(dmhc(urgent="yes", filed_grievance=None))
    assert text.startswith("Urgente: llame ahora al Centro de Ayuda")
    assert "3 días" in text and "30 días" in text and "7 días" in text
    assert HELP_CENTER in text


def test_medi_cal_both_paths_with_the_state_hearing_order_and_dates():
    text = spanish(medi_cal(plan_answered="yes", decision_date=date(2026, 10, 1)))
    assert text.startswith("Pida una Revisión Médica Independiente (IMR) a más tardar el 1 de abril de 2027")
    assert "Audiencia Estatal (State Hearing" in text and "a más tardar el 29 de enero de 2027" in text
    assert "120 días" in text and "El orden importa" in text
    assert HELP_CENTER in text and line("medi_cal_ombudsman") in text and line("cdss_hearings") in text


def test_medi_cal_state_hearing_already_asked_rules_out_the_imr():
    text = spanish(medi_cal(state_hearing="yes"))
    assert text.startswith("Su Audiencia Estatal (State Hearing) es el camino para esto")
    assert "no puede obtener una Revisión Médica Independiente" in text
    assert line("medi_cal_ombudsman") in text and HELP_CENTER in text


def test_medi_cal_appeal_to_the_plan_by_a_date():
    text = spanish(medi_cal(filed_grievance="no", decision_date=date(2026, 11, 1)))
    assert text.startswith("Primero, apele ante su plan a más tardar el 31 de diciembre de 2026")
    assert "60 días" in text and "Aviso de Acción" in text and HELP_CENTER in text


def test_late_application():
    text = spanish(dmhc(plan_answered="yes", decision_date=date(2026, 3, 5)))
    assert "ahora, aunque ya pasaron seis meses" in text
    assert "terminaron el 5 de septiembre de 2026" in text and HELP_CENTER in text


@pytest.mark.parametrize("coverage, path, phone", [
    (Coverage.MEDICARE, "Medicare atiende su apelación", "medicare"),
    (Coverage.SELF_FUNDED, "revisión externa federal", "ebsa"),
    (Coverage.MEDI_CAL_FFS, "Audiencia Estatal (State Hearing) de Medi-Cal dentro de 90 días", "cdss_hearings"),
    (Coverage.CDI, "Departamento de Seguros", "cdi"),
])
def test_another_agency(coverage, path, phone):
    text = spanish(Case(coverage=coverage))
    assert path in text.split("\n")[0] and line(phone) in text and HELP_CENTER in text


def test_unsure_who_regulates_the_plan_keeps_the_reason_in_spanish():
    outcome = decide(Case(coverage=Coverage.UNKNOWN), TODAY, "es")
    reason = decide(Case(coverage=Coverage.DMHC), TODAY, "es").reason
    assert outcome.reason == ES.REASON_UNSURE_REGULATOR + reason[0].lower() + reason[1:]
    # rules.py lowers the first letter after the lead-in: no reason may start with an acronym
    reasons = [v for n, v in vars(ES).items() if n.startswith("REASON_") or n.endswith("_REASON")]
    assert all(not r[1].isupper() for r in reasons if isinstance(r, str))


def test_the_case_summary_in_spanish():
    case = dmhc(plan_answered="yes", grievance_date=date(2026, 8, 3), decision_date=date(2026, 9, 2))
    text = case_summary(case, decide(case, TODAY), "es")
    assert "el 3 de agosto de 2026" in text and "con fecha del 2 de septiembre de 2026" in text
    assert text.endswith("Pido una Revisión Médica Independiente (IMR).")
    assert case_summary(case, decide(case, TODAY), "en") == case_summary(case, decide(case, TODAY))


def test_the_confirmation_summary_in_spanish():
    answers = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
               "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-10-05"}
    lines = summary.summary_lines(answers, "es")
    assert lines[0] == "Su cobertura: una HMO u otro plan bajo el DMHC"
    assert "Fecha de la decisión del plan: 5 de octubre de 2026" in lines
    assert summary.summary_lines(answers) == slots.summary_lines(answers)
    said = dialogue_texts.confirm_summary(lines, "es")
    assert said.startswith("Esto es lo que entendí:\n• Su cobertura") and said.endswith("¿Es correcto?")
    assert dialogue_texts.confirm_summary(["a"]) == "Here is what I understood:\n• a\nIs that right?"


MAIN_FLOWS = {
    "imr": dmhc(plan_answered="yes", decision_date=date(2026, 10, 5)),
    "no answer": dmhc(plan_answered="no", grievance_date=TODAY - timedelta(40)),
    "wait": dmhc(plan_answered="no", grievance_date=TODAY - timedelta(10)),
    "plan first": dmhc(filed_grievance="no"),
    "bill": dmhc(problem=Problem.BILLING, urgent=None, filed_grievance="no"),
    "not covered": dmhc(problem=Problem.NOT_COVERED, plan_answered="yes", decision_date=date(2026, 10, 5)),
    "experimental": dmhc(problem=Problem.EXPERIMENTAL, serious_condition="yes", filed_grievance=None,
                         decision_date=date(2026, 10, 5)),
    "urgent": dmhc(urgent="yes", filed_grievance=None),
    "medi_cal": medi_cal(plan_answered="yes", decision_date=date(2026, 10, 1)),
    "late": dmhc(plan_answered="yes", decision_date=date(2026, 3, 5)),
    "medicare": Case(coverage=Coverage.MEDICARE),
}


@pytest.mark.parametrize("name", MAIN_FLOWS)
def test_main_spanish_results_are_short(name):
    sent = result_messages(MAIN_FLOWS[name], decide(MAIN_FLOWS[name], TODAY, "es"), "es")
    assert all(len(m) <= 1150 for m in sent), [len(m) for m in sent]  # English: 900


@pytest.mark.parametrize("name", MAIN_FLOWS)
def test_spanish_results_read_as_spanish(name):
    case = MAIN_FLOWS[name]
    for message in result_messages(case, decide(case, TODAY, "es"), "es"):
        assert message_language(message) == SPANISH, message


def test_every_spanish_question_fits_one_text_message_with_its_choices():
    for twin in questions.questions("es").values():
        parts = sms.format_reply(twin.text, [{"title": b, "payload": b} for b in twin.buttons])
        assert len(parts) == 1 and len(parts[0]) <= sms.SOFT_LIMIT, twin.text


def test_spanish_questions_read_as_spanish():
    for slot, twin in questions.questions("es").items():
        for text in (twin.text, twin.why, twin.rephrase):
            assert message_language(text) == SPANISH, (slot, text)


# --------------------------------------------------------------- every case the questions reach


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_every_reachable_result_is_all_spanish_with_the_same_numbers(case):
    outcome, twin = decide(case, TODAY), decide(case, TODAY, "es")
    assert (twin.route, twin.rule, twin.dates, twin.phones, twin.track, twin.late) == (
        outcome.route, outcome.rule, outcome.dates, outcome.phones, outcome.track, outcome.late)
    assert twin.agency == AGENCY_TWINS.get(outcome.agency, outcome.agency)
    # no English text of texts.py left: neither a fixed one nor one the English outcome says
    assert len(texts_of(twin)) == len(texts_of(outcome))
    english_left = set(texts_of(twin)) & (ENGLISH_TEXTS | set(texts_of(outcome)))
    assert not english_left, english_left
    english, sent = result_messages(case, outcome), result_messages(case, twin, "es")
    assert len(sent) == len(english) <= MAX_MESSAGES
    assert sent[0].split("\n")[0] == twin.title
    assert sent[-1].endswith(RESULT_WORDS["es"]["anything_else"])
    for en, es in zip(english, sent):
        assert digits(es) == digits(en), (en, es)
        assert not ENGLISH_MONTHS.search(es), es
    for key in outcome.phones:
        assert PHONE_LINES[key].number in sent[-1]
    # Spanish runs about a quarter longer than the English (which keeps under 1,300 characters)
    assert all(len(m) <= 1500 for m in sent), [len(m) for m in sent]


@pytest.mark.parametrize("case", CASES, ids=case_id)
def test_spanish_explains_the_imr_and_never_offers_it_for_a_coverage_dispute(case):
    twin = decide(case, TODAY, "es")
    text = " ".join(texts_of(twin)).replace("IMR/Complaint", "")
    if "IMR" in text:
        assert "Revisión Médica Independiente" in text or "independientes" in text, text
    if case.problem is Problem.NOT_COVERED:
        assert "IMR" not in text and "Revisión Médica Independiente" not in text, text
        assert "IMR" not in case_summary(case, twin, "es")


@pytest.mark.parametrize("case", CASES[::7], ids=case_id)
def test_english_is_unchanged_by_the_language_parameter(case):
    outcome = decide(case, TODAY)
    assert decide(case, TODAY, "en") == outcome
    assert result_messages(case, outcome, "en") == result_messages(case, outcome)
    assert result_messages(case, outcome)[-1].endswith(ANYTHING_ELSE)
    for slot, english in questions.QUESTIONS.items():
        assert questions.question(slot) is english and questions.question(slot, "en") is english
    assert questions.help_center_offer() == questions.HELP_CENTER_OFFER
    assert EN.words("en") is EN and EN.words("es") is ES


# --------------------------------------------------------------- Spanish buttons read as English ones


def _spellings(title: str) -> List[str]:
    plain = title.translate(str.maketrans("áéíóúüñÁÉÍÓÚÜÑ", "aeiouunAEIOUUN"))
    return [title, title.lower(), title.upper(), plain, plain.lower(), f"  {title}. "]


@pytest.mark.parametrize("slot", list(questions.QUESTIONS))
def test_each_spanish_button_maps_back_to_its_english_title(slot):
    english = questions.QUESTIONS[slot].buttons
    for es_title, en_title in zip(questions.question(slot, "es").buttons, english):
        for spelling in _spellings(es_title):
            assert questions.english_button(spelling, slot) == en_title, spelling
            assert questions.english_button(spelling) == en_title, spelling


def test_the_summary_buttons_map_to_the_english_payloads():
    for (es_title, _), (_, en_payload) in zip(dialogue_texts.confirm_buttons("es"), dialogue_texts.confirm_buttons()):
        assert questions.english_button(es_title, "confirm_answers") == en_payload
    assert questions.english_button("sí, es correcto") == "Yes"


@pytest.mark.parametrize("text", ["sí, creo que sí", "no sé", "Yes", "Not sure", "", "kaiser u otra hmo por favor"])
def test_only_our_own_spanish_button_titles_are_mapped(text):
    assert questions.english_button(text) is None
    assert questions.english_button("Sí", "coverage") is None  # not one of that question's buttons


def test_the_examples_from_the_brief():
    assert questions.english_button("Sí") == "Yes"
    assert questions.english_button("si") == "Yes"
    assert questions.english_button("No estoy seguro") == "Not sure"
    assert say_date(date(2026, 12, 19), "es") == "19 de diciembre de 2026"
