"""Turn the assistant's replies into text messages, and read SMS-only replies (pure, no Rasa).

Used by bot/channels/sms.py. An SMS is plain text: no markdown, links as bare URLs, buttons as
numbered choices ("Reply 1 for Yes, 2 for No"; in Spanish "Responda 1 para Sí, 2 para No"),
and each message at most 320 characters where the content allows (two SMS segments), never more
than 1,600 (Twilio drops longer bodies, error 21617). Twilio itself answers the opt-out and opt-in keywords (STOP, START, ...): those
texts never reach the dialogue, and the assistant never asks anyone to send them.

HELP/INFO get HELP_TEXT, AYUDA its Spanish version HELP_TEXT_ES. The channels' other notices in
Spanish are in bot/channels/notices.py.
"""
from __future__ import annotations

import re
from typing import Any, Iterable, List, Mapping, Optional, Sequence, Tuple

from bot.channels.notices import ENGLISH, SPANISH
from bot.domain.contacts import line

SMS_SENDER_PREFIX = "sms:"  # conversation ids of the SMS channel; other channels refuse them
SOFT_LIMIT = 320  # two SMS segments: what one message may hold where the content allows
HARD_LIMIT = 1600  # Twilio refuses longer bodies

# Twilio's documented keywords (single-word messages, any case). Opt-out: Twilio blocks the
# number and answers itself (REVOKE and OPTOUT since May 2025). Opt-in: Twilio answers itself.
OPT_OUT_KEYWORDS = frozenset(
    {"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT"})
# YES is also an opt-in keyword on long codes, but it is the natural answer to a yes/no question,
# and Twilio passes it on: it goes to the dialogue (our questions ask for numbers instead).
OPT_IN_KEYWORDS = frozenset({"START", "UNSTOP"})
HELP_KEYWORDS = frozenset({"HELP", "INFO"})
# Twilio defines no Spanish keywords of its own (only those a Messaging Service's Advanced
# Opt-Out adds): AYUDA is ours, answered like HELP but in Spanish; it never reaches the dialogue.
SPANISH_HELP_KEYWORDS = frozenset({"AYUDA"})
OPT_OUT, OPT_IN, HELP, SPANISH_HELP = "opt_out", "opt_in", "help", "help_es"

PROGRAM_NAME = "DMHC Help Center assistant"
HELP_TEXT = (
    f"{PROGRAM_NAME}: answers about California health plan problems. For a person, "
    f"call the Help Center at {line('help_center')}. Reply STOP to stop texts."
)
# One SMS segment like HELP_TEXT: at most 160 characters, all in the GSM-7 alphabet (an "á" or
# "í" would make it UCS-2, 70 characters a segment). STOP is the word Twilio acts on.
HELP_TEXT_ES = (
    "Asistente del Centro de Ayuda del DMHC: respuestas sobre su plan de salud. Para hablar con "
    f"una persona, llame al {line('help_center')}. Responda STOP para cancelar."
)

_LINK = re.compile(r"\[([^\]\n]+)\]\(\s*<?([^)\s>]+)>?\s*\)")
_AUTOLINK = re.compile(r"<((?:https?://|www\.)[^>\s]+)>")
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_ITALIC_STAR = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC_UNDERSCORE = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")
_CODE = re.compile(r"`+([^`]*)`+")
_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.MULTILINE)
_LIST_MARK = re.compile(r"^([ \t]*)[*+][ \t]+", re.MULTILINE)
_STRIKE = re.compile(r"~~(.+?)~~")
# Characters outside the GSM-7 alphabet turn a whole SMS into UCS-2 (70 characters a segment).
_PLAIN = str.maketrans({
    "•": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...",
    "\u00a0": " ", "\u200b": "",
})
_SENTENCE_END = re.compile(r"(?<=[.!?:;])[\"')\]]*\s+")
_CHOICE = re.compile(r"^\s*#?\s*(\d{1,2})\s*[.)]?\s*$")


