"""PlanOptions: how ``make_plan`` searches, checked when built (like ``sim.config.SimConfig``)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from planning.routing.mix import DEFAULT_SEARCH, RouteSearch, check_search
from planning.solver import SOLVERS
from scenarios.errors import ScenarioError
from scenarios.policy import OBJECTIVES

#: Routing search iterations by default: a count, not a clock, so the same seed gives the same plan on any machine.
#: On the bundled nights 10,000 take 6.2-8.1 CPU s at load 18 (benchmarks/results/routing_mixes.txt); measured on
#: earlier nights, they found the coaches of 20,000 with worker ride minutes within 1.6% (routing_scenarios.txt).
ROUTING_ITERATIONS = 10_000
#: The largest iteration budget accepted (about a day of search on the 2023 scenario).
MAX_ITERATIONS = 10_000_000
#: The longest time limit accepted, seconds (one day). No limit is the default: only counts stop a default plan.
MAX_SECONDS = 86_400.0
#: Seeds are unsigned 32-bit numbers, as NumPy's and the solvers' seeds are.
MAX_SEED = 2**32 - 1
#: The largest planning margin accepted, minutes (a whole evening).
MAX_MARGIN = 600


def _fail(name: str, key: str, fix: str, **params: Any) -> ScenarioError:
    return ScenarioError(key, field=name, fix=fix, **params)


def _whole(value: Any, name: str, low: int, high: int, fix: str) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise _fail(name, "opts.whole", fix, low=low, high=high, value=_short(value))


def _short(value: Any) -> str:
    """A value for a message, cut to 40 characters (a 400-digit number is not repeated whole)."""
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:30]}... ({len(text)} characters)"


@dataclass(frozen=True)
class PlanOptions:
    """How a plan is searched for.

    The routing search stops after ``iterations``, and every MIP inside the plan (placement, masters, coach types)
    on node limits or optimality: nothing reads the clock, so the same seed gives the same plan, to the byte, on
    any machine at any load. ``time_limit`` (seconds, opt-in) also stops placement and routing on the clock,
    whichever comes first; a plan it stopped says so (``SolveInfo.timed_out``), as it may differ on another run.
    ``iterations=None`` leaves only the clock. ``objective`` None keeps the scenario's ``policy.objective``.
    With ``strict``, a stop no coach can reach before the latest arrival is an error; otherwise it is served late
    and listed in ``plan.warnings``. ``search`` is the route search's mix (``planning.routing.mix.RouteSearch``:
    PyVRP's and our own search's shares of the iterations, the masters' nodes); ``n_jobs`` the processes the
    districts are searched on (the same plan, to the byte, for any number). ``margin_min``: the routes are planned
    to arrive that many minutes before ``policy.latest_arrival`` (the plan says so, and is still judged against the
    deadline itself).
    """

    objective: str | None = None
    seed: int = 0
    iterations: int | None = ROUTING_ITERATIONS
    time_limit: float | None = None
    strict: bool = True
    solver: str = "highs"
    search: RouteSearch = DEFAULT_SEARCH
    n_jobs: int = 1
    margin_min: int = 0

    def __post_init__(self) -> None:
        if self.objective is not None and self.objective not in OBJECTIVES:
            raise _fail("objective", "num.one_of", "opts.objective.fix", choices=", ".join(OBJECTIVES),
                        value=_short(self.objective))
        _whole(self.seed, "seed", 0, MAX_SEED, "opts.seed.fix")
        if self.iterations is not None:
            _whole(self.iterations, "iterations", 1, MAX_ITERATIONS,
                   "opts.iterations.fix")
        if self.time_limit is not None:
            ok = isinstance(self.time_limit, int | float) and not isinstance(self.time_limit, bool)
            if not ok or not math.isfinite(self.time_limit) or not 0 < self.time_limit <= MAX_SECONDS:
                raise _fail("time_limit", "opts.seconds", "opts.seconds.fix", high=f"{MAX_SECONDS:g}",
                            value=_short(self.time_limit))
        if self.iterations is None and self.time_limit is None:
            raise _fail("iterations", "opts.no_stop", "opts.no_stop.fix")
        if not isinstance(self.strict, bool):
            raise _fail("strict", "opts.bool", "opts.bool.fix", value=_short(self.strict))
        _whole(self.margin_min, "margin_min", 0, MAX_MARGIN, "opts.margin.fix")
        check_search(self.search, self.n_jobs)
        if self.solver not in SOLVERS:
            raise _fail("solver", "num.one_of", "opts.solver.fix", choices=", ".join(SOLVERS),
                        value=_short(self.solver))

    @property
    def seconds(self) -> float:
        """The wall-clock cap of each of placement and routing; infinite (no clock read) when none is set."""
        return math.inf if self.time_limit is None else float(self.time_limit)

    @property
    def reproducible(self) -> bool:
        """Whether only counts stop the search (so the same seed gives the same plan on any machine)."""
        return self.iterations is not None and self.time_limit is None

    def describe_stop(self) -> str:
        """The stop criterion in words: '10000 iterations (at most 30 s)', 'after 30 s', ..."""
        if self.iterations is None:
            return f"after {self.seconds:g} s"
        if self.time_limit is None:
            return f"{self.iterations} iterations"
        return f"{self.iterations} iterations (at most {self.time_limit:g} s)"
