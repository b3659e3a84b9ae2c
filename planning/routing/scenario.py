"""Route a placement in a scenario: the districts' searches (``planning.routing.districts``), trips onto coaches,
Plan frames.

Trips are put on physical coaches: a first trip per coach at the planned departure, then second trips
on coaches back at the station, as long as the last drop stays before ``policy.latest_arrival``.
"""

from __future__ import annotations

import dataclasses
import math
import time
from dataclasses import dataclass

import pandas as pd

from planning.own import coach_riders
from planning.plan import MANIFEST_COLUMNS, Plan
from planning.routing.bounds import coaches_bound, km_bound
from planning.routing.coaches import FLEET_NODES, POOL_PER_DISTRICT, fleet_plan
from planning.routing.districts import KM_WEIGHT, Reuse, departure, district_problem, route_groups, search_districts
from planning.routing.mix import DEFAULT_SEARCH, RouteSearch
from planning.routing.problem import RoutingProblem
from planning.routing.result import RoutingResult
from planning.routing.schedule import schedule_trips
from planning.solver import SolveInfo, quiet_stdout
from planning.station import station_schedule
from planning.timing import boarding_order
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario


@dataclass(frozen=True, eq=False)
class ScenarioRoutes:
    """Coach stops (the Plan's route columns), the solver results per district, and an honest status.

    ``coaches_lower_bound`` knows the district signs, seats, stops and ride limit (``bounds.coaches_bound``);
    ``km_lower_bound`` is a spanning tree per district with a station leg per trip (``bounds.km_bound``): both
    proven.
    """

    routes: pd.DataFrame
    results: dict[str, RoutingResult]
    info: SolveInfo
    coaches_lower_bound: int
    km_lower_bound: float = 0.0
    warnings: tuple[str, ...] = ()

    @property
    def coaches(self) -> int:
        """Physical coaches used."""
        return int(self.routes["coach_id"].nunique()) if not self.routes.empty else 0

    @property
    def km(self) -> float:
        """Coach-km of all trips (legs to each stop; on closed routes the drive back is not a stop's leg)."""
        return float(self.routes["km"].sum()) if not self.routes.empty else 0.0

    @property
    def ride_minutes(self) -> float:
        """Workers' ride minutes: each worker from their trip's departure to their stop."""
        r = self.routes
        return float(((r["arrive_min"] - r["depart_min"]) * r["workers"]).sum()) if not r.empty else 0.0

    @property
    def trips_lower_bound(self) -> int:
        """Sum over the routing problems of their vehicle bounds (by seats and by stops)."""
        return sum(int(r.vehicles_lower_bound or 0) for r in self.results.values())

    def summary(self) -> str:
        """One line for people."""
        trips = self.routes.groupby(["coach_id", "trip"]).ngroups if not self.routes.empty else 0
        return (
            f"{self.coaches} coaches (lower bound {self.coaches_lower_bound}), {trips} trips (lower bound "
            f"{self.trips_lower_bound}), "
            f"{int(self.routes['workers'].sum()) if trips else 0} workers, {self.km:.0f} km (lower bound "
            f"{self.km_lower_bound:.0f}), "
            f"{self.ride_minutes:,.0f} worker ride minutes, routing {self.info.describe()}"
        ) + "".join(f"\nwarning: {w}" for w in self.warnings)


def route_placement(
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
) -> ScenarioRoutes:
    """Route the workers who go by coach (enterprise id -> workers; ``planning.own.coach_riders`` leaves out those
    an enterprise's own vehicle brings).

    With ``strict``, a trip that no coach can make before the latest arrival raises ScenarioError; otherwise it
    goes on the coach back first and is listed in ``warnings``. ``objective`` (default the policy's):
    coaches_then_ride, coaches_then_km, coaches_then_weighted (ride minutes + ``km_weight`` x km) or cost.
    Each district is searched; then the fleet master chooses trips from all the districts' pools and puts them on
    coaches (second trips on closed routes), counting physical coaches first. ``mix``, ``n_jobs`` and ``reuse``: as
    in ``search_districts``.
    """
    start = time.perf_counter()
    found = search_districts(sc, workers_per_enterprise, time_limit, seed, max_iterations, strict, objective, km_weight,
                             mix=mix, n_jobs=n_jobs, reuse=reuse)
    groups, problems, results, depart = found.groups, found.problems, found.results, found.depart
    workers = found.workers
    total = max(1, int(workers.sum()))
    routes, late, notes, fleet_timed_out = _coaches(
        sc, groups, problems, results, depart, strict, time_limit, start, max_iterations is not None
    )
    routes, held = station_schedule(sc, routes, strict)  # each trip leaves when the station lets it
    seats = max(ct.seats for ct in sc.fleet.values() if ct.count > 0) if total else 1
    # Proven optimal: every district enumerated exactly (its whole pool offered) and the fleet master optimal.
    exact = all(r.status == "optimal" and len(r.pool) <= POOL_PER_DISTRICT for r in results.values())
    proven = exact and not notes and (routes.empty or bool((routes["trip"] == 1).all()))
    coaches_lb, km_lb = _bounds(sc, problems, int(workers.sum()), seats, depart)
    info = _info(problems, routes, time.perf_counter() - start, proven, km_lb)
    if fleet_timed_out or max_iterations is None or any(r.timed_out for r in results.values()):
        # a search with no iteration count is stopped by the clock by construction
        info = dataclasses.replace(info, timed_out=True)
    return ScenarioRoutes(routes, results, info, coaches_lb, km_lower_bound=km_lb, warnings=late + held)


