"""The English gloss the Spanish reader sees beside a Spanish message (bot/nlu/spanish_gloss.py)."""
from __future__ import annotations

import ast
from pathlib import Path

from bot.nlu import spanish_gloss_words
from bot.nlu.spanish_gloss import gloss


def test_content_words_are_glossed_and_phrases_come_first():
    assert gloss("me negaron la resonancia que pidió mi doctor") == "me denied the mri that asked my doctor"
    assert gloss("Todavía no") == "not yet"
    assert "kill" in gloss("ya no quiero vivir, quiero matarme")


def test_unknown_words_and_english_are_kept():
    assert gloss("Kaiser denied my MRI") == "kaiser denied my mri"
    assert gloss("") == ""


def test_the_word_lists_are_lower_case_without_accents_or_repeated_keys():
    for table in (spanish_gloss_words.WORDS, spanish_gloss_words.PHRASES):
        assert all(key == key.lower() and key.isascii() for key in table)
    source = Path(spanish_gloss_words.__file__).read_text(encoding="utf-8")
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Dict):
            keys = [k.value for k in node.keys if isinstance(k, ast.Constant)]
            assert len(keys) == len(set(keys))
