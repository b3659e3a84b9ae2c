"""The time-limited search on plain distance: PyVRP and our own search (SISR, a master over the pool) in turns.

``solve`` uses it when only a time limit stops the search, the objective is plain distance (PyVRP's cost is ours,
so their returns compare), one vehicle type serves whole deliveries without reloads, and the mix has ``slices``.
How the turns are given is ``planning.routing.slices``; this module runs them on one problem and keeps the best.
"""

from __future__ import annotations

import math
import threading

import numpy as np

from planning.routing.generator import pyvrp_data, run_pyvrp
from planning.routing.items import Items
from planning.routing.master import Column, MasterResult, solve_master
from planning.routing.pool import POOL_COLUMNS, RoutePool, columns_for
from planning.routing.problem import RoutingProblem
from planning.routing.sisr import Sisr
from planning.routing.slices import Slices, cpu, rate, share
from planning.routing.tour import routes_of, seq_of

#: Part of our own search's turn for its master over the pool (the rest anneals).
MASTER_PART = 0.3


class PausedPyvrp:
    """One PyVRP search taken in turns: it runs in a thread whose stopping criterion waits at the end of each turn,
    so that the next turn continues the same search (its current solution, history and penalties), not a restart.
    Only one thread runs at a time (the caller waits during a turn), and CPU seconds count both."""

    def __init__(self, data: object, seed: int, on_best: object) -> None:
        self.data, self.seed, self.on_best = data, seed, on_best
        self.until = 0.0
        self.finish = False
        self.history: list[tuple[float, float]] = []
        self.routes: list[list[int]] | None = None
        self.error: BaseException | None = None
        self.ended = False
        self.go, self.paused = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _stop(self, best_cost: float) -> bool:  # PyVRP's thread, every iteration
        now = cpu()
        if not self.history or best_cost < self.history[-1][1]:
            self.history.append((now, float(best_cost)))
        if now < self.until and not self.finish:
            return False
        self.paused.set()
        self.go.wait()
        self.go.clear()
        return self.finish

    def _run(self) -> None:
        try:
            got = run_pyvrp(self.data, self._stop, self.seed, None, self.on_best)  # type: ignore[arg-type]
            self.routes = None if got is None else got[0]
        except BaseException as err:  # handed to the caller's thread
            self.error = err
        finally:
            self.ended = True
            self.paused.set()

    def turn(self, seconds: float) -> None:
        """Run the search for ``seconds`` more CPU seconds (the first turn starts it)."""
        if self.ended:
            return
        self.until = cpu() + seconds
        self.paused.clear()
        if self.thread.ident is None:
            self.thread.start()
        else:
            self.go.set()
        self.paused.wait()
        if self.error is not None:
            raise self.error

    def close(self) -> list[list[int]] | None:
        """End the search: its best routes, or None."""
        if self.thread.ident is not None and not self.ended:
            self.finish = True
            self.go.set()
            self.thread.join()
        if self.error is not None:
            raise self.error
        return self.routes


def sliced(problem: RoutingProblem, it: Items, budget: bool, plan: Slices | None, reloads: int, both: bool) -> bool:
    """True when the time-limited search runs in turns (module docstring);
    ``both``: PyVRP (present) and our own search are on."""
    return (
        both
        and not budget
        and plan is not None
        and problem.objective == "distance"
        and len(problem.vehicle_types) == 1
        and not problem.split_delivery
        and reloads == 0
        and it.m > 2
    )


