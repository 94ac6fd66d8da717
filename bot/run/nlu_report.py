"""Readable per-label tables and macro F1 from Rasa's NLU cross-validation reports.

`rasa test nlu --cross-validation --out DIR` writes `intent_report.json` and
`response_selection_report.json` (sklearn classification reports, one entry per label plus
averages) but logs only weighted averages. Macro F1 is the number to watch, because it weights a
rare intent as much as a frequent one, and it is what Sara (RasaHQ's demo bot) publishes; the
tables sorted worst-first show where to add training examples. No Rasa import: only json.
Usage: python -m bot.run.nlu_report reports/nlu
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List, NamedTuple, Optional, Sequence

SARA_MACRO_F1 = 0.875
"""RasaHQ Sara's published macro F1, a reference point for an assistant of similar size."""

INTENT_REPORT = "intent_report.json"
FAQ_REPORT = "response_selection_report.json"
INTENT_TABLE = "intent_table.md"
FAQ_TABLE = "faq_table.md"
WORST_COUNT = 10

# Entries of an sklearn classification report that are averages, not labels.
SUMMARY_KEYS = frozenset({"accuracy", "micro avg", "macro avg", "weighted avg", "samples avg"})


class Row(NamedTuple):
    """One label's scores, as read from a Rasa report."""

    label: str
    precision: float
    recall: float
    f1: float
    support: int
    confused_with: Dict[str, int]


def read_report(path: Path) -> Dict[str, Any]:
    """The report as a dict; Rasa writes one json object per report."""
    return json.loads(path.read_text(encoding="utf-8"))


def label_rows(report: Dict[str, Any]) -> List[Row]:
    """Per-label rows, worst F1 first (ties: more examples first, then by name), so the labels
    that need work head the table."""
    rows = [
        Row(
            label=label,
            precision=float(scores.get("precision", 0.0)),
            recall=float(scores.get("recall", 0.0)),
            f1=float(scores.get("f1-score", 0.0)),
            support=int(scores.get("support", 0)),
            confused_with={str(k): int(v) for k, v in (scores.get("confused_with") or {}).items()},
        )
        for label, scores in report.items()
        if label not in SUMMARY_KEYS and isinstance(scores, dict) and "f1-score" in scores
    ]
    return sorted(rows, key=lambda r: (r.f1, -r.support, r.label))


def macro_f1(report: Dict[str, Any]) -> float:
    """The report's own macro average (over the labels in the test data, as Rasa computes it);
    the unweighted mean of the label F1s if a report lacks it."""
    macro = report.get("macro avg")
    if isinstance(macro, dict) and "f1-score" in macro:
        return float(macro["f1-score"])
    rows = label_rows(report)
    return sum(r.f1 for r in rows) / len(rows) if rows else 0.0


def _confusions(confused_with: Dict[str, int]) -> str:
    """'faq/cost (3), greet (1)': what a label was mistaken for, most often first."""
    pairs = sorted(confused_with.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{label or '(none)'} ({count})" for label, count in pairs)


def markdown_table(rows: Sequence[Row], label_header: str) -> str:
    """A GitHub-markdown table of the rows, in the order given."""
    lines = [
        f"| {label_header} | precision | recall | f1 | support | confused with |",
        "| --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for r in rows:
        lines.append(
            f"| {r.label} | {r.precision:.3f} | {r.recall:.3f} | {r.f1:.3f} | {r.support} "
            f"| {_confusions(r.confused_with)} |"
        )
    return "\n".join(lines) + "\n"


def write_table(report: Dict[str, Any], label_header: str, title: str, out: Path) -> List[Row]:
    """Write the sorted table with a macro-F1 heading to `out`; return its rows."""
    rows = label_rows(report)
    out.write_text(
        f"# {title}\n\nmacro F1 = {macro_f1(report):.3f} over {len(rows)} labels "
        f"(Sara's published macro F1: {SARA_MACRO_F1:.3f}). Sorted by f1, worst first.\n\n"
        + markdown_table(rows, label_header),
        encoding="utf-8",
    )
    return rows


def summarize(report_dir: Path) -> str:
    """Write the tables into report_dir and return the text to print."""
    intent_path = report_dir / INTENT_REPORT
    if not intent_path.is_file():
        raise FileNotFoundError(f"{intent_path} not found: run the cross-validation first")
    intent_report = read_report(intent_path)
    intent_rows = write_table(intent_report, "intent", "Intents (cross-validation)",
                              report_dir / INTENT_TABLE)
    lines = [f"intent macro F1 = {macro_f1(intent_report):.3f} ({len(intent_rows)} intents)"]

    faq_path = report_dir / FAQ_REPORT
    faq_rows: Optional[List[Row]] = None
    if faq_path.is_file():
        faq_report = read_report(faq_path)
        faq_rows = write_table(faq_report, "FAQ topic", "FAQ topics (response selector)",
                               report_dir / FAQ_TABLE)
        lines.append(f"FAQ topic macro F1 = {macro_f1(faq_report):.3f} ({len(faq_rows)} topics)")
    else:
        lines.append(f"FAQ topic macro F1 = n/a (no {FAQ_REPORT}: no retrieval intents tested)")
    lines.append(f"Sara's published macro F1: {SARA_MACRO_F1:.3f}")

    worst = intent_rows[:WORST_COUNT]
    lines.append("")
    lines.append(f"{len(worst)} worst intents (f1, support, confused with):")
    width = max((len(r.label) for r in worst), default=0)
    for r in worst:
        confused = _confusions(r.confused_with)
        lines.append(f"  {r.label:<{width}}  {r.f1:.3f}  {r.support:>4}"
                     + (f"  -> {confused}" if confused else ""))

    lines.append("")
    lines.append("reports:")
    tables = [INTENT_TABLE] + ([FAQ_TABLE] if faq_rows is not None else [])
    others = sorted(p.name for p in report_dir.iterdir()
                    if p.suffix in (".json", ".png") and p.is_file())
    for name in tables + others:
        lines.append(f"  {report_dir / name}")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    """Print the summary for the report directory given (default reports/nlu)."""
    report_dir = Path(argv[0] if argv else "reports/nlu")
    try:
        print(summarize(report_dir))
    except FileNotFoundError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
