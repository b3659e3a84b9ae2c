"""What a planner decides on: late check-ins, station practice, disruptions that bite, and paired comparisons."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from sim import simulate
from sim.stats import mean_ci


def _with(sc, section: str, **changes):
    return dataclasses.replace(sc, **{section: dataclasses.replace(getattr(sc, section), **changes)})


def test_a_late_train_brings_late_checkins_and_lowers_p_on_time(optimised_2023) -> None:
    sc, plan = optimised_2023
    base = simulate(sc, plan, replications=40, seed=1)
    late = simulate(_with(sc, "train", delay_min=90.0), plan, replications=40, seed=1)
    assert (late.kpis["late_checkins"] >= base.kpis["late_checkins"]).all()  # the same nights, 90 minutes later
    assert late.kpis["late_checkins"].mean() > 0
    p = {name: r.kpi_table().set_index("kpi").loc["p_on_time", "mean"] for name, r in (("base", base),
                                                                                        ("late", late))}
    assert p["late"] < p["base"]
    tl = late.timelines[late.timelines["late_checkin"]]
    close = sc.enterprises["checkin_close_min"].reindex(tl["enterprise_id"]).to_numpy()
    assert (tl["arrived"].to_numpy() > close).all()  # a late check-in reached a closed dormitory


def test_the_morning_policy_makes_late_workers_wait(optimised_2023) -> None:
    sc, plan = optimised_2023
    late = _with(sc, "train", delay_min=120.0)
    kept = simulate(late, plan, replications=5, seed=2)
    morning = simulate(_with(late, "policy", late_checkin="morning"), plan, replications=5, seed=2)
    assert (kept.kpis["late_checkins"] == morning.kpis["late_checkins"]).all()
    waited = morning.timelines[morning.timelines["late_checkin"]]
    assert len(waited) and (waited["checked_in"] >= sc.minutes(sc.policy.morning_checkin)).all()


def test_calling_groups_coach_by_coach_ends_the_night_earlier_paired(optimised_2023) -> None:
    sc, plan = optimised_2023
    line = simulate(sc, plan, replications=30, seed=3)
    by_coach = simulate(_with(sc, "station", desk_order="coach"), plan, replications=30, seed=3)
    by_sign = simulate(_with(sc, "station", desk_order="sign"), plan, replications=30, seed=3)
    diff = by_coach.kpis["last_checkin_min"] - line.kpis["last_checkin_min"]
    _, _, hi = mean_ci(diff.to_numpy())
    assert hi < 0  # earlier, and the paired interval says so
    assert by_coach.kpis["longest_wait_min"].mean() < line.kpis["longest_wait_min"].mean() / 2
    assert by_sign.kpis["longest_wait_min"].mean() < line.kpis["longest_wait_min"].mean()


def test_a_missing_coach_with_no_spare_lowers_p_on_time_where_the_fleet_is_tight(optimised_2023) -> None:
    sc, plan = optimised_2023
    used = plan.routes.groupby("coach_type")["coach_id"].nunique()
    tight = dataclasses.replace(sc, fleet={t: dataclasses.replace(c, count=int(used.get(t, 0)))
                                           for t, c in sc.fleet.items()})
    options = {"disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 1.0,
               "disruptions.coach_no_show.rule": "second_trip"}
    calm = simulate(tight, plan, replications=40, seed=4)
    short = simulate(tight, plan, replications=40, seed=4, options=options)
    p = [r.kpi_table().set_index("kpi").loc["p_on_time", "mean"] for r in (calm, short)]
    assert p[1] < p[0]
    assert short.kpis["last_checkin_min"].mean() > calm.kpis["last_checkin_min"].mean() + 10


def test_two_plans_share_their_luck_entity_by_entity(bundled_2023, optimised_2023) -> None:
    """Common random numbers by entity: the baseline and the optimised plan on the same nights (issue 13)."""
    sc, optimised = optimised_2023
    _, baseline = bundled_2023
    a = simulate(sc, baseline, replications=500, seed=1, options={"log": "lean"})
    b = simulate(sc, optimised, replications=500, seed=1, options={"log": "lean"})
    x, y = a.kpis["last_checkin_min"].to_numpy(), b.kpis["last_checkin_min"].to_numpy()
    assert np.corrcoef(x[:100], y[:100])[0, 1] >= 0.8  # the 100 nights
    paired = np.std(x - y, ddof=1)
    unpaired = np.sqrt(np.var(x, ddof=1) + np.var(y, ddof=1))
    # The ratio of the intervals' widths, on 500 nights: measured 3.12 (1,000 nights of another seed: 3.22). One
    # sample of 100 nights lands anywhere from about 2.7 to 3.6 (benchmarks/crn_pairing.py), too noisy to assert 3 on.
    assert unpaired / paired >= 3.0
    same_seed_other_plan = simulate(sc, optimised, replications=100, seed=2, options={"log": "lean"})
    z = same_seed_other_plan.kpis["last_checkin_min"].to_numpy()
    assert abs(np.corrcoef(x[:100], z)[0, 1]) < 0.3  # independent nights do not correlate


def test_the_same_coach_is_late_by_the_same_minutes_in_both_plans(bundled_2023, optimised_2023) -> None:
    sc, optimised = optimised_2023
    _, baseline = bundled_2023
    a = simulate(sc, baseline, replications=3, seed=5)
    b = simulate(sc, optimised, replications=3, seed=5)
    ta = a.trips[a.trips["trip"] == 1].set_index(["replication", "vehicle"])["at_station"]
    tb = b.trips[b.trips["trip"] == 1].set_index(["replication", "vehicle"])["at_station"]
    both = ta.index.intersection(tb.index)
    assert len(both) > 10
    np.testing.assert_allclose(ta[both].to_numpy(), tb[both].to_numpy())


@pytest.mark.parametrize("order", ["arrival", "coach", "sign"])
def test_every_desk_order_delivers_everyone_once(optimised_2023, order) -> None:
    sc, plan = optimised_2023
    result = simulate(_with(sc, "station", desk_order=order), plan, replications=2, seed=6)
    assert (result.kpis["checked_in"] == len(sc.workers)).all()
