"""write_plan: readable CSV and workbook files in Chinese or English, written atomically."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
import xlsxwriter

from planning.export import sheet_name, write_plan
from scenarios.errors import Msg, ScenarioError


def _sheets(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return re.findall(r'<sheet name="([^"]+)"', z.read("xl/workbook.xml").decode("utf-8"))


def _strings(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("xl/sharedStrings.xml").decode("utf-8")


def test_placement_files_in_chinese(tiny, tiny_plan, tmp_path: Path) -> None:
    written = write_plan(tiny, tiny_plan, tmp_path)
    assert [p.name for p in written] == ["placement.xlsx", "placement.csv"]
    assert _sheets(tmp_path / "placement.xlsx") == ["汇总", "李沧区", "城阳区", "即墨区"]
    table = pd.read_csv(tmp_path / "placement.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert list(table.columns[:3]) == ["工号", "姓名", "性别"]
    assert len(table) == len(tiny.workers)
    row = table.set_index("工号").loc["W1"]
    assert (row["企业编号"], row["区市"], row["返岗"], row["县区"]) == ("T1", "城阳区", "是", "通渭县")
    assert "返岗" in row["安置说明"]
    assert "王建国" in _strings(tmp_path / "placement.xlsx")


def test_routed_plan_gets_routes_manifest_and_a_sheet_per_coach_in_english(tiny, tiny_routed, tmp_path) -> None:
    written = write_plan(tiny, tiny_routed, tmp_path, lang="en")
    assert sorted(p.name for p in written) == ["manifest.csv", "placement.csv", "placement.xlsx", "routes.csv"]
    assert _sheets(tmp_path / "placement.xlsx") == ["Summary", "Licang", "Chengyang", "Jimo", "Coaches", "Coach C1"]
    routes = pd.read_csv(tmp_path / "routes.csv", encoding="utf-8-sig", dtype=str)
    assert list(routes["Departs"].unique()) == ["22:00"]
    assert list(routes["Arrives"]) == ["22:14", "22:50", "23:19"]  # by the travel model, nearest stop first
    manifest = pd.read_csv(tmp_path / "manifest.csv", encoding="utf-8-sig", dtype=str)
    assert list(manifest["Boarding order"].astype(int)) == list(range(1, 9))
    assert set(manifest["Worker ID"]) == set(tiny.workers.index)
    strings = _strings(tmp_path / "placement.xlsx")
    assert "Departs" in strings and "Boarding order" in strings and "王建国" in strings
    import openpyxl

    page = openpyxl.load_workbook(tmp_path / "placement.xlsx")["Coach C1"]
    depart = next(c for row in page.iter_rows() for c in row if c.value == "Departs").offset(column=1)
    assert depart.value == datetime.datetime(2023, 2, 1, 22, 0) and depart.number_format == "hh:mm"


def test_failed_export_leaves_the_earlier_file_intact(tiny, tiny_plan, tmp_path, monkeypatch) -> None:
    write_plan(tiny, tiny_plan, tmp_path)
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}

    def broken_close(self) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(xlsxwriter.Workbook, "close", broken_close)
    with pytest.raises(OSError, match="disk full"):
        write_plan(tiny, tiny_plan, tmp_path, lang="en")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_unknown_language_is_a_scenario_error(tiny, tiny_plan, tmp_path) -> None:
    with pytest.raises(ScenarioError, match="lang"):
        write_plan(tiny, tiny_plan, tmp_path, lang="fr")


def test_unplaced_workers_get_their_own_sheet(tiny, tiny_plan, tmp_path) -> None:
    p = tiny_plan.placement.copy().astype({"reason": object})
    count = Msg("unplaced.job_count", job="General worker", job_zh="普工", n=9, posts=7)
    reason = Msg("unplaced.no_post", jobs="General worker", jobs_zh="普工", counts=[count])  # as explain keys it
    p.loc["W6", ["enterprise_id", "district", "job"]] = ["", "", ""]
    p.at["W6", "reason"] = reason
    plan = type(tiny_plan)(placement=p)
    write_plan(tiny, plan, tmp_path)
    assert _sheets(tmp_path / "placement.xlsx")[-1] == "未安置人员"
    # The reason rendered in the workbook's language: the job type by its name (普工), never its key ('general').
    assert "各区市均无 普工 岗位空缺（普工：可胜任 9 人，岗位 7 个）" in _strings(tmp_path / "placement.xlsx")
    assert "general" not in _strings(tmp_path / "placement.xlsx")
    write_plan(tiny, plan, tmp_path, lang="en")
    assert ("no post left for skill General worker in any district (General worker: 9 able, 7 posts)"
            in _strings(tmp_path / "placement.xlsx"))


def test_sheet_names_are_valid_and_unique() -> None:
    taken: set[str] = set()
    assert sheet_name("a/b:c", taken) == "a_b_c"
    assert sheet_name("A/B:C", taken) == "A_B_C (2)"
    assert len(sheet_name("x" * 40, taken)) == 31


def test_trip_and_boarding_order_stay_whole_numbers_when_some_ride_no_coach(tiny) -> None:
    """Workers of an own-pickup enterprise ride no coach; the others' trip and boarding order print as 1, 2, ..."""
    from planning import make_plan
    from planning.export import placement_table
    from tests.planning.conftest import variant

    own = variant(tiny, enterprise_changes={"T3": {"pickup": "own", "own_seats": 5}})
    table = placement_table(own, make_plan(own))
    riding = table[table["enterprise_id"] != "T3"]
    assert riding["trip"].map(type).eq(int).all() and riding["boarding_order"].map(type).eq(int).all()
    assert (table.loc[table["enterprise_id"] == "T3", "trip"] == "").all()


