"""Exact solve for small problems: enumerate every feasible route, then set partitioning to optimality."""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

import numpy as np

from planning.routing.evaluate import EPS, evaluate_route
from planning.routing.items import Items
from planning.routing.master import Column, MasterResult, solve_master
from planning.routing.problem import RIDE_OBJECTIVES, RoutingProblem, VehicleType
from planning.routing.result import Stop

MAX_DP_ITEMS = 30
MAX_SUBSETS = 20_000
MAX_PERMUTATIONS = 60_000


def merged_stops(it: Items, route: list[int] | tuple[int, ...]) -> list[Stop]:
    """Stops of a route of items, pieces of one node merged into its first visit."""
    order: list[int] = []
    qty: dict[int, float] = {}
    for i in route:
        node = int(it.node[i])
        if node not in qty:
            order.append(node)
            qty[node] = 0.0
        qty[node] += float(it.qty[i])
    return [(node, qty[node]) for node in order]


def permutation_work(n: int, max_stops: int | None) -> int:
    """Number of ordered routes to enumerate by brute force."""
    top = n if max_stops is None else min(n, max_stops)
    return sum(math.comb(n, k) * math.factorial(k) for k in range(1, top + 1))


def exact_eligible(problem: RoutingProblem, it: Items) -> bool:
    """True when every feasible route can be enumerated quickly."""
    n = it.m - 1
    timed = problem.ride_limit is not None or problem.objective in RIDE_OBJECTIVES
    if not timed and n <= MAX_DP_ITEMS:
        return feasible_masks(it, problem.max_capacity, problem.max_stops) is not None
    return permutation_work(n, problem.max_stops) <= MAX_PERMUTATIONS


def feasible_masks(it: Items, capacity: float, max_stops: int | None, limit: int = MAX_SUBSETS) -> list[int] | None:
    """Bitmasks (bit k = item k+1) of every item set within capacity and stops; None when more than ``limit``."""
    n = it.m - 1
    qty = [float(q) for q in it.qty[1:]]
    top = n if max_stops is None else max_stops
    out: list[int] = []
    stack = [(0, 0.0, 0, 0)]
    while stack:
        mask, load, size, nxt = stack.pop()
        for k in range(nxt, n):
            new_load = load + qty[k]
            if new_load <= capacity + 1e-9 and size < top:
                out.append(mask | 1 << k)
                if len(out) > limit:
                    return None
                stack.append((mask | 1 << k, new_load, size + 1, k + 1))
    return out


def _dp_orders(problem: RoutingProblem, it: Items, masks: list[int]) -> dict[int, tuple[int, ...]]:
    """Shortest order of every item set in ``masks`` (closed under subsets) by Held-Karp on distance."""
    dist = problem.distance[np.ix_(it.node, it.node)].tolist()
    best: dict[tuple[int, int], tuple[float, int]] = {}
    for mask in sorted(masks, key=int.bit_count):
        bits = [k for k in range(mask.bit_length()) if mask >> k & 1]
        for j in bits:
            if len(bits) == 1:
                best[(mask, j)] = (dist[0][j + 1], -1)
                continue
            prev = mask ^ 1 << j
            best[(mask, j)] = min((best[(prev, k)][0] + dist[k + 1][j + 1], k) for k in bits if k != j)
    orders: dict[int, tuple[int, ...]] = {}
    for mask in masks:
        bits = [k for k in range(mask.bit_length()) if mask >> k & 1]
        _, j = min((best[(mask, k)][0] + (0.0 if problem.open_routes else dist[k + 1][0]), k) for k in bits)
        path, m = [], mask
        while j >= 0:
            path.append(j + 1)
            prev_j = best[(m, j)][1]
            m ^= 1 << j
            j = prev_j
        orders[mask] = tuple(reversed(path))
    return orders


