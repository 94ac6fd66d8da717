"""One real action server + Rasa server for the whole end-to-end session."""
from __future__ import annotations

import uuid
from pathlib import Path
from typing import Callable, Iterator

import pytest

from tests.e2e.servers import Bot, running_bot


@pytest.fixture(scope="session")
def bot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Bot]:
    with running_bot(tmp_path_factory.mktemp("e2e")) as running:
        yield running


@pytest.fixture
def sender() -> Callable[[], str]:
    """A new conversation id each call."""
    return lambda: f"test-{uuid.uuid4().hex}"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "e2e: starts real servers")


ROOT = Path(__file__).resolve().parents[2]
