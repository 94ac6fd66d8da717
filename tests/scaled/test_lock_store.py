"""The lock store keeps one conversation's turns apart across processes (issue 8 item 2).

Real Redis, real OS processes (bot/run/lock_race.py): each turn checks that no other turn of
the conversation is inside and does a read-modify-write that an overlap would lose.
"""
from __future__ import annotations

import asyncio
import threading
import time

import pytest

from bot.run import lock_race
from bot.stores.ticket_lock import LEASE_SECONDS, AtomicRedisLockStore


@pytest.mark.parametrize("processes, turns_each", [(2, 25), (4, 25)])
def test_turns_of_one_conversation_never_overlap_across_processes(redis_server, processes, turns_each):
    result = lock_race.race("atomic", redis_server, processes, turns_each)
    assert result == lock_race.RaceResult(processes * turns_each, 0, 0, 0)


def test_rasas_stock_redis_lock_store_breaks_in_the_same_race(redis_server, monkeypatch):
    """The same race against Rasa 3.6's RedisLockStore: the harness can fail a lock."""
    monkeypatch.setattr(lock_race, "STUCK_SECONDS", 5.0)
    results = [lock_race.race("stock", redis_server, 2, 25) for _ in range(3)]
    print(f"\nstock RedisLockStore, 3 races of 2x25 turns: {results}")
    assert any(r.overlaps or r.lost_updates or r.errors for r in results)


def test_a_dead_holders_turn_is_given_up_after_its_lease(redis_server):
    """A Rasa process killed mid-turn (its ticket never released or renewed) holds the
    conversation for one lease, not for ever and not for Rasa's 60 s."""
    store = AtomicRedisLockStore(url=redis_server, lease_seconds=1.0)
    conversation = f"dead-holder-{time.time_ns()}"
    store.issue_ticket(conversation)  # taken, then the process "dies"

    async def next_turn() -> float:
        start = time.monotonic()
        async with store.lock(conversation):
            return time.monotonic() - start

    waited = asyncio.run(next_turn())
    assert 0.5 < waited < 1.0 + 1.0
    assert store.get_lock(conversation) is None  # nothing left behind
    assert LEASE_SECONDS <= 10


def test_a_live_holder_keeps_its_turn_past_the_lease(redis_server):
    """A slow turn (a long action call) renews its ticket: the next turn waits for it."""
    store = AtomicRedisLockStore(url=redis_server, lease_seconds=0.6)
    conversation = f"slow-holder-{time.time_ns()}"
    order = []

    async def turn(name: str, seconds: float) -> None:
        async with store.lock(conversation):
            order.append(f"{name} in")
            await asyncio.sleep(seconds)
            order.append(f"{name} out")

    async def both() -> None:
        first = asyncio.create_task(turn("slow", 2.0))
        await asyncio.sleep(0.1)
        await turn("next", 0.0)
        await first

    asyncio.run(both())
    assert order == ["slow in", "slow out", "next in", "next out"]


def test_a_holder_whose_event_loop_is_busy_keeps_its_turn(redis_server):
    """Rasa runs NLU and policies on its event loop; a turn that keeps the loop busy past the
    lease (a slow first turn on a loaded machine) must still hold the conversation, or another
    process's turn runs beside it and a message is lost (what a CI run saw, 3 of 50)."""
    conversation = f"busy-loop-{time.time_ns()}"
    order = []
    inside = threading.Event()

    async def busy_turn() -> None:
        async with AtomicRedisLockStore(url=redis_server, lease_seconds=0.6).lock(conversation):
            order.append("busy in")
            inside.set()
            time.sleep(2.0)  # blocks the loop, as a long synchronous NLU step does
            order.append("busy out")

    async def next_turn() -> None:
        async with AtomicRedisLockStore(url=redis_server, lease_seconds=0.6).lock(conversation):
            order.append("next in")

    other_process = threading.Thread(target=lambda: asyncio.run(busy_turn()))
    other_process.start()
    assert inside.wait(10)
    asyncio.run(next_turn())
    other_process.join()
    assert order == ["busy in", "busy out", "next in"]
