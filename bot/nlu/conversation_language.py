"""Which of the assistant's two languages, English or Spanish, a message is written in.

The conversation keeps a `language` slot and switches it only on a message that is clearly one
language: "sí", "ok", "Medi-Cal", "Kaiser" or "no" say nothing about it, so the slot stays as it
was. Two readers must agree before a switch, because each fails on its own on short messages
(measured in tests/unit/test_conversation_language.py and on the held-out sets):
- langid.py (offline, its model ships in the package), restricted to English and Spanish: good
  on sentences, but "kaiser nego mi cirugia" reads as English and "no idea" as Spanish;
- words only one of the two languages uses (bot/nlu/language.py's lists).
A person can always choose: "español", "english" (any case, alone, as the widget's buttons and
the SMS keywords ESPAÑOL / ENGLISH send them) switch at once.
"""
from __future__ import annotations

import gzip
import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, Optional, Tuple

import spacy_lookups_data

from bot.nlu.spanish_gloss_words import WORDS as GLOSS_WORDS

from bot.nlu.language import _ENGLISH, _FUNCTION_WORDS, _SPANISH_ONLY, _WORD, detect_non_english
from bot.text import fold_accents

ENGLISH = "en"
SPANISH = "es"
LANGUAGES = (ENGLISH, SPANISH)
# langid's probability (English vs Spanish only) a message needs, beside the word evidence.
SURE = 0.9

_CHOICES = {
    SPANISH: {"espanol", "spanish", "en espanol", "in spanish", "espanol por favor",
              "en espanol por favor", "spanish please", "hablo espanol"},
    ENGLISH: {"english", "ingles", "en ingles", "in english", "english please",
              "ingles por favor", "en ingles por favor", "i speak english"},
}
# Spanish words that are English words too, or names: no evidence either way.
_BOTH = {"no", "me", "a", "de", "plan", "doctor", "hospital", "medicare", "medi", "cal", "kaiser",
         "imr", "ok", "okay", "si", "son", "con", "general", "final", "total", "urgente", "dental"}
# Words of Spanish messages about health plans that English messages do not use.
_SPANISH_TOPIC_WORDS = {
    "cuanto", "cuánto", "cuesta", "cuestan", "semana", "semanas", "mes", "meses", "dias", "días",
    "hace", "tres", "dos", "nego", "negó", "negaron", "rechazo", "rechazó", "rechazaron",
    "aprobaron", "aprobó", "autorizar", "autorizan", "cubre", "cubrir", "cubren", "pagar", "paga",
    "pagan", "cirugia", "cirugía", "seguro", "aseguranza", "cobro", "cobraron", "queja", "revision",
    "revisión", "apelar", "apele", "apelé", "apelación", "apelacion", "carta", "todavia",
    "todavía", "aun", "aún", "ninguna", "ninguno", "cita", "medicina", "medicamento", "tratamiento",
    "terapia", "hospitalizado", "enfermedad", "sé", "sabemos", "contestado", "contestaron",
    "respuesta", "mandaron", "enviaron", "llamar", "llamé", "quién", "quien", "cuándo", "cuando",
    "hablar", "persona", "formulario", "plazo", "fecha", "gratis", "costo", "médica", "medica",
    "independiente", "estado", "urgencia", "adiós", "adios", "buenas", "buenos", "hola",
}
# Any word in its lexicon is at least this frequent in English text (log probability): "he" is
# -5.9, "la" -9.6, Spanish "acuerdo" -13.7, "sabria" -19.1.
COMMON_IN_ENGLISH = -12.0


def _gloss_only_spanish() -> FrozenSet[str]:
    """Spanish words of the gloss dictionary (bot/nlu/spanish_gloss_words.py) that are not
    English: not an English word form spaCy's lookup tables know, nor common in English text.
    Why: the short lists above left "no me acuerdo", "no sabría decirle" unplaced, so they were
    read by the English reader, where "no" is a no. Measured on the held-out sets: Spanish
    messages left unplaced 65 -> 35 of 699; English ones placed differently 0 of 797 (and 2 of
    4,656 English training examples, "nop" and "nooo", now count as Spanish)."""
    data = Path(spacy_lookups_data.__file__).parent / "data"
    with gzip.open(data / "en_lemma_lookup.json.gz") as f:
        lemmas: Dict[str, str] = json.load(f)
    with gzip.open(data / "en_lexeme_prob.json.gz") as f:
        common = {w for w, p in json.load(f).items() if p > COMMON_IN_ENGLISH}
    english = set(lemmas) | set(lemmas.values()) | common
    return frozenset(w for w, meaning in GLOSS_WORDS.items()
                     if meaning != w and w.isalpha() and len(w) > 1 and w not in english)


