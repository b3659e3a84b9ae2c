"""A time-limited search's CPU seconds shared between PyVRP and our own search by what each returns on the problem.

With only a time limit (no iteration budget), on plain distance (what PyVRP minimises itself), the search runs
in slices of CPU seconds: PyVRP first for ``Slices.first`` of the time, then our own search (SISR and a master
over the pool) for one slice, and every later slice goes to the part whose last turn returned more per CPU
second (relative improvement of the best solution); PyVRP's rate after its first turn is the one over its
last slice-length of that turn; PyVRP's turns continue one search (``timed.PausedPyvrp``), ours start from the
best solution found by either part. Ties go to
PyVRP, the stronger search on its own objective. The slices end at ``Slices.end`` of the time: the last master and
the polish have the rest. Time is CPU seconds of this process (``cpu``), so a busy machine does not shorten it.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from scenarios.errors import ScenarioError


def cpu() -> float:
    """CPU seconds of this process: the clock of every time limit of the route search."""
    return time.process_time()


@dataclass(frozen=True)
class Slices:
    """Shares of the time limit: PyVRP's ``first`` turn, each later ``slice``, and the ``end`` of the slices
    (0 < slice, first < end <= 1)."""

    first: float = 0.5
    slice: float = 0.1
    end: float = 0.96

    def __post_init__(self) -> None:
        values = (self.first, self.slice, self.end)
        ok = all(isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v) for v in values)
        if not ok or not (0 < self.first < self.end <= 1 and 0 < self.slice < self.end):
            raise ScenarioError("mix.slices", field="search.slices", fix="mix.slices.fix", value=repr(values))


def rate(history: list[tuple[float, float]], since: float, now: float) -> float:
    """Relative improvement of the best per CPU second over ``since``..``now``, from a (time, best) ``history``
    (times increasing, bests decreasing): 0 when the best did not move or the stretch is empty."""
    if now <= since or not history:
        return 0.0
    before = [cost for t, cost in history if t <= since]
    start = before[-1] if before else history[0][1]
    end = history[-1][1]
    if not math.isfinite(start) or start <= 0 or end >= start:
        return 0.0
    return (start - end) / start / (now - since)


def share(
    plan: Slices,
    limit: float,
    elapsed: Callable[[], float],
    pyvrp_rate: float,
    pyvrp: Callable[[float], float],
    own: Callable[[float], float],
    best: Callable[[], float],
) -> list[tuple[str, float, float]]:
    """Run the slices after PyVRP's first turn (whose rate is ``pyvrp_rate``) until ``plan.end`` of ``limit``
    seconds by ``elapsed``: ``pyvrp(seconds)`` and ``own(seconds)`` run one turn from the best; ``best()`` is the
    best cost so far. Returns the turns as (part, CPU seconds, rate), in order."""
    rates = {"pyvrp": pyvrp_rate, "own": math.inf}  # our own search is tried once before any comparison
    turns: list[tuple[str, float, float]] = []
    parts = {"pyvrp": pyvrp, "own": own}
    while True:
        left = plan.end * limit - elapsed()
        if left <= 0.25 * plan.slice * limit:  # a stub of a slice is not worth a turn
            break
        seconds = min(plan.slice * limit, left)
        part = "own" if rates["own"] > rates["pyvrp"] else "pyvrp"
        before, t0 = best(), elapsed()
        parts[part](seconds)
        spent = max(elapsed() - t0, 1e-9)
        after = best()
        gained = (before - after) / before if math.isfinite(before) and before > 0 and after < before else 0.0
        rates[part] = gained / spent
        turns.append((part, spent, rates[part]))
    return turns


__all__ = ["Slices", "cpu", "rate", "share"]
