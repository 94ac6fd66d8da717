"""`make run-scaled`: the assistant as several Rasa processes behind nginx, on PostgreSQL and Redis.

What it starts on this machine: the action server, RASA_PROCESSES Rasa servers (default 2) with
endpoints.scaled.yml (conversations in PostgreSQL at DATABASE_URL, created if missing; turns
ordered by bot/stores/ticket_lock.py on REDIS_URL), the web page, and nginx on PUBLIC_PORT
(default 8000) from deploy/nginx.conf.template: REST and Twilio to any process, socket.io sticky.
Ctrl-C stops everything it started. `make run` (one process, SQLite) stays the default.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Tuple

from sqlalchemy.engine import URL, make_url

from bot.run.launcher import (HOST, ROOT, Settings, refuse_taken_ports, run_until_stopped,
                              start_action_server, start_rasa_server, start_web_app, stop,
                              wait_until_ready)

DEFAULT_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/dmhc"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"
NGINX_TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
RESERVED_CONNECTIONS = 10  # PostgreSQL's superuser slots and room for psql and make purge


@dataclass
class ScaledSettings:
    """Ports and addresses of the scaled profile, from the environment."""

    processes: int = 2
    public_port: int = 8000
    first_rasa_port: int = 5005
    action_port: int = 5055
    web_port: int = 8080
    database_url: str = DEFAULT_DATABASE_URL
    redis_url: str = DEFAULT_REDIS_URL
    run_dir: Path = ROOT / "var" / "scaled"
    model: str = "models/dmhc.tar.gz"
    extra_env: Dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "ScaledSettings":
        processes = int(env.get("RASA_PROCESSES", 2))
        if not 1 <= processes <= 16:
            raise ValueError("RASA_PROCESSES must be 1 to 16")
        return cls(processes=processes, public_port=int(env.get("PUBLIC_PORT", 8000)),
                   first_rasa_port=int(env.get("RASA_PORT", 5005)),
                   action_port=int(env.get("ACTION_PORT", 5055)),
                   web_port=int(env.get("WEB_PORT", 8080)),
                   database_url=env.get("DATABASE_URL") or DEFAULT_DATABASE_URL,
                   redis_url=env.get("REDIS_URL") or DEFAULT_REDIS_URL,
                   run_dir=Path(env.get("SCALED_RUN_DIR") or ROOT / "var" / "scaled"),
                   model=env.get("MODEL", "models/dmhc.tar.gz"))

    @property
    def rasa_ports(self) -> List[int]:
        return [self.first_rasa_port + i for i in range(self.processes)]

    @property
    def public_url(self) -> str:
        return f"http://{HOST}:{self.public_port}"


def ensure_database(url: str) -> None:
    """Creates the conversations database if it does not exist (Rasa creates its tables)."""
    import sqlalchemy as sa

    target = make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            exists = connection.execute(sa.text("select 1 from pg_database where datname = :n"),
                                        {"n": target.database}).first()
            if not exists:
                connection.execute(sa.text(f'create database "{target.database}"'))
    finally:
        admin.dispose()


def pool_sizes(max_connections: int, processes: int) -> Tuple[int, int]:
    """(SQL_POOL_SIZE, SQL_MAX_OVERFLOW) per Rasa process, so that all processes at their peak
    fit in PostgreSQL's max_connections (Rasa's defaults, 50 + 100 each, do not: 100 is usual)."""
    per_process = max(2, (max_connections - RESERVED_CONNECTIONS) // processes)
    pool = max(1, per_process // 3)
    return pool, per_process - pool


def max_connections(url: str) -> int:
    import sqlalchemy as sa

    engine = sa.create_engine(url)
    try:
        with engine.connect() as connection:
            return int(connection.execute(sa.text("show max_connections")).scalar())
    finally:
        engine.dispose()


def database_env(url: URL) -> Dict[str, str]:
    """endpoints.scaled.yml's DB_* variables (a password comes only from the environment)."""
    env = {"DB_HOST": url.host or HOST, "DB_PORT": str(url.port or 5432),
           "DB_USER": url.username or "postgres", "DB_NAME": url.database or "dmhc"}
    return env


def nginx_config(settings: ScaledSettings) -> str:
    servers = "\n".join(f"        server {HOST}:{port} max_fails=1 fail_timeout=5s;"
                        for port in settings.rasa_ports)
    text = NGINX_TEMPLATE.read_text(encoding="utf-8")
    for name, value in {"RUN_DIR": str(settings.run_dir), "RASA_SERVERS": servers, "HOST": HOST,
                        "PUBLIC_PORT": str(settings.public_port),
                        "WEB_PORT": str(settings.web_port)}.items():
        text = text.replace("{" + name + "}", value)
    return text


def start_nginx(settings: ScaledSettings) -> subprocess.Popen:
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    config = settings.run_dir / "nginx.conf"
    config.write_text(nginx_config(settings), encoding="utf-8")
    subprocess.run([nginx, "-t", "-q", "-c", str(config)], check=True)
    return subprocess.Popen([nginx, "-c", str(config)], start_new_session=True)


