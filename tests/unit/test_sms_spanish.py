"""The SMS channel in Spanish (bot/channels/sms.py, sms_format.py): AYUDA, and the channel's own
notices in the conversation's language.

The channel runs for real: its blueprint in a Sanic server on a free port, signed webhooks posted
to it, Rasa's Agent with the project's domain and an in-memory tracker store (no model is loaded,
so the bot answers nothing: the "can't answer right now" case). Only Twilio's REST API is faked,
as the http client the twilio library sends through.
"""
from __future__ import annotations

import asyncio
import itertools
import json
import re
import socket
import uuid
from contextlib import asynccontextmanager
from email.utils import formatdate
from pathlib import Path
from typing import AsyncIterator, Dict, List, Optional, Set

import aiohttp
import pytest
from rasa.core.agent import Agent
from rasa.core.tracker_store import InMemoryTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import (ActionExecuted, Restarted, SessionStarted, SlotSet,
                                     UserUttered)
from rasa.shared.core.trackers import DialogueStateTracker
from sanic import Sanic
from twilio.http.response import Response
from twilio.request_validator import RequestValidator

from bot.channels import notices, sms_format
from bot.channels.message_guard import COMMAND_REPLY, GUARD_REPLIES, NO_WORDS_REPLY
from bot.channels.rate_limit import Rate, RateLimiter
from bot.channels.rest import NO_REPLY_TEXT, WAIT_TEXT
from bot.channels.sms import SmsInput, sender_id
from bot.domain import contacts

ROOT = Path(__file__).resolve().parents[2]
ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "test-auth-token-for-sms-spanish"
TWILIO_NUMBER = "+15005550006"
SENDER_KEY = "test-sender-key-" + "k" * 32
SPANISH_QUESTION = "¿Qué es una revisión médica independiente?"
# The GSM-7 basic alphabet: a message with any other character is sent as UCS-2 (70 a segment).
GSM7 = set("@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNO"
           "PQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà")
PHONE = re.compile(r"(?:1-)?\d{3}-\d{3}-\d{4}|\b(?:988|911)\b")
SPANISH_NOTICES = {
    NO_REPLY_TEXT: notices.NO_REPLY_TEXT_ES, WAIT_TEXT: notices.WAIT_TEXT_ES,
    **{english: notices.in_language(english, "es") for english in GUARD_REPLIES},
}
_APPS = itertools.count()


# ---- the texts ----

@pytest.mark.parametrize("text", ["AYUDA", "ayuda", "Ayuda", "AYUDA.", " ayuda! ", "¡Ayuda!"])
def test_ayuda_is_the_spanish_help_keyword(text):
    assert sms_format.keyword(text) == sms_format.SPANISH_HELP


@pytest.mark.parametrize("text", ["ayuda por favor", "necesito ayuda", "ayudame", "AYUDA 2"])
def test_longer_spanish_messages_are_dialogue(text):
    assert sms_format.keyword(text) is None


def test_twilios_keywords_are_unchanged():
    assert sms_format.keyword("HELP") == sms_format.HELP
    for word in ("STOP", "Stop.", "CANCEL", "UNSUBSCRIBE"):
        assert sms_format.keyword(word) == sms_format.OPT_OUT
    assert sms_format.keyword("START") == sms_format.OPT_IN
    # Twilio defines no Spanish opt-out words: "PARAR" or "BAJA" would not stop Twilio's
    # messages, so the assistant must not swallow them either; they go to the dialogue.
    for word in ("PARAR", "BAJA", "ALTO"):
        assert sms_format.keyword(word) is None


def test_the_spanish_help_text_fits_one_sms_segment_like_the_english_one():
    text = sms_format.HELP_TEXT_ES
    assert text.startswith("Asistente del Centro de Ayuda del DMHC")
    assert contacts.line("help_center") in text
    assert "Responda STOP" in text  # the word Twilio acts on
    assert len(text) <= 160 and set(text) <= GSM7, sorted(set(text) - GSM7)
    assert sms_format.format_reply(text) == [text]
    assert numbers(text) == numbers(sms_format.HELP_TEXT)


