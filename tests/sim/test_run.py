"""simulate(): seeds, common random numbers, lean and full logs, parallel runs, conservation, a day of trains."""

from __future__ import annotations

import dataclasses
import itertools

import numpy as np
import pandas as pd
import pytest

from scenarios.errors import ScenarioError
from sim import simulate, simulate_day
from sim.events import MILESTONES

REASONS = {"", "missed_train", "unplaced", "not_in_plan"}
DISRUPTED = {"disruptions.missed_train.enabled": True, "disruptions.missed_train.p_per_worker": 0.02,
             "disruptions.late_train.enabled": True, "disruptions.late_train.p": 0.5,
             "disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 0.5}


def assert_conserved(result) -> None:
    """Every worker of every replication is checked in once or not delivered with a reason; never both."""
    tl = result.timelines
    n = len(result.workers)
    assert len(tl) == n * result.replications
    assert not tl.duplicated(["replication", "worker_id"]).any()
    done = tl["checked_in"].notna()
    lost = tl["not_delivered"] != ""
    assert (done ^ lost).all()
    assert set(tl["not_delivered"]) <= REASONS
    carried = tl[done]
    for a, b in itertools.pairwise(MILESTONES[:-1]):
        assert (carried[a] <= carried[b] + 1e-9).all(), f"{a} after {b}"
    present = tl[tl["not_delivered"] != "missed_train"]
    assert present["off_train"].notna().all()
    per_rep = tl.groupby("replication")
    assert (per_rep["checked_in"].count() + per_rep["not_delivered"].apply(lambda s: (s != "").sum()) == n).all()
    kpis = result.kpis.set_index("replication")
    assert (kpis["checked_in"] + kpis["not_delivered"] == n).all()


def test_same_seed_same_log_different_seed_differs(tiny) -> None:
    from planning.baseline import baseline_plan

    plan = baseline_plan(tiny)
    a = simulate(tiny, plan, replications=4, seed=11)
    b = simulate(tiny, plan, replications=4, seed=11)
    c = simulate(tiny, plan, replications=4, seed=12)
    assert a.log == "full" and (a.events["kind"] == "worker").any()
    pd.testing.assert_frame_equal(a.events, b.events)
    assert not a.events["minutes"].equals(c.events["minutes"])


def test_lean_log_gives_the_same_timelines_and_kpis(bundled_2023) -> None:
    sc, plan = bundled_2023
    full = simulate(sc, plan, replications=3, seed=9, options={"log": "full"})
    lean = simulate(sc, plan, replications=3, seed=9, options={"log": "lean"})
    assert not (lean.events["kind"] == "worker").any()
    pd.testing.assert_frame_equal(full.timelines, lean.timelines)
    pd.testing.assert_frame_equal(full.kpis, lean.kpis)
    pd.testing.assert_frame_equal(full.trips, lean.trips)


def test_parallel_run_equals_serial_run(tiny) -> None:
    from planning.baseline import baseline_plan

    plan = baseline_plan(tiny)
    serial = simulate(tiny, plan, replications=6, seed=3, options={"n_jobs": 1})
    parallel = simulate(tiny, plan, replications=6, seed=3, options={"n_jobs": 2, "parallel_min_replications": 2})
    assert parallel.info["jobs"] == 2
    pd.testing.assert_frame_equal(serial.events, parallel.events)
    pd.testing.assert_frame_equal(serial.timelines, parallel.timelines)  # categories too, in the same order
    pd.testing.assert_frame_equal(serial.kpis, parallel.kpis)


def test_common_random_numbers_across_variants(bundled_2023) -> None:
    sc, plan = bundled_2023
    more_desks = dataclasses.replace(sc, station=dataclasses.replace(sc.station, desks=8))
    a = simulate(sc, plan, replications=5, seed=21)
    b = simulate(more_desks, plan, replications=5, seed=21)
    np.testing.assert_array_equal(a.kpis["train_delay_min"], b.kpis["train_delay_min"])
    np.testing.assert_array_equal(a.timelines["at_hall"], b.timelines["at_hall"])
    assert (b.kpis["p50_checkin_min"] <= a.kpis["p50_checkin_min"] + 1e-9).all()  # same draws, more desks


def test_workers_conserved_with_every_disruption(bundled_2023) -> None:
    sc, plan = bundled_2023
    result = simulate(sc, plan, replications=6, seed=8, options=DISRUPTED)
    assert_conserved(result)
    assert result.kpis["not_delivered"].sum() > 0
    assert (result.timelines["not_delivered"] == "missed_train").sum() == result.kpis["not_delivered"].sum()


def test_workers_conserved_with_own_vehicles_and_unplaced(bundled_2025) -> None:
    sc, plan = bundled_2025
    result = simulate(sc, plan, replications=3, seed=1)
    assert_conserved(result)
    own = result.timelines[result.timelines["vehicle"].str.startswith("own:")]
    assert len(own) > 0
    ents = sc.enterprises
    own_ids = set(ents.index[ents["pickup"] == "own"])
    assert set(own["enterprise_id"]) <= own_ids
    first_own = own.groupby("vehicle")["departed"].min()
    for vehicle, departed in first_own.items():
        assert departed >= ents.at[vehicle.split(":", 1)[1], "own_arrival_min"]
    unplaced = (plan.placement["enterprise_id"] == "").sum()
    assert (result.kpis["not_delivered"] == unplaced).all()


def test_day_of_two_trains_shares_the_station(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    later = dataclasses.replace(sc, train=dataclasses.replace(sc.train, arrival="21:35"))
    day = simulate_day([(sc, plan), (later, plan)], replications=2, seed=1, options={"random": False})
    assert_conserved(day)
    tl = day.timelines[day.timelines["replication"] == 0].set_index("worker_id")
    assert {"T1/W1", "T2/W1"} <= set(tl.index)
    assert set(day.trips["vehicle"]) == {"T1/C01", "T2/C01"}
    # One desk for both trains: the second train's first worker waits for the first train's desk queue.
    one = simulate(later, plan, 1, 0, {"random": False}).timelines.set_index("worker_id")
    assert tl.loc["T2/W1", "past_desk"] >= one.loc["W1", "past_desk"]


def test_bad_arguments_are_scenario_errors(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    with pytest.raises(ScenarioError, match="replications"):
        simulate(sc, plan, replications=0)
    with pytest.raises(ScenarioError, match="seed"):
        simulate(sc, plan, seed=-1)
    with pytest.raises(ScenarioError, match="replications"):
        simulate(sc, plan, replications=2.5)  # type: ignore[arg-type]
    assert simulate(sc, plan, replications=np.int64(2), seed=np.int64(1)).replications == 2
    with pytest.raises(ScenarioError, match=r"options\.welcom"):
        simulate(sc, plan, options={"welcom": "ceremony"})


def test_auto_log_keeps_worker_rows_for_the_first_replications(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    auto = simulate(sc, plan, replications=5, seed=2, options={"full_log_replications": 2})
    full = simulate(sc, plan, replications=5, seed=2, options={"log": "full"})
    assert auto.log == "full for replications 0-1, lean after" and full.log == "full"
    assert set(auto.events.loc[auto.events["kind"] == "worker", "replication"]) == {0, 1}
    pd.testing.assert_frame_equal(auto.timelines, full.timelines)
    pd.testing.assert_frame_equal(auto.kpis, full.kpis)


def test_common_random_numbers_make_differences_precise(bundled_2023) -> None:
    sc, plan = bundled_2023
    fewer = dataclasses.replace(sc, station=dataclasses.replace(sc.station, desks=sc.station.desks - 2))
    lean = {"log": "lean", "n_jobs": 1}
    a = simulate(sc, plan, 15, 1, lean).kpis["p50_checkin_min"]
    paired = simulate(fewer, plan, 15, 1, lean).kpis["p50_checkin_min"] - a
    unpaired = simulate(fewer, plan, 15, 2, lean).kpis["p50_checkin_min"] - a
    assert paired.std() < 0.2 * unpaired.std()
    assert (paired > 0).all()  # fewer desks: later, in every replication


def test_invariant_checks_catch_a_broken_run(two_enterprises_one_coach) -> None:
    from sim.checks import SimulationInvariantError, assert_sound, check_run
    from sim.lean import plain

    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=2, seed=1)
    assert check_run(result.timelines, result.trips, 8, 2) == []
    broken = plain(result.timelines)  # text, so a new word can go in
    broken.loc[0, "not_delivered"] = "missed_train"
    broken.loc[1, "checked_in"] = float("nan")
    trips = result.trips.assign(aboard=99)
    with pytest.raises(SimulationInvariantError, match=r"both checked in.*neither.*over their seats"):
        assert_sound(broken, trips, 8, 2)


def test_same_seed_writes_byte_identical_files(tiny, tmp_path) -> None:
    from planning.baseline import baseline_plan

    plan = baseline_plan(tiny)
    a = simulate(tiny, plan, replications=2, seed=5).write(tmp_path / "a", lang="en")
    b = simulate(tiny, plan, replications=2, seed=5).write(tmp_path / "b", lang="en")
    assert [p.name for p in a] == [p.name for p in b] and any(p.suffix == ".gz" for p in a)
    differ = [p.name for p, q in zip(a, b, strict=True) if p.read_bytes() != q.read_bytes()]
    assert not differ, differ
