"""Spanish over REST, through the real Rasa server and action server (issue 10, first part).

What the assistant does in Spanish: FAQ answers, small talk, the safety lines, choosing the
language, a person's own case (a denial, the check: test_spanish_conversations.py). English
conversations are unchanged; other languages get the Help Center, which helps in many.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.channels.message_guard import MAX_MESSAGE_CHARS, TOO_LONG_REPLY
from bot.channels.notices import in_language
from bot.domain.contacts import line
from bot.domain.topics import TOPICS_ES

DOMAIN = yaml.safe_load((Path(__file__).resolve().parents[2] / "domain.yml").read_text())
HC = line("help_center")


def spanish(name: str) -> str:
    return next(v["text"] for v in DOMAIN["responses"][name]
                if any(c.get("value") == "es" for c in v.get("condition") or []))


def english(name: str) -> str:
    return next(v["text"] for v in DOMAIN["responses"][name] if not v.get("condition"))


FAQ_TOPICS = sorted(key for key in TOPICS_ES if key.startswith("faq/"))


@pytest.mark.parametrize("topic", FAQ_TOPICS)
def test_each_spanish_sample_question_gets_its_spanish_answer(bot, sender, topic):
    """The Spanish "¿Quiso decir ...? Sí" button sends these, so each must be understood."""
    reply = bot.say(sender(), TOPICS_ES[topic].sample_question)
    assert spanish(f"utter_{topic}") in reply


@pytest.mark.parametrize("message,topic", [
    ("¿Qué es una revisión médica independiente?", "faq/what_is_imr"),
    ("cuanto me va a costar pedir la imr", "faq/cost"),
    ("tengo medi-cal, donde llevo mi problema?", "faq/agency_medi_cal"),
])
def test_a_spanish_question_is_answered_in_spanish(bot, sender, message, topic):
    reply = bot.say(sender(), message)
    assert spanish(f"utter_{topic}") in reply
    assert english(f"utter_{topic}") not in reply


def test_a_persons_own_case_in_spanish_gets_its_path_in_spanish(bot, sender):
    """Once only the Help Center number; the check now speaks Spanish (see
    test_spanish_conversations.py for whole conversations)."""
    reply = bot.say(sender(), "Kaiser negó mi cirugía de la rodilla, qué puedo hacer")
    assert spanish("utter_other_language") not in reply
    assert "queja formal (grievance)" in reply and HC in reply
    assert "Sí, revisar mi caso" in reply


def test_another_language_still_gets_the_help_center(bot, sender):
    reply = bot.say(sender(), "我需要有人帮我看看这张医院的账单")
    assert HC in reply


def test_choosing_a_language_and_switching_back(bot, sender):
    person = sender()
    greeting = bot.send(person, "hi")
    assert '/choose_language{"language": "es"}' in [
        b["payload"] for m in greeting for b in m.get("buttons") or []]
    chosen = bot.say(person, '/choose_language{"language": "es"}')
    assert spanish("utter_language_chosen") in chosen
    assert spanish("utter_thank") in bot.say(person, "gracias")
    # A clearly English message switches back.
    assert english("utter_faq/cost") in bot.say(person, "how much does an IMR cost?")
    assert english("utter_thank") in bot.say(person, "thanks")


def test_sms_style_keywords_choose_the_language(bot, sender):
    person = sender()
    assert spanish("utter_language_chosen") in bot.say(person, "ESPAÑOL")
    assert english("utter_language_chosen") in bot.say(person, "english")


def test_spanish_crisis_gets_988_in_spanish(bot, sender):
    first = bot.send(sender(), "ya no quiero vivir")[0]["text"]
    assert "988" in first and "español" in first.lower()


def test_a_too_long_spanish_message_is_told_so_in_spanish(bot, sender):
    story = "Kaiser negó la cirugía de mi mamá y no sabemos qué hacer con la carta. "
    reply = bot.say(sender(), story * (MAX_MESSAGE_CHARS // len(story) + 1))
    assert reply == in_language(TOO_LONG_REPLY, "es") != TOO_LONG_REPLY
