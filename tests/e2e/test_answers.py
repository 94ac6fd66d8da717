"""Questions a person types, sent over REST to the real servers, and what the reply must say."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from bot.domain.contacts import line
from bot.domain.topics import TOPICS

HC = re.escape(line("help_center"))
DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())


def response_text(name: str, language: str = "en") -> str:
    """A response's text in a language: Spanish is the variation conditioned on language == es."""
    for variation in DOMAIN["responses"][name]:
        spanish = any(c.get("value") == "es" for c in variation.get("condition") or [])
        if spanish == (language == "es"):
            return variation["text"]
    raise KeyError(name)


@pytest.mark.parametrize("intent", sorted(TOPICS))
def test_each_topic_sample_question_gets_its_own_answer(bot, sender, intent):
    """The "Did you mean ...? Yes" button sends these, so each must be understood exactly."""
    reply = bot.say(sender(), TOPICS[intent].sample_question)
    expected = {
        "describe_denial": response_text("utter_denial_next_steps"),
        "describe_urgent_problem": response_text("utter_urgent_problem"),
        "check_eligibility": "Let's check where your problem goes",
    }.get(intent) or response_text(f"utter_{intent}")
    assert expected in reply


@pytest.mark.parametrize("message, must", [
    ("hey, good morning", [r"automated assistant", r"not a person, a lawyer or a\s+doctor"]),
    ("how likely is it that i actually get my surgery through this review", [r"60%"]),
    ("if the reviewers side with me what does my plan have to do", [r"authorize", r"five business days"]),
    ("the hospital billed me way more than my copay", [r"deductible, co-pay or co-insurance"]),
    ("how much does it cost to ask for an independent review", [r"free"]),
    ("how many months do i have to send the form", [r"six months"]),
    ("who can sit down with me and help fill out this form", [re.escape(line("hca"))]),
    ("whats the phone number for the help center", [HC, re.escape(line("help_center_tdd"))]),
    ("my dad is on medicare and wants an imr", [re.escape(line("medicare")), "HICAP"]),
    ("the plan from my employer is self insured, who do i go to", [re.escape(line("ebsa"))]),
    ("Kaiser won't approve the MRI my doctor ordered", [r"grievance", r"IMR", r"six months", r"check"]),
    ("my mom has Medicare and they denied her wheelchair", [re.escape(line("medicare"))]),
    ("we have TRICARE and the claim for my son's therapy was denied", [re.escape(line("triwest"))]),
    ("they keep pushing back my cancer surgery and the pain is unbearable", [r"urgent", HC]),
    ("what's the best way to make a chocolate cake", [HC]),
    ("how much tylenol can i take at once", [r"can't give medical advice"]),
    ("thank you so much", [r"welcome"]),
    ("ok bye", [r"take care"]),
])
def test_question_gets_the_right_answer(bot, sender, message, must):
    reply = bot.say(sender(), message)
    for pattern in must:
        assert re.search(pattern, reply, re.IGNORECASE), (pattern, reply)


@pytest.mark.parametrize("message", [
    "i just want to kill myself, they denied everything",
    "my daughter says she doesn't want to live anymore",
    "I've been thinking about suicide since the denial",
])
def test_words_of_suicide_get_988_first(bot, sender, message):
    first = bot.send(sender(), message)[0]["text"]
    assert "988" in first


@pytest.mark.parametrize("message", [
    "my husband can't breathe right now",
    "I think my mom is having a stroke",
])
def test_an_emergency_now_gets_911_first(bot, sender, message):
    first = bot.send(sender(), message)[0]["text"]
    assert "911" in first


@pytest.mark.parametrize("message", [
    "我的保险公司拒绝了我的治疗",
    "Tôi cần giúp đỡ với bảo hiểm sức khỏe",
])
def test_other_languages_get_the_help_center_which_speaks_many(bot, sender, message):
    """(Spanish is answered in Spanish: tests/e2e/test_spanish.py.)"""
    reply = bot.say(sender(), message)
    assert re.search(HC, reply) and "many other languages" in reply


def test_denial_offer_accepted_in_plain_words(bot, sender):
    person = sender()
    assert "check where your case goes" in bot.say(person, "anthem denied my physical therapy")
    reply = bot.say(person, "yes please")
    assert "Let's check where your problem goes" in reply


def test_denial_offer_declined(bot, sender):
    person = sender()
    bot.say(person, "blue shield said no to my sleep study")
    assert "anything else" in bot.say(person, "no thanks")


def test_unclear_message_gets_two_stage_fallback_ending_with_help_center(bot, sender):
    person = sender()
    first = bot.say(person, "blorp fizzle wamble")
    assert re.search(r"not sure I understood|say it another way", first)
    last = bot.say(person, "snorf gleep")
    assert re.search(HC, last), last


def test_did_you_mean_yes_resumes_with_the_answer(bot, sender):
    person = sender()
    messages = bot.send(person, "imr thing cost???")
    buttons = [b for m in messages for b in m.get("buttons") or []]
    if not buttons:  # understood at once: that is fine too
        assert "free" in " ".join(m.get("text", "") for m in messages)
        return
    reply = bot.say(person, buttons[0]["payload"])
    assert reply and "Did you mean" not in reply
