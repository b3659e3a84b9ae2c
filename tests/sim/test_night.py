"""compile_night: a plan that does not fit the scenario is a ScenarioError saying what to fix."""

from __future__ import annotations

import dataclasses

import pytest

from scenarios.errors import ScenarioError
from sim import simulate
from sim.night import compile_night
from tests.sim.conftest import hand_plan


def test_doors_follow_cars_and_alternate(tiny) -> None:
    night = compile_night(tiny, hand_plan(tiny, [("T1", ["W1"])]))
    assert night.door.tolist() == [0, 1, 0, 1, 0, 1, 0, 1]


def test_plan_without_routes(tiny) -> None:
    plan = dataclasses.replace(hand_plan(tiny, [("T1", ["W1"])]), routes=None, manifest=None)
    with pytest.raises(ScenarioError, match="no routes"):
        simulate(tiny, plan)


def test_worker_on_a_coach_that_does_not_stop_at_their_enterprise(tiny) -> None:
    plan = hand_plan(tiny, [("T1", ["W1"])])
    plan.placement.loc["W1", "enterprise_id"] = "T2"
    with pytest.raises(ScenarioError, match="does not stop there"):
        compile_night(tiny, plan)


def test_travel_matrix_needs_only_the_legs_driven(tmp_path) -> None:
    import shutil

    import yaml

    import scenarios
    from scenarios.loader import DATA_DIR

    folder = tmp_path / "tiny"
    shutil.copytree(DATA_DIR / "tiny", folder)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp_path / "qingdao_districts.csv")
    (folder / "times.csv").write_text("from,to,minutes,km\nstation,T2,11,5\nT2,T1,17,9\nT1,station,23,12\n",
                                      encoding="utf-8")
    raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    raw["travel"].update(mode="matrix", matrix="times.csv")
    (folder / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    sc = scenarios.load(folder)
    night = compile_night(sc, hand_plan(sc, [("T2", ["W5"]), ("T1", ["W1"])]))
    assert night.trips[0].leg_min == [11.0, 17.0] and night.trips[0].return_min == 23.0


def test_a_long_leg_shares_the_roads_of_the_districts_it_drives_through(bundled_2023) -> None:
    """From Qingdao North to Pingdu the way runs through Chengyang or Jiaozhou; a leg inside Huangdao stays there."""
    sc, plan = bundled_2023
    night = compile_night(sc, plan)
    districts = list(sc.districts.index)
    ent_district = sc.enterprises["district"]
    w = night.leg_weights
    assert w.shape == (night.n_legs, len(districts))
    assert abs(w.sum(axis=1) - 1).max() < 1e-12
    first = {trip.leg_offset: ent_district[night.enterprise_ids[trip.stops[0]]] for trip in night.trips}
    to_pingdu = [i for i, d in first.items() if d == "pingdu"]
    assert to_pingdu
    on_the_way = w[to_pingdu][:, [districts.index("chengyang"), districts.index("jiaozhou")]].sum(axis=1)
    assert (on_the_way > 0.2).all() and (w[to_pingdu, districts.index("pingdu")] > 0.2).all()
