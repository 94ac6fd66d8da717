"""The eligibility form's actions, run as the action server runs them."""
from __future__ import annotations

import asyncio
from typing import Any, Dict, List, Optional

import pytest

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from actions.eligibility_dialogue import (ActionEligibilityResult, ActionExplainQuestion,
                                          ActionStartEligibility, AskConfirmAnswers, prefill)
from actions.eligibility_form import ValidateEligibilityForm
from bot.domain.contacts import line
from bot.domain.dates import parse_past_date, today_in_california
from bot.eligibility.questions import QUESTIONS

DOMAIN: Dict[str, Any] = {"forms": {"eligibility_form": {"required_slots": ["coverage"]}}}


def tracker(slots: Dict[str, Any], text: str = "", intent: str = "inform", confidence: float = 0.9,
            requested: Optional[str] = None, events: Optional[List[dict]] = None,
            faq_key: Optional[str] = None, entities: Optional[List[dict]] = None) -> Tracker:
    message = {"text": text, "intent": {"name": intent, "confidence": confidence},
               "entities": entities or []}
    if faq_key:
        message["response_selector"] = {"faq": {"response": {"intent_response_key": faq_key}}}
    all_slots = dict(slots, requested_slot=requested)
    if events is None and requested:  # the form just extracted the answer into the slot
        events = [{"event": "user", "text": text}, {"event": "slot", "name": requested, "value": slots.get(requested)}]
    return Tracker("someone", all_slots, message, events or [], False, None,
                   {"name": "eligibility_form"}, "action_listen")


def run(action, t: Tracker):
    dispatcher = CollectingDispatcher()
    events = asyncio.run(action.run(dispatcher, t, DOMAIN))
    return dispatcher.messages, events


def slot_events(events) -> Dict[str, Any]:
    return {e["name"]: e["value"] for e in events if e.get("event") == "slot"}


def test_free_text_answer_fills_the_requested_slot_and_asks_the_next_question():
    messages, events = run(ValidateEligibilityForm(),
                           tracker({"coverage": "kaiser hmo"}, "kaiser hmo", requested="coverage",
                                   entities=[{"entity": "health_plan", "value": "kaiser"}]))
    slots = slot_events(events)
    assert slots["coverage"] == "dmhc" and slots["requested_slot"] == "problem"
    assert messages == []


def test_unreadable_answer_is_asked_again_and_twice_gets_the_help_center():
    messages, events = run(ValidateEligibilityForm(),
                           tracker({"coverage": "purple"}, "purple", requested="coverage"))
    assert slot_events(events)["coverage"] is None and slot_events(events)["failed_answers"] == 1
    assert "didn't catch" in messages[0]["text"]
    messages, events = run(ValidateEligibilityForm(),
                           tracker({"coverage": "green", "failed_answers": 1}, "green", requested="coverage"))
    assert any(line("help_center") in m["text"] for m in messages)
    assert QUESTIONS["coverage"].rephrase in messages[-1]["text"]


def test_a_help_center_question_mid_way_is_answered_then_the_question_comes_back():
    messages, events = run(ValidateEligibilityForm(),
                           tracker({"coverage": "dmhc", "problem": "is it free?"}, "is it free?",
                                   intent="faq", confidence=0.99, requested="problem", faq_key="faq/cost"))
    assert [m["response"] for m in messages] == ["utter_faq/cost"]
    assert slot_events(events)["problem"] is None
    assert slot_events(events)["requested_slot"] == "problem"


def test_future_date_is_refused_with_a_reason():
    messages, events = run(ValidateEligibilityForm(),
                           tracker({"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
                                    "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "next friday"},
                                   "next friday", requested="decision_date"))
    assert "future" in messages[0]["text"]
    assert slot_events(events)["decision_date"] is None


def test_experimental_denial_never_asks_about_a_grievance():
    _, events = run(ValidateEligibilityForm(),
                    tracker({"coverage": "dmhc", "problem": "experimental", "urgent": "no",
                             "serious_condition": "yes"}, "yes", requested="serious_condition"))
    assert slot_events(events)["requested_slot"] == "decision_date"


def test_confirmation_yes_completes_and_a_date_correction_comes_back_to_the_summary():
    slots = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
             "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-10-05"}
    _, events = run(ValidateEligibilityForm(), tracker(dict(slots, confirm_answers="Yes"), "Yes", intent="affirm",
                                                       requested="confirm_answers"))
    assert slot_events(events)["confirm_answers"] == "yes"
    _, events = run(ValidateEligibilityForm(),
                    tracker(dict(slots, confirm_answers="no, the decision came in May"),
                            "no, the decision came in May", intent="deny", requested="confirm_answers"))
    changed = slot_events(events)
    assert changed["decision_date"].endswith("-05-01") and changed["confirm_answers"] is None


