"""The two-stage fallback in plain words: "Did you mean ...?", then "say it another way", then
the Help Center number.

Rasa's default asks "Did you mean 'faq'?"; this names the topic instead, and its "Yes" button
sends a sample question the classifier understands, so the conversation resumes with the right
answer. Texts live in bot/domain/fallback_texts.py.
"""
from __future__ import annotations

from typing import Any, Dict, List, Optional, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.domain.fallback_texts import ASK_REPHRASE, GIVE_UP, did_you_mean
from bot.nlu.parse_data import faq_response
from bot.domain.topics import topic_for

FALLBACK_INTENT = "nlu_fallback"


def best_guess(parse_data: Dict[Text, Any]) -> Optional[Text]:
    """The intent to confirm: the top real intent, or for FAQ the full retrieval intent."""
    ranking = [r.get("name") for r in parse_data.get("intent_ranking") or []]
    candidates = [name for name in ranking if name and name != FALLBACK_INTENT]
    if not candidates:
        return None
    guess = candidates[0]
    if guess == "faq":
        guess = faq_response(parse_data).get("intent_response_key") or guess
    return guess


class ActionAskAffirmation(Action):
    """First stage: replaces Rasa's action_default_ask_affirmation."""

    def name(self) -> Text:
        return "action_default_ask_affirmation"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        topic = topic_for(best_guess(tracker.latest_message or {}))
        if topic is None:
            dispatcher.utter_message(text=ASK_REPHRASE)
            return []
        dispatcher.utter_message(
            text=did_you_mean(topic.title),
            buttons=[
                {"title": "Yes", "payload": topic.sample_question},
                {"title": "No, something else", "payload": "/out_of_scope"},
            ],
        )
        return []


class ActionAskRephrase(Action):
    """Second stage: ask the person to say it another way."""

    def name(self) -> Text:
        return "action_default_ask_rephrase"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=ASK_REPHRASE)
        return []


class ActionGiveUp(Action):
    """Last stage: the Help Center number. Reverts the user turn like Rasa's default does."""

    def name(self) -> Text:
        return "action_default_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        dispatcher.utter_message(text=GIVE_UP)
        return [{"event": "rewind"}]
