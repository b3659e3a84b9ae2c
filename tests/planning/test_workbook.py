"""The plan's workbook prints: A4, a page per coach manifest (53 riders too), titles, page numbers, real times."""

from __future__ import annotations

import dataclasses
import datetime
import math
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from planning import make_plan
from planning.cost import trip_cost
from planning.export import clock_times, write_plan
from planning.workbook import plan_title, text_width
from scenarios.scenario import Scenario
from tests.planning.conftest import variant


def fit(sheet) -> tuple[int, int]:
    """Pages wide and tall the sheet is fitted to (OOXML's default for a missing attribute is 1)."""
    setup = sheet.page_setup
    return (1 if setup.fitToWidth is None else setup.fitToWidth, 1 if setup.fitToHeight is None else setup.fitToHeight)


@pytest.fixture(scope="module")
def full_coach(tiny: Scenario) -> tuple[Scenario, object]:
    """Tiny with 53 workers (each with a phone) on one 53-seat coach: the largest manifest of the bundled fleets."""
    workers = [{"id": f"W{k:02d}", "name": f"王{k}", "phone": f"139{k:08d}"} for k in range(1, 54)]
    sc = variant(tiny, workers=workers, posts={"T1": {"general": 20}, "T2": {"general": 20}, "T3": {"general": 13}})
    coach = dataclasses.replace(tiny.fleet["minibus_12"], seats=53, name_zh="大巴（53座）")
    sc = dataclasses.replace(sc, fleet={"coach_53": coach}, train=dataclasses.replace(tiny.train, cars=3))
    return sc, make_plan(sc, seed=1)


@pytest.fixture(scope="module")
def full_book(full_coach, tmp_path_factory) -> Path:
    sc, plan = full_coach
    out = tmp_path_factory.mktemp("full")
    write_plan(sc, plan, out)
    return out / "placement.xlsx"


def test_manifest_is_one_a4_page_with_its_heading_repeated(full_coach, full_book: Path) -> None:
    sc, _ = full_coach
    book = openpyxl.load_workbook(full_book)
    page = book["车C01"]
    assert page.page_setup.paperSize == 9 and page.page_setup.orientation == "portrait"
    assert page.sheet_properties.pageSetUpPr.fitToPage
    assert fit(page) == (1, 1)
    assert page.print_title_rows == "$1:$4"
    footer = page.oddFooter
    assert plan_title(sc, "zh") in footer.center.text and "&P" in footer.right.text and "&N" in footer.right.text
    cells = [(c.row, c.value) for row in page.iter_rows() for c in row if c.value is not None]
    assert cells[0][1].startswith("车号 C01 · 大巴（53座） 第 1 趟")
    texts = {v for _, v in cells if isinstance(v, str)}
    assert {"引导牌", "车位", "发车", "停靠企业", "乘车人员", "联系人", "联系电话", "本人电话", "上车签到"} <= texts
    assert {f"王{k}" for k in range(1, 54)} <= texts and {f"139{k:08d}" for k in range(1, 54)} <= texts
    sign = next(r for r, v in cells if isinstance(v, str) and v.startswith("接站负责人签字"))
    last = max(r for r, v in cells if v == "王53" or (isinstance(v, str) and v.startswith("王")))
    assert sign > last
    area = page.print_area[0] if isinstance(page.print_area, list) else page.print_area
    assert area.endswith(f"$H${sign}")
    assert "城阳区" in texts or any("区" in t for t in texts)  # the district sign


def test_district_sheets_are_landscape_one_page_wide_with_the_header_repeated(full_book: Path) -> None:
    book = openpyxl.load_workbook(full_book)
    for name in ("李沧区", "城阳区", "即墨区", "车辆总表"):
        sheet = book[name]
        assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.paperSize == 9, name
        assert sheet.sheet_properties.pageSetUpPr.fitToPage and fit(sheet) == (1, 0), name
        assert sheet.print_title_rows == "$1:$1", name
        assert "&P" in sheet.oddFooter.right.text
    summary = book["汇总"]
    assert summary.page_setup.paperSize == 9 and summary.page_setup.orientation == "portrait"


def test_widths_fit_chinese_text_and_the_font_is_one_chinese_windows_has(full_coach, full_book: Path) -> None:
    sc, _ = full_coach
    sheet = openpyxl.load_workbook(full_book)["城阳区"]
    heads = {c.value: c.column_letter for c in sheet[1]}
    name = sc.enterprises.loc["T1", "name"]
    assert sheet.column_dimensions[heads["企业名称"]].width >= text_width(name) == 2 * len(name)
    with zipfile.ZipFile(full_book) as z:
        styles = z.read("xl/styles.xml").decode()
    assert '<name val="SimSun"/>' in styles and "Calibri" not in styles


