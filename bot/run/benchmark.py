"""`make bench`: our assistant beside Rasa's starter bot (the anchor), in the same run, interleaved.

Starts both bots on their own ports (ours with its action server and a throw-away SQLite store,
the starter with Rasa's default in-memory store), then for each number of concurrent users runs
ours, the starter, ours, the starter... so that noise on this shared machine hits both. Measures
median/p95/p99 reply time, messages/s, start-up time and resident memory; the scaled profile
(nginx, PostgreSQL, Redis) with 1 and 2 Rasa processes; and where one turn's time goes. Writes
reports/bench.md and reports/bench.png and prints the goals' ratios. The parts are in bot/run/bench/.

Environment: BENCH_QUICK=1 (1 and 10 users, few messages: about 5 minutes, mostly start-ups;
the full run takes about 12 on 2 cores),
BENCH_TRAIN=1 (also train both bots afresh, interleaved, and time it), BENCH_SCALED=0 and
BENCH_PROFILE=0 (skip those parts), BENCH_PORT (first of the ports used, default 5105).
Usage: python -m bot.run.benchmark [--quick] [--train] [--profile-only]
       python -m bot.run.benchmark --url http://127.0.0.1:5005   (reply times of a running bot)
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from bot.run.bench import scaled as scaled_bench
from bot.run.bench.load import OURS_MESSAGES, STARTER_MESSAGES, LoadRun, run_load
from bot.run.bench.memory import tree_rss_mib
from bot.run.bench.profile import ProfileResult, load_result
from bot.run.bench.report import BenchResult, BotResult, goal_lines, profile_section, write_report
from bot.run.bench.servers import Bot, require_free, start_ours, start_starter, stop_all
from bot.run.bench.starter import STARTER_DIR, cached_train_seconds, ensure_starter, train
from bot.run.bench.stats import LevelStats, summarize
from bot.run.launcher import ROOT

RUN_DIR = ROOT / "var" / "bench"
REPORTS = ROOT / "reports"


@dataclass
class Plan:
    """How much to measure: the full run, or BENCH_QUICK's few messages."""

    levels: Tuple[int, ...] = (1, 10, 50)
    rounds: int = 2
    min_replies: int = 80
    scaled_users: int = 50
    scaled_min_replies: int = 400
    profile_conversations: int = 4
    quick: bool = False

    @classmethod
    def quick_plan(cls) -> "Plan":
        return cls(levels=(1, 10), rounds=1, min_replies=16, scaled_users=10,
                   scaled_min_replies=40, profile_conversations=2, quick=True)


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    return default if value is None or value == "" else value not in ("0", "false", "no")


def machine_lines(plan: Plan, train_fresh: bool) -> List[str]:
    """What the figures depend on: when, where, what code, how measured."""
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in
                   Path("/proc/cpuinfo").read_text().splitlines() if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor() or "unknown CPU"
    commit = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip() or "unknown"
    load = " ".join(f"{x:.2f}" for x in os.getloadavg())
    return [
        f"{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC on {platform.node()}: {os.cpu_count()} "
        f"cores ({cpu}), load average at the start {load}; commit {commit}"
        f"{'; QUICK run (BENCH_QUICK=1): few messages, not for conclusions' if plan.quick else ''}",
        f"Users at once: {', '.join(map(str, plan.levels))}; {plan.rounds} round(s), each round "
        "ours then the starter, at every level in turn; each user sends whole conversations, one "
        f"message after the other's reply, a new sender id each conversation, at least "
        f"{plan.min_replies} replies per run; one warm-up conversation per bot before measuring",
        f"Ours: `{' / '.join(OURS_MESSAGES)}` (greeting, denial story, FAQ, eligibility answers: "
        "the action server validates them); REST through our guarded channel; conversations "
        "in a SQLite file in a temporary directory (the launcher's store)",
        f"Starter (`rasa init --no-prompt`, in {STARTER_DIR.relative_to(ROOT)}): "
        f"`{' / '.join(STARTER_MESSAGES)}`; Rasa's REST channel; Rasa's default in-memory tracker "
        "store (nothing written to disk); no action server",
        "The load comes from this machine (a thread per user, urllib, as make loadtest), so it "
        "shares the cores with the bots; reply time is from sending the request to the whole reply",
        f"Training: {'both trained afresh in this run (BENCH_TRAIN=1)' if train_fresh else 'not re-measured (BENCH_TRAIN=1 does)'}",
    ]


