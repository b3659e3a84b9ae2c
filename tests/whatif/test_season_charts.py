"""The season charts as a planner reads them: two arrivals of one day stay two, the fullest day fits."""

from __future__ import annotations

from pathlib import Path

import yaml

from planning.season import plan_season
from scenarios.season import load_season
from tests.whatif.small_season import two_night_season
from whatif.season import simulate_season
from whatif.season_charts import calendar_chart, risk_chart


def _same_day_season(root: Path) -> Path:
    """Two trains on 02-01 (20:30 and 21:30) and one on 02-02."""
    folder = two_night_season(root)
    doc = yaml.safe_load((folder / "season.yaml").read_text(encoding="utf-8"))
    first, second = doc["arrivals"]
    doc["arrivals"] = [{**first, "arrival": "20:30"}, {**first, "id": "A3"}, second]
    (folder / "season.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return folder


def test_two_trains_of_one_day_are_two_blocks_and_never_hide_each_other(tmp_path: Path) -> None:
    sp = plan_season(load_season(_same_day_season(tmp_path)), n_jobs=1)
    cal = calendar_chart(sp).axes[0]
    blocks = [(p.get_x(), p.get_y(), p.get_height()) for p in cal.patches]
    assert len(blocks) == 3  # one block per arrival, the second of 02-01 stacked on the first
    assert sorted(round(y) for _, y, _ in blocks) == [0, 0, 3]
    assert cal.get_ylim()[1] >= 1.05 * 6  # the fullest day (3 + 3 workers) below the top, not cut by it
    labels = [t.get_text() for t in cal.get_xticklabels()]
    assert len(labels) == len(set(labels)) and "02-01" in labels  # a short season ticks each day once
    risk = risk_chart(simulate_season(sp, replications=2, seed=0, n_jobs=1)).axes[0]
    xs = [x for line in risk.lines for x in line.get_xdata()]
    assert len(set(xs)) == 3  # the two of 02-01 side by side (points and their interval caps share an x)
