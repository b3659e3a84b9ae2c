"""A bureau's own tables load as they are: .xlsx (Excel/WPS), GBK CSV and UTF-8-with-BOM CSV, and they plan."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import scenarios
from tests.scenarios.bureau import ENTERPRISE_HEADER, ENTERPRISES, bureau_csvs, bureau_workbooks, write_book
from whatif.cli import main

TINY = scenarios.load("tiny")


def _same_as_tiny(sc: scenarios.Scenario) -> None:
    """The bureau's tables mean the tiny scenario's, with numeric ids (1001.., 1..3) in place of W1.., T1..."""
    w, t = sc.workers, TINY.workers
    assert list(w.index) == [f"10{k:02d}" for k in range(1, 9)]
    for column in ("name", "county", "village", "gender", "age", "car", "skills", "wish_district", "wish_job"):
        assert list(w[column]) == list(t[column]), column
    assert list(w["returning_employer"]) == ["1", "", "", "", "2", "", "", ""]
    assert w.at["1001", "phone"] == "13800000001"
    e = sc.enterprises
    assert list(e.index) == ["1", "2", "3"]
    for column in (
        "name",
        "district",
        "lat",
        "lon",
        "checkin_open",
        "checkin_close",
        "pickup",
        "posts_general",
        "posts_operator",
    ):
        assert list(e[column]) == list(TINY.enterprises[column]), column
    assert not e["approx_location"].any()


def test_bureau_workbooks_load_as_meant(tmp_path: Path) -> None:
    sc = scenarios.load(bureau_workbooks(tmp_path))
    _same_as_tiny(sc)
    assert list(sc.workers["row"]) == list(range(4, 12))  # title, date line, header: the first worker is row 4
    ignored = [n for n in sc.warnings if "columns not used" in n]
    assert any("sheet '人员名单'" in n and "序号, 身份证号, 备注" in n for n in ignored), sc.warnings


@pytest.mark.parametrize("encoding", ["gbk", "utf-8-sig", "gb18030"])
def test_bureau_csvs_load_as_meant(tmp_path: Path, encoding: str) -> None:
    sc = scenarios.load(bureau_csvs(tmp_path, encoding))
    _same_as_tiny(sc)
    said = [n for n in sc.warnings if "read as" in n]
    if encoding == "utf-8-sig":
        assert said == []
    else:  # GB18030 text of these names is also GBK
        assert len(said) == 2 and all("read as GBK (not UTF-8)" in n for n in said)


@pytest.mark.parametrize(
    "make",
    [bureau_workbooks, lambda root: bureau_csvs(root, "gbk"), lambda root: bureau_csvs(root, "utf-8-sig")],
    ids=["xlsx", "gbk", "bom"],
)
def test_bureau_tables_plan_with_no_edits(tmp_path: Path, make, capsys) -> None:
    folder = make(tmp_path)
    out = tmp_path / "out"
    assert main(["plan", str(folder), "--out", str(out), "--time-limit", "5"]) == 0
    placement = pd.read_csv(out / "placement.csv", encoding="utf-8-sig", dtype=str)
    assert len(placement) == 8 and placement["企业编号"].notna().all()
    manifest = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig", dtype=str)
    assert set(manifest.iloc[:, 3]) == {f"10{k:02d}" for k in range(1, 9)}


def test_cells_typed_as_a_planner_means_them(tmp_path: Path) -> None:
    """Times as text with seconds, as a fraction of a day and as a date-time; a county merged down its group."""
    folder = bureau_workbooks(tmp_path)
    rows = [list(r) for r in ENTERPRISES]
    rows[0][8], rows[0][9] = "18:00:00", 0.125  # 03:00 as a bare number
    rows[1][8], rows[1][9] = dt.datetime(2023, 2, 1, 19, 30), dt.time(1, 45)
    write_book(folder / "企业需求.xlsx", "企业", "需求", ENTERPRISE_HEADER, rows)
    book = openpyxl.load_workbook(folder / "花名册.xlsx")
    ws = book["人员名单"]
    ws["F10"] = None  # row 10 is 1007 in 临洮县: merge F9:F11 so 临洮县 is written once for the group
    ws["F11"] = None
    ws.merge_cells("F9:F11")
    book.save(folder / "花名册.xlsx")
    sc = scenarios.load(folder)
    assert list(sc.enterprises["checkin_open"]) == ["18:00", "19:30", "18:00"]
    assert list(sc.enterprises["checkin_close"]) == ["03:00", "01:45", "02:30"]
    assert list(sc.workers["county"].iloc[5:]) == ["lintao"] * 3


def test_enterprise_without_coordinates_at_district_centre(tmp_path: Path) -> None:
    folder = bureau_workbooks(tmp_path)
    rows = [list(r) for r in ENTERPRISES]
    rows[2][4] = rows[2][5] = None
    write_book(folder / "企业需求.xlsx", "企业", "需求", ENTERPRISE_HEADER, rows)
    sc = scenarios.load(folder)
    assert list(sc.enterprises["approx_location"]) == [False, False, True]
    jimo = sc.districts.loc["jimo"]
    assert (sc.enterprises.at["3", "lat"], sc.enterprises.at["3", "lon"]) == (jimo["lat"], jimo["lon"])
    warning = next(w for w in sc.warnings if "no coordinates" in w)
    assert "3 青岛瑞丰食品有限公司" in warning and "approximate" in warning


def test_district_names_as_people_write_them(tmp_path: Path) -> None:
    folder = bureau_workbooks(tmp_path)
    rows = [list(r) for r in ENTERPRISES]
    rows[0][3], rows[1][3], rows[2][3] = "西海岸新区", "Licang", "黄岛"
    rows[0][4], rows[0][5] = rows[2][4], rows[2][5] = 35.96, 120.18
    write_book(folder / "企业需求.xlsx", "企业", "需求", ENTERPRISE_HEADER, rows)
    sc = scenarios.load(folder)
    assert list(sc.enterprises["district"]) == ["huangdao", "licang", "huangdao"]


def test_phones_on_the_manifest_and_approximate_times_marked(tmp_path: Path) -> None:
    """The roster's phone numbers reach the coach manifest; an enterprise without coordinates has ≈ times."""
    folder = bureau_workbooks(tmp_path)
    rows = [list(r) for r in ENTERPRISES]
    rows[2][4] = rows[2][5] = None
    write_book(folder / "企业需求.xlsx", "企业", "需求", ENTERPRISE_HEADER, rows)
    out = tmp_path / "out"
    assert main(["plan", str(folder), "--out", str(out), "--time-limit", "5"]) == 0
    manifest = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert manifest.set_index("工号").at["1001", "联系电话"] == "13800000001"
    routes = pd.read_csv(out / "routes.csv", encoding="utf-8-sig", dtype=str)
    assert (routes["企业编号"] == "3").any()
    assert routes.loc[routes["企业编号"] == "3", "到达时间"].str.startswith("≈").all()
    assert not routes.loc[routes["企业编号"] != "3", "到达时间"].str.startswith("≈").any()
    book = openpyxl.load_workbook(out / "placement.xlsx")
    coach = next(ws for ws in book.worksheets if ws.title.startswith("车C"))
    assert "13800000001" in {str(c.value) for row in coach.iter_rows() for c in row}