def measure_levels(ours: Bot, starter: Bot, plan: Plan) -> Tuple[Dict[int, LevelStats],
                                                                  Dict[int, LevelStats]]:
    """Interleaved: at each level, ours then the starter, `rounds` times."""
    for bot, messages in ((ours, OURS_MESSAGES), (starter, STARTER_MESSAGES)):
        run_load(bot.base_url, 1, messages, len(messages), "warmup")
    results: Dict[str, Dict[int, LevelStats]] = {"ours": {}, "starter": {}}
    for users in plan.levels:
        runs: Dict[str, List[LoadRun]] = {"ours": [], "starter": []}
        for round_number in range(1, plan.rounds + 1):
            for bot, messages in ((ours, OURS_MESSAGES), (starter, STARTER_MESSAGES)):
                run = run_load(bot.base_url, users, messages, plan.min_replies, "bench")
                runs[bot.name].append(run)
                rate = len(run.latencies) / run.seconds if run.seconds else 0.0
                print(f"  {users:>2} users, round {round_number}: {bot.name:<7} "
                      f"{len(run.latencies)} replies, {run.errors} errors in {run.seconds:.1f} s "
                      f"({rate:.1f}/s)", flush=True)
        for name, done in runs.items():
            latencies = [t for run in done for t in run.latencies]
            results[name][users] = summarize(users, latencies, sum(r.errors for r in done),
                                             sum(r.seconds for r in done))
    return results["ours"], results["starter"]


def run_profile(plan: Plan, action_port: int) -> ProfileResult:
    """In a child process, so this one (the load's client) never holds TensorFlow."""
    out = RUN_DIR / "profile.json"
    log = RUN_DIR / "logs" / "profile.log"
    log.parent.mkdir(parents=True, exist_ok=True)
    with open(log, "wb") as output:
        done = subprocess.run([sys.executable, "-m", "bot.run.bench.profile", "--out", str(out),
                               "--conversations", str(plan.profile_conversations),
                               "--action-port", str(action_port), "--run-dir", str(RUN_DIR)],
                              cwd=ROOT, stdout=output, stderr=subprocess.STDOUT)
    if done.returncode != 0:
        raise RuntimeError(f"the profile failed ({done.returncode}); see {log}")
    return load_result(out)


def train_both() -> Tuple[float, float]:
    """`rasa train --force` of ours, then of the starter, into a temporary directory."""
    with tempfile.TemporaryDirectory(dir=RUN_DIR) as out:
        print("Training ours afresh (BENCH_TRAIN=1)...", flush=True)
        ours = train(ROOT, Path(out), "bench-ours")
        print(f"  ours: {ours:.0f} s; training the starter afresh...", flush=True)
        starter = train(STARTER_DIR, Path(out), "bench-starter")
        print(f"  starter: {starter:.0f} s", flush=True)
    return ours, starter


def benchmark(plan: Plan, train_fresh: bool, with_scaled: bool, with_profile: bool,
              first_port: int) -> BenchResult:
    ours_port, action_port, starter_port = first_port, first_port + 50, first_port + 100
    scaled_port = first_port + 200
    require_free(ours_port, action_port, starter_port)
    RUN_DIR.mkdir(parents=True, exist_ok=True)
    setup = machine_lines(plan, train_fresh)
    starter_model = ensure_starter()
    ours_train: Optional[float] = None
    starter_train = cached_train_seconds()
    ours_note = "not re-measured in this run (BENCH_TRAIN=1 trains it afresh and times it)"
    starter_note = "`rasa init --no-prompt`, timed when var/starter-bot was created (cached)"
    if train_fresh:
        ours_train, starter_train = train_both()
        ours_note = starter_note = "`rasa train --force` in this run"
    ours: Optional[Bot] = None
    starter: Optional[Bot] = None
    logs = RUN_DIR / "logs"
    shutil.rmtree(logs, ignore_errors=True)
    with tempfile.TemporaryDirectory(dir=RUN_DIR, prefix="store-") as store:
        try:
            print(f"Starting ours on {ours_port} (actions on {action_port}; logs in {logs})...",
                  flush=True)
            ours = start_ours(ours_port, action_port, logs, Path(store) / "conversations.db",
                              "models/dmhc.tar.gz")
            print(f"  up in {ours.startup_seconds:.1f} s; starting the starter bot on "
                  f"{starter_port}...", flush=True)
            starter = start_starter(starter_port, logs, starter_model)
            print(f"  up in {starter.startup_seconds:.1f} s", flush=True)
            ours_levels, starter_levels = measure_levels(ours, starter, plan)
            ours_memory, starter_memory = ours.memory_mib(), starter.memory_mib()
        finally:
            stop_all([ours, starter])
    assert ours is not None and starter is not None
    result = BenchResult(
        ours=BotResult("ours", ours_levels, ours.startup_seconds, ours_memory, ours_train, ours_note),
        starter=BotResult("starter", starter_levels, starter.startup_seconds, starter_memory,
                          starter_train, starter_note),
        setup=setup)
    if with_scaled and not (missing := scaled_bench.nginx_missing()):
        require_free(scaled_port, scaled_port + 5, scaled_port + 6, scaled_port + 55,
                     scaled_port + 80)
        result.scaled = scaled_bench.measure_both(scaled_port, plan.scaled_users, OURS_MESSAGES,
                                                  plan.scaled_min_replies, RUN_DIR)
        result.scaled_note = (
            "Each: action server, Rasa process(es) on a fresh PostgreSQL database (dropped "
            f"afterwards), the Redis lock, nginx; {plan.scaled_users} users of our mix through "
            f"nginx after a warm-up. The Rasa processes share this machine's {os.cpu_count()} "
            "cores with the action server, PostgreSQL, Redis, nginx and the load's client.")
    else:
        result.scaled_note = "BENCH_SCALED=0" if not with_scaled else missing
    if with_profile:
        print("Profiling turns of ours in-process...", flush=True)
        result.profile = run_profile(plan, action_port)
    return result


