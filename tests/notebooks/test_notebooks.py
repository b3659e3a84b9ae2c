"""Every notebook runs from top to bottom with small settings, and none is stored with outputs."""

from __future__ import annotations

import json
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
    "05_what_if.ipynb": {"replications": 3, "delays": [0, 60], "coach_counts": [10]},
    "06_meeting_pack.ipynb": {"replications": 4},
}


def test_six_notebooks() -> None:
    assert [p.name for p in NOTEBOOKS] == sorted(SMALL)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_has_no_outputs_and_a_parameters_cell(path: Path) -> None:
    book = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in book["cells"] if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), "strip the outputs"
    assert any("parameters" in c.get("metadata", {}).get("tags", []) for c in code)
    assert sum(len("".join(c["source"]).splitlines()) for c in code) <= 120, "keep notebooks short"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, tmp_path: Path) -> None:
    import papermill

    params = dict(SMALL[path.name])
    if path.name == "06_meeting_pack.ipynb":
        params["out"] = str(tmp_path / "pack")
    papermill.execute_notebook(str(path), str(tmp_path / path.name), parameters=params, cwd=str(tmp_path),
                               kernel_name="python3", progress_bar=False)
