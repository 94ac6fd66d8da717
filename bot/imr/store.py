"""Counts of IMR decisions for what a person asked about, from the store bot/imr/loader.py built.

Why a read-only SQLite connection per question: the action server answers many conversations
at once; each count is one indexed query of well under a millisecond, and nothing here can
change the store. Pure: no Rasa import.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from bot.imr.layout import AGE_RANGES


@dataclass(frozen=True)
class Category:
    """A treatment or diagnosis in the data: `level` "treatment" or "diagnosis"; `sub` None
    means the whole category, `category` None means that sub category under any category."""

    level: str
    category: Optional[str]
    sub: Optional[str] = None

    @property
    def name(self) -> str:
        """The data's own words, most specific first: "MRI", "Chemotherapy/Cancer Medications"."""
        return re.sub(r"\s*/\s*", "/", self.sub or self.category or "")


@dataclass(frozen=True)
class Filters:
    """What a person narrowed the question to; None (or empty) means "any"."""

    treatment: Optional[Category] = None
    diagnosis: Optional[Category] = None
    review_type: Optional[str] = None
    age_ranges: Tuple[str, ...] = ()
    gender: Optional[str] = None
    years: Optional[Tuple[int, int]] = None

    def is_empty(self) -> bool:
        return self == Filters()

    def names_a_case(self) -> bool:
        """True when it names a treatment or diagnosis, not only who or when."""
        return self.treatment is not None or self.diagnosis is not None

    def merged_into(self, earlier: "Filters") -> "Filters":
        """A follow-up ("what about for women?") keeps what the earlier question said."""
        return replace(earlier, **{k: v for k, v in vars(self).items() if v not in (None, ())})


@dataclass(frozen=True)
class Outcome:
    """How the matching decisions went."""

    total: int
    overturned: int
    first_year: Optional[int]
    last_year: Optional[int]
    by_year: Tuple[Tuple[int, int, int], ...] = field(default=())  # (year, overturned, upheld)

    @property
    def upheld(self) -> int:
        return self.total - self.overturned

    @property
    def rate(self) -> Optional[float]:
        return self.overturned / self.total if self.total else None


@dataclass(frozen=True)
class Coverage:
    """What the store holds: where it came from and which years, for every answer to say."""

    rows: int
    first_year: int
    last_year: int
    layout: str
    source_name: str


def _where(filters: Filters) -> Tuple[str, List[object]]:
    equal: List[Tuple[str, Optional[str]]] = [("review_type", filters.review_type),
                                              ("gender", filters.gender)]
    for category in (filters.treatment, filters.diagnosis):
        if category is not None:
            equal += [(f"{category.level}_category", category.category),
                      (f"{category.level}_sub_category", category.sub)]
    given = [(column, value) for column, value in equal if value]
    clauses: List[str] = [f"{column} = ?" for column, _ in given]
    values: List[object] = [value for _, value in given]
    if filters.age_ranges:
        unknown = [a for a in filters.age_ranges if a not in AGE_RANGES]
        if unknown:
            raise ValueError(f"unknown age range {unknown[0]}")
        clauses.append(f"age_range IN ({', '.join('?' for _ in filters.age_ranges)})")
        values.extend(filters.age_ranges)
    if filters.years:
        clauses.append("report_year BETWEEN ? AND ?")
        values.extend(filters.years)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", values


class ImrStore:
    """Read-only questions to the store file."""

    def __init__(self, path: Path) -> None:
        if not Path(path).is_file():
            raise FileNotFoundError(f"no IMR store at {path}: run `python -m bot.imr.loader`")
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)

    def _rows(self, sql: str, values: List[object] = ()) -> List[tuple]:  # type: ignore[assignment]
        connection = self._connect()
        try:
            return connection.execute(sql, values).fetchall()
        finally:
            connection.close()

    def coverage(self) -> Coverage:
        meta: Dict[str, str] = dict(self._rows("SELECT key, value FROM meta"))  # type: ignore[arg-type]
        return Coverage(int(meta["rows"]), int(meta["first_year"]), int(meta["last_year"]),
                        meta["layout"], meta["source_name"])

    def outcome(self, filters: Filters) -> Outcome:
        where, values = _where(filters)
        by_year = tuple((int(year), int(won), int(n) - int(won)) for year, won, n in self._rows(
            f"SELECT report_year, SUM(overturned), COUNT(*) FROM decisions{where} "
            "GROUP BY report_year ORDER BY report_year", values))
        total = sum(o + u for _, o, u in by_year)
        overturned = sum(o for _, o, _ in by_year)
        return Outcome(total, overturned, by_year[0][0] if by_year else None,
                       by_year[-1][0] if by_year else None, by_year)

    def categories(self, level: str) -> List[Tuple[str, Optional[str], int]]:
        """(category, sub category, decisions) for every pair the data has at `level`."""
        if level not in ("treatment", "diagnosis"):
            raise ValueError(level)
        return [(c, s, int(n)) for c, s, n in self._rows(
            f"SELECT {level}_category, {level}_sub_category, COUNT(*) FROM decisions "
            f"WHERE {level}_category IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2")]
