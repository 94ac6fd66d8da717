"""actions/imr_outcomes.py with the real store: follow-ups, the SMS line, the offer after the
check, and a missing store (the person still gets the Help Center)."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

import pytest
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

import actions.imr_outcomes as imr_action
from bot.domain.contacts import line
from bot.imr.store import Category, Filters


def tracker(text: str, slots: Optional[Dict[str, Any]] = None, channel: str = "rest",
            events: Optional[List[dict]] = None, entities: Optional[List[dict]] = None) -> Tracker:
    message = {"text": text, "intent": {"name": "imr_outcomes", "confidence": 0.9},
               "entities": entities or []}
    events = (events or []) + [{"event": "user", "text": text, "input_channel": channel, "parse_data": message}]
    return Tracker("someone", dict(slots or {}), message, events, False, None, {}, "action_listen")


def run(t: Tracker) -> tuple:
    dispatcher = CollectingDispatcher()
    events = asyncio.run(imr_action.ActionImrOutcomes().run(dispatcher, t, {}))
    return dispatcher.messages, events


@pytest.fixture(autouse=True)
def the_test_store(store, monkeypatch):
    monkeypatch.setenv("IMR_DB", str(store.path))
    imr_action._store_and_matcher.cache_clear()
    yield
    imr_action._store_and_matcher.cache_clear()


def texts(messages) -> str:
    return "\n".join(m.get("text") or "" for m in messages)


def test_a_question_then_a_follow_up_that_narrows_it(store):
    messages, events = run(tracker("how often are MRI denials overturned?"))
    mri = store.outcome(Filters(treatment=Category("treatment", "Diagnostic Imaging, Screening and Testing", "MRI")))
    assert f"{mri.total} IMR decisions" in texts(messages)
    assert any(m.get("custom", {}).get("chart") for m in messages)
    slot = events[0]["value"]
    messages, _ = run(tracker("what about for women?", {"imr_query": slot}))
    assert "MRI, for women and girls" in texts(messages)


def test_by_sms_one_line_and_no_chart():
    messages, _ = run(tracker("how often are MRI denials overturned?", channel="twilio"))
    assert len(messages) == 1 and "\n" not in messages[0]["text"] and not messages[0].get("custom")


def test_a_clicked_age_narrows_the_earlier_question():
    _, events = run(tracker("experimental drugs for someone my age"))
    messages, _ = run(tracker('/imr_outcomes{"imr_age":"65+"}', {"imr_query": events[0]["value"]},
                              entities=[{"entity": "imr_age", "value": "65+"}]))
    assert "ages 65+" in texts(messages)


def test_without_the_store_the_person_gets_the_help_center(monkeypatch, tmp_path):
    monkeypatch.setenv("IMR_DB", str(tmp_path / "missing.sqlite"))
    imr_action._store_and_matcher.cache_clear()
    messages, events = run(tracker("how often are MRI denials overturned?"))
    assert line("help_center") in texts(messages) and events == []


def test_the_offer_after_the_result_names_what_the_person_said():
    said = [{"event": "user", "text": "Blue Shield denied my knee replacement"},
            {"event": "user", "text": "yes"}]
    t = tracker("yes", events=said)
    dispatcher = CollectingDispatcher()
    events = imr_action.offer_outcomes(dispatcher, t, "imr")
    assert "Knee Replacement" in dispatcher.messages[0]["text"]
    assert [b["payload"] for b in dispatcher.messages[0]["buttons"]] == ["/imr_outcomes", "/deny"]
    assert events and events[0]["name"] == "imr_query"
    assert imr_action.offer_outcomes(CollectingDispatcher(), t, "other_agency") == []
    assert imr_action.offer_outcomes(CollectingDispatcher(), tracker("yes"), "imr") == []
