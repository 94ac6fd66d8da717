"""Every limit the public channels keep, in one place; each can be changed from the environment.

Why limits: a person waiting on a phone must get an answer in seconds, even when a part behind
the channel hangs. Past a time limit the person gets the Help Center number (the channels'
NO_REPLY_TEXT) and the conversation stays usable: a turn cut short saves nothing, so the next
message starts from where the conversation was.

- ACTION_CALL_SECONDS: one call to the action server. Rasa 3.6 waits 300 s
  (rasa.core.constants.DEFAULT_REQUEST_TIMEOUT, passed on every call); bound_action_calls() lowers
  it in the Rasa process. A call past it fails as if the server were down: Rasa goes on
  without that action's events, and the channel adds the number when nothing was said.
- TURN_SECONDS: a whole turn (waiting for the conversation's lock, NLU, every action, saving).
- SEND_SECONDS: one outgoing message to Twilio's API.

Sizes and rates, checked before any work:
- MAX_BODY_BYTES: a request body (REST JSON, Twilio's form, a socket.io poll); larger gets 413
  from Sanic before it is read. A 2,000-character message in JSON is at most about 12 KB.
- MAX_FORM_FIELDS: fields in Twilio's form (it sends about 20, and 10 more per picture).
- SENDER_RATE / ADDRESS_RATE: messages per conversation / per client address (token buckets,
  bot/channels/rate_limit.py): a burst, then a steady rate. A person typing fast sends one
  message every few seconds; `make loadtest` sends all its 2,000 messages from one address at
  about 20 per second, shared by the Rasa processes.
"""
from __future__ import annotations

import asyncio
import logging
import math
import os
from typing import Awaitable, Mapping

from bot.channels.rate_limit import Rate

logger = logging.getLogger(__name__)


def env_float(name: str, default: float, env: Mapping[str, str] = os.environ) -> float:
    """A positive number from the environment, else the default (a bad value is logged, not fatal)."""
    raw = env.get(name)
    if raw is None or not raw.strip():
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if not math.isfinite(value) or value <= 0:
        logger.warning("limits: %s=%r is not a positive number; using %s", name, raw, default)
        return default
    return value


ACTION_CALL_SECONDS = env_float("ACTION_CALL_SECONDS", 8.0)
TURN_SECONDS = env_float("TURN_SECONDS", 15.0)
SEND_SECONDS = env_float("SEND_SECONDS", 10.0)

MAX_BODY_BYTES = int(env_float("MAX_BODY_BYTES", 32 * 1024))
MAX_FORM_FIELDS = int(env_float("MAX_FORM_FIELDS", 200))
SENDER_RATE = Rate(burst=env_float("SENDER_BURST", 30), per_second=env_float("SENDER_PER_SECOND", 1.0))
ADDRESS_RATE = Rate(burst=env_float("ADDRESS_BURST", 200), per_second=env_float("ADDRESS_PER_SECOND", 50))


def limit_request_bodies(app: object, max_bytes: int = MAX_BODY_BYTES) -> None:
    """Sanic answers 413 to a body over max_bytes before reading it (its default is 100 MB).
    Sanic reads the setting for each new connection, so this holds from the next one."""
    config = getattr(app, "config", None)
    if config is not None:
        config.REQUEST_MAX_SIZE = max_bytes


def bound_action_calls(seconds: float = ACTION_CALL_SECONDS) -> None:
    """Make Rasa wait at most `seconds` for one action-server call.

    rasa.core.actions.action reads DEFAULT_REQUEST_TIMEOUT from its module at every call (3.6
    has no setting for it), so setting it there bounds every RemoteAction. Called by each of
    our channels when Rasa creates it, i.e. in the Rasa process before the first message.
    """
    import rasa.core.actions.action as rasa_actions

    rasa_actions.DEFAULT_REQUEST_TIMEOUT = seconds


async def finished_in_time(turn: Awaitable[object], seconds: float = TURN_SECONDS) -> bool:
    """Run a turn; False when it was cut at `seconds` (its work is cancelled, nothing saved)."""
    try:
        await asyncio.wait_for(turn, timeout=seconds)
        return True
    except asyncio.TimeoutError:
        logger.warning("a turn took longer than %.0f s and was stopped", seconds)
        return False