class Turns:
    """One problem's time-limited search in turns; ``start`` is when its clock (``cpu``) started."""

    def __init__(
        self, problem: RoutingProblem, it: Items, fleet: dict[str, int | None], search: Sisr, pool: RoutePool,
        plan: Slices, limit: float, start: float, seed: int,
    ) -> None:
        self.problem, self.it, self.fleet, self.search, self.pool = problem, it, fleet, search, pool
        self.plan, self.limit, self.start, self.seed = plan, limit, start, seed
        self.data = pyvrp_data(problem, it)
        self.count = next(iter(fleet.values()))
        self.rate = 0.0
        self.best_seq: np.ndarray | None = None
        self.best_cost = math.inf
        self.best_master: tuple[MasterResult, list[Column]] | None = None
        self.scale = 1.0
        self.log: list[tuple[str, float, float]] = []
        self.last: list[list[int]] | None = None  # PyVRP's latest best
        self.paused = None if self.data is None else PausedPyvrp(self.data, seed, self._pool)

    def elapsed(self) -> float:
        """CPU seconds since the search started."""
        return cpu() - self.start

    def first(self) -> list[list[int]] | None:
        """PyVRP's first turn (up to ``plan.first`` of the time): its routes, or None; sets its rate over the
        last slice-length of the turn."""
        if self.paused is None:
            return None
        try:
            self.paused.turn(self.start + self.plan.first * self.limit - cpu())
        except BaseException:
            self.paused.close()
            raise
        now = cpu()
        self.rate = rate(self.paused.history, now - self.plan.slice * self.limit, now)
        return self.last

    def run(self, seq: np.ndarray, best_seq: np.ndarray | None, best_cost: float, scale: float) -> None:
        """The turns after PyVRP's first, from the best so far (``seq``; ``best_seq`` with ``best_cost``)."""
        self.seq, self.best_seq, self.best_cost, self.scale = seq, best_seq, best_cost, scale
        try:
            self.log = share(self.plan, self.limit, self.elapsed, self.rate, self.pyvrp, self.own,
                             lambda: self.best_cost)
        finally:
            routes = None if self.paused is None else self.paused.close()
        if routes is not None:
            self._offer(seq_of(routes))

    def _pool(self, routes: list[list[int]]) -> None:
        """A new best of PyVRP's into the pool (the masters recombine routes of its successive bests)."""
        self.last = routes
        st = self.search.state(seq_of(routes))
        self.pool.add(st, self.search.total(st))

    def _offer(self, seq: np.ndarray) -> None:
        st = self.search.state(seq)
        total = self.search.total(st)
        self.pool.add(st, total)
        if self.search.feasible(st) and total < self.best_cost - 1e-9:
            self.best_seq, self.best_cost, self.seq = seq, total, seq

    def pyvrp(self, seconds: float) -> None:
        """One more PyVRP turn of ``seconds``, continuing its search; its best is offered."""
        if self.paused is not None:
            self.paused.turn(seconds)
        if self.last is not None:
            self._offer(seq_of(self.last))

    def own(self, seconds: float) -> None:
        """One turn of our own search: SISR from the best, then a master over the pool."""
        t0 = self.elapsed()
        span = (min(1.0, t0 / (self.plan.end * self.limit)), min(1.0, (t0 + seconds) / (self.plan.end * self.limit)))
        anneal = (1 - MASTER_PART) * seconds
        cand, cost, _ = self.search.run(self.seq, anneal, self.pool.add, self.scale, span)
        if cost < self.best_cost - 1e-9:
            self.best_seq, self.best_cost, self.seq = cand, cost, cand
        cols = columns_for(self.problem, self.it, self.pool.best(POOL_COLUMNS))
        warm = None
        if self.best_seq is not None and self.count is None:  # as solve: no MIP start under a fixed fleet
            keys = {frozenset(r) for r in routes_of(self.best_seq)}
            warm = [k for k, c in enumerate(cols) if frozenset(c.items) in keys]
        left = max(0.3, t0 + seconds - self.elapsed())
        res = solve_master(cols, list(range(1, self.it.m)), self.fleet, left, warm, False, None)
        if res is not None and (self.best_master is None or res.objective < self.best_master[0].objective - 1e-9):
            self.best_master = (res, cols)
            if res.objective < self.best_cost - 1e-9:
                self._offer(seq_of([list(cols[k].items) for k in res.chosen]))


__all__ = ["MASTER_PART", "PausedPyvrp", "Turns", "sliced"]
