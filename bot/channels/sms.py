"""The SMS channel (`POST /webhooks/twilio/webhook`), built on Rasa's Twilio channel.

Register it in credentials.yml as `bot.channels.sms.SmsInput:` (no settings there: they come from
the environment). TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_NUMBER are required;
TWILIO_WEBHOOK_URL is the public URL Twilio posts to (set it behind a proxy, since the signature
covers that URL); TWILIO_API_BASE points the Twilio client at a stand-in (tests only).

Compared with Rasa's TwilioInput it:
- checks `X-Twilio-Signature` with twilio's RequestValidator (403 for unsigned or forged
  requests, and for every request while no auth token is configured);
- answers 400, never 500, when `From` or `Body` is missing;
- keys the conversation as "sms:" + a hash of the phone number, so no other channel can write
  into it (the REST channel refuses senders starting with "sms:") and no phone number is stored;
- leaves Twilio's opt-out/opt-in keywords (STOP, START, ...) out of the dialogue and answers
  HELP/INFO with one SMS;
- reads "1", "2" ... as the buttons of the bot's last question (from the tracker store, so it
  survives restarts);
- sends plain-text messages of at most 320 characters where possible (bot/channels/sms_format.py),
  through Twilio's REST client in a worker thread so the server never blocks;
- never logs message text or phone numbers.
"""
from __future__ import annotations

import asyncio
import hashlib
import logging
import os
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, List, Mapping, Optional, Text
from urllib.parse import parse_qs

from rasa.core.channels.channel import InputChannel, UserMessage
from rasa.core.channels.twilio import TwilioInput, TwilioOutput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator

from bot.channels import sms_format
from bot.channels.limits import SEND_SECONDS, finished_in_time
from bot.channels.rest import NO_REPLY_TEXT
from bot.rasa_setup import configure as configure_rasa
from bot.channels.message_guard import NO_WORDS_REPLY, check_message, domain_payloads

logger = logging.getLogger(__name__)
# The twilio client logs each request's URL and headers at INFO level: keep it quiet.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

SENDER_PREFIX = sms_format.SMS_SENDER_PREFIX
SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'


def sender_id(phone_number: Text) -> Text:
    """The conversation id of a phone number: "sms:" + 32 hex digits of its SHA-256."""
    return SENDER_PREFIX + hashlib.sha256(phone_number.strip().encode("utf-8")).hexdigest()[:32]


class _Form(dict):
    """Form fields as {name: [values]}, with the getall() twilio's RequestValidator looks for."""

    def getall(self, name: Text) -> List[Text]:
        return list(self[name])

    def first(self, name: Text) -> Optional[Text]:
        values = self.get(name)
        return values[0] if values else None


def parse_form(body: bytes) -> _Form:
    """Form-encoded body, keeping blank values (Twilio signs them; Sanic's request.form drops
    them). Raises ValueError for a body that is not UTF-8."""
    return _Form(parse_qs(body.decode("utf-8"), keep_blank_values=True))


class SmsOutput(TwilioOutput):
    """Sends each bot message as plain-text SMS to one phone number, off the event loop."""

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    def __init__(self, account_sid: Text, auth_token: Text, twilio_number: Text, to: Text,
                 api_base: Optional[Text] = None, http_client: Optional[Any] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number)
        if http_client is not None:
            self.http_client = http_client
        if api_base:
            self.api.base_url = api_base.rstrip("/")
        self.to = to  # the real number; recipient_id is the hashed conversation id
        self.sent = 0  # SMS accepted by Twilio
        self.attempted = 0

    async def send_sms(self, body: Text) -> None:
        self.attempted += 1
        data = {"to": self.to, "from_": self.twilio_number, "body": body}
        if await self._send_message(data) is not None:
            self.sent += 1

    async def _send_message(self, message_data: Dict[Text, Any]) -> Any:
        try:
            return await asyncio.to_thread(self.messages.create, **message_data)
        except TwilioRestException as error:  # its text may hold the phone number: not logged
            logger.error("sms: Twilio refused a message (HTTP %s, error code %s)",
                         error.status, error.code)
        except Exception as error:  # network trouble; the handler goes on with the next one
            logger.error("sms: could not reach Twilio (%s)", type(error).__name__)
        return None

    async def send_text_message(self, recipient_id: Text, text: Text, **kwargs: Any) -> None:
        for body in sms_format.format_reply(text):
            await self.send_sms(body)

    async def send_text_with_buttons(self, recipient_id: Text, text: Text,
                                     buttons: List[Dict[Text, Any]], **kwargs: Any) -> None:
        for body in sms_format.format_reply(text, buttons):
            await self.send_sms(body)

    async def send_quick_replies(self, recipient_id: Text, text: Text,
                                 quick_replies: List[Dict[Text, Any]], **kwargs: Any) -> None:
        await self.send_text_with_buttons(recipient_id, text, quick_replies)

    async def send_image_url(self, recipient_id: Text, image: Text, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, image)  # a bare link, no MMS

    async def send_attachment(self, recipient_id: Text, attachment: Text, **kwargs: Any) -> None:
        await self.send_text_message(recipient_id, str(attachment))

    async def send_custom_json(self, recipient_id: Text, json_message: Dict[Text, Any],
                               **kwargs: Any) -> None:
        # Rasa's TwilioOutput passes custom JSON to messages.create as arguments: not here.
        logger.warning("sms: a custom message was not sent (SMS carries text only)")


