"""Solver choice (HiGHS through highspy by default, CBC as fallback) and an honest reading of its status."""

from __future__ import annotations

import contextlib
import math
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pulp

from present.catalog import CATALOG, text
from scenarios.errors import ScenarioError

SOLVERS = ("highs", "cbc")


class HiGHS(pulp.HiGHS):  # type: ignore[misc,name-defined]
    """PuLP's HiGHS (highspy) that also reads a stop at a work limit (``mip_max_nodes``: kSolutionLimit), which
    PuLP's own reading does not know: the solution found so far, when there is one."""

    def findSolutionValues(self, lp: pulp.LpProblem) -> tuple[int, int]:
        import highspy

        model = lp.solverModel
        if model.getModelStatus() != highspy.HighsModelStatus.kSolutionLimit:
            return super().findSolutionValues(lp)  # type: ignore[no-any-return]
        values = list(model.getSolution().col_value)
        for var in lp.variables():
            var.varValue = values[var.index]
        if model.getInfo().primal_solution_status == 2:
            return pulp.LpStatusOptimal, pulp.LpSolutionIntegerFeasible
        return pulp.LpStatusNotSolved, pulp.LpSolutionNoSolutionFound


@dataclass(frozen=True)
class SolveInfo:
    """What a solver proved: ``status`` is 'optimal' only when proven, else 'feasible' (with ``gap`` when known),
    'infeasible' or 'no_solution' (stopped before finding one)."""

    status: str
    solver: str
    objective: float | None
    bound: float | None
    gap: float | None
    seconds: float
    #: True when the time limit, not the planned work (iterations, nodes), ended the search.
    timed_out: bool = False

    def describe(self, seconds: bool = False, lang: str = "en") -> str:
        """The plan's standing in a planner's words ("the best plan", "a plan at most 3.1% above the best
        possible"); ``seconds`` adds the time taken (for a run log: it differs run to run, so files that should be
        the same for the same seed leave it out)."""
        if self.status == "feasible" and self.gap is not None:
            key, gap = "solve.close", f"{100 * self.gap:.1f}"
        else:
            key, gap = f"solve.{self.status}" if f"solve.{self.status}" in CATALOG else "solve.other", ""
        said = text(key, lang, gap=gap, status=self.status)
        timed = seconds and math.isfinite(self.seconds)
        parts = [text("solve.seconds", lang, s=f"{self.seconds:.1f}")] if timed else []
        parts += [text("solve.time_limit", lang)] if self.timed_out else []
        return said + (text("solve.took", lang, parts=text("sep.comma", lang).join(parts)) if parts else "")


def cbc_path() -> str | None:
    """A CBC executable: one on PATH, else the binary PuLP ships; None when there is neither."""
    import shutil

    from pulp.apis import coin_api

    found = shutil.which("cbc")
    bundled = getattr(coin_api, "pulp_cbc_path", None)
    if found:
        return found
    return bundled if bundled and os.path.isfile(bundled) else None


def clock_limit(seconds: float | None, floor: float = 0.0) -> float | None:
    """Seconds for a solver's time limit, at least ``floor``; None (the solver never reads the clock) when
    ``seconds`` is None or infinite, as in a default plan."""
    if seconds is None or not math.isfinite(seconds):
        return None
    return max(floor, float(seconds))


def make_solver(
    name: str = "highs",
    time_limit: float | None = 60.0,
    gap: float | None = None,
    msg: bool = False,
    threads: int | None = None,
    node_limit: int | None = None,
) -> pulp.LpSolver:
    """A PuLP solver: HiGHS through highspy, or CBC (also the fallback when highspy is not installed).

    ``time_limit`` None or infinite: no time limit (the solver stops on optimality or ``node_limit``, branch-and-bound
    nodes: work, not seconds, so the answer does not depend on the machine's load; HiGHS only, CBC the fallback stops
    on optimality or the clock)."""
    time_limit = clock_limit(time_limit)
    if name not in SOLVERS:
        raise ScenarioError("plan.solver", field="solver", name=name, choices=", ".join(SOLVERS))
    if name == "highs":
        nodes = {} if node_limit is None else {"mip_max_nodes": int(node_limit)}
        solver = HiGHS(msg=msg, timeLimit=time_limit, gapRel=gap, threads=threads, **nodes)
        if solver.available():
            return solver
    path = cbc_path()
    if path is None:
        raise ScenarioError("plan.no_solver", field="solver")
    return pulp.COIN_CMD(path=path, msg=msg, timeLimit=time_limit, gapRel=gap, threads=threads)


@contextlib.contextmanager
def quiet_stdout() -> Iterator[None]:
    """Silence file descriptor 1 (HiGHS prints its banner from C++ even with output off)."""
    sys.stdout.flush()
    try:
        saved = os.dup(1)
    except OSError:  # no real stdout (some notebook kernels): nothing to silence
        yield
        return
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 1)
        try:
            yield
        finally:
            sys.stdout.flush()
            os.dup2(saved, 1)
            os.close(saved)


