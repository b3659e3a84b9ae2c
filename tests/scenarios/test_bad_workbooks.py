"""Bad workbooks: each gives one line naming the workbook, the sheet, the Excel row and the column as written, and
the fix; exit code 2; in Chinese with --lang zh."""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
import yaml

import scenarios
from tests.scenarios.bureau import bureau_workbooks
from whatif.cli import main

ROSTER, FIRMS = "花名册.xlsx", "企业需求.xlsx"


def _cells(book: str, **cells: object) -> Callable[[Path], None]:
    """Set cells of the workbook's first sheet, e.g. E5='三十'."""

    def change(folder: Path) -> None:
        wb = openpyxl.load_workbook(folder / book)
        for ref, value in cells.items():
            wb.worksheets[0][ref] = value
        wb.save(folder / book)

    return change


def _sheet(book: str, change: Callable[[openpyxl.worksheet.worksheet.Worksheet], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        wb = openpyxl.load_workbook(folder / book)
        change(wb.worksheets[0])
        wb.save(folder / book)

    return apply


def _yaml(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
        change(raw)
        (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")

    return apply


def _bytes(name: str, data: bytes, roster: bool = True) -> Callable[[Path], None]:
    def apply(folder: Path) -> None:
        (folder / name).write_bytes(data)
        _yaml(lambda r: r["workers"].update(roster=name) if roster else r.update(enterprises=name))(folder)

    return apply


def _numbers(folder: Path) -> None:
    with zipfile.ZipFile(folder / "花名册.numbers", "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00" * 16)
    _yaml(lambda r: r["workers"].update(roster="花名册.numbers"))(folder)


def _empty_sheet(folder: Path) -> None:
    wb = openpyxl.load_workbook(folder / ROSTER)
    wb.create_sheet("空表")
    wb.save(folder / ROSTER)
    _yaml(lambda r: r["workers"].update(roster={"file": ROSTER, "sheet": "空表"}))(folder)


def _header_only(ws) -> None:
    ws.delete_rows(4, 20)


def _same_name(ws) -> None:
    ws["C5"] = ws["C4"].value  # enterprise 2 takes enterprise 1's name: 王建国's 返岗企业 names two


def _merge_across(ws) -> None:
    ws.merge_cells("F6:G6")


XLS = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
R, S = "花名册.xlsx", "sheet '人员名单'"
E, ES = "企业需求.xlsx", "sheet '企业'"
# (case, how to break the bureau's workbooks, words the line must hold)
BAD: list[tuple[str, Callable[[Path], None], tuple[str, ...]]] = [
    (
        "sheet missing",
        _yaml(lambda r: r["workers"].update(roster={"file": ROSTER, "sheet": "名单"})),
        (R, "sheet '名单'", "did you mean '人员名单'", "人员名单, 说明"),
    ),
    (
        "header typo",
        _sheet(ROSTER, lambda ws: ws.cell(3, 4, "性另")),
        (R, "row 3", "column '性另'", "did you mean '性别'"),
    ),
    ("merged header", _sheet(ROSTER, lambda ws: ws.merge_cells("F3:G3")), (R, "row 3", "F3:G3", "unmerge")),
    ("duplicated id", _cells(ROSTER, B5=1001), (R, S, "row 5", "column '工号'", "duplicate id '1001'", "row 4")),
    ("unknown county", _cells(ROSTER, F6="天水县"), (R, S, "row 6", "column '县区'", "'天水县'")),
    (
        "ambiguous employer",
        _sheet(FIRMS, _same_name),
        (R, S, "row 4", "column '返岗企业'", "names 2 enterprises", "1 (row 4), 2 (row 5)", "enterprise id"),
    ),
    ("text in an age cell", _cells(ROSTER, E7="三十"), (R, S, "row 7", "column '年龄'", "whole number", "'三十'")),
    ("time 25:00", _cells(FIRMS, J5="25:00"), (E, ES, "row 5", "column '入住截止'", "'25:00' is not a clock time")),
    (
        "time 25:00 as a duration cell",
        _cells(FIRMS, J5=dt.timedelta(hours=25)),
        (E, ES, "row 5", "column '入住截止'", "'25:00' is not a clock time"),
    ),
    ("date in a time cell", _cells(FIRMS, I4=dt.datetime(2023, 2, 1)), (E, ES, "row 4", "column '入住开始'", "a date")),
    ("empty sheet", _empty_sheet, (R, "sheet '空表'", "empty", "header row")),
    ("header but no rows", _sheet(ROSTER, _header_only), (R, S, "no rows")),
    ("password-protected or .xls", _bytes("加密.xlsx", XLS), ("加密.xlsx", "password", ".xlsx")),
    ("corrupt workbook", _bytes("坏.xlsx", b"PK\x03\x04" + b"\x17" * 300), ("坏.xlsx", "cannot be read", "damaged")),
    (".xls workbook", _bytes("花名册.xls", XLS), ("花名册.xls", "97-2003", "save as")),
    (".numbers file", _numbers, ("花名册.numbers", "Numbers", "Export To")),
    ("unknown district", _cells(FIRMS, D5="城阳镇"), (E, ES, "row 5", "column '区市'", "'城阳镇'", "did you mean")),
    ("unknown job", _cells(ROSTER, I8="焊工"), (R, S, "row 8", "column '技能/工种'", "'焊工'", "job")),
    ("gender not known", _cells(ROSTER, D9="未知"), (R, S, "row 9", "column '性别'", "'未知'", "男 or 女")),
    ("missing column", _sheet(ROSTER, lambda ws: ws.delete_cols(3)), (R, S, "row 3", "missing column 'name'", "姓名")),
    ("cells merged across columns", _sheet(ROSTER, _merge_across), (R, S, "row 6", "F6:G6", "across columns")),
    ("latitude without longitude", _cells(FIRMS, F6=None), (E, ES, "row 6", "column '经度'", "both")),
    ("text in a latitude cell", _cells(FIRMS, E4="北纬36度"), (E, ES, "row 4", "column '纬度'", "'北纬36度'")),
    ("age out of range", _cells(ROSTER, E10=12), (R, S, "row 10", "年龄", "age 12", "16 to 75")),
    ("same column twice", _sheet(ROSTER, lambda ws: ws.cell(3, 15, "电话")), (R, S, "row 3", "'电话'", "twice")),
]


@pytest.mark.parametrize(("name", "breaker", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_workbook_gives_one_line(tmp_path: Path, name: str, breaker, words: tuple[str, ...], capsys) -> None:
    folder = bureau_workbooks(tmp_path)
    breaker(folder)
    with pytest.raises(scenarios.ScenarioError) as info:
        scenarios.load(folder)
    message = str(info.value)
    assert "\n" not in message and "Fix:" in message
    for word in words:
        assert word in message, f"{word!r} not in: {message}"
    assert main(["check", str(folder), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"error: {message}"


def test_at_least_fifteen_bad_workbooks() -> None:
    assert len(BAD) >= 15


@pytest.mark.parametrize(
    ("case", "words"),
    [
        ("text in an age cell", ("花名册.xlsx", "工作表「人员名单」", "第 7 行", "「年龄」列", "应为整数", "修改：")),
        ("unknown county", ("第 6 行", "「县区」列", "县区“天水县”不存在", "修改：")),
        ("sheet missing", ("没有名为「名单」的工作表", "修改：请使用以下工作表之一")),
        (".xls workbook", ("97-2003", "另存为")),
    ],
)
def test_chinese_messages(tmp_path: Path, case: str, words: tuple[str, ...], capsys) -> None:
    folder = bureau_workbooks(tmp_path)
    next(b for n, b, _ in BAD if n == case)(folder)
    assert main(["check", str(folder), "--lang", "zh"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    for word in words:
        assert word in err, err
