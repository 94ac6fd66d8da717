"""Scores the IMR matcher on tests/imr/phrasings.yml (written apart from bot/imr/synonyms.py).

    PYTHONPATH=. .venv/bin/python -m tests.imr.scoring [--misses]
"""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import yaml

from bot.imr.matching import Found, Matcher
from bot.imr.store import Category, ImrStore

PHRASINGS = Path(__file__).resolve().parent / "phrasings.yml"
FIELDS = ("treatment", "diagnosis", "type", "gender", "age", "years")


def load_cases() -> List[dict]:
    return yaml.safe_load(PHRASINGS.read_text(encoding="utf-8"))["cases"]


def _category_ok(expected: Optional[str], found: Optional[Category]) -> bool:
    if expected is None:
        return found is None
    if found is None:
        return False
    category, _, sub = (part.strip() for part in expected.partition(" / "))
    if sub:
        return found.sub == sub and found.category in (category, None)
    return found.category == category and found.sub is None


def field_results(case: dict, found: Found) -> Dict[str, bool]:
    """Whether each of the case's fields was read right (a field left out must stay empty)."""
    f = found.filters
    age = case.get("age")
    return {
        "treatment": _category_ok(case.get("treatment"), f.treatment),
        "diagnosis": _category_ok(case.get("diagnosis"), f.diagnosis),
        "type": case.get("type") == f.review_type,
        "gender": case.get("gender") == f.gender,
        "age": ([a.replace("_", "-") for a in age] if age else []) == list(f.age_ranges),
        "years": (tuple(case["years"]) if case.get("years") else None) == f.years,
    }


def score(matcher: Matcher) -> Tuple[int, int, Dict[str, Tuple[int, int]], List[Tuple[dict, Dict[str, bool], Found]]]:
    cases = load_cases()
    right = 0
    per_field: Dict[str, List[int]] = {name: [0, 0] for name in FIELDS}
    misses = []
    for case in cases:
        found = matcher.find(case["text"])
        results = field_results(case, found)
        for name in FIELDS:
            if name in case or not results[name]:
                per_field[name][1] += 1
                per_field[name][0] += int(results[name])
        if all(results.values()):
            right += 1
        else:
            misses.append((case, results, found))
    return right, len(cases), {k: (v[0], v[1]) for k, v in per_field.items()}, misses


def main() -> None:
    store = ImrStore(Path("build/imr.sqlite"))
    matcher = Matcher({level: store.categories(level) for level in ("treatment", "diagnosis")})
    right, total, per_field, misses = score(matcher)
    print(f"phrasings read right: {right}/{total} = {right / total:.3f}")
    for name, (ok, n) in per_field.items():
        print(f"  {name}: {ok}/{n}")
    if "--misses" in sys.argv:
        for case, results, found in misses:
            wrong = [k for k, v in results.items() if not v]
            f = found.filters
            print(f"- {case['text']!r} wrong {wrong}: expected "
                  + str({k: case.get(k) for k in ('treatment', 'diagnosis', 'type', 'gender', 'age', 'years') if case.get(k)})
                  + f" got t={f.treatment} d={f.diagnosis} ty={f.review_type} g={f.gender} a={f.age_ranges} y={f.years}")


if __name__ == "__main__":
    main()
