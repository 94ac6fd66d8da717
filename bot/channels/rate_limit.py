"""Per-sender and per-address rate limits for the public channels: token buckets in memory.

Why buckets: a person may send a few messages quickly (clicking buttons, correcting a typo), so
each key has a burst it can spend at once and a steady refill; only a flood runs dry. The limits
are per process (bot/channels/limits.py has the figures): with several Rasa processes behind
nginx a sender's allowance is at most that many times larger, which still stops a flood.
Pure: no Rasa or Sanic import; the clock can be replaced in tests.
"""
from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Optional, Tuple


@dataclass(frozen=True)
class Rate:
    """`burst` messages at once, then `per_second` more each second."""

    burst: float
    per_second: float


class RateLimiter:
    """Token buckets by key ("sender:...", "ip:..."), at most `max_keys` remembered (the ones
    not used for longest are dropped: a dropped key starts again with a full bucket)."""

    def __init__(self, rate: Rate, max_keys: int = 100_000,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.rate = rate
        self.max_keys = max_keys
        self.clock = clock
        self._buckets: "OrderedDict[str, Tuple[float, float]]" = OrderedDict()  # key -> (tokens, at)

    def allow(self, key: str) -> bool:
        """Spend one message from `key`'s bucket; False when it is empty."""
        now = self.clock()
        tokens, at = self._buckets.pop(key, (self.rate.burst, now))
        tokens = min(self.rate.burst, tokens + (now - at) * self.rate.per_second)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        if len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)
        return allowed

    def wait_seconds(self, key: str) -> float:
        """How long until `key` may send again (0 when it may now)."""
        tokens, at = self._buckets.get(key, (self.rate.burst, self.clock()))
        tokens = min(self.rate.burst, tokens + (self.clock() - at) * self.rate.per_second)
        return 0.0 if tokens >= 1.0 else (1.0 - tokens) / self.rate.per_second


class ChannelLimits:
    """One channel's two limits: per conversation (sender) and per client address."""

    def __init__(self, per_sender: Rate, per_address: Rate,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.senders = RateLimiter(per_sender, clock=clock)
        self.addresses = RateLimiter(per_address, clock=clock)

    def allow(self, sender: str, address: Optional[str]) -> bool:
        """Both buckets must have room; a refused message spends nothing from the other."""
        if address is not None and not self.addresses.allow(address):
            return False
        return self.senders.allow(sender)


def client_address(remote: Optional[str], forwarded_for: Optional[str],
                   trusted_proxies: Tuple[str, ...] = ("127.0.0.1", "::1")) -> Optional[str]:
    """The client's address: the connection's, or, when the connection comes from our own
    proxy (nginx on this machine), the last address nginx added to X-Forwarded-For."""
    if remote in trusted_proxies and forwarded_for:
        last = forwarded_for.split(",")[-1].strip()
        return last or remote
    return remote
