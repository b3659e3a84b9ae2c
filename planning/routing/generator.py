"""PyVRP as a route generator: its best solution of the same items feeds the pool of the set-partitioning masters.

PyVRP (hybrid genetic search) is far stronger than our own search at short routes in few seconds, but it cannot
count a worker's ride minutes, split a delivery or chain trips across districts. So it only proposes routes: the
same items (pieces of a split enterprise are clients at one location), seats and stops as two load dimensions, the
ride limit as every client's latest arrival, zero-cost returns on open routes, and, when coaches may make a second
trip, one reload at the station. The iteration count is fixed, so the same seed gives the same routes.
"""

from __future__ import annotations

import importlib.util
import math
import time
import warnings
from collections.abc import Callable

import numpy as np

from planning.routing.items import Items
from planning.routing.problem import RoutingProblem

#: Integer units PyVRP works in: hundredths of a minute, and distance x 1000 (metres for km).
TIME_SCALE = 100
DIST_SCALE = 1000
#: PyVRP's bound on a penalty per unit of excess load or time: far above its default (1e5), because a vehicle's
#: fixed cost (vehicles first) is larger and an excess stop must never be cheaper than one more vehicle.
MAX_PENALTY = 1e12


def available() -> bool:
    """True when PyVRP can be imported."""
    return importlib.util.find_spec("pyvrp") is not None


def pyvrp_routes(
    problem: RoutingProblem,
    it: Items,
    iterations: int,
    seconds: float,
    seed: int = 0,
    reloads: int = 0,
    stall: int | None = None,
) -> tuple[list[list[int]], bool] | None:
    """PyVRP's best routes (lists of items; each trip of a reloading vehicle is one route) and whether the clock
    stopped it; None when PyVRP is missing, the data are not whole numbers, or it found nothing feasible.
    ``stall``: PyVRP stops earlier once its best has not improved for that many iterations; ``seconds`` (infinite:
    the clock is never read) are CPU seconds of this process."""
    data = pyvrp_data(problem, it, reloads)
    if data is None:
        return None
    from pyvrp.stop import MaxIterations, MultipleCriteria, NoImprovement

    # Infinite seconds (a default plan): iterations alone stop it, and the clock is never read.
    counts = [MaxIterations(iterations)] + ([NoImprovement(stall)] if stall is not None else [])
    clock = [CpuTime(max(0.1, seconds))] if math.isfinite(seconds) else []
    stop = MultipleCriteria(counts + clock) if len(counts + clock) > 1 else counts[0]
    got = run_pyvrp(data, stop, seed)
    if got is None:
        return None
    routes, res = got
    early = res.num_iterations < iterations  # the clock, or the stall count when one is set
    return routes, early and (stall is None or bool(clock and clock[0].spent))


class CpuTime:
    """PyVRP's stopping criterion on CPU seconds of this process (its own ``MaxRuntime`` reads the wall clock, which
    a busy machine stretches); ``spent`` says whether it stopped the search."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.start: float | None = None
        self.spent = False

    def __call__(self, best_cost: int) -> bool:
        if self.start is None:
            self.start = time.process_time()
        self.spent = time.process_time() - self.start > self.seconds
        return self.spent


def pyvrp_data(problem: RoutingProblem, it: Items, reloads: int = 0) -> object | None:
    """PyVRP's ``ProblemData`` of the items, or None when PyVRP is missing or the data are not whole numbers."""
    if not available() or it.m <= 2 or not np.allclose(it.qty, np.round(it.qty)):
        return None
    import pyvrp

    model = pyvrp.Model()
    nodes = sorted(set(int(n) for n in it.node.tolist()))
    where = {n: k for k, n in enumerate(nodes)}
    locations = [model.add_location(float(n), 0.0) for n in nodes]
    depot = model.add_depot(locations[0])
    limit = problem.ride_limit
    stops = problem.max_stops
    late = math.floor(limit * TIME_SCALE) if limit is not None else np.iinfo(np.int64).max
    for i in range(1, it.m):
        delivery = [round(float(it.qty[i]))] + ([1] if stops is not None else [])
        service = math.ceil(float(it.service[i]) * TIME_SCALE - 1e-9)
        model.add_client(locations[where[int(it.node[i])]], delivery=delivery, service_duration=service, tw_late=late)
    weights = _costs(problem)
    for vt in problem.vehicle_types:
        if vt.count == 0:
            continue
        capacity = [int(vt.capacity)] + ([stops] if stops is not None else [])
        model.add_vehicle_type(
            num_available=vt.count if vt.count is not None else it.m,
            capacity=capacity,
            fixed_cost=weights[vt.id][0],
            unit_distance_cost=weights[vt.id][1],
            reload_depots=[depot] if reloads else [],
            max_reloads=reloads,
            name=vt.id,
        )
    dist = problem.distance
    times = problem.times
    for a, na in zip(locations, nodes, strict=True):
        for b, nb in zip(locations, nodes, strict=True):
            if na == nb:
                model.add_edge(a, b, 0, 0)
                continue
            back = nb == 0 and problem.open_routes
            d = 0 if back else round(float(dist[na, nb]) * DIST_SCALE)
            t = 0 if back else math.ceil(float(times[na, nb]) * TIME_SCALE - 1e-9)
            model.add_edge(a, b, d, t)
    return model.data()