def test_travel_matrix_workbook_instead_of_coordinates(tmp_path: Path) -> None:
    """Addresses only: no coordinates at all, and the times from the bureau's routing service as a workbook."""
    import itertools

    import yaml

    folder = bureau_workbooks(tmp_path)
    rows = [list(r) for r in ENTERPRISES]
    for row in rows:
        row[4] = row[5] = None
    write_book(folder / "企业需求.xlsx", "企业", "需求", ENTERPRISE_HEADER, rows)
    legs = [[a, b, 10 + 3 * k, 8 + 2 * k] for k, (a, b) in enumerate(itertools.combinations(
        ["station", "1", "2", "3"], 2))]
    write_book(folder / "行车时间.xlsx", "时间", "导航服务导出", ["起点", "终点", "分钟", "公里"], legs)
    raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    raw["travel"] = {"mode": "matrix", "matrix": "行车时间.xlsx"}
    (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    sc = scenarios.load(folder)
    assert sc.enterprises["approx_location"].all()
    assert any("come from the travel matrix" in w for w in sc.warnings)
    minutes, km = sc.travel_model.from_station(["2"])
    assert (minutes[0], km[0]) == (13, 10)
    assert main(["plan", str(folder), "--out", str(tmp_path / "out"), "--time-limit", "5"]) == 0


def test_sheet_by_position(tmp_path: Path) -> None:
    import yaml

    folder = bureau_workbooks(tmp_path)
    raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    raw["workers"]["roster"]["sheet"] = 1
    (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert len(scenarios.load(folder).workers) == 8
