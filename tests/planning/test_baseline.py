"""The greedy baseline: the plan an optimised plan is compared with must itself keep the rules."""

from __future__ import annotations

import pytest

import scenarios
from planning.baseline import baseline_plan
from planning.check import check_plan


@pytest.mark.parametrize("name", ["dingxi_qingdao_2023", "dingxi_qingdao_2024", "dingxi_qingdao_2025"])
def test_the_baseline_of_a_bundled_night_passes_the_checker(name: str) -> None:
    sc = scenarios.load(name)
    plan = baseline_plan(sc)
    assert check_plan(sc, plan) == []  # no ride over max_ride_min, no stop after latest_arrival, seats kept
    ride = plan.routes.groupby(["coach_id", "trip"]).apply(
        lambda t: t["arrive_min"].max() - t["depart_min"].iloc[0], include_groups=False)
    assert ride.max() <= sc.policy.max_ride_min + 1e-6


def test_the_baseline_takes_the_nearest_stop_next(tiny) -> None:
    plan = baseline_plan(tiny)
    for _, trip in plan.routes.sort_values("stop_order").groupby(["coach_id", "trip"]):
        stops = trip["enterprise_id"].tolist()
        here = "station"
        for i, stop in enumerate(stops):
            left = stops[i:]
            minutes, _ = tiny.travel_model.legs([here], left)
            assert minutes[0][0] <= minutes[0].min() + 1e-9
            here = stop
