"""A hung or slow action server: the person still gets the Help Center number within the turn
limit (bot/channels/limits.py), and the next message of the same conversation works.

The real Rasa server, with its action endpoint pointed at a stand-in that never answers (or
answers after 20 s): only the action server is faked, as a part that misbehaves.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Iterator

import pytest

from bot.channels.limits import TURN_SECONDS
from bot.domain.contacts import line
from tests.e2e.servers import Bot, free_port, running_bot

# Reply time allowed past the turn limit: the HTTP round trip and the channel's own work.
MARGIN_SECONDS = 3.0


class StandIn:
    """An action server that waits `delay` seconds, then answers with no events."""

    def __init__(self) -> None:
        self.delay = 3600.0
        self.calls = 0
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (http.server's name)
                stand_in.calls += 1
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                time.sleep(stand_in.delay)
                body = json.dumps({"events": [], "responses": []}).encode()
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # Rasa gave up and closed the connection
                    pass

            def log_message(self, *args: object) -> None:
                pass

        self.port = free_port()
        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture(scope="module")
def stand_in() -> Iterator[StandIn]:
    server = StandIn()
    yield server
    server.server.shutdown()


@pytest.fixture(scope="module")
def bot(tmp_path_factory, stand_in: StandIn) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("slow"), with_actions=False, name="slow",
                     action_port=stand_in.port) as running:
        yield running


def timed_say(bot: Bot, sender: str, text: str) -> "tuple[str, float]":
    start = time.perf_counter()
    reply = bot.say(sender, text)
    return reply, time.perf_counter() - start


@pytest.mark.parametrize("delay", [3600.0, 20.0], ids=["hangs", "answers after 20 s"])
def test_the_number_within_the_turn_limit_then_the_next_turn_works(bot, stand_in, delay):
    stand_in.delay = delay
    sender = f"slow-{uuid.uuid4().hex}"
    calls = stand_in.calls
    reply, seconds = timed_say(bot, sender, "Kaiser denied my MRI")
    print(f"action server {'hung' if delay > 60 else f'answering after {delay:.0f} s'}: "
          f"reply in {seconds:.1f} s")
    assert stand_in.calls > calls, "the turn did call the action server"
    assert seconds <= TURN_SECONDS + MARGIN_SECONDS, f"{seconds:.1f} s"
    assert line("help_center") in reply, reply
    # the same conversation goes on: a message that needs no custom action gets its own answer
    reply, seconds = timed_say(bot, sender, "hi")
    assert seconds <= TURN_SECONDS + MARGIN_SECONDS, f"{seconds:.1f} s"
    assert "automated assistant" in reply, reply