def start_rasa(settings: ScaledSettings, base: Settings, port: int) -> subprocess.Popen:
    """One Rasa server; its pid file is for make loadtest's fault run."""
    rasa = start_rasa_server(Settings(**{**base.__dict__, "rasa_port": port}),
                             settings.run_dir / f"rasa-{port}.log", endpoints="endpoints.scaled.yml")
    (settings.run_dir / f"rasa-{port}.pid").write_text(str(rasa.pid))
    return rasa


def base_settings(settings: ScaledSettings, env: Dict[str, str]) -> Settings:
    return Settings(action_port=settings.action_port, web_port=settings.web_port,
                    model=settings.model, tracker_db=str(settings.run_dir / "unused.db"), extra_env=env)


def process_env(settings: ScaledSettings) -> Dict[str, str]:
    """What every process of the profile reads from its environment: the database, the lock,
    pool sizes that fit PostgreSQL's max_connections, the public URL for the page."""
    pool, overflow = pool_sizes(max_connections(settings.database_url), settings.processes)
    public = settings.public_url
    return {**database_env(make_url(settings.database_url)), "REDIS_URL": settings.redis_url,
            "SQL_POOL_SIZE": str(pool), "SQL_MAX_OVERFLOW": str(overflow), "RASA_URL": public,
            "WEB_ORIGINS": f"{public},http://localhost:{settings.public_port},"
                           f"http://{HOST}:{settings.web_port}", **settings.extra_env}


def start_all(settings: ScaledSettings) -> List[subprocess.Popen]:
    """Starts every part and waits until nginx answers for each; returns the processes."""
    ensure_database(settings.database_url)
    public = settings.public_url
    base = base_settings(settings, process_env(settings))
    settings.run_dir.mkdir(parents=True, exist_ok=True)
    processes: List[subprocess.Popen] = []
    try:
        action = start_action_server(base, settings.run_dir / "actions.log")
        processes.append(action)
        rasas = [start_rasa(settings, base, port) for port in settings.rasa_ports]
        processes.extend(rasas)
        web = start_web_app(base, settings.run_dir / "web.log")
        processes.append(web)
        nginx = start_nginx(settings)
        processes.append(nginx)
        wait_until_ready(f"http://{HOST}:{settings.action_port}/health", action)
        for port, rasa in zip(settings.rasa_ports, rasas):
            wait_until_ready(f"http://{HOST}:{port}/webhooks/rest/", rasa)
        wait_until_ready(f"{public}/webhooks/rest/", nginx)
        wait_until_ready(f"{public}/", nginx)
        return processes
    except BaseException:
        stop(processes)
        raise


def supervise(settings: ScaledSettings, processes: List[subprocess.Popen]) -> int:
    """A Rasa process that dies is started again (nginx sends its requests to the others
    meanwhile); anything else that stops (nginx, actions, the page) stops everything."""
    rasas = processes[1:1 + settings.processes]
    others = [p for p in processes if p not in rasas]
    base = base_settings(settings, process_env(settings))
    while all(p.poll() is None for p in others):
        for i, (port, rasa) in enumerate(zip(settings.rasa_ports, rasas)):
            if rasa.poll() is not None:
                print(f"The Rasa process on port {port} exited ({rasa.returncode}); starting it again.",
                      flush=True)
                rasas[i] = start_rasa(settings, base, port)
                processes[processes.index(rasa)] = rasas[i]
        time.sleep(1)
    print("A process stopped; shutting down the others.", flush=True)
    return 1


def main() -> int:
    settings = ScaledSettings.from_env()
    if not (ROOT / settings.model).exists():
        print(f"No trained model at {settings.model}: run `make run-scaled`, which trains it first.")
        return 1
    ports = {"PUBLIC_PORT": settings.public_port, "ACTION_PORT": settings.action_port,
             "WEB_PORT": settings.web_port,
             **{"RASA_PORT" + (f"+{i}" if i else ""): port
                for i, port in enumerate(settings.rasa_ports)}}
    if not refuse_taken_ports(ports):
        return 1
    return run_until_stopped(lambda processes: _serve(settings, processes))


def _serve(settings: ScaledSettings, processes: List[subprocess.Popen]) -> int:
    """Starts every part into `processes`, then keeps the Rasa processes running."""
    print(f"Starting {settings.processes} Rasa processes behind nginx "
          "(loading the model takes about a minute)...", flush=True)
    processes.extend(start_all(settings))
    where = make_url(settings.database_url)
    print(f"\nThe DMHC Help Center assistant is running (scaled):\n"
          f"  Web page:  {settings.public_url}/\n"
          f"  REST:      POST {settings.public_url}/webhooks/rest/webhook\n"
          f"  Socket.IO: {settings.public_url}/socket.io/ (sticky)\n"
          f"  SMS:       POST {settings.public_url}/webhooks/twilio/webhook\n"
          f"  Rasa:      {', '.join(f'{HOST}:{p}' for p in settings.rasa_ports)}\n"
          f"  Conversations in PostgreSQL {where.host}:{where.port}/{where.database}; "
          f"locks in Redis\n  Logs in {settings.run_dir}\nPress Ctrl-C to stop.", flush=True)
    return supervise(settings, processes)


if __name__ == "__main__":
    sys.exit(main())