def running_bot(url: str, rounds: int) -> int:
    """The old `make bench`: conversations one at a time against a bot that is already running."""
    run = run_load(url.rstrip("/"), 1, OURS_MESSAGES, rounds * len(OURS_MESSAGES), "bench")
    s = summarize(1, run.latencies, run.errors, run.seconds)
    print(f"replies: {s.replies}, errors {s.errors}; median {s.median * 1000:.0f} ms, "
          f"p95 {s.p95 * 1000:.0f} ms, p99 {s.p99 * 1000:.0f} ms; {s.per_second:.1f}/s")
    for pid_dir in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (pid_dir / "cmdline").read_bytes().replace(b"\0", b" ").decode()
        except OSError:
            continue
        name = ("rasa server" if " run --model" in cmdline
                else "action server" if "bot.run.action_server" in cmdline else None)
        if name:
            print(f"memory: {name} (pid {pid_dir.name}) {tree_rss_mib(int(pid_dir.name)):.0f} MiB")
    return 0 if run.errors == 0 else 1


def print_summary(result: BenchResult, report: Path) -> None:
    print("\nUsers | bot     | median ms | p95 ms | p99 ms | messages/s | errors")
    for users in sorted(result.ours.levels):
        for bot in (result.ours, result.starter):
            s = bot.levels.get(users)
            if s:
                print(f"{users:>5} | {bot.name:<7} | {s.median * 1000:>9.0f} | {s.p95 * 1000:>6.0f} "
                      f"| {s.p99 * 1000:>6.0f} | {s.per_second:>10.1f} | {s.errors}")
    for bot in (result.ours, result.starter):
        memory = ", ".join(f"{k} {v:.0f} MiB" for k, v in bot.memory_mib.items())
        train_text = f"{bot.train_seconds:.0f} s" if bot.train_seconds is not None else "not measured"
        print(f"{bot.name}: start-up {bot.startup_seconds:.1f} s; memory {memory}; "
              f"training {train_text}")
    for run in result.scaled:
        print(f"scaled, {run.processes} Rasa process(es), {run.stats.users} users: "
              f"{run.stats.per_second:.1f} messages/s, median {run.stats.median * 1000:.0f} ms, "
              f"{run.stats.errors} errors")
    if not result.scaled:
        print(f"scaled: not measured ({result.scaled_note})")
    print("\nRatios against the goals:")
    for line in goal_lines(result):
        print(f"  {line}")
    if result.profile:
        print("\n" + "\n".join(profile_section(result.profile)))
    print(f"\nWrote {report} and {report.with_suffix('.png')}")


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", default=_flag("BENCH_QUICK", False))
    parser.add_argument("--train", action="store_true", default=_flag("BENCH_TRAIN", False))
    parser.add_argument("--profile-only", action="store_true",
                        help="only where one turn's time goes (our bot in-process)")
    parser.add_argument("--url", help="measure a bot that is already running at this base URL")
    parser.add_argument("--rounds", type=int, default=5, help="conversations, with --url")
    args = parser.parse_args(argv)
    if args.url:
        return running_bot(args.url, args.rounds)
    if not (ROOT / "models" / "dmhc.tar.gz").exists():
        print("No trained model at models/dmhc.tar.gz: `make bench` trains it first.")
        return 1
    plan = Plan.quick_plan() if args.quick else Plan()
    first_port = int(os.environ.get("BENCH_PORT", 5105))

    def terminate(signum: int, _frame: object) -> None:
        raise KeyboardInterrupt  # so every `finally` stops what it started

    signal.signal(signal.SIGTERM, terminate)
    if args.profile_only:
        print("\n".join(profile_section(run_profile(plan, first_port + 50))))
        return 0
    started = time.perf_counter()
    result = benchmark(plan, args.train, _flag("BENCH_SCALED", True), _flag("BENCH_PROFILE", True),
                       first_port)
    result.setup.append(f"The whole run took {(time.perf_counter() - started) / 60:.1f} min")
    report = write_report(result, REPORTS)
    print_summary(result, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
