"""The training data is ours, large enough per intent, and consistent with the domain."""
from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Dict, List

import pytest
import yaml

from bot.topics import TOPICS

ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = ROOT.parent / "shared" / "eval"


def examples_by_intent() -> Dict[str, List[str]]:
    result: Dict[str, List[str]] = {}
    for path in sorted((ROOT / "data" / "nlu").glob("*.yml")):
        for block in yaml.safe_load(path.read_text(encoding="utf-8"))["nlu"]:
            if "intent" in block:
                lines = [l.strip()[2:].strip() for l in block["examples"].splitlines() if l.strip()]
                result.setdefault(block["intent"], []).extend(lines)
    return result


EXAMPLES = examples_by_intent()
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))


def normalize(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


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
            close = [e for e in ours if difflib.SequenceMatcher(None, text, e).ratio() >= 0.85]
            assert not close, (case["text"], close)
