"""The fill-in template: written, checked and planned as it is; drop-down lists read back; filled in, it plans."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import range_boundaries

import scenarios
from present.catalog import CATALOG
from scenarios.tables import ENTERPRISE_COLUMNS, WORKER_COLUMNS
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
        values = [v for r in range(r1, r2 + 1) if (v := lists.cell(r, c1).value) is not None]
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
    assert book["选项"].sheet_state == "visible" and "扩展下拉列表" in str(book["选项"]["G1"].value)
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


QINGDAO_OR_DINGXI = ("青岛", "Qingdao", "定西", "Dingxi", "城阳", "Chengyang", "即墨", "安定", "Anding", "通渭",
                     "Tongwei", "G2093", "120.3", "36.1")


def _all_text(folder: Path) -> str:
    """Every string of every file the template wrote (workbooks cell by cell)."""
    out = []
    for path in sorted(folder.iterdir()):
        if path.suffix == ".xlsx":
            book = openpyxl.load_workbook(path)
            out += [str(c.value) for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value]
        else:
            out.append(path.read_text(encoding="utf-8"))
    return "\n".join(out)


def test_a_template_for_another_city_holds_no_example_place_and_plans_when_filled(tmp_path: Path, capsys) -> None:
    """Fuzhou: nothing of Qingdao or Dingxi is written; filled for 20 workers and 3 enterprises it checks and plans."""
    folder = tmp_path / "fz"
    assert main(["template", "--out", str(folder), "--city", "福州", "--station", "福州南站"]) == 0
    written = _all_text(folder)
    assert not [w for w in QINGDAO_OR_DINGXI if w in written]
    assert "福州南站" in written and "fixed_cost" in written and "请填写" in written
    assert main(["check", str(folder)]) == 2  # as written it asks for what only the planner knows
    asked = capsys.readouterr().err
    assert "station.lat" in asked or "人员" in asked, asked
    # the planner fills it in: the station, two origin counties, three districts, three enterprises, 20 workers
    raw = (folder / "scenario.yaml").read_text(encoding="utf-8")
    raw = raw.replace("lat: null", "lat: 25.985").replace("lon: null", "lon: 119.388")
    raw = raw.replace("county_1: {name_zh: 县区一, name_en: County 1}",
                      "huining: {name_zh: 会宁县, name_en: Huining}\n"
                      "    jingning: {name_zh: 静宁县, name_en: Jingning}")
    (folder / "scenario.yaml").write_text(raw, encoding="utf-8")
    with (folder / "districts.csv").open("a", encoding="utf-8") as f:
        f.write("cangshan,仓山区,Cangshan,26.046,119.323,南广场 1 号牌\n")
        f.write("mawei,马尾区,Mawei,25.989,119.455,南广场 2 号牌\n")
        f.write("minhou,闽侯县,Minhou,26.150,119.131,南广场 3 号牌\n")
    book = openpyxl.load_workbook(folder / "enterprises.xlsx")
    ws = book.worksheets[0]
    for k, (district, lat, lon) in enumerate([("仓山区", 26.03, 119.30), ("马尾区", 26.00, 119.46),
                                              ("闽侯县", 26.12, 119.15)], start=1):
        ws.append([f"F{k}", f"企业{k}", district, lat, lon, None, 8, 4, 0, None, None, "18:00", "02:00", "统一派车"])
    book.save(folder / "enterprises.xlsx")
    book = openpyxl.load_workbook(folder / "workers.xlsx")
    ws = book.worksheets[0]
    for k in range(20):
        ws.append([f"P{k:02d}", f"工人{k}", "男" if k % 3 else "女", 20 + k, "会宁县" if k % 2 else "静宁县",
                   f"村{k % 4}", None, "普工"])
    book.save(folder / "workers.xlsx")
    assert main(["check", str(folder)]) == 0, capsys.readouterr().err
    assert "务工人员 20 人" in capsys.readouterr().out
    out = tmp_path / "plan"
    assert main(["plan", str(folder), "--out", str(out), "--time-limit", "5"]) == 0
    capsys.readouterr()
    files = [p for p in out.rglob("*") if p.is_file() and p.suffix in (".csv", ".json", ".xlsx", ".txt")]
    assert files
    for path in files:
        said = _all_text(path.parent) if path.suffix == ".xlsx" else path.read_text(encoding="utf-8", errors="ignore")
        assert not [w for w in QINGDAO_OR_DINGXI[:10] if w in said], path


def test_the_instructions_sheet_explains_every_column_as_the_column_docs_do() -> None:
    for table, columns in (("worker", WORKER_COLUMNS), ("enterprise", ENTERPRISE_COLUMNS)):
        for field, spec in columns.items():
            assert CATALOG[f"template.doc.{table}.{field}"][0] == spec.doc
