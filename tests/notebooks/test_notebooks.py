"""Every notebook runs from top to bottom with small settings, is stored with no outputs, and shows what it says:
each cell tagged ``chart`` produced an image (``image/png``), each cell tagged ``summary`` a rich table
(``text/html``), in a fresh kernel with no ``%matplotlib`` magic."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
#: Small settings per notebook (papermill parameters), so the suite stays fast.
SMALL = {
    "01_quick_start.ipynb": {"replications": 4},
    "02_placement.ipynb": {"time_limit": 10.0},
    "03_routing.ipynb": {"scenario": "tiny", "time_limit": 5.0},
    "04_simulation.ipynb": {"replications": 30, "scenario": "tiny"},
    "05_what_if.ipynb": {"replications": 3, "delays": [0], "coach_counts": [14, 18]},
    "06_meeting_pack.ipynb": {"replications": 4},
    "07_season.ipynb": {"arrivals": 3, "iterations": 300, "replications": 5},
    "08_fleet.ipynb": {"scenario": "tiny", "iterations": 300, "max_nights": 120},
    "09_review.ipynb": {"replications": 20},
    "10_spring_wind.ipynb": {"posts": 1200, "seekers": 360, "fairs": 4},
}
#: The notebooks whose tables a planner reads: Chinese headers and clock times, no machine words in what is shown.
PLANNER_TABLES = ("01_quick_start.ipynb", "05_what_if.ipynb", "07_season.ipynb", "08_fleet.ipynb")
MACHINE_WORDS = re.compile(r"p_on_time|coach_53|qingdao_north|\btrain\b|\bNaN\b|\bnan\b|\bTrue\b|\bFalse\b|\w+_min\b|no plan")
#: A cell whose last line shows a chart of the library (it must be tagged ``chart``).
CHART_CALL = re.compile(r"(_chart\(|\.gantt\(|routes_map\(|\.figures\[)")


def _code(book: dict) -> list[dict]:
    return [c for c in book["cells"] if c["cell_type"] == "code"]


def _tags(cell: dict) -> list[str]:
    return cell.get("metadata", {}).get("tags", [])


def test_every_notebook_has_small_settings() -> None:
    assert [p.name for p in NOTEBOOKS] == sorted(SMALL)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_no_outputs_and_a_parameters_cell(path: Path) -> None:
    book = json.loads(path.read_text(encoding="utf-8"))
    code = _code(book)
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "strip the outputs"
    assert any("parameters" in _tags(c) for c in code)
    assert sum(len("".join(c["source"]).splitlines()) for c in code) <= 120, "keep notebooks short"
    assert not any("%matplotlib" in "".join(c["source"]) for c in code), "charts must show with no magic"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_cells_that_draw_charts_are_tagged(path: Path) -> None:
    book = json.loads(path.read_text(encoding="utf-8"))
    for cell in _code(book):
        lines = "".join(cell["source"]).strip().splitlines()
        if lines and CHART_CALL.search(lines[-1]) and not lines[-1].rstrip().endswith(";"):
            assert "chart" in _tags(cell), f"tag this cell 'chart': {lines[-1]}"


def _mimetypes(cell: dict) -> set[str]:
    return {m for out in cell.get("outputs", []) for m in out.get("data", {})}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_and_shows_charts_and_tables(path: Path, tmp_path: Path) -> None:
    import papermill

    params = dict(SMALL[path.name])
    if path.name == "06_meeting_pack.ipynb":
        params["out"] = str(tmp_path / "pack")
    done = tmp_path / path.name
    papermill.execute_notebook(str(path), str(done), parameters=params, cwd=str(tmp_path),
                               kernel_name="python3", progress_bar=False)
    book = json.loads(done.read_text(encoding="utf-8"))
    for cell in _code(book):
        source = "".join(cell["source"]).strip().splitlines()[-1:]
        kinds = _mimetypes(cell)
        if "chart" in _tags(cell):
            assert "image/png" in kinds, f"{path.name}: no image from {source}: {kinds}"
        if "summary" in _tags(cell):
            assert "text/html" in kinds, f"{path.name}: no rich table from {source}: {kinds}"
        text = json.dumps(cell.get("outputs", []), ensure_ascii=False)
        assert "<Figure size" not in text, f"{path.name}: a chart printed as text in {source}"
    if path.name in PLANNER_TABLES:
        _check_tables(path.name, book)
    printed = "".join("".join(out.get("text", "")) for cell in _code(book) for out in cell.get("outputs", [])
                      if out.get("output_type") == "stream")
    if path.name == "05_what_if.ipynb":  # the sliders open on the scenario's own fleet: a valid plan
        cell = next(c for c in _code(book) if "one_option()" in "".join(c["source"]))
        slider = json.dumps(cell.get("outputs", []), ensure_ascii=False)
        assert "无有效方案" not in slider and "text/html" in slider, slider[:300]
    if path.name == "01_quick_start.ipynb":  # the scenario in short, in the notebook's language (Chinese)
        assert "务工人员 531 人" in printed and "检查通过" in printed and "workers:" not in printed, printed[:300]


def _check_tables(name: str, book: dict) -> None:
    """The rich tables of an executed notebook as a planner sees them: every header Chinese, clock times, and no
    column name, raw flag or missing-value marker of the machine tables."""
    shown = ["".join(out.get("data", {}).get("text/html", "")) for cell in _code(book)
             for out in cell.get("outputs", [])]
    html = " ".join(h for h in shown if h)
    heads = [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>(.*?)</th>", html, flags=re.S)]
    assert heads, f"{name}: no table shown"
    assert all(re.search(r"[\u4e00-\u9fff]", h) for h in heads if h), f"{name}: headers not Chinese: {heads}"
    words = re.sub(r"<[^>]+>", " ", html)
    assert re.search(r"(?<![\d:])(次日 )?[0-2]\d:[0-5]\d(?![\d:])", words), f"{name}: no clock time shown"
    found = MACHINE_WORDS.findall(words)
    assert not found, f"{name}: machine words shown: {sorted(set(found))}"


def test_the_sliders_of_05_are_named_in_the_notebooks_language() -> None:
    """Each slider of the what-if notebook carries a description in the notebook's language, not its argument name
    (``delay_min``, ``coach_53``): the words are the catalog's, here in Chinese."""
    import scenarios
    from present.catalog import text
    from present.columns import header
    from whatif.labels import coach_name

    book = json.loads((ROOT / "notebooks" / "05_what_if.ipynb").read_text(encoding="utf-8"))
    source = "\n".join("".join(c["source"]) for c in _code(book))
    sliders = re.findall(r"IntSlider\((.*?)continuous_update", source, flags=re.S)
    assert len(sliders) == 2 and all("description=" in s for s in sliders)
    assert header("train_delay_min", "zh") == "列车晚点（分钟）"
    base = scenarios.load("tiny")
    assert text("col.n_type", "zh", name=coach_name(base, "minibus_12", "zh")) == "中巴（12座）（辆）"
