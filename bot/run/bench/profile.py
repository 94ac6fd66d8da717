"""Where one turn's time goes: our model loaded in this process (Rasa's Agent, the SQLite tracker
store of endpoints.yml, our action server running), turns sent with `agent.handle_text`.

Two passes over the same conversations. The first times sections of Rasa by wall clock, each
section's own time (a section inside another is taken out of it): tracker load and save, NLU,
policies, the call to the action server (building the request, the HTTP round trip, checking
the reply), actions run inside Rasa; what is left is Rasa's bookkeeping. Wall clock, because cProfile does not charge a coroutine for the time it awaits
(the action server's answer, for one). The second pass runs under cProfile and adds up
self time by library, to show which code the CPU time is spent in.
The REST channel is not in the path (no HTTP in front of Rasa): the load tests include it.

Usage: python -m bot.run.bench.profile --out var/bench/profile.json [--conversations 4]
"""
from __future__ import annotations

import argparse
import asyncio
import cProfile
import functools
import json
import os
import pstats
import re
import tempfile
import time
import uuid
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

from bot.run.bench.load import OURS_MESSAGES
from bot.rasa_setup import configure as configure_rasa
from bot.run.launcher import HOST, ROOT, Settings, start_action_server, stop, wait_until_ready

C_STANDARD = {"builtins", "posix", "select", "thread", "time", "socket", "io", "json", "pickle",
              "collections", "functools", "contextvars", "asyncio", "operator", "struct"}
OTHER = "Rasa's own bookkeeping (events, session, lock, replies)"


@dataclass
class ProfileResult:
    """Seconds per section over `turns` turns, and CPU self time by library."""

    turns: int
    total_seconds: float
    sections: List[Tuple[str, float]] = field(default_factory=list)
    libraries: List[Tuple[str, float]] = field(default_factory=list)
    profiled_seconds: float = 0.0


class SectionClock:
    """Own (exclusive) wall time per section; sections nest, turns run one at a time."""

    def __init__(self) -> None:
        self.totals: Dict[str, float] = defaultdict(float)
        self._stack: List[List[Any]] = []  # [name, start, time of nested sections]

    def enter(self, name: str) -> None:
        self._stack.append([name, time.perf_counter(), 0.0])

    def leave(self) -> None:
        name, start, nested = self._stack.pop()
        elapsed = time.perf_counter() - start
        self.totals[name] += elapsed - nested
        if self._stack:
            self._stack[-1][2] += elapsed

    def wrap(self, owner: type, method: str, name: str) -> None:
        """Times owner.method (sync or async) as section `name`."""
        original = getattr(owner, method)
        if asyncio.iscoroutinefunction(original):
            @functools.wraps(original)
            async def timed(*args: Any, **kwargs: Any) -> Any:
                self.enter(name)
                try:
                    return await original(*args, **kwargs)
                finally:
                    self.leave()
        else:
            @functools.wraps(original)
            def timed(*args: Any, **kwargs: Any) -> Any:
                self.enter(name)
                try:
                    return original(*args, **kwargs)
                finally:
                    self.leave()
        setattr(owner, method, timed)


def instrument(clock: SectionClock) -> None:
    """The sections, on Rasa 3.6's classes (so every instance, the fail-safe wrapper's too)."""
    from rasa.core.actions.action import RemoteAction
    from rasa.core.processor import MessageProcessor
    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.utils.endpoints import EndpointConfig

    clock.wrap(SQLTrackerStore, "retrieve", "tracker load (SQLite)")
    clock.wrap(SQLTrackerStore, "retrieve_full_tracker", "tracker load (SQLite)")
    clock.wrap(SQLTrackerStore, "save", "tracker save (SQLite)")
    clock.wrap(MessageProcessor, "parse_message", "NLU (our pipeline)")
    clock.wrap(MessageProcessor, "_predict_next_with_tracker", "policies")
    clock.wrap(RemoteAction, "run", "action call: the rest (events, its responses)")
    clock.wrap(RemoteAction, "_action_call_format", "action call: build the request "
               "(tracker state, the whole domain)")
    clock.wrap(EndpointConfig, "request", "action call: HTTP round trip (our action server)")
    clock.wrap(RemoteAction, "_validate_action_result", "action call: check the reply "
               "(jsonschema)")
    clock.wrap(MessageProcessor, "_run_action", "actions run in Rasa (responses, forms)")
    clock.wrap(MessageProcessor, "run_action_extract_slots", "slot extraction")


