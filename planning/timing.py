"""Planned times of a coach trip: one place for the estimates every planner and re-planner uses."""

from __future__ import annotations

import pandas as pd

from scenarios.scenario import Scenario

#: Planned minutes from the train's arrival to the first coaches' departure: alighting (600 people, 16 doors,
#: ~2 s each: ~1.5 min), the walk (350 m at 1 m/s: ~6 min), the welcome (15 min), desks and boarding (~20 min).
PLANNED_DEPARTURE_AFTER_ARRIVAL_MIN = 45.0
#: Planned minutes a coach spends at a stop (parking, luggage out), plus seconds per worker dropped: estimates.
STOP_MIN = 2.5
STOP_S_PER_WORKER = 10.0


def planned_departure(sc: Scenario) -> float:
    """When the first coaches are planned to leave, minutes from midnight (a known train delay included)."""
    return sc.arrival_min + sc.train.delay_min + PLANNED_DEPARTURE_AFTER_ARRIVAL_MIN


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
