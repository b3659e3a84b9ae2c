"""The plan's station model: departures per coach that the simulation agrees with, and its parts one by one."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pandas as pd
import pytest

import scenarios
import sim
from planning import make_plan
from planning.routing.result import RoutingResult
from planning.routing.schedule import routed_trips, schedule_trips
from planning.station import (
    GATHER_MIN,
    StationModel,
    StationTrip,
    depart_by_station,
    dispatch,
    door_positions,
    median_train_delay,
    planned_departure,
    station_bays,
    station_schedule,
)
from scenarios import Scenario, ScenarioError
from scenarios.model import TrainDelay
from sim.config import SimConfig
from sim.night import compile_night
from sim.train import alight_times, train_delay


def test_every_planned_departure_lies_in_its_simulated_5_to_95_percent_range() -> None:
    """2023 over 100 nights: each coach leaves, in the plan, inside the middle 90% of its simulated departures."""
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = make_plan(sc, max_iterations=3000)
    # The plan's own trips: no coach failing to come (whose trips another coach would drive as extra trips).
    run = sim.simulate(sc, plan, replications=100, seed=1, options={"disruptions.coach_no_show.enabled": False})
    trips = run.trips[run.trips["kind"] == "coach"]
    simulated = trips.groupby(["vehicle", "trip"])["departed"].quantile([0.05, 0.95]).unstack()
    planned = plan.routes.groupby(["coach_id", "trip"])["depart_min"].first()
    planned.index.names = simulated.index.names
    both = simulated.join(planned, how="outer")
    assert len(both) == plan.routes.groupby(["coach_id", "trip"]).ngroups and both.notna().all().all()
    outside = both[(both["depart_min"] < both[0.05]) | (both["depart_min"] > both[0.95])]
    assert outside.empty, outside
    # Not one departure for all: the four bays let coaches go one after another over about a quarter of an hour.
    assert planned.max() - planned.min() > 10


def test_median_train_delay_is_the_median_of_the_simulated_delays() -> None:
    """The plan's train delay is the median of the delays the simulation draws (mixture and lognormal tail)."""
    rng = np.random.default_rng(5)
    config = SimConfig()
    for delay in (TrainDelay(), TrainDelay(p_on_time=0.3), TrainDelay(kind="fixed", fixed_min=7.0)):
        train = dataclasses.replace(scenarios.load("tiny").train, delay=delay)
        draws = [train_delay(train, config, rng.random(2), rng.standard_normal()) for _ in range(20_000)]
        assert median_train_delay(delay) == pytest.approx(np.median(draws), abs=0.15)
    assert median_train_delay(TrainDelay(kind="none")) == 0.0


def test_door_positions_are_the_simulations_order_off_the_train(tiny: Scenario) -> None:
    """With one second per person, the simulation's minute off the train is the plan's place at the door."""
    plan = make_plan(tiny, max_iterations=200)
    night = compile_night(tiny, plan)
    off = alight_times(0.0, night.door, np.ones(len(night.door), dtype=bool), np.ones(len(night.door)))
    assert np.allclose(off * 60, door_positions(tiny))


def test_the_last_of_a_bigger_group_is_later_through_the_desks(tiny: Scenario) -> None:
    """One desk of 20 s for the roster: a group of all of them is at its sign when the last is served."""
    model = StationModel.of(tiny)
    n = len(tiny.workers)
    assert model.at_sign(n) == pytest.approx(model.desks_open_min + n * 20 / 60 + GATHER_MIN)
    assert model.at_sign(1) < model.at_sign(4) < model.at_sign(n)
    assert model.desks_open_min > model.arrival_min + tiny.station.welcome_min  # the walk comes first


def test_bays_go_to_the_waiting_trip_that_boards_quickest() -> None:
    """Two bays, three groups at their signs at 0: the two smaller board first, the big one takes the first free bay;
    a coach's second trip leaves after it is back (trace of departures)."""
    model = StationModel(0.0, -GATHER_MIN - 1.0, 1, 1, 1.0, 1.0, 2)  # every group at its sign at minute 0
    trips = [StationTrip("A", 1, 10, 0.0, 30.0), StationTrip("B", 1, 2, 0.0, 5.0), StationTrip("C", 1, 4, 0.0, 5.0),
             StationTrip("B", 2, 3, 0.0, 5.0)]
    assert dispatch(model, trips) == {("B", 1): 2.0, ("C", 1): 4.0, ("A", 1): 12.0, ("B", 2): 10.0}


def test_each_trip_boards_at_a_bay_free_when_it_boards() -> None:
    """2023: the bays of the dispatch are 1 to 4, and no two trips board at one bay at once."""
    sc = scenarios.load("dingxi_qingdao_2023")
    routes = make_plan(sc, max_iterations=300).routes
    bays = station_bays(sc, routes)
    assert set(bays) <= set(range(1, sc.station.bays + 1)) and len(bays) == routes.groupby(["coach_id", "trip"]).ngroups
    model = StationModel.of(sc)
    trips = routes.groupby(["coach_id", "trip"]).agg(depart=("depart_min", "first"), load=("workers", "sum"))
    trips["start"] = trips["depart"] - trips["load"] * model.board_min - model.bay_min
    for _, at_bay in trips.join(bays).groupby("bay"):
        at_bay = at_bay.sort_values("start")
        assert (at_bay["start"].iloc[1:].to_numpy() >= at_bay["depart"].iloc[:-1].to_numpy() - 1e-9).all()


def test_baseline_departures_come_from_the_station(tiny: Scenario) -> None:
    """The baseline's trips leave when the station lets them, no first trip after the bound routing measures from."""
    from planning.baseline import baseline_plan

    routes = baseline_plan(tiny).routes
    assert routes.equals(depart_by_station(tiny, routes))
    assert (routes.loc[routes["trip"] == 1, "depart_min"] <= planned_departure(tiny) + 1e-9).all()


def test_a_trip_the_station_holds_past_the_deadline_is_named(tiny: Scenario) -> None:
    """One minibus for two trips, routed as if it could leave the moment the train is in: the deadline that this
    meets, the station's own departures miss. Strict: an error naming the bays; otherwise a warning."""
    ((tid, _),) = tiny.fleet.items()
    groups = {"a": pd.Series({"T1": 8, "T2": 8})}
    results = {"a": RoutingResult([[(1, 8.0)], [(2, 8.0)]], [tid, tid], 1.0, 2, 1.0, 1.0, "optimal", 1.0, 0.0, 0.0)}
    early = StationModel.of(tiny).arrival_min
    first, second = sorted(routed_trips(tiny, groups, results), key=lambda t: -t.last)
    deadline = math.ceil(early + first.duration + second.last)
    policy = dataclasses.replace(tiny.policy, routes="closed", latest_arrival=tiny.clock(deadline))
    tight = dataclasses.replace(tiny, policy=policy)
    assert tight.latest_arrival_min == deadline
    routes = schedule_trips(tight, groups, results, early, strict=True).routes  # in time, leaving at `early`
    assert routes["trip"].max() == 2 and (routes["arrive_min"] <= deadline).all()
    timed, held = station_schedule(tight, routes, strict=False)
    assert (timed["depart_min"] > early).all() and held
    assert all("bays" in w and f"after {tight.policy.latest_arrival}" in w for w in held), held
    late = timed.groupby(["coach_id", "trip"])["arrive_min"].max()
    assert len(held) == int((late > deadline).sum())
    with pytest.raises(ScenarioError, match="cannot leave the station in time"):
        station_schedule(tight, routes, strict=True)
