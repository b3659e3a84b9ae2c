"""Split-delivery master: choose routes from the pool and how much each route drops at each of its stops
(``split_recombine`` offers a search's pool and its chosen routes to it, and keeps the answer only when it is better).

min sum_r c_r x_r   s.t.  sum_{r ni i} y_ri = d_i,   sum_{i in r} y_ri <= Q x_r,   y_ri <= min(d_i, Q) x_r
"""

from __future__ import annotations

import time
from collections.abc import Sequence

import numpy as np
import pulp

from planning.routing.evaluate import evaluate_route
from planning.routing.exact import merged_stops
from planning.routing.items import Items
from planning.routing.master import master_solver
from planning.routing.pool import POOL_COLUMNS, RoutePool
from planning.routing.problem import RoutingProblem
from planning.routing.result import Stop
from planning.solver import clock_limit


def solve_split_master(
    routes: Sequence[tuple[tuple[int, ...], float]],
    demand: dict[int, float],
    capacity: float,
    time_limit: float,
    start: Sequence[int] | None = None,
    start_qty: dict[tuple[int, int], float] | None = None,
    integral: bool = True,
    node_limit: int | None = None,
) -> tuple[list[tuple[tuple[int, ...], list[float]]], float] | None:
    """Routes (node tuples with costs) chosen with their drop quantities, and the objective; None when none found.

    ``start`` (route indices) and ``start_qty`` ((route index, node) -> quantity) give a MIP start. Quantities are
    continuous in the MIP; with ``integral`` data they are made whole by re-solving the quantities (a
    transportation LP, whose vertices are integral) for the chosen routes.
    """
    prob = pulp.LpProblem("split_partitioning", pulp.LpMinimize)
    x = [prob.add_variable(f"x_{k}", 0, 1, cat=pulp.LpBinary) for k in range(len(routes))]
    cat = pulp.LpContinuous
    y: dict[tuple[int, int], pulp.LpVariable] = {}
    serving: dict[int, list[pulp.LpVariable]] = {i: [] for i in demand}
    for k, (nodes, _) in enumerate(routes):
        for i in nodes:
            var = prob.add_variable(f"y_{k}_{i}", 0, min(demand[i], capacity), cat=cat)
            y[(k, i)] = var
            serving[i].append(var)
            prob += var <= min(demand[i], capacity) * x[k], f"link_{k}_{i}"
        prob += pulp.lpSum(y[(k, i)] for i in nodes) <= capacity * x[k], f"capacity_{k}"
    prob += pulp.lpSum(cost * x[k] for k, (_, cost) in enumerate(routes))
    for i, vs in serving.items():
        prob += pulp.lpSum(vs) == demand[i], f"demand_{i}"
    started = time.perf_counter()
    solver = master_solver(time_limit, node_limit=node_limit)
    if start is not None and start_qty is not None:
        chosen = set(start)
        solver.start = [(v, 1.0 if k in chosen else 0.0) for k, v in enumerate(x)]
        solver.start += [(var, start_qty.get(key, 0.0)) for key, var in y.items()]
    prob.solve(solver)
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        return None
    values = {key: float(var.varValue or 0.0) for key, var in y.items()}
    chosen = [k for k in range(len(routes)) if (x[k].varValue or 0) > 0.5]
    if integral and any(abs(v - round(v)) > 1e-6 for v in values.values()):
        values = _whole_quantities(routes, chosen, demand, capacity, time_limit - (time.perf_counter() - started))
        if values is None:
            return None
    out: list[tuple[tuple[int, ...], list[float]]] = []
    total = 0.0
    for k, (nodes, cost) in enumerate(routes):
        if k in chosen:
            qty = [float(np.round(values.get((k, i), 0.0), 9)) for i in nodes]
            kept = [(i, q) for i, q in zip(nodes, qty, strict=True) if q > 1e-9]
            if kept:
                out.append((tuple(i for i, _ in kept), [q for _, q in kept]))
                total += cost
    return out, total


def _whole_quantities(
    routes: Sequence[tuple[tuple[int, ...], float]],
    chosen: list[int],
    demand: dict[int, float],
    capacity: float,
    time_limit: float,
) -> dict[tuple[int, int], float] | None:
    """Whole drop quantities for the chosen routes (an LP with integral vertices), or None."""
    prob = pulp.LpProblem("split_quantities", pulp.LpMinimize)
    y = {(k, i): prob.add_variable(f"y_{k}_{i}", 0, min(demand[i], capacity)) for k in chosen for i in routes[k][0]}
    prob += pulp.lpSum([])
    for k in chosen:
        prob += pulp.lpSum(y[(k, i)] for i in routes[k][0]) <= capacity, f"capacity_{k}"
    for i, d in demand.items():
        prob += pulp.lpSum(v for (k, j), v in y.items() if j == i) == d, f"demand_{i}"
    prob.solve(pulp.HiGHS(msg=False, timeLimit=clock_limit(time_limit, 1.0)))
    if prob.sol_status != pulp.LpSolutionOptimal:
        return None
    values = {key: float(v.varValue or 0.0) for key, v in y.items()}
    if any(abs(v - round(v)) > 1e-6 for v in values.values()):
        return None
    return {key: float(round(v)) for key, v in values.items()}


def split_recombine(
    problem: RoutingProblem,
    it: Items,
    pool: RoutePool,
    chosen: list[tuple[tuple[int, ...], str | None]],
    seconds: float,
    node_limit: int | None = None,
) -> list[tuple[list[Stop], str | None]] | None:
    """Re-choose routes and split quantities over the pool; None unless it beats ``chosen``."""
    if seconds < 0.5 and node_limit is None:
        return None
    vt = problem.vehicle_types[0]
    by_nodes: dict[tuple[int, ...], float] = {}
    for _, items in pool.best(POOL_COLUMNS):
        nodes = tuple(n for n, _ in merged_stops(it, items))
        if nodes not in by_nodes:
            by_nodes[nodes] = evaluate_route(problem, [(n, 0.0) for n in nodes], vt).cost
    incumbent = [merged_stops(it, items) for items, _ in chosen]
    for stops in incumbent:
        nodes = tuple(n for n, _ in stops)
        by_nodes.setdefault(nodes, evaluate_route(problem, [(n, 0.0) for n in nodes], vt).cost)
    routes = list(by_nodes.items())
    index = {nodes: k for k, (nodes, _) in enumerate(routes)}
    start_qty = {(index[tuple(n for n, _ in st)], n): q for st in incumbent for n, q in st}
    start_routes = [index[tuple(n for n, _ in st)] for st in incumbent]
    demand: dict[int, float] = {}
    for i in range(1, it.m):
        demand[int(it.node[i])] = demand.get(int(it.node[i]), 0.0) + float(it.qty[i])
    integral = all(float(q).is_integer() for q in demand.values()) and float(vt.capacity).is_integer()
    seconds = max(0.5, seconds)
    res = solve_split_master(routes, demand, vt.capacity, seconds, start_routes, start_qty, integral, node_limit)
    if res is None:
        return None
    old = sum(by_nodes[tuple(n for n, _ in st)] for st in incumbent)
    if res[1] >= old - 1e-9:
        return None
    return [([(n, q) for n, q in zip(nodes, qty, strict=True)], vt.id) for nodes, qty in res[0]]
