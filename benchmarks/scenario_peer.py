"""The bundled scenarios routed by our engine (two objectives) and, beside it, by PyVRP on the same district problems.

PyVRP gets each district's problem as our engine sees it (seats and stops as two loads, the ride limit as every
stop's latest arrival, zero-cost returns on open routes, one reload on closed routes, full loads split off first)
for the seconds our default run spent on that district; its trips are put on coaches by our own schedule.
"""

from __future__ import annotations

import dataclasses
import time

import pandas as pd

import scenarios
from benchmarks.vroom_peer import vroom_routes
from planning.check import check_plan
from planning.options import ROUTING_ITERATIONS
from planning.own import coach_riders
from planning.placement import place
from planning.plan import Plan, absent_workers, ride_minutes
from planning.routing.districts import OBJECTIVE, departure, district_problem
from planning.routing.exact import merged_stops
from planning.routing.generator import pyvrp_routes
from planning.routing.items import build_items
from planning.routing.mix import DEFAULT_SEARCH, RouteSearch, Stop
from planning.routing.result import RoutingResult
from planning.routing.scenario import manifest_for, route_placement
from planning.routing.schedule import schedule_trips
from planning.solver import quiet_stdout


def _km(sc: scenarios.Scenario, routes: pd.DataFrame) -> float:
    """Coach-km: the legs to the stops, plus the drive back to the station on closed routes."""
    km = float(routes["km"].sum())
    if sc.policy.routes == "closed" and not routes.empty:
        last = routes.sort_values("stop_order").groupby(["coach_id", "trip"])["enterprise_id"].last()
        _, back = sc.travel_model.legs(list(last), ["station"])
        km += float(back[:, 0].sum())
    return km


def km_lower_bound(sc: scenarios.Scenario, counts: pd.Series) -> float:
    """The proven km bound of the districts' problems (``bounds.km_bound``), drives back included on closed routes."""
    from planning.routing.bounds import km_bound

    depart = departure(sc)
    district = sc.enterprises.loc[counts.index, "district"]
    return sum(km_bound(district_problem(sc, counts[district == d], depart, str(d))) for d in sorted(district.unique()))


def _row(
    sc: scenarios.Scenario,
    plan: Plan,
    riding: pd.DataFrame,
    routes: pd.DataFrame,
    solver: str,
    lb: int,
    seconds: float,
    cpu: float,
) -> dict[str, object]:
    checked = plan.with_routes(routes, manifest_for(routes, riding), None)
    errors = check_plan(sc, checked, strict=True)
    return {
        "solver": solver,
        "coaches": int(routes["coach_id"].nunique()),
        "lb": lb,
        "trips": int(routes.groupby(["coach_id", "trip"]).ngroups),
        "km": _km(sc, routes),
        "ride": ride_minutes(routes),
        "max_ride": float((routes["arrive_min"] - routes["depart_min"]).max()),
        "seconds": seconds,
        "cpu": cpu,
        "check": "ok" if not errors else f"FAIL {errors[0]}",
    }


def _peer(sc: scenarios.Scenario, counts: pd.Series, spent: dict[str, float], seed: int,
          which: str = "pyvrp") -> tuple[pd.DataFrame, float]:
    """A peer's routes per district (PyVRP: the seconds ours spent there; VROOM: to its own end), scheduled onto
    coaches by our schedule; and the peer's CPU seconds."""
    depart = departure(sc)
    district = sc.enterprises.loc[counts.index, "district"]
    groups = {str(d): counts[district == d] for d in sorted(district.unique())}
    results: dict[str, RoutingResult] = {}
    cpu = 0.0
    for k, (name, group) in enumerate(groups.items()):
        problem = district_problem(sc, group, depart, name, True, "coaches_then_km")
        it = build_items(problem, halve=False)
        big = max(problem.vehicle_types, key=lambda v: v.capacity).id
        routes = [[(node, qty)] for node, qty in it.direct]
        if it.m > 1:
            c0 = time.process_time()
            reload = 1 if sc.policy.routes == "closed" else 0
            got = None
            if which == "vroom":
                found = vroom_routes(problem, it) if it.m > 2 else [[1]]
                cpu += time.process_time() - c0
                if found is None:
                    raise RuntimeError(f"VROOM left items of {name} unassigned")
                routes += [merged_stops(it, r) for r in found]
                results[name] = RoutingResult(
                    routes, [big] * len(routes), 0.0, len(routes), 0.0, 0.0, "feasible", None, None, 0.0)
                continue
            for budget in (max(0.5, spent.get(name, 1.0)), 10.0):  # a retry when it found nothing feasible yet
                got = pyvrp_routes(problem, it, 10**9, budget, seed + k, reload) if it.m > 2 else ([[1]], False)
                if got is not None:
                    break
            cpu += time.process_time() - c0
            if got is None:
                raise RuntimeError(f"PyVRP found no routes for {name}")
            routes += [merged_stops(it, r) for r in got[0]]
        results[name] = RoutingResult(
            routes, [big] * len(routes), 0.0, len(routes), 0.0, 0.0, "feasible", None, None, 0.0
        )
    return schedule_trips(sc, groups, results, depart, strict=False).routes, cpu


