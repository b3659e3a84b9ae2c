"""The route search's mix as an option (``planning.routing.mix``) and districts searched on several processes."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

import planning.routing.solver as solver_module
from planning.options import PlanOptions
from planning.routing import VehicleType
from planning.routing.check import check_routes
from planning.routing.mix import RouteSearch, Stop
from planning.routing.solver import solve
from scenarios import ScenarioError
from tests.planning.routing.conftest import grid_problem


def _problem():
    rng = np.random.default_rng(5)
    pts = [tuple(p) for p in rng.integers(0, 100, size=(31, 2)).tolist()]
    return grid_problem(pts, rng.integers(1, 10, size=30).tolist(), (VehicleType("v", 25),))


@pytest.fixture
def spied(monkeypatch) -> dict[str, list[int]]:
    """The iterations PyVRP is offered and those our own search (SISR) runs, per call."""
    calls: dict[str, list[int]] = {"pyvrp": [], "own": []}
    real_pyvrp, real_run = solver_module.pyvrp_routes, solver_module.Sisr.run

    def pyvrp(problem, it, iterations, *args, **kwargs):
        calls["pyvrp"].append(iterations)
        return real_pyvrp(problem, it, iterations, *args, **kwargs)

    def run(self, *args, **kwargs):
        out = real_run(self, *args, **kwargs)
        calls["own"].append(out[2])
        return out

    monkeypatch.setattr(solver_module, "pyvrp_routes", pyvrp)
    monkeypatch.setattr(solver_module.Sisr, "run", run)
    return calls


@pytest.mark.parametrize(("mix", "pyvrp", "own"), [
    (RouteSearch(), [350], 650),  # the default: 35% PyVRP, the rest ours
    (RouteSearch(pyvrp=None), [], 1000),  # own search alone
    (RouteSearch(pyvrp=Stop(1.0), own=None), [1000], 0),  # PyVRP alone (the masters choose from its routes)
    (RouteSearch(pyvrp=Stop(0.5), own=Stop(0.5)), [500], 250),  # half, then half of the rest
])
def test_each_part_runs_its_share_of_the_iterations(spied, mix, pyvrp, own) -> None:
    problem = _problem()
    result = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=1000, mix=mix)
    assert spied["pyvrp"] == pyvrp
    assert own - 3 <= sum(spied["own"]) <= own  # three legs between the masters, each its share rounded down
    assert check_routes(problem, result) == [] and not result.timed_out


def test_the_default_mix_is_the_search_as_before() -> None:
    problem = _problem()
    a = solve(problem, time_limit=math.inf, seed=2, exact=False, max_iterations=400)
    b = solve(problem, time_limit=math.inf, seed=2, exact=False, max_iterations=400, mix=RouteSearch(Stop(0.35)))
    assert a.routes == b.routes and a.cost == b.cost


@pytest.mark.parametrize(("changes", "field"), [
    ({"pyvrp": None, "own": None}, "search.own"), ({"master_nodes": (300,)}, "search.master_nodes"),
    ({"exact_nodes": 0}, "search.exact_nodes"), ({"own": 0.5}, "search.own")])
def test_a_bad_mix_is_named(changes, field) -> None:
    with pytest.raises(ScenarioError) as err:
        RouteSearch(**changes)
    assert err.value.field == field


@pytest.mark.parametrize("share", [0, 1.5, math.nan, True])
def test_a_stop_is_a_share(share) -> None:
    with pytest.raises(ScenarioError):
        Stop(share)


@pytest.mark.parametrize(("changes", "field"), [({"n_jobs": 0}, "n_jobs"), ({"n_jobs": 2.0}, "n_jobs"),
                                                ({"search": "fast"}, "search")])
def test_plan_options_check_the_mix_and_jobs(changes, field) -> None:
    with pytest.raises(ScenarioError) as err:
        PlanOptions(**changes)
    assert err.value.field == field


def test_districts_on_two_processes_give_the_same_plan_bytes(tmp_path, monkeypatch) -> None:
    """2024 has ten district problems; searched on two processes (in whatever order they finish) the plan file
    (placement, routes, manifest, solver status) is the same bytes as on one."""
    import planning.routing.districts as routing_districts
    import scenarios
    from planning.make import route
    from planning.placement import place
    from planning.store import save_plan

    searched: list[tuple[int, int]] = []
    real = routing_districts.solve_districts
    monkeypatch.setattr(routing_districts, "solve_districts", lambda tasks, reloads, mix, n_jobs: (
        searched.append((len(tasks), n_jobs)), real(tasks, reloads, mix, n_jobs))[1])
    sc = scenarios.load("dingxi_qingdao_2024")
    placed = place(sc)
    for jobs in (1, 2):
        save_plan(route(sc, placed, PlanOptions(iterations=300, seed=3, n_jobs=jobs)), tmp_path / str(jobs), sc)
    assert searched == [(0, 1), (10, 2)]  # one process searched all ten districts itself, then two shared them
    assert (tmp_path / "1" / "plan.json").read_bytes() == (tmp_path / "2" / "plan.json").read_bytes()


def test_the_adaptive_stop_ends_a_district_at_its_bound(spied) -> None:
    """With ``stall``, our search stops once the routes are at the lower bound and the best has not improved for
    that many iterations: fewer iterations, the same number of vehicles, not reported as stopped by the clock."""
    problem = _problem()
    full = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=3000,
                 mix=RouteSearch(pyvrp=None))
    ran_full = sum(spied["own"])
    spied["own"].clear()
    quick = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=3000,
                  mix=RouteSearch(pyvrp=None, stall=100))
    assert quick.vehicles == full.vehicles == quick.vehicles_lower_bound
    assert sum(spied["own"]) < ran_full - 500 and not quick.timed_out
    assert check_routes(problem, quick) == []


@pytest.mark.parametrize("stall", [0, -5, 2.5, True])
def test_a_stops_stall_is_a_count(stall) -> None:
    with pytest.raises(ScenarioError) as err:
        Stop(0.5, stall)
    assert err.value.field == "search.stall"


def test_a_stall_count_ends_each_part_early_the_same_way_each_time(spied, monkeypatch) -> None:
    """``Stop(share, stall)``: PyVRP stops once its best has not improved for ``stall`` iterations (PyVRP's own
    NoImprovement count), our search likewise whatever its routes; neither is reported as stopped by the clock,
    and the same seed gives the same routes."""
    import pyvrp

    ran: list[int] = []  # the iterations PyVRP ran, per call
    pyvrp_solve = pyvrp.solve

    def counted(*args, **kwargs):
        res = pyvrp_solve(*args, **kwargs)
        ran.append(res.num_iterations)
        return res

    monkeypatch.setattr(pyvrp, "solve", counted)
    problem = _problem()
    mix = RouteSearch(pyvrp=Stop(0.5, 50), own=Stop(1.0, 60))
    a = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=4000, mix=mix)
    assert spied["pyvrp"] == [2000] and 50 <= ran[0] < 2000  # offered 2000, stopped after 50 idle ones
    assert sum(spied["own"]) < 2000 - 500  # our search, offered 2000, stopped well before
    assert check_routes(problem, a) == [] and not a.timed_out
    b = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=4000, mix=mix)
    assert a.routes == b.routes and ran[1] == ran[0]


@pytest.mark.parametrize("km", [(300,), (300, 200), (0, 20, 100), [300, 20, 100], "fast"])
def test_the_km_stops_are_three_counts(km) -> None:
    with pytest.raises(ScenarioError) as err:
        RouteSearch(km=km)
    assert err.value.field == "search.km"


def test_the_km_objective_gets_the_idle_stops_and_ride_minutes_do_not() -> None:
    default = RouteSearch()
    assert default.for_objective("vehicles_then_ride") is default
    km = default.for_objective("vehicles_then_km")
    assert km == RouteSearch(pyvrp=Stop(0.35, 300), own=Stop(1.0, 100), stall=40, km=None, clock=0.85)
    assert default.for_objective("distance") == RouteSearch(km=None, clock=0.85)  # plain km: only the clock
    mine = RouteSearch(pyvrp=Stop(0.5, 40), own=Stop(0.8, 30), stall=10).for_objective("vehicles_then_km")
    assert (mine.pyvrp, mine.own, mine.stall) == (Stop(0.5, 40), Stop(0.8, 30), 10)  # stops set by hand are kept
    assert RouteSearch(km=None).for_objective("vehicles_then_km") == RouteSearch(km=None)


def test_on_the_km_objective_the_search_stops_when_idle_with_the_same_vehicles(spied) -> None:
    """The default on coaches-then-km: PyVRP's routes, confirmed by fewer of our iterations than the full mix
    (``km=None``) runs, with the same vehicles; not reported as stopped by the clock."""
    rng = np.random.default_rng(5)
    pts = [tuple(p) for p in rng.integers(0, 100, size=(31, 2)).tolist()]
    problem = grid_problem(pts, rng.integers(1, 10, size=30).tolist(), (VehicleType("v", 25),),
                           objective="vehicles_then_km")
    full = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=3000, mix=RouteSearch(km=None))
    ran_full = sum(spied["own"])
    spied["own"].clear()
    quick = solve(problem, time_limit=math.inf, seed=1, exact=False, max_iterations=3000)
    assert spied["pyvrp"] == [1050, 1050]
    assert sum(spied["own"]) < ran_full - 500 and not quick.timed_out
    assert quick.vehicles == full.vehicles and check_routes(problem, quick) == []


def test_with_only_a_clock_pyvrp_gets_its_clock_share_of_the_time(monkeypatch) -> None:
    """With a time limit and no iteration count and the turns by returns off, PyVRP is offered twice its share of
    the seconds, or ``clock`` of them (on the km objectives 0.85 by default: it minimises km itself)."""
    offered: list[float] = []
    monkeypatch.setattr(solver_module, "pyvrp_routes", lambda problem, it, iterations, seconds, *a, **k: (
        offered.append(seconds), None)[1])
    problem = _problem()  # plain distance
    ride = dataclasses.replace(problem, objective="vehicles_then_ride")
    for p, mix in ((problem, RouteSearch(slices=None)), (problem, RouteSearch(km=None, slices=None)),
                   (ride, RouteSearch()), (problem, RouteSearch(clock=0.5, slices=None))):
        solve(p, time_limit=1.0, seed=1, exact=False, mix=mix)
    assert offered == pytest.approx([0.85, 0.7, 0.7, 0.5])
    with pytest.raises(ScenarioError) as err:
        RouteSearch(clock=0)
    assert err.value.field == "search.clock"
