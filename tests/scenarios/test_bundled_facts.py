"""The bundled nights agree with the reports they are named after, read from the plan (``shared/facts``):
2023 reaches all 127 enterprises with its 531 workers, 2024 reaches 300 or more, and in 2025 exactly one enterprise
collects its own workers, 20 or more of them."""

from __future__ import annotations

import pandas as pd

import scenarios
from planning import make_plan
from planning.own import own_vehicle_capacity
from planning.placement import place


def _reached(placement: pd.DataFrame) -> set[str]:
    return set(placement.loc[placement["enterprise_id"] != "", "enterprise_id"].astype(str))


def test_2023_plan_takes_531_workers_to_all_127_enterprises() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = make_plan(sc, max_iterations=100)  # the routes deliver whoever is placed (checked by make_plan)
    assert len(plan.placed) == len(sc.workers) == 531
    assert _reached(plan.placement) == set(plan.routes["enterprise_id"].astype(str)) and len(
        set(plan.routes["enterprise_id"])) == len(sc.enterprises) == 127
    assert any("127 enterprises has a returning worker" in s for s in sc.meta.synthetic)  # the choice, said


def test_2024_placement_reaches_300_or_more_enterprises() -> None:
    sc = scenarios.load("dingxi_qingdao_2024")
    assert len(_reached(place(sc).placement)) >= 300


def test_2025_one_enterprise_collects_20_or_more_of_its_workers() -> None:
    """The placement puts at an own-vehicle enterprise only whom its vehicle brings in time (``planning.own``)."""
    sc = scenarios.load("dingxi_qingdao_2025")
    own = sc.enterprises.index[sc.enterprises["pickup"] == "own"]
    assert len(own) == 1
    collected = int((place(sc).placement["enterprise_id"] == own[0]).sum())
    assert 20 <= collected <= own_vehicle_capacity(sc)[own[0]]
