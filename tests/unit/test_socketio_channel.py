"""The widget's Socket.IO channel (bot/channels/socketio.py), its handlers called directly."""
from __future__ import annotations

import asyncio
from typing import Any, List, Optional, Tuple

import pytest

from bot.channels.rest import NO_REPLY_TEXT
from bot.channels.socketio import (DEFAULT_ORIGINS, WidgetSocketIOInput, allowed_origins,
                                   enter_room)
from bot.channels.widget_sessions import SessionSigner, WidgetSessions
from bot.channels.message_guard import COMMAND_REPLY, EMPTY_REPLY, NO_WORDS_REPLY

KEY = "test-widget-session-key-" + "k" * 32
SESSION = SessionSigner(KEY).issue()  # an id this server signed
CONVERSATION = SessionSigner(KEY).conversation(SESSION)  # "web:" + its random part


class Harness:
    """The channel's blueprint with a fake bot; records what goes out and who joins which room."""

    def __init__(self, reply: Optional[str] = "an answer", persistence: bool = True,
                 fails: bool = False) -> None:
        self.channel = WidgetSocketIOInput.from_credentials(
            {"session_persistence": persistence, "user_message_evt": "user_uttered",
             "bot_message_evt": "bot_uttered"})
        # as WIDGET_SESSION_KEY would set it
        self.channel.widget_sessions = WidgetSessions(SessionSigner(KEY))
        self.received: List[Any] = []
        self.emitted: List[Tuple[str, Any, str]] = []
        self.rooms: List[Tuple[str, str]] = []
        self.left: List[Tuple[str, str]] = []

        async def on_new_message(message):
            self.received.append(message)
            if fails:
                raise RuntimeError("action server down")
            if reply is not None:
                await message.output_channel.send_text_message(message.sender_id, reply)

        self.channel.blueprint(on_new_message)
        sio = self.channel.sio

        async def emit(event, data=None, room=None, **_):
            self.emitted.append((event, data, room))

        def sync_enter_room(sid, room, namespace=None):
            self.rooms.append((sid, room))

        def sync_leave_room(sid, room, namespace=None):
            self.left.append((sid, room))

        sio.emit = emit
        sio.enter_room = sync_enter_room
        sio.leave_room = sync_leave_room
        self.handlers = sio.handlers["/"]

    def call(self, event: str, *args: Any) -> Any:
        return asyncio.run(self.handlers[event](*args))


def test_origins_come_from_web_origins(monkeypatch):
    monkeypatch.setenv("WEB_ORIGINS", " https://help.example.org/, http://127.0.0.1:9000 ")
    assert allowed_origins() == ["https://help.example.org", "http://127.0.0.1:9000"]
    monkeypatch.delenv("WEB_ORIGINS")
    assert allowed_origins() == list(DEFAULT_ORIGINS)
    assert WidgetSocketIOInput.from_credentials({}).origins == list(DEFAULT_ORIGINS)


def test_the_server_checks_origins():
    harness = Harness()
    assert harness.channel.sio.eio.cors_allowed_origins == list(DEFAULT_ORIGINS)
    assert harness.channel.name() == "socketio"


def test_session_request_resumes_a_signed_id_and_replaces_anything_else():
    harness = Harness()
    signer = harness.channel.widget_sessions.signer
    harness.call("session_request", "sid1", {"session_id": SESSION})
    event, renewed, room = harness.emitted[-1]
    assert (event, room) == ("session_confirm", "sid1")
    assert renewed != SESSION and signer.conversation(renewed) == CONVERSATION
    assert harness.rooms[-1] == ("sid1", CONVERSATION)
    nonce, generation, signature = SESSION.split(".")
    forged = [nonce, "0" * 32, f"{'f' * 32}.{generation}.{signature}",
              f"{nonce}.{generation}.{'0' * 32}", f"{nonce}.7.{signature}",
              f"{nonce}.{signature}", SessionSigner("another-key-" + "x" * 32).issue(nonce),
              "../../etc", "rest-sender", "", 5]
    for asked in [None, {}, "text"] + [{"session_id": f} for f in forged]:
        harness.call("session_request", "sid2", asked)
        new = harness.emitted[-1][1]
        assert signer.conversation(new) not in (None, CONVERSATION), asked


def test_a_reused_id_starts_a_new_conversation():
    harness = Harness()
    signer = harness.channel.widget_sessions.signer
    harness.call("session_request", "tab", {"session_id": SESSION})
    renewed = harness.emitted[-1][1]
    # Someone else presents the id the tab had before (from a log, an old page, a copied tab).
    harness.call("session_request", "thief", {"session_id": SESSION})
    assert signer.conversation(harness.emitted[-1][1]) != CONVERSATION
    harness.call("user_uttered", "thief2", {"message": "hi", "session_id": SESSION})
    assert harness.received == []
    # The tab itself, reloaded with its newest id, goes on with its conversation.
    harness.call("session_request", "tab-reloaded", {"session_id": renewed})
    assert signer.conversation(harness.emitted[-1][1]) == CONVERSATION
    harness.call("session_request", "tab-again", {"session_id": renewed})
    assert signer.conversation(harness.emitted[-1][1]) != CONVERSATION