def run_pyvrp(
    data: object,
    stop: object,
    seed: int,
    start: list[list[int]] | None = None,
    on_best: Callable[[list[list[int]]], None] | None = None,
) -> tuple[list[list[int]], object] | None:
    """PyVRP on ``data`` until ``stop`` (a PyVRP stopping criterion), from the routes ``start`` (lists of items) if
    given: its best routes as lists of items and its ``Result``, or None when it found nothing feasible.
    ``on_best`` is given the routes of each feasible new best on the way (a route pool's material)."""
    import pyvrp
    from pyvrp.IteratedLocalSearch import IteratedLocalSearchCallbacks, IteratedLocalSearchParams

    class Bests(IteratedLocalSearchCallbacks):  # type: ignore[misc]
        def on_best(self, best: object) -> None:
            if on_best is not None and best.is_feasible():  # type: ignore[attr-defined]
                on_best(_routes(best))

    with warnings.catch_warnings():
        # PyVRP warns when its penalties reach their bound (vehicles-first fixed costs are large): not our reader's
        # concern, the routes are checked by our own evaluation before any use.
        warnings.simplefilter("ignore")
        penalty = pyvrp.PenaltyParams(max_penalty=MAX_PENALTY)
        if on_best is None:
            params = pyvrp.SolveParams(penalty=penalty)
        else:
            params = pyvrp.SolveParams(penalty=penalty, ils=IteratedLocalSearchParams(callbacks=Bests()))
        initial = None if start is None else pyvrp.Solution(data, [[i - 1 for i in r] for r in start])  # client ids
        res = pyvrp.solve(data, stop, seed=seed, collect_stats=False, display=False, params=params,
                          initial_solution=initial)
    if not res.is_feasible():
        return None
    return _routes(res.best), res


def _routes(solution: object) -> list[list[int]]:
    """A PyVRP solution's routes as lists of items; each trip of a reloading vehicle is one route."""
    routes: list[list[int]] = []
    for route in solution.routes():  # type: ignore[attr-defined]
        trips: dict[int, list[int]] = {}
        for act in route.schedule():
            if act.is_client():
                trips.setdefault(int(act.trip), []).append(int(act.idx) + 1)
        routes.extend(trips[k] for k in sorted(trips))
    return routes


def _costs(problem: RoutingProblem) -> dict[str, tuple[int, int]]:
    """(fixed cost, cost per distance unit) per vehicle type, in PyVRP's integers, for the problem's objective."""
    out: dict[str, tuple[int, int]] = {}
    if problem.objective == "cost":
        for vt in problem.vehicle_types:
            out[vt.id] = (round(vt.fixed_cost * DIST_SCALE), max(1, round(vt.cost_per_distance)))
        return out
    fixed = 0
    if problem.vehicles_first:
        # a vehicle costs more than any plan's distance: vehicles first
        fixed = round(2 * float(problem.distance[0].sum() + problem.distance[:, 0].sum() + 1.0) * DIST_SCALE)
    for vt in problem.vehicle_types:
        out[vt.id] = (fixed, 1)
    return out
