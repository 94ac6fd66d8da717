"""reports/bench.md and its plot: what was measured, the goals, the ratios, the profile.

Everything here works on plain result objects (no servers), so it is unit-tested with fake ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from bot.run.bench.profile import ProfileResult
from bot.run.bench.scaled import ScaledRun
from bot.run.bench.stats import LevelStats, ratio, ratio_text


@dataclass
class BotResult:
    """One bot's figures: per number of users, start-up, memory, training."""

    name: str
    levels: Dict[int, LevelStats]
    startup_seconds: Optional[float] = None
    memory_mib: Dict[str, float] = field(default_factory=dict)
    train_seconds: Optional[float] = None
    train_note: str = ""


@dataclass
class BenchResult:
    ours: BotResult
    starter: BotResult
    setup: List[str] = field(default_factory=list)
    scaled: List[ScaledRun] = field(default_factory=list)
    scaled_note: str = ""
    profile: Optional[ProfileResult] = None


def _level(bot: BotResult, users: int) -> Optional[LevelStats]:
    return bot.levels.get(users)


def goal_lines(result: BenchResult) -> List[str]:
    """The three goals of issue 8 item 4, each with its ratio and whether it was met."""
    ours1, starter1 = _level(result.ours, 1), _level(result.starter, 1)
    top = max(result.ours.levels, default=None)
    ours_top = _level(result.ours, top) if top is not None else None
    starter_top = _level(result.starter, top) if top is not None else None
    by_count = {run.processes: run.stats.per_second for run in result.scaled}
    return [
        ratio_text("median reply at 1 user, ours/starter",
                   ratio(ours1 and ours1.median, starter1 and starter1.median), 1.0, False),
        ratio_text(f"messages/s per process at {top} users, ours/starter",
                   ratio(ours_top and ours_top.per_second, starter_top and starter_top.per_second),
                   1.0, True),
        ratio_text("scaled profile messages/s, 2 processes/1",
                   ratio(by_count.get(2), by_count.get(1)), 1.7, True),
    ]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f}"


def _x(value: Optional[float]) -> str:
    return "-" if value is None else f"{value:.2f}x"


def _opt(value: Optional[float], fmt: str = "{:.1f}") -> str:
    return "-" if value is None else fmt.format(value)


def latency_table(result: BenchResult) -> List[str]:
    lines = ["| users | bot | replies | errors | median ms | p95 ms | p99 ms | messages/s |",
             "|---:|---|---:|---:|---:|---:|---:|---:|"]
    for users in sorted(result.ours.levels):
        for bot in (result.ours, result.starter):
            s = _level(bot, users)
            if s is not None:
                lines.append(f"| {users} | {bot.name} | {s.replies} | {s.errors} | {_ms(s.median)} "
                             f"| {_ms(s.p95)} | {_ms(s.p99)} | {s.per_second:.1f} |")
    lines += ["", "| users | median ours/starter | p95 ours/starter | p99 ours/starter "
                  "| messages/s ours/starter |", "|---:|---:|---:|---:|---:|"]
    for users in sorted(result.ours.levels):
        o, s = _level(result.ours, users), _level(result.starter, users)
        if o is None or s is None:
            continue
        lines.append(f"| {users} | {_x(ratio(o.median, s.median))} | {_x(ratio(o.p95, s.p95))} "
                     f"| {_x(ratio(o.p99, s.p99))} | {_x(ratio(o.per_second, s.per_second))} |")
    return lines


def resources_table(result: BenchResult) -> List[str]:
    o, s = result.ours, result.starter
    ours_memory = sum(o.memory_mib.values()) if o.memory_mib else None
    starter_memory = sum(s.memory_mib.values()) if s.memory_mib else None
    parts = " + ".join(f"{name} {mib:.0f}" for name, mib in o.memory_mib.items())
    return [
        "| | ours | starter | ours/starter |", "|---|---:|---:|---:|",
        f"| start-up: process start until REST answers, s | {_opt(o.startup_seconds)} "
        f"| {_opt(s.startup_seconds)} | {_x(ratio(o.startup_seconds, s.startup_seconds))} |",
        f"| resident memory after the load, MiB | {_opt(ours_memory, '{:.0f}')}"
        f"{f' ({parts})' if len(o.memory_mib) > 1 else ''} | {_opt(starter_memory, '{:.0f}')} "
        f"| {_x(ratio(ours_memory, starter_memory))} |",
        f"| training time, s | {_opt(o.train_seconds)} | {_opt(s.train_seconds)} "
        f"| {_x(ratio(o.train_seconds, s.train_seconds))} |",
        "", f"Training: ours: {o.train_note or '-'}; starter: {s.train_note or '-'}.",
    ]


