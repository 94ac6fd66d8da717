"""The Socket.IO channel (`/socket.io`) for the chat widget (bot/web/), hardened like the REST one.

Compared with Rasa's SocketIOInput it:
- only accepts browsers from the origins in WEB_ORIGINS (comma-separated; default the demo
  page, http://127.0.0.1:8080 and http://localhost:8080): Rasa passes `cors_allowed_origins=[]`,
  which switches the Origin check off;
- keeps sessions working whatever python-socketio does: `enter_room` is awaited when it is a
  coroutine (python-socketio >= 5.10, RasaHQ/rasa#13027);
- accepts only session ids it issued and signed, each once: resuming hands out the next id
  (bot/channels/widget_sessions.py); a socket is in one conversation at a time, the one its id
  names, so a guessed, made-up, spent or other channel's id joins nothing and starts a new
  conversation;
- keeps only known metadata keys (METADATA_KEYS), each short;
- limits messages per conversation and per client address (bot/channels/rate_limit.py);
- runs bot/channels/message_guard.py on every message (empty, emoji-only, huge, `/intent{...}` commands)
  and answers those at once;
- sends the Help Center number when the bot produced no reply at all (as bot/channels/rest.py);
- tells the widget the conversation's language: each message it emits carries `"language": "en"`
  or `"es"`, the `language` slot as the tracker store holds it once the turn is over (so a turn's
  messages are held until then, and go out together), and its own notices (please wait, empty
  message, no answer) are in Spanish in a Spanish conversation (bot/channels/notices.py); when
  it cannot read the conversation (no tracker store) it says nothing about the language;
- never logs message text.
The channel keeps Rasa's name "socketio", so the path stays /socket.io and the events are the
same (`session_request`/`session_confirm`, `user_uttered`/`bot_uttered`).
"""
from __future__ import annotations

import inspect
import json
import logging
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels import notices
from bot.channels.rest import NO_REPLY_TEXT, WAIT_TEXT
from bot.channels.limits import (ADDRESS_RATE, SENDER_RATE, finished_in_time,
                                 limit_request_bodies)
from bot.channels.rate_limit import ChannelLimits, client_address
from bot.rasa_setup import configure as configure_rasa
from bot.channels.message_guard import MAX_MESSAGE_CHARS, check_message, domain_payloads
from bot.channels.widget_sessions import SessionSigner, WidgetSessions
from bot.nlu.conversation_language import message_language

logger = logging.getLogger(__name__)

DEFAULT_ORIGINS = ("http://127.0.0.1:8080", "http://localhost:8080")
# Metadata a client may attach to a message (the widget sends none today); anything else is
# dropped before it reaches the tracker store.
METADATA_KEYS = frozenset({"language"})
MAX_METADATA_VALUE_CHARS = 64
LANGUAGES = (notices.ENGLISH, notices.SPANISH)
# Conversations whose language this process remembers (for "please wait", which reads no store).
REMEMBERED_LANGUAGES = 10_000
_UNREADABLE = object()  # the tracker store failed
_UNREAD = object()  # not read yet


def allowed_origins(value: Optional[str] = None) -> List[str]:
    """Origins allowed to connect: WEB_ORIGINS (comma-separated) or the demo page's defaults."""
    raw = os.environ.get("WEB_ORIGINS", "") if value is None else value
    origins = [o.strip().rstrip("/") for o in raw.split(",") if o.strip()]
    return origins or list(DEFAULT_ORIGINS)


async def enter_room(sio: AsyncServer, sid: Text, room: Text, namespace: Optional[Text]) -> None:
    """Join a room with python-socketio 5.9 (synchronous) or >= 5.10 (coroutine)."""
    result = sio.enter_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


async def leave_room(sio: AsyncServer, sid: Text, room: Text, namespace: Optional[Text]) -> None:
    """Leave a room, either way python-socketio does it."""
    result = sio.leave_room(sid, room, namespace=namespace)
    if inspect.isawaitable(result):
        await result


class CountingSocketIOOutput(SocketIOOutput):
    """Rasa's socket.io output that remembers whether anything was sent, and holds the turn's
    messages until release(): the conversation's language is known once the turn is saved."""

    def __init__(self, sio: AsyncServer, bot_message_evt: Text) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = False
        self.held: List[Tuple[Text, Any]] = []  # (recipient, message)

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        self.sent = True
        self.held.append((socket_id, response))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        self.sent = True
        self.held.append((recipient_id, json_message))

    async def release(self, language: Optional[Text] = None) -> None:
        """Emit the held messages in order, each with `"language"` when it is known."""
        held, self.held = self.held, []
        for recipient, message in held:
            # A custom message (the IMR chart: {"chart": {...}}) is sent as the event's data, as a
            # text is; Rasa's own output would pass its keys to emit() as arguments instead.
            if language and isinstance(message, dict):
                message = {**message, "language": language}
            await SocketIOOutput._send_message(self, recipient, message)


