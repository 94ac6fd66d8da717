"""A word-by-word English gloss of a Spanish message, for the English-only sentence encoder.

Why: all-MiniLM-L6-v2 was trained on English; a Spanish sentence gives it little of what the
sentence means, so the model that reads Spanish leaned on spelling alone. No multilingual
encoder could be installed here (none on PyPI carries its weights). Glossing "me negaron la
resonancia que pidió mi doctor" as "me denied the mri that asked my doctor" lets the encoder see
the content words; the model then learns from both the Spanish text and its gloss. This is a
feature for the trained model, not a rule: nothing is decided from the gloss itself.

Words come from bot/nlu/spanish_gloss_words.py (written by hand, lower case, no accents);
unknown words are kept as they are, so English words in a Spanish message survive. Pure.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import List

from bot.nlu.spanish_gloss_words import PHRASES, WORDS
from bot.text import fold_accents

_LONGEST_PHRASE = max((len(p.split()) for p in PHRASES), default=1)


def _plain(text: str) -> List[str]:
    return re.findall(r"[a-z0-9]+", fold_accents(text))


@lru_cache(maxsize=20000)
def gloss(text: str) -> str:
    """English words for the Spanish ones, longest known phrase first; the rest kept."""
    words = _plain(text)
    out: List[str] = []
    i = 0
    while i < len(words):
        for size in range(min(_LONGEST_PHRASE, len(words) - i), 1, -1):
            phrase = " ".join(words[i:i + size])
            if phrase in PHRASES:
                out.append(PHRASES[phrase])
                i += size
                break
        else:
            english = WORDS.get(words[i], words[i])
            if english:
                out.append(english)
            i += 1
    return " ".join(out)