def test_clock_times_are_excel_datetimes_so_after_midnight_sorts_last(full_coach, full_book: Path) -> None:
    sc, plan = full_coach
    times = clock_times(sc, pd.Series([1434.0, 1444.4, 1500.6]))
    assert list(times) == [pd.Timestamp(2023, 2, 1, 23, 54), pd.Timestamp(2023, 2, 2, 0, 4),
                           pd.Timestamp(2023, 2, 2, 1, 1)]
    assert list(times.sort_values()) == list(times)
    coaches = openpyxl.load_workbook(full_book)["车辆总表"]
    heads = {c.value: c.column - 1 for c in coaches[1]}
    row = next(coaches.iter_rows(min_row=2, max_row=2))
    depart = row[heads["发车时间"]]
    want = datetime.datetime(2023, 2, 1) + datetime.timedelta(minutes=round(plan.coaches["depart_min"].iloc[0]))
    assert depart.value == want and depart.number_format == "hh:mm"
    assert row[heads["最后到达"]].is_date


def test_a_coach_with_two_trips_gets_a_page_per_trip(tiny, tiny_routed, tmp_path: Path) -> None:
    routes = tiny_routed.routes.copy()
    second = routes["stop_order"] == 3
    routes.loc[second, ["trip", "stop_order", "depart_min"]] = [2, 1, 1400.0]
    manifest = tiny_routed.manifest.copy()
    manifest.loc[manifest["enterprise_id"].isin(routes.loc[second, "enterprise_id"]), "trip"] = 2
    plan = dataclasses.replace(tiny_routed, routes=routes, manifest=manifest)
    write_plan(tiny, plan, tmp_path)
    names = openpyxl.load_workbook(tmp_path / "placement.xlsx").sheetnames
    assert names[-2:] == ["车C1-1", "车C1-2"]


def to_pdf(book: Path, out: Path) -> Path:
    """``book`` converted to PDF by LibreOffice (its own profile folder, so parallel runs do not clash)."""
    profile = (out / "lo-profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(book)], check=True, capture_output=True, timeout=300)
    return out / (book.stem + ".pdf")


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_prints_the_full_manifest_on_one_page(full_book: Path, tmp_path: Path) -> None:
    """Converted with LibreOffice, the 53-rider manifest is one page: its title, last rider and signature together."""
    from pypdf import PdfReader

    to_pdf(full_book, tmp_path)
    pdf = tmp_path / "placement.pdf"
    if shutil.which("pdftotext"):  # pypdf loses the large bold heading set in LibreOffice's CJK fallback font
        text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        pages = text.split("\f")
    else:
        pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    manifest = [k for k, text in enumerate(pages) if "乘车人员" in text]
    assert len(manifest) == 1, manifest
    text = pages[manifest[0]]
    assert "车号 C01" in text and "王53" in text and "接站负责人签字" in text
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height)))
             for p in PdfReader(str(tmp_path / "placement.pdf")).pages}
    assert sizes <= {(595, 842), (842, 595)}, sizes  # A4, portrait or landscape


def _sheet_rows(path: Path, name: str) -> list[tuple]:
    return [r for r in openpyxl.load_workbook(path)[name].iter_rows(values_only=True) if any(v is not None for v in r)]


def _column(rows: list[tuple], head: str) -> list:
    k = rows[0].index(head)
    return [r[k] for r in rows[1:]]


def test_a_chinese_district_sheet_reads_gender_job_and_place_in_chinese(tiny, tiny_routed, tmp_path: Path) -> None:
    """性别 reads 男/女 and 岗位 普工 (not M/F, not the key general); English keeps M/F and English names."""
    write_plan(tiny, tiny_routed, tmp_path)
    rows = _sheet_rows(tmp_path / "placement.xlsx", "城阳区")
    assert set(_column(rows, "性别")) <= {"男", "女"} and "男" in _column(rows, "性别")
    in_csv = pd.read_csv(tmp_path / "placement.csv", encoding="utf-8-sig", dtype=str)["性别"]
    assert set(in_csv) <= {"男", "女"} and "男" in set(in_csv)  # the CSV says it as the workbook does
    assert "普工" in _column(rows, "岗位") and "普工/操作工" in _column(rows, "技能")
    summary = _sheet_rows(tmp_path / "placement.xlsx", "汇总")
    assert summary[4][:2] == ("车次", "G2093 定西")  # the origin in Chinese only, not '定西 Dingxi'
    strings = " ".join(str(v) for r in summary for v in r if v is not None)
    assert "Dingxi" not in strings and "general" not in strings
    write_plan(tiny, tiny_routed, tmp_path, lang="en")
    rows = _sheet_rows(tmp_path / "placement.xlsx", "Chengyang")
    assert set(_column(rows, "Gender")) <= {"M", "F"} and "General worker" in _column(rows, "Job")
    assert _sheet_rows(tmp_path / "placement.xlsx", "Summary")[4][:2] == ("Train", "G2093 Dingxi")
    csv = pd.read_csv(tmp_path / "placement.csv", encoding="utf-8-sig", dtype=str)
    assert set(csv["Gender"]) <= {"M", "F"}  # in English the roster's codes