class WidgetSocketIOInput(SocketIOInput):
    """Drop-in for Rasa's `socketio` channel, used by the widget in bot/web/."""

    def __init__(self, *args: Any, origins: Optional[List[str]] = None,
                 domain_path: Optional[Text] = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.origins = list(origins) if origins else allowed_origins()
        self.allowed_payloads = domain_payloads(Path(domain_path or "domain.yml"))
        self.sessions: Dict[Text, Text] = {}  # socket id -> the conversation it is in
        self.widget_sessions = WidgetSessions(SessionSigner.from_env())
        self.addresses: Dict[Text, Optional[Text]] = {}  # socket id -> client address
        self.limits = ChannelLimits(SENDER_RATE, ADDRESS_RATE)
        self.sanic_app: Any = None  # its ctx.agent (set by Rasa with the model) reads trackers
        # conversation -> its language as last read from the tracker store (bounded)
        self.languages: "OrderedDict[Text, Text]" = OrderedDict()
        configure_rasa()

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "WidgetSocketIOInput":
        credentials = credentials or {}
        return cls(
            credentials.get("user_message_evt", "user_uttered"),
            credentials.get("bot_message_evt", "bot_uttered"),
            credentials.get("namespace"),
            credentials.get("session_persistence", False),
            credentials.get("socketio_path", "/socket.io"),
            credentials.get("jwt_key"),
            credentials.get("jwt_method", "HS256"),
            credentials.get("metadata_key", "metadata"),
            domain_path=credentials.get("domain_path"),
        )

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        sio = AsyncServer(async_mode="sanic", cors_allowed_origins=self.origins)
        socketio_webhook = SocketBlueprint(sio, self.socketio_path, "socketio_webhook", __name__)
        self.sio = sio  # Rasa's get_output_channel uses it
        namespace = self.namespace
        logger.info("socketio channel: allowed origins %s", ", ".join(self.origins))

        @socketio_webhook.listener("before_server_start")
        async def small_bodies(app: Any, _loop: Any) -> None:
            limit_request_bodies(app)
            self.sanic_app = app

        @socketio_webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @sio.on("connect", namespace=namespace)
        async def connect(sid: Text, environ: Dict, auth: Optional[Dict] = None) -> bool:
            if self.jwt_key and not self._token_ok(auth):
                return False
            self.addresses[sid] = client_address(environ.get("REMOTE_ADDR"),
                                                 environ.get("HTTP_X_FORWARDED_FOR"))
            return True

        @sio.on("disconnect", namespace=namespace)
        async def disconnect(sid: Text) -> None:
            self.sessions.pop(sid, None)
            self.addresses.pop(sid, None)

        @sio.on("session_request", namespace=namespace)
        async def session_request(sid: Text, data: Any = None) -> None:
            asked = data.get("session_id") if isinstance(data, dict) else None
            conversation, session_id = (self.widget_sessions.resume(asked)
                                        or self.widget_sessions.start())
            await self._join(sid, conversation)
            await sio.emit("session_confirm", session_id, room=sid, namespace=namespace)

        @sio.on(self.user_message_evt, namespace=namespace)
        async def handle_message(sid: Text, data: Any = None) -> None:
            if not isinstance(data, dict):
                data = {}
            recipient = await self._recipient(sid, data)
            if recipient is None:
                logger.warning("socketio channel: message without a valid session ignored")
                return
            if not self.limits.allow(recipient, self.addresses.get(sid)):
                # what this process remembers: no store read, no language check for a flood
                await sio.emit(self.bot_message_evt,
                               self._notice(WAIT_TEXT, self.languages.get(recipient)),
                               room=recipient, namespace=namespace)
                return
            raw = data.get("message")
            text = raw if isinstance(raw, str) else ""
            verdict = check_message(text, self.allowed_payloads)
            if verdict.reply is not None:
                language = await self._notice_language(recipient, text)
                await sio.emit(self.bot_message_evt, self._notice(verdict.reply, language),
                               room=recipient, namespace=namespace)
                return
            output = CountingSocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(verdict.text, output, recipient, input_channel=self.name(),
                                  metadata=self._metadata(data))
            in_time, finished = True, False
            try:
                in_time = await finished_in_time(on_new_message(message))
                finished = in_time
            except Exception:  # the person still gets an answer; the log holds no message text
                logger.exception("socketio channel: the bot failed to handle a message")
            language = await self._turn_language(recipient, message, finished)
            await output.release(language)
            if not output.sent or not in_time:
                await sio.emit(self.bot_message_evt, self._notice(NO_REPLY_TEXT, language),
                               room=recipient, namespace=namespace)

        return socketio_webhook

    async def _join(self, sid: Text, conversation: Text) -> None:
        """Put the socket in a conversation, and out of any other."""
        previous = self.sessions.get(sid)
        if previous == conversation:
            return
        if self.session_persistence:
            if previous is not None:
                await leave_room(self.sio, sid, previous, self.namespace)
            await enter_room(self.sio, sid, conversation, self.namespace)
        self.sessions[sid] = conversation

    async def _recipient(self, sid: Text, data: Dict[Text, Any]) -> Optional[Text]:
        """Who the message is from and where replies go.

        Without session persistence that is the socket itself (as in Rasa). With it, the session
        this socket joined; a socket that sends before asking (socket.io flushes buffered
        messages on reconnection before our `session_request`) joins the session it names.
        """
        if not self.session_persistence:
            return sid
        joined = self.sessions.get(sid)
        if joined is not None:
            return joined
        conversation = self.widget_sessions.current(data.get("session_id"))
        if conversation is not None:
            await self._join(sid, conversation)
        return self.sessions.get(sid)

    @staticmethod
    def _notice(text: Text, language: Optional[Text]) -> Dict[Text, Any]:
        """One of the channel's own notices, in the conversation's language when it is known."""
        if language not in LANGUAGES:
            return {"text": text}
        return {"text": notices.in_language(text, language), "language": language}

    def _tracker_store(self) -> Any:
        agent = getattr(getattr(self.sanic_app, "ctx", None), "agent", None)
        return getattr(agent, "tracker_store", None)

    async def _stored_tracker(self, conversation: Text) -> Any:
        """The conversation as stored (None before its first turn), or _UNREADABLE."""
        try:
            return await self._tracker_store().retrieve(conversation)
        except Exception:
            logger.exception("socketio channel: could not read the conversation from the store")
            return _UNREADABLE

    def _remember(self, conversation: Text, tracker: Any) -> Optional[Text]:
        """The `language` slot of a stored tracker (English before the first turn), remembered;
        when the store could not be read, the language last remembered."""
        if tracker is _UNREADABLE:
            return self.languages.get(conversation)
        value = tracker.get_slot(notices.LANGUAGE_SLOT) if tracker is not None else None
        language = value if value in LANGUAGES else notices.ENGLISH
        self.languages[conversation] = language
        self.languages.move_to_end(conversation)
        while len(self.languages) > REMEMBERED_LANGUAGES:
            self.languages.popitem(last=False)
        return language

    async def _notice_language(self, conversation: Text, text: Text,
                               tracker: Any = _UNREAD) -> Optional[Text]:
        """The language of a notice answering `text` (which the bot did not see, or which left
        nothing saved): the message's own when it is clearly English or Spanish, else the
        conversation's. None without a tracker store: the channel cannot know."""
        if self._tracker_store() is None:
            return None
        own = message_language(text[:MAX_MESSAGE_CHARS]) if text.strip() else None
        if own:
            return own
        if tracker is _UNREAD:
            tracker = await self._stored_tracker(conversation)
        return self._remember(conversation, tracker)

    async def _turn_language(self, conversation: Text, message: UserMessage,
                             finished: bool) -> Optional[Text]:
        """The conversation's language after a turn: the slot as saved when the turn was saved
        (the dialogue's own reading: a tapped "Español" counts too); else (cut short, failed,
        no model: nothing saved) as for a notice."""
        if self._tracker_store() is None:
            return None
        tracker = await self._stored_tracker(conversation)
        if finished and tracker is not None and tracker is not _UNREADABLE and any(
                event.type_name == "user" and getattr(event, "message_id", None)
                == message.message_id for event in reversed(tracker.events)):
            return self._remember(conversation, tracker)
        return await self._notice_language(conversation, message.text or "", tracker)

    def _metadata(self, data: Dict[Text, Any]) -> Dict[Text, Any]:
        metadata = data.get(self.metadata_key) or {}
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                metadata = {}
        if not isinstance(metadata, dict):
            return {}
        return {key: value for key, value in metadata.items()
                if key in METADATA_KEYS and isinstance(value, str)
                and len(value) <= MAX_METADATA_VALUE_CHARS}

    def _token_ok(self, auth: Optional[Dict]) -> bool:
        token = auth.get("token") if isinstance(auth, dict) else None
        if not token:
            return False
        return bool(decode_bearer_token(token, self.jwt_key, self.jwt_algorithm))
