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
"""
from __future__ import annotations

import asyncio
import logging
import math
import os
from typing import Awaitable, Mapping

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