def test_the_summary_counts_enterprises_as_check_does_and_says_which_receive_workers(tiny, tiny_routed,
                                                                                     tmp_path: Path) -> None:
    """'接收企业 n 家 / 共 N 家': the N is the enterprise count `check` prints, so the two never contradict."""
    write_plan(tiny, tiny_routed, tmp_path)
    summary = dict(r[:2] for r in _sheet_rows(tmp_path / "placement.xlsx", "汇总")[1:18])
    served = tiny_routed.placed["enterprise_id"].nunique()
    assert summary["企业"] == f"接收企业 {served} 家 / 共 {len(tiny.enterprises)} 家"
    returning = int((tiny.workers["returning_employer"] != "").sum())
    assert summary["返岗人员"].endswith(f"/ 共 {returning} 人")
    cost = trip_cost(tiny, tiny_routed)  # the one cost the terminal and the cover print
    assert summary["用车费用"] == (f"约 {cost:,.0f} 元（每车固定费用加按公里计费）" if math.isfinite(cost)
                               else "车价未填写，费用未知")
    rows = _sheet_rows(tmp_path / "placement.xlsx", "汇总")
    head = next(r for r in rows if r[0] == "区市")
    assert head == ("区市", "企业总数", "接收企业数", "岗位数", "已安置")
    width = openpyxl.load_workbook(tmp_path / "placement.xlsx")["汇总"].column_dimensions["B"].width
    assert width >= max(text_width(v) for v in summary.values() if v is not None)  # no value spills over


def test_the_english_manifest_has_no_chinese_punctuation(tiny, tiny_routed, tmp_path: Path) -> None:
    write_plan(tiny, tiny_routed, tmp_path, lang="en")
    texts = [v for r in _sheet_rows(tmp_path / "placement.xlsx", "Coach C1") for v in r if isinstance(v, str)]
    assert texts[0] == "Coach C1 · 12-seat minibus · trip 1"
    english = [t for t in texts if not any("\u4e00" <= ch <= "\u9fff" for ch in t)]  # enterprise names are Chinese
    assert not [t for t in english if set(t) & set("（）：；、")], english
    assert any(t.startswith("Station lead signature: ") for t in texts)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_wrapped_notes_get_rows_tall_enough_to_print(tiny, tiny_plan, tmp_path: Path, lang: str) -> None:
    """A long reason wraps over several lines in a row made tall enough, not over the rows below it."""
    p = tiny_plan.placement.copy()
    reason = ("wished district chengyang full; no post left for skill general/operator in any district (general: 9 "
              "workers can do it, 7 posts, operator: 3 workers can do it, 1 posts)")
    p.loc["W6", ["enterprise_id", "district", "job", "reason"]] = ["", "", "", reason]
    write_plan(tiny, type(tiny_plan)(placement=p), tmp_path, lang=lang)
    book = openpyxl.load_workbook(tmp_path / "placement.xlsx")
    sheet = book[book.sheetnames[-1]]
    assert sheet.row_dimensions[2].height is not None and sheet.row_dimensions[2].height >= 30


def test_the_summary_says_the_planning_margin_and_the_standby_booked(tiny, tiny_routed, tmp_path: Path) -> None:
    """A plan made with ``--margin 30 --standby-coach minibus_12`` says both on its summary sheet, so the printed
    plan matches the cover; a plain plan has neither row."""
    import dataclasses

    write_plan(tiny, dataclasses.replace(tiny_routed, margin_min=30.0, standby=("minibus_12",)), tmp_path)
    summary = dict(r[:2] for r in _sheet_rows(tmp_path / "placement.xlsx", "汇总")[1:20] if r[0])
    name = tiny.fleet["minibus_12"].name_zh
    assert summary["计划余量"] == "30 分钟：所有车辆在 00:30 前到达" and summary["另订在车站待命"] == name
    write_plan(tiny, tiny_routed, tmp_path / "plain")
    plain = dict(r[:2] for r in _sheet_rows(tmp_path / "plain" / "placement.xlsx", "汇总")[1:20] if r[0])
    assert "计划余量" not in plain and "另订在车站待命" not in plain
