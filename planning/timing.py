"""Planned times of a coach trip: one place for the estimates every planner and re-planner uses."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import pandas as pd

from scenarios.scenario import Scenario

#: Planned minutes a coach spends at a stop (parking, luggage out), plus seconds per worker dropped: estimates.
STOP_MIN = 2.5
STOP_S_PER_WORKER = 10.0


def stop_minutes(workers: int) -> float:
    """Planned minutes spent at a stop dropping ``workers``."""
    return STOP_MIN + STOP_S_PER_WORKER * workers / 60.0


@dataclass(frozen=True)
class TripClock:
    """A trip driven on the plan's clock: the arrival at each stop, and when the last stop's drop is done."""

    arrive: tuple[float, ...]
    done: float

    def back(self, return_min: float) -> float:
        """When the coach is back at the station, ``return_min`` after the last drop."""
        return self.done + return_min


def walk_trip(depart: float, leg_min: Sequence[float], workers: Sequence[int]) -> TripClock:
    """Drive one trip stop by stop: leg ``i`` leads to stop ``i``, where ``workers[i]`` get off.

    The one clock of a planned trip (routing's schedule, the baseline, re-timing and re-planning use it); the
    checker (``planning.check_schedule``) keeps its own on purpose.
    """
    clock, arrive = float(depart), []
    for leg, n in zip(leg_min, workers, strict=True):
        clock += float(leg)
        arrive.append(clock)
        clock += stop_minutes(int(n))
    return TripClock(tuple(arrive), clock)


W = TypeVar("W")
E = TypeVar("E")


def boarding_order(load: Sequence[tuple[E, Sequence[W]]]) -> list[tuple[W, E]]:
    """(worker, stop) in boarding order from (stop, workers) in driving order: the last stop boards first.

    Who gets off last sits at the back; within a stop, workers keep the order given.
    """
    return [(w, stop) for stop, workers in reversed(load) for w in workers]


def trip_legs(sc: Scenario, stops: list[str]) -> tuple[list[float], list[float]]:
    """Minutes and km of the legs station -> stop 1 -> stop 2 ... by the travel model."""
    legs_min, legs_km = sc.travel_model.legs(["station", *stops[:-1]], stops)
    return [float(legs_min[i, i]) for i in range(len(stops))], [float(legs_km[i, i]) for i in range(len(stops))]


def retime(sc: Scenario, routes: pd.DataFrame) -> pd.DataFrame:
    """Recompute ``arrive_min`` and ``km`` of every stop from each trip's ``depart_min`` and stop order."""
    out = routes.sort_values(["coach_id", "trip", "stop_order"]).copy()
    arrive: list[float] = []
    km: list[float] = []
    for _, trip in out.groupby(["coach_id", "trip"], sort=False):
        legs_min, legs_km = trip_legs(sc, trip["enterprise_id"].tolist())
        arrive.extend(walk_trip(float(trip["depart_min"].iloc[0]), legs_min, trip["workers"].tolist()).arrive)
        km.extend(legs_km)
    out["arrive_min"] = arrive
    out["km"] = km
    return out.reset_index(drop=True)


def trip_end(sc: Scenario, routes: pd.DataFrame) -> pd.Series:
    """When each (coach_id, trip) is back at the station: last arrival, its stop time and the drive back."""
    last = routes.sort_values("stop_order").groupby(["coach_id", "trip"]).last()
    back, _ = sc.travel_model.legs(list(last["enterprise_id"]), ["station"])
    return last["arrive_min"] + [stop_minutes(int(w)) for w in last["workers"]] + back[:, 0]
