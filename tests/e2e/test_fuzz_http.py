"""A fuzzer over every HTTP endpoint the servers open, only on 127.0.0.1: random methods, paths,
headers, content types, encodings and bodies (JSON-ish, form-ish, binary, huge). Bounded in count
and time. Every answer must be below 500, and afterwards each server still answers a real
request. The counts are printed (pytest -s).
"""
from __future__ import annotations

import json
import random
import time
import urllib.error
import urllib.request
from collections import Counter
from typing import Dict, Iterator, List, Optional, Tuple

import pytest

from bot.run.launcher import HOST, Settings, start_web_app, stop, wait_until_ready
from tests.e2e.servers import Bot, free_port, running_bot

REQUESTS_PER_ENDPOINT = 100
TIME_BUDGET_SECONDS = 120.0
RATE_LIMIT_REFILL_SECONDS = 5.0  # the per-address bucket refills (bot/channels/limits.py)


@pytest.fixture(scope="module")
def servers(tmp_path_factory) -> Iterator[Tuple[Bot, str]]:
    log_dir = tmp_path_factory.mktemp("fuzz")
    env = {"TWILIO_ACCOUNT_SID": "AC" + "0" * 32, "TWILIO_AUTH_TOKEN": "fuzz-token",
           "TWILIO_NUMBER": "+15005550006", "SMS_SENDER_KEY": "fuzz-key-" + "k" * 32}
    with running_bot(log_dir, name="fuzz", extra_env=env) as bot:
        web = Settings(web_port=free_port(), extra_env={"RASA_URL": bot.url.split("/webhooks")[0]})
        page = start_web_app(web, log_dir / "web.log")
        try:
            wait_until_ready(f"http://{HOST}:{web.web_port}/", page)
            yield bot, f"http://{HOST}:{web.web_port}"
        finally:
            stop([page])


def endpoints(bot: Bot, web: str) -> Dict[str, str]:
    rasa = bot.url.split("/webhooks")[0]
    return {
        "rest": f"{rasa}/webhooks/rest/webhook",
        "sms": f"{rasa}/webhooks/twilio/webhook",
        "socket.io": f"{rasa}/socket.io/?EIO=4&transport=polling",
        "rasa other paths": rasa,
        "action server": f"{bot.action_url}/webhook",
        "web page": web,
    }


def random_body(rng: random.Random) -> bytes:
    kind = rng.randrange(8)
    if kind == 0:
        return b""
    if kind == 1:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 2000)))
    if kind == 2:  # JSON with odd types
        value = rng.choice([None, 5, -1.5e308, "x", [], {}, [1, {"a": None}], True, "\u0000"])
        return json.dumps({"sender": value, "message": rng.choice([value, "hi", "😀" * 50])}).encode()
    if kind == 3:  # form fields, some repeated, some huge
        fields = [f"{rng.choice(['From', 'Body', 'MessageSid', 'x', ''])}="
                  f"{rng.choice(['', '+1555', '%FF%FE', 'a' * rng.randrange(5000)])}"
                  for _ in range(rng.randrange(1, 300))]
        return "&".join(fields).encode()
    if kind == 4:  # over the size limit
        return b"{" + b'"a":"' + b"x" * 40_000 + b'"}'
    if kind == 5:  # socket.io/engine.io-looking packets
        return rng.choice([b"40", b"42[\"user_uttered\",{}]", b"4" + bytes([rng.randrange(256)]) * 30,
                           b"2probe", b"1"])
    if kind == 6:  # text in other encodings
        return "¿Dónde está mi médico? ¡Ayuda!".encode(rng.choice(["utf-16", "latin-1", "utf-8"]))
    return json.dumps({"sender": f"fuzz-{rng.randrange(10)}",
                       "message": "<script>x</script>" * rng.randrange(1, 200)}).encode()


def random_request(rng: random.Random, url: str) -> urllib.request.Request:
    path = rng.choice(["", "", "/", "/../../etc/passwd", "/%00", "?a=" + "b" * 3000,
                       "/webhooks/rest/webhook", "/socket.io/?EIO=3&transport=websocket",
                       "/static/../../README.md", "/health"])
    method = rng.choice(["GET", "POST", "POST", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "HEAD"])
    headers = {"Content-Type": rng.choice(["application/json", "application/x-www-form-urlencoded",
                                            "text/plain; charset=utf-16", "multipart/form-data",
                                            "application/json; charset=latin-1", "", "*/*"])}
    if rng.random() < 0.3:
        headers["X-Twilio-Signature"] = rng.choice(["", "abc", "=" * 100])
    if rng.random() < 0.3:
        headers["X-Forwarded-For"] = rng.choice(["1.2.3.4", "not an address", "::1, 10.0.0.1"])
    if rng.random() < 0.2:
        headers["X-Action-Secret"] = "guess"
    body = random_body(rng) if method not in ("GET", "HEAD", "OPTIONS") else None
    return urllib.request.Request(url + path, data=body, headers=headers, method=method)


def status_of(request: urllib.request.Request) -> int:
    try:
        with urllib.request.urlopen(request, timeout=30) as reply:
            return reply.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
        pytest.fail(f"{request.get_method()} {request.full_url[:80]}: no answer ({error})")
        raise


def test_random_requests_never_get_a_5xx_and_every_server_still_answers(servers):
    bot, web = servers
    rng = random.Random(2219)
    tried: Counter = Counter()
    statuses: Dict[str, Counter] = {}
    server_errors: List[str] = []
    deadline = time.monotonic() + TIME_BUDGET_SECONDS
    for name, url in endpoints(bot, web).items():
        statuses[name] = Counter()
        for _ in range(REQUESTS_PER_ENDPOINT):
            if time.monotonic() > deadline:
                break
            request = random_request(rng, url)
            status = status_of(request)
            tried[name] += 1
            statuses[name][status] += 1
            if status >= 500:
                server_errors.append(f"{status} {request.get_method()} {request.full_url[:100]}")
    for name in statuses:
        print(f"fuzz {name}: {tried[name]} requests, by status {dict(sorted(statuses[name].items()))}")
    print(f"fuzz total: {sum(tried.values())} requests, {len(server_errors)} answered 5xx")
    assert not server_errors, server_errors[:10]
    assert sum(tried.values()) >= len(statuses) * 50, "the time budget cut the fuzzing short"
    time.sleep(RATE_LIMIT_REFILL_SECONDS)
    assert "Independent Medical Review" in bot.say("fuzz-after", "is an imr free")
    assert status_of(urllib.request.Request(web + "/")) == 200
    assert status_of(urllib.request.Request(bot.action_url + "/health")) == 200
