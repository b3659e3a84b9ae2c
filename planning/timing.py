"""Planned times of a coach trip: one place for the estimates every planner and re-planner uses."""

from __future__ import annotations

import pandas as pd

from scenarios.scenario import Scenario

#: Planned minutes a coach spends at a stop (parking, luggage out), plus seconds per worker dropped: estimates.
STOP_MIN = 2.5
STOP_S_PER_WORKER = 10.0


def reception_minutes(sc: Scenario) -> float:
    """Planned minutes from the train's arrival until the coaches can leave, from the station's own figures.

    Alighting (the busiest door, mean seconds per person), the walk (mean speed), the welcome, the gift-pack desks
    (everyone through ``desks`` parallel desks) and boarding the largest coach. The simulation plays each of these
    out with its randomness; this is the plan's deterministic estimate of the same.
    """
    st, train = sc.station, sc.train
    per_door = len(sc.workers) / (train.cars * train.doors_per_car)
    alight = per_door * sum(st.alight_s_per_person) / 2 / 60
    walk = st.walk_m / (sum(st.walk_speed_mps) / 2) / 60
    desks = len(sc.workers) * st.desk_service_s / st.desks / 60
    seats = max((c.seats for c in sc.fleet.values() if c.count > 0), default=0)
    board = seats * sum(st.board_s_per_person) / 2 / 60
    return alight + walk + st.welcome_min + desks + board


def planned_departure(sc: Scenario) -> float:
    """When the first coaches are planned to leave, minutes from midnight (a known train delay included)."""
    return sc.arrival_min + sc.train.delay_min + reception_minutes(sc)


def stop_minutes(workers: int) -> float:
    """Planned minutes spent at a stop dropping ``workers``."""
    return STOP_MIN + STOP_S_PER_WORKER * workers / 60.0


def retime(sc: Scenario, routes: pd.DataFrame) -> pd.DataFrame:
    """Recompute ``arrive_min`` and ``km`` of every stop from each trip's ``depart_min`` and stop order."""
    out = routes.sort_values(["coach_id", "trip", "stop_order"]).copy()
    arrive, km = [], []
    for _, trip in out.groupby(["coach_id", "trip"], sort=False):
        stops = trip["enterprise_id"].tolist()
        legs_min, legs_km = sc.travel_model.legs(["station", *stops[:-1]], stops)
        clock = float(trip["depart_min"].iloc[0])
        for i, workers in enumerate(trip["workers"]):
            clock += float(legs_min[i, i])
            arrive.append(clock)
            km.append(float(legs_km[i, i]))
            clock += stop_minutes(int(workers))
    out["arrive_min"] = arrive
    out["km"] = km
    return out.reset_index(drop=True)


def trip_end(sc: Scenario, routes: pd.DataFrame) -> pd.Series:
    """When each (coach_id, trip) is back at the station: last arrival, its stop time and the drive back."""
    last = routes.sort_values("stop_order").groupby(["coach_id", "trip"]).last()
    back, _ = sc.travel_model.legs(list(last["enterprise_id"]), ["station"])
    return last["arrive_min"] + [stop_minutes(int(w)) for w in last["workers"]] + back[:, 0]
