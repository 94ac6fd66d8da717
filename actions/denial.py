"""Answer a person who describes a denial: the DMHC path, or the agency that handles their plan."""
from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import language_of, warn_about_personal_details
from bot.eligibility.answers import looks_unsure, read_coverage
from bot.domain.conversation_texts import check_regulator
from bot.domain.denial_routing import DMHC_PATH, response_for_denial
from bot.eligibility.rules import Coverage
from bot.nlu.parse_data import entity_values


class ActionExplainDenial(Action):
    """Reads the plan/program entities of the message and picks the route.

    The DMHC path's answer (utter_denial_next_steps, with the offer to check the case) follows
    from the rules on the slot; another agency's answer is sent from here.
    """

    def name(self) -> Text:
        return "action_explain_denial"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[Text, Any]
    ) -> List[Dict[Text, Any]]:
        warn_about_personal_details(dispatcher, tracker)
        entities = entity_values(tracker.latest_message)
        response = response_for_denial(entities)
        if response == DMHC_PATH:
            text = str((tracker.latest_message or {}).get("text") or "")
            if read_coverage(text, entities) is Coverage.UNKNOWN and not looks_unsure(text):
                dispatcher.utter_message(text=check_regulator(language_of(tracker)))
            return [SlotSet("denial_route", "dmhc")]
        dispatcher.utter_message(response=response)
        return [SlotSet("denial_route", "other_agency")]