def test_start_prefills_what_the_describing_message_said():
    denial = {"event": "user", "text": "Kaiser denied my son's speech therapy as not medically necessary",
              "parse_data": {"intent": {"name": "describe_denial"},
                             "entities": [{"entity": "health_plan", "value": "Kaiser"}]}}
    messages, events = run(ActionStartEligibility(), tracker({}, "yes", events=[denial]))
    slots = slot_events(events)
    assert slots["coverage"] == "dmhc" and slots["problem"] == "not_medically_necessary"
    assert slots["decision_date"] is None  # an earlier check is forgotten
    assert "stop" in messages[0]["text"]


@pytest.mark.parametrize("text, kinds, expected", [
    # a Spanish first message that gives the plan's reason: the model's kind reading fills it
    ("Kaiser me negó la resonancia, dicen que no es necesaria",
     [("not_medically_necessary", 0.8)], "not_medically_necessary"),
    ("dijeron que no la cubren porque es experimental", [("experimental", 0.7)], "experimental"),
    ("me cobraron la ambulancia", [("billing", 0.9)], "billing"),
    # no reason given: asked, not guessed, whatever the model leans to
    ("Kaiser me negó la resonancia", [("not_medically_necessary", 0.8)], None),
    ("Kaiser denied my MRI", [("not_medically_necessary", 0.8)], None),
])
def test_prefill_takes_a_stated_reason_in_either_language(text, kinds, expected):
    assert prefill(text, "describe_denial", [], (), kinds).get("problem") == expected


def test_prefill_from_urgent_message_takes_urgency_but_does_not_guess_the_reason():
    assert prefill("my plan keeps delaying my chemo", "describe_urgent_problem", []) == {"urgent": "yes"}


def test_a_button_payload_is_not_taken_for_the_describing_message():
    """Clicking "Yes, check my case" after "Kaiser denied my MRI" must not ask the plan again."""
    denial = {"event": "user", "text": "Kaiser denied my MRI",
              "parse_data": {"intent": {"name": "describe_denial"},
                             "entities": [{"entity": "health_plan", "value": "Kaiser"}]}}
    click = {"event": "user", "text": "/check_eligibility",
             "parse_data": {"intent": {"name": "check_eligibility"}, "entities": []}}
    _, events = run(ActionStartEligibility(), tracker({}, "/check_eligibility", events=[denial, click]))
    slots = slot_events(events)
    assert slots["coverage"] == "dmhc" and slots["problem"] is None


def test_why_explains_the_current_question():
    messages, _ = run(ActionExplainQuestion(), tracker({}, "why?", requested="urgent"))
    assert messages[0]["text"] == QUESTIONS["urgent"].why


def test_summary_before_the_answer_offers_a_change():
    messages, _ = run(AskConfirmAnswers(), tracker({"coverage": "medicare"}))
    assert "Medicare" in messages[0]["text"]
    assert [b["title"] for b in messages[0]["buttons"]] == ["Yes, that's right", "Change an answer"]


def test_result_action_sends_the_path_and_numbers():
    slots = {"coverage": "dmhc", "problem": "billing", "filed_grievance": "no"}
    messages, _ = run(ActionEligibilityResult(), tracker(slots))
    text = "\n".join(m["text"] for m in messages)
    assert "grievance" in text.lower() and line("help_center") in text


def test_a_yes_with_a_date_answers_the_date_question_too():
    _, events = run(ValidateEligibilityForm(),
                    tracker({"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
                             "filed_grievance": "yes, we appealed on Oct 5",
                             "plan_answered": None},
                            "yes, we appealed on Oct 5", intent="affirm", requested="filed_grievance"))
    slots = slot_events(events)
    assert slots["filed_grievance"] == "yes" and slots["grievance_date"].endswith("-10-05")


@pytest.mark.parametrize("coverage, slot, text, date_slot", [
    ("dmhc", "filed_grievance", "two weeks ago", "grievance_date"),
    ("dmhc", "filed_grievance", "hace dos semanas", "grievance_date"),
    ("dmhc", "plan_answered", "el 3 de noviembre", "decision_date"),
    ("medi_cal_managed", "state_hearing", "last month", None),
])
def test_a_reply_that_is_only_a_past_date_is_a_yes_when_asked_whether_it_was_done(
        coverage, slot, text, date_slot):
    """The model leans to "no" for a bare date (deny 0.3): the person has said when, so yes."""
    today = today_in_california()
    _, events = run(ValidateEligibilityForm(),
                    tracker({"coverage": coverage, "problem": "not_medically_necessary", "urgent": "no",
                             "serious_condition": "yes", "filed_grievance": "yes", "plan_answered": "yes",
                             slot: text},
                            text, intent="deny", requested=slot))
    slots = slot_events(events)
    assert slots[slot] == "yes"
    if date_slot:
        assert slots[date_slot] == parse_past_date(text, today).value.isoformat()