_SPANISH_WORDS = ((_SPANISH_ONLY | _FUNCTION_WORDS[SPANISH] | _SPANISH_TOPIC_WORDS | _gloss_only_spanish())
                  - _ENGLISH - _BOTH)
_ENGLISH_TOPIC_WORDS = {
    "care", "health", "denial", "coverage", "appeal", "appealed", "surgery", "weeks", "months",
    "ago", "days", "yet", "never", "nothing", "letter", "sent", "urgent", "maybe", "think", "sure",
    "know", "dont", "don't", "didn't", "haven't", "pay", "paid", "review", "complaint", "when",
    "where", "who", "much", "cost", "free", "thanks", "thank", "bye", "ok", "yeah", "yep", "nope",
}
_ENGLISH_WORDS = (_ENGLISH | _ENGLISH_TOPIC_WORDS) - _BOTH


def _plain(text: str) -> str:
    """Lower case without accents or punctuation: "¡ESPAÑOL!" -> "espanol"."""
    return " ".join(re.findall(r"[a-z]+", fold_accents(text)))


def chosen_language(text: str) -> Optional[str]:
    """The language a person asks for in so many words ("Español", "in English"), else None."""
    plain = _plain(text)
    for code, words in _CHOICES.items():
        if plain in words:
            return code
    return None


_NAMED = {SPANISH: re.compile(r"\b(?:espanol|spanish|castellano)\b"),
          ENGLISH: re.compile(r"\b(?:english|ingles)\b")}


def requested_language(text: str) -> Optional[str]:
    """The one language a "switch language" request names ("cambiar a inglés", "can we do this in
    Spanish"), else None; used only when the classifier read the message as that request."""
    plain = _plain(text)
    named = [code for code, pattern in _NAMED.items() if pattern.search(plain)]
    return named[0] if len(named) == 1 else None


@lru_cache(maxsize=1)
def _identifier():
    from langid.langid import LanguageIdentifier, model  # loads its shipped model (~2 MB)

    identifier = LanguageIdentifier.from_modelstring(model, norm_probs=True)
    identifier.set_languages([ENGLISH, SPANISH])
    return identifier


def _word_evidence(text: str) -> Tuple[int, int]:
    """(Spanish-only words, English-only words) in the message."""
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text))]
    spanish = sum(w in _SPANISH_WORDS or fold_accents(w) in _SPANISH_WORDS for w in words)
    return spanish, sum(w in _ENGLISH_WORDS for w in words)


@lru_cache(maxsize=1024)  # pure; asked by the classifier, the override and the tagger per turn
def message_language(text: str) -> Optional[str]:
    """"es" or "en" when the message is clearly that language, else None (keep the slot)."""
    chosen = chosen_language(text)
    if chosen:
        return chosen
    other = detect_non_english(text)
    if other not in (None, SPANISH):
        return None  # another language: today's "the Help Center helps in many languages"
    spanish, english = _word_evidence(text)
    if spanish == 0 and english == 0:
        return None
    guess, probability = _identifier().classify(text)
    if spanish >= 2 and spanish > english * 2 or other == SPANISH and spanish > english:
        return SPANISH if guess == SPANISH or spanish >= 3 or probability < SURE else None
    if spanish >= 1 and english == 0 and (guess == SPANISH or probability < SURE):
        return SPANISH
    if english >= 1 and spanish == 0 and guess == ENGLISH and probability >= SURE:
        return ENGLISH
    if english >= 2 and english > spanish * 2:
        return ENGLISH if guess == ENGLISH or english >= 3 or probability < SURE else None
    return None
