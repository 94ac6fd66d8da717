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
- never logs message text.
The channel keeps Rasa's name "socketio", so the path stays /socket.io and the events are the
same (`session_request`/`session_confirm`, `user_uttered`/`bot_uttered`).
"""
from __future__ import annotations

import inspect
import json
import logging
import os
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import UserMessage, decode_bearer_token
from rasa.core.channels.socketio import SocketBlueprint, SocketIOInput, SocketIOOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from socketio import AsyncServer

from bot.channels.rest import NO_REPLY_TEXT, WAIT_TEXT
from bot.channels.limits import (ADDRESS_RATE, SENDER_RATE, finished_in_time,
                                 limit_request_bodies)
from bot.channels.rate_limit import ChannelLimits, client_address
from bot.rasa_setup import configure as configure_rasa
from bot.channels.message_guard import check_message, domain_payloads
from bot.channels.widget_sessions import SessionSigner, WidgetSessions

logger = logging.getLogger(__name__)

DEFAULT_ORIGINS = ("http://127.0.0.1:8080", "http://localhost:8080")
# Metadata a client may attach to a message (the widget sends none today); anything else is
# dropped before it reaches the tracker store.
METADATA_KEYS = frozenset({"language"})
MAX_METADATA_VALUE_CHARS = 64


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
    """Rasa's socket.io output that remembers whether anything was sent."""

    def __init__(self, sio: AsyncServer, bot_message_evt: Text) -> None:
        super().__init__(sio, bot_message_evt)
        self.sent = False

    async def _send_message(self, socket_id: Text, response: Any) -> None:
        self.sent = True
        await super()._send_message(socket_id, response)

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        self.sent = True
        await super().send_custom_json(recipient_id, json_message, **kwargs)


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
                await sio.emit(self.bot_message_evt, {"text": WAIT_TEXT}, room=recipient,
                               namespace=namespace)
                return
            raw = data.get("message")
            verdict = check_message(raw if isinstance(raw, str) else "", self.allowed_payloads)
            if verdict.reply is not None:
                await sio.emit(self.bot_message_evt, {"text": verdict.reply}, room=recipient,
                               namespace=namespace)
                return
            output = CountingSocketIOOutput(sio, self.bot_message_evt)
            message = UserMessage(verdict.text, output, recipient, input_channel=self.name(),
                                  metadata=self._metadata(data))
            in_time = True
            try:
                in_time = await finished_in_time(on_new_message(message))
            except Exception:  # the person still gets an answer; the log holds no message text
                logger.exception("socketio channel: the bot failed to handle a message")
            if not output.sent or not in_time:
                await sio.emit(self.bot_message_evt, {"text": NO_REPLY_TEXT}, room=recipient,
                               namespace=namespace)

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
