"""The REST channel (`POST /webhooks/rest/webhook`), hardened for the public.

Compared with Rasa's RestInput it: answers 400 (never 500) to malformed requests; replies at
once to empty, emoji-only or huge messages (bot/channels/message_guard.py); keeps people from typing
`/intent{...}` commands; never logs message text; and when the bot produced no reply at all
(for example the action server is down) sends the Help Center number instead of silence.
"""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Optional, Text

from rasa.core.channels.channel import CollectingOutputChannel, InputChannel, UserMessage
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.domain.contacts import line
from bot.channels.limits import (ADDRESS_RATE, SENDER_RATE, finished_in_time,
                                 limit_request_bodies)
from bot.channels.rate_limit import ChannelLimits, client_address
from bot.rasa_setup import configure as configure_rasa
from bot.channels.message_guard import check_message, domain_payloads
from bot.channels.notices import in_language
from bot.channels.sms_format import SMS_SENDER_PREFIX
from bot.nlu.conversation_language import message_language
from bot.channels.widget_sessions import CONVERSATION_PREFIX as WIDGET_PREFIX

logger = logging.getLogger(__name__)

MAX_SENDER_CHARS = 128
# Other channels' conversations: a REST client may not post into them.
OTHER_CHANNEL_PREFIXES = (SMS_SENDER_PREFIX, WIDGET_PREFIX)
NO_REPLY_TEXT = (
    "Sorry, I can't answer right now. Please call the DMHC Help Center at "
    f"{line('help_center')} (TDD {line('help_center_tdd')})."
)


WAIT_TEXT = (
    "You're sending messages faster than I can read them. Please wait a few seconds, then send "
    f"your message again. For help from a person, call the Help Center at {line('help_center')}."
)


class BadRequest(ValueError):
    """The request is not a JSON object with a string sender and message."""


def parse_request(body: bytes) -> Dict[Text, Text]:
    """Return {"sender", "message"} from a request body, or raise BadRequest saying what is wrong."""
    try:
        data = json.loads(body or b"")
    except (ValueError, UnicodeDecodeError) as error:
        raise BadRequest("The body must be JSON.") from error
    if not isinstance(data, dict):
        raise BadRequest('The body must be a JSON object like {"sender": "...", "message": "..."}.')
    sender, message = data.get("sender"), data.get("message")
    if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_CHARS:
        raise BadRequest(f'"sender" must be a non-empty string of at most {MAX_SENDER_CHARS} characters.')
    if sender.strip().lower().startswith(OTHER_CHANNEL_PREFIXES):
        raise BadRequest('"sender" must not start with "' + '" or "'.join(OTHER_CHANNEL_PREFIXES)
                         + '": those are other channels\' conversations.')
    if not isinstance(message, str):
        raise BadRequest('"message" must be a string.')
    return {"sender": sender, "message": message}


def bot_reply(recipient_id: Text, text: Text) -> Dict[Text, Any]:
    """One message in the shape Rasa's REST channel returns."""
    return {"recipient_id": recipient_id, "text": text}


class GuardedRestInput(InputChannel):
    """Drop-in for Rasa's `rest` channel: same URL and reply format."""

    def __init__(self, domain_path: Optional[Text] = None) -> None:
        self.allowed_payloads = domain_payloads(Path(domain_path or "domain.yml"))
        self.limits = ChannelLimits(SENDER_RATE, ADDRESS_RATE)
        configure_rasa()

    @classmethod
    def name(cls) -> Text:
        return "rest"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> "GuardedRestInput":
        return cls((credentials or {}).get("domain_path"))

    def blueprint(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]]
    ) -> Blueprint:
        webhook = Blueprint("guarded_rest_webhook", __name__)

        @webhook.listener("before_server_start")
        async def small_bodies(app: Any, _loop: Any) -> None:
            limit_request_bodies(app)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            try:
                fields = parse_request(request.body)
            except BadRequest as error:
                return response.json({"error": str(error)}, status=400)
            sender = fields["sender"]
            address = client_address(request.ip, request.headers.get("X-Forwarded-For"))
            if not self.limits.allow(sender, address):
                return response.json([bot_reply(sender, WAIT_TEXT)], status=429,
                                     headers={"Retry-After": "5"})
            verdict = check_message(fields["message"], self.allowed_payloads)
            if verdict.reply is not None:
                # in the language of the message when it is clearly Spanish (the first 500
                # characters decide: a huge message is answered "too long" either way)
                language = message_language(str(fields["message"] or "")[:500])
                return response.json([bot_reply(sender, in_language(verdict.reply, language))])
            return response.json(await self._ask_bot(on_new_message, sender, verdict.text or ""))

        return webhook

    async def _ask_bot(
        self, on_new_message: Callable[[UserMessage], Awaitable[Any]], sender: Text, text: Text
    ) -> List[Dict[Text, Any]]:
        collector = CollectingOutputChannel()
        in_time = True
        try:
            in_time = await finished_in_time(
                on_new_message(UserMessage(text, collector, sender, input_channel=self.name())))
        except Exception:  # the person still gets an answer; the log holds no message text
            logger.exception("rest channel: the bot failed to handle a message")
        if not in_time:  # what was said before the cut, then the number
            return collector.messages + [bot_reply(sender, NO_REPLY_TEXT)]
        return collector.messages or [bot_reply(sender, NO_REPLY_TEXT)]
