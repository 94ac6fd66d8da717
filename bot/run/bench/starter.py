"""Rasa's starter bot (`rasa init --no-prompt`) in var/starter-bot: the anchor we compare with.

Created and trained once, then cached: it is only remade when no trained model is left. Its
training time is written beside it (train_seconds.txt) because `rasa init` trains as it creates.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path
from typing import Optional

from bot.run.launcher import ROOT, python_bin

STARTER_DIR = ROOT / "var" / "starter-bot"
TRAIN_SECONDS = "train_seconds.txt"


def child_env() -> dict:
    """No telemetry prompt or upload, and nothing of ours on the starter's import path."""
    env = dict(os.environ, RASA_TELEMETRY_ENABLED="false", TF_CPP_MIN_LOG_LEVEL="2")
    env.pop("PYTHONPATH", None)
    return env


def starter_model(directory: Path = STARTER_DIR) -> Optional[Path]:
    """The newest trained model of the starter bot, if any."""
    models = sorted((directory / "models").glob("*.tar.gz"), key=lambda p: p.stat().st_mtime)
    return models[-1] if models else None


def cached_train_seconds(directory: Path = STARTER_DIR) -> Optional[float]:
    try:
        return float((directory / TRAIN_SECONDS).read_text().strip())
    except (OSError, ValueError):
        return None


def ensure_starter(directory: Path = STARTER_DIR) -> Path:
    """Creates and trains the starter bot unless a model exists; returns the model's path.
    The time recorded is all of `rasa init` (copying its few files takes well under a second,
    the rest is `rasa train`)."""
    model = starter_model(directory)
    if model is not None:
        return model
    if directory.exists():
        shutil.rmtree(directory)  # left half made by an interrupted run: start clean
    directory.mkdir(parents=True)  # rasa init --no-prompt wants it to exist, and empty
    log = directory.parent / "starter-init.log"
    print(f"Creating and training Rasa's starter bot in {directory} (once; a few minutes; "
          f"log in {log})...", flush=True)
    start = time.perf_counter()
    with open(log, "wb") as out:
        subprocess.run([python_bin("rasa"), "init", "--no-prompt", "--init-dir", str(directory)],
                       cwd=directory.parent, env=child_env(), check=True, stdout=out,
                       stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    (directory / TRAIN_SECONDS).write_text(f"{seconds:.1f}\n")
    model = starter_model(directory)
    if model is None:
        raise RuntimeError(f"rasa init left no model in {directory / 'models'}")
    return model


def train(project: Path, out: Path, fixed_name: str) -> float:
    """`rasa train --force` of a project into out; returns the wall time in seconds."""
    start = time.perf_counter()
    env = child_env() if project != ROOT else dict(os.environ, RASA_TELEMETRY_ENABLED="false",
                                                   PYTHONPATH=str(ROOT))
    subprocess.run([python_bin("rasa"), "train", "--force", "--quiet", "--out", str(out),
                    "--fixed-model-name", fixed_name], cwd=project, env=env, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    return time.perf_counter() - start
