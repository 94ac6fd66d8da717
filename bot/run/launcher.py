"""Start the action server and the Rasa server on 127.0.0.1, and stop both together.

`make run` calls this; the end-to-end tests use the same functions, so they test what users run.
Ports and files come from the environment: ACTION_PORT (5055), RASA_PORT (5005), WEB_PORT (8080,
the demo page with the chat widget), TRACKER_DB (var/conversations.db), MODEL (models/dmhc.tar.gz).
"""
from __future__ import annotations

import ctypes
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

HOST = "127.0.0.1"
ROOT = Path(__file__).resolve().parents[2]
# Rasa sends it to the action server in a header (endpoints.yml); the action server answers 401
# without it. Taken from the environment, else made for this run and given to every server.
ACTION_SECRET_VARIABLE = "ACTION_SERVER_SECRET"
RUN_ACTION_SECRET = os.environ.get(ACTION_SECRET_VARIABLE) or secrets.token_hex(32)
# Also for this process: the shell and the benchmark read endpoints.yml in-process.
os.environ.setdefault(ACTION_SECRET_VARIABLE, RUN_ACTION_SECRET)


@dataclass
class Settings:
    """Where each service listens and which files it uses."""

    action_port: int = 5055
    rasa_port: int = 5005
    web_port: int = 8080
    tracker_db: str = "var/conversations.db"
    model: str = "models/dmhc.tar.gz"
    extra_env: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls) -> "Settings":
        env = os.environ
        return cls(
            action_port=int(env.get("ACTION_PORT", 5055)),
            rasa_port=int(env.get("RASA_PORT", 5005)),
            web_port=int(env.get("WEB_PORT", 8080)),
            tracker_db=env.get("TRACKER_DB", "var/conversations.db"),
            model=env.get("MODEL", "models/dmhc.tar.gz"),
        )

    def environment(self) -> Dict[str, str]:
        """Environment for the child processes (endpoints.yml reads ACTION_PORT and TRACKER_DB)."""
        env = dict(os.environ)
        env.setdefault("WEB_ORIGINS", f"http://{HOST}:{self.web_port},http://localhost:{self.web_port}")
        env.update(
            ACTION_PORT=str(self.action_port),
            RASA_PORT=str(self.rasa_port),
            TRACKER_DB=self.tracker_db,
            RASA_TELEMETRY_ENABLED="false",
            PYTHONPATH=str(ROOT),
        )
        env.setdefault(ACTION_SECRET_VARIABLE, RUN_ACTION_SECRET)
        env.update(self.extra_env)
        return env


def python_bin(name: str) -> str:
    """A program installed beside the running interpreter (the project's .venv)."""
    return str(Path(sys.executable).parent / name)


def start_action_server(settings: Settings, log: Optional[Path] = None) -> subprocess.Popen:
    return _spawn([sys.executable, "-m", "bot.run.action_server", "--port", str(settings.action_port)],
                  settings, log)


def start_rasa_server(settings: Settings, log: Optional[Path] = None,
                      endpoints: str = "endpoints.yml",
                      credentials: str = "credentials.yml") -> subprocess.Popen:
    Path(settings.tracker_db).parent.mkdir(parents=True, exist_ok=True)
    command = [python_bin("rasa"), "run", "--model", settings.model, "--interface", HOST,
               "--port", str(settings.rasa_port), "--credentials", str(credentials),
               "--endpoints", endpoints]
    return _spawn(command, settings, log)


def start_web_app(settings: Settings, log: Optional[Path] = None) -> subprocess.Popen:
    return _spawn([sys.executable, "-m", "bot.web.app", "--port", str(settings.web_port)], settings, log)


PR_SET_PDEATHSIG = 1  # linux/prctl.h


def _die_with_parent() -> None:
    """In the child, before exec: the kernel sends it SIGTERM when the launcher dies, even by
    SIGKILL, so no server outlives the command that started it. (Linux only; elsewhere a no-op.
    The kernel watches the thread that started the child: start servers from the main thread.)"""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass


def _spawn(command: List[str], settings: Settings, log: Optional[Path]) -> subprocess.Popen:
    """Each server in a session of its own (a terminal's Ctrl-C reaches only the launcher, which
    stops them in order), tied to the launcher's life."""
    out = open(log, "ab") if log else None
    return subprocess.Popen(command, cwd=ROOT, env=settings.environment(), stdout=out,
                            stderr=subprocess.STDOUT if out else None, start_new_session=True,
                            preexec_fn=_die_with_parent)


