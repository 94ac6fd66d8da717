"""Raw messages: empty, emoji-only, huge and typed `/intent` commands."""
from __future__ import annotations

from pathlib import Path

from bot.channels.message_guard import (COMMAND_REPLY, CRISIS_TOO_LONG_REPLY, EMPTY_REPLY, MAX_MESSAGE_CHARS,
                               NO_WORDS_REPLY, TOO_LONG_REPLY, check_message, domain_payloads)

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = domain_payloads(ROOT / "domain.yml")


def test_domain_buttons_are_allowed_payloads():
    assert {"/check_eligibility", "/deny", "/out_of_scope"} <= ALLOWED


def test_empty_and_whitespace():
    assert check_message("", ALLOWED).reply == EMPTY_REPLY
    assert check_message(" \n\t", ALLOWED).reply == EMPTY_REPLY


def test_emoji_only():
    assert check_message("😭😭", ALLOWED).reply == NO_WORDS_REPLY
    assert check_message("/", ALLOWED).reply == NO_WORDS_REPLY


def test_too_long_and_the_limit_itself():
    assert check_message("a" * (MAX_MESSAGE_CHARS + 1), ALLOWED).reply == TOO_LONG_REPLY
    assert check_message("a" * MAX_MESSAGE_CHARS, ALLOWED).text == "a" * MAX_MESSAGE_CHARS


def test_too_long_with_crisis_words_still_gives_988():
    verdict = check_message("I want to kill myself. " + "x" * MAX_MESSAGE_CHARS, ALLOWED)
    assert verdict.reply == CRISIS_TOO_LONG_REPLY and "988" in verdict.reply


def test_own_button_payload_passes_unchanged():
    assert check_message("/check_eligibility", ALLOWED).text == "/check_eligibility"


def test_typed_commands_get_a_plain_reply_instead_of_running():
    assert check_message('/affirm{"denial_route": "dmhc"}', ALLOWED).reply == COMMAND_REPLY
    assert check_message("//greet", ALLOWED).reply == COMMAND_REPLY
    assert check_message('/check_eligibility{"coverage": "medicare"}', ALLOWED).reply == COMMAND_REPLY


def test_ordinary_text_is_stripped_only():
    assert check_message("  my plan denied my MRI  ", ALLOWED).text == "my plan denied my MRI"
