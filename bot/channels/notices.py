"""The channels' own fixed notices (no reply, please wait, the message guard's replies) in the
conversation's language, and that language as the tracker store holds it.

Used by every channel: REST and `make shell` (bot/channels/rest.py, bot/run/shell.py), the
widget's socket.io channel and SMS. The English notices live beside the code that sends them
(bot/channels/rest.py, bot/channels/message_guard.py); their Spanish versions are here, with the
same numbers ("usted").
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, Iterable, Mapping, Optional

from bot.domain.contacts import line

ENGLISH, SPANISH = "en", "es"  # the values of the conversation's `language` slot
LANGUAGE_SLOT = "language"

# Spanish versions of the channels' fixed notices ("usted", the same numbers).
NO_REPLY_TEXT_ES = (
    "Lo siento, no puedo responder en este momento. Por favor, llame al Centro de Ayuda del DMHC "
    f"al {line('help_center')} (TDD {line('help_center_tdd')})."
)
WAIT_TEXT_ES = (
    "Está enviando mensajes más rápido de lo que puedo leerlos. Por favor, espere unos segundos y "
    "vuelva a enviar su mensaje. Para hablar con una persona, llame al Centro de Ayuda al "
    f"{line('help_center')}."
)
EMPTY_REPLY_ES = (
    "Parece que su mensaje llegó vacío. Por favor, escriba su pregunta, por ejemplo \"Mi plan negó "
    "mi cirugía\". Para hablar con una persona, llame al Centro de Ayuda al "
    f"{line('help_center')}."
)
NO_WORDS_REPLY_ES = (
    "Solo puedo leer palabras, no imágenes ni emojis. Por favor, dígame en pocas palabras qué pasó "
    f"con su plan de salud, o llame al Centro de Ayuda al {line('help_center')}."
)
TOO_LONG_REPLY_ES = (
    "Su mensaje es demasiado largo para que yo lo pueda leer. Por favor, dígame en una o dos "
    "oraciones qué pasó, por ejemplo qué le negó su plan y cuándo. Para hablar con una persona, "
    f"llame al Centro de Ayuda al {line('help_center')}."
)
COMMAND_REPLY_ES = (
    "No puedo ejecutar comandos. Por favor, dígame con palabras qué pasó con su plan de salud, o "
    f"llame al Centro de Ayuda al {line('help_center')}."
)
CRISIS_TOO_LONG_REPLY_ES = (
    "Si está pensando en el suicidio o en hacerse daño, llame o envíe un mensaje de texto ahora al "
    f"{line('crisis')} (Línea 988 de Prevención del Suicidio y Crisis). Hay ayuda en español. "
    + TOO_LONG_REPLY_ES
)


def conversation_language(events: Iterable[Mapping[str, Any]]) -> Optional[str]:
    """The `language` slot ("en"/"es") from tracker events as dicts, or None when the current
    session never set it (a restart, a slot reset or a new session sets it back to English)."""
    language: Optional[str] = None
    for event in events:
        kind = event.get("event")
        if kind in ("restart", "reset_slots", "session_started"):
            language = None
        elif kind == "slot" and event.get("name") == LANGUAGE_SLOT:
            value = event.get("value")
            language = value if value in (ENGLISH, SPANISH) else None
    return language


def in_language(notice: str, language: Optional[str]) -> str:
    """One of the channels' fixed English notices, in Spanish when language is "es" (any other
    text, or another language, is returned as it is)."""
    if language != SPANISH:
        return notice
    return _spanish_notices().get(notice, notice)


@lru_cache(maxsize=1)
def _spanish_notices() -> Dict[str, str]:
    """{English notice: Spanish notice}. Imported here, not at the top: rest.py imports this
    module."""
    from bot.channels import message_guard as guard
    from bot.channels.rest import NO_REPLY_TEXT, WAIT_TEXT

    return {
        NO_REPLY_TEXT: NO_REPLY_TEXT_ES,
        WAIT_TEXT: WAIT_TEXT_ES,
        guard.EMPTY_REPLY: EMPTY_REPLY_ES,
        guard.NO_WORDS_REPLY: NO_WORDS_REPLY_ES,
        guard.TOO_LONG_REPLY: TOO_LONG_REPLY_ES,
        guard.COMMAND_REPLY: COMMAND_REPLY_ES,
        guard.CRISIS_TOO_LONG_REPLY: CRISIS_TOO_LONG_REPLY_ES,
    }
