"""Answer "what happened to cases like mine?" from the DMHC's IMR decisions (bot/imr/).

Thin: the store, the matcher and the words are in bot/imr/; this reads the message and the
`imr_query` slot (what the last answer counted, so "what about for women?" narrows it), and
sends the answer with its chart (socket.io, REST) or one line (SMS).
"""
from __future__ import annotations

import logging
from dataclasses import replace
from functools import lru_cache
from typing import Any, Dict, List, Optional, Text, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.conversation import language_of
from bot.imr import chart as charts
from bot.imr import replies
from bot.imr.replies import AGE_ENTITY, age_payload
from bot.imr.loader import store_path
from bot.imr.layout import AGE_RANGES
from bot.imr.matching import Matcher, describe, from_description, widen
from bot.imr.store import Filters, ImrStore

logger = logging.getLogger(__name__)
QUERY_SLOT = "imr_query"
SMS_CHANNEL = "twilio"


@lru_cache(maxsize=1)
def _store_and_matcher() -> Tuple[ImrStore, Matcher]:
    store = ImrStore(store_path())
    return store, Matcher({level: store.categories(level) for level in ("treatment", "diagnosis")})


def store_and_matcher() -> Optional[Tuple[ImrStore, Matcher]]:
    """The store and its matcher, or None when the store is missing or unreadable."""
    try:
        return _store_and_matcher()
    except Exception:  # noqa: BLE001 - any failure leaves the person with the Help Center
        logger.exception("imr: the IMR store could not be opened")
        return None


def age_buttons(language: str) -> List[Dict[str, str]]:
    """One button per age range of the data; their payloads are fixed strings the message
    guard knows (bot/channels/message_guard.py), so nothing else can be set this way."""
    return [{"title": age if language == "en" else age.replace("+", " o más"),
             "payload": age_payload(age)} for age in AGE_RANGES]


def question_filters(text: str, earlier: Filters, matcher: Matcher, first: int, last: int,
                     clicked_age: Optional[str] = None) -> Tuple[Filters, bool]:
    """What this message asks about: a new case, a follow-up narrowing the earlier one, or the
    earlier one again (a button). Also whether it asked for "my age" without giving one."""
    if text.startswith("/"):
        if clicked_age in AGE_RANGES:
            return replace(earlier, age_ranges=(clicked_age,)), False
        return earlier, False
    found = matcher.find(text, last_year=last, first_year=first)
    if found.filters.names_a_case() or not earlier.names_a_case():
        return found.filters, found.wants_age
    return found.filters.merged_into(earlier), found.wants_age


class ActionImrOutcomes(Action):
    """Counts, rate, years and what they count, for what the person named."""

    def name(self) -> Text:
        return "action_imr_outcomes"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker,
                  domain: Dict[Text, Any]) -> List[Dict[Text, Any]]:
        language = language_of(tracker)
        opened = store_and_matcher()
        if opened is None:
            dispatcher.utter_message(text=replies.unavailable(language))
            return []
        store, matcher = opened
        coverage = store.coverage()
        text = str((tracker.latest_message or {}).get("text") or "")
        clicked = next((str(e.get("value")) for e in (tracker.latest_message or {}).get("entities") or []
                        if e.get("entity") == AGE_ENTITY), None)
        filters, wants_age = question_filters(text, from_description(tracker.get_slot(QUERY_SLOT)),
                                              matcher, coverage.first_year, coverage.last_year, clicked)
        outcome = store.outcome(filters)
        sms = tracker.get_latest_input_channel() == SMS_CHANNEL
        if sms:
            dispatcher.utter_message(text=replies.sms_line(outcome, filters, coverage, language))
        else:
            wider_filters = widen(filters) if outcome.total < replies.FEW else None
            wider = (store.outcome(wider_filters)
                     if wider_filters is not None and wider_filters != filters else None)
            dispatcher.utter_message(text=replies.reply(outcome, filters, coverage, language,
                                                        wider, wider_filters))
            if outcome.total >= replies.TOO_FEW and len(outcome.by_year) >= 2:
                drawn = charts.chart(outcome, replies.subject(filters, language), language)
                dispatcher.utter_message(json_message={"chart": {
                    "svg": drawn.svg, "alt": drawn.alt, "title": drawn.title}})
        if not filters.names_a_case():
            dispatcher.utter_message(text=replies.ask_which(language))
        elif wants_age:
            dispatcher.utter_message(text=replies.ask_age(language), buttons=age_buttons(language))
        return [SlotSet(QUERY_SLOT, describe(filters))]


# Results after which past IMRs are worth offering: the person is on the way to an IMR.
OFFER_ROUTES = frozenset({"imr", "imr_late", "urgent", "plan_first", "wait", "medi_cal_both"})
OFFER_BUTTONS = {
    "en": [{"title": "Yes, show me", "payload": "/imr_outcomes"}, {"title": "No, thanks", "payload": "/deny"}],
    "es": [{"title": "Sí, muéstreme", "payload": "/imr_outcomes"}, {"title": "No, gracias", "payload": "/deny"}],
}


def named_case(tracker: Tracker, matcher: Matcher) -> Filters:
    """The treatment (or else condition) the person last named in this conversation, if any."""
    for event in reversed(tracker.events):
        text = str(event.get("text") or "") if event.get("event") == "user" else ""
        if not text or text.startswith("/"):
            continue
        found = matcher.categories_in(text)
        if found:
            return Filters(treatment=found.get("treatment"), diagnosis=found.get("diagnosis"))
    return Filters()


def offer_outcomes(dispatcher: CollectingDispatcher, tracker: Tracker, route: str) -> List[Dict[Text, Any]]:
    """After the check's result: offer past IMRs for the treatment the person named."""
    opened = store_and_matcher() if route in OFFER_ROUTES else None
    if opened is None:
        return []
    filters = named_case(tracker, opened[1])
    if not filters.names_a_case():
        return []
    language = language_of(tracker)
    name = replies.subject(filters, language)
    dispatcher.utter_message(text=replies.offer(name, language), buttons=OFFER_BUTTONS[language])
    return [SlotSet(QUERY_SLOT, describe(filters))]
