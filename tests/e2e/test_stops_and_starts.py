"""`make run` stops cleanly however it is stopped, and refuses to start on a taken port.

Each case starts the real launcher (bot/run/launcher.py, what `make run` runs) on free ports,
stops it the way a person or a supervisor would, then checks that no server it started is left
and every port is free again. One case runs `make run` itself and sends SIGTERM to make's
whole process group, as `kill -- -PGID` or a CI runner does.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List

import pytest

from bot.run.launcher import HOST, ROOT, wait_until_ready
from tests.e2e.servers import free_port


def ports() -> Dict[str, int]:
    return {"RASA_PORT": free_port(), "ACTION_PORT": free_port(), "WEB_PORT": free_port()}


def environment(named: Dict[str, int], tmp_path: Path) -> Dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT), TRACKER_DB=str(tmp_path / "stops.db"))
    env.update({name: str(port) for name, port in named.items()})
    return env


def servers_on(named: Dict[str, int]) -> List[str]:
    """Processes whose command line names one of these ports (our servers take --port N)."""
    found = []
    wanted = {str(port) for port in named.values()}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            args = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        words = [a.decode(errors="replace") for a in args]
        if any(w == "--port" and i + 1 < len(words) and words[i + 1] in wanted
               for i, w in enumerate(words)):
            found.append(f"{proc.name}: {' '.join(words)[:120]}")
    return found


def listening(port: int) -> bool:
    with socket.socket() as probe:
        probe.settimeout(1)
        return probe.connect_ex((HOST, port)) == 0


def assert_all_gone(named: Dict[str, int], within: float = 30.0) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if not servers_on(named) and not any(listening(p) for p in named.values()):
            return
        time.sleep(0.5)
    left = servers_on(named)
    held = [p for p in named.values() if listening(p)]
    pytest.fail(f"left running: {left}; ports still held: {held}")


def as_a_background_job() -> None:
    """What `make run &` from a script gives the launcher: SIGINT ignored from the start."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_launcher(named: Dict[str, int], tmp_path: Path) -> subprocess.Popen:
    launcher = subprocess.Popen([sys.executable, "-m", "bot.run.launcher"], cwd=ROOT,
                                env=environment(named, tmp_path), stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, start_new_session=True,
                                preexec_fn=as_a_background_job)
    # the action server and the page are up, and the Rasa server is started (loading the model)
    wait_until_ready(f"http://{HOST}:{named['ACTION_PORT']}/health", launcher, timeout=60)
    wait_until_ready(f"http://{HOST}:{named['WEB_PORT']}/", launcher, timeout=60)
    deadline = time.monotonic() + 30
    while len(servers_on(named)) < 3 and time.monotonic() < deadline:
        time.sleep(0.2)
    assert len(servers_on(named)) == 3, servers_on(named)
    return launcher


# Ctrl-C once is the first half of "twice"; SIGTERM to the launcher is in the make group case.
# The launcher starts with SIGINT ignored, as a background job does: Ctrl-C must still stop it.
@pytest.mark.parametrize("how", ["ctrl-c twice", "sigkill"])
def test_stopping_the_launcher_leaves_nothing_running(tmp_path, how):
    named = ports()
    launcher = start_launcher(named, tmp_path)
    try:
        if how == "ctrl-c":
            launcher.send_signal(signal.SIGINT)
        elif how == "ctrl-c twice":
            launcher.send_signal(signal.SIGINT)
            time.sleep(0.3)  # while it is stopping the servers
            launcher.send_signal(signal.SIGINT)
        elif how == "sigterm":
            launcher.send_signal(signal.SIGTERM)
        else:
            launcher.send_signal(signal.SIGKILL)
        output = launcher.communicate(timeout=40)[0].decode(errors="replace")
        if how != "sigkill":
            assert "Traceback" not in output, output
        assert_all_gone(named)
    finally:
        if launcher.poll() is None:
            os.killpg(launcher.pid, signal.SIGKILL)


def test_sigterm_to_make_runs_process_group_once_it_is_running(tmp_path):
    named = ports()
    make = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT,
                            env=environment(named, tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_ready(f"http://{HOST}:{named['RASA_PORT']}/webhooks/rest/", make, timeout=240)
        os.killpg(make.pid, signal.SIGTERM)
        make.communicate(timeout=40)
        assert_all_gone(named)
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGKILL)


def test_a_taken_port_is_refused_with_what_to_do(tmp_path):
    named = ports()
    with socket.socket() as squatter:
        squatter.bind((HOST, named["RASA_PORT"]))
        squatter.listen()
        result = subprocess.run([sys.executable, "-m", "bot.run.launcher"], cwd=ROOT,
                                env=environment(named, tmp_path), capture_output=True,
                                text=True, timeout=60)
    assert result.returncode == 1
    assert f"Port {named['RASA_PORT']} (RASA_PORT) is already in use" in result.stdout
    assert "set RASA_PORT to a free port" in result.stdout
    assert not servers_on(named), "nothing was started"
