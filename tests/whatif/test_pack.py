"""The meeting pack: every file written, Chinese in the PDF with the font embedded, nothing lost on failure."""

from __future__ import annotations

import itertools
import re
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from scenarios import ScenarioError
from scenarios.outdir import OWNER
from whatif.pack import Pack, build_pack, write_pack


@pytest.fixture(scope="module")
def tiny_pack() -> Pack:
    """The tiny scenario's pack in Chinese, with a two-option sweep."""
    return build_pack("tiny", lang="zh", replications=4, seed=1, plan_time_limit=5,
                      axes={"train.delay_min": [0, 60]}, sweep_replications=3)


def _fonts(pdf: Path) -> dict[str, bool]:
    """Font names in the PDF and whether each embeds its glyphs."""
    found: dict[str, bool] = {}
    for page in PdfReader(str(pdf)).pages:
        resources = page.get("/Resources") or {}
        fonts = resources.get("/Font") or {}
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            found[str(font.get("/BaseFont"))] = embedded or found.get(str(font.get("/BaseFont")), False)
    return found


def test_pack_writes_everything(tiny_pack: Pack, tmp_path: Path) -> None:
    written = {p.name for p in write_pack(tiny_pack, tmp_path)}
    assert {"meeting_pack.pdf", "transport_plan.xlsx", "coach_gantt.png", "checkins.png", "station_crowd.png",
            "routes_map.png", "options.png", "sweep.csv"} <= written
    pages = len(PdfReader(str(tmp_path / "meeting_pack.pdf")).pages)
    assert pages == len(tiny_pack.pages) == len(tiny_pack.figures) + 2  # cover, key figures, a page per chart
    with zipfile.ZipFile(tmp_path / "transport_plan.xlsx") as book:
        workbook = book.read("xl/workbook.xml").decode("utf-8")
    assert "sheet" in workbook and workbook.count("<sheet ") >= 3


def test_pdf_embeds_the_cjk_font_and_shows_chinese(tiny_pack: Pack, tmp_path: Path) -> None:
    write_pack(tiny_pack, tmp_path)
    fonts = _fonts(tmp_path / "meeting_pack.pdf")
    cjk = {name: embedded for name, embedded in fonts.items() if "Noto" in name}
    assert cjk and all(cjk.values()), fonts
    text = PdfReader(str(tmp_path / "meeting_pack.pdf")).pages[0].extract_text()
    assert "会商材料" in text and "G2093" in text


def test_english_pack(tmp_path: Path) -> None:
    pack = build_pack("tiny", lang="en", replications=3, seed=2, plan_time_limit=5)
    write_pack(pack, tmp_path)
    text = PdfReader(str(tmp_path / "meeting_pack.pdf")).pages[0].extract_text()
    assert "meeting pack" in text
    assert pack.scenario.train.origin == "定西 Dingxi"  # the data holds both; English readers see the Latin part
    assert "Dingxi" in text and "定西" not in text
    with zipfile.ZipFile(tmp_path / "transport_plan.xlsx") as book:
        strings = book.read("xl/sharedStrings.xml").decode("utf-8")
    assert "Dingxi" in strings and "定西" not in strings


def _fail_workbook(monkeypatch) -> None:
    monkeypatch.setattr("planning.workbook.write_workbook", _disk_full)


def _fail_png(monkeypatch) -> None:
    savefig = Figure.savefig

    def png_full(self, fname, *args, **kwargs):
        if kwargs.get("format") == "png":
            _disk_full()
        return savefig(self, fname, *args, **kwargs)

    monkeypatch.setattr(Figure, "savefig", png_full)


def _fail_csv(monkeypatch) -> None:
    monkeypatch.setattr(pd.DataFrame, "to_csv", _disk_full)


def _fail_pdf(monkeypatch) -> None:
    monkeypatch.setattr("whatif.pack.PdfPages", _disk_full)


def _disk_full(*args, **kwargs):
    raise OSError("disk full")


def _fail_swap(monkeypatch) -> None:
    """The swap of the staging folder fails (the exchange, or the fallback's renames)."""
    monkeypatch.setattr("scenarios.outdir._exchange", _disk_full)
    monkeypatch.setattr("scenarios.outdir._rename", _disk_full)


@pytest.mark.parametrize("fail", [_fail_workbook, _fail_png, _fail_csv, _fail_pdf, _fail_swap])
def test_failed_run_leaves_earlier_outputs(tiny_pack: Pack, tmp_path: Path, monkeypatch, fail) -> None:
    """Whichever output fails, every earlier output is intact: no new file replaced an old one."""
    names = [p.name for p in write_pack(tiny_pack, tmp_path)]
    for name in names:  # mark the earlier outputs so that any replacement shows
        (tmp_path / name).write_bytes(f"earlier {name}".encode())
    fail(monkeypatch)
    with pytest.raises(ScenarioError, match=r"out_dir: cannot write .*\(disk full\)"):
        write_pack(tiny_pack, tmp_path)
    for name in names:
        assert (tmp_path / name).read_bytes() == f"earlier {name}".encode(), name
    left = sorted(p.name for p in tmp_path.iterdir() if p.name != OWNER)
    assert left == sorted(names), "no temporary files left behind"


