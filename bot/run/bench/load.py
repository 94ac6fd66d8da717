"""N concurrent users over REST, each user its own conversations (sender ids), every reply timed.

The client is make loadtest's (bot/run/loadtest.py: rest_conversation and its Tally), so the two
tools measure replies the same way: one thread per user, a reply counts when it is non-empty.
"""
from __future__ import annotations

import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import List, Sequence

from bot.run.loadtest import Tally, rest_conversation

# A realistic mix for our assistant: a greeting, a denial story, FAQ questions, and answers inside
# the eligibility check (which call the action server to validate them).
OURS_MESSAGES = (
    "hi", "Kaiser denied my MRI", "how long does an imr take", "can you check my case",
    "kaiser hmo", "not medically necessary", "no", "thanks",
)
# The starter bot's own domain (rasa init: greet, mood_unhappy, affirm, bot_challenge, ...).
STARTER_MESSAGES = (
    "hello", "I am sad", "yes", "are you a bot?", "I am feeling great", "bye",
    "good morning", "no",
)


@dataclass
class LoadRun:
    """One run: every reply time (seconds), the failures and the wall time."""

    users: int
    latencies: List[float]
    errors: int
    seconds: float


def conversations_per_user(users: int, turns: int, min_replies: int) -> int:
    """Enough conversations each that a run has at least min_replies replies (at 1 user a single
    conversation is too few for a p95)."""
    return max(1, -(-min_replies // (users * turns)))


def run_load(base_url: str, users: int, messages: Sequence[str], min_replies: int,
             tag: str = "bench") -> LoadRun:
    """users threads at once, each sending its conversations one message at a time."""
    tally = Tally()
    rounds = conversations_per_user(users, len(messages), min_replies)
    run = uuid.uuid4().hex[:8]

    def user(u: int) -> None:
        for c in range(rounds):
            rest_conversation(base_url, f"{tag}-{run}-{u}-{c}", messages, tally)

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=users) as pool:
        for future in [pool.submit(user, u) for u in range(users)]:
            future.result()
    seconds = time.perf_counter() - start
    return LoadRun(users=users, latencies=list(tally.latencies),
                   errors=sum(tally.errors.values()), seconds=seconds)
