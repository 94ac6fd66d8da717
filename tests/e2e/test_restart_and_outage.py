"""Conversations survive a restart (SQLite store); with the action server down, the person
still gets the Help Center number."""
from __future__ import annotations

import re
import sqlite3

from bot.domain.contacts import line
from bot.eligibility.questions import QUESTIONS
from tests.e2e.servers import running_bot


def test_restart_keeps_the_conversation_and_an_outage_still_gives_the_number(tmp_path):
    db = tmp_path / "conversations.db"
    person = "restart-test"
    with running_bot(tmp_path, tracker_db=db, name="first") as bot:
        assert QUESTIONS["coverage"].text in bot.say(person, "can you check if my case qualifies")
        assert QUESTIONS["problem"].text in bot.say(person, "kaiser")
    assert sqlite3.connect(db).execute(
        "select count(*) from events where sender_id = ?", (person,)).fetchone()[0] > 0

    with running_bot(tmp_path, tracker_db=db, name="second") as bot:
        # The new server goes on with the same check, at the next question.
        assert QUESTIONS["urgent"].text in bot.say(person, "not medically necessary")
        bot.stop_actions()
        reply = bot.say("outage-test", "molina denied my knee surgery")
        assert re.search(re.escape(line("help_center")), reply), reply
