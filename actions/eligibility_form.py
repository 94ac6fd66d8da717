"""The eligibility check as a Rasa form: which question comes next, and reading each answer.

Pure rules live in bot/ (eligibility, answers, eligibility_slots, dates); this module only
connects them to the form. Yes/no answers are read by the trained classifier (affirm, deny,
unsure); dates and plan names are read as formats and names. Unreadable answers are asked
again; a Help Center question asked mid-way is answered, then the same question comes back;
two bad answers in a row get the question explained another way and the Help Center number.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from actions.conversation import language_of, warn_about_personal_details
from bot.domain.conversation_texts import human_handoff
from bot.eligibility import answers
from bot.eligibility.corrections import ASK_WHICH, CHANGE_PREFIX, CHANGED, CONFIRMED, read_confirmation
from bot.domain.dates import UNREADABLE, parse_past_date, today_in_california
from bot.eligibility.rules import Answer, Coverage, next_question
from bot.eligibility.dialogue_texts import text as said_text
from bot.eligibility.questions import date_problem, english_button, help_center_offer, question
from bot.eligibility.slots import UNKNOWN_DATE, asked_path, case_from_slots, is_stored_value
from bot.eligibility.summary import label, summary_lines
from bot.nlu.parse_data import entity_values, faq_response, intent_ranking, kind_ranking

CONFIRM = "confirm_answers"
FAQ_CONFIDENCE = 0.8
Result = Dict[Text, Any]
# Date questions and the yes/no question each one follows.
DATE_OF = {"grievance_date": "filed_grievance", "decision_date": "plan_answered"}
# A date said along with a yes ("yes, we appealed in September") answers the date question too.
DATE_ALONG_WITH = {answer: date for date, answer in DATE_OF.items()}
# Questions whether something was done: a reply that is only a past date ("two weeks ago", "el 3
# de noviembre") says when it was, so it is a yes (the model's weak "no" for it is a guess).
DONE_WHEN_DATED = frozenset({*DATE_ALONG_WITH, "state_hearing"})
# Which part of a story a date question is about, when the story names more than one day.
ABOUT = {"grievance_date": answers.mentions_grievance, "decision_date": answers.mentions_decision}
# What a clicked yes/no/not-sure button means (a Spanish click is first turned into the English
# button it stands for, bot/eligibility/questions.py:english_button).
CLICKED: Dict[Text, Answer] = {"Yes": "yes", "No": "no", "Not sure": "unsure"}


def faq_answer(tracker: Tracker, text: Text) -> Optional[str]:
    """The FAQ answer to send when the person asked a Help Center question instead of answering
    ("is it free?"). Only question-shaped text counts, so "purple" is never taken for one."""
    message = tracker.latest_message or {}
    intent = message.get("intent") or {}
    if (intent.get("name") != "faq" or intent.get("confidence", 0) < FAQ_CONFIDENCE
            or not answers.looks_like_question(text)):
        return None
    key = faq_response(message).get("intent_response_key")
    return f"utter_{key}" if key else None


def said(slot: Text, tracker: Tracker) -> Optional[Answer]:
    """Yes, no or unsure, as the trained classifier read the latest message."""
    message = tracker.latest_message or {}
    return answers.polarity(slot, intent_ranking(message), str(message.get("text") or ""))


def clicked_button(slot: Text, text: Text, tracker: Tracker) -> Optional[Text]:
    """The English button a Spanish conversation's click stands for ("Sí" -> "Yes"), else None."""
    return english_button(text, slot) if language_of(tracker) == "es" else None


def faq_topic(tracker: Tracker) -> Optional[str]:
    """The FAQ topic the model picked for the latest message ("faq/experimental"), if any."""
    message = tracker.latest_message or {}
    if (message.get("intent") or {}).get("name") != "faq":
        return None
    return faq_response(message).get("intent_response_key")


