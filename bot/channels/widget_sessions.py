"""Widget session ids the server issues, signs and renews, so a guessed, made-up or reused id joins nothing.

A session id is "<32 hex random>.<generation>.<32 hex HMAC-SHA-256 of both>" under
WIDGET_SESSION_KEY. The conversation is stored as "web:" + the random part: the REST channel
refuses senders with a channel's prefix, so it cannot post into a widget conversation.

Each time a socket resumes a conversation with its id, the server answers with the next
generation's id and the one presented is spent: a reload in the same tab goes on (the widget
keeps the newest id), while an id copied from an older page, a log or another tab starts a new
conversation. Which generation is current is kept in the process's memory (nginx sends a
browser to the same Rasa process, `ip_hash`); after that process restarts the first id
presented for a conversation is taken as current.

WIDGET_SESSION_KEY (32+ characters) must be the same on every Rasa process that serves the
widget; without it each process makes its own at start, and the widget's conversations start
afresh when that process restarts.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import os
import re
import secrets
import time
from collections import OrderedDict
from typing import Any, Callable, Mapping, Optional, Tuple

logger = logging.getLogger(__name__)

KEY_VARIABLE = "WIDGET_SESSION_KEY"
MIN_KEY_CHARS = 32
CONVERSATION_PREFIX = "web:"
# How many conversations' current generations one process remembers, and for how long: past
# either, the oldest are forgotten and their next id is taken as current (memory stays bounded).
REMEMBERED_SESSIONS = 200_000
REMEMBER_SECONDS = 24 * 3600
_TOKEN = re.compile(r"^([0-9a-f]{32})\.(0|[1-9][0-9]{0,8})\.([0-9a-f]{32})$")


class SessionSigner:
    """Issues session ids and tells which conversation and generation a presented id names."""

    def __init__(self, key: str) -> None:
        self._key = key.encode("utf-8")

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> "SessionSigner":
        key = env.get(KEY_VARIABLE, "")
        if len(key) < MIN_KEY_CHARS:
            logger.warning("%s is not set (32+ characters): widget sessions are signed with a key "
                           "of this process only", KEY_VARIABLE)
            key = secrets.token_hex(32)
        return cls(key)

    def _signature(self, nonce: str, generation: int) -> str:
        message = f"{nonce}.{generation}".encode("ascii")
        return hmac.new(self._key, message, hashlib.sha256).hexdigest()[:32]

    def issue(self, nonce: Optional[str] = None, generation: int = 0) -> str:
        nonce = nonce or secrets.token_hex(16)
        return f"{nonce}.{generation}.{self._signature(nonce, generation)}"

    def parse(self, token: Any) -> Optional[Tuple[str, int]]:
        """(random part, generation) of an id this key signed, else None."""
        match = _TOKEN.match(token) if isinstance(token, str) else None
        if match is None:
            return None
        nonce, generation = match.group(1), int(match.group(2))
        if not hmac.compare_digest(match.group(3), self._signature(nonce, generation)):
            return None
        return nonce, generation

    def conversation(self, token: Any) -> Optional[str]:
        """"web:<random part>" for an id this key signed (spent or not), else None."""
        parsed = self.parse(token)
        return None if parsed is None else CONVERSATION_PREFIX + parsed[0]


class WidgetSessions:
    """Which signed ids are still current: resuming spends an id and hands out the next one."""

    def __init__(self, signer: SessionSigner, clock: Callable[[], float] = time.monotonic,
                 remembered: int = REMEMBERED_SESSIONS,
                 remember_seconds: float = REMEMBER_SECONDS) -> None:
        self.signer = signer
        self._clock = clock
        self._remembered = remembered
        self._remember_seconds = remember_seconds
        self._current: "OrderedDict[str, Tuple[int, float]]" = OrderedDict()

    def start(self) -> Tuple[str, str]:
        """A new conversation and its first id."""
        nonce = secrets.token_hex(16)
        self._remember(nonce, 0)
        return CONVERSATION_PREFIX + nonce, self.signer.issue(nonce, 0)

    def current(self, token: Any) -> Optional[str]:
        """The conversation of a signed id that has not been spent, else None."""
        parsed = self.signer.parse(token)
        if parsed is None or not self._is_current(*parsed):
            return None
        return CONVERSATION_PREFIX + parsed[0]

    def resume(self, token: Any) -> Optional[Tuple[str, str]]:
        """Spend a current id: its conversation and the id to present next time, else None."""
        parsed = self.signer.parse(token)
        if parsed is None or not self._is_current(*parsed):
            return None
        nonce, generation = parsed
        self._remember(nonce, generation + 1)
        return CONVERSATION_PREFIX + nonce, self.signer.issue(nonce, generation + 1)

    def _is_current(self, nonce: str, generation: int) -> bool:
        self._forget_old()
        known = self._current.get(nonce)
        return known is None or known[0] == generation

    def _remember(self, nonce: str, generation: int) -> None:
        self._current[nonce] = (generation, self._clock())
        self._current.move_to_end(nonce)
        self._forget_old()

    def _forget_old(self) -> None:
        oldest_kept = self._clock() - self._remember_seconds
        while self._current and (len(self._current) > self._remembered
                                 or next(iter(self._current.values()))[1] < oldest_kept):
            self._current.popitem(last=False)
