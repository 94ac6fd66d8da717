"""The local Redis and PostgreSQL every machine of this project runs (issue 8).

Absent under CI=true: a failure, since CI has them. Absent elsewhere: a skip that says why.
"""
from __future__ import annotations

import os

import pytest
import redis

from bot.run.lock_race import redis_url


def _missing(what: str, error: Exception) -> None:
    message = f"{what} is not reachable ({error}); it runs on every machine of this project"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def redis_server() -> str:
    url = redis_url()
    try:
        redis.Redis.from_url(url, socket_timeout=2).ping()
    except Exception as error:  # connection refused, timeout, auth
        _missing(f"Redis at {url}", error)
    return url
