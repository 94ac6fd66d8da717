"""Both bots as servers on their own ports, with their start-up time and resident memory.

Ours: the launcher's action server and Rasa server (bot/run/launcher.py), conversations in a
SQLite file in a temporary directory so real conversations are not mixed with benchmark ones.
The starter: `rasa run` on its model with its own credentials.yml and endpoints.yml, that is
REST and Rasa's default in-memory tracker store, no action server.
"""
from __future__ import annotations

import socket
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.run.bench.memory import tree_rss_mib
from bot.run.bench.starter import STARTER_DIR, child_env
from bot.run.launcher import (HOST, Settings, python_bin, start_action_server, start_rasa_server,
                              stop, wait_until_ready)


@dataclass
class Bot:
    """A started bot: its processes (the Rasa server first), URL and start-up time."""

    name: str
    base_url: str
    processes: List[subprocess.Popen]
    startup_seconds: float
    labels: List[str] = field(default_factory=list)

    def memory_mib(self) -> Dict[str, float]:
        """RSS of each process tree, by label (e.g. 'rasa', 'action server')."""
        return {label: tree_rss_mib(p.pid) for label, p in zip(self.labels, self.processes)
                if p.poll() is None}

    def stop(self) -> None:
        stop(self.processes)


def port_free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex((HOST, port)) != 0


def require_free(*ports: int) -> None:
    busy = [p for p in ports if not port_free(p)]
    if busy:
        raise RuntimeError(f"ports {busy} are in use; stop what runs there or set BENCH_PORT")


def _timed_rasa(process: subprocess.Popen, port: int, started: float) -> float:
    """Seconds from starting the process until its REST channel answers (polled every 0.5 s)."""
    wait_until_ready(f"http://{HOST}:{port}/webhooks/rest/", process, timeout=600)
    return time.perf_counter() - started


# The benchmark's users send as fast as replies come, from one address: the rate limits (made
# for people, bot/channels/limits.py) would measure themselves, and the starter bot has none.
NO_RATE_LIMITS = {"SENDER_BURST": "1000000", "ADDRESS_BURST": "1000000"}


def start_ours(rasa_port: int, action_port: int, log_dir: Path, tracker_db: Path,
               model: str) -> Bot:
    """Action server first (not timed), then the Rasa server, timed until REST answers."""
    log_dir.mkdir(parents=True, exist_ok=True)
    settings = Settings(action_port=action_port, rasa_port=rasa_port, model=model,
                        tracker_db=str(tracker_db), extra_env=dict(NO_RATE_LIMITS))
    action = start_action_server(settings, log_dir / "ours-actions.log")
    processes = [action]
    try:
        wait_until_ready(f"http://{HOST}:{action_port}/health", action)
        started = time.perf_counter()
        rasa = start_rasa_server(settings, log_dir / "ours-rasa.log")
        processes.insert(0, rasa)
        seconds = _timed_rasa(rasa, rasa_port, started)
    except BaseException:
        stop(processes)
        raise
    return Bot("ours", f"http://{HOST}:{rasa_port}", processes, seconds, ["rasa", "action server"])


def start_starter(port: int, log_dir: Path, model: Path, directory: Path = STARTER_DIR) -> Bot:
    """`rasa run` of the starter bot from its own directory, timed until REST answers."""
    log_dir.mkdir(parents=True, exist_ok=True)
    command = [python_bin("rasa"), "run",
               "--model", str(model), "--interface", HOST, "--port", str(port),
               "--credentials", "credentials.yml", "--endpoints", "endpoints.yml"]
    log = open(log_dir / "starter-rasa.log", "ab")
    started = time.perf_counter()
    rasa = subprocess.Popen(command, cwd=directory, env=child_env(), stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        seconds = _timed_rasa(rasa, port, started)
    except BaseException:
        stop([rasa])
        raise
    return Bot("starter", f"http://{HOST}:{port}", [rasa], seconds, ["rasa"])


def stop_all(bots: List[Optional[Bot]]) -> None:
    for bot in bots:
        if bot is not None:
            bot.stop()
