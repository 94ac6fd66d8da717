"""The SMS channel (`POST /webhooks/twilio/webhook`), built on Rasa's Twilio channel.

Register it in credentials.yml as `bot.channels.sms.SmsInput:` (no settings there: they come from
the environment). TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_NUMBER are required;
TWILIO_WEBHOOK_URL is the public URL Twilio posts to (set it behind a proxy, since the signature
covers that URL); TWILIO_API_BASE points the Twilio client at a stand-in (tests only).
SMS_SENDER_KEY (required, at least 32 characters) is the secret that turns phone numbers into
conversation ids; changing it starts every SMS conversation afresh.

Compared with Rasa's TwilioInput it:
- checks `X-Twilio-Signature` with twilio's RequestValidator (403 for unsigned or forged
  requests, and for every request while no auth token is configured);
- answers 400, never 500, when `From` or `Body` is missing;
- keys the conversation as "sms:" + an HMAC of the phone number with SMS_SENDER_KEY, so no other
  channel can write into it (the REST channel refuses senders starting with "sms:"), no phone
  number is stored, and the ids cannot be reversed by trying every number without the key;
- answers Twilio's webhook at once (an empty TwiML) and sends the replies afterwards, one
  conversation's turns in the order they came; Twilio waits at most 15 s for the webhook, and a
  long result is several messages, each a call to Twilio's API;
- handles a message Twilio delivers twice (same MessageSid) once;
- leaves Twilio's opt-out/opt-in keywords (STOP, START, ...) out of the dialogue and answers
  HELP/INFO with one SMS, AYUDA with its Spanish version;
- writes its own notices (please wait, empty or wordless message, no answer) in Spanish when the
  message is clearly Spanish, or says nothing about its language in a Spanish conversation (the
  `language` slot, read from the tracker store);
- reads "1", "2" ... as the buttons of the bot's last question (from the tracker store, so it
  survives restarts);
- sends plain-text messages of at most 320 characters where possible (bot/channels/sms_format.py),
  through Twilio's REST client in a worker thread so the server never blocks;
- never logs message text or phone numbers.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import logging
import os
import uuid
from pathlib import Path
from collections import OrderedDict
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

from bot.channels import notices, sms_format
from bot.channels.limits import (MAX_FORM_FIELDS, SEND_SECONDS, SENDER_RATE, finished_in_time,
                                 limit_request_bodies)
from bot.channels.rate_limit import Rate, RateLimiter
from bot.channels.rest import NO_REPLY_TEXT, WAIT_TEXT
from bot.rasa_setup import configure as configure_rasa
from bot.channels.message_guard import (MAX_MESSAGE_CHARS, NO_WORDS_REPLY, check_message,
                                        domain_payloads)
from bot.nlu.conversation_language import message_language

logger = logging.getLogger(__name__)
# The twilio client logs each request's URL and headers at INFO level: keep it quiet.
logging.getLogger("twilio.http_client").setLevel(logging.WARNING)

SENDER_PREFIX = sms_format.SMS_SENDER_PREFIX
SIGNATURE_HEADER = "X-Twilio-Signature"
EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>'
SENDER_KEY_VARIABLE = "SMS_SENDER_KEY"
MIN_SENDER_KEY_CHARS = 32
# MessageSids remembered per process to drop Twilio's second delivery of a message.
REMEMBERED_MESSAGES = 10_000


def sender_id(phone_number: Text, key: Text) -> Text:
    """The conversation id of a phone number: "sms:" + 32 hex digits of its HMAC-SHA-256 under
    the secret key (an unsalted hash of a phone number is reversed by trying all 10^10)."""
    digest = hmac.new(key.encode("utf-8"), phone_number.strip().encode("utf-8"), hashlib.sha256)
    return SENDER_PREFIX + digest.hexdigest()[:32]


def notice_language(text: Text, events: List[Dict[str, Any]]) -> Text:
    """The language of a notice answering `text`: the message's own when it is clearly English
    or Spanish (as the dialogue would switch to it), else the conversation's, else English."""
    own = message_language(text[:MAX_MESSAGE_CHARS])  # a huge message: its start is enough
    return own or notices.conversation_language(events) or notices.ENGLISH


