"""KPIs and their summary: the largest crowd, KPI documentation, summaries."""

from __future__ import annotations

import numpy as np
import pytest

from sim import simulate
from sim.events import largest_crowd
from sim.kpis import KPI_DOCS


def test_largest_crowd_counts_leaving_before_arriving_at_the_same_time() -> None:
    assert largest_crowd(np.array([0.0, 1.0, 1.0, 2.0]), np.array([1.0, 3.0, np.nan, 2.5])) == 3
    assert largest_crowd(np.array([np.nan]), np.array([np.nan])) == 0


def test_summary_has_every_kpi_with_an_interval(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=5, seed=3)
    summary = result.summary()
    assert list(summary["kpi"]) == list(KPI_DOCS)
    row = summary.set_index("kpi").loc["last_checkin_min"]
    assert row["ci_low"] <= row["mean"] <= row["ci_high"] and row["n"] == 5
    assert (result.kpis["largest_crowd"] == 8).all()
    assert result.kpis["seat_use"].tolist() == pytest.approx([8 / 12] * 5)
    assert (result.kpis["share_by_deadline"] == 1.0).all()


def test_by_district(bundled_2023) -> None:
    sc, plan = bundled_2023
    result = simulate(sc, plan, replications=3, seed=2)
    table = result.by_district()
    assert set(table["district"]) == set(plan.placement["district"]) - {""}
    assert table["workers"].sum() == len(sc.workers)
    assert (table["share_by_deadline"].between(0, 1)).all()
    assert table["p95_checkin_min"].is_monotonic_decreasing


def test_result_prints_briefly(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=3, seed=1)
    assert "kpis=" not in repr(result) and "replications=3" in repr(result)
    assert str(result).startswith("tiny: 3 replications, seed 1") and "last check-in" in str(result)
