"""Answers around the check: FAQ answers (or "which topic?" when the model is torn), a person
to talk to, and an honest "I can't see your case". Texts live in bot/domain/conversation_texts.py."""
from __future__ import annotations

from typing import Any, Dict, List, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.eligibility.answers import find_date
from bot.domain.conversation_texts import dated_deadline, human_handoff, private_details, which_topic
from bot.domain.dates import today_in_california
from bot.eligibility.summary import summary_lines
from bot.domain.faq_choice import choose_faq
from bot.nlu.parse_data import faq_ranking, intent_ranking, personal_details
from bot.domain.topics import topic_for

Events = List[Dict[Text, Any]]


def language_of(tracker: Tracker) -> str:
    """The conversation's language ("en" or "es"), from the `language` slot."""
    return "es" if tracker.get_slot("language") == "es" else "en"


def warn_about_personal_details(dispatcher: CollectingDispatcher, tracker: Tracker) -> None:
    """Ask the person not to share ID or phone numbers when the message had some."""
    if personal_details(tracker.latest_message or {}):
        dispatcher.utter_message(text=private_details(language_of(tracker)))


PATHS = ("check_eligibility", "describe_denial", "describe_urgent_problem")
PATH_CONFIDENCE = 0.1


def path_offered(ranking: List[Tuple[str, float]]) -> str:
    """The path to offer beside two torn FAQ topics: the one the classifier ranked next."""
    for name, confidence in ranking:
        if name in PATHS and confidence >= PATH_CONFIDENCE:
            return name
    return "describe_denial"


class ActionAnswerFaq(Action):
    """Answers a Help Center question, or asks "Is this about A or B?" when the FAQ selector is
    not clearly sure: a wrong topic is worse than a question."""

    def name(self) -> Text:
        return "action_answer_faq"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        message = tracker.latest_message or {}
        warn_about_personal_details(dispatcher, tracker)
        choice = choose_faq(faq_ranking(message))
        if choice.answer is None:
            # Torn between two answers: ask, and offer the path the classifier ranked next (the
            # check, a denial), or the denial path: stories about a denial often read like
            # several questions at once.
            language = language_of(tracker)
            keys = list(choice.candidates) + [path_offered(intent_ranking(message))]
            topics = [t for t in (topic_for(key, language) for key in keys) if t]
            dispatcher.utter_message(
                text=which_topic([t.title for t in topics], language),
                buttons=[{"title": t.title[0].upper() + t.title[1:], "payload": t.sample_question}
                         for t in topics])
            return []
        dispatcher.utter_message(response=f"utter_{choice.answer}")
        text = str(message.get("text") or "")
        extra = dated_deadline(choice.answer, find_date(text, today_in_california()),
                               language_of(tracker))
        if extra:
            dispatcher.utter_message(text=extra)
        return []


class ActionHumanHandoff(Action):
    """"Can I talk to a person?": the Help Center number, TDD, and what to have ready."""

    def name(self) -> Text:
        return "action_human_handoff"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> Events:
        language = language_of(tracker)
        for text in human_handoff(summary_lines(tracker.slots, language), language):
            dispatcher.utter_message(text=text)
        return []