def _bounds(sc: Scenario, problems: dict[str, RoutingProblem], riders: int, seats: int,
            depart: float) -> tuple[int, float]:
    """Proven lower bounds of the coaches and of the km (the legs to the stops, as a plan counts them)."""
    window = sc.latest_arrival_min - depart if sc.policy.routes == "closed" else None
    coaches_lb = max(math.ceil(riders / max(1, seats)), coaches_bound(list(problems.values()), window))
    return coaches_lb, sum(km_bound(p, returns=False) for p in problems.values())


def plan_bounds(sc: Scenario, plan: Plan) -> tuple[int, float] | None:
    """(coaches, km) lower bounds for the workers ``plan`` carries by coach, grouped as the routing groups them;
    None without routes."""
    routes = plan.routes
    if routes is None or routes.empty:
        return None
    workers = routes.groupby("enterprise_id")["workers"].sum().astype(int)
    workers = workers[workers > 0].sort_index()
    depart = departure(sc)
    groups = route_groups(sc, workers)
    problems = {name: district_problem(sc, g, depart, name or "city") for name, g in groups.items()}
    seats = max((ct.seats for ct in sc.fleet.values() if ct.count > 0), default=1)
    return _bounds(sc, problems, int(workers.sum()), seats, depart)


def _coaches(
    sc: Scenario,
    groups: dict[str, pd.Series],
    problems: dict[str, RoutingProblem],
    results: dict[str, RoutingResult],
    depart: float,
    strict: bool,
    time_limit: float,
    start: float,
    budget: bool,
) -> tuple[pd.DataFrame, tuple[str, ...], tuple[str, ...], bool]:
    """Trips on coaches (rows, late trips, notes, whether the clock stopped the fleet master): the fleet master's
    plan unless the trip-by-trip schedule of the districts' own routes needs fewer coaches (it may chain three
    trips); when the fleet master finds nothing, the schedule explains why."""
    seconds = max(1.0, time_limit - (time.perf_counter() - start))
    with quiet_stdout():
        planned = fleet_plan(sc, problems, results, depart, seconds, FLEET_NODES if budget else None)
    if planned is None:
        schedule = schedule_trips(sc, groups, results, depart, strict)
        return schedule.routes, schedule.late, schedule.notes, False
    routes, choice = planned
    try:
        greedy = schedule_trips(sc, groups, results, depart, strict)
    except ScenarioError:
        return routes, (), () if choice.optimal else ("fleet master not proven optimal",), choice.timed_out
    if greedy.routes["coach_id"].nunique() < routes["coach_id"].nunique():
        return greedy.routes, greedy.late, greedy.notes, choice.timed_out
    unproven = () if choice.optimal else ("the fleet master stopped before proving its choice optimal",)
    return routes, (), unproven, choice.timed_out


def _info(problems: dict[str, RoutingProblem], routes: pd.DataFrame, seconds: float, proven: bool,
          tree: float) -> SolveInfo:
    """The plan's objective figure after the coaches (ride minutes, km, or both weighted) against a proven bound:
    everyone riding direct for ride minutes, a tree with a station leg per trip for km; "optimal" only when they
    meet.
    With the cost objective there is no cheap bound. ``proven``: the search itself proved the plan optimal;
    ``tree``: the km bound (``_bounds``)."""
    some = next(iter(problems.values()), None)
    if some is None or routes.empty:
        return SolveInfo("optimal", "routing", 0.0, 0.0, 0.0, seconds)
    ride = float(((routes["arrive_min"] - routes["depart_min"]) * routes["workers"]).sum())
    km = float(routes["km"].sum())
    direct = sum(float((p.demand * p.times[0]).sum()) for p in problems.values())
    if some.objective == "vehicles_then_km":
        objective, bound = km, tree
    elif some.objective == "vehicles_then_weighted":
        objective, bound = ride + some.km_weight * km, direct + some.km_weight * tree
    elif some.objective == "vehicles_then_ride":
        objective, bound = ride, direct
    else:
        return SolveInfo("optimal" if proven else "feasible", "routing", None, None, 0.0 if proven else None, seconds)
    if proven or objective <= bound + 1e-6:
        bound = objective if proven else bound
        return SolveInfo("optimal", "routing", objective, bound, 0.0, seconds)
    return SolveInfo("feasible", "routing", objective, bound, (objective - bound) / objective, seconds)


def manifest_for(routes: pd.DataFrame, placement: pd.DataFrame) -> pd.DataFrame:
    """Give each placed worker a seat: stops at an enterprise take its workers in id order; last stop boards first."""
    pending = {e: sorted(map(str, group.index)) for e, group in placement.groupby("enterprise_id") if e != ""}
    rows = []
    for (coach, trip), stops in routes.groupby(["coach_id", "trip"], sort=True):
        load = []
        for ent, n in stops.sort_values("stop_order")[["enterprise_id", "workers"]].itertuples(index=False):
            take, pending[ent] = pending[ent][: int(n)], pending[ent][int(n) :]
            load.append((ent, take))
        boarding = boarding_order(load)
        rows.extend((w, coach, int(trip), i + 1, ent) for i, (w, ent) in enumerate(boarding))
    return pd.DataFrame(rows, columns=list(MANIFEST_COLUMNS))


def plan_routes(
    sc: Scenario,
    placement: pd.DataFrame,
    time_limit: float = math.inf,
    seed: int = 0,
    max_iterations: int | None = None,
    strict: bool = True,
) -> tuple[pd.DataFrame, pd.DataFrame, SolveInfo]:
    """Routes, manifest and solve info for a placement (the Plan's frames); absent workers ride no coach."""
    from planning.plan import absent_workers

    riding = placement[(placement["enterprise_id"] != "") & ~absent_workers(placement)]
    riding = coach_riders(sc, riding)
    counts = riding.groupby("enterprise_id").size()
    result = route_placement(sc, counts, time_limit, seed, max_iterations, strict)
    return result.routes, manifest_for(result.routes, riding), result.info