#: The route search's alternatives beside the default mix (``--mixes``): the mix before the idle stops on the km
#: objective and the km stops of c66ecf8, each part alone on the same iterations, and the idle stops on ride minutes
#: (a mix is skipped where it searches as the default does: the km stops are only read on the km objective).
MIXES = {"no idle stops (before issue 28)": RouteSearch(km=None),
         "km stops (300, 200) of c66ecf8": RouteSearch(km=(300, 200, 10**9)),
         "own search alone": RouteSearch(pyvrp=None, km=None),
         "PyVRP alone": RouteSearch(pyvrp=Stop(1.0), own=None, km=None),
         "idle stops (PyVRP 300, ours 200 at bound)": RouteSearch(pyvrp=Stop(0.35, 300), stall=200)}


def _searches_as(mix: RouteSearch, objective: str) -> RouteSearch:
    """The mix a district with ``objective`` is searched with, its km stops aside (read only on the km objective)."""
    return dataclasses.replace(mix.for_objective(OBJECTIVE[objective]), km=None)


#: The peers ``--peer`` runs beside ours.
PEERS = {"pyvrp": ("pyvrp",), "vroom": ("vroom",), "all": ("pyvrp", "vroom")}


def scenario_rows(name: str, seconds: float, seed: int, peer: str | None,
                  mixes: bool = False) -> list[dict[str, object]]:
    """Rows for one scenario: ours (default objective), ours (coaches_then_km), and PyVRP when asked; with
    ``mixes``, also each objective with our own search alone and with PyVRP alone (``MIXES``)."""
    sc = scenarios.load(name)
    c0 = time.process_time()
    plan = place(sc, time_limit=seconds)
    place_cpu = time.process_time() - c0
    pl = plan.placement
    riding = pl[(pl["enterprise_id"] != "") & ~absent_workers(pl)]
    riding = coach_riders(sc, riding)
    counts = riding.groupby("enterprise_id").size()
    rows = []
    spent: dict[str, float] = {}
    runs = [(objective, "", DEFAULT_SEARCH) for objective in (sc.policy.objective, "coaches_then_km")]
    if mixes:
        runs += [(objective, f", {what}", mix) for objective, _, _ in list(runs) for what, mix in MIXES.items()
                 if _searches_as(mix, objective) != _searches_as(DEFAULT_SEARCH, objective)]
    for objective, what, mix in runs:
        t0, c0 = time.perf_counter(), time.process_time()
        res = route_placement(sc, counts, seconds, seed, ROUTING_ITERATIONS, True, objective, mix=mix)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        if not spent:
            spent = {k: r.runtime for k, r in res.results.items()}
        label = f"ours {objective}{what}" + (" (time cap)" if res.info.timed_out else "")
        rows.append(_row(sc, plan, riding, res.routes, label, res.coaches_lower_bound, wall, cpu))
    for which in PEERS.get(peer or "", ()):
        t0 = time.perf_counter()
        with quiet_stdout():
            routes, cpu = _peer(sc, counts, spent, seed, which)
        label = "pyvrp (same s)" if which == "pyvrp" else "vroom (1 thread, exploration 5)"
        rows.append(_row(sc, plan, riding, routes, label, rows[0]["lb"], time.perf_counter() - t0, cpu))
    km_lb = km_lower_bound(sc, counts)
    return [{**row, "km_lb": km_lb, "placement_cpu": place_cpu} for row in rows]
