"""Turn a problem into search items: one item per (piece of a) customer, full loads split off first."""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from planning.routing.problem import RoutingProblem

BIG_ROUTE = 1e6
#: With split delivery, a remainder above this share of the capacity is cut in two pieces for the search.
HALVE_ABOVE = 0.5


@dataclass(frozen=True, eq=False)
class Items:
    """Search items (index 0 is the depot) with their cost, time and service arrays."""

    node: np.ndarray
    qty: np.ndarray
    cost: np.ndarray
    time: np.ndarray
    service: np.ndarray
    capacity: float
    route_fixed: float
    ride_weight: float
    direct: list[tuple[int, float]]
    pairs: np.ndarray | None = None

    def __post_init__(self) -> None:
        if self.pairs is None:
            object.__setattr__(self, "pairs", sibling_pairs(self.node))

    @property
    def m(self) -> int:
        """Number of items including the depot."""
        return int(self.node.shape[0])


def split_pieces(demand: float, capacity: float, halve: bool) -> tuple[list[float], list[float]]:
    """Full-vehicle loads for direct routes, then the remainder (halved when ``halve`` and above HALVE_ABOVE Q)."""
    full = math.floor(demand / capacity + 1e-9) if demand > capacity else 0
    rest = demand - full * capacity
    direct = [capacity] * full
    if rest <= 1e-9:
        return direct, []
    if halve and rest > capacity * HALVE_ABOVE and rest >= 2:
        first = math.ceil(rest / 2) if float(rest).is_integer() else rest / 2
        return direct, [first, rest - first]
    return direct, [rest]


def sibling_pairs(node: np.ndarray) -> np.ndarray:
    """(first, other) item pairs that are pieces of one node: on one route they are one stop."""
    first: dict[int, int] = {}
    pairs = []
    for i, n in enumerate(node.tolist()):
        if i == 0:
            continue
        if n in first:
            pairs.append((first[n], i))
        else:
            first[n] = i
    return np.array(pairs, dtype=np.int64).reshape(-1, 2)


def build_items(problem: RoutingProblem, halve: bool = False) -> Items:
    """Items for the search on ``problem``; the search uses the largest usable capacity."""
    cap = problem.max_capacity
    nodes = [0]
    qtys = [0.0]
    direct: list[tuple[int, float]] = []
    for c in problem.customers:
        d = float(problem.demand[c])
        if problem.split_delivery:
            full, rest = split_pieces(d, cap, halve)
        else:
            full, rest = [], [d]
        direct.extend((c, q) for q in full)
        for q in rest:
            nodes.append(c)
            qtys.append(q)
    node = np.array(nodes, dtype=np.int64)
    qty = np.array(qtys, dtype=float)
    big = max(problem.vehicle_types, key=lambda v: (v.count != 0, v.capacity, -v.fixed_cost))
    dist = problem.distance.copy()
    if problem.open_routes:
        dist[:, 0] = 0.0
    if problem.objective == "distance":
        cost, route_fixed, ride_weight = dist, 0.0, 0.0
    elif problem.objective == "cost":
        cost, route_fixed, ride_weight = dist * big.cost_per_distance, big.fixed_cost, 0.0
    elif problem.objective == "vehicles_then_km":
        cost, route_fixed, ride_weight = dist, BIG_ROUTE, 0.0
    elif problem.objective == "vehicles_then_weighted":
        cost, route_fixed, ride_weight = dist * problem.km_weight, BIG_ROUTE, 1.0
    else:
        cost, route_fixed, ride_weight = dist * 0.0, BIG_ROUTE, 1.0
    service = np.where(node == 0, 0.0, problem.service_fixed + problem.service_per_unit * qty)
    return Items(
        node=node,
        qty=qty,
        cost=np.ascontiguousarray(cost[np.ix_(node, node)]),
        time=np.ascontiguousarray(problem.times[np.ix_(node, node)]),
        service=service,
        capacity=cap,
        route_fixed=route_fixed,
        ride_weight=ride_weight,
        direct=direct,
    )
