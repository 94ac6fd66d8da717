"""The training data is ours, large enough per intent, and consistent with the domain."""
from __future__ import annotations

import difflib
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Dict, FrozenSet, List, Set

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


def near_copies(text: str, examples: Set[str], ratio: float = 0.85) -> List[str]:
    """Training examples equal or nearly equal to text (difflib ratio). Only examples whose
    length allows that ratio are compared (2*min/(sum) >= ratio), then difflib's cheap upper
    bounds, so thousands of pairs stay fast."""
    matcher = difflib.SequenceMatcher(None, b=text)  # b is cached by difflib
    low, high = len(text) * ratio / (2 - ratio), len(text) * (2 - ratio) / ratio
    by_length = _by_length(frozenset(examples))
    close = []
    for length in range(int(low), int(high) + 1):
        for example in by_length.get(length, ()):
            matcher.set_seq1(example)
            if matcher.quick_ratio() >= ratio and matcher.ratio() >= ratio:
                close.append(example)
    return close


@lru_cache(maxsize=4)
def _by_length(examples: FrozenSet[str]) -> Dict[int, List[str]]:
    grouped: Dict[int, List[str]] = defaultdict(list)
    for example in examples:
        grouped[len(example)].append(example)
    return grouped


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
    ours = {normalize(e) for examples in EXAMPLES.values() for e in examples}
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
    ours = {normalize(e) for examples in EXAMPLES.values() for e in examples}
    for path in (ROOT / "tests" / "heldout").glob("*.yml"):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]:
            text = normalize(case["text"])
            if len(text.split()) < 4:
                continue
            close = near_copies(text, ours)
            assert not close, (path.name, case["text"], close)