@pytest.mark.parametrize("english", list(SPANISH_NOTICES), ids=lambda text: text[:30])
def test_every_notice_has_a_spanish_version_with_the_same_numbers(english):
    spanish = notices.in_language(english, "es")
    assert spanish != english
    assert numbers(spanish) == numbers(english)
    for number in PHONE.findall(spanish):
        assert contacts.normalize_phone(number) in contacts.known_phone_digits()
    # "usted" ("llame", "escriba", "dígame"), never "tú"
    assert not re.search(r"\b(llama|escribe|dime|espera|envía|tu|tienes)\b", spanish), spanish
    assert all(len(part) <= sms_format.SOFT_LIMIT for part in sms_format.format_reply(spanish))
    assert len(sms_format.format_reply(spanish)) <= len(sms_format.format_reply(english)) + 1
    assert notices.in_language(english, "en") == english
    assert notices.in_language(english, None) == english


def test_other_texts_are_left_as_they_are():
    assert notices.in_language("Some bot answer", "es") == "Some bot answer"


def test_the_conversation_language_is_the_latest_language_slot_of_the_session():
    def slot(value):
        return {"event": "slot", "name": "language", "value": value}

    assert notices.conversation_language([]) is None
    assert notices.conversation_language([slot("es")]) == "es"
    assert notices.conversation_language([slot("es"), {"event": "user"}, slot("en")]) == "en"
    assert notices.conversation_language([{"event": "slot", "name": "coverage",
                                              "value": "es"}]) is None
    for reset in ("restart", "reset_slots", "session_started"):
        assert notices.conversation_language([slot("es"), {"event": reset}]) is None
    assert notices.conversation_language([slot("fr")]) is None


def test_numbered_choices_follow_the_language_of_the_message_they_close():
    buttons = [{"title": "Sí", "payload": "/affirm"}, {"title": "No", "payload": "/deny"},
               {"title": "No estoy seguro", "payload": "/unsure"}]
    assert sms_format.format_reply("¿Es urgente?", buttons, "es") == [
        "¿Es urgente?\nResponda 1 para Sí, 2 para No, 3 para No estoy seguro"]
    assert sms_format.format_reply("Is it urgent?", buttons[:2]) == [
        "Is it urgent?\nReply 1 for Sí, 2 for No"]
    assert sms_format.numbered_choices(["Sí, claro", "No"], "es") == \
        "Responda 1 para Sí, claro; 2 para No"
    assert sms_format.chosen_payload("2", buttons) == "/deny"  # the answer is a number either way


def test_every_spanish_response_with_buttons_still_fits_its_sms():
    import yaml

    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    checked = 0
    for variations in domain["responses"].values():
        for variation in variations:
            spanish = any(c.get("name") == "language" and c.get("value") == "es"
                          for c in variation.get("condition") or [])
            if spanish and variation.get("buttons"):
                checked += 1
                english_parts = sms_format.format_reply(variation["text"], variation["buttons"])
                parts = sms_format.format_reply(variation["text"], variation["buttons"], "es")
                assert len(parts) == len(english_parts), variation["text"]
                assert all(len(part) <= sms_format.SOFT_LIMIT for part in parts)
    assert checked >= 3


def numbers(text: str) -> Set[str]:
    return {contacts.normalize_phone(n) for n in PHONE.findall(text)}


# ---- the channel, with only Twilio's API faked ----

class FakeTwilioApi:
    """Stands in for twilio's HTTP client: records each message the channel creates."""

    def __init__(self) -> None:
        self.bodies: List[Dict[str, str]] = []

    def request(self, method: str, url: str, params=None, data=None, headers=None, auth=None,
                timeout=None, allow_redirects=False) -> Response:
        assert method.upper() == "POST" and url.endswith(f"/Accounts/{ACCOUNT_SID}/Messages.json")
        assert auth == (ACCOUNT_SID, AUTH_TOKEN)
        fields = {key: str(value) for key, value in (data or {}).items()}
        self.bodies.append(fields)
        now = formatdate(usegmt=True).replace("GMT", "+0000")
        sid = "SM" + uuid.uuid4().hex
        return Response(201, json.dumps({
            "sid": sid, "account_sid": ACCOUNT_SID, "body": fields.get("Body"),
            "to": fields.get("To"), "from": fields.get("From"), "status": "queued",
            "date_created": now, "date_updated": now, "date_sent": None, "num_segments": "1",
            "num_media": "0", "direction": "outbound-api", "api_version": "2010-04-01",
            "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}.json"}))

    def sent_to(self, phone: str) -> List[str]:
        return [m["Body"] for m in self.bodies if m.get("To") == phone]


