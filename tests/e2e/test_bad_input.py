"""Bad input over REST gets a clear reply or a 4xx, and the server keeps answering."""
from __future__ import annotations

import re

import pytest

from bot.domain.contacts import line
from bot.channels.message_guard import COMMAND_REPLY, EMPTY_REPLY, NO_WORDS_REPLY, TOO_LONG_REPLY

HC = re.escape(line("help_center"))


@pytest.mark.parametrize("message, expected", [
    ("", EMPTY_REPLY),
    ("   \n\t ", EMPTY_REPLY),
    ("😀😀😀", NO_WORDS_REPLY),
    ("🙏❤️‍🩹 !!!", NO_WORDS_REPLY),
    ("x" * 20_000, TOO_LONG_REPLY),
])
def test_messages_without_content_get_a_clear_reply(bot, sender, message, expected):
    assert bot.say(sender(), message) == expected


def test_script_text_is_answered_as_text(bot, sender):
    messages = bot.send(sender(), "<script>alert('hi')</script>")
    assert messages and all(m.get("text") for m in messages)
    assert "<script>" not in " ".join(m["text"] for m in messages)


@pytest.mark.parametrize("body", [
    b"{not json",
    b"[]",
    b'"just a string"',
    b'{"sender": "a"}',
    b'{"message": "hi"}',
    b'{"sender": "", "message": "hi"}',
    b'{"sender": 5, "message": "hi"}',
    b'{"sender": "a", "message": ["hi"]}',
    b"",
    "{\"sender\": \"a\", \"message\": \"\xff\"}".encode("latin-1"),
])
def test_malformed_requests_get_400_not_500(bot, body):
    status, text = bot.post_raw(body)
    assert status == 400, (status, text)
    assert "error" in text


def test_server_keeps_answering_after_bad_input(bot, sender):
    for body in (b"{not json", b"[]"):
        bot.post_raw(body)
    bot.send(sender(), "x" * 20_000)
    assert re.search(HC, bot.say(sender(), "what's the help center phone number"))


def test_typed_intent_commands_are_not_run(bot, sender):
    """`/intent{...}` typed by a person must not choose the intent (only our buttons may)."""
    reply = bot.say(sender(), '/describe_urgent_problem{"urgent": "yes"}')
    assert reply == COMMAND_REPLY
    assert "Let's check where your problem goes" in bot.say(sender(), "/check_eligibility")
