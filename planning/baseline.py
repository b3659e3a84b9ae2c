"""A simple greedy plan: the baseline an optimised plan must beat, and a plan for tests of later layers.

Placement: returning workers to their employer, then each worker to the first enterprise with a post for one of
their skills (in the wished district when there is one). Routing: per district, enterprises nearest the station
first, coaches filled in order (largest type first), a new coach when seats or stops run out.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

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


def baseline_routes(sc: Scenario, placement: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Greedy routes and manifest for the placed workers of coach-served enterprises."""
    coach_ents = set(sc.coach_enterprises.index)
    placed = placement[placement["enterprise_id"].isin(coach_ents)]
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
        minutes, _ = sc.travel_model.from_station(ents)
        queue = [(e, list(group.index[group["enterprise_id"] == e])) for e in np.array(ents)[np.argsort(minutes)]]
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
            load: list[tuple[str, list[str]]] = []
            room = seats
            while queue and room > 0 and len(load) < sc.policy.max_stops:
                ent, workers = queue[0]
                take, rest = workers[:room], workers[room:]
                load.append((ent, take))
                room -= len(take)
                if rest:
                    queue[0] = (ent, rest)
                else:
                    queue.pop(0)
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
