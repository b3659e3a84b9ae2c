"""The fill-in template: written, checked and planned as it is; drop-down lists read back; filled in, it plans."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import range_boundaries

import scenarios
from whatif.cli import main


def _dropdowns(path: Path) -> dict[str, list[str]]:
    """Header of each column with a list validation -> the values its list offers."""
    book = openpyxl.load_workbook(path)
    ws = book.worksheets[0]
    header = {cell.column: cell.value for cell in ws[1]}
    out = {}
    for rule in ws.data_validations.dataValidation:
        assert rule.type == "list"
        sheet, cells = rule.formula1.lstrip("=").split("!")
        lists = book[sheet.strip("'")]
        c1, r1, _, r2 = range_boundaries(cells.replace("$", ""))
        values = [lists.cell(r, c1).value for r in range(r1, r2 + 1)]
        for bounds in str(rule.sqref).split():
            col, first, _, last = range_boundaries(bounds)
            assert first == 2 and last >= 1000  # from the first row below the header, far down
            out[header[col]] = values
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_template_checks_and_plans_as_written(tmp_path: Path, lang: str, capsys) -> None:
    folder = tmp_path / "tpl"
    assert main(["template", "--out", str(folder), "--lang", lang]) == 0
    assert main(["check", str(folder), "--lang", lang]) == 0
    out = capsys.readouterr().out
    assert ("务工人员 2 人" if lang == "zh" else "workers: 2") in out, out
    assert main(["plan", str(folder), "--out", str(tmp_path / "out"), "--time-limit", "5"]) == 0
    assert "# " in (folder / "scenario.yaml").read_text(encoding="utf-8")  # commented


def test_template_drop_downs(tmp_path: Path) -> None:
    assert main(["template", "--out", str(tmp_path)]) == 0
    workers = _dropdowns(tmp_path / "workers.xlsx")
    assert set(workers) == {"性别", "县区", "技能", "意向区市", "意向工种"}
    assert workers["性别"] == ["男", "女"]
    assert "安定区" in workers["县区"] and len(workers["县区"]) == 7
    assert workers["技能"] == ["普工", "操作工", "技术工"] == workers["意向工种"]
    assert "城阳区" in workers["意向区市"]
    enterprises = _dropdowns(tmp_path / "enterprises.xlsx")
    assert set(enterprises) == {"区市", "接站方式"}
    assert enterprises["接站方式"] == ["统一派车", "企业自接"]
    book = openpyxl.load_workbook(tmp_path / "workers.xlsx")
    assert [ws.title for ws in book.worksheets] == ["人员名单", "说明", "选项"]
    assert book["选项"].sheet_state == "hidden"
    assert "第 1 行是表头" in str(book["说明"]["A2"].value)


def test_filled_template_plans(tmp_path: Path) -> None:
    """A planner deletes the example workers and types their own, names as drop-downs give them."""
    folder = tmp_path / "tpl"
    assert main(["template", "--out", str(folder)]) == 0
    book = openpyxl.load_workbook(folder / "workers.xlsx")
    ws = book["人员名单"]
    ws.delete_rows(2, 2)
    for k, (county, gender, skill) in enumerate(
        [("岷县", "男", "普工"), ("漳县", "女", "操作工"), ("陇西县", "男", "普工、技术工")], start=1
    ):
        ws.append(
            [f"D{k}", f"工人{k}", gender, 30 + k, county, "新村", None, skill, None, "即墨区", None, f"1390000000{k}"]
        )
    book.save(folder / "workers.xlsx")
    sc = scenarios.load(folder)
    assert list(sc.workers["county"]) == ["min", "zhang", "longxi"]
    assert list(sc.workers["skills"]) == ["general", "operator", "general;technician"]
    assert main(["plan", str(folder), "--out", str(tmp_path / "out"), "--time-limit", "5"]) == 0


def test_template_never_overwrites(tmp_path: Path, capsys) -> None:
    (tmp_path / "workers.xlsx").write_bytes(b"mine")
    assert main(["template", "--out", str(tmp_path), "--lang", "en"]) == 2
    assert "did not write (workers.xlsx)" in capsys.readouterr().err
    assert (tmp_path / "workers.xlsx").read_bytes() == b"mine"
