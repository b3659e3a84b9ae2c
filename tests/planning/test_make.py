"""make_plan: the default routing search is counted in iterations, so the same seed gives the same plan."""

from __future__ import annotations

import dataclasses

import pytest

import planning.make
import scenarios
from planning import PlanCheckError, PlanOptions, SolveInfo, make_plan
from planning.check import check_plan
from scenarios import ScenarioError


def test_same_seed_same_plan_on_the_2023_scenario() -> None:
    """Two runs with the default settings give identical routes and manifests, checked clean, honestly 'feasible'."""
    sc = scenarios.load("dingxi_qingdao_2023")
    a = make_plan(sc, seed=0)
    b = make_plan(sc, seed=0)
    assert a.routes.equals(b.routes) and a.manifest.equals(b.manifest)
    assert check_plan(sc, a) == []
    assert a.routes["workers"].sum() == len(sc.workers)
    info = a.routing_info
    assert info.status == "feasible" and info.gap is not None and info.gap > 0


def test_options_and_keywords_give_the_same_plan() -> None:
    """make_plan(sc, PlanOptions(...)) and make_plan(sc, seed=..., iterations=...) are one thing."""
    sc = scenarios.load("tiny")
    a = make_plan(sc, PlanOptions(seed=3, iterations=500, time_limit=5))
    b = make_plan(sc, seed=3, iterations=500, time_limit=5)
    assert a.routes.equals(b.routes) and a.manifest.equals(b.manifest)
    with pytest.raises(TypeError, match="'iteration'"):
        make_plan(sc, iteration=5)


def test_an_objective_option_replaces_the_scenarios() -> None:
    sc = scenarios.load("tiny")
    plan = make_plan(sc, PlanOptions(objective="cost", iterations=300, time_limit=5))
    assert check_plan(sc, plan) == [] and len(plan.placed) == len(sc.workers)


def test_a_placement_without_a_solution_names_the_time_limit(monkeypatch) -> None:
    sc = scenarios.load("tiny")
    real = planning.make.place

    def stopped(*args, **kwargs):
        plan = real(*args, **kwargs)
        info = SolveInfo("no_solution", "highs", None, None, None, 0.25)
        return dataclasses.replace(plan, placement_info=info)

    monkeypatch.setattr("planning.make.place", stopped)
    with pytest.raises(ScenarioError) as err:
        make_plan(sc, iterations=300, time_limit=5)
    assert err.value.field == "time_limit"
    assert "the placement solver (highs) found no placement: status no_solution after 0.2 s" in str(err.value)


def test_violations_found_by_the_checker_are_a_plan_check_error(monkeypatch) -> None:
    sc = scenarios.load("tiny")
    monkeypatch.setattr("planning.check.check_plan", lambda *a, **k: ["coach C01 over its seats", "W3 twice"])
    with pytest.raises(PlanCheckError, match=r"^2 violations in the plan: coach C01 over its seats; W3 twice$"):
        make_plan(sc, iterations=300, time_limit=5)


def test_a_placement_stopped_early_reports_returning_workers_as_warnings(monkeypatch) -> None:
    """Shortfalls of a time-limited placement (returning workers elsewhere) are warnings, not a broken plan."""
    sc = scenarios.load("tiny")
    real = planning.make.place

    def feasible(*args, **kwargs):
        plan = real(*args, **kwargs)
        return dataclasses.replace(plan, placement_info=SolveInfo("feasible", "highs", 1.0, 0.5, 0.5, 0.1))

    monkeypatch.setattr("planning.make.place", feasible)
    monkeypatch.setattr("planning.check.check_plan", lambda *a, **k: ["W1 is not at E1"])
    monkeypatch.setattr("planning.check.check_returning", lambda *a, **k: ["W1 is not at E1"])
    plan = make_plan(sc, iterations=300, time_limit=5)
    assert plan.warnings[-1] == "W1 is not at E1"
