"""Evaluate one route of a problem: distance, arrival times, ride minutes, cost, feasibility."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planning.routing.problem import RoutingProblem, VehicleType
from planning.routing.result import Stop

EPS = 1e-9


@dataclass(frozen=True)
class RouteEval:
    """Figures of one route for one vehicle type."""

    distance: float
    arrivals: tuple[float, ...]
    ride_minutes: float
    load: float
    cost: float
    feasible: bool


def evaluate_route(problem: RoutingProblem, stops: Sequence[Stop], vtype: VehicleType) -> RouteEval:
    """Distance, arrivals and objective cost of ``stops`` driven by ``vtype`` (depot implicit at both ends)."""
    dist = problem.distance
    tt = problem.times
    prev = 0
    clock = 0.0
    total = 0.0
    ride = 0.0
    load = 0.0
    arrivals = []
    for node, qty in stops:
        total += dist[prev, node]
        clock += tt[prev, node]
        arrivals.append(clock)
        ride += qty * clock
        clock += problem.service(qty)
        load += qty
        prev = node
    if not problem.open_routes and stops:
        total += dist[prev, 0]
    feasible = load <= vtype.capacity + EPS
    if problem.max_stops is not None and len(stops) > problem.max_stops:
        feasible = False
    limit = problem.ride_limit
    if limit is not None and arrivals and arrivals[-1] > limit + EPS:
        feasible = False
    cost = problem.route_cost(total, ride, vtype)
    return RouteEval(float(total), tuple(arrivals), float(ride), float(load), float(cost), feasible)


def best_type(problem: RoutingProblem, stops: Sequence[Stop]) -> tuple[VehicleType, RouteEval] | None:
    """The cheapest feasible vehicle type for ``stops`` (ignoring fleet counts), or None."""
    best: tuple[VehicleType, RouteEval] | None = None
    for vt in problem.vehicle_types:
        if vt.count == 0:
            continue
        ev = evaluate_route(problem, stops, vt)
        if not ev.feasible:
            continue
        key = (ev.cost, vt.fixed_cost, vt.capacity)
        if best is None or key < (best[1].cost, best[0].fixed_cost, best[0].capacity):
            best = (vt, ev)
    return best
