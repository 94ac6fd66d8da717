"""`make loadtest`: many conversations at once through nginx against `make run-scaled`, then an
audit of what PostgreSQL stored.

Half the conversations use REST, half socket.io (polling, through the sticky upstream). Prints
errors, reply time percentiles and messages/s, then checks every conversation in the store: its
user messages exactly as sent, in order, each followed by a bot reply, none duplicated.
`--kill-port P` SIGKILLs the Rasa process on port P (its pid file in the run directory) after a
third of the turns: its conversations must go on through the others.

Usage: python -m bot.run.loadtest [--conversations 200] [--turns 10] [--concurrency 50]
       [--kill-port 5005]   (PUBLIC_PORT, DATABASE_URL, SCALED_RUN_DIR as for make run-scaled)
"""
from __future__ import annotations

import argparse
import json
import os
import signal
import statistics
import sys
import threading
import time
import urllib.error
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import sqlalchemy as sa

from bot.channels.widget_sessions import CONVERSATION_PREFIX as WIDGET_PREFIX
from bot.run.scaled import ScaledSettings

# Turns a person might send; none starts a long check, so every turn gets its reply at once.
TURNS = ("hi", "what is an IMR", "how long does an IMR take", "does it cost anything",
         "what are the help center hours", "thanks", "how do i file a complaint",
         "is there a TDD number", "what documents do I need", "ok bye")
REPLY_TIMEOUT = 60.0


@dataclass
class Tally:
    """What happened, shared by the worker threads."""

    latencies: List[float] = field(default_factory=list)
    errors: Dict[str, int] = field(default_factory=dict)
    sent: Dict[str, List[str]] = field(default_factory=dict)
    answered: Dict[str, List[str]] = field(default_factory=dict)
    # a socket.io conversation is stored under the id the server issued: label -> that id
    stored_as: Dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def by_stored_id(self, texts: Dict[str, List[str]]) -> Dict[str, List[str]]:
        return {self.stored_as.get(label, label): value for label, value in texts.items()}

    def ok(self, seconds: float, sender: str, text: str) -> None:
        with self.lock:
            self.latencies.append(seconds)
            self.answered.setdefault(sender, []).append(text)

    def error(self, kind: str) -> None:
        with self.lock:
            self.errors[kind] = self.errors.get(kind, 0) + 1


def texts_for(conversation: int, turns: int) -> List[str]:
    return [f"{TURNS[(conversation + t) % len(TURNS)]}" for t in range(turns)]