def read_answer(slot: Text, text: Text, tracker: Tracker, clicked: bool = False) -> Result:
    """The slot values a typed or clicked answer gives: the asked slot (None if unreadable)
    and any other question the same sentence answers. `clicked`: `text` is the English button a
    Spanish click stands for, so it is read by its words, not by the model's reading of the
    Spanish title."""
    if is_stored_value(slot, text):  # prefilled by action_start_eligibility, re-validated
        return {slot: text}
    answer = CLICKED.get(text) if clicked else said(slot, tracker)
    if slot in ("coverage", "problem"):
        message = {} if clicked else (tracker.latest_message or {})
        found = (answers.read_coverage(text, entity_values(tracker.latest_message)) if slot == "coverage"
                 else answers.read_problem(text, faq_topic(tracker) if message else None,
                                           kind_ranking(message, "problem"), intent_ranking(message)))
        if (found is None and slot == "coverage" and not answers.topics_named(text)
                and answers.clearly_unsure(intent_ranking(tracker.latest_message or {}))):
            found = Coverage.UNKNOWN  # "no clue what kind it is"
        if found is not None:
            return {slot: found.value}
        # Not an answer to this question: maybe to another one ("we haven't appealed yet").
        return {slot: None, **other_answers(slot, answer, text, tracker)}
    if slot in DATE_OF:
        return read_date(slot, answer, text)
    value, others = answers.answers_in(slot, answer, text)
    if slot in DONE_WHEN_DATED and parse_past_date(text.strip(" .!?¿¡"), today_in_california()).value:
        value = "yes"
    if slot == "plan_answered" and value is None and answer != "no":
        # "they said no in a letter on september 15": a dated decision is a decision.
        if answers.find_date(text, today_in_california()) and answers.mentions_decision(text):
            value = "yes"
    result: Result = {slot: value, **unset(others, tracker)}
    if value == "yes" and slot in DATE_ALONG_WITH:
        found = answers.find_date(text, today_in_california())
        if found:
            result[DATE_ALONG_WITH[slot]] = found.isoformat()
    return result


def read_date(slot: Text, answer: Optional[Answer], text: Text) -> Result:
    """A date answer; "not sure" keeps the date unknown; "we never filed one" undoes the yes."""
    today = today_in_california()
    parsed = parse_past_date(answers.date_phrase(text), today)
    # A date inside a longer answer ("la carta es de hace 12 días", "the letter is dated Sep 28").
    # One told as a story, with the date first or in the middle ("ayer me llegó", "el 3 de mayo,
    # me acuerdo porque...").
    found = parsed.value or (answers.find_date(text, today) or answers.date_in_story(text, today, ABOUT[slot])
                             if parsed.problem == UNREADABLE else None)
    if found:
        return {slot: found.isoformat()}
    # "no me acuerdo" opens with "no" but does not take back the yes it follows.
    if answer == "unsure" or answers.looks_unsure(text):
        return {slot: UNKNOWN_DATE}
    if answer == "no":
        return {slot: None, DATE_OF[slot]: "no"}
    return {slot: None}


def other_answers(slot: Text, answer: Optional[Answer], text: Text, tracker: Tracker) -> Result:
    """Yes/no questions, not yet answered, that a reply to another question also answers."""
    _, others = answers.answers_in(slot, answer, text)
    return unset(others, tracker)


def unset(values: Dict[Text, Any], tracker: Tracker) -> Result:
    """Only the values for questions that have no answer yet."""
    return {k: v for k, v in values.items() if tracker.get_slot(k) is None}


INTERJECTION_CONFIDENCE = 0.5


def answer_interjection(tracker: Tracker, dispatcher: CollectingDispatcher) -> bool:
    """Thanks, wait, asking for a person or about an existing case, said instead of an answer:
    answered here (the form then asks its question again). Read only after the reply failed
    as an answer, so "2 weeks ago" is a date even if the model leans to "case status"."""
    intent = (tracker.latest_message or {}).get("intent") or {}
    if float(intent.get("confidence") or 0.0) < INTERJECTION_CONFIDENCE:
        return False
    name = intent.get("name")
    if name == "thank":
        dispatcher.utter_message(response="utter_youre_welcome")
    elif name == "hold_on":
        dispatcher.utter_message(response="utter_hold_on")
    elif name == "case_status":
        dispatcher.utter_message(response="utter_case_status")
    elif name == "human_handoff":
        language = language_of(tracker)
        for text in human_handoff(summary_lines(tracker.slots, language), language):
            dispatcher.utter_message(text=text)
    else:
        return False
    return True