def library_of(key: Tuple[str, int, str]) -> str:
    """A short library name for a pstats key (file, line, function)."""
    filename, _, function = key
    if filename == "~":  # a built-in: '<built-in method tensorflow...>' or '<method ... of ...>'
        if "poll" in function or "select" in function:
            return "waiting for I/O (event loop)"
        match = re.search(r"(?:method|function) ([A-Za-z_][\w]*)", function)
        module = match.group(1).lstrip("_") if match else "builtins"
        return "Python built-ins" if module in C_STANDARD else module
    path = filename.replace("\\", "/")
    if "/site-packages/" in path:
        return path.split("/site-packages/")[1].split("/")[0].removesuffix(".py")
    if path.startswith(str(ROOT)) or path.startswith("bot/") or "/bot/" in path:
        return "bot (our code)"
    return "Python standard library"


def self_time_by_library(stats: pstats.Stats) -> List[Tuple[str, float]]:
    totals: Dict[str, float] = defaultdict(float)
    for key, (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        totals[library_of(key)] += tottime
    return sorted(totals.items(), key=lambda item: -item[1])


def conversations(count: int) -> List[Sequence[str]]:
    return [OURS_MESSAGES] * count


async def _turns(agent: Any, talks: List[Sequence[str]]) -> Tuple[int, float]:
    turns, seconds = 0, 0.0
    for messages in talks:
        sender = f"profile-{uuid.uuid4().hex}"
        for text in messages:
            start = time.perf_counter()
            await agent.handle_text(text, sender_id=sender)
            seconds += time.perf_counter() - start
            turns += 1
    return turns, seconds


async def profile(model: str, count: int) -> ProfileResult:
    from rasa.core.agent import load_agent
    from rasa.core.utils import read_endpoints_from_path
    from rasa.utils.common import configure_logging_and_warnings
    from rasa.utils.log_utils import configure_structlog

    # as `rasa run` does (LOG_LEVEL, else INFO): unconfigured, Rasa logs every DEBUG line
    configure_logging_and_warnings(None)
    configure_structlog(None)
    configure_rasa()  # what our channels do in the Rasa process (bot/rasa_setup.py)
    agent = await load_agent(model_path=str(ROOT / model),
                             endpoints=read_endpoints_from_path(ROOT / "endpoints.yml"))
    await _turns(agent, conversations(1))  # warm-up: the first turn builds TensorFlow's graphs
    clock = SectionClock()
    instrument(clock)
    turns, seconds = await _turns(agent, conversations(count))
    sections = sorted(clock.totals.items(), key=lambda item: -item[1])
    sections.append((OTHER, max(0.0, seconds - sum(clock.totals.values()))))
    profiler = cProfile.Profile()
    profiler.enable()
    await _turns(agent, conversations(count))
    profiler.disable()
    stats = pstats.Stats(profiler)
    return ProfileResult(turns=turns, total_seconds=seconds, sections=sections,
                         libraries=self_time_by_library(stats),
                         profiled_seconds=stats.total_tt)  # type: ignore[attr-defined]


def run(model: str, count: int, action_port: int, run_dir: Path) -> ProfileResult:
    """Starts our action server, profiles, stops it."""
    run_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=run_dir, prefix="profile-") as db:
        settings = Settings(action_port=action_port, model=model,
                            tracker_db=str(Path(db) / "conversations.db"))
        os.environ.update(ACTION_PORT=str(action_port), TRACKER_DB=settings.tracker_db,
                          RASA_TELEMETRY_ENABLED="false")
        (run_dir / "logs").mkdir(exist_ok=True)
        action = start_action_server(settings, run_dir / "logs" / "profile-actions.log")
        try:
            wait_until_ready(f"http://{HOST}:{action_port}/health", action)
            return asyncio.run(profile(model, count))
        finally:
            stop([action])


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="where the JSON result goes")
    parser.add_argument("--model", default="models/dmhc.tar.gz")
    parser.add_argument("--conversations", type=int, default=4)
    parser.add_argument("--action-port", type=int, default=5155)
    parser.add_argument("--run-dir", type=Path, default=ROOT / "var" / "bench")
    args = parser.parse_args(argv)
    result = run(args.model, args.conversations, args.action_port, args.run_dir)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(asdict(result), indent=1), encoding="utf-8")
    return 0


def load_result(path: Path) -> ProfileResult:
    data = json.loads(path.read_text(encoding="utf-8"))
    return ProfileResult(turns=data["turns"], total_seconds=data["total_seconds"],
                         sections=[tuple(s) for s in data["sections"]],  # type: ignore[misc]
                         libraries=[tuple(s) for s in data["libraries"]],  # type: ignore[misc]
                         profiled_seconds=data["profiled_seconds"])


if __name__ == "__main__":
    raise SystemExit(main())
