"""Edits come back: plan -> edit the exported placement by hand -> plan --placement routes it as edited, and the
checker's findings name the rows of the edited file."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import scenarios
from whatif.cli import main

TINY = scenarios.load("tiny")


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> Path:
    """The tiny plan as `labor-transfer plan` writes it (Chinese headers)."""
    out = tmp_path_factory.mktemp("plan")
    assert main(["plan", "tiny", "--out", str(out), "--time-limit", "5"]) == 0
    return out


def _rows(book: openpyxl.Workbook) -> dict[str, tuple[str, int, dict[str, int]]]:
    """Worker id -> (sheet, Excel row, header -> column) over the district sheets."""
    out = {}
    for ws in book.worksheets:
        header = {cell.value: cell.column for cell in ws[1]}
        if "工号" not in header or "企业编号" not in header:
            continue
        for r in range(2, ws.max_row + 1):
            out[str(ws.cell(r, header["工号"]).value)] = (ws.title, r, header)
    return out


def test_round_trip_move_three_workers(exported: Path, tmp_path: Path, capsys) -> None:
    capsys.readouterr()
    book = openpyxl.load_workbook(exported / "placement.xlsx")
    rows = _rows(book)
    before = pd.read_csv(exported / "placement.csv", encoding="utf-8-sig", dtype=str).set_index("工号")["企业编号"]
    movers = [
        w for w in ("W3", "W6", "W7", "W8") if before[w] != "T1" and TINY.workers.at[w, "returning_employer"] == ""
    ][:3]
    assert len(movers) == 3
    for k, w in enumerate(movers):
        sheet, r, header = rows[w]
        ws = book[sheet]
        if k == 0:  # the planner retypes the name only; plan.json beside the file says the id is as exported
            ws.cell(r, header["企业名称"]).value = TINY.enterprises.at["T1", "name"]
        else:  # the planner retypes the id only
            ws.cell(r, header["企业编号"]).value = "T1"
        ws.cell(r, header["岗位"]).value = "普工"
    book.save(exported / "placement.xlsx")
    out = tmp_path / "edited"
    assert (
        main(["plan", "tiny", "--out", str(out), "--placement", str(exported / "placement.xlsx"), "--time-limit", "5"])
        == 0
    )
    printed = capsys.readouterr().out
    at_t1 = [w for w in TINY.workers.index if w in movers or before[w] == "T1"]
    general = [w for w in at_t1 if w in movers or "general" in TINY.workers.at[w, "skills"]]
    line = next(x for x in printed.splitlines() if "企业 T1 的普工岗位超员" in x)
    for w in movers:  # every moved worker's row is named, in its sheet
        sheet, r, _ = rows[w]
        assert f"工作表 {sheet}" in line and str(r) in line, line
    assert "岗位 3 个" in line and len(general) > 3
    manifest = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig", dtype=str)
    rides = manifest.set_index("工号")["企业编号"]
    assert all(rides[w] == "T1" for w in movers)  # the manifests follow the edit
    assert sorted(rides.index) == sorted(TINY.workers.index)
    routes = pd.read_csv(out / "routes.csv", encoding="utf-8-sig", dtype={"企业编号": str})
    assert int(routes.loc[routes["企业编号"] == "T1", "人数"].sum()) == len(at_t1)


def test_csv_edit_delete_a_row_and_send_a_returning_worker_elsewhere(exported: Path, tmp_path: Path, capsys) -> None:
    capsys.readouterr()
    table = pd.read_csv(exported / "placement.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    table = table[table["工号"] != "W2"].copy()  # row deleted
    w5 = table.index[table["工号"] == "W5"][0]
    table.loc[w5, ["企业编号", "企业名称"]] = ["T3", TINY.enterprises.at["T3", "name"]]
    edited = tmp_path / "placement.csv"
    table.to_csv(edited, index=False, encoding="gbk")  # saved again by Excel on Chinese Windows
    out = tmp_path / "edited"
    assert (
        main(["plan", "tiny", "--out", str(out), "--placement", str(edited), "--lang", "en", "--time-limit", "5"]) == 0
    )
    printed = capsys.readouterr().out
    assert "1 workers have no row and are left unplaced: W2" in printed
    row = list(table.index).index(w5) + 2
    assert f"placement.csv, row {row}: returning worker W5 is not with employer T2" in printed
    manifest = pd.read_csv(out / "manifest.csv", encoding="utf-8-sig", dtype=str)
    assert "W2" not in set(manifest["Worker ID"])
    assert manifest.set_index("Worker ID").at["W5", "Enterprise ID"] == "T3"


@pytest.mark.parametrize(
    ("edit", "words"),
    [
        (lambda t: t.assign(企业编号=t["企业编号"].where(t["工号"] != "W3", "T9")), ("row", "企业编号", "'T9'")),
        (lambda t: pd.concat([t, t[t["工号"] == "W4"]]), ("row 10", "工号", "'W4' is on two rows", "first on row")),
        (lambda t: t.assign(工号=t["工号"].where(t["工号"] != "W3", "W99")), ("工号", "'W99'")),
        (lambda t: t.assign(岗位=t["岗位"].where(t["工号"] != "W3", "焊工")), ("岗位", "'焊工'")),
    ],
    ids=["unknown enterprise", "worker twice", "unknown worker", "unknown job"],
)
def test_edits_that_cannot_be_meant(exported: Path, tmp_path: Path, capsys, edit, words) -> None:
    table = pd.read_csv(exported / "placement.csv", encoding="utf-8-sig", dtype=str, keep_default_na=False)
    edited = tmp_path / "placement.csv"
    edit(table).to_csv(edited, index=False, encoding="utf-8-sig")
    assert main(["plan", "tiny", "--out", str(tmp_path / "x"), "--placement", str(edited), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "placement.csv" in err and "Fix:" in err
    for word in words:
        assert word in err, err


@pytest.mark.parametrize("name", ["placement.xlsx", "placement.csv"])
def test_english_export_comes_back_unchanged(tmp_path: Path, name: str, capsys) -> None:
    """An English export read back as it is gives the same placement, routed, with no checker findings."""
    first = tmp_path / "en"
    assert main(["plan", "tiny", "--out", str(first), "--lang", "en", "--time-limit", "5"]) == 0
    capsys.readouterr()
    again = tmp_path / "again"
    assert main(["plan", "tiny", "--out", str(again), "--placement", str(first / name), "--lang", "en"]) == 0
    printed = capsys.readouterr().out
    assert "over its" not in printed and "no row" not in printed
    read = lambda folder: pd.read_csv(folder / "placement.csv", dtype=str).set_index("Worker ID")  # noqa: E731
    pd.testing.assert_series_equal(read(first)["Enterprise ID"].sort_index(), read(again)["Enterprise ID"].sort_index())
    assert (read(again)["Job"].sort_index() == read(first)["Job"].sort_index()).all()
