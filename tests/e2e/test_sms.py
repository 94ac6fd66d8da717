"""The SMS channel end to end: signed Twilio webhooks into the real servers, replies recorded by a
local stand-in for Twilio's REST API (POST /2010-04-01/Accounts/{sid}/Messages.json).

The webhook is answered at once and the replies follow: a turn's replies are those that arrive
until none has come for QUIET_SECONDS."""
from __future__ import annotations

import json
import random
import re
import sqlite3
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Dict, Iterator, List, Optional, Tuple

import pytest
from twilio.request_validator import RequestValidator

from bot.domain.contacts import PHONE_LINES, line
from bot.eligibility.questions import QUESTIONS
from bot.channels.message_guard import COMMAND_REPLY, NO_WORDS_REPLY
from bot.channels.sms import sender_id
from bot.channels.sms_format import HARD_LIMIT, HELP_TEXT, SOFT_LIMIT
from tests.e2e.servers import HOST, running_bot

pytestmark = pytest.mark.e2e

ACCOUNT_SID = "AC" + "0123456789abcdef" * 2
AUTH_TOKEN = "test-auth-token-for-e2e"
TWILIO_NUMBER = "+15005550006"
SENDER_KEY = "test-sender-key-" + "k" * 32
QUIET_SECONDS = 1.5  # no new SMS for this long: the turn's replies are all in
FIRST_REPLY_SECONDS = 40.0
MESSAGES_PATH = re.compile(r"^/2010-04-01/Accounts/(?P<sid>AC[0-9a-f]{32})/Messages\.json$")
MARKDOWN = re.compile(r"\*\*|__|`|\]\(|^#|^\* ", re.MULTILINE)


