"""bot/run/nlu_report.py reads Rasa's cross-validation reports into sorted tables and macro F1.

The fixtures have the shape Rasa 3.6 writes (sklearn classification report, `confused_with`,
both "accuracy" and "micro avg"), with made-up numbers.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict

import pytest

from bot.run import nlu_report

INTENTS: Dict[str, Any] = {
    "greet": {"precision": 1.0, "recall": 0.9, "f1-score": 0.947, "support": 30,
              "confused_with": {"goodbye": 3}},
    "goodbye": {"precision": 0.8, "recall": 1.0, "f1-score": 0.889, "support": 20,
                "confused_with": {}},
    "faq": {"precision": 0.5, "recall": 0.25, "f1-score": 0.333, "support": 40,
            "confused_with": {"describe_denial": 20, "greet": 10}},
    "describe_denial": {"precision": 0.6, "recall": 0.75, "f1-score": 0.667, "support": 10,
                        "confused_with": {"faq": 2}},
    "accuracy": 0.6,
    "macro avg": {"precision": 0.725, "recall": 0.725, "f1-score": 0.709, "support": 100},
    "weighted avg": {"precision": 0.7, "recall": 0.6, "f1-score": 0.6, "support": 100},
    "micro avg": {"precision": 0.6, "recall": 0.6, "f1-score": 0.6, "support": 100},
}

FAQ: Dict[str, Any] = {
    "faq/cost": {"precision": 0.9, "recall": 0.8, "f1-score": 0.847, "support": 25,
                 "confused_with": {"faq/deadline": 5}},
    "faq/deadline": {"precision": 0.8, "recall": 0.9, "f1-score": 0.847, "support": 30,
                     "confused_with": {"faq/cost": 3}},
    "faq/contact": {"precision": 1.0, "recall": 1.0, "f1-score": 1.0, "support": 15,
                    "confused_with": {}},
    "accuracy": 0.886,
    "macro avg": {"precision": 0.9, "recall": 0.9, "f1-score": 0.898, "support": 70},
    "weighted avg": {"precision": 0.88, "recall": 0.886, "f1-score": 0.88, "support": 70},
    "micro avg": {"precision": 0.886, "recall": 0.886, "f1-score": 0.886, "support": 70},
}


def write_reports(directory: Path, faq: bool = True) -> Path:
    (directory / nlu_report.INTENT_REPORT).write_text(json.dumps(INTENTS), encoding="utf-8")
    if faq:
        (directory / nlu_report.FAQ_REPORT).write_text(json.dumps(FAQ), encoding="utf-8")
    (directory / "intent_confusion_matrix.png").write_bytes(b"\x89PNG")
    return directory


def test_rows_are_labels_only_sorted_by_f1_ascending():
    rows = nlu_report.label_rows(INTENTS)
    assert [r.label for r in rows] == ["faq", "describe_denial", "goodbye", "greet"]
    assert rows[0] == nlu_report.Row("faq", 0.5, 0.25, 0.333, 40,
                                     {"describe_denial": 20, "greet": 10})


def test_equal_f1_puts_the_label_with_more_examples_first():
    assert [r.label for r in nlu_report.label_rows(FAQ)] == ["faq/deadline", "faq/cost",
                                                            "faq/contact"]


def test_macro_f1_is_the_reports_macro_average():
    assert nlu_report.macro_f1(INTENTS) == pytest.approx(0.709)


def test_macro_f1_without_macro_avg_is_the_mean_of_label_f1s():
    report = {k: v for k, v in INTENTS.items() if k != "macro avg"}
    assert nlu_report.macro_f1(report) == pytest.approx((0.947 + 0.889 + 0.333 + 0.667) / 4)


def test_markdown_table_rows():
    table = nlu_report.markdown_table(nlu_report.label_rows(INTENTS), "intent")
    assert table.splitlines() == [
        "| intent | precision | recall | f1 | support | confused with |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
        "| faq | 0.500 | 0.250 | 0.333 | 40 | describe_denial (20), greet (10) |",
        "| describe_denial | 0.600 | 0.750 | 0.667 | 10 | faq (2) |",
        "| goodbye | 0.800 | 1.000 | 0.889 | 20 |  |",
        "| greet | 1.000 | 0.900 | 0.947 | 30 | goodbye (3) |",
    ]


def test_main_prints_macro_f1_worst_intents_and_writes_tables(tmp_path, capsys):
    write_reports(tmp_path)
    assert nlu_report.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "intent macro F1 = 0.709 (4 intents)" in out
    assert "FAQ topic macro F1 = 0.898 (3 topics)" in out
    assert "Sara's published macro F1: 0.875" in out
    lines = out.splitlines()
    start = lines.index("4 worst intents (f1, support, confused with):") + 1
    assert lines[start:start + 5] == [
        "  faq              0.333    40  -> describe_denial (20), greet (10)",
        "  describe_denial  0.667    10  -> faq (2)",
        "  goodbye          0.889    20",
        "  greet            0.947    30  -> goodbye (3)",
        "",
    ]
    for name in ("intent_table.md", "faq_table.md", "intent_report.json",
                 "response_selection_report.json", "intent_confusion_matrix.png"):
        assert str(tmp_path / name) in out

    intent_md = (tmp_path / "intent_table.md").read_text(encoding="utf-8")
    assert "macro F1 = 0.709 over 4 labels" in intent_md
    assert "| faq | 0.500 | 0.250 | 0.333 | 40 | describe_denial (20), greet (10) |" in intent_md
    faq_md = (tmp_path / "faq_table.md").read_text(encoding="utf-8")
    assert "| FAQ topic | precision | recall | f1 | support | confused with |" in faq_md
    assert faq_md.index("| faq/deadline |") < faq_md.index("| faq/cost |") < faq_md.index(
        "| faq/contact | 1.000 | 1.000 | 1.000 | 15 |  |")


def test_worst_list_stops_at_ten(tmp_path, capsys):
    report = {f"intent_{i:02d}": {"precision": 1.0, "recall": 1.0, "f1-score": i / 20,
                                  "support": 5} for i in range(12)}
    (tmp_path / nlu_report.INTENT_REPORT).write_text(json.dumps(report), encoding="utf-8")
    nlu_report.main([str(tmp_path)])
    out = capsys.readouterr().out
    assert "10 worst intents" in out
    assert "intent_09" in out and "intent_10" not in out.split("reports:")[0]


def test_without_response_selection_report_faq_is_not_available(tmp_path, capsys):
    write_reports(tmp_path, faq=False)
    assert nlu_report.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "FAQ topic macro F1 = n/a" in out
    assert not (tmp_path / "faq_table.md").exists()


def test_missing_intent_report_fails_with_a_message(tmp_path, capsys):
    assert nlu_report.main([str(tmp_path)]) == 1
    assert "intent_report.json not found" in capsys.readouterr().err