def test_formula_like_names_stay_text_in_the_transport_plan(tmp_path: Path) -> None:
    """Issue 12: transport_plan.xlsx holds the formula-like names as strings, with no formula element."""
    from tests.hostile import FORMULAS, hostile_tiny
    from tests.planning.test_export import read_back_strings

    pack = build_pack(hostile_tiny(tmp_path, personal=False), replications=2, seed=1, plan_time_limit=5)
    write_pack(pack, tmp_path / "pack")
    assert set(FORMULAS) <= read_back_strings(tmp_path / "pack" / "transport_plan.xlsx")


SOLVER_WORDS = re.compile(r"optimal|feasible|gap|highs|cbc|\bmip\b|solver|求解|\w+\.\w+_\w+|\.ya?ml", re.IGNORECASE)


def pdf_text(pdf: Path) -> list[str]:
    """Each page's text, by pdftotext when it is installed (as the issue checks), else by pypdf."""
    import shutil
    import subprocess

    reader = PdfReader(str(pdf))
    if shutil.which("pdftotext"):
        return [subprocess.run(["pdftotext", "-f", str(k), "-l", str(k), str(pdf), "-"], capture_output=True,
                               text=True, check=True).stdout for k in range(1, len(reader.pages) + 1)]
    return [page.extract_text() for page in reader.pages]


@pytest.fixture(scope="module")
def short_pack(tmp_path_factory) -> tuple[Pack, Path]:
    """Tiny where T3 (即墨) has no posts left: one enterprise gets nobody and one worker is not placed."""
    import scenarios
    from tests.planning.conftest import variant

    tiny = scenarios.load("tiny")
    sc = variant(tiny, posts={"T3": {}, "T1": {"general": 3, "operator": 1}, "T2": {"general": 2, "operator": 1}})
    pack = build_pack(sc, lang="zh", replications=5, seed=3, plan_time_limit=5)
    out = tmp_path_factory.mktemp("short")
    write_pack(pack, out)
    return pack, out


def test_cover_in_plain_words(short_pack) -> None:
    """The Chinese cover: placed and not placed with where the list is, the enterprise that gets nobody by name,
    coaches and cost, why that many, the risk and the spread of the last arrival; no solver terms or paths."""
    pack, out = short_pack
    pages = pdf_text(out / "meeting_pack.pdf")
    text = "".join(pages)
    assert not SOLVER_WORDS.search(text), SOLVER_WORDS.search(text)
    cover = pages[0].replace("\n", "")
    unplaced = len(pack.plan.unplaced)
    assert unplaced == 1
    assert "务工人员 8 名：已安置 7 名，未安置 1 名" in cover and "“未安置人员”表" in cover
    assert "用工企业 3 家：已安排人员 2 家，未安排人员 1 家" in cover
    assert "未安排人员的企业：青岛瑞丰食品有限公司" in cover
    assert "用车 1 辆，共 1 车次" in cover and "费用合计约" in cover
    assert "为什么需要这么多车" in cover and "至少需要 1 车次" in cover
    assert "个夜晚中有 90% 落在" in cover and "95% 区间" in cover
    assert "线路方案：" in cover


