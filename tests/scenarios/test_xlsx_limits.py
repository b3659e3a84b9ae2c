"""Workbook sizes are bounded before the work: rows counted in the sheet's XML, shared strings counted before
openpyxl reads them, each refused in one line naming the workbook."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from scenarios import ScenarioError
from scenarios.files import ENV_MAX_ROWS
from scenarios.workbook import read_grid
from tests.scenarios.crafted import crafted_xlsx, row_xml

HEADER = ["id", "name", "county"]


def _rows(n: int, start: int = 2):
    yield row_xml(1, HEADER)
    for i in range(start, start + n):
        yield row_xml(i, [f"W{i}", "x", "tongwei"])


def _refused(path: Path, match: str) -> None:
    cpu = time.process_time()
    with pytest.raises(ScenarioError, match=match) as info:
        read_grid(path)
    assert str(info.value).startswith(str(path)) and "\n" not in str(info.value)
    print(f"refused after {time.process_time() - cpu:.2f} CPU s")


def test_rows_up_to_the_limit_are_read_one_more_is_refused(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_MAX_ROWS, "1000")
    grid = read_grid(crafted_xlsx(tmp_path / "ok.xlsx", _rows(999), dimension="A1:XFD1048576"))
    assert len(grid.rows) == 1000 and grid.rows[1][:3] == ["W2", "x", "tongwei"]
    _refused(crafted_xlsx(tmp_path / "big.xlsx", _rows(1000)), r"more than the limit of 1,000 rows")


def test_one_row_far_down_is_refused_without_reading_the_empty_rows_above(tmp_path: Path) -> None:
    path = crafted_xlsx(tmp_path / "far.xlsx", [row_xml(1, HEADER), row_xml(1_048_576, ["W1", "x", "tongwei"])])
    _refused(path, r"more than the limit of 250,000 rows")


def test_rows_without_numbers_are_counted_too(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_MAX_ROWS, "100")
    rows = (b"<row>" + b'<c t="inlineStr"><is><t>W</t></is></c>' + b"</row>" for _ in range(200))
    _refused(crafted_xlsx(tmp_path / "plain.xlsx", rows), r"more than the limit of 100 rows")


def test_shared_strings_beyond_the_cap_are_refused_before_openpyxl_reads_them(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_MAX_ROWS, "1000")  # the cap: 8 distinct texts a row, 8,000
    strings = (f"<si><t>s{i}</t></si>".encode() for i in range(8_001))
    path = crafted_xlsx(tmp_path / "strings.xlsx", _rows(5), strings)

    def no_open(*args, **kwargs):
        raise AssertionError("openpyxl opened the workbook")

    monkeypatch.setattr("openpyxl.load_workbook", no_open)
    _refused(path, r"more than the limit of 8,000 distinct texts \(shared strings\)")


def test_shared_strings_under_the_cap_are_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(ENV_MAX_ROWS, "1000")
    strings = [f"<si><t>s{i}</t></si>".encode() for i in range(7_999)]
    assert len(read_grid(crafted_xlsx(tmp_path / "ok.xlsx", _rows(5), strings)).rows) == 6


@pytest.mark.parametrize("where", ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"])
def test_a_workbook_declaring_xml_entities_is_refused_before_parsing(tmp_path: Path, where: str) -> None:
    """A "billion laughs" part (entities of entities, a GB once expanded) is refused in one line, unread."""
    import zipfile

    plain = crafted_xlsx(tmp_path / "plain.xlsx", _rows(3))
    bomb = b'<!DOCTYPE lolz [<!ENTITY lol0 "lol">' + b"".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">'.encode() for i in range(1, 10)) + b"]>"
    path = tmp_path / "laughs.xlsx"
    with zipfile.ZipFile(plain) as src, zipfile.ZipFile(path, "w") as out:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == where:
                head, body = data.split(b"?>", 1)
                data = head + b"?>" + bomb + body.replace(b"tongwei", b"&lol9;")
            out.writestr(item, data)
    _refused(path, f"{where} declares an XML document type")


def test_openpyxl_parses_through_defusedxml() -> None:
    """The second guard: openpyxl finds defusedxml (declared in pyproject.toml) and forbids entities itself."""
    from openpyxl import xml

    assert xml.DEFUSEDXML