class TwilioStandIn:
    """A tiny HTTP server answering Twilio's "create message" call and recording each message."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.messages: List[Dict[str, str]] = []
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server naming)
                match = MESSAGES_PATH.match(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                fields = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode(),
                                                     keep_blank_values=True))
                if not match or match.group("sid") != ACCOUNT_SID:
                    return self._reply(404, {"code": 20404, "message": "not found", "status": 404})
                if self.headers.get("Authorization", "") != _basic_auth():
                    return self._reply(401, {"code": 20003, "message": "auth", "status": 401})
                with stand_in.lock:
                    stand_in.messages.append(fields)
                self._reply(201, _message_resource(fields))

            def _reply(self, status: int, payload: dict) -> None:
                body = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:  # keep the test output quiet
                pass

        self.server = ThreadingHTTPServer((HOST, 0), Handler)
        self.url = f"http://{HOST}:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "TwilioStandIn":
        self.thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.server.shutdown()
        self.server.server_close()

    def sent_to(self, phone: str) -> List[Dict[str, str]]:
        with self.lock:
            return [m for m in self.messages if m.get("To") == phone]


def _basic_auth() -> str:
    import base64
    return "Basic " + base64.b64encode(f"{ACCOUNT_SID}:{AUTH_TOKEN}".encode()).decode()


def _message_resource(fields: Dict[str, str]) -> dict:
    sid = "SM" + uuid.uuid4().hex
    now = formatdate(usegmt=True).replace("GMT", "+0000")
    return {
        "account_sid": ACCOUNT_SID, "api_version": "2010-04-01", "body": fields.get("Body", ""),
        "date_created": now, "date_sent": None, "date_updated": now, "direction": "outbound-api",
        "error_code": None, "error_message": None, "from": fields.get("From"),
        "messaging_service_sid": None, "num_media": "0", "num_segments": "1", "price": None,
        "price_unit": "USD", "sid": sid, "status": "queued", "subresource_uris": {},
        "to": fields.get("To"), "uri": f"/2010-04-01/Accounts/{ACCOUNT_SID}/Messages/{sid}.json",
    }


class Phone:
    """One person texting the assistant through Twilio (signed webhooks)."""

    def __init__(self, webhook: str, stand_in: TwilioStandIn) -> None:
        self.webhook = webhook
        self.stand_in = stand_in
        self.number = "+1555" + "".join(random.choice("0123456789") for _ in range(7))

    def post(self, fields: Dict[str, str], signature: Optional[str] = "sign",
             expect_reply: bool = True) -> Tuple[int, List[str]]:
        """POST fields to the webhook; the status and the texts sent back by SMS afterwards."""
        before = len(self.stand_in.sent_to(self.number))
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if signature == "sign":
            signature = RequestValidator(AUTH_TOKEN).compute_signature(self.webhook, fields)
        if signature is not None:
            headers["X-Twilio-Signature"] = signature
        request = urllib.request.Request(self.webhook, urllib.parse.urlencode(fields).encode(), headers)
        start = time.perf_counter()
        try:
            with urllib.request.urlopen(request, timeout=90) as reply:
                status = reply.status
        except urllib.error.HTTPError as error:
            status = error.code
        self.ack_seconds = time.perf_counter() - start
        sent = self._replies_after(before, expect_reply and status == 200)
        for message in sent:
            assert message["From"] == TWILIO_NUMBER
        return status, [m["Body"] for m in sent]

    def _replies_after(self, before: int, expect_reply: bool) -> List[Dict[str, str]]:
        """The SMS sent after the first `before`, once none has come for QUIET_SECONDS."""
        start = time.monotonic()
        count, changed = before, time.monotonic()
        while True:
            now = time.monotonic()
            current = len(self.stand_in.sent_to(self.number))
            if current != count:
                count, changed = current, now
            waited_enough = count > before or not expect_reply or now - start > FIRST_REPLY_SECONDS
            if waited_enough and now - changed >= QUIET_SECONDS:
                return self.stand_in.sent_to(self.number)[before:]
            time.sleep(0.05)

    def fields(self, body: Optional[str]) -> Dict[str, str]:
        fields = {"From": self.number, "To": TWILIO_NUMBER, "AccountSid": ACCOUNT_SID,
                  "MessageSid": "SM" + uuid.uuid4().hex, "NumMedia": "0"}
        if body is not None:
            fields["Body"] = body
        return fields

    def text(self, body: str, expect_reply: bool = True) -> List[str]:
        status, texts = self.post(self.fields(body), expect_reply=expect_reply)
        assert status == 200, status
        assert_fit_for_sms(texts)
        return texts


def assert_fit_for_sms(texts: List[str]) -> None:
    for text in texts:
        assert text.strip(), "an empty SMS was sent"
        assert len(text) <= HARD_LIMIT, len(text)
        # every reply of this bot can be cut into 320-character messages
        assert len(text) <= SOFT_LIMIT, (len(text), text)
        assert not MARKDOWN.search(text), text
        assert '"stop"' not in text.lower(), text  # by SMS, "stop" alone opts people out


@pytest.fixture(scope="module")
def sms(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Tuple[str, TwilioStandIn]]:
    log_dir = tmp_path_factory.mktemp("sms")
    with TwilioStandIn() as stand_in:
        env = {"TWILIO_ACCOUNT_SID": ACCOUNT_SID, "TWILIO_AUTH_TOKEN": AUTH_TOKEN,
               "TWILIO_NUMBER": TWILIO_NUMBER, "TWILIO_API_BASE": stand_in.url,
               "SMS_SENDER_KEY": SENDER_KEY}
        with running_bot(log_dir, name="sms", extra_env=env) as bot:
            webhook = bot.url.replace("/webhooks/rest/webhook", "/webhooks/twilio/webhook")
            yield webhook, stand_in, log_dir / "sms.db"


@pytest.fixture
def phone(sms: Tuple[str, TwilioStandIn, object]) -> Phone:
    return Phone(sms[0], sms[1])


def test_faq_question_by_sms(phone: Phone) -> None:
    texts = phone.text("is an imr free")
    reply = "\n".join(texts)
    assert "free" in reply.lower() and "Independent Medical Review" in reply
    assert any(phone_line.number in reply for phone_line in PHONE_LINES.values())


def test_past_imr_outcomes_by_sms_are_one_line_without_the_chart(phone: Phone) -> None:
    import csv
    from bot.imr.loader import SHIPPED_CSV
    rows = [r for r in csv.DictReader(SHIPPED_CSV.open(newline="", encoding="utf-8"))
            if r["Treatment Sub Category"] == "MRI"]
    won = sum(r["Determination"].startswith("Overturned") for r in rows)
    texts = phone.text("how often are MRI denials overturned?")
    assert len(texts) == 1 and "\n" not in texts[0] and len(texts[0]) <= 320, texts
    assert f"{won} of {len(rows)}" in texts[0] and f"({round(100 * won / len(rows))}%)" in texts[0]


def _choice(texts: List[str], title: str) -> str:
    """The number the last SMS offers for a button title ("Reply 1 for Yes, 2 for No")."""
    offer = texts[-1].rsplit("\nReply ", 1)[-1]
    offer = offer[len("Reply "):] if offer.startswith("Reply ") else offer
    parts = offer.split("; ") if ";" in offer else offer.split(", ")
    choices = dict(reversed(p.strip().split(" for ", 1)) for p in parts if " for " in p)
    assert title in choices, (title, texts[-1])
    return choices[title]


def test_eligibility_check_by_sms_with_numbers_and_words(phone: Phone) -> None:
    texts = phone.text("check my case")
    transcript = list(texts)
    answers = {  # question -> (by number: the button title) or (in words: the text)
        "coverage": ("number", "Kaiser or another HMO"),
        "problem": ("number", "Not medically necessary"),
        "urgent": ("words", "no"),
        "filed_grievance": ("words", "yes, I did"),
        "plan_answered": ("number", "Yes"),
        "decision_date": ("words", "two weeks ago"),
        "grievance_date": ("words", "about a month ago"),
        "serious_condition": ("number", "No"),
        "state_hearing": ("number", "No"),
    }
    for _ in range(15):
        said = "\n".join(texts)
        if "Phone numbers:" in said:
            break
        if "Here is what I understood" in said:
            reply = _choice(texts, "Yes, that's right")
        else:
            slot = next((s for s, q in QUESTIONS.items() if q.text in said), None)
            assert slot is not None, transcript
            how, value = answers[slot]
            reply = _choice(texts, value) if how == "number" else value
        texts = phone.text(reply)
        assert texts, (reply, transcript)
        transcript += [f"> {reply}"] + texts
    else:
        pytest.fail("no result after 15 answers:\n" + "\n".join(transcript))
    result = "\n".join(texts)
    assert line("help_center") in result, transcript
    assert "Reply 1 for" in "\n".join(transcript)  # the questions came as numbered choices
    # Twilio waits at most 15 s for its webhook: the result (several SMS) came after the answer
    print(f"webhook answered in {phone.ack_seconds * 1000:.0f} ms; the result is {len(texts)} SMS")
    assert phone.ack_seconds < 2.0, phone.ack_seconds
    assert len(texts) >= 3, texts


def test_a_message_twilio_delivers_twice_is_answered_once(phone: Phone) -> None:
    fields = phone.fields("is an imr free")
    status, first = phone.post(fields)
    assert status == 200 and first
    assert phone.post(fields, expect_reply=False) == (200, [])
    assert phone.text("thanks"), "the conversation goes on"


def test_messages_sent_quickly_are_answered_in_order(phone: Phone) -> None:
    """A question, then HELP at once: the webhook answers each at once, and HELP's quick reply
    waits for the question's slower answer, as the person sent them."""
    before = len(phone.stand_in.sent_to(phone.number))
    for body in ("is an imr free", "HELP"):
        fields = phone.fields(body)
        signature = RequestValidator(AUTH_TOKEN).compute_signature(phone.webhook, fields)
        request = urllib.request.Request(phone.webhook, urllib.parse.urlencode(fields).encode(),
                                         {"Content-Type": "application/x-www-form-urlencoded",
                                          "X-Twilio-Signature": signature})
        with urllib.request.urlopen(request, timeout=10) as reply:
            assert reply.status == 200
    texts = [m["Body"] for m in phone._replies_after(before, True)]
    assert texts[-1] == HELP_TEXT and len(texts) >= 2, texts
    assert "free" in " ".join(texts[:-1]).lower(), texts


