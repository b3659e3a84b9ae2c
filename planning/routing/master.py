"""Set-partitioning master problem over a pool of routes (PuLP + HiGHS): build, solve, read back."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import pulp

from planning.solver import HiGHS, clock_limit


@dataclass(frozen=True)
class Column:
    """One candidate route: the items it serves (in order), its vehicle type and its cost."""

    items: tuple[int, ...]
    type_id: str
    cost: float


@dataclass(frozen=True)
class MasterResult:
    """Chosen columns, objective, proven optimality, the solver's lower bound, and whether the clock stopped it."""

    chosen: list[int]
    objective: float
    optimal: bool
    bound: float | None
    timed_out: bool = False


class _WarmHiGHS(HiGHS):  # type: ignore[misc]
    """PuLP's HiGHS (highspy) with a MIP start passed by ``setSolution`` (PuLP's warmStart is CMD-only), and an
    interrupt callback that enforces the time limit where HiGHS alone overruns it; a node-limit stop is read as
    ``planning.solver.HiGHS`` reads it."""

    start: list[tuple[pulp.LpVariable, float]] | None = None

    def callSolver(self, lp: pulp.LpProblem) -> None:
        model = lp.solverModel
        if self.timeLimit is not None:
            deadline = time.perf_counter() + float(self.timeLimit) + 0.5

            def stop(event: object) -> None:
                if time.perf_counter() > deadline:
                    event.interrupt()  # type: ignore[attr-defined]

            for hook in (model.cbMipInterrupt, model.cbSimplexInterrupt, model.cbIpmInterrupt):
                hook.subscribe(stop)
        if self.start:
            import numpy as np

            idx = np.array([v.index for v, _ in self.start], dtype=np.int32)
            val = np.array([value for _, value in self.start], dtype=np.float64)
            lp.solverModel.setSolution(len(idx), idx, val)
        lp.solverModel.run()



def build_master(
    columns: Sequence[Column], items: Sequence[int], fleet: dict[str, int | None]
) -> tuple[pulp.LpProblem, list[pulp.LpVariable]]:
    """Each item exactly once; at most the fleet of each type."""
    prob = pulp.LpProblem("set_partitioning", pulp.LpMinimize)
    x = [prob.add_variable(f"x_{k}", 0, 1, cat=pulp.LpBinary) for k in range(len(columns))]
    prob += pulp.lpSum(col.cost * v for col, v in zip(columns, x, strict=True))
    covering: dict[int, list[pulp.LpVariable]] = {i: [] for i in items}
    by_type: dict[str, list[pulp.LpVariable]] = {}
    for col, v in zip(columns, x, strict=True):
        for i in col.items:
            covering[i].append(v)
        by_type.setdefault(col.type_id, []).append(v)
    for i, vs in covering.items():
        prob += pulp.lpSum(vs) == 1, f"cover_{i}"
    for type_id, count in fleet.items():
        if count is not None and type_id in by_type:
            prob += pulp.lpSum(by_type[type_id]) <= count, f"fleet_{type_id}"
    return prob, x


def solve_master(
    columns: Sequence[Column],
    items: Sequence[int],
    fleet: dict[str, int | None],
    time_limit: float,
    start: Sequence[int] | None = None,
    exact: bool = False,
    node_limit: int | None = None,
) -> MasterResult | None:
    """Solve the set-partitioning problem; None when no integer solution was found.

    With ``node_limit`` the branch and bound stops after that many nodes, whatever the machine's load;
    ``time_limit`` (infinite: none) is an opt-in cap (``timed_out`` says when it struck).
    """
    if not columns:
        return None
    prob, x = build_master(columns, items, fleet)
    return run_master(prob, x, [c.cost for c in columns], time_limit, start, exact, node_limit)


#: HiGHS options for a light branch and bound (pseudocosts instead of strong branching, no RINS/RENS sub-MIPs):
#: with a node limit it keeps the best solution of the first nodes, found in a fraction of the work.
LIGHT = {"mip_pscost_minreliable": 0, "mip_heuristic_run_rins": False, "mip_heuristic_run_rens": False}


def master_solver(
    time_limit: float, exact: bool = False, node_limit: int | None = None, options: dict[str, object] | None = None
) -> _WarmHiGHS:
    """HiGHS with a node limit (deterministic); ``time_limit`` (infinite: none, the clock is never read) as a cap."""
    options = {**({"gapRel": 0.0, "gapAbs": 0.0} if exact else {}), **(options or {})}
    if node_limit is not None:
        options["mip_max_nodes"] = int(node_limit)
    return _WarmHiGHS(msg=False, timeLimit=clock_limit(time_limit, 0.3), **options)


def timed_out(prob: pulp.LpProblem) -> bool:
    """True when HiGHS stopped at its time limit (or our interrupt), not at a node limit or optimality."""
    import highspy

    status = prob.solverModel.getModelStatus()
    st = highspy.HighsModelStatus
    # kHighsInterrupt exists from highspy 1.9 on; the declared floor (1.8) has kTimeLimit and kInterrupt only.
    stops = tuple(getattr(st, name) for name in ("kTimeLimit", "kInterrupt", "kHighsInterrupt") if hasattr(st, name))
    return status in stops


def run_master(
    prob: pulp.LpProblem,
    x: Sequence[pulp.LpVariable],
    costs: Sequence[float],
    time_limit: float,
    start: Sequence[int] | None = None,
    exact: bool = False,
    node_limit: int | None = None,
    options: dict[str, object] | None = None,
) -> MasterResult | None:
    """Solve a built master (binary ``x`` with ``costs``) and read back the chosen columns."""
    solver = master_solver(time_limit, exact, node_limit, options)
    if start is not None:
        chosen = set(start)
        solver.start = [(v, 1.0 if k in chosen else 0.0) for k, v in enumerate(x)]
    prob.solve(solver)
    if prob.sol_status not in (pulp.LpSolutionOptimal, pulp.LpSolutionIntegerFeasible):
        return None
    if prob.solverModel.getInfo().primal_solution_status != 2:  # stopped before an integer solution
        return None
    chosen_cols = [k for k, v in enumerate(x) if (v.varValue or 0) > 0.5]
    objective = sum(costs[k] for k in chosen_cols)
    bound: float | None = None
    try:
        info = prob.solverModel.getInfo()
        bound = float(info.mip_dual_bound)
    except AttributeError:
        bound = None
    optimal = prob.sol_status == pulp.LpSolutionOptimal
    if optimal:
        bound = objective if bound is None else min(objective, bound)
    return MasterResult(chosen_cols, objective, optimal, bound, timed_out(prob))
