"""Spanish over REST, through the real Rasa server and action server (issue 10, first part).

What the assistant does in Spanish today: FAQ answers, small talk, the safety lines, choosing
the language, and for a person's own case (a denial, the check) a Spanish reply that says so and
gives the Help Center, which speaks Spanish. English conversations are unchanged.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

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


def test_a_persons_own_case_in_spanish_gets_the_help_center_in_spanish(bot, sender):
    reply = bot.say(sender(), "Kaiser negó mi cirugía de la rodilla, qué puedo hacer")
    assert spanish("utter_other_language") in reply
    assert HC in reply and "en español" in reply


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