def test_spanish_punctuation_is_kept_as_typed(phone: Phone, sms) -> None:
    phone.text("¡Necesito ayuda!")
    with sqlite3.connect(sms[2]) as db:
        rows = db.execute("select data from events where sender_id = ? and type_name = 'user'",
                          (sender_id(phone.number, SENDER_KEY),)).fetchall()
    assert [json.loads(data)["text"] for (data,) in rows] == ["¡Necesito ayuda!"]


def test_help_gets_one_sms(phone: Phone) -> None:
    assert phone.text("HELP") == [HELP_TEXT]
    assert phone.text("info") == [HELP_TEXT]


def test_stop_and_start_are_left_to_twilio(phone: Phone) -> None:
    assert phone.text("hello")  # a conversation is going on
    for word in ("STOP", "stop", "Unsubscribe", "START", "cancel", "quit", "end"):
        assert phone.text(word, expect_reply=False) == [], word


def test_emoji_and_commands_get_the_guard_replies_by_sms(phone: Phone) -> None:
    assert phone.text("😭😭") == [NO_WORDS_REPLY]
    assert phone.text('/inform{"coverage": "medicare"}') == [COMMAND_REPLY]


def test_forged_signature_is_refused(phone: Phone) -> None:
    fields = phone.fields("is an imr free")
    forged = RequestValidator("not-the-token").compute_signature(phone.webhook, fields)
    assert phone.post(fields, signature=forged) == (403, [])
    # a real signature for other fields does not carry over
    signature = RequestValidator(AUTH_TOKEN).compute_signature(phone.webhook, phone.fields("hi"))
    assert phone.post(fields, signature=signature) == (403, [])


def test_unsigned_request_is_refused(phone: Phone) -> None:
    assert phone.post(phone.fields("is an imr free"), signature=None) == (403, [])


def test_missing_body_or_from_is_400(phone: Phone) -> None:
    assert phone.post(phone.fields(None)) == (400, [])
    fields = phone.fields("hello")
    del fields["From"]
    assert phone.post(fields)[0] == 400
