"""Score the trained model and our reading code on the held-out sets (tests/heldout/*.yml).

The sets were written before tuning and are never trained on (tests/unit/test_training_data.py
checks it). Each message goes through the real trained pipeline (Rasa's Agent, in-process) and
then through the same code the action server runs, so a figure here is what a person gets.
`python -m tests.heldout.scoring` prints every figure and each miss.
"""
from __future__ import annotations

import asyncio
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple

import yaml
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility_form import ValidateEligibilityForm
from actions.fallback import FALLBACK_INTENT, might_be_unsafe
from bot.domain.dates import today_in_california
from bot.domain.denial_routing import DMHC_PATH, response_for_denial
from bot.domain.faq_choice import choose_faq
from bot.nlu.parse_data import entity_values, faq_ranking

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
MODEL = ROOT / "models" / "dmhc.tar.gz"

CRISIS = {"crisis_self_harm", "crisis_self_harm_es"}
EMERGENCY = {"emergency_now", "emergency_now_es"}
# The route a first message takes, by the FAQ answer it gets.
ROUTE_BY_FAQ = {
    "faq/bill_for_care": "bill", "faq/surprise_bill": "bill",
    "faq/report_problem": "complaint", "faq/what_is_complaint": "complaint",
    "faq/agency_medicare": "medicare", "faq/agency_medi_cal": "medi_cal",
    "faq/agency_self_funded": "self_funded", "faq/agency_cdi": "cdi",
    "faq/agency_tricare": "tricare", "faq/agency_va": "va",
    "faq/agency_workers_comp": "workers_comp", "faq/agency_federal_employee": "fehb",
}
ROUTE_BY_INTENT = {
    "describe_urgent_problem": "urgent", "check_eligibility": "denial",
    "human_handoff": "human", "case_status": "case_status",
    "crisis_self_harm": "crisis", "crisis_self_harm_es": "crisis",
    "emergency_now": "emergency", "emergency_now_es": "emergency",
    "imr_outcomes": "imr_outcomes",
}
ROUTE_BY_DENIAL_ANSWER = {f"utter_{k}": v for k, v in ROUTE_BY_FAQ.items()}


def load(name: str) -> List[Dict[str, Any]]:
    return yaml.safe_load((HERE / name).read_text(encoding="utf-8"))["cases"]


class Parser:
    """The trained NLU pipeline, loaded once, in-process."""

    def __init__(self, model: Path = MODEL) -> None:
        from rasa.core.agent import load_agent  # imported here: slow, and only needed with a model
        self.loop = asyncio.new_event_loop()
        self.agent = self.loop.run_until_complete(load_agent(str(model)))

    def parse(self, text: str) -> Dict[str, Any]:
        return self.loop.run_until_complete(self.agent.parse_message(text))


def route_of(parse: Dict[str, Any]) -> str:
    """The path a first message is sent down, as the rules and actions send it."""
    intent = (parse.get("intent") or {}).get("name") or ""
    if intent == "describe_denial":
        answer = response_for_denial(entity_values(parse))
        return "denial" if answer == DMHC_PATH else ROUTE_BY_DENIAL_ANSWER.get(answer, answer)
    if intent == "faq":
        choice = choose_faq(faq_ranking(parse))
        if choice.answer is None:
            return "asks which topic"
        return ROUTE_BY_FAQ.get(choice.answer, "info")
    if intent == "nlu_fallback":
        return "fallback"
    return ROUTE_BY_INTENT.get(intent, intent)


def stored_answer(slot: str, text: str, parse: Dict[str, Any], language: str = "en") -> Optional[str]:
    """What the form stores for `slot` when `text` answers its question."""
    tracker = Tracker("heldout", {"requested_slot": slot, "language": language}, parse, [], False, None,
                      {"name": "eligibility_form"}, "action_listen")
    result = ValidateEligibilityForm()._validate(slot, text, CollectingDispatcher(), tracker)
    return result.get(slot)


def expected_answer(case: Dict[str, Any], today: date) -> str:
    if "days_ago" in case:
        return (today - timedelta(days=int(case["days_ago"]))).isoformat()
    return str(case.get("value_iso") or case["value"])


