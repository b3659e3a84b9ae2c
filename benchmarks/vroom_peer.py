"""VROOM (pyvroom, a benchmark extra: ``pip install .[bench]``) on a district's routing problem, as a peer.

VROOM gets the same items PyVRP gets in ``planning.routing.generator`` (pieces of a split enterprise are jobs at one
place): seats as the capacity, the stop limit as ``max_tasks``, the ride limit as every job's latest start of
service, travel times in hundredths of a minute, costs in metres (zero-cost returns on open routes: the vehicles
have no end), a vehicle's fixed cost above any plan's km when coaches come first. VROOM makes no second trip: its
trips are put on coaches by the project's own schedule. One thread, exploration level 5 (its best); VROOM has no
seed and no iteration count (its search is deterministic).
"""

from __future__ import annotations

import importlib.util
import math

import numpy as np

from planning.routing.generator import DIST_SCALE, TIME_SCALE, _costs
from planning.routing.items import Items
from planning.routing.problem import RoutingProblem

#: VROOM's exploration level (1-5) and threads, as the issue's reference figures were taken.
EXPLORATION = 5
THREADS = 1


def available() -> bool:
    """True when pyvroom can be imported."""
    return importlib.util.find_spec("vroom") is not None


def vroom_routes(problem: RoutingProblem, it: Items) -> list[list[int]] | None:
    """VROOM's routes (lists of items), or None when pyvroom is missing or some item is left unassigned."""
    if not available():
        return None
    import vroom

    nodes = sorted(set(int(n) for n in it.node.tolist()))
    where = {n: k for k, n in enumerate(nodes)}
    times = np.zeros((len(nodes), len(nodes)), dtype=np.int64)
    dist = np.zeros((len(nodes), len(nodes)), dtype=np.int64)
    for a, na in enumerate(nodes):
        for b, nb in enumerate(nodes):
            if na == nb or (nb == 0 and problem.open_routes):
                continue
            times[a, b] = math.ceil(float(problem.times[na, nb]) * TIME_SCALE - 1e-9)
            dist[a, b] = round(float(problem.distance[na, nb]) * DIST_SCALE)
    inp = vroom.Input()
    inp.set_durations_matrix("car", times.tolist())
    inp.set_costs_matrix("car", dist.tolist())
    limit = problem.ride_limit
    late = math.floor(limit * TIME_SCALE) if limit is not None else 2**30
    horizon = vroom.TimeWindow(0, 2**30)
    weights = _costs(problem)
    vid = 0
    for vt in problem.vehicle_types:
        if vt.count == 0:
            continue
        for _ in range(vt.count if vt.count is not None else it.m - 1):
            inp.add_vehicle(vroom.Vehicle(
                vid, start=0, end=None if problem.open_routes else 0, capacity=[int(vt.capacity)],
                costs=vroom.VehicleCosts(fixed=weights[vt.id][0]),
                max_tasks=problem.max_stops if problem.max_stops is not None else it.m, time_window=horizon))
            vid += 1
    for i in range(1, it.m):
        service = math.ceil(float(it.service[i]) * TIME_SCALE - 1e-9)
        inp.add_job(vroom.Job(i, location=where[int(it.node[i])], delivery=[round(float(it.qty[i]))],
                              default_service=service, time_windows=[vroom.TimeWindow(0, late)]))
    sol = inp.solve(exploration_level=EXPLORATION, nb_threads=THREADS)
    if len(sol.unassigned):
        return None
    steps = sol.routes
    jobs = steps[steps["type"] == "job"]
    return [[int(j) for j in group["id"]] for _, group in jobs.groupby("vehicle_id", sort=True)]
