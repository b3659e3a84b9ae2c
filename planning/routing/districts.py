"""The districts' route searches on several processes (joblib): each district is searched with its own seed and
count, so its routes do not depend on which process ran it or which finished first; results come back in the
districts' order."""

from __future__ import annotations

from collections.abc import Sequence

from planning.routing.mix import RouteSearch
from planning.routing.problem import RoutingProblem
from planning.routing.result import RoutingResult
from planning.routing.solver import solve
from planning.solver import quiet_stdout

#: One district's search: its name, problem, seconds (a cap), seed and iterations.
Task = tuple[str, RoutingProblem, float, int, int | None]


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
