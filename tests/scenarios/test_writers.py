"""The formula-safe writer: CSV cells that would start a formula are escaped; workbook strings stay strings."""

from __future__ import annotations

import datetime
import gzip
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from scenarios.writers import CellWriter, formula_like, new_workbook, safe_text, write_csv
from tests.hostile import FORMULAS


@pytest.mark.parametrize("text", [*FORMULAS, "+1+2", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=1"])
def test_formula_starts_get_an_apostrophe(text: str) -> None:
    assert formula_like(text) and safe_text(text) == "'" + text


@pytest.mark.parametrize("text", ["王建国", "-12", "+3.5", "-", "1e5", "", "a=b", "'=quoted"])
def test_ordinary_text_and_plain_numbers_stay(text: str) -> None:
    assert safe_text(text) == text


def test_csv_escapes_text_not_numbers(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": [FORMULAS[0], "李丽"], "minutes": [-3.5, 2.0], "=head": ["@x", "y"]})
    write_csv(frame, tmp_path / "a.csv")
    back = pd.read_csv(tmp_path / "a.csv", dtype={"name": str})
    assert list(back.columns) == ["name", "minutes", "'=head"]
    assert list(back["name"]) == ["'" + FORMULAS[0], "李丽"]
    assert list(back["minutes"]) == [-3.5, 2.0] and list(back["'=head"]) == ["'@x", "y"]
    write_csv(frame, tmp_path / "a.csv.gz")
    assert gzip.decompress((tmp_path / "a.csv.gz").read_bytes()) == (tmp_path / "a.csv").read_bytes()


def test_csv_escapes_categorical_text(tmp_path: Path) -> None:
    frame = pd.DataFrame({"name": pd.Categorical([FORMULAS[0], "李丽", FORMULAS[0]])})
    write_csv(frame, tmp_path / "c.csv")
    back = pd.read_csv(tmp_path / "c.csv", dtype={"name": str})
    assert list(back["name"]) == ["'" + FORMULAS[0], "李丽", "'" + FORMULAS[0]]


def test_a_large_table_written_in_blocks_is_the_same_file(tmp_path: Path, monkeypatch) -> None:
    """A table written a few rows at a time (each block made ready by ``shape`` and escaped on its own) gives the
    bytes of the whole table written at once: one header, one BOM, escaped cells, gzip included."""
    from scenarios import writers

    frame = pd.DataFrame({"who": pd.Categorical([FORMULAS[0], "李丽", "王建国"] * 5), "minutes": range(15)})
    whole = frame.assign(who=frame["who"].astype(object), clock=[f"{m:02d}:00" for m in range(15)])

    def shape(part: pd.DataFrame) -> pd.DataFrame:
        return part.assign(who=part["who"].astype(object), clock=[f"{m:02d}:00" for m in part["minutes"]])

    write_csv(whole, tmp_path / "whole.csv", encoding="utf-8-sig")
    write_csv(whole, tmp_path / "whole.csv.gz")
    monkeypatch.setattr(writers, "CHUNK_ROWS", 4)
    write_csv(frame, tmp_path / "blocks.csv", encoding="utf-8-sig", shape=shape)
    write_csv(frame, tmp_path / "blocks.csv.gz", shape=shape)
    data = (tmp_path / "blocks.csv").read_bytes()
    assert data == (tmp_path / "whole.csv").read_bytes()
    assert data.count("\ufeff".encode()) == 1 and data.decode("utf-8-sig").count("who,") == 1
    assert (tmp_path / "blocks.csv.gz").read_bytes() == (tmp_path / "whole.csv.gz").read_bytes()
    write_csv(frame.iloc[:0], tmp_path / "empty.csv", shape=shape)
    assert (tmp_path / "empty.csv").read_text(encoding="utf-8") == "who,minutes,clock\n"


def test_workbook_strings_never_become_formulas_or_links(tmp_path: Path) -> None:
    path = tmp_path / "b.xlsx"
    book = new_workbook(path, datetime.date(2023, 2, 1))
    sheet = book.add_worksheet("s")
    cells = CellWriter(book)
    cells.write_row(sheet, 0, 0, [*FORMULAS, "http://example.com", "0123", 5, datetime.datetime(2023, 2, 2, 0, 4)])
    book.close()
    with zipfile.ZipFile(path) as z:
        xml = z.read("xl/worksheets/sheet1.xml").decode()
        core = z.read("docProps/core.xml").decode()
    assert "<f>" not in xml and "<f " not in xml and "hyperlink" not in xml.lower()
    assert "2023-02-01T00:00:00Z" in core
    row = next(openpyxl.load_workbook(path).active.iter_rows(values_only=False))
    assert [c.value for c in row[:4]] == [*FORMULAS, "http://example.com", "0123"]
    assert all(c.data_type == "s" for c in row[:4])
    assert row[0].quotePrefix and row[1].quotePrefix and not row[2].quotePrefix  # F2+Enter keeps them text
    assert row[4].value == 5 and row[5].value == datetime.datetime(2023, 2, 2, 0, 4)
