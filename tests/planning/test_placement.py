"""Placement on the bundled scenarios and on small hand-made cases: soundness, reasons and limits."""

from __future__ import annotations

import pulp
import pytest

import scenarios
from planning.check import check_plan
from planning.placement import Weights, build_model, make_groups, place, score, shortfalls, unplaced_table
from planning.placement.start import start_values
from scenarios.loader import bundled_names
from tests.planning.conftest import variant


@pytest.mark.parametrize("name", bundled_names())
def test_bundled_scenarios_place_every_worker_at_most_once_and_pass_the_checker(name: str) -> None:
    sc = scenarios.load(name)
    plan = place(sc)
    assert plan.placement_info is not None and plan.placement_info.status == "optimal"
    assert plan.placement.index.is_unique
    assert set(plan.placement.index) == set(sc.workers.index)
    assert check_plan(sc, plan) == []
    assert (plan.unplaced["reason"] != "").all()
    assert score(sc, plan.placement) == pytest.approx(plan.placement_info.objective, abs=1e-6)


def test_tiny_plan_sends_returning_workers_back_and_honours_wishes(tiny, tiny_plan) -> None:
    p = tiny_plan.placement
    assert p.at["W1", "enterprise_id"] == "T1" and "returning" in p.at["W1", "reason"]
    assert p.at["W2", "district"] == "chengyang" and "wish_district" in p.at["W2", "reason"]
    assert p.at["W4", "job"] == "operator" and "wish_job" in p.at["W4", "reason"]
    assert p.at["W7", "district"] == "jimo"


def test_grouping_merges_identical_workers(tiny) -> None:
    workers = [{"id": f"W{k}", "village": "v1"} for k in range(5)] + [{"id": "W9", "village": "v2"}]
    sc = variant(tiny, workers=workers)
    groups = make_groups(sc)
    assert sorted(groups.table["n"]) == [1, 5]
    assert len(make_groups(sc, grouped=False)) == 6


def test_unplaced_workers_are_named_with_the_limit_and_shortage(tiny) -> None:
    workers = [{"id": f"W{k}", "village": "v1"} for k in range(9)]
    sc = variant(tiny, workers=workers, posts={"T1": {"general": 3}, "T2": {"general": 2}, "T3": {"general": 2}})
    plan = place(sc)
    assert len(plan.unplaced) == 2
    reason = plan.unplaced["reason"].iloc[0]
    assert reason.key == "unplaced.no_post"  # a catalog key with its parameters, rendered where people read it
    assert reason.render("en") == "no post left for skill General worker in any district (General worker: 9 able, " \
        "7 posts)"
    assert reason.render("zh") == "各区市均无 普工 岗位空缺（普工：可胜任 9 人，岗位 7 个）"
    table = unplaced_table(sc, plan.placement)
    assert list(table["name"]) == ["name of W7", "name of W8"] and table["reason"].str.contains("7 posts").all()
    assert shortfalls(sc) == ["posts[general]: 9 workers can only take general posts but there are 7; "
                              "at least 2 will be unplaced."]
    assert shortfalls(sc)[0].render("zh") == "岗位 普工：9 人只能做 普工，但只有 7 个岗位；至少 2 人无法安置。"
    assert check_plan(sc, plan) == []


def test_a_full_wished_district_is_named(tiny) -> None:
    workers = [{"id": "W1", "wish_district": "jimo"}, {"id": "W2", "wish_district": "jimo"},
               {"id": "W3", "wish_district": "jimo"}]
    sc = variant(tiny, workers=workers, posts={"T1": {}, "T2": {}, "T3": {"general": 2}})
    plan = place(sc)
    assert list(plan.unplaced["reason"]) == [
        "wished district Jimo full; no post left for skill General worker in any district "
        "(General worker: 3 able, 2 posts)"]
    assert plan.unplaced["reason"].iloc[0].render("zh") == \
        "意向区市 即墨区 已满；各区市均无 普工 岗位空缺（普工：可胜任 3 人，岗位 2 个）"


def test_district_quota_and_beds_are_hard_limits_with_reasons(tiny) -> None:
    workers = [{"id": f"W{k}", "gender": "F"} for k in range(4)]
    sc = variant(tiny, workers=workers, posts={"T1": {"general": 4}, "T2": {"general": 4}, "T3": {}},
                 enterprise_changes={"T2": {"max_female": 1}}, district_quotas={"chengyang": 2})
    plan = place(sc)
    assert plan.workers_per_enterprise().to_dict() == {"T1": 2, "T2": 1}
    assert check_plan(sc, plan) == []
    assert all("quota" in r or "beds" in r for r in plan.unplaced["reason"])
    assert all("名额" in r.render("zh") or "床位" in r.render("zh") for r in plan.unplaced["reason"])


@pytest.mark.parametrize("keep", ["none", "district", "enterprise"])
def test_keep_villagers_policy_keeps_a_village_together(tiny, keep: str) -> None:
    # Two enterprises far apart with room for the whole village; the ride favours splitting nobody.
    workers = [{"id": f"W{k}", "village": "v1"} for k in range(4)]
    sc = variant(tiny, workers=workers, posts={"T1": {"general": 2}, "T2": {"general": 2}, "T3": {"general": 4}},
                 keep_villagers=keep)
    plan = place(sc, gap=0.0)
    used = plan.placed["enterprise_id"].nunique()
    if keep == "none":
        assert used == 2  # the two nearest enterprises
    else:
        assert used == 1 and plan.placed["enterprise_id"].iloc[0] == "T3"
        assert all("villagers" in r for r in plan.placed["reason"])


