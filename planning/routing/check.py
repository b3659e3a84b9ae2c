"""An independent checker of routing results: recomputes every figure from the problem's own arrays."""

from __future__ import annotations

import math
from collections import Counter

from planning.routing.problem import RoutingProblem
from planning.routing.result import RoutingResult

TOL = 1e-6


def check_routes(problem: RoutingProblem, result: RoutingResult) -> list[str]:
    """Everything wrong with ``result`` for ``problem``; an empty list when it is fine."""
    errors: list[str] = []
    n = problem.n_nodes
    if len(result.routes) != len(result.route_types):
        return [f"{len(result.routes)} routes but {len(result.route_types)} route types"]
    types = {v.id: v for v in problem.vehicle_types}
    delivered = [0.0] * n
    total_cost = 0.0
    total_dist = 0.0
    total_ride = 0.0
    used: Counter[str] = Counter()
    for k, (route, type_id) in enumerate(zip(result.routes, result.route_types, strict=True), 1):
        vt = types.get(type_id)
        if vt is None:
            errors.append(f"route {k}: unknown vehicle type {type_id!r}")
            continue
        used[type_id] += 1
        if not route:
            errors.append(f"route {k}: empty route")
            continue
        prev, clock, dist, ride, load = 0, 0.0, 0.0, 0.0, 0.0
        last_arrival = 0.0
        for node, qty in route:
            if not 0 < node < n:
                errors.append(f"route {k}: node {node} is not a customer")
                break
            if qty <= 0:
                errors.append(f"route {k}: non-positive quantity {qty} at node {node}")
            dist += float(problem.distance[prev][node])
            if problem.travel_time is not None:
                clock += float(problem.travel_time[prev][node])
            last_arrival = clock
            ride += qty * clock
            clock += problem.service_fixed + problem.service_per_unit * qty
            load += qty
            delivered[node] += qty
            prev = node
        if not problem.open_routes:
            dist += float(problem.distance[prev][0])
        if load > vt.capacity + TOL:
            errors.append(f"route {k}: load {load:g} above capacity {vt.capacity:g} of {type_id}")
        if problem.max_stops is not None and len(route) > problem.max_stops:
            errors.append(f"route {k}: {len(route)} stops, limit {problem.max_stops}")
        if problem.max_ride is not None and last_arrival > problem.max_ride + TOL:
            errors.append(f"route {k}: ride of {last_arrival:.1f} min above the limit {problem.max_ride:g}")
        if problem.deadline is not None and last_arrival > problem.deadline + TOL:
            errors.append(f"route {k}: last drop at {last_arrival:.1f} min, deadline {problem.deadline:g}")
        total_dist += dist
        total_ride += ride
        if problem.objective in ("distance", "vehicles_then_km"):
            total_cost += dist
        elif problem.objective == "cost":
            total_cost += vt.fixed_cost + vt.cost_per_distance * dist
        elif problem.objective == "vehicles_then_weighted":
            total_cost += ride + problem.km_weight * dist
        else:
            total_cost += ride
    for node in range(1, n):
        want = float(problem.demand[node])
        got = delivered[node]
        if abs(got - want) > TOL:
            errors.append(f"node {node}: delivered {got:g}, demand {want:g}")
    for node in range(1, n):
        visits = sum(1 for route in result.routes for s in route if s[0] == node)
        if visits > 1 and not problem.split_delivery:
            errors.append(f"node {node}: visited {visits} times without split delivery")
    for type_id, count in used.items():
        limit = types[type_id].count if type_id in types else None
        if limit is not None and count > limit:
            errors.append(f"vehicle type {type_id}: {count} routes, fleet {limit}")
    if result.vehicles != len(result.routes):
        errors.append(f"reported {result.vehicles} vehicles, {len(result.routes)} routes")
    if not math.isclose(total_cost, result.cost, rel_tol=1e-9, abs_tol=1e-6):
        errors.append(f"reported cost {result.cost:.6f}, recomputed {total_cost:.6f}")
    if not math.isclose(total_dist, result.distance, rel_tol=1e-9, abs_tol=1e-6):
        errors.append(f"reported distance {result.distance:.6f}, recomputed {total_dist:.6f}")
    if not math.isclose(total_ride, result.ride_minutes, rel_tol=1e-9, abs_tol=1e-6):
        errors.append(f"reported ride minutes {result.ride_minutes:.6f}, recomputed {total_ride:.6f}")
    return errors
