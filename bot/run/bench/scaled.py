"""The scaled profile (make run-scaled: Rasa processes on PostgreSQL + Redis behind nginx) with 1
and then 2 Rasa processes, the same load through nginx each time: does a second process pay?

Uses bot/run/scaled.py's start_all and stop on ports of its own and a throw-away PostgreSQL
database (created, then dropped), so neither a running make run-scaled nor its conversations
are touched.
"""
from __future__ import annotations

import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Sequence

from sqlalchemy.engine import make_url

from bot.run.bench.load import run_load
from bot.run.bench.stats import LevelStats, summarize
from bot.run.bench.servers import NO_RATE_LIMITS
from bot.run.scaled import DEFAULT_DATABASE_URL, ScaledSettings, start_all, stop


@dataclass
class ScaledRun:
    """msgs/s and reply times with this many Rasa processes."""

    processes: int
    stats: LevelStats
    startup_seconds: float


def nginx_missing() -> Optional[str]:
    """Why the scaled profile cannot run here, or None."""
    if shutil.which("nginx") or os.path.exists("/usr/sbin/nginx"):
        return None
    return "nginx is not installed (make bench and make run-scaled install Debian's nginx-light)"


def drop_database(url: str) -> None:
    import sqlalchemy as sa

    target = make_url(url)
    admin = sa.create_engine(target.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(sa.text("select pg_terminate_backend(pid) from pg_stat_activity "
                                       "where datname = :n"), {"n": target.database})
            connection.execute(sa.text(f'drop database if exists "{target.database}"'))
    finally:
        admin.dispose()


def measure(processes: int, first_port: int, users: int, messages: Sequence[str],
            min_replies: int, run_dir: Path, database_url: str, redis_url: str) -> ScaledRun:
    """Starts the profile with `processes` Rasa processes, warms it up, loads it, stops it."""
    settings = ScaledSettings(processes=processes, public_port=first_port,
                              first_rasa_port=first_port + 5, action_port=first_port + 55,
                              web_port=first_port + 80, database_url=database_url,
                              redis_url=redis_url, run_dir=run_dir / f"scaled-{processes}",
                              extra_env=dict(NO_RATE_LIMITS))
    started = time.perf_counter()
    running = start_all(settings)
    startup = time.perf_counter() - started
    try:
        run_load(settings.public_url, processes * 2, messages, processes * 2 * len(messages),
                 "warmup")  # each process builds its TensorFlow graphs on its first turns
        run = run_load(settings.public_url, users, messages, min_replies, "scaled")
    finally:
        stop(running)
    return ScaledRun(processes, summarize(users, run.latencies, run.errors, run.seconds), startup)


def measure_both(first_port: int, users: int, messages: Sequence[str], min_replies: int,
                 run_dir: Path, counts: Sequence[int] = (1, 2)) -> List[ScaledRun]:
    """1 then 2 processes, each on a fresh database dropped afterwards."""
    base = make_url(os.environ.get("DATABASE_URL") or DEFAULT_DATABASE_URL)
    redis_url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/3")
    runs = []
    for count in counts:
        url = base.set(database=f"dmhc_bench_{uuid.uuid4().hex[:8]}").render_as_string(
            hide_password=False)
        try:
            print(f"  scaled profile, {count} Rasa process(es), {users} users...", flush=True)
            runs.append(measure(count, first_port, users, messages, min_replies, run_dir, url,
                                redis_url))
        finally:
            drop_database(url)
    return runs
