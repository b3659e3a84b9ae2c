"""Proven lower bounds of a scenario's routing: coaches (district signs, seats, stops, the ride window) and km.

Coaches: a district sign means each trip serves one district, so trips >= the sum over districts of
max(ceil(workers / largest seats), ceil(enterprises / max_stops)), plus any enterprise too far to share a trip
with any other. On open routes coaches = trips. On closed routes a coach makes at most
``1 + floor((window - nearest drop) / shortest trip)`` trips (every trip before its last must be back in time).
km: the trips of a district, joined at the station, connect the station to every enterprise with at least as many
station legs as trips: at least a spanning tree with that station degree (Lagrangian bound), plus the drives back on
closed routes.
"""

from __future__ import annotations

import math

import numpy as np

from planning.routing.problem import RoutingProblem


def trips_bound(problem: RoutingProblem) -> int:
    """Trips one district needs: full loads, each lonely enterprise (no partner fits with it on one trip in the
    ride limit and seats), then the rest by seats and by stops."""
    demand = problem.demand
    cap = problem.max_capacity
    customers = problem.customers
    if not customers:
        return 0
    full = {c: math.floor(float(demand[c]) / cap + 1e-9) if demand[c] > cap else 0 for c in customers}
    rest = {c: float(demand[c]) - cap * full[c] for c in customers}
    limit = problem.ride_limit
    t = problem.times

    def lonely(c: int) -> bool:
        if rest[c] <= 1e-9:
            return False
        for d in customers:
            if d == c or rest[d] <= 1e-9 or rest[c] + rest[d] > cap + 1e-9:
                continue
            if limit is None:
                return False
            via_c = t[0, c] + problem.service(rest[c]) + t[c, d]
            via_d = t[0, d] + problem.service(rest[d]) + t[d, c]
            if min(via_c, via_d) <= limit + 1e-9:
                return False
        return True

    alone = [c for c in customers if lonely(c)]
    others = [c for c in customers if rest[c] > 1e-9 and c not in alone]
    by_seats = math.ceil(sum(rest[c] for c in others) / cap - 1e-9)
    by_stops = math.ceil(len(others) / problem.max_stops) if problem.max_stops else min(1, len(others))
    return sum(full.values()) + len(alone) + max(by_seats, by_stops)


def trips_per_coach(problems: list[RoutingProblem], window: float | None) -> int:
    """The most trips one coach can make before the window closes (1 on open routes)."""
    if window is None:
        return 1
    shortest = math.inf
    nearest = math.inf
    for p in problems:
        for c in p.customers:
            shortest = min(shortest, float(p.times[0, c] + p.service(0.0) + p.times[c, 0]))
            nearest = min(nearest, float(p.times[0, c]))
    if not math.isfinite(shortest) or shortest <= 0:
        return 1
    return 1 + max(0, math.floor((window - nearest) / shortest + 1e-9))


def coaches_bound(problems: list[RoutingProblem], window: float | None) -> int:
    """Coaches the plan needs at least: trips on open routes; trips / most trips per coach on closed ones."""
    trips = sum(trips_bound(p) for p in problems)
    return trips if window is None else math.ceil(trips / trips_per_coach(problems, window))


def _tree(d: np.ndarray) -> tuple[float, int]:
    """A minimum spanning tree of the symmetric matrix ``d`` (Prim): its weight and the degree of node 0."""
    n = len(d)
    inside = np.zeros(n, dtype=bool)
    inside[0] = True
    best = d[0].copy()
    parent = np.zeros(n, dtype=int)
    total, degree = 0.0, 0
    for _ in range(n - 1):
        cand = np.where(inside, np.inf, best)
        j = int(np.argmin(cand))
        total += float(cand[j])
        degree += int(parent[j] == 0)
        inside[j] = True
        closer = d[j] < best
        best = np.where(closer, d[j], best)
        parent = np.where(closer, j, parent)
    return total, degree


def _station_legs(n: int) -> np.ndarray:
    """1 on the legs from and to node 0, else 0."""
    legs = np.zeros((n, n))
    legs[0, 1:] = legs[1:, 0] = 1.0
    return legs


def km_bound(problem: RoutingProblem, trips: int | None = None, returns: bool | None = None) -> float:
    """km the district's trips drive at least, with ``trips`` (default ``trips_bound``) trips leaving the station.

    The trips' legs contain a spanning tree of the station and the enterprises, and every station leg the tree
    leaves out is at least the shortest one, ``s``; so km >= min over trees of w(T) + s x (trips - station degree
    of T)+. Its Lagrangian relaxation (Christofides, Mingozzi & Toth 1981, the k-degree centre tree): a tree with
    station legs cheaper by mu, plus mu x trips, bounds it for every 0 <= mu <= s (split enterprises may be left
    twice from the station, hence the cap at s); the best of a bisection on mu is kept. On closed routes each trip
    also drives back from a last stop: the ``trips`` shortest returns (a stop ends at most as many trips as it has
    workers) are added (``returns``: default on closed routes). Legs count in their shorter direction."""
    nodes = [0, *problem.customers]
    if len(nodes) < 2:
        return 0.0
    k = trips_bound(problem) if trips is None else int(trips)
    d = problem.distance[np.ix_(nodes, nodes)]
    d = np.minimum(d, d.T)
    best, degree = _tree(d)
    if degree < k:
        low, high = 0.0, float(d[0, 1:].min())
        weight, _ = _tree(d - high * _station_legs(len(d)))
        best = max(best, weight + high * k)
        for _ in range(30):
            mu = (low + high) / 2
            weight, degree = _tree(d - mu * _station_legs(len(d)))
            best = max(best, weight + mu * k)
            if degree < k:
                low = mu
            else:
                high = mu
    if (not problem.open_routes) if returns is None else returns:
        back = problem.distance[problem.customers, 0]
        pieces = np.minimum(np.maximum(np.ceil(problem.demand[problem.customers]), 1), max(k, 1)).astype(int)
        best += float(np.sort(np.repeat(back, pieces))[:k].sum())
    return best