@dataclass
class Score:
    """Right/total with the misses, for one set or one part of it."""

    name: str
    right: int = 0
    total: int = 0
    misses: List[Tuple[str, str, str]] = field(default_factory=list)

    def add(self, ok: bool, text: str, wanted: str, got: str) -> None:
        self.total += 1
        self.right += ok
        if not ok:
            self.misses.append((text, wanted, got))

    @property
    def rate(self) -> float:
        return self.right / self.total if self.total else 1.0

    def line(self) -> str:
        return f"{self.name}: {self.right}/{self.total} = {self.rate:.3f}"


def score_answers(parser: Parser, spanish: bool = False, name: Optional[str] = None) -> Score:
    """`name`: another set of the same shape (es_answers_2.yml, written later, apart from the first)."""
    today = today_in_california()
    score = Score(f"Spanish typed answers to the check's questions ({name or 'es_answers.yml'})"
                  if spanish else "typed answers to the check's questions")
    for case in load(name or ("es_answers.yml" if spanish else "answers.yml")):
        got = stored_answer(case["slot"], case["text"], parser.parse(case["text"]),
                            "es" if spanish else "en")
        wanted = expected_answer(case, today)
        score.add(got == wanted, f"[{case['slot']}] {case['text']}", wanted, str(got))
    return score


def gets_a_safety_line(parse_data: Dict[str, Any]) -> bool:
    """What the person sees: 911/988 from a crisis/emergency reading, or, for an unclear message,
    the just-in-case lines before "Did you mean" (actions/fallback.py)."""
    intent = (parse_data.get("intent") or {}).get("name") or ""
    if intent in CRISIS | EMERGENCY:
        return True
    return intent == FALLBACK_INTENT and might_be_unsafe(parse_data)


def score_safety(parser: Parser) -> Dict[str, Score]:
    caught = Score("true crisis/emergency messages caught with the right line")
    quiet = Score("near-misses left alone")
    lined = Score("true crisis/emergency messages given 911/988 (classifier or unclear-message net)")
    unlined = Score("near-misses given no 911/988 line at all (classifier or unclear-message net)")
    spanish = Score("Spanish crisis/emergency messages caught")
    for case in load("safety.yml"):
        parse_data = parser.parse(case["text"])
        intent = (parse_data.get("intent") or {}).get("name") or ""
        label = case["label"]
        if label == "none":
            quiet.add(intent not in CRISIS | EMERGENCY, case["text"], "none", intent)
            unlined.add(not gets_a_safety_line(parse_data), case["text"], "none", intent)
            continue
        ok = intent in (CRISIS if label == "crisis" else EMERGENCY)
        caught.add(ok, case["text"], label, intent)
        lined.add(ok or gets_a_safety_line(parse_data), case["text"], label, intent)
        if case.get("lang") == "es":
            spanish.add(ok and intent.endswith("_es"), case["text"], label + " (es)", intent)
    return {"caught": caught, "quiet": quiet, "lined": lined, "unlined": unlined,
            "spanish": spanish}


def score_first_messages(parser: Parser) -> Tuple[Score, Counter]:
    score = Score("first messages routed right")
    confusion: Counter = Counter()
    for case in load("first_messages.yml"):
        got = route_of(parser.parse(case["text"]))
        wanted = case["route"]
        score.add(got == wanted, case["text"], wanted, got)
        confusion[(wanted, got)] += 1
    return score, confusion


def score_imr_questions(parser: Parser) -> Dict[str, Score]:
    """tests/heldout/imr_questions.yml: questions about past IMR outcomes, and near-misses that
    must keep their own route (a denial story, how to file, general chances, a bill)."""
    asked = Score("questions about past IMR outcomes answered from the data")
    others = Score("near-misses kept on their own route (not the IMR data)")
    for case in load("imr_questions.yml"):
        got = route_of(parser.parse(case["text"]))
        wanted = case["route"]
        (asked if wanted == "imr_outcomes" else others).add(got == wanted, case["text"], wanted, got)
    return {"asked": asked, "others": others}


