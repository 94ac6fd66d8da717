"""Two real Rasa processes, one conversation, 50 messages sent at once split between them: the
stored events in PostgreSQL show each user message followed by its own reply, in order, none
lost or duplicated (issue 8, item 2). endpoints.scaled.yml: PostgreSQL tracker store and
bot/stores/ticket_lock.py's lock on the local Redis."""
from __future__ import annotations

import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy.engine import make_url

from bot.run.loadtest import audit
from bot.run.launcher import HOST, Settings, start_action_server, start_rasa_server, stop, wait_until_ready
from tests.e2e.servers import Bot, free_port

MESSAGES = 50


def test_one_conversation_across_two_rasa_processes(tmp_path: Path, postgres_database, redis_server):
    db = make_url(postgres_database)
    env = {"DB_HOST": db.host, "DB_PORT": str(db.port), "DB_USER": db.username,
           "DB_NAME": db.database, "REDIS_URL": redis_server,
           "SQL_POOL_SIZE": "5", "SQL_MAX_OVERFLOW": "5",
           # 50 messages of one conversation at once: a person never sends that many, so here
           # the last one's wait for the lock is not cut at the turn limit, nor rate-limited
           "TURN_SECONDS": "300", "SENDER_BURST": "100"}
    action_port = free_port()
    settings = [Settings(action_port=action_port, rasa_port=free_port(), extra_env=env,
                         tracker_db=str(tmp_path / "unused.db")) for _ in range(2)]
    processes = []
    try:
        actions = start_action_server(settings[0], tmp_path / "actions.log")
        processes.append(actions)
        servers = [start_rasa_server(s, tmp_path / f"rasa-{i}.log", endpoints="endpoints.scaled.yml")
                   for i, s in enumerate(settings)]
        processes.extend(servers)
        wait_until_ready(f"http://{HOST}:{action_port}/health", actions)
        for s, process in zip(settings, servers):
            wait_until_ready(f"http://{HOST}:{s.rasa_port}/webhooks/rest/", process)
        bots = [Bot(f"http://{HOST}:{s.rasa_port}/webhooks/rest/webhook") for s in settings]
        sender = f"race-{uuid.uuid4().hex}"
        texts = [f"hello there, message {i}" for i in range(MESSAGES)]
        with ThreadPoolExecutor(max_workers=MESSAGES) as pool:
            replies = list(pool.map(lambda i: bots[i % 2].send(sender, texts[i]), range(MESSAGES)))
        assert all(replies), "every message got a reply"
    finally:
        stop(processes)

    # sent at once, so no order to check: none lost, none doubled, each followed by its reply
    found = audit(postgres_database, {sender: texts}, {sender: texts})
    assert found["user messages stored"] == MESSAGES, found
    assert found["answered messages lost"] == 0 and found["messages stored twice"] == 0, found
    assert found["user messages without a reply"] == 0, found
