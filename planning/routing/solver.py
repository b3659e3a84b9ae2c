"""``solve``: exact when small, otherwise SISR with a route pool recombined by a set-partitioning master."""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Sequence

import numpy as np

from planning.routing.evaluate import best_type, evaluate_route
from planning.routing.exact import exact_eligible, merged_stops, solve_exact
from planning.routing.generator import available as generator_available
from planning.routing.generator import pyvrp_routes
from planning.routing.items import Items, build_items
from planning.routing.local_search import RouteCost, local_search, savings
from planning.routing.master import Column, MasterResult, solve_master
from planning.routing.mix import DEFAULT_SEARCH, RouteSearch
from planning.routing.pool import POOL_COLUMNS, RoutePool, columns_for
from planning.routing.problem import RoutingProblem
from planning.routing.result import RoutingResult, Stop
from planning.routing.sisr import Sisr
from planning.routing.slices import cpu
from planning.routing.split_master import split_recombine
from planning.routing.timed import Turns, sliced
from planning.routing.tour import routes_of, seq_of

MASTER_AT = (0.45, 0.75)


def _fleet_left(problem: RoutingProblem, it: Items) -> dict[str, int | None]:
    """Fleet per type after the direct full-load routes took the largest type."""
    fleet = {v.id: v.count for v in problem.vehicle_types}
    if it.direct:
        big = max(problem.vehicle_types, key=lambda v: (v.count != 0, v.capacity))
        if fleet[big.id] is not None:
            fleet[big.id] = max(0, int(fleet[big.id] or 0) - len(it.direct))
    return fleet


def _bounds(problem: RoutingProblem) -> tuple[int, float | None]:
    """Valid lower bounds: vehicles (by seats and by stops), and the objective where cheap."""
    total = float(problem.demand.sum())
    veh = math.ceil(total / problem.max_capacity - 1e-9) if total > 0 else 0
    if problem.max_stops is not None:
        veh = max(veh, math.ceil(len(problem.customers) / problem.max_stops))
    if problem.objective in ("vehicles_then_ride", "vehicles_then_weighted"):
        # everyone riding direct; plus km_weight x the km bound is not cheap, so only the ride part
        return veh, float((problem.demand * problem.times[0]).sum())
    if problem.objective == "cost":
        return veh, veh * min(v.fixed_cost for v in problem.vehicle_types)
    return veh, None


def _result(
    problem: RoutingProblem,
    it: Items,
    chosen: list[tuple[tuple[int, ...], str | None]] | list[tuple[list[Stop], str | None]],
    status: str,
    lower: float | None,
    start: float,
    timed_out: bool = False,
) -> RoutingResult:
    """Build the result: merged stops, types, recomputed cost, gap."""
    routes: list[list[Stop]] = []
    types: list[str] = []
    big = max(problem.vehicle_types, key=lambda v: (v.count != 0, v.capacity))
    for node, qty in it.direct:
        routes.append([(node, qty)])
        types.append(big.id)
    for items, type_id in chosen:
        stops = merged_stops(it, items) if items and not isinstance(items[0], tuple) else list(items)  # type: ignore
        if type_id is None:
            picked = best_type(problem, stops)
            type_id = picked[0].id if picked is not None else big.id
        routes.append(stops)
        types.append(type_id)
    cost = dist = ride = 0.0
    for stops, type_id in zip(routes, types, strict=True):
        ev = evaluate_route(problem, stops, problem.vehicle_type(type_id))
        cost += ev.cost
        dist += ev.distance
        ride += ev.ride_minutes
    veh_lb, obj_lb = _bounds(problem)
    if status == "optimal":
        lower = cost
    elif lower is None:
        lower = obj_lb
    if status != "optimal" and problem.vehicles_first and len(routes) > veh_lb:
        lower = obj_lb
    gap: float | None = None
    if lower is not None:
        gap = 0.0 if cost - lower <= 1e-9 else (cost - lower) / max(abs(cost), 1e-9)
    return RoutingResult(
        routes=routes,
        route_types=types,
        cost=float(cost),
        vehicles=len(routes),
        distance=float(dist),
        ride_minutes=float(ride),
        status=status,
        lower_bound=None if lower is None else float(lower),
        gap=gap,
        runtime=time.perf_counter() - start,
        objective=problem.objective,
        vehicles_lower_bound=veh_lb,
        timed_out=timed_out,
    )


