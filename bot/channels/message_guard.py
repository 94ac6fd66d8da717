"""Check a raw chat message before the NLU sees it.

Empty, wordless (emoji only), or huge messages get a clear reply at once, and text that looks
like a Rasa command (`/intent{"slot": ...}`) is only passed on when it is one of our own button
payloads: any other command gets a plain reply, so nobody can set intents or slots by typing them.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import FrozenSet, Iterable, Optional

import yaml

from bot.domain.contacts import line
from bot.imr.layout import AGE_RANGES
from bot.imr.replies import age_payload
from bot.nlu.safety import detect_crisis

MAX_MESSAGE_CHARS = 2000

EMPTY_REPLY = (
    "It looks like your message was empty. Please type your question, for example "
    '"My plan denied my surgery". For help from a person, call the Help Center at '
    f"{line('help_center')}."
)
NO_WORDS_REPLY = (
    "I can only read words, not pictures or emoji. Please tell me in a few words what happened "
    f"with your health plan, or call the Help Center at {line('help_center')}."
)
TOO_LONG_REPLY = (
    "Your message is too long for me to read. Please "
    "tell me in a sentence or two what happened, for example what your plan denied and when. "
    f"For help from a person, call the Help Center at {line('help_center')}."
)
COMMAND_REPLY = (
    "I can't run commands. Please tell me in words what happened with your health plan, or call "
    f"the Help Center at {line('help_center')}."
)
CRISIS_TOO_LONG_REPLY = (
    "If you are thinking about suicide or hurting yourself, please call or text "
    f"{line('crisis')} now to reach the Suicide & Crisis Lifeline. " + TOO_LONG_REPLY
)
# Payloads our own actions send, besides the buttons written in domain.yml: the fallback's
# "something else", and the IMR outcomes' offer and age buttons (actions/imr_outcomes.py).
ACTION_PAYLOADS = frozenset({"/out_of_scope", "/imr_outcomes", "/deny"}
                            | {age_payload(age) for age in AGE_RANGES})



@dataclass(frozen=True)
class Verdict:
    """Either text to hand to the bot, or a reply to send back at once."""

    text: Optional[str] = None
    reply: Optional[str] = None


def check_message(raw: str, allowed_payloads: FrozenSet[str]) -> Verdict:
    """Decide what to do with one incoming message."""
    text = raw.strip()
    if not text:
        return Verdict(reply=EMPTY_REPLY)
    if len(text) > MAX_MESSAGE_CHARS:
        return Verdict(reply=CRISIS_TOO_LONG_REPLY if detect_crisis(text) else TOO_LONG_REPLY)
    if not any(ch.isalnum() for ch in text):
        return Verdict(reply=NO_WORDS_REPLY)
    if text.startswith("/") and text not in allowed_payloads:
        return Verdict(reply=COMMAND_REPLY)
    return Verdict(text=text)


def domain_payloads(domain_path: Path) -> FrozenSet[str]:
    """Every slash payload of the buttons in domain.yml, plus those our actions send."""
    domain = yaml.safe_load(domain_path.read_text(encoding="utf-8")) or {}
    payloads = set(ACTION_PAYLOADS)
    for variations in (domain.get("responses") or {}).values():
        for variation in variations:
            payloads.update(_slash_payloads(variation.get("buttons") or []))
    return frozenset(payloads)


def _slash_payloads(buttons: Iterable[dict]) -> Iterable[str]:
    return (b["payload"] for b in buttons if str(b.get("payload", "")).startswith("/"))


GUARD_REPLIES = (EMPTY_REPLY, NO_WORDS_REPLY, TOO_LONG_REPLY, CRISIS_TOO_LONG_REPLY, COMMAND_REPLY)
