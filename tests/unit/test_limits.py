"""The channels' limits come from one module; the environment can change them, never break them."""
import asyncio

from bot.channels.limits import env_float, finished_in_time


def test_a_limit_from_the_environment_and_bad_values_fall_back():
    assert env_float("TURN_SECONDS", 15.0, {"TURN_SECONDS": "4.5"}) == 4.5
    for bad in ("", "  ", "soon", "0", "-3", "nan", "inf"):
        assert env_float("TURN_SECONDS", 15.0, {"TURN_SECONDS": bad}) == 15.0
    assert env_float("TURN_SECONDS", 15.0, {}) == 15.0


def test_a_turn_past_its_limit_is_stopped_and_says_so():
    stopped = []

    async def slow_turn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            stopped.append(True)
            raise

    assert asyncio.run(finished_in_time(asyncio.sleep(0), 1.0)) is True
    assert asyncio.run(finished_in_time(slow_turn(), 0.05)) is False
    assert stopped == [True], "the turn's own work was cancelled, not left running"