def rest_conversation(url: str, sender: str, texts: Sequence[str], tally: Tally,
                      reply_timeout: float = REPLY_TIMEOUT) -> None:
    for text in texts:
        start = time.perf_counter()
        request = urllib.request.Request(f"{url}/webhooks/rest/webhook",
                                         json.dumps({"sender": sender, "message": text}).encode(),
                                         {"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=reply_timeout) as reply:
                if json.loads(reply.read()):
                    tally.ok(time.perf_counter() - start, sender, text)
                else:
                    tally.error("rest: empty reply")
        except urllib.error.HTTPError as e:
            tally.error(f"rest: HTTP {e.code}")
        except Exception as e:  # timeouts, resets: counted, the conversation goes on
            tally.error(f"rest: {type(e).__name__}")


def socketio_conversation(url: str, sender: str, texts: Sequence[str], tally: Tally,
                          reply_timeout: float = REPLY_TIMEOUT) -> None:
    import socketio

    client = socketio.Client(reconnection=False)
    replied = threading.Event()
    client.on("bot_uttered", lambda data: replied.set())
    confirmed = threading.Event()
    issued: List[str] = []

    def on_confirm(session_id: str) -> None:
        issued.append(session_id)
        confirmed.set()

    client.on("session_confirm", on_confirm)
    try:
        client.connect(url, transports=["polling"], socketio_path="/socket.io",
                       wait_timeout=reply_timeout)
        client.emit("session_request", {})  # the server issues a signed id
        if not confirmed.wait(reply_timeout):
            tally.error("socket.io: no session")
            return
        session_id = issued[0]
        with tally.lock:  # stored as "web:" + the id's random part (bot/channels/widget_sessions.py)
            tally.stored_as[sender] = WIDGET_PREFIX + session_id.split(".")[0]
        for text in texts:
            replied.clear()
            start = time.perf_counter()
            client.emit("user_uttered", {"message": text, "session_id": session_id})
            if replied.wait(reply_timeout):
                tally.ok(time.perf_counter() - start, sender, text)
                time.sleep(0.05)  # the rest of a multi-message reply
            else:
                tally.error("socket.io: no reply")
    except Exception as e:
        tally.error(f"socket.io: {type(e).__name__}")
    finally:
        try:
            client.disconnect()
        except Exception:
            pass


def audit(database_url: str, sent: Dict[str, List[str]],
          answered: Dict[str, List[str]]) -> Dict[str, int]:
    """What the store holds against what was sent: answered messages missing (lost), messages
    stored twice, conversations out of the order sent, user messages with no bot reply after."""
    engine = sa.create_engine(database_url)
    found = {"answered messages lost": 0, "messages stored twice": 0,
             "conversations out of order": 0, "user messages without a reply": 0,
             "user messages stored": 0}
    try:
        with engine.connect() as connection:
            for sender, texts in sent.items():
                rows = connection.execute(sa.text(
                    "select type_name, data from events where sender_id = :s order by id"),
                    {"s": sender}).all()
                kinds = [t for t, _ in rows if t in ("user", "bot")]
                users = [json.loads(d).get("text") for t, d in rows if t == "user"]
                found["user messages stored"] += len(users)
                found["answered messages lost"] += len(set(answered.get(sender, [])) - set(users))
                found["messages stored twice"] += len(users) - len(set(users))
                position = [texts.index(u) if u in texts else -1 for u in users]
                found["conversations out of order"] += position != sorted(position) or -1 in position
                found["user messages without a reply"] += sum(
                    1 for i, k in enumerate(kinds)
                    if k == "user" and (i + 1 >= len(kinds) or kinds[i + 1] != "bot"))
    finally:
        engine.dispose()
    return found


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else 0.0


def kill_later(run_dir: Path, port: int, after: threading.Event) -> None:
    after.wait()
    pid = int((run_dir / f"rasa-{port}.pid").read_text())
    os.killpg(pid, signal.SIGKILL)
    print(f"  (killed the Rasa process on port {port}, pid {pid})", flush=True)


@dataclass
class LoadResult:
    """What a load run measured, and what the audit of the store found."""

    tally: Tally
    total: int
    elapsed: float
    audit: Dict[str, int]

    @property
    def broken(self) -> int:
        """Lost, duplicated, out-of-order or unanswered events in the store (must be 0)."""
        return sum(v for k, v in self.audit.items() if k != "user messages stored")

    def lines(self, conversations: int, turns: int, concurrency: int, url: str) -> List[str]:
        ms = [1000 * s for s in self.tally.latencies]
        errors = self.tally.errors
        out = [f"{conversations} conversations x {turns} turns, {concurrency} at a time, "
               f"half REST, half socket.io, through {url}",
               f"  replies: {len(ms)}/{self.total}; errors: {sum(errors.values())} {errors or ''}"]
        if ms:
            out.append(f"  reply time ms: p50 {statistics.median(ms):.0f}, p95 {percentile(ms, 95):.0f}, "
                       f"p99 {percentile(ms, 99):.0f}; {len(ms) / self.elapsed:.1f} messages/s "
                       f"over {self.elapsed:.0f} s")
        out.append("  audit of PostgreSQL: " + ", ".join(f"{k}: {v}" for k, v in self.audit.items()))
        return out


def run_load(settings: ScaledSettings, conversations: int, turns: int, concurrency: int,
             kill_port: int = 0, reply_timeout: float = REPLY_TIMEOUT) -> LoadResult:
    """Even conversations over REST, odd ones over socket.io, all through nginx; then the audit.
    With kill_port, that Rasa process is SIGKILLed once a third of the turns are done."""
    url = settings.public_url
    tally = Tally()
    run = uuid.uuid4().hex[:8]
    jobs = []
    for c in range(conversations):
        sender = f"load-{run}-{c}"  # a socket.io one is stored under the id the server issues
        texts = texts_for(c, turns)
        tally.sent[sender] = texts
        jobs.append((rest_conversation if c % 2 == 0 else socketio_conversation, sender, texts))
    third = threading.Event()
    if kill_port:
        threading.Thread(target=kill_later, args=(settings.run_dir, kill_port, third),
                         daemon=True).start()
    total = conversations * turns
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        futures = [pool.submit(job, url, sender, texts, tally, reply_timeout)
                   for job, sender, texts in jobs]
        while any(not f.done() for f in futures):
            if len(tally.latencies) + sum(tally.errors.values()) >= total / 3:
                third.set()
            time.sleep(0.2)
    elapsed = time.perf_counter() - start
    return LoadResult(tally, total, elapsed, audit(settings.database_url, tally.by_stored_id(tally.sent),
                                                   tally.by_stored_id(tally.answered)))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--conversations", type=int, default=200)
    parser.add_argument("--turns", type=int, default=10)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--kill-port", type=int, default=0)
    args = parser.parse_args(argv)
    settings = ScaledSettings.from_env()
    result = run_load(settings, args.conversations, args.turns, args.concurrency, args.kill_port)
    print("\n".join(result.lines(args.conversations, args.turns, args.concurrency,
                                 settings.public_url)))
    return 0 if result.broken == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