class ValidateEligibilityForm(FormValidationAction):
    """Validation for eligibility_form; also decides which question comes next."""

    def name(self) -> Text:
        return "validate_eligibility_form"

    async def required_slots(
        self, domain_slots: List[Text], dispatcher: CollectingDispatcher, tracker: Tracker,
        domain: Dict[Text, Any],
    ) -> List[Text]:
        question = next_question(case_from_slots(tracker.slots))
        return [question] if question else [CONFIRM]

    async def validate_coverage(self, value: Any, dispatcher: CollectingDispatcher,
                                tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("coverage", value, dispatcher, tracker)

    async def validate_problem(self, value: Any, dispatcher: CollectingDispatcher,
                               tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("problem", value, dispatcher, tracker)

    async def validate_urgent(self, value: Any, dispatcher: CollectingDispatcher,
                              tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("urgent", value, dispatcher, tracker)

    async def validate_serious_condition(self, value: Any, dispatcher: CollectingDispatcher,
                                         tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("serious_condition", value, dispatcher, tracker)

    async def validate_state_hearing(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("state_hearing", value, dispatcher, tracker)

    async def validate_filed_grievance(self, value: Any, dispatcher: CollectingDispatcher,
                                       tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("filed_grievance", value, dispatcher, tracker)

    async def validate_plan_answered(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("plan_answered", value, dispatcher, tracker)

    async def validate_grievance_date(self, value: Any, dispatcher: CollectingDispatcher,
                                      tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("grievance_date", value, dispatcher, tracker)

    async def validate_decision_date(self, value: Any, dispatcher: CollectingDispatcher,
                                     tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return self._validate("decision_date", value, dispatcher, tracker)

    def _validate(self, slot: Text, value: Any, dispatcher: CollectingDispatcher,
                  tracker: Tracker) -> Result:
        text = str(value or "")
        language = language_of(tracker)
        warn_about_personal_details(dispatcher, tracker)
        clicked = clicked_button(slot, text, tracker)
        # A Help Center question asked instead of an answer is answered, then asked again.
        faq = None if clicked else faq_answer(tracker, text)
        read = {slot: None} if faq else read_answer(slot, clicked or text, tracker, bool(clicked))
        if read.get(slot) is not None:
            return {**read, "failed_answers": 0}
        if faq:
            dispatcher.utter_message(response=faq)
            return {slot: None}
        if len(read) > 1:  # "we haven't appealed yet" while asked about urgency: keep it, ask again
            dispatcher.utter_message(text=said_text("noted", language))
            return {**read, "failed_answers": 0}
        if answer_interjection(tracker, dispatcher):  # "thanks", "wait", "a person please"
            return {slot: None}
        failures = int(tracker.get_slot("failed_answers") or 0) + 1
        problem = None
        if slot in DATE_OF:
            problem = parse_past_date(answers.date_phrase(text), today_in_california()).problem
        dispatcher.utter_message(text=date_problem(problem, language))
        if failures >= 2:
            dispatcher.utter_message(
                text=f"{question(slot, language).rephrase} {help_center_offer(language)}")
        return {slot: None, "failed_answers": failures}

    async def validate_confirm_answers(self, value: Any, dispatcher: CollectingDispatcher,
                                       tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        """"Yes" ends the form; a correction changes one answer and the summary comes back."""
        text = str(value or "")
        language = language_of(tracker)
        clicked = clicked_button(CONFIRM, text, tracker)
        answer = CLICKED.get(clicked or "") if clicked else said(CONFIRM, tracker)
        reply = read_confirmation(clicked or text, dict(tracker.slots), today_in_california(),
                                  entity_values(tracker.latest_message), answer)
        if reply.kind == CONFIRMED:
            return {CONFIRM: "yes", "failed_answers": 0}
        if reply.kind == CHANGED:
            return {**reply.updates, CONFIRM: None}
        faq = faq_answer(tracker, text)
        if faq:
            dispatcher.utter_message(response=faq)
        elif reply.kind == ASK_WHICH:
            asked = asked_path(tracker.slots)
            dispatcher.utter_message(
                text=said_text("which_answer", language),
                buttons=[{"title": label(s, language), "payload": f"{CHANGE_PREFIX}{s}"}
                         for s in asked])
        else:
            dispatcher.utter_message(text=said_text("confirm_unclear", language))
        return {CONFIRM: None}
