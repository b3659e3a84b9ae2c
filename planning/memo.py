"""PlanMemo: what earlier plans lend the plan of a variant (its placement, its districts' routes), so that a sweep or
a slider does not search again for what it already has.

Exact reuse, always: a placement is kept for a scenario whose placement inputs are the same (workers, enterprises,
jobs, districts, travel, the station's place, the villagers rule and district quotas), and a district's search
result for a problem the search sees the same (every field alike, ``max_ride`` and ``deadline`` only through
``ride_limit``, which is all the search reads) with the same seed and iterations. Placement and search are
deterministic, so the plan is the one a full re-plan makes, to the byte; a change of fleet counts leaves every
district's problem as it was, and only the fleet master chooses again.

Warm reuse (``warm=True``, for a slider): a district whose problem differs from the base plan's (the first plan made
with the memo) only in its ride limit (a train delay, a deadline) also keeps the base's routes when every one of them
still holds under the new limit; the fleet master then chooses again from the base's pool (its routes re-checked
against the new limit, those that fail left out). Such a plan passes the same checker as any other, but it is not a
fresh search: a looser limit might have allowed better routes, so a kept result proven optimal under a tighter limit
is reported as feasible only. A district whose base routes fail the new limit is searched again, as a full re-plan
would search it; a changed placement re-routes every district its change reaches.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from planning.options import PlanOptions
from planning.plan import Plan
from planning.routing.evaluate import evaluate_route
from planning.routing.problem import RoutingProblem
from planning.routing.result import RoutingResult
from scenarios.scenario import Scenario

#: Placements held at once (a grid of variants rarely has more than a few distinct ones).
MAX_PLACEMENTS = 8
#: Search results held per district besides the base plan's (the oldest go first).
MAX_PER_DISTRICT = 16
#: The fields of a routing problem the search reads only through ``ride_limit``.
LIMIT_FIELDS = ("max_ride", "deadline")


def same(a: Any, b: Any) -> bool:
    """Whether two values are equal, element by element for frames, arrays, dataclasses and containers."""
    if isinstance(a, pd.DataFrame | pd.Series) or isinstance(b, pd.DataFrame | pd.Series):
        return type(a) is type(b) and a.equals(b) and list(a.index) == list(b.index)
    if isinstance(a, np.ndarray) or isinstance(b, np.ndarray):
        return isinstance(a, np.ndarray) and isinstance(b, np.ndarray) and a.shape == b.shape and \
            bool(np.array_equal(a, b))
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return type(a) is type(b) and all(same(getattr(a, f.name), getattr(b, f.name))
                                          for f in dataclasses.fields(a))
    if isinstance(a, Mapping):
        return isinstance(b, Mapping) and list(a) == list(b) and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def placement_inputs(sc: Scenario) -> tuple[Any, ...]:
    """What ``planning.placement.place`` reads of a scenario (a train delay or a fleet is not in it)."""
    return (sc.workers, sc.enterprises, sc.jobs, sc.districts, sc.travel, sc.travel_matrix, sc.calibrated,
            (sc.station.lat, sc.station.lon), sc.policy.keep_villagers, sc.policy.district_quotas)


def same_search(a: RoutingProblem, b: RoutingProblem) -> bool:
    """Whether the route search sees two problems alike: the same in every field, the limits only as ride limit."""
    return a.ride_limit == b.ride_limit and same_but_limit(a, b)


def same_but_limit(a: RoutingProblem, b: RoutingProblem) -> bool:
    """Whether two problems differ at most in ``max_ride`` and ``deadline``."""
    return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(RoutingProblem)
               if f.name not in LIMIT_FIELDS)


def still_holds(problem: RoutingProblem, base: RoutingProblem, result: RoutingResult) -> RoutingResult | None:
    """``result`` (searched for ``base``) for ``problem`` when only the limits differ and every route keeps them;
    a looser limit leaves it feasible, not proven optimal. None when a route breaks the new limit."""
    if not same_but_limit(problem, base):
        return None
    for stops, type_id in zip(result.routes, result.route_types, strict=True):
        if not evaluate_route(problem, stops, problem.vehicle_type(type_id)).feasible:
            return None
    new, old = problem.ride_limit, base.ride_limit
    if old is not None and (new is None or new > old) and result.status == "optimal":
        return dataclasses.replace(result, status="feasible", lower_bound=None, gap=None)
    return result


@dataclass(frozen=True)
class Searched:
    """One district's search: its problem, seed, iterations and result."""

    problem: RoutingProblem
    seed: int
    iterations: int | None
    result: RoutingResult


class PlanMemo:
    """The placements and district searches of the plans made with it (``make_plan(sc, options, memo=memo)``), for
    one ``PlanOptions``; ``warm`` also keeps the base plan's district routes where they still hold (see above).

    ``history`` says, plan by plan, what was reused: ("placement", "same" | "made"), then (district, "same" |
    "kept" | "searched").
    """

    def __init__(self, options: PlanOptions, *, warm: bool = False) -> None:
        self.options = options
        self.warm = warm
        self.history: list[tuple[str, str]] = []
        self._plans = 0
        self._placements: list[tuple[tuple[Any, ...], Plan]] = []
        self._base: dict[str, Searched] = {}
        self._searched: dict[str, list[Searched]] = {}

    def check(self, options: PlanOptions) -> None:
        """A memo serves the options it was made for: other options would search differently."""
        if options != self.options:
            raise ValueError(f"this PlanMemo holds plans made with {self.options}, not {options}")

    def placement(self, sc: Scenario) -> Plan | None:
        """A placement made for the same placement inputs (the start of a new plan), or None."""
        self._plans += 1
        inputs = placement_inputs(sc)
        for held, plan in self._placements:
            if same(held, inputs):
                self.history.append(("placement", "same"))
                return plan
        self.history.append(("placement", "made"))
        return None

    def keep_placement(self, sc: Scenario, plan: Plan) -> None:
        self._placements = [*self._placements[-(MAX_PLACEMENTS - 1):], (placement_inputs(sc), plan)]

    def get(self, name: str, problem: RoutingProblem, seed: int, iterations: int | None) -> RoutingResult | None:
        """A search result for this district: the same search done before, else (warm) the base's routes."""
        base = self._base.get(name)
        for s in ([base] if base is not None else []) + self._searched.get(name, []):
            if s.seed == seed and s.iterations == iterations and same_search(s.problem, problem):
                self.history.append((name, "same"))
                return s.result
        if self.warm and base is not None:
            held = still_holds(problem, base.problem, base.result)
            if held is not None:
                self.history.append((name, "kept"))
                return held
        self.history.append((name, "searched"))
        return None

    def put(self, name: str, problem: RoutingProblem, seed: int, iterations: int | None,
            result: RoutingResult) -> None:
        done = Searched(problem, seed, iterations, result)
        if self._plans <= 1 and name not in self._base:
            self._base[name] = done
            return
        self._searched[name] = [*self._searched.get(name, [])[-(MAX_PER_DISTRICT - 1):], done]

    def since(self, mark: int) -> Sequence[tuple[str, str]]:
        """What the plans made after ``len(history) == mark`` reused."""
        return self.history[mark:]
