"""Every bad cell of every table in one run: one line each (workbook, sheet, row, column, fix), up to a cap."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import scenarios
from present.errors import MAX_TOLD, ScenarioErrors
from tests.scenarios.bureau import bureau_workbooks
from whatif.cli import main

ROSTER, FIRMS = "花名册.xlsx", "企业需求.xlsx"


def _set(folder: Path, book: str, **cells: object) -> None:
    wb = openpyxl.load_workbook(folder / book)
    for ref, value in cells.items():
        wb.worksheets[0][ref] = value
    wb.save(folder / book)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_roster_with_three_bad_cells_gets_three_lines(tmp_path: Path, lang: str, capsys) -> None:
    folder = bureau_workbooks(tmp_path)
    _set(folder, ROSTER, E7="三十", F6="天水县", D9="未知")  # an age, a county, a gender
    assert main(["check", str(folder), "--lang", lang]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 3, lines
    words = {"zh": ("错误：", "花名册.xlsx", "工作表「人员名单」", "修改："),
             "en": ("error: ", "花名册.xlsx", "sheet '人员名单'", "Fix:")}
    where = {"zh": ["第 6 行，「县区」列", "第 7 行，「年龄」列", "第 9 行，「性别」列"],
             "en": ["row 6, column '县区'", "row 7, column '年龄'", "row 9, column '性别'"]}
    for line in lines:
        assert all(w in line for w in words[lang]), line
    assert sorted(w for w in where[lang] for line in lines if w in line) == sorted(where[lang])


def test_bad_cells_of_two_tables_are_told_together(tmp_path: Path) -> None:
    folder = bureau_workbooks(tmp_path)
    _set(folder, ROSTER, E7="三十", E8="四十")
    _set(folder, FIRMS, J5="25:00")
    with pytest.raises(ScenarioErrors) as info:
        scenarios.load(folder)
    told = info.value.render("en").splitlines()
    assert len(told) == 3 and sum(FIRMS in line for line in told) == 1, told
    assert [e.row for e in info.value.errors if e.file.endswith(ROSTER)] == [7, 8]


def test_the_lines_stop_at_the_cap_and_count_the_rest(tmp_path: Path) -> None:
    folder = bureau_workbooks(tmp_path)
    wb = openpyxl.load_workbook(folder / ROSTER)
    ws = wb.worksheets[0]
    template = [c.value for c in ws[4]]
    for k in range(MAX_TOLD + 7):  # more workers, each with a bad age
        ws.append([k + 100, 2000 + k, f"工人{k}", "男", "老", *template[5:]])
    wb.save(folder / ROSTER)
    with pytest.raises(ScenarioErrors) as info:
        scenarios.load(folder)
    told = info.value.render("zh").splitlines()
    assert len(info.value.errors) == MAX_TOLD + 7
    assert len(told) == MAX_TOLD + 1 and told[-1] == f"……另有 7 处（只列出前 {MAX_TOLD} 处）。"
