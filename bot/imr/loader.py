"""Build the IMR decisions store (SQLite) from the DMHC's CSV, at build time.

    python -m bot.imr.loader [CSV] [--db build/imr.sqlite]

CSV defaults to $IMR_DATA, else the early export shipped in bot/imr/source/. `make run` and
`make test` run this first; it does nothing when the store already holds the same file (same
sha256).

Why SQLite: it is in Python's standard library (no new dependency), a single file that the
action server opens read-only, and at 19,000-43,000 rows a count with its filters takes well
under a millisecond. DuckDB's column store would pay off only at millions of rows and adds a
wheel of tens of megabytes.

All or nothing: rows go into a new file next to the store, which replaces the old one only after
every row of the CSV has been read and checked. A bad file leaves the old store as it was and
stops the build with the line and column (bot/imr/layout.py).
"""
from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import os
import sqlite3
import sys
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from bot.imr.layout import COLUMNS, FIELDS, ImrDataError, Layout, Record, read_header, read_row

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_CSV = Path(__file__).resolve().parent / "source" / "imr_determinations_2001_2016.csv"
DEFAULT_DB = ROOT / "build" / "imr.sqlite"
MAX_BYTES = 200 * 1024 * 1024  # the official export is about 20 MB; far larger is not it
SQL_TYPES = {"report_year": "INTEGER NOT NULL", "overturned": "INTEGER NOT NULL",
             "days_to_review": "INTEGER", "days_to_adopt": "INTEGER",
             "reference_id": "TEXT NOT NULL", "review_type": "TEXT NOT NULL"}
INDEXED = ("treatment_category", "treatment_sub_category", "diagnosis_category",
           "diagnosis_sub_category", "report_year")


def source_csv() -> Path:
    """$IMR_DATA when set, else the shipped early export."""
    given = os.environ.get("IMR_DATA", "").strip()
    return Path(given).expanduser() if given else SHIPPED_CSV


def store_path() -> Path:
    """$IMR_DB when set (tests), else build/imr.sqlite."""
    given = os.environ.get("IMR_DB", "").strip()
    return Path(given) if given else DEFAULT_DB


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def read_csv(path: Path) -> Tuple[Layout, List[Record]]:
    """Every decision in the file, checked; raises ImrDataError at the first problem."""
    if not path.is_file():
        raise ImrDataError(f"{path} is not a file")
    if path.stat().st_size > MAX_BYTES:
        raise ImrDataError(f"{path} is {path.stat().st_size // (1024 * 1024)} MB, too large for this file")
    records: List[Record] = []
    seen: Dict[str, int] = {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            rows: Iterator[List[str]] = csv.reader(handle, strict=True)
            header = next(rows, None)
            if not header:
                raise ImrDataError(f"{path} is empty", 1)
            layout = read_header(header)
            for row in rows:
                line = rows.line_num  # type: ignore[attr-defined]
                if not any(value.strip() for value in row):
                    continue  # a blank line, as spreadsheets leave at the end
                record = read_row(layout, row, line)
                reference = str(record["reference_id"])
                if reference in seen:
                    raise ImrDataError(f"reference ID {reference} is also on line {seen[reference]}",
                                       line, COLUMNS[0].header)
                seen[reference] = line
                records.append(record)
    except UnicodeDecodeError as problem:
        raise ImrDataError(f"{path} is not UTF-8 text ({problem.reason} at byte {problem.start})") from None
    except csv.Error as problem:
        raise ImrDataError(f"not valid CSV: {problem}", getattr(rows, "line_num", None)) from None
    if not records:
        raise ImrDataError(f"{path} has a header but no decisions")
    return layout, records


def _write(db: Path, layout: Layout, records: List[Record], source: Path, digest: str) -> None:
    columns = ", ".join(f"{field} {SQL_TYPES.get(field, 'TEXT')}" for field in FIELDS)
    with sqlite3.connect(db) as connection:
        connection.execute(f"CREATE TABLE decisions ({columns}, "
                           "CHECK (overturned IN (0, 1)), UNIQUE (reference_id))")
        connection.executemany(
            f"INSERT INTO decisions ({', '.join(FIELDS)}) VALUES ({', '.join('?' for _ in FIELDS)})",
            [tuple(record[field] for field in FIELDS) for record in records])
        for field in INDEXED:
            connection.execute(f"CREATE INDEX by_{field} ON decisions ({field})")
        years = [int(str(r["report_year"])) for r in records]
        meta = {"source_name": source.name, "source_sha256": digest, "layout": layout.name,
                "rows": str(len(records)), "first_year": str(min(years)),
                "last_year": str(max(years)), "built": datetime.date.today().isoformat()}
        connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        connection.executemany("INSERT INTO meta VALUES (?, ?)", sorted(meta.items()))
    connection.close()


def stored_sha256(db: Path) -> Optional[str]:
    """The sha256 of the CSV the store was built from, or None if there is no usable store."""
    if not db.is_file():
        return None
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as connection:
            row = connection.execute("SELECT value FROM meta WHERE key = 'source_sha256'").fetchone()
        connection.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def build(source: Path, db: Path, force: bool = False) -> bool:
    """Load source into db unless it already holds that file; True when it was (re)built."""
    digest = sha256_of(source) if source.is_file() else ""
    if not force and digest and stored_sha256(db) == digest:
        return False
    layout, records = read_csv(source)
    db.parent.mkdir(parents=True, exist_ok=True)
    partial = db.with_name(f".{db.name}.{os.getpid()}.partial")
    partial.unlink(missing_ok=True)
    try:
        _write(partial, layout, records, source, digest)
        os.replace(partial, db)
    finally:
        partial.unlink(missing_ok=True)
    return True


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("csv", nargs="?", type=Path, default=None)
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args(argv)
    source, db = args.csv or source_csv(), args.db or store_path()
    try:
        built = build(source, db, args.force)
    except ImrDataError as problem:
        print(f"IMR data not loaded from {source}: {problem}. The store was left as it was.",
              file=sys.stderr)
        return 2
    if built:
        with sqlite3.connect(db) as connection:
            meta = dict(connection.execute("SELECT key, value FROM meta"))
        connection.close()
        print(f"IMR data: {meta['rows']} decisions, {meta['first_year']}-{meta['last_year']}, "
              f"{meta['layout']}, from {source.name} into {db}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