def ports_taken(ports: List[int]) -> List[int]:
    """The ports on 127.0.0.1 that something already listens on (another `make run`?)."""
    taken = []
    for port in ports:
        with socket.socket() as probe:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind((HOST, port))
            except OSError:
                taken.append(port)
    return taken


def refuse_taken_ports(named: Dict[str, int]) -> bool:
    """Prints what to do when a port is taken; True when all are free. `named`: the variable
    that sets each port ("RASA_PORT+1": the second of a series) -> the port."""
    taken = ports_taken(list(named.values()))
    for name, port in named.items():
        if port in taken:
            variable = name.split("+")[0]
            print(f"Port {port} ({name}) is already in use on {HOST}: is the assistant already "
                  f"running? Stop it, or set {variable} to a free port (e.g. {variable}="
                  f"{port + 100} make ...).")
    return not taken


def wait_until_ready(url: str, process: subprocess.Popen, timeout: float = 240.0) -> None:
    """Poll url until it answers 200; fail early if the process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise TimeoutError(f"{url} did not answer within {timeout:.0f} s")


def stop(processes: List[subprocess.Popen], grace: float = 15.0) -> None:
    """SIGTERM each process group, then SIGKILL what is left after `grace` seconds."""
    for process in processes:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def run_until_stopped(serve: Callable[[List[subprocess.Popen]], int]) -> int:
    """Runs `serve`, which starts processes into the list it is given and waits on them;
    Ctrl-C or SIGTERM ends it, and every process it started is stopped however it ends."""
    processes: List[subprocess.Popen] = []

    def shut_down(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, shut_down)
    # Set even though Python's default raises KeyboardInterrupt: started in the background by a
    # script (`make run &`), the process inherits SIGINT ignored and would not stop on it.
    signal.signal(signal.SIGINT, shut_down)
    try:
        return serve(processes)
    except KeyboardInterrupt:
        print("\nStopping...", flush=True)
        return 0
    finally:
        # A second Ctrl-C, or make's SIGTERM after ours, must not abort the stopping itself.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        stop(processes)


def main() -> int:
    settings = Settings.from_env()
    if not Path(ROOT / settings.model).exists():
        print(f"No trained model at {settings.model}: run `make run`, which trains it first.")
        return 1
    if not refuse_taken_ports({"RASA_PORT": settings.rasa_port, "ACTION_PORT": settings.action_port,
                               "WEB_PORT": settings.web_port}):
        return 1
    return run_until_stopped(lambda processes: _serve(settings, processes))


def _serve(settings: Settings, processes: List[subprocess.Popen]) -> int:
    """Starts the three servers into `processes` and waits until one of them stops."""
    action = start_action_server(settings)
    processes.append(action)
    rasa = start_rasa_server(settings)
    processes.append(rasa)
    web = start_web_app(settings)
    processes.append(web)
    print("Starting (loading the model takes about a minute)...", flush=True)
    wait_until_ready(f"http://{HOST}:{settings.action_port}/health", action)
    wait_until_ready(f"http://{HOST}:{settings.web_port}/", web)
    wait_until_ready(f"http://{HOST}:{settings.rasa_port}/webhooks/rest/", rasa)
    print(
        "\nThe DMHC Help Center assistant is running:\n"
        f"  Web page:  http://{HOST}:{settings.web_port}/  (chat widget)\n"
        f"  REST:      POST http://{HOST}:{settings.rasa_port}/webhooks/rest/webhook "
        '{"sender": "me", "message": "hi"}\n'
        f"  Socket.IO: http://{HOST}:{settings.rasa_port}/socket.io\n"
        f"  SMS:       POST http://{HOST}:{settings.rasa_port}/webhooks/twilio/webhook "
        "(Twilio; needs TWILIO_* settings)\n"
        f"  Actions:   http://{HOST}:{settings.action_port}/webhook\n"
        f"  Conversations are kept in {settings.tracker_db}\n"
        "Press Ctrl-C to stop.",
        flush=True,
    )
    while all(p.poll() is None for p in processes):
        time.sleep(1)
    print("A server stopped; shutting down the other.", flush=True)
    return 1


if __name__ == "__main__":
    sys.exit(main())