def test_widget_sessions_remember_a_bounded_number_for_a_bounded_time():
    now = [0.0]
    sessions = WidgetSessions(SessionSigner(KEY), clock=lambda: now[0], remembered=2,
                              remember_seconds=60)
    tokens = [sessions.start()[1] for _ in range(3)]
    spent = sessions.resume(tokens[2])
    assert spent is not None and sessions.resume(tokens[2]) is None
    assert len(sessions._current) == 2  # the oldest was forgotten
    now[0] = 61.0
    # Forgotten: the next id presented for that conversation is taken as current (once).
    assert sessions.resume(tokens[2]) is not None
    assert sessions.resume(tokens[2]) is None


def test_a_socket_is_in_one_conversation_at_a_time():
    harness = Harness()
    other = harness.channel.widget_sessions.signer.issue()
    harness.call("session_request", "sid1", {"session_id": SESSION})
    harness.call("session_request", "sid1", {"session_id": other})
    assert harness.left == [("sid1", CONVERSATION)]
    harness.call("user_uttered", "sid1", {"message": "hi", "session_id": SESSION})
    assert harness.received[-1].sender_id == harness.channel.widget_sessions.signer.conversation(other)


def test_only_known_short_metadata_is_kept():
    harness = Harness()
    harness.call("session_request", "sid1", {"session_id": SESSION})
    harness.call("user_uttered", "sid1", {"message": "hi", "metadata": {
        "language": "en", "token": "secret", "big": "x" * 100_000, "nested": {"a": 1}}})
    assert harness.received[-1].metadata == {"language": "en"}
    harness.call("user_uttered", "sid1", {"message": "hi", "metadata": {"language": "x" * 65}})
    assert harness.received[-1].metadata == {}


def test_a_message_reaches_the_bot_under_the_joined_session():
    harness = Harness()
    harness.call("session_request", "sid1", {"session_id": SESSION})
    # Naming another session in the message does not move the socket into it.
    harness.call("user_uttered", "sid1", {"message": "is an imr free",
                                          "session_id": "f" * 32})
    message = harness.received[-1]
    assert (message.text, message.sender_id, message.input_channel) == (
        "is an imr free", CONVERSATION, "socketio")
    assert harness.emitted[-1] == ("bot_uttered", {"text": "an answer"}, CONVERSATION)


def test_a_message_before_the_session_request_joins_the_session_it_names():
    harness = Harness()
    harness.call("user_uttered", "sid9", {"message": "hi", "session_id": SESSION})
    assert harness.rooms == [("sid9", CONVERSATION)]
    assert harness.received[-1].sender_id == CONVERSATION
    harness.call("user_uttered", "sid8", {"message": "hi", "session_id": "bad"})
    harness.call("user_uttered", "sid6", {"message": "hi", "session_id": "0" * 32})
    harness.call("user_uttered", "sid7", "not a dict")
    assert len(harness.received) == 1


@pytest.mark.parametrize("text,reply", [("", EMPTY_REPLY), ("   ", EMPTY_REPLY),
                                        ("\U0001F600\U0001F600", NO_WORDS_REPLY),
                                        ('/inform{"coverage": "hmo"}', COMMAND_REPLY),
                                        (None, EMPTY_REPLY), (42, EMPTY_REPLY)])
def test_guarded_messages_are_answered_without_the_bot(text, reply):
    harness = Harness()
    harness.call("session_request", "sid1", {"session_id": SESSION})
    harness.call("user_uttered", "sid1", {"message": text})
    assert harness.received == []
    assert harness.emitted[-1] == ("bot_uttered", {"text": reply}, CONVERSATION)


@pytest.mark.parametrize("fails", [False, True])
def test_no_reply_from_the_bot_sends_the_help_center_number(fails):
    harness = Harness(reply=None, fails=fails)
    harness.call("session_request", "sid1", {"session_id": SESSION})
    harness.call("user_uttered", "sid1", {"message": "my plan denied my surgery"})
    assert harness.emitted[-1] == ("bot_uttered", {"text": NO_REPLY_TEXT}, CONVERSATION)


def test_without_persistence_replies_go_to_the_socket():
    harness = Harness(persistence=False)
    harness.call("user_uttered", "sid1", {"message": "hi"})
    assert harness.received[-1].sender_id == "sid1"
    assert harness.emitted[-1][2] == "sid1"


def test_enter_room_is_awaited_when_python_socketio_makes_it_a_coroutine():
    joined = []

    class NewSocketIO:  # python-socketio >= 5.10
        async def enter_room(self, sid, room, namespace=None):
            joined.append((sid, room))

    class OldSocketIO:  # python-socketio 5.9
        def enter_room(self, sid, room, namespace=None):
            joined.append((sid, room))

    asyncio.run(enter_room(NewSocketIO(), "a", "r1", None))
    asyncio.run(enter_room(OldSocketIO(), "b", "r2", None))
    assert joined == [("a", "r1"), ("b", "r2")]
