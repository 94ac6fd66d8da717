"""Delete conversations nobody has written in for N days, from the conversation store Rasa uses.

Why: conversations hold what people tell the Help Center about their health; they are kept only
as long as they help (a person coming back to a check within days), not for ever. Works on the
embedded SQLite store (`make run`) and on PostgreSQL (`make run-scaled`): both are Rasa's
SQLTrackerStore, one row per event in table `events` with `sender_id` and `timestamp`.

Usage: python -m bot.run.purge DAYS  (DATABASE_URL for PostgreSQL, else TRACKER_DB's SQLite file;
`make purge DAYS=N`). Prints how many conversations and events were deleted.
"""
from __future__ import annotations

import os
import sys
import time
from typing import NamedTuple, Optional, Sequence

import sqlalchemy as sa

EVENTS_TABLE = "events"  # Rasa's SQLTrackerStore table
SECONDS_PER_DAY = 86400


class Purged(NamedTuple):
    conversations: int
    events: int


def store_url(environ: Optional[dict] = None) -> str:
    """The conversation store the assistant is configured with (see endpoints.yml)."""
    environ = os.environ if environ is None else environ
    if environ.get("DATABASE_URL"):
        return environ["DATABASE_URL"]
    return f"sqlite:///{environ.get('TRACKER_DB') or 'var/conversations.db'}"


def purge(url: str, days: float, now: Optional[float] = None) -> Purged:
    """Deletes every event of the conversations whose latest event is older than `days`."""
    if days < 0:
        raise ValueError("days must be 0 or more")
    cutoff = (time.time() if now is None else now) - days * SECONDS_PER_DAY
    engine = sa.create_engine(url)
    try:
        if not sa.inspect(engine).has_table(EVENTS_TABLE):
            return Purged(0, 0)
        events = sa.Table(EVENTS_TABLE, sa.MetaData(), autoload_with=engine)
        idle = (sa.select(events.c.sender_id).group_by(events.c.sender_id)
                .having(sa.func.max(events.c.timestamp) < cutoff))
        with engine.begin() as connection:
            senders = [row[0] for row in connection.execute(idle)]
            deleted = 0
            for start in range(0, len(senders), 500):
                batch = senders[start:start + 500]
                deleted += connection.execute(
                    events.delete().where(events.c.sender_id.in_(batch))).rowcount
        return Purged(len(senders), deleted)
    finally:
        engine.dispose()


def main(argv: Sequence[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m bot.run.purge DAYS", file=sys.stderr)
        return 2
    try:
        days = float(argv[0])
        result = purge(store_url(), days)
    except ValueError as error:
        print(f"DAYS must be a number of days, 0 or more ({error})", file=sys.stderr)
        return 2
    where = store_url().split("@")[-1]  # never print a password
    print(f"Deleted {result.conversations} conversations ({result.events} events) idle for "
          f"more than {days:g} days from {where}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
