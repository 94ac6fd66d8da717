"""The held-out sets (tests/heldout/), through the trained model and the action code.

Targets from issue 7: typed answers >= 97% right, every true crisis/emergency caught with the
right line and at most 2% of near-misses flagged, first messages >= 95% routed right. FLOORS
are what this model measurably reaches (see the issue's closing note): a drop below them fails,
and the printed figures say how far each set is from its target.
"""
from __future__ import annotations

from typing import Iterator

import pytest

from tests.heldout.scoring import (LATER_SETS, MODEL, Parser, has_first_messages, report,
                                   score_answers, score_first_messages, score_imr_questions,
                                   score_safety, score_spanish_first_messages)

TARGETS = {"answers": 0.97, "caught": 1.0, "quiet": 0.98, "lined": 1.0, "unlined": 0.98,
           "spanish": 1.0, "first": 0.95, "es_answered": 0.95, "es_tagged": 1.0, "es_answers": 0.97,
           "imr_asked": 0.95, "imr_others": 0.95, "es_answered_2": 0.95, "es_answers_2": 0.97,
           "es_answered_3": 0.95, "es_answers_3": 0.97, "es_answered_4": 0.95, "es_answers_4": 0.97,
           "es_answers_5": 0.97, "es_answers_6": 0.97, "es_answered_7": 0.95, "es_answers_7": 0.97}
# Safety as the person sees it meets its target: every true message gets 911/988 (84/85 from
# the classifier, the last from the unclear-message net) and 3/189 near-misses get a line.
# Spanish (issue 10), first messages / typed answers: set 1 0.949 / 0.953 (0.770 / 0.824 before
# the English gloss, 0.917 / 0.894 before 2026-12-04's data, readers and language words);
# set 2 0.957 / 0.973 (0.842 / 0.942 before that day's changes); set 3, scored once after them,
# 0.943 / 0.988. Set 4 (2026-12-04, committed before that session's changes, scored once after
# them): 0.990 / 0.941; its answer misses were mostly dates told inside a story, and with the
# story date reader 0.990 / 0.980. Set 5 (answers only, written after set 4 was scored): 0.935 on
# its first scoring, 0.972 after a second look at dates in stories. With those, sets 1-3 went
# 0.953 / 0.973 / 0.988 -> 0.965 / 0.991 / 0.988 (hedged noes, "sí," / "pues sí" openers).
# Set 6 (answers only), written after all of that and scored once, never looked at: 0.992.
# Set 7 (2026-12-05, committed before that session's training changes): first scored 0.954 /
# 0.963; then one of its answer misses ("... sin problema", read as urgent) was looked at, so
# its answers are tuned: 0.972.
# Questions about past IMR outcomes (issue 11, tests/heldout/imr_questions.yml, 60 questions and
# 30 near-misses): 54/60 and 27/30 measured when first run, no near-miss sent to the IMR data.
FLOORS = {"answers": 0.97, "caught": 0.98, "quiet": 0.98, "lined": 1.0, "unlined": 0.98,
          "spanish": 1.0, "first": 0.95, "es_answered": 0.94, "es_tagged": 1.0, "es_answers": 0.95,
          "imr_asked": 0.9, "imr_others": 0.9, "es_answered_2": 0.95, "es_answers_2": 0.96,
          "es_answered_3": 0.93, "es_answers_3": 0.97, "es_answered_4": 0.98, "es_answers_4": 0.97,
          "es_answers_5": 0.96, "es_answers_6": 0.98, "es_answered_7": 0.95, "es_answers_7": 0.96}


@pytest.fixture(scope="module")
def parser() -> Iterator[Parser]:
    if not MODEL.exists():
        pytest.skip("no trained model (make train)")
    yield Parser()


def check(name: str, score) -> None:
    print(f"\n{report([score])}\n(target {TARGETS[name]:.2f}, floor {FLOORS[name]:.2f})")
    assert score.rate >= FLOORS[name], report([score])


def test_typed_answers(parser: Parser) -> None:
    check("answers", score_answers(parser))


def test_safety(parser: Parser) -> None:
    scores = score_safety(parser)
    # "caught"/"quiet" read the classifier alone; "lined"/"unlined" what the person sees, with the
    # unclear-message net (actions/fallback.py) that gives 911/988 just in case.
    for name in ("caught", "lined", "spanish", "quiet", "unlined"):
        check(name, scores[name])


def test_first_messages(parser: Parser) -> None:
    score, _ = score_first_messages(parser)
    check("first", score)


def test_spanish_first_messages(parser: Parser) -> None:
    scores = score_spanish_first_messages(parser)
    check("es_answered", scores["answered"])
    check("es_tagged", scores["tagged"])


def test_spanish_typed_answers(parser: Parser) -> None:
    check("es_answers", score_answers(parser, spanish=True))


@pytest.mark.parametrize("number", LATER_SETS)
def test_later_spanish_sets(parser: Parser, number: int) -> None:
    """The later Spanish sets (tests/heldout/README.md): written apart from the first and from
    data/, each scored once before any of its misses was looked at. Sets 5 and 6 have answers
    only."""
    if has_first_messages(number):
        check(f"es_answered_{number}",
              score_spanish_first_messages(parser, f"es_first_messages_{number}.yml")["answered"])
    check(f"es_answers_{number}", score_answers(parser, spanish=True, name=f"es_answers_{number}.yml"))


def test_questions_about_past_imr_outcomes(parser: Parser) -> None:
    scores = score_imr_questions(parser)
    check("imr_asked", scores["asked"])
    check("imr_others", scores["others"])
    stolen = [t for t, wanted, got in scores["others"].misses if got == "imr_outcomes"]
    assert stolen == [], "near-misses sent to the IMR data instead of their own route"
