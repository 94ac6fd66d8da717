"""Asking the eligibility questions, starting and restarting the check, and giving the result."""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Sequence, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import language_of
from actions.imr_outcomes import offer_outcomes
from bot.eligibility import answers
from bot.domain.dates import today_in_california
from bot.eligibility.dialogue_texts import confirm_buttons, confirm_summary
from bot.eligibility.dialogue_texts import text as said_text
from bot.eligibility.rules import decide
from bot.eligibility.questions import question
from bot.eligibility.result import result_messages
from bot.eligibility.slots import ANSWER_SLOTS, asked_path, case_from_slots, cleared
from bot.eligibility.summary import summary_lines
from bot.nlu.parse_data import entity_values, kind_ranking

# Messages whose words may already answer questions ("Kaiser denied my son's therapy").
DESCRIBING_INTENTS = {"describe_denial", "describe_urgent_problem", "check_eligibility"}
Events = List[Dict[Text, Any]]


class AskQuestion(Action):
    """Asks one eligibility question with its buttons (each button sends its own words).

    The questions' texts are in bot/eligibility/questions.py; each subclass names one."""

    slot: Text = ""

    def name(self) -> Text:
        return f"action_ask_{self.slot}"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        asked = question(self.slot, language_of(tracker))
        dispatcher.utter_message(text=asked.text,
                                 buttons=[{"title": b, "payload": b} for b in asked.buttons])
        return []


class AskCoverage(AskQuestion):
    """action_ask_coverage"""
    slot = "coverage"


class AskProblem(AskQuestion):
    """action_ask_problem"""
    slot = "problem"


class AskUrgent(AskQuestion):
    """action_ask_urgent"""
    slot = "urgent"


class AskSeriousCondition(AskQuestion):
    """action_ask_serious_condition"""
    slot = "serious_condition"


class AskStateHearing(AskQuestion):
    """action_ask_state_hearing"""
    slot = "state_hearing"


class AskFiledGrievance(AskQuestion):
    """action_ask_filed_grievance"""
    slot = "filed_grievance"


class AskPlanAnswered(AskQuestion):
    """action_ask_plan_answered"""
    slot = "plan_answered"


class AskGrievanceDate(AskQuestion):
    """action_ask_grievance_date"""
    slot = "grievance_date"


class AskDecisionDate(AskQuestion):
    """action_ask_decision_date"""
    slot = "decision_date"


class AskConfirmAnswers(Action):
    """Shows what the bot understood before giving the answer, with a way to change it."""

    def name(self) -> Text:
        return "action_ask_confirm_answers"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        language = language_of(tracker)
        dispatcher.utter_message(
            text=confirm_summary(summary_lines(tracker.slots, language), language),
            buttons=[{"title": title, "payload": payload}
                     for title, payload in confirm_buttons(language)])
        return []


def prefill(text: Text, intent: Optional[Text], entity_values: List[str],
            appeal: Sequence[Tuple[str, float]] = (),
            kinds: Sequence[Tuple[str, float]] = ()) -> Dict[Text, Any]:
    """Answers a describing message already gives, so they are not asked again. `appeal` and
    `kinds` are the model's readings of how far the story got with the plan's appeal and of
    the kind of problem (which reads Spanish too, where the word table does not)."""
    values: Dict[Text, Any] = answers.read_appeal_stage(text, appeal, today_in_california())
    coverage = answers.read_coverage(text, entity_values)
    if coverage is not None and coverage.value != "unknown":
        values["coverage"] = coverage.value
    # Only a reason the person gave ("they said it's experimental"); "Kaiser denied my MRI"
    # says no reason, so the question is asked rather than guessed.
    problem = answers.read_problem(text, kinds=kinds) if answers.states_reason(text) else None
    if problem is not None and problem.value != "unknown" and intent != "check_eligibility":
        values["problem"] = problem.value
    if intent == "describe_urgent_problem":
        values["urgent"] = "yes"
    return values


def describing_message(tracker: Tracker) -> Optional[Dict[Text, Any]]:
    """The latest user message in this session that described the problem."""
    for event in reversed(tracker.events):
        if event.get("event") == "session_started":
            return None
        intent = (event.get("parse_data") or {}).get("intent", {}).get("name")
        # A button's "/check_eligibility" says nothing about the case: look further back.
        if (event.get("event") == "user" and intent in DESCRIBING_INTENTS
                and not str(event.get("text") or "").startswith("/")):
            return event
    return None


class ActionStartEligibility(Action):
    """Forgets any earlier check and fills in what the person already told us."""

    def name(self) -> Text:
        return "action_start_eligibility"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        values: Dict[Text, Any] = cleared()
        message = describing_message(tracker)
        if message:
            parse = message.get("parse_data") or {}
            values.update(prefill(message.get("text") or "", parse.get("intent", {}).get("name"),
                                  entity_values(parse), kind_ranking(parse, "appeal"),
                                  kind_ranking(parse, "problem")))
        dispatcher.utter_message(text=said_text("start", language_of(tracker)))
        return [SlotSet(k, v) for k, v in values.items()]


class ActionExplainQuestion(Action):
    """Answers "why do you ask?" for the question being asked; the form then asks it again."""

    def name(self) -> Text:
        return "action_explain_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        language = language_of(tracker)
        slot = tracker.get_slot("requested_slot") or ""
        dispatcher.utter_message(text=question(slot, language).why if slot in ANSWER_SLOTS
                                 else said_text("why_general", language))
        return []


class ActionEligibilityResult(Action):
    """The answer: path, reason, steps, dates, what to gather, a case summary and phone lines."""

    def name(self) -> Text:
        return "action_eligibility_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        case = case_from_slots(asked_path(tracker.slots))
        language = language_of(tracker)
        outcome = decide(case, today_in_california(), language)
        for text in result_messages(case, outcome, language):
            dispatcher.utter_message(text=text)
        return [SlotSet("confirm_answers", None)] + offer_outcomes(dispatcher, tracker, outcome.route.value)
