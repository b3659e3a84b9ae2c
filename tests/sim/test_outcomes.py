"""``sim.outcomes``: a season's per-train numbers read from the recorders are the full simulation's, and stay put."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

import scenarios
from planning.plan import Plan
from scenarios.scenario import Scenario
from sim import simulate
from sim.checks import SimulationInvariantError
from sim.events import MILESTONES, Recorder
from sim.outcomes import _check, night_outcomes
from sim.risk import worker_flags
from sim.run import compile_arrivals

#: As a season runs an evening: the season's shared error of the planner's times, the lean log, one process.
SEASON = {"log": "lean", "n_jobs": 1, "season_seed": 11}


def _night(plan_2023: tuple[Scenario, Plan], desk_order: str) -> tuple[Scenario, Plan]:
    """2023 with its full night model, desks serving in ``desk_order`` and a latest arrival (01:25) that some
    nights miss; the baseline plan."""
    sc = scenarios.load("dingxi_qingdao_2023")
    sc = dataclasses.replace(sc, station=dataclasses.replace(sc.station, desk_order=desk_order),
                             policy=dataclasses.replace(sc.policy, latest_arrival="01:25"))
    return sc, plan_2023[1]


#: Per replication 0-5 of seed 5: workers counting against the night and the last check-in (minutes, rounded to
#: 1e-6), as the engine gave them when the season first ran through ``night_outcomes`` (and before it, ``simulate``).
PINNED = {"arrival": ([28, 0, 54, 47, 15, 26],
                      [1536.495912, 1507.143175, 1548.11949, 1548.50229, 1535.780965, 1541.508568]),
          "coach": ([0, 0, 31, 9, 0, 4],
                    [1523.125579, 1494.423048, 1535.433957, 1534.059149, 1521.944351, 1528.083455])}


@pytest.mark.parametrize("desk_order", ["arrival", "coach"])
def test_outcomes_are_the_full_simulations_numbers_and_do_not_move(bundled_2023, desk_order) -> None:
    sc, plan = _night(bundled_2023, desk_order)
    nights, config = compile_arrivals([(sc, plan)], SEASON)
    out = night_outcomes(nights, config, 5, range(6))
    full = simulate(sc, plan, 6, seed=5, options=SEASON)
    per = worker_flags(full.timelines, full.workers).groupby("replication")
    assert out.late[0].tolist() == per["bad"].sum().tolist()
    np.testing.assert_array_equal(out.last_checkin_min[0], per["checked_in"].max().to_numpy())  # to the bit
    assert out.ok[0].tolist() == (per["bad"].sum() == 0).tolist()
    late, last = PINNED[desk_order]
    assert out.late[0].tolist() == late and np.round(out.last_checkin_min[0], 6).tolist() == last


def test_replications_run_alone_give_the_same_numbers(bundled_2023) -> None:
    sc, plan = _night(bundled_2023, "arrival")
    nights, config = compile_arrivals([(sc, plan)], SEASON)
    some = night_outcomes(nights, config, 5, [4, 1])
    assert some.late[0].tolist() == [15, 0] and some.replications.tolist() == [4, 1]


def test_a_broken_replication_is_refused() -> None:
    rec = Recorder(["W1", "W2"], full=False)
    for m in MILESTONES[:-1]:
        rec.times[m] = [1.0, float("nan")]
    rec.lost = ["missed_train", ""]  # W1 both checked in and lost; W2 neither
    with pytest.raises(SimulationInvariantError, match=r"replication 3: .*both checked in.*neither"):
        _check(rec, 3)
    rec.lost = ["", "unplaced"]
    rec.rows = [(0.0, "vehicle", "C1", "at_station", "station", 0, 1, "coach"),
                (1.0, "vehicle", "C1", "departed", "station", 1, 2, "")]
    with pytest.raises(SimulationInvariantError, match="over their seats"):
        _check(rec, 0)
