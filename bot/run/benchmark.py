"""Measure reply time and memory of the running assistant; prints figures, asserts nothing.

Sends a fixed mix of messages one at a time over REST (a new conversation every few messages)
and prints the median and 95th-percentile reply time, then the resident memory of the Rasa and
action server processes found in /proc.
Usage: python -m bot.run.benchmark [--url ...] [--rounds 5]
"""
from __future__ import annotations

import argparse
import statistics
import time
import uuid
from pathlib import Path
from typing import Dict, List

from bot.run.eval_cases import DEFAULT_URL, post

MESSAGES = (
    "hello", "Kaiser denied my MRI", "is it free", "how long does an imr take",
    "I got a surprise bill from the anesthesiologist", "my plan is medicare advantage",
    "what's the help center number", "thanks",
)


def reply_times(url: str, rounds: int) -> List[float]:
    times = []
    for _ in range(rounds):
        sender = f"bench-{uuid.uuid4().hex}"
        for message in MESSAGES:
            start = time.perf_counter()
            post(url, sender, message)
            times.append(time.perf_counter() - start)
    return times


def server_memory() -> Dict[str, float]:
    """Resident memory (MiB) of our server processes, by a short name."""
    found: Dict[str, float] = {}
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()
            status = (proc / "status").read_text()
        except OSError:
            continue
        name = ("rasa server" if " run --model" in cmdline
                else "action server" if "bot.run.action_server" in cmdline else None)
        if name:
            rss_kb = next(int(l.split()[1]) for l in status.splitlines() if l.startswith("VmRSS"))
            found[f"{name} (pid {proc.name})"] = rss_kb / 1024
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default=DEFAULT_URL)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    post(args.url, "bench-warmup", "hello")
    times = sorted(reply_times(args.url, args.rounds))
    p95 = times[min(len(times) - 1, int(len(times) * 0.95))]
    print(f"replies: {len(times)}  median {statistics.median(times) * 1000:.0f} ms  "
          f"p95 {p95 * 1000:.0f} ms  max {times[-1] * 1000:.0f} ms")
    for name, mib in sorted(server_memory().items()):
        print(f"memory: {name} {mib:.0f} MiB")


if __name__ == "__main__":
    main()
