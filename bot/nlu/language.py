"""Tell whether a message is written in a language other than English.

The Help Center helps in many languages but this assistant chats in English, so a message in
another language gets the Help Center number instead of a guess. Kept to scripts and common
function words: no model, nothing downloaded, and English with a Spanish word in it stays English.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Optional

# Scripts used by California's common non-English languages (Chinese, Korean, Japanese, Russian,
# Armenian, Arabic/Farsi, Punjabi, Khmer, Thai, Hindi, Hebrew).
_SCRIPTS = {
    "zh": r"[\u4e00-\u9fff\u3400-\u4dbf]",
    "ja": r"[\u3040-\u30ff]",
    "ko": r"[\uac00-\ud7af\u1100-\u11ff]",
    "ru": r"[\u0400-\u04ff]",
    "hy": r"[\u0530-\u058f]",
    "ar": r"[\u0600-\u06ff\u0750-\u077f]",
    "pa": r"[\u0a00-\u0a7f]",
    "km": r"[\u1780-\u17ff]",
    "th": r"[\u0e00-\u0e7f]",
    "hi": r"[\u0900-\u097f]",
    "he": r"[\u0590-\u05ff]",
}
_VIETNAMESE = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)

_FUNCTION_WORDS = {
    "es": {"el", "la", "los", "las", "de", "del", "que", "y", "en", "mi", "mis", "por", "para",
           "con", "una", "un", "es", "está", "esta", "tengo", "necesito", "ayuda", "seguro",
           "médico", "medico", "hola", "gracias", "por favor", "quiero", "puedo", "cómo", "como",
           "qué", "negaron", "negó", "cita", "doctor", "hijo", "hija", "mamá", "esposo", "pero",
           "no", "sí", "buenos", "buenas", "días", "tardes", "aseguranza", "factura", "queja",
           "habla", "español", "ustedes", "usted", "me", "su", "lo", "le", "se", "al", "muy"},
    "tl": {"ang", "ng", "mga", "po", "ako", "kailangan", "tulong", "ko", "sa", "ba", "hindi",
           "na", "ako'y", "salamat", "kumusta", "opo", "akin", "aking", "siya", "ito", "nila"},
    "hmn": {"kuv", "koj", "thov", "pab", "txog", "nyob", "zoo", "tsis", "yog", "muaj", "mob"},
    "pt": {"não", "você", "obrigado", "obrigada", "preciso", "ajuda", "meu", "minha", "plano"},
}
_ENGLISH = {"the", "my", "i", "is", "a", "an", "to", "and", "of", "for", "it", "you", "me",
            "with", "what", "how", "can", "do", "was", "have", "has", "plan", "help", "they",
            "denied", "please", "this", "that", "in", "on", "not", "no", "yes", "hi", "hello",
            "insurance", "doctor", "bill", "get", "need", "why", "are", "be", "will", "would"}
# Words that are in both lists count for English only.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?", re.UNICODE)


def detect_non_english(text: str) -> Optional[str]:
    """Return a language code when the message is clearly not English, else None."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return None
    for code, pattern in _SCRIPTS.items():
        if len(re.findall(pattern, text)) >= max(1, len(letters) * 0.3):
            return code
    if len(_VIETNAMESE.findall(text)) >= 2:
        return "vi"
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text))]
    if not words:
        return None
    english = sum(w in _ENGLISH for w in words)
    best_code, best_hits = None, 0
    for code, vocabulary in _FUNCTION_WORDS.items():
        hits = sum(w in vocabulary and w not in _ENGLISH for w in words)
        if hits > best_hits:
            best_code, best_hits = code, hits
    if best_code is None:
        return None
    if len(words) <= 2 and english == 0:
        return best_code
    if best_hits >= 2 and best_hits > english * 1.5:
        return best_code
    return None


# Spanish words that English messages do not use, for choosing the language of a safety line.
_SPANISH_ONLY = {"quiero", "vivir", "morir", "morirme", "matarme", "suicidarme", "ahora", "mismo",
                 "dolor", "pecho", "respirar", "respira", "despierta", "tengo", "puedo", "estoy",
                 "está", "esta", "mucho", "sangrando", "desmayó", "desmayo", "ayuda", "ayúdenme",
                 "hijo", "hija", "esposo", "esposa", "mamá", "papá", "muy", "fuerte", "vida",
                 "ya", "más", "mas", "todo", "nada", "corazón", "pastillas", "hacerme", "daño",
                 # common words of any Spanish sentence that are not English words
                 "otra", "otro", "vez", "veces", "pienso", "mejor", "estar", "muerta", "muerto",
                 "cortando", "cortar", "seria", "sería", "porque", "pero", "como", "cuando",
                 "siento", "nadie", "nunca", "siempre", "también", "tambien", "hacer", "puede",
                 "tiene", "soy", "algo", "bien", "aquí", "aqui", "así", "asi", "donde", "dónde",
                 "qué", "creo", "voy", "hoy", "ayer", "noche", "gracias", "favor", "necesito",
                 "médico", "medico", "mujer", "hombre", "niño", "niña", "quiere", "quieren"}


def looks_spanish(text: str) -> bool:
    """Is a (short) message Spanish? Leaner than detect_non_english: two Spanish-only words,
    or one with no English word, decide; used only to pick the language of a safety line."""
    if detect_non_english(text) == "es":
        return True
    words = [w.lower() for w in _WORD.findall(unicodedata.normalize("NFC", text))]
    spanish = sum(w in _SPANISH_ONLY or w in _FUNCTION_WORDS["es"] and w not in _ENGLISH for w in words)
    english = sum(w in _ENGLISH for w in words)
    return spanish >= 2 and spanish > english or (spanish >= 1 and english == 0)
