"""Conversations survive a restart (SQLite store); with the action server down, the person
still gets the Help Center number."""
from __future__ import annotations

import re
import sqlite3

from bot.contacts import line
from tests.e2e.servers import running_bot


def test_restart_keeps_the_conversation_and_outage_still_gives_the_number(tmp_path):
    db = tmp_path / "conversations.db"
    person = "restart-test"
    with running_bot(tmp_path, tracker_db=db, name="first") as bot:
        assert "check where your case goes" in bot.say(person, "health net denied my colonoscopy")
    assert sqlite3.connect(db).execute(
        "select count(*) from events where sender_id = ?", (person,)).fetchone()[0] > 0

    with running_bot(tmp_path, tracker_db=db, with_actions=False, name="second") as bot:
        # The new server remembers the offer it made before the restart.
        assert "You may qualify for an Independent Medical Review" in bot.say(person, "yes")
        # Answering a denial needs the action server, which is down here.
        reply = bot.say("outage-test", "molina denied my knee surgery")
        assert re.search(re.escape(line("help_center")), reply), reply
