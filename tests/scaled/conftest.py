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


POSTGRES_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"


def _new_database():
    """A new, empty PostgreSQL database on the local server (its URL); dropped afterwards."""
    import uuid

    import sqlalchemy as sa

    admin_url = os.environ.get("POSTGRES_ADMIN_URL", POSTGRES_ADMIN_URL)
    try:
        admin = sa.create_engine(admin_url, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(sa.text("select 1"))
    except Exception as error:
        _missing(f"PostgreSQL at {admin_url}", error)
    name = f"dmhc_test_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(sa.text(f'create database "{name}"'))
    try:
        yield admin_url.rsplit("/", 1)[0] + "/" + name
    finally:
        with admin.connect() as connection:
            connection.execute(sa.text(
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = :n"), {"n": name})
            connection.execute(sa.text(f'drop database if exists "{name}"'))
        admin.dispose()


@pytest.fixture
def postgres_database():
    """A database for one test."""
    yield from _new_database()


@pytest.fixture(scope="module")
def scaled_database():
    """A database shared by a module's tests (one make run-scaled stack)."""
    yield from _new_database()
