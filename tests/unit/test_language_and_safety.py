"""Crisis, emergency and other-language messages are recognized before the classifier."""
from __future__ import annotations

import pytest

from bot.nlu.language import detect_non_english
from bot.nlu.language import looks_spanish
from bot.nlu.priority_intents import priority_intent


@pytest.mark.parametrize("text", [
    "I want to end my life", "thinking about suicide", "i dont want to be alive anymore",
    "my son says he wants to die", "I keep cutting myself", "everyone is better off without me",
    "there's no reason to live after this denial",
])
def test_crisis(text):
    assert priority_intent(text) == "crisis_self_harm"


@pytest.mark.parametrize("text", [
    "my wife can't breathe", "he is unconscious on the floor", "I think I'm having a heart attack",
    "she's bleeding a lot and won't stop", "we need an ambulance",
])
def test_emergency_now(text):
    assert priority_intent(text) == "emergency_now"


@pytest.mark.parametrize("text", [
    "Kaiser denied my MRI", "I had a stroke last year and they won't pay for rehab",
    "the ambulance bill is huge", "my plan denied my therapy",
    "how do I file an IMR", "no", "si", "ok", "Medi-Cal denied my son's therapy",
    "my plan denied my cirugía", "", "😀",
    # Near misses: past events, bills, diagnoses and slow plans are not emergencies.
    "My plan has been unresponsive to my grievance for 45 days",
    "I had to call an ambulance last month and now they won't pay",
    "My daughter has a seizure disorder and the plan denied her medication",
    "i'm not sure, he is having more meltdowns without it but nobody is in danger",
])
def test_ordinary_messages_are_left_to_the_classifier(text):
    assert priority_intent(text) is None


@pytest.mark.parametrize("text, code", [
    ("Necesito ayuda con mi seguro médico", "es"), ("hola", "es"),
    ("Mi plan me negó la cirugía de mi hijo", "es"), ("我的保险拒绝了我的治疗", "zh"),
    ("보험 회사가 치료를 거부했어요", "ko"), ("Мне отказали в лечении", "ru"),
    ("Tôi cần giúp đỡ với bảo hiểm", "vi"), ("kailangan ko ng tulong sa aking insurance", "tl"),
    ("بیمه درمان من را رد کرد", "ar"),
])
def test_other_languages(text, code):
    assert detect_non_english(text) == code
    assert priority_intent(text) == "other_language"


def test_crisis_in_spanish_wins_over_language_and_gets_the_spanish_line():
    assert priority_intent("ya no quiero vivir, quiero morir") == "crisis_self_harm_es"
    assert priority_intent("quiero morir") == "crisis_self_harm_es"
    assert priority_intent("tengo un dolor en el pecho muy fuerte ahora mismo") == "emergency_now_es"


@pytest.mark.parametrize("text, language", [
    ("ya no quiero vivir", True), ("no puedo respirar", True), ("mi esposo no respira", True),
    ("I want to kill myself", False), ("my dad isn't breathing", False), ("i want to die", False),
    # Spanish with English-looking words in it ("me", "a")
    ("a veces siento que nadie me quiere", True), ("otra vez pienso en hacerme daño", True),
    ("otra vez they denied it", False), ("I cant do this anymore, nadie cares", False),
])
def test_the_language_of_a_safety_line(text, language):
    assert looks_spanish(text) is language