class Webhook:
    """The SMS channel served by Sanic, with Rasa's Agent (no model) and its tracker store."""

    def __init__(self, url: str, channel: SmsInput, agent: Agent, twilio: FakeTwilioApi) -> None:
        self.url = url
        self.channel = channel
        self.agent = agent
        self.twilio = twilio
        self.phones = itertools.count(1000001)

    def new_phone(self) -> str:
        return f"+1555{next(self.phones)}"

    async def in_spanish(self, phone: str, events: Optional[list] = None) -> None:
        """A conversation that went on in Spanish so far."""
        domain = self.agent.domain
        tracker = DialogueStateTracker.from_events(
            sender_id(phone, SENDER_KEY),
            [ActionExecuted("action_listen"), UserUttered("hola"), SlotSet("language", "es"),
             *(events or [])],
            slots=domain.slots)
        await self.agent.tracker_store.save(tracker)

    async def text(self, phone: str, body: str, media: int = 0) -> List[str]:
        """Post one signed message from `phone`; the SMS the channel sent back because of it."""
        before = len(self.twilio.sent_to(phone))
        fields = {"From": phone, "To": TWILIO_NUMBER, "Body": body, "NumMedia": str(media),
                  "MessageSid": "SM" + uuid.uuid4().hex, "AccountSid": ACCOUNT_SID}
        signature = RequestValidator(AUTH_TOKEN).compute_signature(self.url, fields)
        async with aiohttp.ClientSession() as session:
            async with session.post(self.url, data=fields,
                                    headers={"X-Twilio-Signature": signature}) as reply:
                assert reply.status == 200, await reply.text()
        while self.channel.pending:  # the replies are sent after the webhook's answer
            await asyncio.gather(*list(self.channel.pending.values()), return_exceptions=True)
        return self.twilio.sent_to(phone)[before:]


@pytest.mark.asyncio
async def test_the_bots_buttons_are_offered_in_the_language_of_its_message():
    from bot.channels.sms import SmsOutput

    twilio = FakeTwilioApi()
    output = SmsOutput(ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER, "+15550000001", http_client=twilio)
    buttons = [{"title": "English", "payload": '/choose_language{"language": "en"}'}]
    await output.send_text_with_buttons("sms:x", "Muy bien, seguimos en español. ¿En qué le "
                                        "puedo ayudar?", buttons)
    await output.send_text_with_buttons("sms:x", "OK, let's continue in English. What happened?",
                                        [{"title": "Español", "payload": "/x"}])
    output.language = "es"  # a message that says nothing: the conversation's language counts
    await output.send_text_with_buttons("sms:x", "OK", buttons)
    assert twilio.sent_to("+15550000001") == [
        "Muy bien, seguimos en español. ¿En qué le puedo ayudar?\nResponda 1 para English",
        "OK, let's continue in English. What happened?\nReply 1 for Español",
        "OK\nResponda 1 para English"]


@asynccontextmanager
async def serving() -> AsyncIterator[Webhook]:
    domain = Domain.load(str(ROOT / "domain.yml"))
    agent = Agent(domain=domain, tracker_store=InMemoryTrackerStore(domain))
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/webhooks/twilio/webhook"
    channel = SmsInput(ACCOUNT_SID, AUTH_TOKEN, TWILIO_NUMBER, webhook_url=url,
                       domain_path=str(ROOT / "domain.yml"), sender_key=SENDER_KEY)
    twilio = FakeTwilioApi()
    channel.http_client = twilio
    app = Sanic(f"sms_spanish_test_{next(_APPS)}")
    app.ctx.agent = agent
    app.blueprint(channel.blueprint(agent.handle_message), url_prefix="/webhooks/twilio")
    # As sanic-testing does: Sanic then rewrites its request handler from the original each
    # time a server starts, so several servers can start in one process.
    test_mode, Sanic.test_mode = Sanic.test_mode, True
    try:
        server = await app.create_server(sock=listener, return_asyncio_server=True,
                                         access_log=False)
        await server.startup()
        await server.before_start()
        await server.start_serving()
        try:
            yield Webhook(url, channel, agent, twilio)
        finally:
            await server.before_stop()
            await server.close()
            await server.after_stop()
    finally:
        Sanic.test_mode = test_mode
        listener.close()


