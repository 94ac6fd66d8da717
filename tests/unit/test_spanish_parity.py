"""Nothing exists in one language and not the other, and no figure differs between them.

Every response in domain.yml has one Spanish variation (condition: slot language == es) beside
its English one; responses named *_es are Spanish already (the safety lines, with an English
line). The texts the actions build (bot/domain/*_texts.py, topics) come in both languages too.
"""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
import yaml

from bot.domain import conversation_texts, fallback_texts
from bot.domain.topics import TOPICS, TOPICS_ES
from bot.nlu.conversation_language import ENGLISH, SPANISH, message_language

ROOT = Path(__file__).resolve().parents[2]
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
NUMBER = re.compile(r"\d[\d,\-\.]*\d|\d")
CHOOSE = "/choose_language"


def is_spanish_variation(variation: Dict[str, Any]) -> bool:
    return any(c.get("type") == "slot" and c.get("name") == "language" and c.get("value") == "es"
               for c in variation.get("condition") or [])


def pairs() -> List[Tuple[str, Dict[str, Any], Dict[str, Any]]]:
    found = []
    for name, variations in DOMAIN["responses"].items():
        if name.endswith("_es"):
            continue
        spanish = [v for v in variations if is_spanish_variation(v)]
        english = [v for v in variations if not v.get("condition")]
        found.append((name, spanish[0] if len(spanish) == 1 else {},
                      english[0] if len(english) == 1 else {}))
    return found


PAIRS = pairs()


def numbers(text: str) -> set:
    return set(NUMBER.findall(text))


@pytest.mark.parametrize("name,spanish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_each_response_has_one_spanish_and_one_english_variation(name, spanish, english):
    assert spanish.get("text"), f"{name}: no Spanish variation"
    assert english.get("text"), f"{name}: no English variation"


@pytest.mark.parametrize("name,spanish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_same_figures_and_phone_numbers_in_both(name, spanish, english):
    assert numbers(spanish.get("text", "")) == numbers(english.get("text", "")), name


@pytest.mark.parametrize("name,spanish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_the_same_buttons_in_both(name, spanish, english):
    def payloads(variation):
        return [b["payload"] for b in variation.get("buttons") or []
                if not b["payload"].startswith(CHOOSE)]
    es, en = payloads(spanish), payloads(english)
    assert len(es) == len(en), name
    for es_payload, en_payload in zip(es, en):
        if en_payload.startswith("/"):
            assert es_payload == en_payload, name
        elif not es_payload.startswith("/"):  # free text must keep the conversation in Spanish
            assert message_language(es_payload) == SPANISH, es_payload
    for button in spanish.get("buttons") or []:
        assert button["title"].strip(), name


@pytest.mark.parametrize("name,spanish,english", PAIRS, ids=[p[0] for p in PAIRS])
def test_spanish_variations_read_as_spanish(name, spanish, english):
    # (utter_faq/contact is mostly numbers and the mailing address: "not English" is enough)
    assert message_language(spanish.get("text", "")) != ENGLISH, name
    assert message_language(english.get("text", "")) in (ENGLISH, None) or "/" in english["text"]


def test_the_greeting_offers_the_other_language():
    greet = dict((n, (s, e)) for n, s, e in PAIRS)["utter_greet"]
    assert '/choose_language{"language": "en"}' in [b["payload"] for b in greet[0]["buttons"]]
    assert '/choose_language{"language": "es"}' in [b["payload"] for b in greet[1]["buttons"]]


def test_topics_exist_in_both_languages():
    assert list(TOPICS_ES) == list(TOPICS)
    for key, topic in TOPICS_ES.items():
        assert topic.title and message_language(topic.sample_question) == SPANISH, key


def test_texts_built_by_the_actions_exist_in_both_languages():
    pairs_of_texts = [
        (conversation_texts.private_details("es"), conversation_texts.private_details()),
        (conversation_texts.which_topic(["a", "b"], "es"), conversation_texts.which_topic(["a", "b"])),
        ("\n".join(conversation_texts.human_handoff(("x",), "es")),
         "\n".join(conversation_texts.human_handoff(("x",)))),
        (fallback_texts.ask_rephrase("es"), fallback_texts.ask_rephrase()),
        (fallback_texts.give_up("es"), fallback_texts.give_up()),
        (fallback_texts.safety_just_in_case("es"), fallback_texts.safety_just_in_case()),
        (fallback_texts.did_you_mean("x", "es"), fallback_texts.did_you_mean("x")),
    ]
    letter = date(2026, 10, 20)
    for topic in ("faq/medi_cal_deadlines", "faq/deadline", "faq/late_filing"):
        pairs_of_texts.append((conversation_texts.dated_deadline(topic, letter, "es"),
                               conversation_texts.dated_deadline(topic, letter)))
    for spanish, english in pairs_of_texts:
        assert spanish and english and spanish != english
        assert numbers(re.sub(r"\b(19|20)\d\d\b", "", spanish)) == numbers(
            re.sub(r"\b(19|20)\d\d\b", "", english)), (spanish, english)
        assert message_language(spanish) == SPANISH, spanish


def test_dates_are_said_in_the_conversations_language():
    letter = date(2026, 10, 20)
    spanish = conversation_texts.dated_deadline("faq/medi_cal_deadlines", letter, "es")
    english = conversation_texts.dated_deadline("faq/medi_cal_deadlines", letter)
    assert "19 de diciembre de 2026" in spanish and "December 19, 2026" in english
    assert "17 de febrero de 2027" in spanish and "February 17, 2027" in english


def test_the_check_catches_a_missing_variation():
    """Guard against a check that cannot fail."""
    assert not is_spanish_variation({"text": "x"})
    assert numbers("llame al 1-888-466-2219 en 30 días") != numbers("call 1-888-466-2219")
