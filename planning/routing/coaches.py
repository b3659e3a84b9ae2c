"""The districts' trips onto physical coaches by the fleet master (``fleet.solve_fleet``), as the Plan's rows.

Every district search hands over its route pool; each route becomes a trip column for every coach type that seats
it. The fleet master chooses the trips and which coach drives each (a second trip on closed routes once its coach
is back), counting coaches first, then the objective's ride minutes, km or cost.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from planning.plan import ROUTE_COLUMNS
from planning.routing.evaluate import RouteEval, evaluate_route
from planning.routing.fleet import COACH_WEIGHT, FleetChoice, Trip, solve_fleet
from planning.routing.problem import RoutingProblem
from planning.routing.result import RoutingResult, Stop
from scenarios.scenario import Scenario

#: Routes of each district's pool offered to the fleet master (best solutions first).
POOL_PER_DISTRICT = 80
#: Branch-and-bound nodes of the fleet master: a count, so that the plan does not depend on the machine's load.
FLEET_NODES = 30


@dataclass(frozen=True)
class TripRef:
    """Where a trip column comes from: its district, stops (node, workers) and evaluation."""

    district: str
    stops: list[Stop]
    ev: RouteEval


def secondary_cost(problem: RoutingProblem, ev: RouteEval, type_id: str) -> float:
    """The objective's cost of one trip, coaches aside: ride minutes, km, weighted, or per-km cost."""
    vt = problem.vehicle_type(type_id)
    if problem.objective == "cost":
        return vt.cost_per_distance * ev.distance
    return problem.route_cost(ev.distance, ev.ride_minutes, vt)


def trip_columns(
    sc: Scenario, problems: dict[str, RoutingProblem], results: dict[str, RoutingResult]
) -> tuple[list[Trip], list[str]]:
    """Trip columns of every district (each pool route on each coach type that seats it) and the item keys."""
    trips: list[Trip] = []
    items: list[str] = []
    for name, res in results.items():
        problem = problems[name]
        routes: list[tuple[tuple[str, ...], list[Stop]]] = []
        for j, route in enumerate(res.routes[: res.direct_routes]):
            routes.append(((f"{name}|d{j}",), route))
        for its, stops in res.pool[:POOL_PER_DISTRICT]:
            routes.append((tuple(f"{name}|{i}" for i in its), stops))
        seen: set[str] = set()
        for keys, stops in routes:
            seen.update(keys)
            load = sum(q for _, q in stops)
            for vt in problem.vehicle_types:
                if vt.capacity < load - 1e-9 or sc.fleet[vt.id].count <= 0:
                    continue
                ev = evaluate_route(problem, stops, vt)
                if not ev.feasible:
                    continue
                last_node, last_qty = stops[-1]
                duration = ev.arrivals[-1] + problem.service(last_qty) + float(problem.times[last_node, 0])
                cost = secondary_cost(problem, ev, vt.id)
                trips.append(Trip(keys, vt.id, cost, ev.arrivals[-1], duration, TripRef(name, stops, ev)))
        items.extend(sorted(seen))
    return trips, items


def coach_weights(sc: Scenario, problem: RoutingProblem) -> dict[str, float]:
    """What one coach of each type costs in the fleet master: its fixed cost, or coaches first (small types win)."""
    if problem.objective == "cost":
        return {tid: float(ct.fixed_cost) for tid, ct in sc.fleet.items()}
    return {tid: COACH_WEIGHT + 0.01 * ct.seats for tid, ct in sc.fleet.items()}


def fleet_plan(
    sc: Scenario,
    problems: dict[str, RoutingProblem],
    results: dict[str, RoutingResult],
    depart: float,
    time_limit: float,
    node_limit: int | None = FLEET_NODES,
) -> tuple[pd.DataFrame, FleetChoice] | None:
    """The Plan's route rows from the fleet master, or None when it finds no plan (the caller explains why)."""
    if not problems:
        return None
    trips, items = trip_columns(sc, problems, results)
    if not trips:
        return None
    closed = sc.policy.routes == "closed"
    window = sc.latest_arrival_min - depart if closed else None
    fleet = {tid: ct.count for tid, ct in sc.fleet.items() if ct.count > 0}
    some = next(iter(problems.values()))
    choice = solve_fleet(trips, items, fleet, window, time_limit, node_limit, coach_weights(sc, some))
    if choice is None:
        return None
    return rows_for(sc, problems, trips, choice, depart), choice


def rows_for(
    sc: Scenario, problems: dict[str, RoutingProblem], trips: list[Trip], choice: FleetChoice, depart: float
) -> pd.DataFrame:
    """One row per stop: coaches numbered by their first trip's last drop (latest first)."""
    rows = []
    for n, coach in enumerate(choice.coaches, 1):
        coach_id = f"C{n:02d}"
        leave = depart
        for trip_no, k in enumerate(coach, 1):
            trip = trips[k]
            ref = trip.ref
            assert isinstance(ref, TripRef)
            problem = problems[ref.district]
            labels = problem.labels or ()
            prev = 0
            for order, ((node, qty), arrive) in enumerate(zip(ref.stops, ref.ev.arrivals, strict=True), 1):
                ent = labels[node]
                km = float(problem.distance[prev, node])
                district = sc.enterprises.at[ent, "district"]
                row = (coach_id, trip.type_id, trip_no, leave, order, ent, district, round(qty), leave + arrive, km)
                rows.append(row)
                prev = node
            leave += trip.duration
    return pd.DataFrame(rows, columns=list(ROUTE_COLUMNS))
