"""Charts: Chinese labels draw with the vendored font (no missing glyphs), PDFs embed it, write() is atomic."""

from __future__ import annotations

import io
import warnings

import matplotlib as mpl
import pytest
from fontTools.ttLib import TTFont

import scenarios
from present.catalog import CATALOG
from present.fonts import FONT_FILE, rc
from sim import simulate


@pytest.fixture(scope="module")
def result(two_enterprises_one_coach):
    """Three replications of the two-enterprise night."""
    sc, plan = two_enterprises_one_coach
    return simulate(sc, plan, replications=3, seed=1)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_charts_draw_without_missing_glyphs(result, lang: str) -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for fig in (result.gantt(0, lang), result.checkin_chart(lang), result.crowd_chart(lang)):
            with mpl.rc_context(rc(lang)):
                fig.savefig(io.BytesIO(), format="png", dpi=50)
    assert not [w for w in caught if "missing from font" in str(w.message)], [str(w.message) for w in caught]



@pytest.mark.parametrize("chart", ["gantt", "checkin_chart", "crowd_chart"])
def test_legends_sit_outside_the_plot(result, chart: str) -> None:
    fig = getattr(result, chart)(lang="en")
    with mpl.rc_context(rc("en")):
        fig.savefig(io.BytesIO(), format="png", dpi=50)  # lays the figure out
    (ax,) = fig.axes
    assert ax.get_legend() is None and len(fig.legends) == 1
    legend, plot, page = fig.legends[0].get_window_extent(), ax.get_window_extent(), fig.bbox
    assert legend.y1 <= plot.y0 and not legend.overlaps(plot), (legend, plot)
    assert page.x0 <= legend.x0 and legend.x1 <= page.x1 and page.y0 <= legend.y0  # kept inside the saved image

def test_pdf_embeds_the_vendored_font(result) -> None:
    from pypdf import PdfReader

    fig = result.checkin_chart("zh")
    buffer = io.BytesIO()
    with mpl.rc_context(rc("zh")):
        fig.savefig(buffer, format="pdf")
    reader = PdfReader(io.BytesIO(buffer.getvalue()))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    names = {str(fonts[k].get_object()["/BaseFont"]) for k in fonts}
    assert any("NotoSansSC-LT" in n for n in names), names
    font = next(fonts[k].get_object() for k in fonts if "NotoSansSC-LT" in str(fonts[k].get_object()["/BaseFont"]))
    if "/DescendantFonts" in font:  # Type 0 font with a CIDFontType2 descendant
        font = font["/DescendantFonts"][0].get_object()
    assert "/FontFile2" in font["/FontDescriptor"].get_object()  # the TrueType program itself is embedded


def test_font_covers_labels_and_bundled_names() -> None:
    with TTFont(FONT_FILE) as font:
        cmap = font.getBestCmap()
    text = "".join(zh for key, (_, zh) in CATALOG.items() if key.startswith("chart."))
    for name in scenarios.bundled_names():
        sc = scenarios.load(name)
        text += "".join(sc.enterprises["name"]) + "".join(sc.districts["name_zh"]) + "".join(sc.workers["name"])
    missing = sorted({c for c in text if not c.isspace() and ord(c) not in cmap and c not in "{}"})
    assert not missing, missing


def test_write_is_complete_and_atomic(result, tmp_path) -> None:
    written = result.write(tmp_path / "out", lang="zh")
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert names == sorted(p.name for p in written)
    assert {"kpis.csv", "summary.csv", "events.csv.gz", "gantt.png", "checkins.png", "crowd.png"} <= set(names)
    assert not [n for n in names if n.startswith(".")]


def test_charts_of_a_night_where_nobody_came(two_enterprises_one_coach, tmp_path) -> None:
    sc, plan = two_enterprises_one_coach
    empty = simulate(sc, plan, replications=2, seed=1, options={"disruptions.missed_train.enabled": True,
                                                                "disruptions.missed_train.p_per_worker": 1.0})
    assert (empty.kpis["checked_in"] == 0).all() and empty.kpis["last_checkin_min"].isna().all()
    names = {p.name for p in empty.write(tmp_path, lang="en")}
    assert {"gantt.png", "checkins.png", "crowd.png"} <= names
    with pytest.raises(scenarios.ScenarioError, match="lang"):
        empty.write(tmp_path / "fr", lang="fr")
    assert not (tmp_path / "fr").exists()


def test_the_gantt_of_a_night_a_coach_did_not_come_says_so(two_enterprises_one_coach) -> None:
    """A Gantt chart of a disrupted night says so in its title (the coach that did not come has no bar)."""
    sc, plan = two_enterprises_one_coach
    run = simulate(sc, plan, replications=1, seed=1, options={"disruptions.coach_no_show.enabled": True,
                                                              "disruptions.coach_no_show.p": 1.0})
    assert (run.events["event"] == "no_show").any()
    gone = run.events.loc[run.events["event"] == "no_show", "entity"].astype(str).iloc[0]
    assert run.gantt(0, lang="zh").axes[0].get_title().endswith(f"；这一晚预订的车没来：{gone}")  # named
    assert "did not come" in run.gantt(0, lang="en").axes[0].get_title()
    calm = simulate(sc, plan, replications=1, seed=1)
    assert "did not come" not in calm.gantt(0, lang="en").axes[0].get_title()
