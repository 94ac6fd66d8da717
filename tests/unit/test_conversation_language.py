"""Which language a message is in (bot/nlu/conversation_language.py): switch only when clear."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bot.nlu.conversation_language import (ENGLISH, SPANISH, chosen_language, message_language,
                                           requested_language)

HELD_OUT = Path(__file__).resolve().parents[1] / "heldout"


@pytest.mark.parametrize("text,language", [
    # short messages that say nothing about the language keep the conversation's
    ("ok", None), ("no", None), ("si", None), ("Medi-Cal", None), ("Kaiser", None),
    ("medicare", None), ("3 weeks ago", ENGLISH), ("october 5", None), ("help", None),
    ("LA Care", None),
    # clearly Spanish, short or with typos
    ("sí", SPANISH), ("gracias", SPANISH), ("no es urgente", SPANISH), ("todavía no", SPANISH),
    ("hace tres semanas", SPANISH), ("el 5 de octubre", SPANISH), ("kaiser nego mi cirugia", SPANISH),
    ("tengo medi-cal", SPANISH), ("q es un imr", SPANISH), ("cuanto cuesta", SPANISH),
    ("¿Qué es una revisión médica independiente?", SPANISH), ("si ya apele", SPANISH),
    # Spanish words only the gloss dictionary knows, with or without accents
    ("no me acuerdo", SPANISH), ("no sabría decirle", SPANISH), ("no sabria decirte", SPANISH),
    # English words of the gloss dictionary ("he", "la") are not Spanish evidence
    ("YES he has cancer", ENGLISH), ("he had a stroke last year and needs PT", ENGLISH),
    # clearly English, including English that names Spanish
    ("my plan denied my surgery", ENGLISH), ("not urgent", ENGLISH), ("yes they did", ENGLISH),
    ("Can I get help in Spanish?", ENGLISH), ("my mom only speaks spanish, can I file for her?", ENGLISH),
    # other languages are not switched to either
    ("我的保险公司拒绝了我的手术", None), ("xin chào, tôi cần giúp đỡ", None),
    ("merci beaucoup", None), ("ich brauche hilfe", None), ("aiuto per favore", None),
    ("obrigado", None), ("eu preciso de ajuda com meu plano", None),
])
def test_message_language(text, language):
    assert message_language(text) == language


@pytest.mark.parametrize("text,language", [
    ("Español", SPANISH), ("¡ESPAÑOL!", SPANISH), ("en español por favor", SPANISH),
    ("ENGLISH", ENGLISH), ("in English", ENGLISH), ("inglés", ENGLISH),
    ("I speak Spanish and my plan denied me", None), ("español o inglés", None),
])
def test_a_language_chosen_in_so_many_words(text, language):
    assert chosen_language(text) == (language if language and len(text.split()) <= 4 else None)


def test_a_switch_request_names_one_language():
    assert requested_language("cambiar a inglés") == ENGLISH
    assert requested_language("can we do this in spanish") == SPANISH
    assert requested_language("español o inglés?") is None
    assert requested_language("thanks") is None


def test_no_english_held_out_message_is_taken_for_spanish():
    """797 English messages people wrote (tests/heldout): none may switch to Spanish."""
    wrong = []
    for name in ("first_messages.yml", "answers.yml", "safety.yml", "imr_questions.yml"):
        for case in yaml.safe_load((HELD_OUT / name).read_text(encoding="utf-8"))["cases"]:
            if case.get("lang") != "es" and message_language(case["text"]) == SPANISH:
                wrong.append(case["text"])
    assert wrong == []


def test_no_spanish_held_out_message_is_taken_for_english():
    wrong = [case["text"] for name in ("es_first_messages.yml", "es_answers.yml")
             for case in yaml.safe_load((HELD_OUT / name).read_text(encoding="utf-8"))["cases"]
             if message_language(case["text"]) == ENGLISH]
    assert len(wrong) <= 5, wrong
