"""Savings construction (Clarke & Wright) and a granular local search on routes of items.

Both work with full route evaluations (``RouteCost``), so they honour every limit and objective; the local search
uses relocate, swap, or-opt (segments of 2-3), intra-route 2-opt and inter-route 2-opt* around each item's nearest
neighbours.
"""

from __future__ import annotations

import math

import numpy as np

from planning.routing.items import Items
from planning.routing.slices import cpu

Routes = list[list[int]]


class RouteCost:
    """Cost of a route of items (inf when it breaks capacity, stops or the ride limit)."""

    def __init__(self, it: Items, max_stops: int | None, ride_limit: float | None) -> None:
        self.it = it
        self.cost = it.cost.tolist()
        self.time = it.time.tolist()
        self.qty = it.qty.tolist()
        self.node = it.node.tolist()
        self.service = it.service.tolist()
        self.max_stops = max_stops
        self.limit = ride_limit
        self.timed = ride_limit is not None or it.ride_weight > 0

    def __call__(self, route: list[int]) -> float:
        if not route:
            return 0.0
        qty = self.qty
        if sum(qty[i] for i in route) > self.it.capacity + 1e-9:
            return math.inf
        if self.max_stops is not None and len(route) > self.max_stops:
            node = self.node
            if len({node[i] for i in route}) > self.max_stops:  # pieces of one node are one stop
                return math.inf
        c = self.cost
        prev, total = 0, self.it.route_fixed
        for i in route:
            total += c[prev][i]
            prev = i
        total += c[prev][0]
        if self.timed:
            t, clock, ride, prev = self.time, 0.0, 0.0, 0
            for i in route:
                clock += t[prev][i]
                ride += qty[i] * clock
                clock += self.service[i]
                prev = i
            if self.limit is not None and clock - self.service[prev] > self.limit + 1e-9:
                return math.inf
            total += self.it.ride_weight * ride
        return total


def savings(it: Items, rc: RouteCost) -> Routes:
    """Parallel savings: merge the end of one route with the start of another while it pays."""
    m = it.m
    routes: dict[int, list[int]] = {i: [i] for i in range(1, m)}
    owner = {i: i for i in range(1, m)}
    cost = {i: rc([i]) for i in range(1, m)}
    c = it.cost
    idx = np.arange(1, m)
    sav = c[idx, 0][:, None] + c[0, idx][None, :] - c[np.ix_(idx, idx)]
    np.fill_diagonal(sav, -np.inf)
    order = np.argsort(-sav, axis=None, kind="stable")
    n = m - 1
    for flat in order.tolist():
        a, b = flat // n + 1, flat % n + 1
        if sav[a - 1, b - 1] <= 0:
            break
        ra, rb = owner[a], owner[b]
        if ra == rb or routes[ra][-1] != a or routes[rb][0] != b:
            continue
        merged = routes[ra] + routes[rb]
        new = rc(merged)
        if new < cost[ra] + cost[rb] - 1e-9:
            routes[ra], cost[ra] = merged, new
            for i in routes.pop(rb):
                owner[i] = ra
            del cost[rb]
    return [r for r in routes.values() if r]


def local_search(it: Items, rc: RouteCost, routes: Routes, seconds: float, neighbours: int = 10) -> Routes:
    """First-improvement descent until no move improves or ``seconds`` pass (infinite: the clock is never read)."""
    stop = cpu() + seconds if math.isfinite(seconds) else math.inf
    routes = [list(r) for r in routes if r]
    costs = [rc(r) for r in routes]
    k = min(neighbours, it.m - 2)
    near = np.argsort(it.cost[1:, 1:] + it.cost[1:, 1:].T, axis=1)[:, 1 : k + 1] + 1 if k > 0 else None
    improved = True
    while improved and (stop == math.inf or cpu() < stop) and near is not None:
        improved = False
        where = {i: (r, p) for r, route in enumerate(routes) for p, i in enumerate(route)}
        for u in range(1, it.m):
            for v in near[u - 1].tolist():
                if stop != math.inf and cpu() > stop:
                    return [r for r in routes if r]
                if _try_moves(rc, routes, costs, where, u, v):
                    improved = True
                    where = {i: (r, p) for r, route in enumerate(routes) for p, i in enumerate(route)}
                    break
    return [r for r in routes if r]


def _try_moves(
    rc: RouteCost, routes: Routes, costs: list[float], where: dict[int, tuple[int, int]], u: int, v: int
) -> bool:
    """Try relocate, or-opt, swap, 2-opt and 2-opt* of u next to v; apply the first improving one."""
    ru, pu = where[u]
    rv, pv = where[v]
    a, b = routes[ru], routes[rv]
    old = costs[ru] + (costs[rv] if rv != ru else 0.0)
    candidates: list[tuple[list[int], list[int] | None]] = []
    for length in (1, 2, 3):
        seg = a[pu : pu + length]
        if len(seg) < length or v in seg:
            continue
        rest = a[:pu] + a[pu + length :]
        if ru == rv:
            q = rest.index(v)
            candidates.append((rest[: q + 1] + seg + rest[q + 1 :], None))
        else:
            candidates.append((rest, b[: pv + 1] + seg + b[pv + 1 :]))
    if ru == rv:
        i, j = sorted((pu, pv))
        candidates.append((a[:i] + a[i : j + 1][::-1] + a[j + 1 :], None))
    else:
        swapped_a, swapped_b = list(a), list(b)
        swapped_a[pu], swapped_b[pv] = v, u
        candidates.append((swapped_a, swapped_b))
        candidates.append((a[: pu + 1] + b[pv + 1 :], b[: pv + 1] + a[pu + 1 :]))
        candidates.append((a[:pu] + b[pv:], b[:pv] + a[pu:]))
    for new_a, new_b in candidates:
        ca = rc(new_a)
        if ca == math.inf:
            continue
        cb = rc(new_b) if new_b is not None else 0.0
        if ca + cb < old - 1e-9:
            routes[ru], costs[ru] = new_a, ca
            if new_b is not None:
                routes[rv], costs[rv] = new_b, cb
            return True
    return False
