"""Widget session ids the server issues and signs, so a guessed or made-up id joins nothing.

A session id is "<32 hex random>.<32 hex HMAC-SHA-256 of it>" under WIDGET_SESSION_KEY. Only an
id this server signed is accepted back; anything else starts a new conversation. The
conversation is stored as "web:" + the random part: the REST channel refuses senders with a
channel's prefix, so it cannot post into a widget conversation.

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
from typing import Any, Mapping, Optional

logger = logging.getLogger(__name__)

KEY_VARIABLE = "WIDGET_SESSION_KEY"
MIN_KEY_CHARS = 32
CONVERSATION_PREFIX = "web:"
_TOKEN = re.compile(r"^([0-9a-f]{32})\.([0-9a-f]{32})$")


class SessionSigner:
    """Issues session ids and tells which conversation a presented id belongs to."""

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

    def _signature(self, nonce: str) -> str:
        return hmac.new(self._key, nonce.encode("ascii"), hashlib.sha256).hexdigest()[:32]

    def issue(self) -> str:
        nonce = secrets.token_hex(16)
        return f"{nonce}.{self._signature(nonce)}"

    def conversation(self, token: Any) -> Optional[str]:
        """"web:<random part>" for an id this key signed, else None."""
        match = _TOKEN.match(token) if isinstance(token, str) else None
        if match is None or not hmac.compare_digest(match.group(2), self._signature(match.group(1))):
            return None
        return CONVERSATION_PREFIX + match.group(1)
