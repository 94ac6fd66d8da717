"""The shared development cases (../shared/eval/faq_dev.yml), judged as the evaluators judge them."""
from __future__ import annotations

from pathlib import Path

import pytest

from bot.run.eval_cases import run

CASES = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "faq_dev.yml"


@pytest.mark.skipif(not CASES.exists(), reason="../shared/eval is not beside this checkout")
def test_dev_cases_pass_at_least_95_percent(bot):
    outcomes = run(CASES, bot.send)
    failures = [(o.case_id, o.problems, o.reply[:200]) for o in outcomes if o.problems]
    assert len(failures) <= len(outcomes) * 0.05, failures
