"""The safety patterns are a narrow backstop: they catch the clearest wordings and nothing else.

The classifier reads people; these patterns win over it, so a false alarm sends someone with an
ambulance bill or a slow health plan to 911 or 988. Hence two lists: wordings that must be
caught (English and Spanish) and near misses that must be left to the classifier.
"""
from __future__ import annotations

import pytest

from bot.nlu.language import looks_spanish
from bot.nlu.priority_intents import priority_intent
from bot.nlu.safety import detect_crisis, detect_emergency

CRISIS = [
    "I want to kill myself",
    "im gonna kill myself tonight",
    "i'm suicidal",
    "my son is suicidal and won't talk to me",
    "i've been having suicidal thoughts again",
    "i just want to die",
    "my mom keeps saying she wants to die",
    "my daughter says she doesn't want to live anymore",
    "I dont want to be alive anymore",
    "been thinking about ending it all",
    "thinking about taking my own life",
    "i want to end my life",
    "i wish i was dead",
    "everyone would be better off without me",
    "life is not worth living",
    "my brother said he is going to take his own life",
    "i've been cutting myself again",
    "kms",
    "quiero morir",
    "me quiero morir, ya no aguanto",
    "ya no quiero vivir",
    "estoy pensando en quitarme la vida",
    "mi hijo dice que se quiere suicidar",
    "tengo pensamientos suicidas",
    "quiero matarme",
]

EMERGENCY = [
    "my wife can't breathe",
    "i cant breathe right now",
    "my baby is not breathing",
    "he stopped breathing",
    "my dad collapsed and isn't responding",
    "my husband took a bunch of pills and won't wake up",
    "she's turning blue",
    "I think my mom is having a stroke",
    "it looks like she's having a stroke",
    "i think im having a heart attack",
    "chest pain right now going down my left arm",
    "my son is having a seizure right now",
    "she's bleeding a lot and it won't stop",
    "my throat is closing up",
    "my toddler is choking",
    "someone call 911",
    "we need an ambulance now",
    "no puedo respirar",
    "mi esposo no respira",
    "tengo un dolor en el pecho muy fuerte ahora mismo",
    "se desmayó y no despierta",
    "a mi papá le está dando un infarto",
    "mi hija está convulsionando",
    "llamen al 911",
]

NEAR_MISSES = [
    # plans, offices and cases that are "unresponsive" or "not moving"
    "My plan has been unresponsive to my grievance for 45 days",
    "the plan is unresponsive",
    "my doctor is unresponsive to my messages",
    "they are not responding to my appeal",
    "my case is not moving",
    "mi plan no responde a mi queja",
    # past events, dated or with a bill
    "I had to call an ambulance last month and now they won't pay",
    "called an ambulance last month",
    "he had a seizure last year",
    "I had a stroke last year and they won't pay for rehab",
    "my husband had a heart attack and they denied cardiac rehab",
    "The ER doctor said I was having a heart attack and now the bill is $5000",
    "my wife was unconscious for three days in the icu and they denied the stay",
    "the baby wasn't breathing when she was born and the nicu stay was denied",
    "my son tried to kill himself last year and they denied residential",
    "she was suicidal in 2022 and now they won't cover therapy",
    "tuvo un infarto hace dos meses y negaron la rehabilitación",
    "el año pasado no podía respirar y ahora no pagan la ambulancia",
    # bills
    "the ambulance bill is huge",
    "got a bill for the ambulance ride in march",
    "er bill for my chest pain visit",
    "me cobraron la ambulancia",
    # diagnoses and ongoing conditions
    "My daughter has a seizure disorder and the plan denied her medication",
    "my son has seizures and the plan denied his meds",
    "not breathing problems, I need my inhaler covered",
    "he stopped breathing in his sleep, sleep apnea, cpap denied",
    "i can't breathe without my cpap and they denied it",
    "sometimes i can't breathe at night",
    "when she can't breathe we use the nebulizer",
    "he's not breathing right and the plan denied his nebulizer",
    "i'm bleeding heavily during my periods and they denied the hysterectomy",
    "my feet are turning blue from poor circulation and they denied surgery",
    "my mom is not responding to chemo",
    "my dad is unconscious in the icu and the plan wants to move him",
    "she is not breathing on her own, she's on a ventilator and they want to stop paying",
    "my son has been seizing more since the plan denied his meds",
    "no puedo respirar por la nariz y negaron la cirugía",
    "i had chest pain for weeks and now the plan denied the stress test",
    "every time he is having a seizure we end up in the er",
    "mi hijo tiene convulsiones y negaron su medicamento",
    "no puedo respirar bien de noche sin mi cpap",
    # psychiatric care and prevention, not a crisis now
    "the plan denied his suicide prevention medication",
    "narcan for overdose reversal is not covered",
    "my daughter has a history of self harm and the program was denied",
    "the inpatient psych stay after her suicide attempt was denied",
    # negations
    "he is not suicidal",
    "he is not suicidal, he just needs his meds",
    "i'm not sure, he is having more meltdowns without it but nobody is in danger",
    "i would never kill myself",
    "i don't want to die",
    "no quiero morir",
    # figures of speech
    "this is killing me",
    "my plan is killing me with these delays",
    "i'm dying to get this approved",
    "i'd rather die than pay this bill",
    "I could kill myself for missing the deadline",
    "i'm drowning in medical bills",
    "this surgery is going to take my life savings",
    "me quiero morir de la vergüenza",
    "my wife is choking up about the denial",
    # fear of a medical outcome, and wishes about how to die
    "my dad is going to die without this surgery",
    "my dad is dying of cancer and needs hospice",
    "my mom wants to die at home and hospice was denied",
    "my mom doesn't want to live in a nursing home",
    "mi mamá se quiere morir en su casa",
    "no quiero vivir en un asilo",
    # accidents and questions
    "i hurt myself at work and they denied pt",
    "i took all my pills so i need an early refill",
    "do i need an ambulance authorization",
    "i need an ambulance ride to dialysis covered",
    "should i call 911",
    "is it an emergency if i can't breathe",
    "someone told me to call 911 if it gets worse",
]


@pytest.mark.parametrize("text", CRISIS)
def test_clear_crisis_wordings_are_caught(text):
    assert detect_crisis(text)
    assert priority_intent(text) == "crisis_self_harm" + ("_es" if looks_spanish(text) else "")


@pytest.mark.parametrize("text", EMERGENCY)
def test_clear_emergency_wordings_are_caught(text):
    assert detect_emergency(text)
    assert not detect_crisis(text)
    assert priority_intent(text) == "emergency_now" + ("_es" if looks_spanish(text) else "")


@pytest.mark.parametrize("text", NEAR_MISSES)
def test_near_misses_are_left_to_the_classifier(text):
    assert not detect_crisis(text)
    assert not detect_emergency(text)


def test_lists_are_large_enough():
    assert len(CRISIS) + len(EMERGENCY) >= 40 and len(NEAR_MISSES) >= 60


def test_crisis_and_emergency_in_one_message():
    text = "he took a bunch of pills and said he wants to die"
    assert detect_crisis(text) and detect_emergency(text)
    assert priority_intent(text) == "crisis_self_harm"


def test_a_dated_sentence_does_not_silence_the_next_one():
    assert detect_emergency("He had a stroke last year. Now he is not breathing!")
    assert detect_crisis("I was in the hospital in March. Now I want to kill myself.")


def test_accents_curly_apostrophes_and_case_do_not_matter():
    assert detect_emergency("MY WIFE CAN\u2019T BREATHE")
    assert detect_crisis("QUIERO MORIR")
    assert detect_emergency("se desmayo y no despierta")
