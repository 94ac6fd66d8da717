"""The eligibility check as a Rasa form: which question comes next, and reading each answer.

Pure rules live in bot/ (eligibility, answers, eligibility_slots, dates); this module only
connects them to the form. Unreadable answers are asked again; a Help Center question asked
mid-way is answered, then the same question comes back; two bad answers in a row get the
question explained another way and the Help Center number.
"""
from __future__ import annotations

from typing import Any, Callable, Dict, List, Optional, Text

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.forms import FormValidationAction

from bot import answers
from bot.corrections import ASK_WHICH, CHANGE_PREFIX, CHANGED, CONFIRMED, read_confirmation
from bot.dates import parse_past_date, today_in_california
from bot.eligibility import next_question
from bot.eligibility_questions import DATE_PROBLEMS, HELP_CENTER_OFFER, QUESTIONS
from bot.eligibility_slots import (ANSWER_SLOTS, UNKNOWN_DATE, asked_path, case_from_slots,
                                  is_stored_value, label)
from bot.parse_data import entity_values, faq_response

CONFIRM = "confirm_answers"
FAQ_CONFIDENCE = 0.8
Result = Dict[Text, Any]


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


def read_answer(slot: Text, text: Text, tracker: Tracker) -> Optional[str]:
    """The slot value for a typed or clicked answer, or None if it cannot be read."""
    if is_stored_value(slot, text):  # prefilled by action_start_eligibility, re-validated
        return text
    if slot == "coverage":
        found = answers.read_coverage(text, entity_values(tracker.latest_message))
        return found.value if found else None
    if slot == "problem":
        found = answers.read_problem(text)
        return found.value if found else None
    if slot.endswith("_date"):
        if answers.read_yes_no(text) == "unsure":
            return UNKNOWN_DATE
        parsed = parse_past_date(answers.date_phrase(text), today_in_california())
        return parsed.value.isoformat() if parsed.value else None
    return answers.read_answer_to(slot, text)


# A date said along with a yes ("yes, we appealed in September") answers the next question too.
DATE_ALONG_WITH = {"filed_grievance": "grievance_date", "plan_answered": "decision_date"}


def date_along_with(slot: Text, read: Optional[str], text: Text) -> Dict[Text, Any]:
    date_slot = DATE_ALONG_WITH.get(slot)
    if read != "yes" or date_slot is None:
        return {}
    found = answers.find_date(text, today_in_california())
    return {date_slot: found.isoformat()} if found else {}


def answers_to_other_questions(slot: Text, text: Text, tracker: Tracker) -> Dict[Text, Any]:
    """Unasked questions this text clearly answers in their own words."""
    found = {}
    for other in ANSWER_SLOTS:
        if other != slot and tracker.get_slot(other) is None:
            value = answers.read_specific(other, text)
            if value is not None:
                found[other] = value
    return found


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

    async def _validate(self, slot: Text, value: Any, dispatcher: CollectingDispatcher,
                        tracker: Tracker) -> Result:
        text = str(value or "")
        # A Help Center question asked instead of an answer is answered, then asked again.
        faq = faq_answer(tracker, text)
        read = None if faq else read_answer(slot, text, tracker)
        if read is not None:
            return {slot: read, "failed_answers": 0, **date_along_with(slot, read, text)}
        if faq:
            dispatcher.utter_message(response=faq)
            return {slot: None}
        other_answers = answers_to_other_questions(slot, text, tracker)
        if other_answers:  # "we haven't appealed yet" while asked about urgency: keep it, ask again
            dispatcher.utter_message(text="Thanks, I noted that.")
            return {slot: None, **other_answers}
        failures = int(tracker.get_slot("failed_answers") or 0) + 1
        problem = None
        if slot.endswith("_date"):
            problem = parse_past_date(answers.date_phrase(text), today_in_california()).problem
        dispatcher.utter_message(text=DATE_PROBLEMS.get(problem or "", "Sorry, I didn't catch that."))
        if failures >= 2:
            dispatcher.utter_message(text=f"{QUESTIONS[slot].rephrase} {HELP_CENTER_OFFER}")
        return {slot: None, "failed_answers": failures}


def _make_validator(slot: Text) -> Callable[..., Any]:
    async def validate(self: ValidateEligibilityForm, value: Any, dispatcher: CollectingDispatcher,
                       tracker: Tracker, domain: Dict[Text, Any]) -> Result:
        return await self._validate(slot, value, dispatcher, tracker)
    validate.__name__ = f"validate_{slot}"
    return validate


for _slot in ANSWER_SLOTS:
    setattr(ValidateEligibilityForm, f"validate_{_slot}", _make_validator(_slot))


async def _validate_confirm_answers(self: ValidateEligibilityForm, value: Any,
                                    dispatcher: CollectingDispatcher, tracker: Tracker,
                                    domain: Dict[Text, Any]) -> Result:
    """"Yes" ends the form; a correction changes one answer and the summary comes back."""
    text = str(value or "")
    reply = read_confirmation(text, dict(tracker.slots), today_in_california(),
                              entity_values(tracker.latest_message))
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
            text="Which answer should I change? Tap one, or type the right answer "
                 "(for example: \"the decision came in May\").",
            buttons=[{"title": label(s), "payload": f"{CHANGE_PREFIX}{s}"} for s in asked])
    else:
        dispatcher.utter_message(text="Sorry, I didn't catch that. Is the summary right?")
    return {CONFIRM: None}


ValidateEligibilityForm.validate_confirm_answers = _validate_confirm_answers