def enumerate_columns(problem: RoutingProblem, it: Items) -> list[Column]:
    """Every feasible route (best order per item set) for every vehicle type that can drive it."""
    n = it.m - 1
    cap = max(v.capacity for v in problem.vehicle_types)
    timed = problem.ride_limit is not None or problem.objective in RIDE_OBJECTIVES
    best_order: dict[frozenset[int], tuple[float, tuple[int, ...]]] = {}
    masks = feasible_masks(it, cap, problem.max_stops) if not timed and n <= MAX_DP_ITEMS else None
    if masks is not None:
        for order in _dp_orders(problem, it, masks).values():
            best_order[frozenset(order)] = (0.0, order)
    else:
        top = n if problem.max_stops is None else min(n, problem.max_stops)
        big = max(problem.vehicle_types, key=lambda v: v.capacity)
        score_of = route_scorer(problem, it, big)
        for k in range(1, top + 1):
            for subset in itertools.combinations(range(1, n + 1), k):
                if float(it.qty[list(subset)].sum()) > cap + 1e-9:
                    continue
                for perm in itertools.permutations(subset):
                    score = score_of(perm)
                    if score is None:
                        continue
                    key = frozenset(perm)
                    if key not in best_order or score < best_order[key][0] - 1e-12:
                        best_order[key] = (score, perm)
    return [col for _, order in best_order.values() for col in typed_columns(problem, it, tuple(order))]


def route_scorer(problem: RoutingProblem, it: Items, vtype: VehicleType) -> Callable[[Sequence[int]], float | None]:
    """What ``evaluate_route`` of the merged stops of a route of items says, as one number: the objective's cost
    (ride objectives) or the distance, None when infeasible for ``vtype``; the same arithmetic on Python lists, for
    the many routes the enumeration tries."""
    dist, tt = problem.distance.tolist(), problem.times.tolist()
    node_of, qty_of = it.node.tolist(), [float(q) for q in it.qty.tolist()]
    fixed, per_unit = problem.service_fixed, problem.service_per_unit
    closed, top, limit = not problem.open_routes, problem.max_stops, problem.ride_limit
    cap = vtype.capacity + EPS
    ride_objective = problem.objective in RIDE_OBJECTIVES

    def score(route: Sequence[int]) -> float | None:
        qty: dict[int, float] = {}
        for i in route:  # merged_stops: pieces of one node at its first visit
            node = node_of[i]
            qty[node] = qty.get(node, 0.0) + qty_of[i]
        if top is not None and len(qty) > top:
            return None
        prev, clock, total, ride, load = 0, 0.0, 0.0, 0.0, 0.0
        for node, q in qty.items():
            total += dist[prev][node]
            clock += tt[prev][node]
            ride += q * clock
            arrival = clock
            clock += fixed + per_unit * q
            load += q
            prev = node
        if closed and qty:
            total += dist[prev][0]
        if load > cap or (limit is not None and qty and arrival > limit + EPS):
            return None
        return float(problem.route_cost(total, ride, vtype)) if ride_objective else float(total)

    return score


def typed_columns(problem: RoutingProblem, it: Items, order: tuple[int, ...]) -> list[Column]:
    """One column per vehicle type (in the fleet) that can drive the items ``order``, at its objective cost."""
    stops = merged_stops(it, order)
    extra = it.route_fixed if problem.vehicles_first else 0.0
    columns = []
    for vt in problem.vehicle_types:
        if vt.count == 0:
            continue
        ev = evaluate_route(problem, stops, vt)
        if ev.feasible:
            columns.append(Column(order, vt.id, ev.cost + extra))
    return columns


def solve_exact(
    problem: RoutingProblem, it: Items, fleet: dict[str, int | None], time_limit: float, nodes: int | None = None
) -> tuple[list[Column], MasterResult | None]:
    """Enumerate all feasible routes and solve the set-partitioning model to proven optimality (or ``nodes``)."""
    columns = enumerate_columns(problem, it)
    res = solve_master(columns, list(range(1, it.m)), fleet, time_limit, exact=True, node_limit=nodes)
    return columns, res
