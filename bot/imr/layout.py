"""The columns of the DMHC's IMR decisions CSV, and what a valid value in each looks like.

Why a checked layout: the figures the bot says are only as right as the rows behind them. A
foreign or damaged file (a column missing, "Overturned" spelled some other way, a year of
"20I5") must stop the build with the row and column named, not turn into a wrong rate.

Two layouts are read: the early export shipped in bot/imr/source/ (ten columns, 2001-2016) and
the current official export, which adds IMR Type, Days To Review, Days To Adopt and Findings.
Headers are matched without case, spaces or punctuation, so "Reference ID" and "ReferenceID"
are the same column. Pure: no Rasa, no SQLite.
"""
from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

OVERTURNED = "Overturned Decision of Health Plan"
UPHELD = "Upheld Decision of Health Plan"
REVIEW_TYPES = ("Medical Necessity", "Experimental/Investigational", "Urgent Care")
# The early export writes "11_20"; stored and said as "11-20".
AGE_RANGES = ("0-10", "11-20", "21-30", "31-40", "41-50", "51-64", "65+")
GENDERS = ("Female", "Male", "Other")
FIRST_YEAR = 2001  # the DMHC's IMR program began on January 1, 2001


@dataclass(frozen=True)
class Column:
    """One CSV column: its header as the DMHC writes it, and its name in the store."""

    header: str
    field: str
    required: bool


COLUMNS: Tuple[Column, ...] = (
    Column("Reference ID", "reference_id", True),
    Column("Report Year", "report_year", True),
    Column("Diagnosis Category", "diagnosis_category", True),
    Column("Diagnosis Sub Category", "diagnosis_sub_category", True),
    Column("Treatment Category", "treatment_category", True),
    Column("Treatment Sub Category", "treatment_sub_category", True),
    Column("Determination", "overturned", True),
    Column("Type", "review_type", True),
    Column("Age Range", "age_range", True),
    Column("Patient Gender", "gender", True),
    # The current official export only.
    Column("IMR Type", "imr_type", False),
    Column("Days To Review", "days_to_review", False),
    Column("Days To Adopt", "days_to_adopt", False),
    Column("Findings", "findings", False),
)
OFFICIAL_ONLY = tuple(c for c in COLUMNS if not c.required)
MAX_TEXT = 20000  # a Findings summary is a paragraph; anything far longer is not this file


class ImrDataError(ValueError):
    """A file that cannot be loaded, with where: `line` is the file's line (1 = header)."""

    def __init__(self, message: str, line: Optional[int] = None, column: Optional[str] = None) -> None:
        where = ", ".join(part for part in (
            f"line {line}" if line is not None else "",
            f'column "{column}"' if column else "") if part)
        super().__init__(f"{where}: {message}" if where else message)
        self.line = line
        self.column = column


def header_key(header: str) -> str:
    """"Reference ID", "ReferenceID" and "reference_id" all give "referenceid"."""
    return re.sub(r"[^a-z0-9]", "", header.lower())


@dataclass(frozen=True)
class Layout:
    """Which column of the file holds each field, and the layout's name."""

    name: str
    positions: Mapping[str, int]  # field -> index in the row
    width: int


def read_header(header: Sequence[str]) -> Layout:
    """The layout of a file from its header row; a foreign file gets an ImrDataError."""
    keys = [header_key(h) for h in header]
    positions: Dict[str, int] = {}
    for column in COLUMNS:
        key = header_key(column.header)
        if keys.count(key) > 1:
            raise ImrDataError("this column appears twice", 1, column.header)
        if key in keys:
            positions[column.field] = keys.index(key)
    missing = [c.header for c in COLUMNS if c.required and c.field not in positions]
    if missing:
        raise ImrDataError(
            "this is not the DMHC's IMR decisions file: missing column(s) "
            + ", ".join(f'"{m}"' for m in missing), 1, missing[0])
    extra = [c for c in OFFICIAL_ONLY if c.field in positions]
    name = ("official export" if len(extra) == len(OFFICIAL_ONLY)
            else "2001-2016 export" if not extra else "export with " + ", ".join(c.header for c in extra))
    return Layout(name, positions, len(header))


Record = Dict[str, object]


def _text(value: str) -> Optional[str]:
    value = " ".join(value.split())
    return value or None


def _year(value: str) -> int:
    text = value.strip()
    if not re.fullmatch(r"\d{4}", text):
        raise ValueError(f'"{value}" is not a year')
    year = int(text)
    if not FIRST_YEAR <= year <= datetime.date.today().year + 1:
        raise ValueError(f"{year} is outside {FIRST_YEAR}-{datetime.date.today().year}")
    return year


def _determination(value: str) -> int:
    text = " ".join(value.split()).lower()
    if text in (OVERTURNED.lower(), "overturned"):
        return 1
    if text in (UPHELD.lower(), "upheld"):
        return 0
    raise ValueError(f'"{value}" is neither "{OVERTURNED}" nor "{UPHELD}"')


def _one_of(options: Sequence[str], blank_ok: bool):
    lower = {o.lower(): o for o in options}

    def read(value: str) -> Optional[str]:
        text = " ".join(value.split()).replace("_", "-")
        if not text and blank_ok:
            return None
        if text.lower() in lower:
            return lower[text.lower()]
        raise ValueError(f'"{value}" is not one of: ' + ", ".join(options))
    return read


def _days(value: str) -> Optional[int]:
    text = value.strip()
    if not text:
        return None
    if not re.fullmatch(r"\d{1,5}", text):
        raise ValueError(f'"{value}" is not a number of days')
    return int(text)


def _reference(value: str) -> str:
    text = value.strip()
    if not text or len(text) > 40:
        raise ValueError("a decision needs its reference ID")
    return text


_READERS = {
    "reference_id": _reference,
    "report_year": _year,
    "overturned": _determination,
    "review_type": _one_of(REVIEW_TYPES, blank_ok=False),
    "age_range": _one_of(AGE_RANGES, blank_ok=True),
    "gender": _one_of(GENDERS, blank_ok=True),
    "days_to_review": _days,
    "days_to_adopt": _days,
}
FIELDS: List[str] = [c.field for c in COLUMNS]


def read_row(layout: Layout, row: Sequence[str], line: int) -> Record:
    """One decision from one CSV row, every value checked; ImrDataError names the first bad one."""
    if len(row) != layout.width:
        raise ImrDataError(f"has {len(row)} values where the header has {layout.width}", line)
    record: Record = {}
    for column in COLUMNS:
        position = layout.positions.get(column.field)
        if position is None:
            record[column.field] = None
            continue
        raw = row[position]
        if len(raw) > MAX_TEXT:
            raise ImrDataError(f"a value of {len(raw)} characters is too long", line, column.header)
        try:
            record[column.field] = _READERS.get(column.field, _text)(raw)
        except ValueError as problem:
            raise ImrDataError(str(problem), line, column.header) from None
    return record
