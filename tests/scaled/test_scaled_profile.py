"""make run-scaled's parts, really started (bot/run/scaled.py): two Rasa processes on PostgreSQL
and the Redis lock, behind nginx. REST and socket.io (polling, which needs sticky sessions) go
through nginx; with one Rasa process SIGKILLed, REST still answers through the other.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import threading
import urllib.request
import uuid

import pytest

from bot.run.scaled import ScaledSettings, pool_sizes, start_all, stop
from tests.e2e.servers import free_port


def rest(url: str, sender: str, message: str) -> list:
    request = urllib.request.Request(f"{url}/webhooks/rest/webhook",
                                     json.dumps({"sender": sender, "message": message}).encode(),
                                     {"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=60) as reply:
        assert reply.status == 200
        return json.loads(reply.read())


def socketio_reply(url: str, message: str) -> str:
    import socketio

    client = socketio.Client(reconnection=False)
    got = threading.Event()
    texts: list = []

    @client.on("session_confirm")
    def confirmed(session_id):
        client.emit("user_uttered", {"message": message, "session_id": session_id})

    @client.on("bot_uttered")
    def uttered(data):
        texts.append(data.get("text") or "")
        got.set()

    client.connect(url, transports=["polling"], socketio_path="/socket.io")
    try:
        client.emit("session_request", {"session_id": uuid.uuid4().hex})
        assert got.wait(60), "no reply over socket.io"
        return texts[0]
    finally:
        client.disconnect()


def test_pool_sizes_fit_postgresqls_connections():
    for connections, processes in [(100, 2), (100, 4), (200, 3), (20, 2)]:
        pool, overflow = pool_sizes(connections, processes)
        assert pool >= 1 and (pool + overflow) * processes <= max(connections - 10, 2 * processes)


def test_two_rasa_processes_behind_nginx(tmp_path, postgres_database, redis_server):
    if not shutil.which("nginx") and not os.path.exists("/usr/sbin/nginx"):
        message = "nginx is not installed (make run-scaled installs Debian's package)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    first = free_port()  # the two Rasa ports are first and first + 1
    settings = ScaledSettings(processes=2, public_port=free_port(), first_rasa_port=first,
                              action_port=free_port(), web_port=free_port(),
                              database_url=postgres_database, redis_url=redis_server,
                              run_dir=tmp_path / "scaled")
    processes = start_all(settings)
    try:
        url = settings.public_url
        sender = f"scaled-{uuid.uuid4().hex}"
        first_reply = " ".join(m.get("text") or "" for m in rest(url, sender, "Kaiser denied my MRI"))
        assert "check where your case goes" in first_reply
        assert "Help Center" in urllib.request.urlopen(f"{url}/", timeout=10).read().decode()
        assert socketio_reply(url, "what is an IMR")
        # one Rasa process dies: nginx sends the next requests to the other, the conversation
        # (in PostgreSQL) goes on where it was
        rasa_processes = processes[1:1 + settings.processes]
        os.killpg(rasa_processes[0].pid, signal.SIGKILL)
        rasa_processes[0].wait(timeout=30)  # (a request caught in its backlog as it dies gets a 502)
        for _ in range(4):
            assert rest(url, sender, "yes"), "a reply after one Rasa process was killed"
    finally:
        stop(processes)
