"""Start the real action server and Rasa server for end-to-end tests (same code as `make run`)."""
from __future__ import annotations

import json
import socket
import subprocess
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from bot.run.launcher import HOST, Settings, start_action_server, start_rasa_server, stop, wait_until_ready


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


@dataclass
class Bot:
    """A running Rasa server reached over REST."""

    url: str
    action_server: Optional[subprocess.Popen] = None
    rasa_server: Optional[subprocess.Popen] = None
    tracker_db: Optional[Path] = None
    action_url: Optional[str] = None  # the action server's base URL

    def stored_user_texts(self, sender: str) -> List[str]:
        """The user messages of a conversation as the SQLite store keeps them."""
        import sqlite3

        assert self.tracker_db is not None
        with sqlite3.connect(self.tracker_db) as db:
            rows = db.execute("select data from events where sender_id = ? and type_name = 'user' "
                              "order by id", (sender,)).fetchall()
        return [json.loads(data)["text"] for (data,) in rows]

    def stop_actions(self) -> None:
        """Take the action server down, as in an outage."""
        if self.action_server is not None:
            stop([self.action_server])

    def stop_rasa(self) -> None:
        """Take the Rasa server down, as in an outage."""
        if self.rasa_server is not None:
            stop([self.rasa_server])

    def send(self, sender: str, message: str) -> List[dict]:
        status, body = self.post_raw(json.dumps({"sender": sender, "message": message}).encode())
        assert status == 200, (status, body)
        return json.loads(body)

    def say(self, sender: str, message: str) -> str:
        """The reply as a person sees it: texts and button titles, joined."""
        parts = []
        for m in self.send(sender, message):
            parts.append(m.get("text") or "")
            parts.extend(b["title"] for b in m.get("buttons") or [])
        return "\n".join(p for p in parts if p)

    def post_raw(self, body: bytes, content_type: str = "application/json") -> Tuple[int, str]:
        request = urllib.request.Request(self.url, body, {"Content-Type": content_type})
        try:
            with urllib.request.urlopen(request, timeout=60) as reply:
                return reply.status, reply.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


@contextmanager
def running_bot(log_dir: Path, tracker_db: Optional[Path] = None, with_actions: bool = True,
                name: str = "bot", extra_env: Optional[Dict[str, str]] = None,
                credentials: str = "credentials.yml", action_port: Optional[int] = None
                ) -> Iterator[Bot]:
    """Start servers on free ports; without actions, Rasa points at a port nobody listens on.

    extra_env is added to both servers' environment (e.g. WEB_ORIGINS for the socketio channel);
    credentials is the channels file Rasa reads; action_port, where Rasa calls actions (a stand-in
    server of the test's own, with with_actions=False).
    """
    settings = Settings(action_port=action_port or free_port(), rasa_port=free_port(),
                        tracker_db=str(tracker_db or log_dir / f"{name}.db"),
                        extra_env=dict(extra_env or {}))
    processes: List[subprocess.Popen] = []
    action: Optional[subprocess.Popen] = None
    try:
        if with_actions:
            action = start_action_server(settings, log_dir / f"{name}-actions.log")
            processes.append(action)
            wait_until_ready(f"http://{HOST}:{settings.action_port}/health", action)
        rasa = start_rasa_server(settings, log_dir / f"{name}-rasa.log", credentials=credentials)
        processes.append(rasa)
        wait_until_ready(f"http://{HOST}:{settings.rasa_port}/webhooks/rest/", rasa)
        yield Bot(f"http://{HOST}:{settings.rasa_port}/webhooks/rest/webhook", action, rasa,
                  Path(settings.tracker_db), f"http://{HOST}:{settings.action_port}")
    finally:
        stop(processes)