def test_pages_are_a4_of_one_size_and_numbered(short_pack) -> None:
    _, out = short_pack
    reader = PdfReader(str(out / "meeting_pack.pdf"))
    sizes = {(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages}
    assert sizes == {(595, 842)}
    n = len(reader.pages)
    for k, text in enumerate(pdf_text(out / "meeting_pack.pdf"), start=1):
        assert f"第 {k} 页，共 {n} 页" in text, k


def test_pdf_carries_no_personal_data(tmp_path: Path) -> None:
    """No worker's name, phone or identity-card number in the meeting pack's PDF (text or metadata)."""
    import scenarios
    from tests.hostile import ID_NUMBER, PHONE, hostile_tiny

    path = hostile_tiny(tmp_path)
    sc = scenarios.load(path)
    pack = build_pack(sc, replications=2, seed=1, plan_time_limit=5)
    write_pack(pack, tmp_path / "pack")
    pdf = tmp_path / "pack" / "meeting_pack.pdf"
    text = "".join(pdf_text(pdf))
    raw = pdf.read_bytes()
    for name in sc.workers["name"]:
        assert name not in text
    for secret in (PHONE, ID_NUMBER, ID_NUMBER[-4:] + "\n"):
        assert secret not in text and secret.encode() not in raw
    meta = PdfReader(str(pdf)).metadata
    assert "CreationDate" not in (meta or {}) and "/CreationDate" not in (meta or {})


def test_english_cover_speaks_english_without_solver_terms(tmp_path: Path) -> None:
    pack = build_pack("tiny", lang="en", replications=3, seed=2, plan_time_limit=5)
    write_pack(pack, tmp_path)
    pages = pdf_text(tmp_path / "meeting_pack.pdf")
    assert not SOLVER_WORDS.search("".join(pages))
    cover = " ".join(pages[0].split())
    assert "8 workers on the train: 8 placed, 0 not placed." in cover
    assert "Why that many coaches" in cover and "Page 1 of" in cover


def test_a_plan_made_with_a_margin_says_so_on_the_cover(tiny_pack: Pack) -> None:
    """``pack --margin 30`` (``PlanOptions.margin_min``): the cover says the routes were planned to be in 30
    minutes before the deadline, and that the nights are judged against the deadline itself."""
    import dataclasses

    from present.catalog import text
    from whatif.cover import cover_facts
    from whatif.cover_page import cover_lines

    sc = tiny_pack.scenario
    plan = dataclasses.replace(tiny_pack.plan, margin_min=30.0)
    facts = cover_facts(sc, plan, tiny_pack.result, lambda info: "")
    lines = " ".join(t for _, t in cover_lines(sc, facts, tiny_pack.result, "en"))
    assert "Planned with a 30-minute margin: every coach is planned to be in by 00:30, 30 minutes before 01:00" in lines
    zh = " ".join(t for _, t in cover_lines(sc, facts, tiny_pack.result, "zh"))
    assert text("cover.margin", "zh", m=30, by="00:30", latest="01:00") in zh
    plain = cover_facts(sc, tiny_pack.plan, tiny_pack.result, lambda info: "")
    assert "margin" not in " ".join(t for _, t in cover_lines(sc, plain, tiny_pack.result, "en"))


def test_chinese_lines_do_not_break_inside_a_time_or_a_figure() -> None:
    """The cover wraps Chinese anywhere but inside '01:00', '43.4%' or 'C01' (a time split as '0' / '1:00' misreads)."""
    from whatif.cover_page import wrap

    text = ("计划留出 30 分钟余量：所有车辆计划在 00:30 前到达，比 01:00 提前 30 分钟；仿真夜晚仍按 01:00 判断，"
            "做不到的夜晚不超过 43.4%。")
    for columns in range(20, 90):
        lines = wrap(text, columns, "zh")
        assert "".join(lines) == text
        for before, after in itertools.pairwise(lines):
            assert not (re.search(r"[0-9.:%]$", before) and re.match(r"[0-9.:%]", after)), (columns, lines)


def test_a_long_cover_goes_on_to_a_second_page_never_over_the_page_number() -> None:
    """A cover with many alternatives (a plan far below the target) continues on a page headed '（续）': no line
    is written below the page number's band or off the page, and nothing is lost."""
    from whatif.cover_page import BOTTOM, text_pages

    body = [("p", f"第 {k} 段：计划留出 30 分钟余量，所有车辆在 01:30 前到达。") for k in range(60)]
    lines = [("h", "一、人员"), *body, ("h", "七、方案说明"), ("p", "最后一段")]
    pages = text_pages("点对点劳务输送 · 会商材料", lines, "zh")
    assert len(pages) == 2
    texts = [(t.get_position()[1], t.get_text()) for page in pages for t in page.texts]
    assert all(y >= BOTTOM for y, _ in texts)
    shown = "".join(t for _, t in texts)
    assert "点对点劳务输送 · 会商材料（续）" in shown and "七、方案说明" in shown and "最后一段" in shown
    assert all(f"第 {k} 段" in shown for k in range(60))


def test_pack_books_a_standby_coach_and_refuses_an_unknown_type(tmp_path: Path, capsys) -> None:
    """``pack --standby-coach TYPE``: the pack's plan books it (simulated, counted in the cost); an unknown type is
    one line before any planning."""
    from planning.cost import trip_cost
    from whatif.cli import main

    plain = build_pack("tiny", lang="en", replications=2, seed=1, plan_time_limit=5, alternatives="quick")
    pack = build_pack("tiny", lang="en", replications=2, seed=1, plan_time_limit=5, alternatives="quick",
                      standby=("minibus_12",))
    assert pack.plan.standby == ("minibus_12",) and plain.plan.standby == ()
    fixed = pack.scenario.fleet["minibus_12"].fixed_cost
    assert trip_cost(pack.scenario, pack.plan) == pytest.approx(trip_cost(plain.scenario, plain.plan) + fixed)
    assert main(["pack", "tiny", "--out", str(tmp_path / "p"), "--lang", "en", "--standby-coach", "bus_99"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "bus_99 is not a coach type" in err[0] and not (tmp_path / "p").exists()
