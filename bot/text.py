"""Folding text for comparison, shared by every reader of words.

Why one place: matching Spanish and English words ("días", "Resonancia", "¡ESPAÑOL!") means
comparing them without case or accents. Each reader then keeps its own tokens (letters only,
digits too, punctuation as spaces), but the folding is the same everywhere. Pure.
"""
from __future__ import annotations

import unicodedata


def fold_accents(text: str) -> str:
    """Lower case, accents dropped: "Días ÑANDÚ" -> "dias nandu" (NFKD, combining marks out)."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
