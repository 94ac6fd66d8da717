"""make bench's pure parts (bot/run/bench/): percentiles, ratios and goals, the report and plot,
RSS from a fake /proc, the section clock. No servers are started."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.run.bench.load import conversations_per_user
from bot.run.bench.memory import descendants, tree_rss_mib
from bot.run.bench.profile import OTHER, ProfileResult, SectionClock, library_of
from bot.run.bench.report import BenchResult, BotResult, goal_lines, render_markdown, write_report
from bot.run.bench.scaled import ScaledRun
from bot.run.bench.stats import percentile, ratio, ratio_text, summarize


def test_percentile_interpolates_between_ranks():
    values = [0.4, 0.1, 0.3, 0.2, 0.5]
    assert percentile(values, 50) == pytest.approx(0.3)
    assert percentile(values, 0) == pytest.approx(0.1)
    assert percentile(values, 100) == pytest.approx(0.5)
    assert percentile(values, 95) == pytest.approx(0.48)  # 0.4 + 0.8 * (0.5 - 0.4)
    assert percentile(list(range(1, 101)), 99) == pytest.approx(99.01)
    assert percentile([], 95) == 0.0
    assert percentile([7.0], 99) == 7.0


def test_summary_and_messages_per_second():
    s = summarize(10, [0.1, 0.2, 0.3, 0.4], errors=1, seconds=2.0)
    assert (s.replies, s.errors, s.median) == (4, 1, pytest.approx(0.25))
    assert s.per_second == pytest.approx(2.0)
    assert summarize(1, [], 0, 0.0).per_second == 0.0


def test_ratio_and_its_text():
    assert ratio(2.0, 4.0) == 0.5
    assert ratio(1.0, 0.0) is None and ratio(None, 1.0) is None
    assert ratio_text("median", 0.8, 1.0, higher_is_better=False) == \
        "median: 0.80x (goal <= 1.0x) met"
    assert ratio_text("msgs/s", 0.8, 1.0, higher_is_better=True).endswith("MISSED")
    assert ratio_text("2 procs", 1.7, 1.7, higher_is_better=True).endswith("met")
    assert "not measured" in ratio_text("x", None, 1.7, higher_is_better=True)


def test_enough_conversations_for_the_minimum_replies():
    assert conversations_per_user(1, 8, 120) == 15
    assert conversations_per_user(10, 8, 120) == 2
    assert conversations_per_user(50, 8, 120) == 1


def fake_result(scaled: bool = True) -> BenchResult:
    ours = BotResult("ours", {1: summarize(1, [0.10, 0.12, 0.20], 0, 1.0),
                              10: summarize(10, [0.5, 0.6, 0.9], 0, 0.5)},
                     startup_seconds=40.0, memory_mib={"rasa": 900.0, "action server": 100.0},
                     train_note="not re-measured")
    starter = BotResult("starter", {1: summarize(1, [0.05, 0.06, 0.07], 0, 0.5),
                                    10: summarize(10, [0.2, 0.3, 0.4], 0, 0.25)},
                        startup_seconds=20.0, memory_mib={"rasa": 500.0}, train_seconds=120.0)
    runs = [ScaledRun(1, summarize(10, [0.3] * 10, 0, 1.0), 50.0),
            ScaledRun(2, summarize(10, [0.2] * 10, 0, 0.6), 70.0)] if scaled else []
    profile = ProfileResult(turns=10, total_seconds=1.0,
                            sections=[("NLU (our pipeline)", 0.6), (OTHER, 0.4)],
                            libraries=[("tensorflow", 0.8), ("rasa", 0.2)], profiled_seconds=1.0)
    return BenchResult(ours, starter, setup=["2 cores"], scaled=runs, profile=profile)


def test_goal_lines_use_one_user_median_top_level_throughput_and_scaled_ratio():
    lines = goal_lines(fake_result())
    assert lines[0].startswith("median reply at 1 user, ours/starter: 2.00x (goal <= 1.0x) MISSED")
    assert lines[1].startswith("messages/s per process at 10 users, ours/starter: 0.50x")
    assert lines[2] == "scaled profile messages/s, 2 processes/1: 1.67x (goal >= 1.7x) MISSED"
    assert "not measured" in goal_lines(fake_result(scaled=False))[2]


def test_markdown_has_every_section_and_the_figures():
    text = render_markdown(fake_result())
    for heading in ("# Benchmark", "## Goals", "## Reply time and throughput",
                    "## Start-up, memory, training", "## Scaled profile", "## Where one turn"):
        assert heading in text
    assert "| 1 | ours | 3 | 0 | 120 |" in text
    assert "| 1 | starter | 3 | 0 | 60 |" in text
    assert "1000 (rasa 900 + action server 100)" in text
    assert "| NLU (our pipeline) | 60.0 | 60% |" in text
    assert "| tensorflow | 0.80 | 80% |" in text
    assert "![reply time" in text and "bench.png" in text
    assert "Not measured: skipped" in render_markdown(fake_result(scaled=False))


def test_report_writes_markdown_and_a_png(tmp_path: Path):
    path = write_report(fake_result(), tmp_path)
    png = tmp_path / "bench.png"
    assert path.read_text().startswith("# Benchmark")
    assert png.stat().st_size > 1000 and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_rss_is_summed_over_a_process_and_its_descendants(tmp_path: Path):
    def process(pid: int, parent: int, rss_kib: int, name: str = "py thon") -> None:
        (tmp_path / str(pid)).mkdir()
        (tmp_path / str(pid) / "stat").write_text(f"{pid} ({name}) S {parent} 1 1 0\n")
        (tmp_path / str(pid) / "status").write_text(f"Name:\tx\nVmRSS:\t{rss_kib} kB\n")

    process(10, 1, 1024)
    process(11, 10, 2048, name="a) b")  # a command name with ') ' in it
    process(12, 11, 1024)
    process(20, 1, 9999)
    assert sorted(descendants(10, tmp_path)) == [10, 11, 12]
    assert tree_rss_mib(10, tmp_path) == pytest.approx(4.0)


def test_section_clock_counts_nested_sections_once():
    clock = SectionClock()

    class Work:
        async def outer(self) -> None:
            await asyncio.sleep(0.05)
            await self.inner()

        async def inner(self) -> None:
            await asyncio.sleep(0.05)

    clock.wrap(Work, "outer", "outer")
    clock.wrap(Work, "inner", "inner")
    asyncio.run(Work().outer())
    assert clock.totals["outer"] == pytest.approx(0.05, abs=0.03)
    assert clock.totals["inner"] == pytest.approx(0.05, abs=0.03)


def test_library_names_for_profile_keys():
    assert library_of(("/x/.venv/lib/python3.10/site-packages/tensorflow/a.py", 1, "f")) == "tensorflow"
    assert library_of(("~", 0, "<method 'poll' of 'select.epoll' objects>")) == \
        "waiting for I/O (event loop)"
    assert library_of(("/usr/lib/python3.10/json/decoder.py", 1, "f")) == "Python standard library"
    assert library_of(("~", 0, "<built-in method tensorflow.python._pywrap_tfe.TFE_Py_Execute>")) \
        == "tensorflow"
    assert library_of(("~", 0, "<built-in method builtins.isinstance>")) == "Python built-ins"
