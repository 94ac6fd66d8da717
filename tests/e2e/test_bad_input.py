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


def test_a_body_over_the_limit_gets_413_before_it_is_read(bot, sender):
    from bot.channels.limits import MAX_BODY_BYTES

    padding = "x" * (MAX_BODY_BYTES + 1)
    body = ('{"sender": "%s", "message": "hi", "padding": "%s"}' % (sender(), padding)).encode()
    status, _ = bot.post_raw(body)
    assert status == 413
    # a long message within the limit still gets its own reply
    assert bot.say(sender(), "word " * 1000) == TOO_LONG_REPLY


def test_a_flood_from_one_sender_gets_429_and_a_please_wait_reply(bot, sender):
    import json

    from bot.channels.limits import SENDER_RATE
    from bot.channels.rest import WAIT_TEXT

    flooder = sender()
    statuses = []
    for _ in range(int(SENDER_RATE.burst) + 5):
        status, body = bot.post_raw(json.dumps({"sender": flooder, "message": "😀"}).encode())
        statuses.append(status)
    assert statuses[0] == 200 and statuses[-1] == 429, statuses
    assert json.loads(body) == [{"recipient_id": flooder, "text": WAIT_TEXT}]
    assert line("help_center") in WAIT_TEXT
    assert bot.say(sender(), "hi"), "another conversation is not held back"


def test_personal_details_are_read_in_the_turn_but_stored_masked(bot, sender):
    person = sender()
    message = ("Kaiser denied my knee surgery. My member ID is XEK123456789, my phone is "
               "916-555-0142, email jo.doe@example.com, DOB 04/12/1961. The letter is dated 11/02/2026")
    reply = bot.say(person, message)
    assert "grievance" in reply, reply  # the bot read the story as typed
    stored = bot.stored_user_texts(person)
    print("stored:", stored)
    assert stored == ["Kaiser denied my knee surgery. My member ID is [id number], my phone is "
                      "[phone], email [email], DOB [date of birth]. The letter is dated 11/02/2026"]


@pytest.mark.parametrize("secret", [None, "wrong"])
def test_the_action_server_answers_401_without_rasas_secret(bot, secret):
    import json
    import urllib.error
    import urllib.request

    body = json.dumps({"next_action": "action_answer_faq", "sender_id": "x",
                       "tracker": {"sender_id": "x", "events": [], "slots": {}}, "domain": {}}).encode()
    headers = {"Content-Type": "application/json"}
    if secret:
        headers["X-Action-Secret"] = secret
    request = urllib.request.Request(f"{bot.action_url}/webhook", body, headers)
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 401
    with urllib.request.urlopen(f"{bot.action_url}/health", timeout=10) as health:
        assert health.status == 200
    assert bot.say(f"test-secret-{secret}", "is an imr free"), "Rasa itself still gets answers"
