"""A slider over options (notebook 05): the base plan made once, every move re-planned from what it can keep.

A move builds the variant and plans it with a warm ``planning.memo.PlanMemo``: the base's placement while the move
leaves the placement's inputs alone (a delay, a fleet), every district's routes while the route search would see
the same problem (a fleet count: then only the fleet master chooses again), the base's routes of a district whose
ride limit moved (a delay) when they all still hold, and a new search of the districts where they do not. Every
plan passes the plan checker; every answer depends on the base and the move only, never on the moves before it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from planning.memo import PlanMemo
from planning.options import PlanOptions
from scenarios import Scenario
from whatif.option import Option, plan_or_problem, try_option


class Slider:
    """``slider(overrides)``: ``try_option(base, overrides, ...)`` answered from the base plan where it holds.

    ``replications`` nights are simulated per move with ``seed``; the routing search has ``iterations`` (the
    base's and any district searched again). ``reused`` says what the last move kept (``PlanMemo.history``).
    """

    def __init__(self, base: Scenario, *, replications: int = 5, seed: int = 0, iterations: int = 2000,
                 time_limit: float | None = None) -> None:
        self.base = base
        self.replications = replications
        self.seed = seed
        self.iterations = iterations
        self.time_limit = time_limit
        opts = PlanOptions(seed=seed, iterations=iterations, time_limit=time_limit, strict=False)
        self.memo = PlanMemo(opts, warm=True)
        # The base plan: what every move starts from (a base with no valid plan lends what it made, if anything).
        self.base_plan, self.base_problem = plan_or_problem(base, memo=self.memo, seed=seed, iterations=iterations,
                                                            time_limit=time_limit)
        self.reused: Sequence[tuple[str, str]] = ()

    def __call__(self, overrides: Mapping[str, Any]) -> Option:
        mark = len(self.memo.history)
        option = try_option(self.base, overrides, replications=self.replications, seed=self.seed,
                            iterations=self.iterations, time_limit=self.time_limit, memo=self.memo)
        self.reused = tuple(self.memo.since(mark))
        return option
