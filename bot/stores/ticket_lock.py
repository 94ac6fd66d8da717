"""A Redis lock store for Rasa whose tickets are issued, renewed and released atomically.

Why: Rasa 3.6's RedisLockStore reads a conversation's lock, changes it in Python and writes it
back (GET, then SET). Two Rasa processes that get messages of the same conversation at once can
both read ticket N and both be served, so the conversation's events interleave
(RasaHQ/rasa#9213; the fix went to the paid edition only). Here each step is one Lua script,
which Redis runs atomically:

- a counter (INCR) numbers a conversation's tickets; a sorted set keeps the live ones in order
  and a hash their expiry times (Redis's own clock, so the processes' clocks do not matter);
- a ticket is served when it is the lowest live ticket; expired ones ahead of it are dropped;
- its holder renews it while it waits and works, so the lifetime can be short: a process that
  dies (SIGKILL) holds its conversation for at most LEASE_SECONDS, not for Rasa's 60 s default.
  Renewals run on a thread of their own, not on Rasa's event loop: Rasa runs NLU and policies on
  the loop, and on a loaded machine a turn (the first after start above all) can keep the loop
  busy for longer than a lease. Renewing from the loop then let a live ticket expire, the next
  process's turn ran beside it, and a message was lost (a CI run: 3 of 50);
- a waiting ticket asks whether it is served at first often, then less often (up to
  MAX_POLL_SECONDS), so fifty waiting turns do not fill the loop with calls to Redis;
- renewal stops after MAX_HOLD_SECONDS, our channels' limit for a whole turn (TURN_SECONDS in
  bot/channels/limits.py) plus a margin, so a ticket lives as long as a turn can legitimately take.

Configured in endpoints.yml (`lock_store: type: bot.stores.ticket_lock.AtomicRedisLockStore`);
REDIS_URL (default redis://127.0.0.1:6379/1) says where.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections import deque
from typing import AsyncGenerator, Callable, Dict, List, Optional, Text, Tuple

from rasa.core.lock import Ticket, TicketLock
from rasa.core.lock_store import LockError, LockStore
from rasa.utils.endpoints import EndpointConfig

from bot.channels.limits import TURN_SECONDS

logger = logging.getLogger(__name__)

DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/1"
KEY_PREFIX = "dmhc:lock:"
LEASE_SECONDS = 10.0  # a ticket not renewed for this long is dropped
RENEWALS_PER_LEASE = 3
# Our channels stop a turn after TURN_SECONDS (bot/channels/limits.py), and a stopped turn
# releases its ticket; a holder renews for at most that plus a margin for a slow release.
MAX_HOLD_SECONDS = TURN_SECONDS + 30.0
POLL_SECONDS = 0.01  # how soon a waiting ticket first checks again whether it is served
MAX_POLL_SECONDS = 0.1  # and how seldom at most, as it keeps waiting

# KEYS: [1] the ticket counter, [2] the live tickets (a sorted set scored by ticket number, so
# the first is the oldest), [3] each live ticket's expiry (a hash, ms on Redis's clock).
_NOW = """
local now = redis.call('TIME')
local now_ms = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
"""

# ARGV[1] lease in ms. Returns the new ticket number.
_ISSUE = _NOW + """
local ticket = redis.call('INCR', KEYS[1])
redis.call('ZADD', KEYS[2], ticket, ticket)
redis.call('HSET', KEYS[3], ticket, now_ms + tonumber(ARGV[1]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[1]) * 6) end
return ticket
"""

# ARGV[1] ticket. Drops expired tickets at the front, then: 1 served, 0 waiting, -1 this
# ticket expired (its holder stopped renewing it).
_STATE = _NOW + """
local mine = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
if mine < now_ms then
  redis.call('ZREM', KEYS[2], ARGV[1])
  redis.call('HDEL', KEYS[3], ARGV[1])
  return -1
end
while true do
  local first = redis.call('ZRANGE', KEYS[2], 0, 0)[1]
  if first == ARGV[1] then return 1 end
  local expires = tonumber(redis.call('HGET', KEYS[3], first) or '0')
  if expires >= now_ms then return 0 end
  redis.call('ZREM', KEYS[2], first)
  redis.call('HDEL', KEYS[3], first)
