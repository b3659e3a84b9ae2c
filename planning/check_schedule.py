"""``check_schedule``: the coach trips of a Plan against the policy, with times recomputed from the travel model.

Nothing here trusts the planner's own times: each trip is driven again leg by leg from its departure (travel model,
plus the planned minutes at each stop), and the stops, ride, deadline, districts and the order of a coach's trips
are judged on those recomputed times.
"""

from __future__ import annotations

import itertools

import pandas as pd

from planning.timing import stop_minutes
from scenarios.errors import Msg
from scenarios.scenario import Scenario

#: Minutes by which a planned time may differ from the recomputed one (rounding in exports and plan.json).
TOLERANCE_MIN = 0.5


def _trip(sc: Scenario, coach: str, trip: int, stops: pd.DataFrame, strict: bool) -> tuple[list[str], float, float]:
    """Violations of one trip, its departure and when it is back at the station (recomputed)."""
    out = []
    pol = sc.policy
    name = Msg("chk.trip", coach=coach, trip=trip)
    ents = stops["enterprise_id"].tolist()
    order = stops["stop_order"].astype(int).tolist()
    if order != list(range(1, len(order) + 1)):
        out.append(Msg("chk.stop_order", name=name, order=str(order), n=len(order)))
    if len(stops) > pol.max_stops:
        out.append(Msg("chk.max_stops", name=name, n=len(stops), limit=pol.max_stops))
    districts = sorted(set(sc.enterprises.loc[ents, "district"].astype(str)))
    if pol.one_district_per_coach and len(districts) > 1:
        out.append(Msg("chk.districts", name=name, n=len(districts), districts=", ".join(districts)))
    if stops["depart_min"].nunique() > 1:
        out.append(Msg("chk.departures", name=name, n=stops["depart_min"].nunique()))
    depart = float(stops["depart_min"].iloc[0])
    ctype = sc.fleet.get(str(stops["coach_type"].iloc[0]))
    if ctype is not None and depart < sc.minutes(ctype.available_from) - TOLERANCE_MIN:
        out.append(Msg("chk.too_early", name=name, depart=sc.clock(depart), available=ctype.available_from))
    minutes, _ = sc.travel_model.legs(["station", *ents], ["station", *ents])
    clock, prev, last = depart, 0, depart
    for k, (ent, workers, planned) in enumerate(zip(ents, stops["workers"], stops["arrive_min"], strict=True), 1):
        clock += float(minutes[prev, k])
        if abs(clock - float(planned)) > TOLERANCE_MIN:
            out.append(Msg("chk.timing", name=name, ent=ent, at=sc.clock(clock), planned=sc.clock(planned)))
        last = clock
        clock += stop_minutes(int(workers))
        prev = k
    if last - depart > pol.max_ride_min + TOLERANCE_MIN:
        out.append(Msg("chk.ride", name=name, m=f"{last - depart:.0f}", limit=f"{pol.max_ride_min:g}"))
    if strict and last > sc.latest_arrival_min + TOLERANCE_MIN:
        out.append(Msg("chk.late", name=name, at=sc.clock(last), deadline=pol.latest_arrival))
    return out, depart, clock + float(minutes[prev, 0])


def check_schedule(sc: Scenario, plan: object, strict: bool = True) -> list[str]:
    """Stops, ride time, deadline, districts, departures and each coach's trips in order (one trip if open).

    Not ``strict``: trips after ``latest_arrival`` and second trips on open routes are allowed (a plan made with
    ``strict=False`` lists them in its warnings).
    """
    routes = getattr(plan, "routes", None)
    if routes is None or routes.empty:
        return []
    routes = routes.astype({"coach_id": str, "coach_type": str, "enterprise_id": str})
    out: list[str] = []
    spans: dict[str, list[tuple[int, float, float]]] = {}
    for (coach, trip), stops in routes.groupby(["coach_id", "trip"], sort=True):
        stops = stops.sort_values("stop_order")
        if not stops["enterprise_id"].isin(sc.enterprises.index).all():
            continue  # unknown enterprises are reported by check_rows and check_manifest
        found, depart, back = _trip(sc, str(coach), int(trip), stops, strict)
        out += found
        spans.setdefault(str(coach), []).append((int(trip), depart, back))
    for coach, trips in sorted(spans.items()):
        if strict and sc.policy.routes == "open" and len(trips) > 1:
            out.append(Msg("chk.open_trips", coach=coach, n=len(trips)))
        for (t0, _, back), (t1, depart, _) in itertools.pairwise(trips):
            if depart < back - TOLERANCE_MIN:
                out.append(Msg("chk.overlap", coach=coach, t1=t1, depart=sc.clock(depart), t0=t0, back=sc.clock(back)))
    return out