@pytest.mark.parametrize("slot, text", [("filed_grievance", "no, two weeks ago was the letter"),
                                        ("filed_grievance", "not yet"), ("urgent", "two weeks ago")])
def test_a_no_or_a_date_to_another_kind_of_question_stays_as_it_was_read(slot, text):
    _, events = run(ValidateEligibilityForm(),
                    tracker({"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
                             slot: text}, text, intent="deny", requested=slot))
    assert slot_events(events)[slot] == "no"


def test_an_answer_to_another_question_is_kept_and_the_question_asked_again():
    messages, events = run(ValidateEligibilityForm(),
                           tracker({"coverage": "dmhc", "problem": "not_medically_necessary",
                                    "urgent": "we haven't appealed yet"},
                                   "we haven't appealed yet", intent="deny", requested="urgent"))
    slots = slot_events(events)
    assert slots["urgent"] is None and slots["filed_grievance"] == "no"
    assert slots["requested_slot"] == "urgent" and "noted" in messages[0]["text"]


def test_not_knowing_about_urgency_is_not_a_coverage_answer():
    _, events = run(ValidateEligibilityForm(),
                    tracker({"coverage": "i don't know if it's urgent"}, "i don't know if it's urgent",
                            intent="unsure", requested="coverage"))
    slots = slot_events(events)
    assert slots["coverage"] is None and slots["urgent"] == "unsure"


def test_a_negated_answer_is_read_as_no_by_the_model_not_as_yes_by_its_words():
    for slot, text in (("urgent", "It is not urgent"), ("filed_grievance", "We did not appeal to the plan"),
                       ("plan_answered", "They did not send anything")):
        _, events = run(ValidateEligibilityForm(),
                        tracker({"coverage": "dmhc", "problem": "not_medically_necessary",
                                 "urgent": "no", "filed_grievance": "yes", slot: text},
                                text, intent="deny", requested=slot))
        assert slot_events(events)[slot] == "no", slot


def test_yes_that_is_what_the_letter_said_keeps_the_decision_date():
    slots = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
             "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2026-10-05"}
    text = "yes, that's what the letter said"
    _, events = run(ValidateEligibilityForm(), tracker(dict(slots, confirm_answers=text), text,
                                                       intent="affirm", requested="confirm_answers"))
    changed = slot_events(events)
    assert changed["confirm_answers"] == "yes" and "decision_date" not in changed


def test_never_filed_at_the_date_question_undoes_the_yes():
    slots = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
             "filed_grievance": "yes", "plan_answered": "no", "grievance_date": "actually we never filed one"}
    _, events = run(ValidateEligibilityForm(), tracker(slots, "actually we never filed one",
                                                       intent="deny", requested="grievance_date"))
    changed = slot_events(events)
    assert changed["filed_grievance"] == "no" and changed["grievance_date"] is None


def test_thanks_wait_a_person_and_a_case_question_are_answered_and_the_question_stays():
    for intent, expected in (("thank", "utter_youre_welcome"), ("hold_on", "utter_hold_on"),
                             ("case_status", "utter_case_status")):
        messages, events = run(ValidateEligibilityForm(),
                               tracker({"coverage": "what"}, "what", intent=intent, requested="coverage"))
        assert [m["response"] for m in messages] == [expected]
        assert slot_events(events)["coverage"] is None and "failed_answers" not in slot_events(events)
    messages, _ = run(ValidateEligibilityForm(),
                      tracker({"coverage": "dmhc", "problem": "a person please"}, "a person please",
                              intent="human_handoff", requested="problem"))
    text = "\n".join(m["text"] for m in messages)
    assert line("help_center") in text and line("help_center_tdd") in text and "HMO" in text


def test_a_date_is_a_date_even_when_the_model_leans_to_case_status():
    slots = {"coverage": "dmhc", "problem": "not_medically_necessary", "urgent": "no",
             "filed_grievance": "yes", "plan_answered": "yes", "decision_date": "2 weeks ago"}
    messages, events = run(ValidateEligibilityForm(), tracker(slots, "2 weeks ago", intent="case_status",
                                                              requested="decision_date"))
    assert slot_events(events)["decision_date"] and messages == []