class SmsInput(TwilioInput):
    """Twilio SMS webhook with signature checks, SMS formatting and keyword handling."""

    @classmethod
    def name(cls) -> Text:
        return "twilio"

    @classmethod
    def from_credentials(cls, credentials: Optional[Dict[Text, Any]]) -> InputChannel:
        credentials = credentials or {}
        env = os.environ
        return cls(
            env.get("TWILIO_ACCOUNT_SID") or None,
            env.get("TWILIO_AUTH_TOKEN") or None,
            env.get("TWILIO_NUMBER") or None,
            webhook_url=env.get("TWILIO_WEBHOOK_URL") or None,
            api_base=env.get("TWILIO_API_BASE") or None,
            domain_path=credentials.get("domain_path"),
        )

    def __init__(self, account_sid: Optional[Text], auth_token: Optional[Text],
                 twilio_number: Optional[Text], webhook_url: Optional[Text] = None,
                 api_base: Optional[Text] = None, domain_path: Optional[Text] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=False)
        configure_rasa()
        self.webhook_url = webhook_url
        self.api_base = api_base
        self.allowed_payloads = domain_payloads(Path(domain_path or "domain.yml"))
        self.http_client = TwilioHttpClient(timeout=SEND_SECONDS)
        missing = [name for name, value in (("TWILIO_ACCOUNT_SID", account_sid),
                                            ("TWILIO_AUTH_TOKEN", auth_token),
                                            ("TWILIO_NUMBER", twilio_number)) if not value]
        self.not_configured = (
            f"{', '.join(missing)} not set: every SMS request is refused" if missing else None)
        self.validator = RequestValidator(auth_token) if auth_token else None
        if self.not_configured:
            logger.warning("sms channel: %s", self.not_configured)

    def get_output_channel(self, to: Optional[Text] = None) -> SmsOutput:
        return SmsOutput(self.account_sid or "", self.auth_token or "", self.twilio_number or "",
                         to or "", self.api_base, self.http_client)

    def signature_ok(self, request: Request, form: _Form) -> bool:
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature or self.validator is None:
            return False
        return self.validator.validate(self.webhook_url or request.url, form, signature)

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        webhook = Blueprint("sms_twilio_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if self.not_configured:
                logger.warning("sms: request refused (%s)", self.not_configured)
                return response.text("Forbidden", status=403)
            try:
                form = parse_form(request.body or b"")
            except ValueError:
                form = None
            if form is None or not self.signature_ok(request, form):
                logger.warning("sms: request refused: missing or wrong %s", SIGNATURE_HEADER)
                return response.text("Forbidden", status=403)
            phone, body = form.first("From"), form.first("Body")
            if not phone or not phone.strip() or body is None:
                return response.text("The form fields From and Body are required.", status=400)
            output = self.get_output_channel(phone.strip())
            await self._handle(request, on_new_message, output, sender_id(phone), body, form)
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook

    async def _handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      output: SmsOutput, sender: Text, body: Text, form: _Form) -> None:
        kind = sms_format.keyword(body)
        if kind in (sms_format.OPT_OUT, sms_format.OPT_IN):
            logger.info("sms: opt-out or opt-in keyword left to Twilio")
            return
        if kind == sms_format.HELP:
            await output.send_sms(sms_format.HELP_TEXT)
            return
        payload = sms_format.chosen_payload(body, await self._latest_buttons(request, sender))
        if payload is not None:  # the bot's own button: sent as it is, like a tap on the web
            text = payload
        else:
            has_media = (form.first("NumMedia") or "0").strip() not in ("", "0")
            if not body.strip() and has_media:
                await output.send_text_message(sender, NO_WORDS_REPLY)
                return
            verdict = check_message(body.replace("¡", "@"), self.allowed_payloads)
            if verdict.reply is not None:
                await output.send_text_message(sender, verdict.reply)
                return
            text = verdict.text or ""
        in_time = True
        try:
            in_time = await finished_in_time(
                on_new_message(UserMessage(text, output, sender, input_channel=self.name())))
        except Exception:  # the person still gets an answer; the log holds no text or number
            logger.exception("sms: the bot failed to handle a message")
        if output.attempted == 0 or not in_time:
            await output.send_text_message(sender, NO_REPLY_TEXT)

    @staticmethod
    async def _latest_buttons(request: Request, sender: Text) -> List[Mapping[str, Any]]:
        """Buttons of the bot's latest turn in this conversation, from the tracker store."""
        agent = getattr(request.app.ctx, "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return []
        try:
            tracker = await store.retrieve(sender)
        except Exception:
            logger.exception("sms: could not read the conversation from the tracker store")
            return []
        if tracker is None:
            return []
        return sms_format.latest_buttons(event.as_dict() for event in tracker.events)

