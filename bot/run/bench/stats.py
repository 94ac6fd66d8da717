"""Summaries and ratios of reply times; pure functions, so the unit tests can check the maths."""
from __future__ import annotations

import statistics
from dataclasses import dataclass
from typing import Optional, Sequence


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile, interpolated linearly between ranks (numpy's default), so a p99 of
    a few hundred replies is not just the single slowest one; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100.0
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass
class LevelStats:
    """One bot at one number of concurrent users, over all rounds (times in seconds)."""

    users: int
    replies: int
    errors: int
    seconds: float  # wall time of the runs, summed over rounds
    median: float
    p95: float
    p99: float

    @property
    def per_second(self) -> float:
        """Replies per second of wall time: the throughput at this many users."""
        return self.replies / self.seconds if self.seconds > 0 else 0.0


def summarize(users: int, latencies: Sequence[float], errors: int, seconds: float) -> LevelStats:
    return LevelStats(users=users, replies=len(latencies), errors=errors, seconds=seconds,
                      median=statistics.median(latencies) if latencies else 0.0,
                      p95=percentile(latencies, 95), p99=percentile(latencies, 99))


def ratio(ours: Optional[float], anchor: Optional[float]) -> Optional[float]:
    """ours / anchor, or None when either is missing or the anchor is zero."""
    if ours is None or anchor is None or anchor == 0:
        return None
    return ours / anchor


def ratio_text(label: str, value: Optional[float], goal: float, higher_is_better: bool) -> str:
    """One line such as 'median reply, 1 user, ours/starter: 0.80x (goal <= 1.0x) met'."""
    sign = ">=" if higher_is_better else "<="
    if value is None:
        return f"{label}: not measured (goal {sign} {goal:.1f}x)"
    met = value >= goal if higher_is_better else value <= goal
    return f"{label}: {value:.2f}x (goal {sign} {goal:.1f}x) {'met' if met else 'MISSED'}"
