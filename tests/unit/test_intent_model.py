"""The trained reader's parts: the numpy MiniLM, the model's output shape, the safety decision,
and the problem reader's use of the model."""
from __future__ import annotations

import numpy as np
import pytest

from bot.eligibility.answers import read_problem
from bot.eligibility.rules import Problem
from bot.nlu.intent_model import IntentModel, label_of
from bot.nlu.parse_data import answer_kinds
from bot.nlu.priority_intents import winning_intent
from bot.nlu.sentence_embedder import DEFAULT_DIR, load

needs_model = pytest.mark.skipif(not (DEFAULT_DIR / "model.safetensors").is_file(),
                                 reason="all-MiniLM-L6-v2 not unpacked (make)")


@needs_model
def test_numpy_minilm_gives_the_published_similarity():
    """sentence-transformers' own example pair scores 0.7553 with all-MiniLM-L6-v2; a wrong
    layer, pooling or tokenizer gives something else."""
    a, b, c = load().embed_many(["A man is eating food.", "A man is eating a piece of bread.",
                                 "The girl is carrying a baby."])
    assert float(a @ b) == pytest.approx(0.7553, abs=1e-3)
    assert float(a @ c) < 0.1
    assert np.linalg.norm(a) == pytest.approx(1.0, abs=1e-5)


@needs_model
def test_empty_and_very_long_texts_embed():
    embedder = load()
    assert embedder.embed("").shape == (384,)
    assert embedder.embed("word " * 5000).shape == (384,)  # cut at MAX_TOKENS, no error


@needs_model
def test_topics_sum_to_the_intent_and_kinds_are_read():
    texts = ["how much does it cost", "is it free", "what does an imr cost me",
             "when is the deadline", "how long do i have", "how many days to file",
             "hello", "hi there", "good morning",
             "they said it is experimental", "the letter says investigational",
             "they said it was not medically necessary", "not needed they said"]
    labels = ["faq/cost"] * 3 + ["faq/deadline"] * 3 + ["greet"] * 3 + ["describe_denial"] * 4
    kinds = [{}] * 9 + [{"problem": "experimental"}] * 2 + [{"problem": "not_medically_necessary"}] * 2
    model = IntentModel(load()).fit(texts, labels, kinds)
    reading = model.read("does it cost anything")
    assert reading.intents[0][0] == "faq"
    assert sum(p for _, p in reading.intents) == pytest.approx(1.0)
    assert reading.topics["faq"][0][0] == "faq/cost"
    assert sum(p for _, p in reading.topics["faq"]) == pytest.approx(1.0)
    assert model.read("they called it experimental").kinds["problem"][0][0] == "experimental"


def test_labels_and_metadata():
    assert label_of("faq", "faq/cost") == "faq/cost"
    assert label_of("greet", None) == "greet"
    assert answer_kinds({"problem": "billing", "other": "x"}) == {"problem": "billing"}
    assert answer_kinds(None) == {}
    # cannot answer either open question: teaches "none" to both readers
    assert answer_kinds(None, "greet") == {"problem": "none", "appeal": "none"}
    assert answer_kinds(None, "describe_denial") == {}  # may answer, kind not given
    assert answer_kinds({"appeal": "waiting"}, "describe_denial") == {"appeal": "waiting"}
    assert answer_kinds(None, "faq/cost") == {"problem": "none", "appeal": "none"}


@pytest.mark.parametrize("text, ranking, expected", [
    # a crisis in so many words wins whatever the classifier said
    ("i want to kill myself", [("faq", 0.9)], ("crisis_self_harm", 1.0)),
    # the classifier's safety intent, first and sure enough, is not lost to an ambiguity fallback
    ("i cant go on", [("crisis_self_harm", 0.48), ("describe_denial", 0.46)], ("crisis_self_harm", 1.0)),
    # ... but not when it is unsure, or not first
    ("she is okay", [("emergency_now", 0.40), ("deny", 0.3)], None),
    ("kaiser denied it", [("describe_denial", 0.6), ("crisis_self_harm", 0.3)], None),
    # in Spanish, the Spanish line; another language otherwise
    ("ya no quiero vivir", [("other_language", 0.9)], ("crisis_self_harm_es", 1.0)),
    ("Мне отказали в лечении", [("greet", 0.5)], ("other_language", 1.0)),
    # a Spanish denial keeps its reading: the whole assistant speaks Spanish
    ("Kaiser negó mi cirugía de la rodilla", [("describe_denial", 0.9)], None),
    ("hello", [("greet", 0.99)], None),
])
def test_winning_intent(text, ranking, expected):
    assert winning_intent(text, ranking) == expected


def test_problem_reader_trusts_the_model_only_when_sure():
    # sure: the model decides, even against a word in the text ("charge" in "in charge")
    assert read_problem("the doctor in charge said it is still being studied", None,
                        [("experimental", 0.8), ("billing", 0.1)]) == Problem.EXPERIMENTAL
    # unsure: the narrow word table ("discharge" is not a charge)
    assert read_problem("they want to discharge my mom too early", None,
                        [("billing", 0.4), ("service", 0.35)]) == Problem.SERVICE
    # "I don't know" about another question is not an unknown problem
    assert read_problem("i dont know if we appealed", None, [("unknown", 0.9)]) is None


def test_problem_reader_leaves_none_to_the_narrow_table():
    assert read_problem("can i talk to a real person", None, [("none", 0.9)]) is None
    assert read_problem("its in collections now", None, [("none", 0.6)]) == Problem.BILLING


def test_batched_embedding_gives_what_each_sentence_gives_alone():
    embedder = load()
    texts = ["Kaiser denied my MRI", "is it free", "", "Kaiser denied my CT",
             "my plan said no to my sons therapy and i dont know what to do", "word " * 300]
    together = embedder.embed_many(texts, batch_size=2)
    for text, vector in zip(texts, together):
        assert abs(embedder.embed(text) - vector).max() < 1e-6, text
    assert embedder.embed_many([]).shape == (0, 384)
