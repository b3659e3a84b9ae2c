"""A simple greedy plan: the baseline an optimised plan must beat, and a plan for tests of later layers.

Placement: returning workers to their employer, then each worker to the first enterprise with a post for one of
their skills (in the wished district when there is one). Routing, as a planner would by hand: per district, each
coach (largest type first) drives from the station to the nearest enterprise left, then always to the nearest next,
and a new coach starts when seats or stops run out or the next stop would break ``max_ride_min`` or
``latest_arrival`` (so the plan to beat keeps the rules; a coach's first stop is always taken).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from planning.own import coach_riders
from planning.plan import MANIFEST_COLUMNS, PLACEMENT_COLUMNS, ROUTE_COLUMNS, Plan
from planning.station import depart_by_station, planned_departure
from planning.timing import boarding_order, trip_legs, walk_trip
from scenarios.scenario import Scenario


def baseline_placement(sc: Scenario) -> pd.DataFrame:
    """Greedy placement with the Plan's placement columns."""
    left = sc.posts.copy()
    ent_district = sc.enterprises["district"]
    rows = {}
    for wid, w in sc.workers.iterrows():
        skills = [s for s in str(w["skills"]).split(";") if s in left.columns]
        skills.sort(key=lambda s: s == "general")  # a specialised post first
        choice = None
        candidates = []
        if w["returning_employer"]:
            candidates.append((w["returning_employer"], "returning"))
        if w["wish_district"]:
            candidates.extend((e, "wish_district") for e in ent_district.index[ent_district == w["wish_district"]])
        candidates.extend((e, "") for e in left.index)
        for ent, reason in candidates:
            job = next((s for s in skills if left.at[ent, s] > 0), None)
            if job is not None:
                choice = (ent, job, reason)
                break
        if choice is None:
            rows[wid] = ("", "", "", "no post left for the worker's skills")
            continue
        ent, job, reason = choice
        left.at[ent, job] -= 1
        rows[wid] = (ent, ent_district[ent], job, ";".join(filter(None, [reason, "skill"])))
    return pd.DataFrame.from_dict(rows, orient="index", columns=list(PLACEMENT_COLUMNS))


def _next_stop(sc: Scenario, here: str, queue: list[tuple[str, list[str]]]) -> int:
    """Index in ``queue`` of the enterprise nearest to ``here`` by driving minutes (ties: queue order)."""
    minutes, _ = sc.travel_model.legs([here], [e for e, _ in queue])
    return int(np.argmin(minutes[0]))


def _fill(sc: Scenario, start: float, seats: int, queue: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """One coach's load, taken from ``queue`` (changed in place): from the station always to the nearest stop left,
    while there are seats and stops, and the next stop is reached within ``max_ride_min`` of the departure and by
    ``latest_arrival`` (the first stop is always taken); an enterprise with more workers than seats is split."""
    load: list[tuple[str, list[str]]] = []
    room, here = seats, "station"
    while queue and room > 0 and len(load) < sc.policy.max_stops:
        i = _next_stop(sc, here, queue)
        ent, workers = queue[i]
        take = workers[:room]
        if load:
            legs, _ = trip_legs(sc, [e for e, _ in load] + [ent])
            arrive = walk_trip(start, legs, [len(w) for _, w in load] + [len(take)]).arrive[-1]
            if arrive - start > sc.policy.max_ride_min or arrive > sc.latest_arrival_min:
                break
        load.append((ent, take))
        room -= len(take)
        if len(take) < len(workers):
            queue[i] = (ent, workers[len(take):])
        else:
            queue.pop(i)
        here = ent
    return load


def baseline_routes(sc: Scenario, placement: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Greedy routes and manifest for the placed workers who go by coach (``planning.own.coach_riders``)."""
    placed = coach_riders(sc, placement[placement["enterprise_id"].astype(str) != ""])
    types = sorted(sc.fleet.items(), key=lambda kv: -kv[1].seats)
    free = [(name, ct.seats) for name, ct in types for _ in range(ct.count)]
    if not free:
        raise ValueError("the fleet has no coaches")
    depart = planned_departure(sc)
    route_rows: list[tuple] = []
    manifest_rows: list[tuple] = []
    coach_no = 0
    available_at: dict[str, float] = {}
    by_district = sc.policy.one_district_per_coach
    groups = placed.groupby("district", sort=True) if by_district else [("", placed)]
    for _, group in groups:
        ents = group["enterprise_id"].unique().tolist()
        queue = [(e, list(group.index[group["enterprise_id"] == e])) for e in ents]
        while queue:
            if coach_no < len(free):
                coach_type, seats = free[coach_no]
                coach_id, trip, start = f"C{coach_no + 1:02d}", 1, depart
                coach_no += 1
            else:  # second trip of the coach back earliest
                coach_id = min(available_at, key=lambda c: available_at[c])
                coach_type = next(r[1] for r in route_rows if r[0] == coach_id)
                seats = sc.fleet[coach_type].seats
                trip = 1 + max(r[2] for r in route_rows if r[0] == coach_id)
                start = available_at[coach_id]
            load = _fill(sc, start, seats, queue)
            stops = [e for e, _ in load]
            legs, kms = trip_legs(sc, stops)
            clock = walk_trip(start, legs, [len(workers) for _, workers in load])
            for order, ((ent, workers), arrive, km) in enumerate(zip(load, clock.arrive, kms, strict=True), start=1):
                district = sc.enterprises.at[ent, "district"]
                route_rows.append((coach_id, coach_type, trip, start, order, ent, district, len(workers), arrive, km))
            back, _ = sc.travel_model.legs([stops[-1]], ["station"])
            available_at[coach_id] = clock.back(float(back[0, 0]))
            manifest_rows.extend(
                (w, coach_id, trip, i + 1, ent) for i, (w, ent) in enumerate(boarding_order(load))
            )
    routes = depart_by_station(sc, pd.DataFrame(route_rows, columns=list(ROUTE_COLUMNS)))
    manifest = pd.DataFrame(manifest_rows, columns=list(MANIFEST_COLUMNS))
    return routes, manifest


def baseline_plan(sc: Scenario) -> Plan:
    """The greedy placement and routes as a Plan."""
    placement = baseline_placement(sc)
    routes, manifest = baseline_routes(sc, placement)
    return Plan(placement=placement, routes=routes, manifest=manifest)
