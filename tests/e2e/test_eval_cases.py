"""The shared development cases, judged as the evaluators judge them: ../shared/eval/faq_dev.yml
(first replies, all 36 must pass) and scenarios_dev.yml (whole conversations played by the
shared simulated user, scenarios.py, all must pass)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from bot.run.eval_cases import run

EVAL = Path(__file__).resolve().parents[2].parent / "shared" / "eval"
CASES = EVAL / "faq_dev.yml"
pytestmark = pytest.mark.skipif(not EVAL.exists(), reason="../shared/eval is not beside this checkout")


def test_every_dev_case_passes(bot):
    outcomes = run(CASES, bot.send)
    failures = [(o.case_id, o.problems, o.reply[:200]) for o in outcomes if o.problems]
    assert not failures, failures


def test_every_dev_scenario_passes(bot):
    """scenarios.py is run as the evaluators run it, against this test's server."""
    done = subprocess.run(
        [sys.executable, str(EVAL / "scenarios.py"), bot.url, str(EVAL / "scenarios_dev.yml"),
         str(EVAL / "macros.yml"), "--min", "1.0"],
        capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:]
