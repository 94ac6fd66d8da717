"""Decide whether the FAQ selector is sure enough to answer, or should ask which topic was meant.

A wrong topic is worse than a question: when the best answer's score is low, or the second best
is close behind, the assistant asks "Is this about A or B?" with both topics as buttons.
"""
from __future__ import annotations

from typing import NamedTuple, Optional, Sequence, Tuple

# Measured on the dev cases and our held-out first messages (see tests/e2e/test_faq_choice.py):
# confident answers score far above these; torn ones sit below.
MIN_SCORE = 0.45
MIN_MARGIN = 0.15


class FaqChoice(NamedTuple):
    answer: Optional[str]  # "faq/cost", or None to ask
    candidates: Tuple[str, ...]  # the topics to offer when asking


def choose_faq(ranking: Sequence[Tuple[str, float]]) -> FaqChoice:
    """The FAQ topic to answer from the selector's (topic, score) ranking, best first."""
    if not ranking:
        return FaqChoice(None, ())
    best, score = ranking[0]
    runner_up = ranking[1] if len(ranking) > 1 else None
    if runner_up is None or (score >= MIN_SCORE and score - runner_up[1] >= MIN_MARGIN):
        return FaqChoice(best, (best,))
    return FaqChoice(None, (best, runner_up[0]))
