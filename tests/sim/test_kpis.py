"""KPIs and their summary: the largest crowd, KPI documentation, summaries."""

from __future__ import annotations

import numpy as np
import pytest

from sim import simulate
from sim.events import largest_crowd
from sim.kpis import KPI_DOCS, PROPORTION_DOCS, summarize
from sim.stats import wilson


def test_largest_crowd_counts_leaving_before_arriving_at_the_same_time() -> None:
    assert largest_crowd(np.array([0.0, 1.0, 1.0, 2.0]), np.array([1.0, 3.0, np.nan, 2.5])) == 3
    assert largest_crowd(np.array([np.nan]), np.array([np.nan])) == 0


def test_summary_has_every_kpi_with_an_interval(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=5, seed=3)
    summary = result.kpi_table()
    assert list(summary["kpi"]) == [*KPI_DOCS, *PROPORTION_DOCS]
    row = summary.set_index("kpi").loc["last_checkin_min"]
    assert row["ci_low"] <= row["mean"] <= row["ci_high"] and row["n"] == 5
    assert row["min"] <= row["p5"] <= row["p50"] <= row["p95"] <= row["max"]
    assert (result.kpis["largest_crowd"] == 8).all()
    assert result.kpis["seat_use"].tolist() == pytest.approx([8 / 12] * 5)
    assert (result.kpis["share_by_deadline"] == 1.0).all()


def test_by_district_is_per_replication_then_summarised(bundled_2023) -> None:
    sc, plan = bundled_2023
    result = simulate(sc, plan, replications=3, seed=2)
    table = result.by_district()
    assert set(table["district"]) == set(plan.placement["district"]) - {""}
    assert table["workers"].sum() == len(sc.workers)
    assert (table["share_by_deadline"].between(0, 1)).all() and (table["p_on_time"].between(0, 1)).all()
    assert table["p95_checkin_min"].is_monotonic_decreasing
    tl = result.timelines
    d = table["district"].iloc[0]
    last = tl[tl["district"] == d].groupby("replication")["checked_in"].max()
    row = table.set_index("district").loc[d]
    assert row["last_checkin_min"] == pytest.approx(last.mean())  # the mean of each night's last, not the pooled max
    assert row["last_checkin_p95_min"] == pytest.approx(last.quantile(0.95))


def test_night_level_proportions_have_wilson_intervals_inside_0_1() -> None:
    import pandas as pd

    kpis = pd.DataFrame({name: [0.0] * 40 for name in KPI_DOCS})
    kpis["late_checkins"] = [0] * 38 + [3, 5]
    kpis["last_checkin_min"] = [100.0] * 39 + [200.0]
    kpis["share_by_deadline"] = [1.0] * 39 + [0.99]
    kpis["after_deadline"] = [2] + [0] * 38 + [1]  # night 39 fails twice (closed and late), night 0 once
    kpis["long_rides"] = [1] * 10 + [0] * 30  # beside the headline: not counted in it
    k = summarize(kpis, 0.95, deadline_min=150.0).set_index("kpi")
    assert (k.loc["p_on_time", "mean"], k.loc["p_on_time", "ci_low"], k.loc["p_on_time", "ci_high"]) == \
        pytest.approx(wilson(37, 40))
    assert k.loc["p_closed", "mean"] == pytest.approx(2 / 40)
    assert k.loc["p_after_deadline", "mean"] == pytest.approx(2 / 40)
    assert k.loc["p_long_ride", "mean"] == pytest.approx(10 / 40) and k.loc["p_long_wait", "mean"] == 0
    assert k.loc["share_by_deadline", "ci_high"] <= 1.0  # a share's interval never passes 100%
    share, lo, hi = wilson(40, 40)
    assert share == 1.0 and hi == 1.0 and 0.9 < lo < 0.92  # 0.912 (Wilson 1927; Agresti and Coull 1998)


def test_summary_is_text_for_people_in_chinese_or_english(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=5, seed=3)
    zh, en = result.summary(), result.summary(lang="en")
    assert isinstance(zh, str) and "准时率" in zh and "最后一人入住" in zh and "5%/50%/95%" in zh
    assert "on time" in en and "late check-ins" in en and "nights with someone after 01:00" in en


def test_result_prints_briefly(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=3, seed=1)
    assert "kpis=" not in repr(result) and "replications=3" in repr(result)
    assert str(result).startswith("tiny: 3 replications, seed 1") and "last check-in" in str(result)