def scaled_table(result: BenchResult) -> List[str]:
    if not result.scaled:
        return [f"Not measured: {result.scaled_note or 'skipped'}."]
    lines = ["| Rasa processes | users | replies | errors | median ms | p95 ms | p99 ms "
             "| messages/s | start-up s |", "|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for run in result.scaled:
        s = run.stats
        lines.append(f"| {run.processes} | {s.users} | {s.replies} | {s.errors} | {_ms(s.median)} "
                     f"| {_ms(s.p95)} | {_ms(s.p99)} | {s.per_second:.1f} "
                     f"| {run.startup_seconds:.0f} |")
    if result.scaled_note:
        lines += ["", result.scaled_note]
    return lines


def profile_section(profile: Optional[ProfileResult]) -> List[str]:
    if profile is None:
        return ["Not measured (BENCH_PROFILE=0)."]
    per_turn = profile.total_seconds / max(1, profile.turns)
    lines = [f"{profile.turns} turns of our conversation mix, in-process (Rasa's Agent, the SQLite "
             f"tracker store, our action server over HTTP, no REST channel in front): "
             f"{per_turn * 1000:.0f} ms per turn on average. Own wall time of each section "
             "(a section inside another is not counted twice):", "",
             "| section | ms per turn | share |", "|---|---:|---:|"]
    for name, seconds in profile.sections:
        share = seconds / profile.total_seconds if profile.total_seconds else 0.0
        lines.append(f"| {name} | {seconds * 1000 / max(1, profile.turns):.1f} | {share:.0%} |")
    lines += ["", f"CPU self time by library under cProfile (a second pass of the same turns, "
                  f"{profile.profiled_seconds:.1f} s in all; cProfile itself slows Python code):",
              "", "| library | s | share |", "|---|---:|---:|"]
    shown = profile.libraries[:10]
    rest = sum(seconds for _, seconds in profile.libraries[10:])
    for name, seconds in shown + ([("everything else", rest)] if rest else []):
        share = seconds / profile.profiled_seconds if profile.profiled_seconds else 0.0
        lines.append(f"| {name} | {seconds:.2f} | {share:.0%} |")
    return lines


def render_markdown(result: BenchResult, plot_name: str = "bench.png") -> str:
    lines = ["# Benchmark: our assistant beside Rasa's starter bot", ""]
    lines += [f"- {line}" for line in result.setup]
    lines += ["", "## Goals", ""] + [f"- {line}" for line in goal_lines(result)]
    lines += ["", "## Reply time and throughput (one Rasa process each)", ""]
    lines += latency_table(result)
    lines += ["", f"![reply time against concurrent users, both bots]({plot_name})", ""]
    lines += ["## Start-up, memory, training", ""] + resources_table(result)
    lines += ["", "## Scaled profile: nginx, PostgreSQL, Redis; 1 and 2 Rasa processes", ""]
    lines += scaled_table(result)
    lines += ["", "## Where one turn's time goes", ""] + profile_section(result.profile)
    return "\n".join(lines) + "\n"


def write_plot(result: BenchResult, path: Path) -> None:
    """Median and p95 reply time against concurrent users, both bots, log-scaled users."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(7, 4.5))
    for bot, colour in ((result.ours, "tab:blue"), (result.starter, "tab:orange")):
        users = sorted(bot.levels)
        axes.plot(users, [bot.levels[u].median * 1000 for u in users], "o-", color=colour,
                  label=f"{bot.name}: median")
        axes.plot(users, [bot.levels[u].p95 * 1000 for u in users], "s--", color=colour,
                  label=f"{bot.name}: p95")
    levels = sorted(set(result.ours.levels) | set(result.starter.levels))
    if len(levels) > 1:
        axes.set_xscale("log")
    axes.set_xticks(levels)
    axes.set_xticklabels([str(u) for u in levels])
    axes.set_xlabel("concurrent users")
    axes.set_ylabel("reply time, ms")
    axes.set_title("Reply time against concurrent users (REST, one Rasa process)")
    axes.grid(True, alpha=0.3)
    axes.legend()
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    plt.close(figure)


def write_report(result: BenchResult, directory: Path) -> Path:
    """bench.md and bench.png into directory; returns the markdown's path."""
    directory.mkdir(parents=True, exist_ok=True)
    write_plot(result, directory / "bench.png")
    path = directory / "bench.md"
    path.write_text(render_markdown(result, "bench.png"), encoding="utf-8")
    return path