def test_returning_workers_beyond_their_employers_posts_go_elsewhere(tiny) -> None:
    workers = [{"id": f"W{k}", "returning_employer": "T2"} for k in range(3)]
    sc = variant(tiny, workers=workers, posts={"T1": {"general": 3}, "T2": {"general": 1}, "T3": {}})
    plan = place(sc)
    assert plan.workers_per_enterprise().to_dict() == {"T1": 2, "T2": 1}
    assert plan.placement.at["W0", "enterprise_id"] == "T2"  # the lowest id goes back, deterministically
    assert "2 cannot go back" in shortfalls(sc)[0]
    assert check_plan(sc, plan) == []


def test_cbc_gives_the_same_objective(tiny) -> None:
    plan = place(tiny, solver="cbc")
    assert plan.placement_info.solver == "cbc"
    assert plan.placement_info.objective == pytest.approx(place(tiny).placement_info.objective)


def test_time_limited_solves_are_not_called_optimal(tiny) -> None:
    plan = place(tiny, time_limit=1e-9)
    assert plan.placement_info.status in ("optimal", "feasible", "no_solution")
    if plan.placement_info.status == "no_solution":
        assert (plan.placement["enterprise_id"] == "").all()
        assert plan.placement["reason"].str.contains("time limit").all()


def test_model_constraints_are_named_by_what_they_limit(tiny) -> None:
    groups = make_groups(tiny)
    model = build_model(tiny, groups)
    w1 = groups.of_worker["W1"]  # returning to T1
    assert {"posts[T1,general]", "posts[T2,operator]", f"returning[{w1},T1]"} <= set(model.constraints)
    assert any(name.startswith("group[") for name in model.constraints)
    assert any(name.startswith("district_of_village[") for name in model.constraints)


def test_weights_check_their_values() -> None:
    with pytest.raises(ValueError, match=r"Weights\.returning >= 0, got -1"):
        Weights(returning=-1)


def test_a_big_returning_weight_is_what_sends_workers_back(tiny) -> None:
    workers = [{"id": "W1", "returning_employer": "T3", "wish_district": "chengyang"}]
    sc = variant(tiny, workers=workers)
    assert place(sc).placement.at["W1", "enterprise_id"] == "T3"
    assert place(sc, weights=Weights(returning=0)).placement.at["W1", "district"] == "chengyang"


@pytest.mark.parametrize("name", ["tiny", "dingxi_qingdao_2025"])
def test_a_district_plan_is_a_feasible_start_for_the_one_enterprise_model(name: str) -> None:
    district = scenarios.load(name)
    together = scenarios.load(name, {"policy.keep_villagers": "enterprise"})
    plan = place(district)
    model = build_model(together, make_groups(together))
    values = start_values(together, model, plan.placement)
    for var in model.problem.variables():
        var.varValue = values.get(var, 0.0)
    broken = [label for label, c in model.constraints.items() if not c.valid(1e-9)]
    assert broken == []
    assert pulp.value(model.problem.objective) <= score(together, plan.placement) + 1e-6


def test_one_enterprise_model_returns_a_plan_within_a_short_time_limit() -> None:
    sc = scenarios.load("dingxi_qingdao_2024", {"policy.keep_villagers": "enterprise"})
    plan = place(sc, time_limit=3.0)
    assert plan.placement_info.status in ("optimal", "feasible")
    # Stopped by the clock, most are placed (all 530 at optimality, which takes this model far longer since every
    # enterprise has a returning worker); the others are told why.
    unplaced = plan.placement[plan.placement["enterprise_id"] == ""]
    assert len(plan.placed) >= 0.9 * len(sc.workers) and (unplaced["reason"] != "").all()
    assert check_plan(sc, plan) == []


def test_highs_bound_is_in_the_problems_terms(tiny) -> None:
    """The maximised score's bound is reported as a score (not HiGHS's negated, constant-free minimum)."""
    info = place(tiny).placement_info
    assert info.status == "optimal"
    assert info.bound is not None and abs(info.bound - info.objective) <= 1e-6 * abs(info.objective)


def test_unmet_limits_go_into_the_plans_warnings(tiny) -> None:
    """With T1's posts gone, the plan says which limit fails and by how much, not just 'placed 5 of 8'."""
    sc = variant(tiny, posts={"T1": {}})
    plan = place(sc)
    assert len(plan.unplaced) > 0
    assert plan.warnings and any("cannot go back to their employer" in w or "will be unplaced" in w
                                 for w in plan.warnings)
    assert place(tiny).warnings == ()


@pytest.mark.parametrize("keep", ["none", "district", "enterprise"])
def test_nearest_enterprises_give_the_whole_models_best_score(monkeypatch, keep: str) -> None:
    """``near``: a big city's far posts left out of the model (a season's arrival) cost no point of the score."""
    import dataclasses

    from planning.placement import model as placement_model

    sc = scenarios.load("dingxi_qingdao_2023")
    women_beds = sc.enterprises["max_female"].where(sc.enterprises.index.str[-1].isin(list("02468")), 1)
    sc = dataclasses.replace(sc, workers=sc.workers.iloc[:20], enterprises=sc.enterprises.assign(max_female=women_beds),
                             policy=dataclasses.replace(sc.policy, keep_villagers=keep))
    whole = place(sc, gap=0.0)
    monkeypatch.setattr(placement_model, "NEAR_ABOVE", 0)
    groups = make_groups(sc)
    assert build_model(sc, groups, near=True).problem.numVariables() < build_model(sc, groups).problem.numVariables()
    near = place(sc, gap=0.0, near=True)
    assert near.placement_info.status == whole.placement_info.status == "optimal"
    assert near.placement_info.objective == pytest.approx(whole.placement_info.objective, rel=1e-9)
    assert score(sc, near.placement) == pytest.approx(score(sc, whole.placement), rel=1e-9)
    assert len(near.placed) == len(whole.placed) and check_plan(sc, near) == []