# What a Spanish first message must get: the same paths as in English, in Spanish.
SPANISH_ROUTE_INTENTS = {
    "greet": {"greet"}, "goodbye": {"goodbye"}, "thank": {"thank"},
    "out_of_scope": {"out_of_scope"}, "medical_question": {"medical_question"},
    "crisis": {"crisis_self_harm_es"}, "emergency": {"emergency_now_es"},
    "denial": {"describe_denial", "check_eligibility"},
    "urgent": {"describe_urgent_problem", "describe_denial"},
    "check": {"check_eligibility", "describe_denial"},
}
# What the classifier understood (a crisis read in the wrong language is still understood).
SPANISH_READING = {"crisis": {"crisis_self_harm", "crisis_self_harm_es"},
                   "emergency": {"emergency_now", "emergency_now_es"}}


def score_spanish_first_messages(parser: Parser, name: str = "es_first_messages.yml"
                                 ) -> Dict[str, Score]:
    """tests/heldout/es_first_messages.yml (or es_first_messages_2.yml, written later, apart from
    the first): the reply each gets, and what was understood."""
    from bot.nlu.conversation_language import SPANISH, message_language

    answered = Score(f"Spanish first messages given the right Spanish reply ({name})")
    understood = Score("Spanish first messages understood (whatever the language of the reply)")
    tagged = Score("Spanish first messages that keep or switch the conversation to Spanish")
    for case in load(name):
        parse = parser.parse(case["text"])
        intent = (parse.get("intent") or {}).get("name") or ""
        route = case["route"]
        if route == "faq":
            choice = choose_faq(faq_ranking(parse))
            got = choice.answer or ("asks which topic" if intent == "faq" else intent)
            ok = intent == "faq" and choice.answer == case["topic"]
            answered.add(ok, case["text"], case["topic"], str(got))
            understood.add(ok, case["text"], case["topic"], str(got))
        else:
            answered.add(intent in SPANISH_ROUTE_INTENTS[route], case["text"], route, intent)
            wanted = SPANISH_READING.get(route, SPANISH_ROUTE_INTENTS[route])
            understood.add(intent in wanted, case["text"], route, intent)
        tagged.add(message_language(case["text"]) in (SPANISH, None), case["text"], "es/none",
                   str(message_language(case["text"])))
    return {"answered": answered, "understood": understood, "tagged": tagged}


def report(scores: List[Score]) -> str:
    lines = []
    for s in scores:
        lines.append(s.line())
        lines.extend(f"    miss: {t!r} wanted {w}, got {g}" for t, w, g in s.misses)
    return "\n".join(lines)


# The Spanish sets written after the first (tests/heldout/README.md), in order; 5 and 6 hold
# typed answers only.
LATER_SETS = (2, 3, 4, 5, 6, 7)


def has_first_messages(number: int) -> bool:
    return (HERE / f"es_first_messages_{number}.yml").exists()


def main() -> None:
    """`python -m tests.heldout.scoring [model.tar.gz]` (default: models/dmhc.tar.gz)."""
    import sys

    parser = Parser(Path(sys.argv[1]) if len(sys.argv) > 1 else MODEL)
    answers = score_answers(parser)
    safety = score_safety(parser)
    first, _ = score_first_messages(parser)
    spanish = score_spanish_first_messages(parser)
    spanish_answers = score_answers(parser, spanish=True)
    later = []
    for number in LATER_SETS:
        if has_first_messages(number):
            later.append(score_spanish_first_messages(parser, f"es_first_messages_{number}.yml")["answered"])
        later.append(score_answers(parser, spanish=True, name=f"es_answers_{number}.yml"))
    imr = score_imr_questions(parser)
    print(report([answers, safety["caught"], safety["lined"], safety["spanish"], safety["quiet"],
                  safety["unlined"], first, spanish["answered"], spanish["understood"],
                  spanish["tagged"], spanish_answers, *later, imr["asked"], imr["others"]]))


if __name__ == "__main__":
    main()
