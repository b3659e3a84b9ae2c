"""A time-limited search's time shared between PyVRP and our own search by returns (``planning.routing.slices``,
``planning.routing.timed``): the rule on a fake clock, PyVRP's warm start, and a solve checked by the checker."""

from __future__ import annotations

import math

import numpy as np
import pytest

import planning.routing.timed as timed_module
from planning.routing import VehicleType
from planning.routing.check import check_routes
from planning.routing.generator import available, pyvrp_data, run_pyvrp
from planning.routing.items import build_items
from planning.routing.mix import RouteSearch
from planning.routing.slices import Slices, rate, share
from planning.routing.solver import solve
from scenarios import ScenarioError
from tests.planning.routing.conftest import grid_problem


class Clock:
    """A fake CPU clock that each part advances by the seconds it is given."""

    def __init__(self, now: float = 0.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def _run(plan: Slices, pyvrp_gain: list[float], own_gain: list[float], start: float = 5.0, first_rate: float = 0.0):
    """Turns on a fake clock, each part lowering the best by its next gain; the turns and the clock."""
    clock, best = Clock(start), [1000.0]

    def part(gains: list[float]):
        def run(seconds: float) -> None:
            clock.now += seconds
            best[0] -= gains.pop(0) if gains else 0.0
        return run

    turns = share(plan, 10.0, clock, first_rate, part(pyvrp_gain), part(own_gain), lambda: best[0])
    return turns, clock.now


def test_our_search_is_tried_once_then_each_slice_goes_to_the_part_that_returned_more() -> None:
    # PyVRP's first turn returned 1% a second; ours returns 5 (of 1000) in its one-second slice, then PyVRP 20, ...
    turns, end = _run(Slices(first=0.5, slice=0.1, end=0.9), pyvrp_gain=[20.0, 0.0], own_gain=[5.0, 3.0],
                      first_rate=0.01)
    assert [p for p, _, _ in turns] == ["own", "pyvrp", "pyvrp", "own"]
    assert end == pytest.approx(9.0)  # the slices end at 0.9 of the 10 s
    assert turns[0][2] == pytest.approx(0.005) and turns[2][2] == 0.0


def test_when_neither_returns_pyvrp_keeps_the_slices_and_a_stub_is_not_a_turn() -> None:
    turns, end = _run(Slices(first=0.5, slice=0.15, end=0.97), pyvrp_gain=[], own_gain=[])
    assert [p for p, _, _ in turns] == ["own", "pyvrp", "pyvrp"]  # 5 + 1.5 * 3 = 9.5 s, then 0.2 s left
    assert end == pytest.approx(9.5)


def test_rate_is_relative_improvement_per_second_over_the_stretch() -> None:
    history = [(0.0, math.inf), (1.0, 200.0), (4.0, 100.0), (6.0, 99.0)]
    assert rate(history, 5.0, 7.0) == pytest.approx(0.01 / 2)  # 100 -> 99 in the last 2 s
    assert rate(history, 6.5, 7.0) == 0.0  # nothing since
    assert rate(history, 0.5, 7.0) == 0.0  # from no feasible best: no rate
    assert rate([], 0.0, 1.0) == 0.0


@pytest.mark.parametrize("changes", [dict(first=0.0), dict(first=0.97), dict(slice=0), dict(end=1.5),
                                     dict(first=math.nan), dict(slice=True)])
def test_bad_slices_are_named(changes) -> None:
    with pytest.raises(ScenarioError) as err:
        Slices(**changes)
    assert err.value.field == "search.slices"
    with pytest.raises(ScenarioError) as err:
        RouteSearch(slices=0.5)  # type: ignore[arg-type]
    assert err.value.field == "search.slices"


def _problem(n: int = 40):
    rng = np.random.default_rng(11)
    pts = [tuple(p) for p in rng.integers(0, 100, size=(n + 1, 2)).tolist()]
    return grid_problem(pts, rng.integers(1, 10, size=n).tolist(), (VehicleType("v", 30),))


@pytest.mark.skipif(not available(), reason="PyVRP missing")
def test_pyvrp_starts_from_our_routes() -> None:
    """A warm start of our items (client ids shifted by the depot) is where PyVRP starts: one iteration from a
    solution keeps its cost or improves it, and serves every item once; its new bests are handed on."""
    from pyvrp.stop import MaxIterations

    problem = dataclasses_round(_problem())
    it = build_items(problem)
    data = pyvrp_data(problem, it)
    bests: list[list[list[int]]] = []
    routes, res = run_pyvrp(data, MaxIterations(300), 0, None, bests.append)
    again, res2 = run_pyvrp(data, MaxIterations(1), 7, routes)
    assert res2.cost() <= res.cost()
    assert sorted(i for r in again for i in r) == list(range(1, it.m))
    # every new best on the way (the pool's material) serves every item once, and the last is the result
    assert bests and all(sorted(i for r in b for i in r) == list(range(1, it.m)) for b in bests)
    assert bests[-1] == routes


def dataclasses_round(problem):
    """The problem with whole distances (PyVRP's integers stand for them exactly)."""
    import dataclasses

    return dataclasses.replace(problem, distance=np.round(problem.distance), travel_time=np.round(problem.distance))


@pytest.mark.skipif(not available(), reason="PyVRP missing")
def test_a_time_limited_search_on_distance_runs_in_turns_and_its_routes_pass_the_checker(monkeypatch) -> None:
    seen: list[list[tuple[str, float, float]]] = []
    real = timed_module.Turns.run

    def run(self, *args, **kwargs):
        real(self, *args, **kwargs)
        seen.append(self.log)

    monkeypatch.setattr(timed_module.Turns, "run", run)
    problem = _problem()
    result = solve(problem, time_limit=1.0, seed=3, exact=False)
    assert len(seen) == 1 and seen[0] and seen[0][0][0] == "own"  # ours is tried first after PyVRP's first turn
    assert check_routes(problem, result) == []
    seen.clear()
    off = solve(problem, time_limit=1.0, seed=3, exact=False, mix=RouteSearch(slices=None))
    assert seen == [] and check_routes(problem, off) == []


@pytest.mark.skipif(not available(), reason="PyVRP missing")
def test_pyvrp_in_turns_is_one_search_continued(monkeypatch) -> None:
    """PyVRP's turns continue one search (one solve, paused between turns), its bests reach the pool's callback,
    and closing it gives routes that serve every item once."""
    import pyvrp

    calls: list[int] = []
    real = pyvrp.solve
    monkeypatch.setattr(pyvrp, "solve", lambda *a, **k: (calls.append(1), real(*a, **k))[1])
    problem = dataclasses_round(_problem())
    it = build_items(problem)
    bests: list[list[list[int]]] = []
    paused = timed_module.PausedPyvrp(pyvrp_data(problem, it), 0, bests.append)
    for _ in range(3):
        paused.turn(0.05)
    routes = paused.close()
    assert calls == [1] and not paused.thread.is_alive()
    assert routes is not None and sorted(i for r in routes for i in r) == list(range(1, it.m))
    costs = [c for _, c in paused.history]
    assert bests and costs == sorted(costs, reverse=True)
