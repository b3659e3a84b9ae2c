"""Re-routing an edited placement against its base plan (issue 24's edit of the bundled 2023 plan): unaffected
workers keep their coach, unaffected manifests keep their bytes, and the change sheet names exactly what moved."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from whatif.cli import main


@pytest.fixture(scope="module")
def base(tmp_path_factory) -> Path:
    """The bundled 2023 plan as `labor-transfer plan` writes it (Chinese headers)."""
    out = tmp_path_factory.mktemp("base") / "plan"
    assert main(["plan", "dingxi_qingdao_2023", "--out", str(out)]) == 0
    return out


def _edit(base: Path, folder: Path) -> tuple[list[str], str]:
    """The issue's edit in a copy of the plan folder: 3 workers of 城阳区 to E0053, one row (of 即墨区) deleted."""
    shutil.copytree(base, folder)
    book = openpyxl.load_workbook(folder / "placement.xlsx")
    ws = book["城阳区"]
    head = {c.value: c.column for c in ws[1]}
    movers = []
    for r in range(2, ws.max_row + 1):
        if len(movers) < 3 and ws.cell(r, head["返岗"]).value == "否":
            movers.append(str(ws.cell(r, head["工号"]).value))
            ws.cell(r, head["企业编号"]).value = "E0053"
            ws.cell(r, head["企业名称"]).value = None
            ws.cell(r, head["岗位"]).value = None
    jimo = book["即墨区"]
    deleted = str(jimo.cell(3, head["工号"]).value)
    jimo.delete_rows(3)
    book.save(folder / "placement.xlsx")
    return movers, deleted


def _blocks(folder: Path) -> dict[tuple[str, str], list[str]]:
    """manifest.csv's lines per (coach, trip), as printed."""
    lines = (folder / "manifest.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    out: dict[tuple[str, str], list[str]] = {}
    for line in lines:
        coach, trip = line.split(",")[:2]
        out.setdefault((coach, trip), []).append(line)
    return out


def test_edit_keeps_unaffected_coaches_and_manifests(base: Path, tmp_path: Path, capsys) -> None:
    movers, deleted = _edit(base, tmp_path / "edit")
    out = tmp_path / "new"
    capsys.readouterr()
    assert main(["plan", "dingxi_qingdao_2023", "--placement", str(tmp_path / "edit" / "placement.xlsx"),
                 "--out", str(out)]) == 0  # the base is found beside the edited workbook
    printed = capsys.readouterr().out
    before = pd.read_csv(base / "manifest.csv", encoding="utf-8-sig", dtype=str).set_index("工号")
    after = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig", dtype=str).set_index("工号")
    assert set(movers) <= set(after.index) and deleted not in after.index
    assert (after.loc[movers, "企业编号"] == "E0053").all()
    unaffected = [w for w in before.index if w in after.index and w not in movers]
    kept = (before.loc[unaffected, "车号"] == after.loc[unaffected, "车号"]).mean()
    assert kept >= 0.95

    old, new = _blocks(base), _blocks(out)
    differ = sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))
    touched = {k for k in old if any(w in movers or w == deleted for w in before.index[
        (before["车号"] == k[0]) & (before["趟次"] == k[1])])}
    assert set(differ) >= touched  # the trips the edit touched are reprinted ...
    assert len(differ) <= len(touched) + 1  # ... and at most one new coach besides
    assert len(old) - len(touched) >= 0.8 * len(old)

    book = openpyxl.load_workbook(out / "placement.xlsx", read_only=True)
    rows = [r for r in book["变更"].iter_rows(values_only=True)]
    listed = {str(r[0]) for r in rows if r[0] and str(r[0]).startswith("W")}
    assert listed == {*movers, deleted}  # exactly the moved workers
    reprint = next(str(r[1]) for r in rows if r[1] and str(r[1]).startswith("需重印"))
    for coach, trip in differ:  # exactly the manifests whose printed rows differ
        assert f"{coach} 第 {trip} 趟" in reprint
    assert reprint.count("趟") == len(differ)
    assert f"需重印乘车名单 {len(differ)} 张" in printed and "W00" in printed
    with zipfile.ZipFile(out / "placement.xlsx") as zipped:  # exactly the reprinted manifests carry the mark
        strings = zipped.read("xl/sharedStrings.xml").decode()
    assert set(re.findall(r"(\w+) · [^<·]* · 已修订", strings)) == {c for c, _ in differ}