@pytest.mark.asyncio
async def test_ayuda_gets_the_spanish_help_text_and_help_the_english_one():
    async with serving() as webhook:
        phone = webhook.new_phone()
        for body in ("AYUDA", "ayuda", "AYUDA.", "¡ayuda!"):
            assert await webhook.text(phone, body) == [sms_format.HELP_TEXT_ES]
        assert await webhook.text(phone, "HELP") == [sms_format.HELP_TEXT]
        await webhook.in_spanish(phone)  # HELP stays English in a Spanish conversation too
        assert await webhook.text(phone, "help") == [sms_format.HELP_TEXT]
        assert await webhook.text(phone, "INFO") == [sms_format.HELP_TEXT]
        # Keywords never reach the dialogue.
        tracker = await webhook.agent.tracker_store.retrieve(sender_id(phone, SENDER_KEY))
        assert [e.text for e in tracker.events if isinstance(e, UserUttered)] == ["hola"]


@pytest.mark.asyncio
async def test_opt_out_keywords_stay_with_twilio_in_a_spanish_conversation():
    async with serving() as webhook:
        phone = webhook.new_phone()
        await webhook.in_spanish(phone)
        for body in ("STOP", "stop", "CANCEL", "START"):
            assert await webhook.text(phone, body) == []


@pytest.mark.asyncio
async def test_notices_follow_a_spanish_conversation():
    async with serving() as webhook:
        phone = webhook.new_phone()
        await webhook.in_spanish(phone)
        assert await webhook.text(phone, "", media=1) == [
            notices.in_language(NO_WORDS_REPLY, "es")]
        assert await webhook.text(phone, '/inform{"coverage": "hmo"}') == [
            notices.COMMAND_REPLY_ES]
        # "ok" says nothing about its language: the conversation's counts. No model is loaded,
        # so the bot says nothing and the channel gives the Help Center number, in Spanish.
        assert await webhook.text(phone, "ok") == [notices.NO_REPLY_TEXT_ES]
        # A clearly English message gets English notices, as the dialogue would switch.
        assert await webhook.text(phone, "is an independent medical review free") == [
            NO_REPLY_TEXT]


@pytest.mark.asyncio
async def test_notices_in_an_english_conversation_follow_a_clearly_spanish_message():
    async with serving() as webhook:
        phone = webhook.new_phone()
        assert await webhook.text(phone, SPANISH_QUESTION) == [notices.NO_REPLY_TEXT_ES]
        assert await webhook.text(phone, "ok") == [NO_REPLY_TEXT]
        assert await webhook.text(phone, '/inform{"coverage": "hmo"}') == [COMMAND_REPLY]
        long_spanish = "Mi plan de salud negó mi cirugía y no sé qué hacer. " * 50
        assert await webhook.text(phone, long_spanish) == sms_format.format_reply(
            notices.TOO_LONG_REPLY_ES)


@pytest.mark.asyncio
async def test_a_new_session_or_a_restart_is_english_again():
    async with serving() as webhook:
        for reset in (SessionStarted(), Restarted()):
            phone = webhook.new_phone()
            await webhook.in_spanish(phone, [reset])
            assert await webhook.text(phone, "ok") == [NO_REPLY_TEXT]


@pytest.mark.asyncio
async def test_please_wait_is_in_spanish_for_a_spanish_conversation():
    async with serving() as webhook:
        webhook.channel.senders = RateLimiter(Rate(burst=1, per_second=1e-6))
        spanish, english = webhook.new_phone(), webhook.new_phone()
        await webhook.in_spanish(spanish)
        assert await webhook.text(spanish, "ok") == [notices.NO_REPLY_TEXT_ES]
        assert await webhook.text(spanish, "ok") == [notices.WAIT_TEXT_ES]
        assert await webhook.text(spanish, "ok") == []  # one notice a minute
        assert await webhook.text(english, "ok") == [NO_REPLY_TEXT]
        assert await webhook.text(english, "ok") == [WAIT_TEXT]
