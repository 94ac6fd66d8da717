"""One IMR store built from the shipped CSV for these tests, and its matcher."""
from __future__ import annotations

from typing import Iterator, Tuple

import pytest

from bot.imr import loader
from bot.imr.matching import Matcher
from bot.imr.store import ImrStore


@pytest.fixture(scope="session")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ImrStore]:
    db = tmp_path_factory.mktemp("imr") / "imr.sqlite"
    loader.build(loader.SHIPPED_CSV, db)
    yield ImrStore(db)


@pytest.fixture(scope="session")
def matcher(store: ImrStore) -> Matcher:
    return Matcher({level: store.categories(level) for level in ("treatment", "diagnosis")})


@pytest.fixture(scope="session")
def opened(store: ImrStore, matcher: Matcher) -> Tuple[ImrStore, Matcher]:
    return store, matcher
