"""Loading the DMHC's IMR decisions: both layouts, and bad files stopped with their line and column."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path
from typing import List

import pytest

from bot.imr import loader
from bot.imr.layout import ImrDataError
from bot.imr.store import Category, Filters, ImrStore

SHIPPED = loader.SHIPPED_CSV


def shipped_rows() -> List[List[str]]:
    with SHIPPED.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def write(path: Path, rows: List[List[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    return path


def test_the_shipped_export_loads_whole(tmp_path):
    db = tmp_path / "imr.sqlite"
    assert loader.build(SHIPPED, db)
    store = ImrStore(db)
    coverage = store.coverage()
    assert (coverage.rows, coverage.first_year, coverage.last_year) == (19245, 2001, 2016)
    assert coverage.layout == "2001-2016 export"
    everything = store.outcome(Filters())
    assert (everything.total, everything.overturned) == (19245, 8457)  # the README's figures
    assert not loader.build(SHIPPED, db), "the same file is not loaded twice"


def official_rows() -> List[List[str]]:
    """The shipped rows in the official layout (camel-case headers, four more columns), with
    decisions continuing past 2016 as the current export's do."""
    header, *rows = shipped_rows()
    official = [["ReferenceID", "ReportYear", "DiagnosisCategory", "DiagnosisSubCategory",
                 "TreatmentCategory", "TreatmentSubCategory", "Determination", "Type", "AgeRange",
                 "PatientGender", "IMRType", "DaysToReview", "DaysToAdopt", "Findings"]]
    for row in rows[:500]:
        official.append(row + ["Standard", "30", "", "The reviewer found the service was, or was not, necessary."])
    for number, year in enumerate((2019, 2023, 2024)):
        official.append([f"MN{year % 100}-9{number:04d}", str(year), "Cancer", "Breast Cancer",
                         "Cancer Treatment", "Chemotherapy", "Overturned Decision of Health Plan",
                         "Medical Necessity", "41-50", "Female", "Expedited", "7", "3",
                         "Physician reviewer found the chemotherapy medically necessary."])
    return official


def test_the_official_layout_loads_with_its_extra_columns_and_later_years(tmp_path):
    db = tmp_path / "imr.sqlite"
    loader.build(write(tmp_path / "official.csv", official_rows()), db)
    store = ImrStore(db)
    coverage = store.coverage()
    assert coverage.layout == "official export"
    assert (coverage.rows, coverage.last_year) == (503, 2024)
    with sqlite3.connect(db) as connection:
        row = connection.execute("SELECT imr_type, days_to_review, days_to_adopt, findings FROM decisions "
                                 "WHERE report_year = 2024").fetchone()
    assert row == ("Expedited", 7, 3, "Physician reviewer found the chemotherapy medically necessary.")
    chemo = store.outcome(Filters(treatment=Category("treatment", "Cancer Treatment", "Chemotherapy"),
                                  years=(2017, 2024)))
    assert (chemo.total, chemo.overturned, chemo.last_year) == (3, 3, 2024)


def test_the_early_exports_age_range_is_read_as_the_official_one(tmp_path):
    db = tmp_path / "imr.sqlite"
    loader.build(SHIPPED, db)
    assert ImrStore(db).outcome(Filters(age_ranges=("11-20",))).total == 1882  # "11_20" in the file


def broken(rows: List[List[str]], line: int, column: int, value: str) -> List[List[str]]:
    rows = [list(r) for r in rows]
    rows[line - 1][column] = value
    return rows


@pytest.mark.parametrize("change, line, column, words", [
    (lambda r: broken(r, 120, 1, "20I5"), 120, "Report Year", "not a year"),
    (lambda r: broken(r, 7, 6, "Reversed"), 7, "Determination", "neither"),
    (lambda r: broken(r, 9000, 7, "Cosmetic"), 9000, "Type", "not one of"),
    (lambda r: broken(r, 33, 8, "forty"), 33, "Age Range", "not one of"),
    (lambda r: broken(r, 2, 0, ""), 2, "Reference ID", "reference ID"),
    (lambda r: broken(r, 40, 0, r[2][0]), 40, "Reference ID", "also on line 3"),
    (lambda r: r[:50] + [r[50][:5]] + r[51:], 51, None, "has 5 values"),
    (lambda r: [[h for h in r[0] if h != "Determination"]] + r[1:], 1, "Determination", "missing column"),
    (lambda r: [["name", "age", "city"], ["Ana", "40", "Fresno"]], 1, "Reference ID", "not the DMHC"),
    (lambda r: r[:1], None, None, "no decisions"),
])
def test_a_bad_file_is_refused_with_its_line_and_column_and_the_old_store_is_kept(
        tmp_path, change, line, column, words):
    db = tmp_path / "imr.sqlite"
    loader.build(SHIPPED, db)
    before = db.read_bytes()
    bad = write(tmp_path / "bad.csv", change(shipped_rows()))
    with pytest.raises(ImrDataError) as refused:
        loader.build(bad, db)
    assert refused.value.line == line
    assert refused.value.column == column
    assert words in str(refused.value)
    if line is not None:
        assert f"line {line}" in str(refused.value)
    assert db.read_bytes() == before, "nothing half-loaded"
    assert [p.name for p in tmp_path.iterdir() if "partial" in p.name] == []


def test_files_that_are_not_csv_text_are_refused(tmp_path):
    db = tmp_path / "imr.sqlite"
    (tmp_path / "latin1.csv").write_bytes(SHIPPED.read_bytes()[:2000] + "Año,\xe9\n".encode("latin-1"))
    (tmp_path / "empty.csv").write_bytes(b"")
    for name, words in (("latin1.csv", "not UTF-8"), ("empty.csv", "empty"), ("missing.csv", "not a file")):
        with pytest.raises(ImrDataError, match=words):
            loader.build(tmp_path / name, db)
    assert not db.exists()


def test_the_command_says_what_is_wrong_and_fails(tmp_path, capsys):
    bad = write(tmp_path / "bad.csv", broken(shipped_rows(), 5, 1, "1999"))
    assert loader.main([str(bad), "--db", str(tmp_path / "imr.sqlite")]) == 2
    error = capsys.readouterr().err
    assert 'line 5, column "Report Year"' in error and "1999 is outside" in error
    assert loader.main([str(SHIPPED), "--db", str(tmp_path / "imr.sqlite")]) == 0
    assert "19245 decisions, 2001-2016" in capsys.readouterr().out


def test_imr_data_points_the_build_at_another_file(tmp_path, monkeypatch):
    official = write(tmp_path / "official.csv", official_rows())
    monkeypatch.setenv("IMR_DATA", str(official))
    monkeypatch.setenv("IMR_DB", str(tmp_path / "imr.sqlite"))
    assert loader.main([]) == 0
    assert ImrStore(tmp_path / "imr.sqlite").coverage().last_year == 2024