class SeenMessages:
    """The MessageSids of the latest messages, to handle each once (bounded, oldest forgotten)."""

    def __init__(self, size: int = REMEMBERED_MESSAGES) -> None:
        self.size = size
        self._seen: "OrderedDict[str, None]" = OrderedDict()

    def first_time(self, message_sid: Optional[Text]) -> bool:
        """True the first time a MessageSid is seen (a message without one always counts)."""
        if not message_sid:
            return True
        if message_sid in self._seen:
            return False
        self._seen[message_sid] = None
        if len(self._seen) > self.size:
            self._seen.popitem(last=False)
        return True


class _Form(dict):
    """Form fields as {name: [values]}, with the getall() twilio's RequestValidator looks for."""

    def getall(self, name: Text) -> List[Text]:
        return list(self[name])

    def first(self, name: Text) -> Optional[Text]:
        values = self.get(name)
        return values[0] if values else None


def parse_form(body: bytes) -> _Form:
    """Form-encoded body, keeping blank values (Twilio signs them; Sanic's request.form drops
    them). Raises ValueError for a body that is not UTF-8 or has over MAX_FORM_FIELDS fields."""
    return _Form(parse_qs(body.decode("utf-8"), keep_blank_values=True,
                          max_num_fields=MAX_FORM_FIELDS))


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
        # The conversation's language as the turn began (set by SmsInput): the numbered choices
        # follow the language of the message they close, this when it says nothing.
        self.language: Optional[Text] = None

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
        language = message_language((text or "")[:MAX_MESSAGE_CHARS]) or self.language
        for body in sms_format.format_reply(text, buttons, language):
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
            sender_key=env.get(SENDER_KEY_VARIABLE) or None,
        )

    def __init__(self, account_sid: Optional[Text], auth_token: Optional[Text],
                 twilio_number: Optional[Text], webhook_url: Optional[Text] = None,
                 api_base: Optional[Text] = None, domain_path: Optional[Text] = None,
                 sender_key: Optional[Text] = None) -> None:
        super().__init__(account_sid, auth_token, twilio_number, debug_mode=False)
        configure_rasa()
        self.webhook_url = webhook_url
        self.api_base = api_base
        self.allowed_payloads = domain_payloads(Path(domain_path or "domain.yml"))
        self.http_client = TwilioHttpClient(timeout=SEND_SECONDS)
        self.sender_key = sender_key or ""
        missing = [name for name, value in (("TWILIO_ACCOUNT_SID", account_sid),
                                            ("TWILIO_AUTH_TOKEN", auth_token),
                                            ("TWILIO_NUMBER", twilio_number)) if not value]
        if len(self.sender_key) < MIN_SENDER_KEY_CHARS:
            missing.append(f"{SENDER_KEY_VARIABLE} (a secret of {MIN_SENDER_KEY_CHARS}+ characters)")
        self.not_configured = (
            f"{', '.join(missing)} not set: every SMS request is refused" if missing else None)
        self.seen = SeenMessages()
        self.senders = RateLimiter(SENDER_RATE)  # by conversation; Twilio's own address says nothing
        self.wait_notices = RateLimiter(Rate(burst=1, per_second=1 / 60))  # one "please wait" a minute
        # per conversation, the turn still being handled: the next one waits for it
        self.pending: Dict[Text, "asyncio.Task[None]"] = {}
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

        @webhook.listener("before_server_start")
        async def small_bodies(app: Any, _loop: Any) -> None:
            limit_request_bodies(app)

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
            if not self.seen.first_time(form.first("MessageSid")):
                logger.info("sms: a message delivered twice was handled once")
                return response.text(EMPTY_TWIML, content_type="text/xml")
            output = self.get_output_channel(phone.strip())
            sender = sender_id(phone, self.sender_key)
            if not self.senders.allow(sender):
                if self.wait_notices.allow(sender):  # one a minute: it may read the store
                    self._after_pending(sender, self._wait_notice(request, output, sender, body))
                return response.text(EMPTY_TWIML, content_type="text/xml")
            self._after_pending(sender, self._handle(request, on_new_message, output, sender,
                                                     body, form))
            return response.text(EMPTY_TWIML, content_type="text/xml")

        return webhook

    def _after_pending(self, sender: Text, turn: Awaitable[None]) -> None:
        """Run the turn once the conversation's previous one is done, without holding the
        webhook's answer: Twilio gets its 200 at once, and the replies follow in order."""
        previous = self.pending.get(sender)

        async def in_order() -> None:
            if previous is not None:
                await asyncio.gather(previous, return_exceptions=True)
            try:
                await turn
            except Exception:  # the log holds no text or number
                logger.exception("sms: a turn failed")

        task = asyncio.get_running_loop().create_task(in_order())
        self.pending[sender] = task

        def forget(done: "asyncio.Task[None]") -> None:
            if self.pending.get(sender) is done:
                del self.pending[sender]

        task.add_done_callback(forget)

    async def _handle(self, request: Request, on_new_message: Callable[[UserMessage], Awaitable[Any]],
                      output: SmsOutput, sender: Text, body: Text, form: _Form) -> None:
        kind = sms_format.keyword(body)
        if kind in (sms_format.OPT_OUT, sms_format.OPT_IN):
            logger.info("sms: opt-out or opt-in keyword left to Twilio")
            return
        if kind == sms_format.HELP:
            await output.send_sms(sms_format.HELP_TEXT)
            return
        if kind == sms_format.SPANISH_HELP:
            await output.send_sms(sms_format.HELP_TEXT_ES)
            return
        events = await self._events(request, sender)
        message_sid = form.first("MessageSid")
        if message_sid and any(e.get("event") == "user" and e.get("message_id") == message_sid
                               for e in events):  # delivered again, to another Rasa process
            logger.info("sms: a message delivered twice was handled once")
            return
        payload = sms_format.chosen_payload(body, sms_format.latest_buttons(events))
        output.language = notices.conversation_language(events)
        if payload is not None:  # the bot's own button: sent as it is, like a tap on the web
            text = payload
        else:
            language = notice_language(body, events)
            has_media = (form.first("NumMedia") or "0").strip() not in ("", "0")
            if not body.strip() and has_media:
                await output.send_text_message(sender,
                                               notices.in_language(NO_WORDS_REPLY, language))
                return
            verdict = check_message(body, self.allowed_payloads)
            if verdict.reply is not None:
                await output.send_text_message(sender,
                                               notices.in_language(verdict.reply, language))
                return
            text = verdict.text or ""
        message_id = message_sid or uuid.uuid4().hex  # Rasa makes one up too when there is none
        in_time, finished = True, False
        try:
            in_time = await finished_in_time(
                on_new_message(UserMessage(text, output, sender, input_channel=self.name(),
                                           message_id=message_id)))
            finished = in_time
        except Exception:  # the person still gets an answer; the log holds no text or number
            logger.exception("sms: the bot failed to handle a message")
        if output.attempted == 0 or not in_time:
            language = notice_language(text, events)
            if finished:
                after = await self._events(request, sender)
                if any(e.get("event") == "user" and e.get("message_id") == message_id
                       for e in after):  # the turn was saved (the action server is down, say):
                    # the dialogue's own reading of the language counts
                    language = notices.conversation_language(after) or notices.ENGLISH
            await output.send_text_message(sender, notices.in_language(NO_REPLY_TEXT, language))

    async def _wait_notice(self, request: Request, output: SmsOutput, sender: Text,
                           body: Text) -> None:
        """"Please wait", in the language of the message or the conversation."""
        language = notice_language(body, await self._events(request, sender))
        await output.send_text_message(sender, notices.in_language(WAIT_TEXT, language))

    @staticmethod
    async def _events(request: Request, sender: Text) -> List[Dict[str, Any]]:
        """The conversation's events so far, from the tracker store (none when unreadable)."""
        agent = getattr(request.app.ctx, "agent", None)
        store = getattr(agent, "tracker_store", None)
        if store is None:
            return []
        try:
            tracker = await store.retrieve(sender)
        except Exception:
            logger.exception("sms: could not read the conversation from the tracker store")
            return []
        return [event.as_dict() for event in tracker.events] if tracker is not None else []