def to_plain_text(text: str) -> str:
    """Markdown to plain text: **b**/_i_/`c` lose their marks, [text](url) becomes "text url"."""
    text = _LINK.sub(lambda m: m.group(2) if m.group(1).strip() == m.group(2) else
                     f"{m.group(1).strip()} {m.group(2)}", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _CODE.sub(r"\1", text)
    text = _BOLD.sub(r"\2", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ITALIC_STAR.sub(r"\1", text)
    text = _ITALIC_UNDERSCORE.sub(r"\1", text)
    text = _HEADING.sub("", text)
    text = _LIST_MARK.sub(r"\1- ", text)
    text = text.translate(_PLAIN)
    lines = [ln.rstrip() for ln in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


_CHOICE_WORDS = {ENGLISH: ("Reply", "for"), SPANISH: ("Responda", "para")}


def numbered_choices(titles: Sequence[str], language: Optional[str] = None) -> str:
    """ "Reply 1 for Yes, 2 for No, 3 for Not sure" (semicolons when a title has a comma);
    in Spanish (language "es") "Responda 1 para Sí, 2 para No, ..."."""
    titles = [to_plain_text(t) for t in titles]
    if not titles:
        return ""
    reply, for_ = _CHOICE_WORDS.get(language or ENGLISH, _CHOICE_WORDS[ENGLISH])
    separator = "; " if any("," in t for t in titles) else ", "
    return f"{reply} " + separator.join(f"{i} {for_} {t}" for i, t in enumerate(titles, 1))


def button_titles(buttons: Iterable[Mapping[str, Any]]) -> List[str]:
    return [str(b.get("title") or b.get("payload") or "") for b in buttons]


def split_sms(text: str, limit: int = SOFT_LIMIT, hard_limit: int = HARD_LIMIT) -> List[str]:
    """Split text into messages of at most `limit` characters, cutting at line breaks, then at
    sentence ends, then between words; only a single word longer than `limit` (say a huge URL)
    makes a longer message, and nothing is ever longer than `hard_limit`."""
    pieces: List[Tuple[str, str]] = []  # (joiner before it, piece): each fits or is one word
    for paragraph in text.strip().split("\n"):
        paragraph = paragraph.strip()
        if not paragraph:
            continue
        if len(paragraph) <= limit:
            pieces.append(("\n", paragraph))
            continue
        parts = [w for s in _SENTENCE_END.split(paragraph) for w in _split_words(s, limit, hard_limit)]
        pieces.extend(("\n" if i == 0 else " ", part) for i, part in enumerate(parts))
    messages: List[str] = []
    current = ""
    for joiner, piece in pieces:
        if current and len(current) + len(joiner) + len(piece) <= limit:
            current += joiner + piece
        else:
            if current:
                messages.append(current)
            current = piece
    if current:
        messages.append(current)
    return messages


def _split_words(sentence: str, limit: int, hard_limit: int) -> List[str]:
    sentence = sentence.strip()
    if len(sentence) <= limit:
        return [sentence] if sentence else []
    out: List[str] = []
    current = ""
    for word in sentence.split():
        while len(word) > hard_limit:  # nothing may pass Twilio's limit
            if current:
                out.append(current)
                current = ""
            out.append(word[:hard_limit])
            word = word[hard_limit:]
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= limit:
            current += " " + word
        else:
            out.append(current)
            current = word
    if current:
        out.append(current)
    return out


def format_reply(text: Optional[str], buttons: Sequence[Mapping[str, Any]] = (),
                 language: Optional[str] = None) -> List[str]:
    """One bot message (text and buttons) as the SMS bodies to send, in order; the numbered
    choices in `language` ("es": Spanish, else English)."""
    body = to_plain_text(text or "")
    choices = numbered_choices(button_titles(buttons), language)
    if choices:
        body = f"{body}\n{choices}" if body else choices
    return split_sms(body)


def chosen_payload(reply: str, buttons: Sequence[Mapping[str, Any]]) -> Optional[str]:
    """The payload of the button numbered `reply` ("1", " 2.", "#3"), or None."""
    match = _CHOICE.match(reply or "")
    if not match or not buttons:
        return None
    number = int(match.group(1))
    if not 1 <= number <= len(buttons):
        return None
    button = buttons[number - 1]
    payload = button.get("payload") or button.get("title")
    return str(payload) if payload else None


def latest_buttons(events: Iterable[Mapping[str, Any]]) -> List[Mapping[str, Any]]:
    """Buttons of the last bot message with buttons in the bot's latest turn (since the last
    user message), from tracker events as dicts ({"event": "bot", "data": {"buttons": ...}})."""
    buttons: List[Mapping[str, Any]] = []
    for event in events:
        kind = event.get("event")
        if kind == "user":
            buttons = []
        elif kind == "bot":
            data = event.get("data") or {}
            found = data.get("buttons") or data.get("quick_replies") or []
            if found:
                buttons = list(found)
    return buttons


def keyword(text: str) -> Optional[str]:
    """OPT_OUT, OPT_IN or HELP when the whole message is one of Twilio's keywords, SPANISH_HELP
    for AYUDA ("ayuda", "¡AYUDA!"), else None."""
    word = (text or "").strip().strip(".!?¡¿,;:'\"").strip().upper()
    if word in OPT_OUT_KEYWORDS:
        return OPT_OUT
    if word in OPT_IN_KEYWORDS:
        return OPT_IN
    if word in HELP_KEYWORDS:
        return HELP
    if word in SPANISH_HELP_KEYWORDS:
        return SPANISH_HELP
    return None
