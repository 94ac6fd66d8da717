"""make purge DAYS=N deletes conversations idle for N days, on SQLite and PostgreSQL (issue 8,
item 6). Conversations are written by Rasa's own SQLTrackerStore, as the running bot writes them."""
from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy.engine import make_url

from bot.run.purge import Purged, purge

ROOT = Path(__file__).resolve().parents[2]
DAY = 86400.0
NOW = time.time()


def turn(text: str, at: float):
    return [UserUttered(text, timestamp=at), BotUttered("ok", timestamp=at + 1),
            ActionExecuted("action_listen", timestamp=at + 2)]


CONVERSATIONS = {
    "old": turn("Kaiser denied my MRI", NOW - 40 * DAY) + turn("thanks", NOW - 39 * DAY),
    "recent": turn("how long does an IMR take", NOW - 1 * DAY),
    "came back": turn("check my case", NOW - 45 * DAY) + turn("I'm back", NOW - 2 * DAY),
}


def write(store: SQLTrackerStore) -> None:
    async def save_all() -> None:
        for sender, events in CONVERSATIONS.items():
            await store.save(DialogueStateTracker.from_events(sender, events))
    asyncio.run(save_all())


def remaining(store: SQLTrackerStore) -> dict:
    async def read() -> dict:
        found = {}
        for sender in CONVERSATIONS:
            tracker = await store.retrieve(sender)
            found[sender] = len(tracker.events) if tracker else 0
        return found
    return asyncio.run(read())


def check(store: SQLTrackerStore, url: str) -> None:
    write(store)
    assert purge(url, days=30) == Purged(conversations=1, events=6)
    assert remaining(store) == {"old": 0, "recent": 3, "came back": 6}
    assert purge(url, days=30) == Purged(0, 0)  # nothing more to do


def test_purge_on_sqlite(tmp_path):
    path = tmp_path / "conversations.db"
    store = SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path))
    check(store, f"sqlite:///{path}")


def test_purge_on_postgresql(postgres_database):
    url = make_url(postgres_database)
    store = SQLTrackerStore(Domain.empty(), dialect="postgresql", host=url.host, port=url.port,
                            username=url.username, db=url.database)
    check(store, postgres_database)


def test_make_purge_prints_what_it_did_and_refuses_nonsense(tmp_path):
    path = tmp_path / "conversations.db"
    write(SQLTrackerStore(Domain.empty(), dialect="sqlite", db=str(path)))
    env = {"PYTHONPATH": str(ROOT), "TRACKER_DB": str(path), "PATH": "/usr/bin:/bin"}
    done = subprocess.run([sys.executable, "-m", "bot.run.purge", "30"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Deleted 1 conversations (6 events)" in done.stdout
    bad = subprocess.run([sys.executable, "-m", "bot.run.purge", "-3"], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "DAYS" in bad.stderr