def test_a_worker_an_own_vehicle_cannot_bring_in_time_is_shown_on_the_coach(tiny) -> None:
    """T3's one-seat van brings one of its two workers before the deadline; the other's row says 统一派车."""
    import dataclasses

    from planning import make_plan
    from planning.export import placement_table

    ent = tiny.enterprises.copy()
    ent.loc["T3", ["pickup", "own_seats", "own_arrival", "own_arrival_min"]] = ["own", 1, "23:30", 23 * 60 + 30.0]
    own = dataclasses.replace(tiny, enterprises=ent)
    t3 = placement_table(own, make_plan(own, seed=0, max_iterations=300)).query("enterprise_id == 'T3'")
    assert sorted(t3["pickup"]) == ["企业自行接站", "统一派车"]
    assert (t3.loc[t3["pickup"] == "统一派车", "coach_id"] != "").all()


def _formula_free(path: Path) -> dict[str, str]:
    """Every sheet's XML of the workbook, after asserting that none holds a formula element."""
    with zipfile.ZipFile(path) as z:
        sheets = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}
    for name, xml in sheets.items():
        assert not re.search(r"<f[ >]", xml), name
    return sheets


def read_back_strings(path: Path) -> set[str]:
    """The workbook's string cells as openpyxl reads them (formula cells would come back as formulas)."""
    import openpyxl

    _formula_free(path)
    found = set()
    for sheet in openpyxl.load_workbook(path).worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
                if isinstance(cell.value, str):
                    found.add(cell.value)
    return found


def test_formula_like_names_stay_text_in_the_workbook_and_csvs(tmp_path: Path) -> None:
    """Issue 12: a worker and an enterprise named like formulas read back as strings; escaped in the CSVs."""
    import scenarios
    from planning import make_plan
    from tests.hostile import FORMULAS, hostile_tiny

    sc = scenarios.load(hostile_tiny(tmp_path, personal=False))
    write_plan(sc, make_plan(sc, seed=1), tmp_path / "out")
    strings = read_back_strings(tmp_path / "out" / "placement.xlsx")
    assert set(FORMULAS) <= strings
    worker, enterprise = FORMULAS
    for name, column in (("placement.csv", "姓名"), ("manifest.csv", "姓名")):
        table = pd.read_csv(tmp_path / "out" / name, encoding="utf-8-sig", dtype=str, keep_default_na=False)
        assert "'" + worker in set(table[column]) and worker not in set(table[column]), name
        assert "'" + enterprise in set(table["企业名称"]) and enterprise not in set(table["企业名称"]), name
    routes = pd.read_csv(tmp_path / "out" / "routes.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    assert "'" + enterprise in set(routes["企业名称"])
