"""The route pool: routes met during the search, kept by item set with their best order, and master columns."""

from __future__ import annotations

from planning.routing.exact import typed_columns
from planning.routing.items import Items
from planning.routing.master import Column
from planning.routing.problem import RoutingProblem
from planning.routing.tour import State

POOL_COLUMNS = 12_000
POOL_NONZEROS = 60_000


class RoutePool:
    """Routes met in accepted solutions, keyed by their item set, with the best order and solution cost."""

    def __init__(self) -> None:
        self.routes: dict[frozenset[int], tuple[float, tuple[int, ...], float]] = {}

    def add(self, st: State, total: float) -> None:
        """Add the routes of an accepted solution."""
        seq = st.seq.tolist()
        zi = st.zi.tolist()
        costs = st.route_cost.tolist()
        for r in range(len(zi) - 1):
            route = tuple(seq[zi[r] + 1 : zi[r + 1]])
            if not route:
                continue
            key = frozenset(route)
            old = self.routes.get(key)
            if old is None or costs[r] < old[0] - 1e-9:
                self.routes[key] = (costs[r], route, total if old is None else min(total, old[2]))
            elif total < old[2]:
                self.routes[key] = (old[0], old[1], total)

    def best(self, limit: int, nonzeros: int = POOL_NONZEROS) -> list[tuple[float, tuple[int, ...]]]:
        """(search cost, route) from the best solutions first, at most ``limit`` routes and ``nonzeros`` stops."""
        ranked = sorted(self.routes.values(), key=lambda v: (v[2], v[0]))
        out: list[tuple[float, tuple[int, ...]]] = []
        used = 0
        for cost, route, _ in ranked[:limit]:
            used += len(route)
            if used > nonzeros and out:
                break
            out.append((cost, route))
        return out


def columns_for(problem: RoutingProblem, it: Items, routes: list[tuple[float, tuple[int, ...]]]) -> list[Column]:
    """Columns for every usable vehicle type of every route."""
    simple = (
        len(problem.vehicle_types) == 1
        and problem.ride_limit is None
        and not problem.vehicles_first
        and len(set(it.node.tolist())) == it.m
    )
    if simple:
        vid = problem.vehicle_types[0].id
        return [Column(route, vid, cost) for cost, route in routes]
    return [col for _, route in routes for col in typed_columns(problem, it, route)]