end
"""

# ARGV[1] ticket, ARGV[2] lease in ms. Pushes a live ticket's expiry forward; 0 if it is gone.
_RENEW = _NOW + """
local expires = tonumber(redis.call('HGET', KEYS[3], ARGV[1]) or '0')
if expires < now_ms then return 0 end
redis.call('HSET', KEYS[3], ARGV[1], now_ms + tonumber(ARGV[2]))
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], tonumber(ARGV[2]) * 6) end
return 1
"""

# ARGV[1] ticket. Removes it; deletes the keys when no ticket is left.
_RELEASE = """
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
if redis.call('ZCARD', KEYS[2]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3]) end
return 1
"""


def _redis_url(endpoint_config: Optional[EndpointConfig]) -> str:
    url = (endpoint_config.url if endpoint_config else None) or os.environ.get("REDIS_URL")
    return url or DEFAULT_REDIS_URL


class Renewer:
    """One thread per lock store that keeps this process's live tickets renewed.

    Why a thread: see the module docstring (a busy event loop must not let a live ticket expire).
    A ticket is renewed until it is released, until Redis says it is gone, or for at most
    MAX_HOLD_SECONDS; the thread dies with the process, so a killed process's tickets expire.
    """

    def __init__(self, renew: Callable[[Text, int], bool], every: float) -> None:
        self._renew = renew
        self._every = every
        self._held: Dict[Tuple[Text, int], float] = {}
        self._guard = threading.Lock()
        self._thread: Optional[threading.Thread] = None

    def add(self, conversation_id: Text, ticket: int) -> None:
        with self._guard:
            self._held[(conversation_id, ticket)] = time.monotonic()
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="lock-renewer", daemon=True)
                self._thread.start()

    def discard(self, conversation_id: Text, ticket: int) -> None:
        with self._guard:
            self._held.pop((conversation_id, ticket), None)

    def _run(self) -> None:
        while True:
            time.sleep(self._every)
            with self._guard:
                held = list(self._held.items())
            for (conversation_id, ticket), since in held:
                if time.monotonic() - since > MAX_HOLD_SECONDS:
                    logger.warning("A turn held its conversation's lock for over %.0f s.",
                                   MAX_HOLD_SECONDS)
                    self.discard(conversation_id, ticket)
                    continue
                try:
                    alive = self._renew(conversation_id, ticket)
                except Exception:  # Redis away for a moment: try again at the next round
                    logger.warning("Could not renew a lock ticket in Redis.", exc_info=True)
                    continue
                if not alive:
                    self.discard(conversation_id, ticket)


class AtomicRedisLockStore(LockStore):
    """Rasa's LockStore interface over the scripts above (see the module docstring)."""

    def __init__(self, endpoint_config: Optional[EndpointConfig] = None,
                 url: Optional[str] = None, lease_seconds: float = LEASE_SECONDS) -> None:
        import redis  # Rasa's own dependency

        self.red = redis.Redis.from_url(url or _redis_url(endpoint_config), socket_timeout=10)
        self.lease_ms = int(lease_seconds * 1000)
        self.renew_every = lease_seconds / RENEWALS_PER_LEASE
        self._issue = self.red.register_script(_ISSUE)
        self._state = self.red.register_script(_STATE)
        self._renew = self.red.register_script(_RENEW)
        self._release = self.red.register_script(_RELEASE)
        self.renewer = Renewer(self.renew, self.renew_every)
        super().__init__()

    @staticmethod
    def _keys(conversation_id: Text) -> List[str]:
        base = f"{KEY_PREFIX}{conversation_id}"
        return [f"{base}:next", f"{base}:live", f"{base}:expires"]

    def issue_ticket(self, conversation_id: Text, lock_lifetime: float = LEASE_SECONDS) -> int:
        try:
            return int(self._issue(keys=self._keys(conversation_id), args=[self.lease_ms]))
        except Exception as e:  # redis down: Rasa answers 500 with this message, as its own store
            raise LockError(f"Error while acquiring lock. Error:\n{e}")

    def renew(self, conversation_id: Text, ticket: int) -> bool:
        return bool(self._renew(keys=self._keys(conversation_id), args=[ticket, self.lease_ms]))

    def state(self, conversation_id: Text, ticket: int) -> int:
        """1 served, 0 waiting, -1 expired."""
        return int(self._state(keys=self._keys(conversation_id), args=[ticket]))

    def finish_serving(self, conversation_id: Text, ticket_number: int) -> None:
        self._release(keys=self._keys(conversation_id), args=[ticket_number])

    def cleanup(self, conversation_id: Text, ticket_number: int) -> None:
        self.finish_serving(conversation_id, ticket_number)

    @contextlib.asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = LEASE_SECONDS,
                   wait_time_in_seconds: float = POLL_SECONDS) -> AsyncGenerator[TicketLock, None]:
        """Waits for this conversation's turn; Rasa processes the message inside."""
        ticket = self.issue_ticket(conversation_id)
        self.renewer.add(conversation_id, ticket)
        try:
            pause = min(wait_time_in_seconds, POLL_SECONDS)
            while True:
                state = self.state(conversation_id, ticket)
                if state == 1:
                    break
                if state == -1:
                    raise LockError(f"Could not acquire lock for conversation_id '{conversation_id}'.")
                await asyncio.sleep(pause)
                pause = min(pause * 1.5, MAX_POLL_SECONDS)
            yield TicketLock(conversation_id, deque([Ticket(ticket, 0.0)]))
        finally:
            self.renewer.discard(conversation_id, ticket)
            self.cleanup(conversation_id, ticket)

    # Rasa's base class reads and writes whole locks; this store never does.
    def get_lock(self, conversation_id: Text) -> Optional[TicketLock]:
        live = self.red.hgetall(self._keys(conversation_id)[2])
        if not live:
            return None
        return TicketLock(conversation_id, deque(Ticket(int(t), int(ms) / 1000)
                                                 for t, ms in sorted(live.items(), key=lambda kv: int(kv[0]))))

    def delete_lock(self, conversation_id: Text) -> None:
        self.red.delete(*self._keys(conversation_id))

    def save_lock(self, lock: TicketLock) -> None:
        raise NotImplementedError("tickets are issued and released only by the atomic scripts")

    def is_someone_waiting(self, conversation_id: Text) -> bool:
        return bool(self.red.zcard(self._keys(conversation_id)[1]))