def _check_alone(problem: RoutingProblem) -> None:
    """Raise a clear ValueError for a customer that even a route of its own cannot serve in time."""
    limit = problem.ride_limit
    if limit is None:
        return
    for c in problem.customers:
        ride = float(problem.times[0, c])
        if ride > limit + 1e-9:
            name = problem.labels[c] if problem.labels else f"node {c}"
            raise ValueError(
                f"{problem.name}: {name} is {ride:.1f} min from the depot, {ride - limit:.1f} min over the ride "
                f"limit / deadline of {limit:g} min."
            )


def _start(search: Sisr, it: Items, rc: RouteCost, seconds: float) -> np.ndarray:
    """The better of greedy insertion and savings plus local search, as a giant tour."""
    greedy = search.initial()
    started = cpu()
    routes = savings(it, rc)
    routes = local_search(it, rc, routes, max(0.0, seconds - (cpu() - started)))
    if any(rc(r) == math.inf for r in routes):
        return greedy
    cand = seq_of(routes)
    if search.feasible(search.state(cand)) and search.total(search.state(cand)) < search.total(search.state(greedy)):
        return cand
    return greedy


def _from_master(res: MasterResult, cols: list[Column]) -> list[tuple[tuple[int, ...], str | None]]:
    return [(cols[k].items, cols[k].type_id) for k in res.chosen]


