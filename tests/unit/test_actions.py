"""Custom actions, run the way the action server runs them (CollectingDispatcher + Tracker)."""
from __future__ import annotations

import asyncio
from typing import Any, Dict

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.denial import ActionExplainDenial
from actions.fallback import ActionAskAffirmation, ActionAskRephrase, ActionGiveUp, best_guess
from bot.domain.contacts import line
from bot.domain.topics import TOPICS


def tracker_with(latest_message: Dict[str, Any]) -> Tracker:
    return Tracker("someone", {}, latest_message, [], False, None, {}, "action_listen")


def run(action, latest_message: Dict[str, Any]):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, tracker_with(latest_message), {}))
    return dispatcher.messages, events


def entity(value: str, name: str = "program") -> Dict[str, Any]:
    return {"entity": name, "value": value}


def test_denial_with_no_program_takes_the_dmhc_path():
    messages, events = run(ActionExplainDenial(), {"intent": {"name": "describe_denial"}, "entities": [entity("Kaiser", "health_plan")]})
    assert messages == []  # the rules send utter_denial_next_steps
    assert events == [{"event": "slot", "timestamp": None, "name": "denial_route", "value": "dmhc"}]


def test_denial_under_medicare_gets_the_medicare_answer():
    messages, events = run(ActionExplainDenial(), {"entities": [entity("Medicare")]})
    assert [m["response"] for m in messages] == ["utter_faq/agency_medicare"]
    assert events[0]["value"] == "other_agency"


def test_affirmation_names_the_faq_topic_and_yes_sends_its_sample_question():
    parse = {
        "intent": {"name": "nlu_fallback", "confidence": 0.4},
        "intent_ranking": [{"name": "nlu_fallback"}, {"name": "faq"}, {"name": "greet"}],
        "response_selector": {"faq": {"response": {"intent_response_key": "faq/cost"}}},
    }
    messages, _ = run(ActionAskAffirmation(), parse)
    assert TOPICS["faq/cost"].title in messages[0]["text"]
    assert messages[0]["buttons"][0]["payload"] == TOPICS["faq/cost"].sample_question
    assert messages[0]["buttons"][1]["payload"] == "/out_of_scope"


def test_affirmation_for_a_plain_intent():
    parse = {"intent_ranking": [{"name": "nlu_fallback"}, {"name": "describe_denial"}]}
    assert best_guess(parse) == "describe_denial"
    messages, _ = run(ActionAskAffirmation(), parse)
    assert TOPICS["describe_denial"].title in messages[0]["text"]


def ranking(*pairs):
    return {"intent_ranking": [{"name": "nlu_fallback", "confidence": 0.45}]
            + [{"name": n, "confidence": c} for n, c in pairs]}


def test_an_unclear_message_that_might_be_a_crisis_gets_both_lines_first():
    messages, _ = run(ActionAskAffirmation(), ranking(("crisis_self_harm", 0.36), ("describe_denial", 0.28),
                                                      ("faq", 0.2)))
    assert line("crisis") in messages[0]["text"] and line("emergency") in messages[0]["text"]
    messages, _ = run(ActionAskAffirmation(), ranking(("emergency_now", 0.29), ("describe_denial", 0.27)))
    assert line("emergency") in messages[0]["text"]


@pytest.mark.parametrize("pairs", [
    # a crisis reading behind a likelier one: "i'm so stressed about this denial i cant sleep"
    (("describe_denial", 0.35), ("faq", 0.25), ("crisis_self_harm", 0.22)),
    (("describe_denial", 0.37), ("emergency_now", 0.29)),
    (("emergency_now", 0.15), ("describe_denial", 0.12)),  # first, but too unlikely
])
def test_an_unclear_message_far_from_a_crisis_gets_only_the_question(pairs):
    messages, _ = run(ActionAskAffirmation(), ranking(*pairs))
    assert len(messages) == 1 and line("crisis") not in messages[0]["text"]


def test_affirmation_without_a_topic_asks_to_rephrase():
    messages, _ = run(ActionAskAffirmation(), {"intent_ranking": [{"name": "nlu_fallback"}, {"name": "greet"}]})
    assert "say it another way" in messages[0]["text"] and not messages[0]["buttons"]


def test_rephrase_and_give_up():
    assert "say it another way" in run(ActionAskRephrase(), {})[0][0]["text"]
    messages, events = run(ActionGiveUp(), {})
    assert line("help_center") in messages[0]["text"]
    assert events == [{"event": "rewind"}]
