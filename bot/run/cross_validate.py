"""K-fold cross-validation of the trained reader (intents and FAQ topics) on data/nlu.

Why not `rasa test nlu --cross-validation`: Rasa scores FAQ topics only through its own
ResponseSelector, which our pipeline replaced (bot/nlu/intent_model.py). This runs the same
protocol on the same model: stratified folds over every label (each FAQ topic its own label),
the model fitted on the rest, and writes reports in the shape Rasa writes them
(`intent_report.json`, `response_selection_report.json`: sklearn classification reports with
`confused_with`) plus confusion-matrix PNGs, so bot/run/nlu_report.py prints the tables and
macro F1. Sentence vectors are computed once for all folds.

Usage: python -m bot.run.cross_validate data/nlu reports/nlu [folds]
"""
from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Dict, List, Sequence, Tuple

import numpy as np
from sklearn.metrics import classification_report, confusion_matrix
from sklearn.model_selection import StratifiedKFold

from bot.nlu.intent_model import IntentModel
from bot.nlu.sentence_embedder import SentenceEmbedder
from bot.nlu.sentence_embedder import load as load_embedder
from bot.run import nlu_report

SEED = 2219


class CachedEmbedder:
    """The embedder, with each text embedded once across all folds."""

    def __init__(self, embedder: SentenceEmbedder) -> None:
        self.embedder = embedder
        self.cache: Dict[str, np.ndarray] = {}

    def embed(self, text: str) -> np.ndarray:
        if text not in self.cache:
            self.cache[text] = self.embedder.embed(text)
        return self.cache[text]

    def embed_many(self, texts: List[str]) -> np.ndarray:
        return np.stack([self.embed(t) for t in texts])


def load_examples(nlu_dir: Path) -> Tuple[List[str], List[str], List[Dict[str, str]]]:
    """Texts, labels and answer kinds of every intent example, read as the pipeline reads them."""
    from rasa.shared.nlu.training_data.loading import load_data  # Rasa only to read its format

    from bot.nlu.components import training_examples

    return training_examples(load_data(str(nlu_dir)))


def report(truth: Sequence[str], predicted: Sequence[str]) -> Dict[str, object]:
    """sklearn's report over the true labels, with what each label was mistaken for."""
    labels = sorted(set(truth))
    result: Dict[str, object] = classification_report(
        truth, predicted, labels=labels, output_dict=True, zero_division=0)
    confused: Dict[str, Counter] = defaultdict(Counter)
    for t, p in zip(truth, predicted):
        if t != p:
            confused[t][p] += 1
    for label in labels:
        entry = result.get(label)
        if isinstance(entry, dict):
            entry["confused_with"] = dict(confused[label].most_common(3))
    return result


def plot_confusion(truth: Sequence[str], predicted: Sequence[str], out: Path, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    labels = sorted(set(truth) | set(predicted))
    matrix = confusion_matrix(truth, predicted, labels=labels)
    size = max(6.0, 0.28 * len(labels))
    fig, ax = plt.subplots(figsize=(size, size))
    ax.imshow(np.log1p(matrix), cmap="Blues")
    ax.set_xticks(range(len(labels)), labels, rotation=90, fontsize=6)
    ax.set_yticks(range(len(labels)), labels, fontsize=6)
    ax.set_xlabel("predicted")
    ax.set_ylabel("true")
    ax.set_title(title)
    fig.tight_layout()
    fig.savefig(out, dpi=120)
    plt.close(fig)


def cross_validate(nlu_dir: Path, out: Path, folds: int = 5) -> str:
    texts, labels, kinds = load_examples(nlu_dir)
    embedder = CachedEmbedder(load_embedder())
    predicted: List[str] = [""] * len(texts)
    topic_predicted: List[str] = [""] * len(texts)  # the best topic of the example's own intent
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=SEED)
    for train, test in splitter.split(texts, labels):
        model = IntentModel(embedder).fit([texts[i] for i in train], [labels[i] for i in train],
                                          [kinds[i] for i in train])
        for i in test:
            reading = model.read(texts[i])
            intent = reading.intents[0][0]
            topics = reading.topics.get(intent)
            predicted[i] = topics[0][0] if topics else intent
            own = reading.topics.get(labels[i].split("/")[0])
            topic_predicted[i] = own[0][0] if own else ""
    out.mkdir(parents=True, exist_ok=True)

    def intent_of(label: str) -> str:
        return label.split("/")[0]

    true_intents = [intent_of(l) for l in labels]
    predicted_intents = [intent_of(p) for p in predicted]
    (out / nlu_report.INTENT_REPORT).write_text(
        json.dumps(report(true_intents, predicted_intents), indent=1), encoding="utf-8")
    plot_confusion(true_intents, predicted_intents, out / "intent_confusion_matrix.png", "Intents")
    # FAQ topics over the FAQ examples, as Rasa's response selection report counts them: the
    # topic chosen among the FAQ topics, whatever intent was read.
    faq = [i for i, l in enumerate(labels) if "/" in l]
    faq_predicted = [topic_predicted[i] for i in faq]
    faq_truth = [labels[i] for i in faq]
    (out / nlu_report.FAQ_REPORT).write_text(
        json.dumps(report(faq_truth, faq_predicted), indent=1), encoding="utf-8")
    plot_confusion(faq_truth, faq_predicted, out / "response_selection_confusion_matrix.png",
                   "FAQ topics")
    return (f"{folds}-fold cross-validation of {len(texts)} examples "
            f"({len(set(true_intents))} intents, {len(set(faq_truth))} FAQ topics)")


def main(argv: Sequence[str]) -> int:
    nlu_dir = Path(argv[0] if argv else "data/nlu")
    out = Path(argv[1] if len(argv) > 1 else "reports/nlu")
    folds = int(argv[2]) if len(argv) > 2 else 5
    print(cross_validate(nlu_dir, out, folds))
    print(nlu_report.summarize(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
