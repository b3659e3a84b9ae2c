"""The districts' routing problems and their searches, before trips meet coaches.

One problem per district when ``policy.one_district_per_coach`` (solved exactly when small), else one for the city;
each is searched with its own seed and count, on several processes (joblib) when asked, so its routes do not depend
on which process ran it or which finished first; results come back in the districts' order.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np
import pandas as pd

from planning.routing.mix import DEFAULT_SEARCH, RouteSearch
from planning.routing.problem import RoutingProblem, VehicleType
from planning.routing.result import RoutingResult
from planning.routing.solver import solve
from planning.solver import quiet_stdout
from planning.station import planned_departure
from planning.timing import STOP_MIN, STOP_S_PER_WORKER
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario

OBJECTIVE = {
    "coaches_then_ride": "vehicles_then_ride",
    "coaches_then_km": "vehicles_then_km",
    "coaches_then_weighted": "vehicles_then_weighted",
    "cost": "cost",
}
#: Ride minutes one km is worth in the weighted objective (ride minutes + KM_WEIGHT x km), when none is given.
KM_WEIGHT = 20.0
#: One district's search: its name, problem, seconds (a cap), seed and iterations.
Task = tuple[str, RoutingProblem, float, int, int | None]


class Reuse(Protocol):
    """Results a caller already holds (``planning.memo``): asked before each district's search (None: search it),
    told the result of each search that ran."""

    def get(self, name: str, problem: RoutingProblem, seed: int, iterations: int | None) -> RoutingResult | None: ...

    def put(self, name: str, problem: RoutingProblem, seed: int, iterations: int | None,
            result: RoutingResult) -> None: ...


def solve_district(problem: RoutingProblem, seconds: float, seed: int, iterations: int | None, reloads: int,
                   mix: RouteSearch) -> RoutingResult:
    """One district searched with its pool kept for the fleet master (the solvers' own output silenced)."""
    with quiet_stdout():
        return solve(problem, time_limit=seconds, seed=seed, max_iterations=iterations, keep_pool=True,
                     reloads=reloads, mix=mix)


def solve_districts(tasks: Sequence[Task], reloads: int, mix: RouteSearch, n_jobs: int) -> dict[str, RoutingResult]:
    """Each task's result by district name, in the tasks' order, on up to ``n_jobs`` processes."""
    if n_jobs <= 1 or len(tasks) <= 1:
        return {name: solve_district(p, s, seed, it, reloads, mix) for name, p, s, seed, it in tasks}
    from joblib import Parallel, delayed

    found = Parallel(n_jobs=min(n_jobs, len(tasks)))(
        delayed(solve_district)(p, s, seed, it, reloads, mix) for _, p, s, seed, it in tasks)
    return {task[0]: result for task, result in zip(tasks, found, strict=True)}


def departure(sc: Scenario) -> float:
    """Planned departure of first trips: after the reception, and not before the coaches are available."""
    ready = max((sc.minutes(ct.available_from) for ct in sc.fleet.values() if ct.count > 0), default=0.0)
    return max(planned_departure(sc), ready)


def _check_servable(sc: Scenario, workers: pd.Series, depart: float, strict: bool = True) -> None:
    """Explain input that no plan can serve: unknown or own-pickup enterprises, rides or deadlines too long."""
    unknown = [e for e in workers.index if e not in sc.enterprises.index]
    if unknown:
        raise ScenarioError("route.unknown_ents", ents=str(unknown[:5]))
    seats = max((ct.seats for ct in sc.fleet.values() if ct.count > 0), default=0)
    if seats == 0 and workers.sum() > 0:
        raise ScenarioError("route.no_seats", field="fleet")
    minutes, _ = sc.travel_model.from_station(list(workers.index))
    limit = sc.policy.max_ride_min
    deadline = sc.latest_arrival_min
    for ent, m in zip(workers.index, minutes, strict=True):
        district = sc.enterprises.at[ent, "district"]
        if m > limit + 1e-9:
            raise ScenarioError("route.too_far", field="policy.max_ride_min", ent=ent, district=district,
                                m=f"{m:.0f}", over=f"{m - limit:.0f}", limit=f"{limit:g}", need=math.ceil(m))
        if strict and depart + m > deadline + 1e-9:
            raise ScenarioError("route.unreachable", field="policy.latest_arrival", ent=ent, district=district,
                                deadline=sc.policy.latest_arrival, depart=sc.clock(depart),
                                late=f"{depart + m - deadline:.0f}")


def district_problem(
    sc: Scenario,
    workers: pd.Series,
    depart: float,
    name: str,
    strict: bool = True,
    objective: str | None = None,
    km_weight: float = KM_WEIGHT,
) -> RoutingProblem:
    """The routing problem of ``workers`` (enterprise id -> count): station first, then the enterprises.

    Not ``strict``: where some stop cannot be reached before the deadline even directly, the district is routed
    without the deadline, so its trips stay efficient; the scheduler lists the late ones as warnings.
    """
    places = ["station", *workers.index]
    minutes, km = sc.travel_model.legs(places, places)
    deadline: float | None = sc.latest_arrival_min - depart
    if not strict and deadline < float(minutes[0, 1:].max(initial=0.0)):
        deadline = None  # some stop cannot make it even directly: route well, and let the schedule list the late
    types = tuple(
        VehicleType(tid, ct.seats, ct.fixed_cost, ct.cost_per_km, None) for tid, ct in sc.fleet.items() if ct.count > 0
    )
    return RoutingProblem(
        demand=np.array([0.0, *workers.astype(float)]),
        distance=np.asarray(km, dtype=float),
        travel_time=np.asarray(minutes, dtype=float),
        vehicle_types=types,
        service_fixed=STOP_MIN,
        service_per_unit=STOP_S_PER_WORKER / 60.0,
        max_stops=sc.policy.max_stops,
        max_ride=sc.policy.max_ride_min,
        deadline=deadline,
        open_routes=sc.policy.routes == "open",
        split_delivery=True,
        objective=OBJECTIVE[objective or sc.policy.objective],
        km_weight=km_weight,
        name=name,
        labels=tuple(places),
    )


@dataclass(frozen=True, eq=False)
class DistrictSearch:
    """The districts' routing problems and search results (with their route pools), before trips meet coaches."""

    workers: pd.Series
    groups: dict[str, pd.Series]
    problems: dict[str, RoutingProblem]
    results: dict[str, RoutingResult]
    depart: float


def route_groups(sc: Scenario, workers: pd.Series) -> dict[str, pd.Series]:
    """The routing's groups of enterprises: one per district under a district sign, else one for the city ("")."""
    if sc.policy.one_district_per_coach:
        district = sc.enterprises.loc[workers.index, "district"]
        return {str(d): workers[district == d] for d in sorted(district.unique())}
    return {"": workers}


def search_districts(
    sc: Scenario,
    workers_per_enterprise: pd.Series,
    time_limit: float = math.inf,
    seed: int = 0,
    max_iterations: int | None = None,
    strict: bool = True,
    objective: str | None = None,
    km_weight: float = KM_WEIGHT,
    *,
    mix: RouteSearch = DEFAULT_SEARCH,
    n_jobs: int = 1,
    reuse: Reuse | None = None,
) -> DistrictSearch:
    """One routing problem per district (or the city), each searched with its pool kept for the fleet master.

    ``mix``: the parts of each district's search and their stops (``planning.routing.mix``); ``n_jobs``: processes
    searching districts at once (``solve_districts``; the same routes as one process). ``reuse``: results held
    from earlier plans, taken instead of a search where it has one."""
    if objective is not None and objective not in OBJECTIVE:
        raise ScenarioError("route.objective", field="objective", value=repr(objective), choices=", ".join(OBJECTIVE))
    start = time.perf_counter()
    workers = workers_per_enterprise[workers_per_enterprise > 0].astype(int).sort_index()
    depart = departure(sc)
    _check_servable(sc, workers, depart, strict)
    groups = route_groups(sc, workers)
    total = max(1, int(workers.sum()))
    results: dict[str, RoutingResult] = {}
    problems: dict[str, RoutingProblem] = {}
    left = total
    reloads = 1 if sc.policy.routes == "closed" else 0
    parallel = n_jobs > 1 and len(groups) > 1
    tasks = []
    for k, (name, group) in enumerate(groups.items()):
        problem = district_problem(sc, group, depart, name or "city", strict, objective, km_weight)
        problems[name] = problem
        remaining = time_limit * 0.8 - (time.perf_counter() - start)
        # With an iteration budget each district may use what is left (time only caps the whole); else its share.
        share = max(0.3, remaining if max_iterations is not None else remaining * int(group.sum()) / max(1, left))
        left -= int(group.sum())
        iters = None if max_iterations is None else max(50, int(max_iterations * group.sum() / total))
        held = None if reuse is None else reuse.get(name, problem, seed + k, iters)
        if held is not None:
            results[name] = held
            continue
        tasks.append((name, problem, share, seed + k, iters))
        if not parallel:
            results[name] = solve_district(problem, share, seed + k, iters, reloads, mix)
    results.update(solve_districts(tasks if parallel else [], reloads, mix, n_jobs))
    for name, problem, _, district_seed, iters in tasks if reuse is not None else ():
        reuse.put(name, problem, district_seed, iters, results[name])
    results = {name: results[name] for name in groups}  # the districts' order, whichever were held
    return DistrictSearch(workers, groups, problems, results, depart)
