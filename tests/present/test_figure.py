"""Charts display themselves in Jupyter (image/png, no pyplot, no magic) and save with the vendored font."""

from __future__ import annotations

import io
import subprocess
import sys

import matplotlib as mpl
from matplotlib.figure import Figure

from present.figure import Chart, figure
from present.fonts import rc

PNG = b"\x89PNG\r\n\x1a\n"


def test_a_chart_is_a_figure_with_a_png_display() -> None:
    with mpl.rc_context(rc("zh")):  # as the library's charts draw
        fig = figure("zh", figsize=(4, 3))
        fig.add_subplot().set_title("已入住人数")
    assert isinstance(fig, Chart) and isinstance(fig, Figure)
    png = fig._repr_png_()
    assert png.startswith(PNG) and len(png) > 1000


def test_ipython_shows_the_chart_as_an_image_without_pyplot() -> None:
    """The formatter of a fresh IPython (no %matplotlib, pyplot never imported) gives image/png."""
    code = (
        "import sys\n"
        "from IPython.core.interactiveshell import InteractiveShell\n"
        "from present.figure import figure\n"
        "fig = figure('en', figsize=(3, 2)); fig.add_subplot().plot([0, 1])\n"
        "data, _ = InteractiveShell.instance().display_formatter.format(fig)\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "print(sorted(data))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "image/png" in out, out


def test_saving_uses_the_charts_font_settings_whatever_the_session_has() -> None:
    with mpl.rc_context(rc("zh")):
        fig = figure("zh", figsize=(3, 2))
        fig.add_subplot().set_title("车辆甘特图")
    buffer = io.BytesIO()
    with mpl.rc_context({"pdf.fonttype": 3}):
        fig.savefig(buffer, format="pdf")
    assert b"/FontFile2" in buffer.getvalue()  # TrueType embedded (Type 42), as rc('zh') asks


def test_every_chart_of_the_library_displays_inline() -> None:
    """Gantt, check-ins, crowd, the route map, options side by side and the pack's cover are all Charts."""
    import pandas as pd

    import planning
    import scenarios
    import sim
    from planning.map import routes_map
    from whatif.charts import options_chart
    from whatif.pack import cover_page

    sc = scenarios.load("tiny")
    plan = planning.make_plan(sc, time_limit=5)
    run = sim.simulate(sc, plan, replications=2, seed=1)
    summary = pd.DataFrame({"variant": ["a"], "kpi": ["seat_use"], "mean": [0.5], "ci_low": [0.4], "ci_high": [0.6]})
    charts = [run.gantt(), run.checkin_chart(lang="en"), run.crowd_chart(), routes_map(sc, plan, "zh"),
              options_chart(summary, ["seat_use"], "zh"), cover_page(sc, plan, run, "zh")]
    for chart in charts:
        assert isinstance(chart, Chart), type(chart)
        assert chart._repr_png_().startswith(PNG)
