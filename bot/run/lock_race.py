"""Does a lock store keep one conversation's turns apart across processes? A race, measured.

Several processes (as several Rasa servers would) each take the lock of the same conversation
many times at once; inside, each turn marks itself in Redis (INCR of an "inside" counter: more
than 1 means two turns overlapped) and does a read-modify-write of a counter with a pause in
between (a lost update means two turns interleaved). A lock that holds gives 0 and 0.

`python -m bot.run.lock_race [tries]` races Rasa's stock RedisLockStore and ours
(bot/stores/ticket_lock.py) against the local Redis (REDIS_URL) and prints both.
"""
from __future__ import annotations

import asyncio
import multiprocessing
import os
import sys
import uuid
from typing import List, NamedTuple, Tuple

import redis

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"
WORK_SECONDS = 0.003  # the pause inside a turn, between reading and writing the counter
STUCK_SECONDS = 20.0  # a turn still waiting after this long counts as refused


class RaceResult(NamedTuple):
    turns: int
    overlaps: int  # turns that found another turn inside
    lost_updates: int  # turns whose counter write was overwritten
    errors: int  # turns refused with LockError (Rasa answers those with a 500) or stuck


def redis_url() -> str:
    return os.environ.get("REDIS_URL") or DEFAULT_REDIS_URL


def make_store(kind: str, url: str):
    """'atomic' (ours) or 'stock' (Rasa 3.6's RedisLockStore), on the Redis at url."""
    if kind == "atomic":
        from bot.stores.ticket_lock import AtomicRedisLockStore

        return AtomicRedisLockStore(url=url)
    from rasa.core.lock_store import RedisLockStore

    connection = redis.Redis.from_url(url).connection_pool.connection_kwargs
    return RedisLockStore(host=connection.get("host", "127.0.0.1"), port=connection.get("port", 6379),
                          db=connection.get("db", 1))


async def _turns(kind: str, url: str, conversation: str, turns: int) -> Tuple[int, int]:
    from rasa.core.lock_store import LockError

    store = make_store(kind, url)
    red = redis.Redis.from_url(url)
    overlaps = errors = 0

    async def one_turn() -> None:
        nonlocal overlaps, errors
        try:
            async with store.lock(conversation, wait_time_in_seconds=0.002):
                if red.incr(f"{conversation}:inside") > 1:
                    overlaps += 1
                seen = int(red.get(f"{conversation}:count") or 0)
                await asyncio.sleep(WORK_SECONDS)
                red.set(f"{conversation}:count", seen + 1)
                red.decr(f"{conversation}:inside")
        except LockError:
            errors += 1
            red.incr(f"{conversation}:count")  # not a lost update: counted apart

    async def bounded_turn() -> None:
        nonlocal errors
        try:
            await asyncio.wait_for(one_turn(), STUCK_SECONDS)
        except asyncio.TimeoutError:
            errors += 1
            red.incr(f"{conversation}:count")

    await asyncio.gather(*(bounded_turn() for _ in range(turns)))
    return overlaps, errors


def _worker(kind: str, url: str, conversation: str, turns: int, out: "multiprocessing.Queue") -> None:
    out.put(asyncio.run(_turns(kind, url, conversation, turns)))


def race(kind: str, url: str = "", processes: int = 2, turns_each: int = 25) -> RaceResult:
    """`processes` OS processes, each with its own store and connection, `turns_each` turns
    each, all on one conversation, started together."""
    url = url or redis_url()
    conversation = f"lockrace-{uuid.uuid4().hex}"
    context = multiprocessing.get_context("fork")
    out = context.Queue()
    workers = [context.Process(target=_worker, args=(kind, url, conversation, turns_each, out))
               for _ in range(processes)]
    for w in workers:
        w.start()
    counts = [out.get(timeout=300) for _ in workers]
    overlaps, errors = sum(c[0] for c in counts), sum(c[1] for c in counts)
    for w in workers:
        w.join()
    red = redis.Redis.from_url(url)
    total = processes * turns_each
    counted = int(red.get(f"{conversation}:count") or 0)
    red.delete(f"{conversation}:count", f"{conversation}:inside")
    return RaceResult(total, overlaps, total - counted, errors)


def main(argv: List[str]) -> int:
    tries = int(argv[0]) if argv else 5
    for kind in ("stock", "atomic"):
        results = [race(kind) for _ in range(tries)]
        failed = sum(bool(r.overlaps or r.lost_updates or r.errors) for r in results)
        print(f"{kind:7s} lock store: {failed}/{tries} races broke the lock; "
              + "; ".join(f"{r.overlaps} overlapping, {r.lost_updates} lost, {r.errors} refused of {r.turns}"
                             for r in results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
