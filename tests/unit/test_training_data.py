"""The training data is ours, large enough per intent, and consistent with the domain."""
from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import AbstractSet, Dict, FrozenSet, List

import numpy as np
import pytest
import yaml

from bot.domain.topics import TOPICS

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT.parent / "shared" / "eval"


def examples_by_intent() -> Dict[str, List[str]]:
    result: Dict[str, List[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").rglob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" not in block:
                continue
            examples = block["examples"]
            if isinstance(examples, str):  # "- text" lines
                lines = [l.strip()[2:].strip() for l in examples.splitlines() if l.strip()]
            else:  # "- text: ..." entries with metadata (data/nlu/problem_answers.yml)
                lines = [str(e["text"]).strip() for e in examples]
            result.setdefault(block["intent"], []).extend(lines)
    return result


EXAMPLES = examples_by_intent()
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    return re.sub(r"[\W_]+", " ", text.lower()).strip()  # letters of any script count


def near_copies(text: str, examples: AbstractSet[str], ratio: float = 0.85) -> List[str]:
    """Training examples equal or nearly equal to text (difflib ratio). difflib's ratio is at
    most its quick_ratio, which counts shared characters: that bound is computed for every
    example at once (_CharacterCounts), and only the few that pass it are compared in full."""
    index = _character_counts(frozenset(examples))  # the same set when given a frozenset
    close = []
    for example in index.candidates(text, ratio):
        matcher = difflib.SequenceMatcher(None, example, text)
        if matcher.ratio() >= ratio:
            close.append(example)
    return close


class _CharacterCounts:
    """Each example's count of each character, one row per example. Characters outside the
    most common ones share a column, which can only raise the bound, so it stays a bound."""

    def __init__(self, examples: FrozenSet[str], columns: int = 63) -> None:
        self.examples = sorted(examples)
        common = Counter(c for e in self.examples for c in e).most_common(columns)
        self.column = {c: i for i, (c, _) in enumerate(common)}
        self.other = len(self.column)
        self.counts = np.stack([self._count(e) for e in self.examples]) if self.examples else \
            np.zeros((0, self.other + 1), dtype=np.int32)
        self.lengths = np.array([len(e) for e in self.examples], dtype=np.int32)

    def _count(self, text: str) -> np.ndarray:
        row = np.zeros(self.other + 1, dtype=np.int32)
        for c in text:
            row[self.column.get(c, self.other)] += 1
        return row

    def candidates(self, text: str, ratio: float) -> List[str]:
        shared = np.minimum(self.counts, self._count(text)).sum(axis=1)
        bound = 2.0 * shared / np.maximum(self.lengths + len(text), 1)
        return [self.examples[i] for i in np.flatnonzero(bound >= ratio)]


@lru_cache(maxsize=4)
def _character_counts(examples: FrozenSet[str]) -> _CharacterCounts:
    return _CharacterCounts(examples)


@pytest.mark.parametrize("intent", sorted(EXAMPLES))
def test_every_intent_has_at_least_25_examples(intent):
    assert len(set(map(normalize, EXAMPLES[intent]))) >= 25


def test_every_faq_answer_has_training_examples_and_a_topic():
    answers = {k[len("utter_"):] for k in DOMAIN["responses"] if k.startswith("utter_faq/")}
    trained = {k for k in EXAMPLES if k.startswith("faq/")}
    assert answers == trained
    assert trained <= set(TOPICS)


def test_every_domain_intent_is_trained_and_topics_are_real():
    trained = {k.split("/")[0] for k in EXAMPLES}
    assert set(DOMAIN["intents"]) == trained
    assert set(TOPICS) <= set(EXAMPLES) | set(DOMAIN["intents"])


@pytest.mark.skipif(not EVAL_DIR.exists(), reason="../shared/eval is not beside this checkout")
def test_no_training_example_copies_an_eval_case_text():
    """We train on our own examples: none may equal or nearly equal a judging case."""
    ours = frozenset(normalize(e) for examples in EXAMPLES.values() for e in examples)
    for path in EVAL_DIR.glob("*.yml"):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for case in (data.get("cases") or []) if isinstance(data, dict) else []:
            text = normalize(case["text"])
            close = near_copies(text, ours)
            assert not close, (case["text"], close)


def test_no_training_example_copies_a_held_out_case():
    """tests/heldout/ measures how people really write: none of it may be trained on.

    Replies of one to three words ("not sure", "nope") are a closed vocabulary every training
    set holds; longer ones must not be there, nor anything close to them."""
    ours = frozenset(normalize(e) for examples in EXAMPLES.values() for e in examples)
    for path in (ROOT / "tests" / "heldout").glob("*.yml"):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            text = normalize(case["text"])
            if len(text.split()) < 4:
                continue
            close = near_copies(text, ours)
            assert not close, (path.name, case["text"], close)


def test_the_near_copy_check_finds_near_copies_and_only_them():
    """The check above must be able to fail: one changed letter or an added word is found, a
    different sentence of the same letters is not."""
    examples = {normalize(e) for e in ("my plan denied my MRI last month", "hola buenos dias",
                                      "the plan never answered my appeal")}
    assert near_copies(normalize("My plan denied my MRI last mnth!"), examples) == [
        "my plan denied my mri last month"]
    assert near_copies(normalize("the plan never answered my appeal at all"), examples) == [
        "the plan never answered my appeal"]
    assert near_copies(normalize("last month my MRI was denied by my plan"), examples) == []
    assert near_copies(normalize("Ñandú über straße"), examples) == []