def test_unchanged_edit_changes_nothing(base: Path, tmp_path: Path, capsys) -> None:
    """Routing the exported placement as it is against its own plan keeps every manifest's bytes."""
    out = tmp_path / "same"
    assert main(["plan", "dingxi_qingdao_2023", "--placement", str(base / "placement.xlsx"), "--base", str(base),
                 "--out", str(out)]) == 0
    assert (out / "manifest.csv").read_bytes() == (base / "manifest.csv").read_bytes()
    assert (out / "routes.csv").read_bytes() == (base / "routes.csv").read_bytes()
    assert "需重印的乘车名单：无" in capsys.readouterr().out


def test_coach_written_on_a_row_moves_the_worker(base: Path, tmp_path: Path) -> None:
    """A coach of the base typed on a worker's row: the worker rides it (rules allowing), nothing else moves."""
    folder = tmp_path / "edit"
    shutil.copytree(base, folder)
    book = openpyxl.load_workbook(folder / "placement.xlsx")
    ws = book["城阳区"]
    head = {c.value: c.column for c in ws[1]}
    coaches = {ws.cell(r, head["车号"]).value for r in range(2, ws.max_row + 1)}
    worker, was = str(ws.cell(2, head["工号"]).value), ws.cell(2, head["车号"]).value
    other = sorted(c for c in coaches if c != was)[0]
    ws.cell(2, head["车号"]).value = other
    book.save(folder / "placement.xlsx")
    out = tmp_path / "new"
    assert main(["plan", "dingxi_qingdao_2023", "--placement", str(folder / "placement.xlsx"), "--out",
                 str(out)]) == 0
    after = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig", dtype=str).set_index("工号")
    old, new = _blocks(base), _blocks(out)
    changed = sum(old.get(k) != new.get(k) for k in set(old) | set(new))
    rows = list(openpyxl.load_workbook(out / "placement.xlsx", read_only=True)["变更"].iter_rows(values_only=True))
    said = [r for r in rows if r[0] == worker]
    assert len(said) == 1
    if after.at[worker, "车号"] == other:  # moved where the planner wrote, two manifests reprinted
        assert changed == 2
    else:  # the rules did not allow it: the worker stays, and the change sheet says why
        assert after.at[worker, "车号"] == was and "无法接纳" in said[0][4]


def test_an_edit_naming_a_coach_that_does_not_exist_is_one_line(base: Path, tmp_path: Path, capsys) -> None:
    folder = tmp_path / "edit"
    shutil.copytree(base, folder)
    book = openpyxl.load_workbook(folder / "placement.xlsx")
    ws = book["城阳区"]
    head = {c.value: c.column for c in ws[1]}
    ws.cell(4, head["车号"]).value = "C99"
    book.save(folder / "placement.xlsx")
    capsys.readouterr()
    assert main(["plan", "dingxi_qingdao_2023", "--placement", str(folder / "placement.xlsx"), "--out",
                 str(tmp_path / "o"), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "C99" in err and "城阳区" in err and "row 4" in err, err


def test_a_base_plan_of_another_scenario_is_one_line(base: Path, tmp_path: Path, capsys) -> None:
    tiny = tmp_path / "tiny"
    assert main(["plan", "tiny", "--out", str(tiny), "--time-limit", "5"]) == 0
    capsys.readouterr()
    assert main(["plan", "dingxi_qingdao_2023", "--placement", str(base / "placement.xlsx"), "--base", str(tiny),
                 "--out", str(tmp_path / "o")]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "tiny" in err and "原计划" in err, err
