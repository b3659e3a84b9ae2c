"""Fixtures for the simulation tests: the tiny scenario with round numbers and plans written by hand."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import scenarios
from planning.plan import Plan
from scenarios.scenario import Scenario

#: Every random part off, so times can be computed by hand.
DETERMINISTIC = {"random": False}
#: The night model with no coach failing to come and no worker missing the train: a test switches on the one it
#: tests (coach lateness stays as the scenario has it).
QUIET = {"disruptions.coach_no_show.enabled": False, "disruptions.missed_train.enabled": False}


def quiet(sc: Scenario) -> Scenario:
    """``sc`` with the QUIET night model."""
    return sc.with_night(QUIET)


def round_station(sc: Scenario) -> Scenario:
    """``sc`` with a station of round numbers: 300 m at 1 m/s, 2 s per person at a door, one desk of 20 s, no time
    to pull into or out of the bay."""
    station = dataclasses.replace(sc.station, walk_m=300.0, walk_speed_mps=(1.0, 1.0), alight_s_per_person=(2.0, 2.0),
                                  welcome_min=10.0, desks=1, desk_service_s=20.0, bays=1,
                                  board_s_per_person=(6.0, 6.0), bay_pull_in_min=0.0, bay_pull_out_min=0.0)
    return dataclasses.replace(sc, station=station)


def hand_plan(sc: Scenario, stops: list[tuple[str, list[str]]], coach_id: str = "C01", trip: int = 1,
              coach_type: str = "minibus_12", depart_min: float = 1335.0) -> Plan:
    """A plan that places the listed workers at the listed enterprises and carries them on one coach trip,
    stops in the given order; everyone else unplaced."""
    placement = pd.DataFrame({"enterprise_id": "", "district": "", "job": "", "reason": "unplaced"},
                             index=sc.workers.index)
    routes, manifest = [], []
    for order, (ent, workers) in enumerate(stops, start=1):
        district = sc.enterprises.at[ent, "district"]
        for w in workers:
            placement.loc[w] = (ent, district, "general", "hand")
        routes.append((coach_id, coach_type, trip, depart_min, order, ent, district, len(workers), 0.0, 0.0))
    boarding = [w for _, workers in reversed(stops) for w in workers]
    manifest = [(w, coach_id, trip, k + 1, placement.at[w, "enterprise_id"]) for k, w in enumerate(boarding)]
    return Plan(placement=placement,
                routes=pd.DataFrame(routes, columns=["coach_id", "coach_type", "trip", "depart_min", "stop_order",
                                                     "enterprise_id", "district", "workers", "arrive_min", "km"]),
                manifest=pd.DataFrame(manifest, columns=["worker_id", "coach_id", "trip", "boarding_order",
                                                         "enterprise_id"]))


@pytest.fixture(scope="session")
def tiny() -> Scenario:
    """The bundled tiny scenario (QUIET night): 8 workers in car 1, three enterprises, one 12-seat minibus."""
    return quiet(scenarios.load("tiny"))


@pytest.fixture(scope="session")
def two_enterprises_one_coach(tiny: Scenario) -> tuple[Scenario, Plan]:
    """Tiny with a round-number station; W1-W4 to T1, W5-W8 to T2; one minibus stopping at T2 then T1."""
    sc = round_station(tiny)
    return sc, hand_plan(sc, [("T2", ["W5", "W6", "W7", "W8"]), ("T1", ["W1", "W2", "W3", "W4"])])


@pytest.fixture(scope="session")
def bundled_2023() -> tuple[Scenario, Plan]:
    """The 2023 scenario with the greedy baseline plan."""
    from planning.baseline import baseline_plan

    sc = quiet(scenarios.load("dingxi_qingdao_2023"))
    return sc, baseline_plan(sc)


@pytest.fixture(scope="session")
def bundled_2025() -> tuple[Scenario, Plan]:
    """The 2025 scenario (one enterprise collects its own workers) with the greedy baseline plan."""
    from planning.baseline import baseline_plan

    sc = quiet(scenarios.load("dingxi_qingdao_2025"))
    return sc, baseline_plan(sc)


@pytest.fixture(scope="session")
def optimised_2023() -> tuple[Scenario, Plan]:
    """The 2023 scenario with its optimised plan (placement and routing, a fixed search length)."""
    from planning import make_plan

    sc = quiet(scenarios.load("dingxi_qingdao_2023"))
    return sc, make_plan(sc, max_iterations=3000)