def solve(problem: pulp.LpProblem, solver: pulp.LpSolver) -> SolveInfo:
    """Solve and read the status honestly: a time-limited stop is 'feasible', never 'optimal'."""
    start = time.perf_counter()
    name = "highs" if isinstance(solver, pulp.HiGHS) else "cbc"
    log = ""
    if solver.msg:
        problem.solve(solver)
    elif name == "cbc":
        log = _solve_with_log(problem, solver)
    else:
        with quiet_stdout():
            problem.solve(solver)
    seconds = time.perf_counter() - start
    objective = pulp.value(problem.objective) if problem.objective is not None else None
    if name == "highs" and getattr(problem, "solverModel", None) is not None:
        return _read_highs(problem, seconds)
    clock = getattr(solver, "timeLimit", None)
    if problem.status == pulp.LpStatusInfeasible and clock is not None and seconds >= clock:
        # CBC stopped at its time limit before any solution reads back as infeasible: it is not
        return SolveInfo("no_solution", name, None, None, None, seconds, timed_out=True)
    if problem.status == pulp.LpStatusInfeasible:
        return SolveInfo("infeasible", name, None, None, None, seconds)
    if problem.sol_status == pulp.LpSolutionOptimal:
        return SolveInfo("optimal", name, objective, objective, 0.0, seconds)
    if problem.sol_status == pulp.LpSolutionIntegerFeasible:
        bound, gap = cbc_bound(log, objective)
        return SolveInfo("feasible", name, objective, bound, gap, seconds, timed_out=clock is not None)
    return SolveInfo("no_solution", name, None, None, None, seconds)


def _solve_with_log(problem: pulp.LpProblem, solver: pulp.LpSolver) -> str:
    """Solve with CBC writing its log to a temporary file; return the log's text (it holds the bound)."""
    fd, path = tempfile.mkstemp(prefix="cbc-", suffix=".log")
    os.close(fd)
    solver.optionsDict["logPath"] = path
    try:
        problem.solve(solver)
        return Path(path).read_text(errors="replace")
    finally:
        solver.optionsDict.pop("logPath", None)
        Path(path).unlink(missing_ok=True)


def cbc_bound(log: str, objective: float | None) -> tuple[float | None, float | None]:
    """The best bound and relative gap from CBC's closing summary, in the problem's terms; (None, None) if absent.

    CBC prints "Objective value:" and "Upper bound:" (maximising) or "Lower bound:"; its objective may lack the
    problem's constant, so the bound is shifted by the difference between PuLP's objective and CBC's.
    """
    value = re.search(r"^Objective value:\s*(\S+)", log, re.MULTILINE)
    bound = re.search(r"^(?:Upper|Lower) bound:\s*(\S+)", log, re.MULTILINE)
    if objective is None or value is None or bound is None:
        return None, None
    try:
        shifted = float(bound.group(1)) + objective - float(value.group(1))
    except ValueError:
        return None, None
    if not math.isfinite(shifted):
        return None, None
    return shifted, abs(shifted - objective) / max(abs(objective), 1e-9)


def _read_highs(problem: pulp.LpProblem, seconds: float) -> SolveInfo:
    import highspy

    model = problem.solverModel
    status = model.getModelStatus()
    info = model.getInfo()
    st = highspy.HighsModelStatus
    clock = status in tuple(getattr(st, n) for n in ("kTimeLimit", "kInterrupt", "kHighsInterrupt") if hasattr(st, n))
    has_solution = info.primal_solution_status == 2  # kSolutionStatusFeasible
    objective = pulp.value(problem.objective) if has_solution and problem.objective is not None else None
    # PuLP hands HiGHS a minimisation without the objective's constant: bring the bound back to the problem's terms.
    mult = -1.0 if problem.sense == pulp.LpMaximize else 1.0
    constant = float(problem.objective.constant) if problem.objective is not None else 0.0
    dual = mult * info.mip_dual_bound + constant if math.isfinite(info.mip_dual_bound) else None
    if status == highspy.HighsModelStatus.kOptimal:  # proven within HiGHS's relative gap tolerance
        gap = info.mip_gap if math.isfinite(info.mip_gap) and 0 <= info.mip_gap < 1 else 0.0
        bound = dual if dual is not None else objective
        return SolveInfo("optimal", "highs", objective, bound, gap, seconds)
    if status in (highspy.HighsModelStatus.kInfeasible, highspy.HighsModelStatus.kUnboundedOrInfeasible):
        return SolveInfo("infeasible", "highs", None, None, None, seconds)
    if not has_solution:
        return SolveInfo("no_solution", "highs", None, None, None, seconds, timed_out=clock)
    bound = dual
    gap = info.mip_gap if math.isfinite(info.mip_gap) and info.mip_gap < 1e9 else None
    return SolveInfo("feasible", "highs", objective, bound, gap, seconds, timed_out=clock)
