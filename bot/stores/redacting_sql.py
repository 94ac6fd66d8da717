"""Rasa's SQL tracker store, keeping each user message with its personal details masked.

Why: people paste phone numbers, member IDs, emails and birth dates into the chat; the
conversation store must not keep them. The bot reads the message as typed during its own turn
(the tracker in memory is untouched); only the copy written to the database is masked
(bot/nlu/personal_details.py redact_for_storage), so from the next turn on the stored text is
what any later reader sees. Works for SQLite (make run) and PostgreSQL (the scaled profile).

endpoints.yml: `tracker_store: type: bot.stores.redacting_sql.RedactingSQLTrackerStore` with the
same keys as Rasa's SQL store (dialect, db, url -> host, port, username, login_db).
"""
from __future__ import annotations

import copy
from typing import Any, Iterator

from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.events import Event, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker

from bot.nlu.personal_details import redact_for_storage


def redacted(event: Event) -> Event:
    """A user message's copy with the text (and the text in its parse data) masked."""
    if not isinstance(event, UserUttered) or not event.text:
        return event
    masked = redact_for_storage(event.text)
    if masked == event.text:
        return event
    stored = copy.copy(event)
    stored.text = masked
    stored.parse_data = dict(event.parse_data or {}, text=masked)
    return stored


class RedactingSQLTrackerStore(SQLTrackerStore):
    """SQLTrackerStore whose new user events are written masked."""

    def _additional_events(self, session: Any, tracker: DialogueStateTracker) -> Iterator:
        for event in super()._additional_events(session, tracker):
            yield redacted(event)