def solve(
    problem: RoutingProblem,
    time_limit: float = 10.0,
    seed: int = 0,
    exact: bool | None = None,
    max_iterations: int | None = None,
    seeds: Sequence[Sequence[Sequence[int]]] = (),
    keep_pool: bool = False,
    generator: bool | None = None,
    reloads: int = 0,
    mix: RouteSearch = DEFAULT_SEARCH,
) -> RoutingResult:
    """Best routes found within ``time_limit`` CPU seconds; proven optimal only when the exact model says so.

    ``exact=None`` uses the exact model when the problem is small; True forces it; False never uses it.
    ``max_iterations`` caps the search by iterations instead of time, so that a seed gives the same result
    (``time_limit``, infinite for none, then only stops a search that would run longer than planned, and the
    result's ``timed_out`` says so; every MIP inside stops on its node limit). ``seeds`` are extra solutions
    (routes of items) for the pool and the start; ``keep_pool`` returns the pool's routes in the result, for a
    master over several problems.
    ``mix`` (``planning.routing.mix``) says which parts run and when each stops: PyVRP first as a route
    generator for the pool and the start (its share of ``max_iterations``, else its ``clock`` share of the time;
    ``generator`` False or PyVRP missing skips it), then our own search for its share of the rest, and the masters
    on node counts; on the km objective with the mix's idle stops (``RouteSearch.for_objective``). ``reloads``
    lets PyVRP's vehicles make that many more trips (coaches back at the depot), to suit chained trips.
    """
    start, clock = time.perf_counter(), cpu()  # the result's runtime; the time limit, in CPU seconds
    mix = mix.for_objective(problem.objective)
    rng = np.random.default_rng(seed)
    it = build_items(problem, halve=problem.split_delivery)
    fleet = _fleet_left(problem, it)
    pieces_fixed = bool(it.direct) or len(set(it.node.tolist())) != it.m
    _check_alone(problem)
    if it.m == 1:
        only = _result(problem, it, [], "optimal" if not it.direct else "feasible", None, start)
        return _with_pool(only, it, []) if keep_pool else only
    budget = max_iterations is not None
    if exact or (exact is None and exact_eligible(problem, it)):
        nodes = mix.exact_nodes if budget else None
        ex_cols, res = solve_exact(problem, it, fleet, max(0.3, time_limit - (cpu() - clock)), nodes)
        if res is None:
            raise ValueError(f"{problem.name}: no feasible set of routes exists under the limits and fleet.")
        status = "optimal" if res.optimal and not pieces_fixed else "feasible"
        lower = res.bound if not pieces_fixed else None
        chosen = _from_master(res, ex_cols)
        result = _result(problem, it, chosen, status, lower, start, res.timed_out)
        if keep_pool:
            rest = [c.items for c in ex_cols]
            return _with_pool(result, it, [items for items, _ in chosen] + rest)
        return result
    fleet_total = None if any(v is None for v in fleet.values()) else sum(int(v or 0) for v in fleet.values())
    search = Sisr(it, rng, problem.max_stops, problem.ride_limit, fleet_total)
    pool = RoutePool()
    rc = RouteCost(it, problem.max_stops, problem.ride_limit)
    # With an iteration budget the local searches run to the end, so that a seed gives the same plan.
    ls_seconds = math.inf if budget else min(2.0, 0.03 * time_limit)
    timed_out = False
    use_pyvrp = mix.pyvrp is not None and bool(generator or (generator is None and generator_available()))
    turns = None
    if sliced(problem, it, budget, mix.slices, reloads, use_pyvrp and mix.own is not None) and mix.slices is not None:
        turns = Turns(problem, it, fleet, search, pool, mix.slices, time_limit, clock, seed)  # planning.routing.timed
        first = turns.first()
        seeds = [*seeds, first] if first is not None else seeds
    elif use_pyvrp and mix.pyvrp is not None:
        share = time_limit if budget else (2 * mix.pyvrp.share if mix.clock is None else mix.clock) * time_limit
        count = mix.pyvrp.of(max_iterations) if max_iterations is not None else 10**9
        got = pyvrp_routes(problem, it, max(1, count), share, seed, reloads, mix.pyvrp.stall)
        if got is not None:
            if max_iterations is not None:
                max_iterations -= count
            seeds = [*seeds, got[0]]
            timed_out = budget and got[1]
    if max_iterations is not None:  # what our own search runs (none when it is off)
        max_iterations = 0 if mix.own is None else mix.own.of(max_iterations)
    elif mix.own is None:
        max_iterations = 0
    seq = _start(search, it, rc, ls_seconds)
    st = search.state(seq)
    pool.add(st, search.total(st))
    for routes in seeds:
        seeded = seq_of([list(r) for r in routes])
        sst = search.state(seeded)
        pool.add(sst, search.total(sst))
        if search.feasible(sst) and search.total(sst) < search.total(st):
            seq, st = seeded, sst
    multi = len(problem.vehicle_types) > 1 or any(v is not None for v in fleet.values())
    best_seq: np.ndarray | None = seq if search.feasible(st) else None
    best_cost = search.total(st) if best_seq is not None else math.inf
    best_master: tuple[MasterResult, list[Column]] | None = None
    split_mode = (
        problem.split_delivery
        and len(problem.vehicle_types) == 1
        and not problem.vehicles_first
        and (problem.ride_limit is None or problem.service_per_unit == 0)
        and pieces_fixed
        and all(v is None for v in fleet.values())
    )
    marks = [0.5] if split_mode else [*MASTER_AT, 0.93]
    overhead = 0.0
    done = 0.0
    scale = (st.cost - it.route_fixed * st.n_routes) / max(1, it.m - 1)
    if turns is not None:  # the turns by returns, then the last leg and master as below
        turns.run(seq, best_seq, best_cost, scale)
        seq, best_seq, best_cost, best_master = turns.seq, turns.best_seq, turns.best_cost, turns.best_master
        marks, done = [turns.plan.end], min(turns.plan.end, (cpu() - clock) / time_limit)
    # the adaptive stop: routes at the district's lower bound (direct full loads aside) and no gain for a while
    stall = [] if mix.stall is None else [(_bounds(problem)[0] - len(it.direct), mix.stall)]
    if mix.own is not None and mix.own.stall is not None:  # and, whatever the routes, after its own idle count
        stall.append((it.m, mix.own.stall))
    stalled = False
    for mark in marks:
        # With an iteration budget, time is only a cap: the whole search may use what is left before the last mark.
        until = marks[-1] if budget else mark
        seconds = max(0.0, time_limit * until - (cpu() - clock))
        iters = None if max_iterations is None else int(max_iterations * (mark - done) / marks[-1])
        if stalled:  # an earlier leg stopped on the stall rule: the masters still run, our search does not
            iters = 0
        span = (done / marks[-1], mark / marks[-1])
        cand, cost, ran = search.run(seq, seconds, pool.add, scale, span, iters, stall or None)
        stalled |= search.stalled
        timed_out |= iters is not None and ran < iters and not stalled
        done = mark
        if cost < best_cost:
            best_seq, best_cost, seq = cand, cost, cand
        routes = pool.best(POOL_COLUMNS)
        cols = columns_for(problem, it, routes)
        remaining = time_limit - (cpu() - clock)
        warm = None
        if best_seq is not None:
            keys = {frozenset(r) for r in routes_of(best_seq)}
            warm = [k for k, c in enumerate(cols) if frozenset(c.items) in keys]
        last = mark == marks[-1] and not split_mode
        if budget:
            limit, nodes = max(0.3, remaining), mix.master_nodes[1 if last else 0]
        else:
            limit = remaining - 2 * overhead - 0.02 * time_limit if last else min(remaining, 0.05 * time_limit)
            nodes = None
        t_master = time.perf_counter()
        res = solve_master(cols, list(range(1, it.m)), fleet, max(0.3, limit), None if multi else warm, False, nodes)
        overhead = max(overhead, time.perf_counter() - t_master - max(0.3, limit))
        timed_out |= budget and res is not None and res.timed_out
        if res is not None and (best_master is None or res.objective < best_master[0].objective - 1e-9):
            best_master = (res, cols)
            if res.objective < best_cost - 1e-9:
                seq = seq_of([list(cols[k].items) for k in res.chosen])
                if search.feasible(search.state(seq)):
                    best_seq, best_cost = seq, res.objective
    if best_master is not None and (multi or best_master[0].objective <= best_cost + 1e-9):
        chosen = _from_master(*best_master)
    elif best_seq is not None:
        chosen = [(tuple(r), None) for r in routes_of(best_seq)]
    else:
        raise ValueError(f"{problem.name}: no feasible routes found (limits or fleet too tight).")
    if not multi and not split_mode and chosen and mix.own is not None:
        polish = math.inf if budget else min(1.0, 0.01 * time_limit)
        routes = local_search(it, rc, [list(items) for items, _ in chosen], polish)
        if sum(rc(r) for r in routes) < sum(rc(list(items)) for items, _ in chosen) - 1e-9:
            chosen = [(tuple(r), None) for r in routes]
    if split_mode:
        left = time_limit - (cpu() - clock) - 0.2
        better = split_recombine(problem, it, pool, chosen, left, mix.master_nodes[1] if budget else None)
        if better is not None:
            return _result(problem, it, better, "feasible", None, start, timed_out)
    result = _result(problem, it, chosen, "feasible", None, start, timed_out)
    if keep_pool:
        offered = [tuple(r) for routes in seeds for r in routes]
        best = [r for _, r in pool.best(POOL_COLUMNS)]
        return _with_pool(result, it, [tuple(items) for items, _ in chosen] + offered + best)
    return result


def _with_pool(result: RoutingResult, it: Items, routes: list[tuple[int, ...]]) -> RoutingResult:
    """The result with the pool's routes as (items, merged stops), each item set once, in the given order."""
    seen: set[frozenset[int]] = set()
    pool = []
    for items in routes:
        key = frozenset(items)
        if key not in seen:
            seen.add(key)
            pool.append((tuple(items), merged_stops(it, items)))
    return dataclasses.replace(result, pool=tuple(pool), direct_routes=len(it.direct))
