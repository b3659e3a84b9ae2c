"""KPIs and their summary: Student t quantiles, confidence intervals, the largest crowd."""

from __future__ import annotations

import numpy as np
import pytest

from sim import simulate
from sim.events import largest_crowd
from sim.kpis import KPI_DOCS, mean_ci, t_quantile


@pytest.mark.parametrize(("p", "df", "exact"), [(0.975, 3, 3.182446), (0.975, 10, 2.228139), (0.975, 29, 2.045230),
                                                 (0.995, 29, 2.756386), (0.975, 999, 1.962341), (0.975, 1, 12.706205),
                                                 (0.975, 2, 4.302653)])
def test_t_quantile(p: float, df: int, exact: float) -> None:
    assert t_quantile(p, df) == pytest.approx(exact, abs=4e-3 if df < 10 else 1e-5)


def test_mean_ci() -> None:
    mean, lo, hi = mean_ci(np.array([1.0, 2.0, 3.0, 4.0]))
    assert mean == 2.5 and lo == pytest.approx(2.5 - 3.182446 * np.sqrt(5 / 3) / 2, abs=1e-2) and hi > mean


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
