"""The meeting pack: every file written, Chinese in the PDF with the font embedded, nothing lost on failure."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.figure import Figure
from pypdf import PdfReader

from scenarios import ScenarioError
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
    assert len(PdfReader(str(tmp_path / "meeting_pack.pdf")).pages) == len(tiny_pack.figures)
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
    monkeypatch.setattr("planning.export.write_workbook", _disk_full)


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
    """The final rename of the staging folder fails (after the earlier pack was moved aside)."""
    import os

    rename = os.rename

    def swap_fails(src, dst):
        if ".tmp-" in str(src):
            _disk_full()
        rename(src, dst)

    monkeypatch.setattr("scenarios.io.os.rename", swap_fails)


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
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(names), "no temporary files left behind"
