"""Hypothesis: on tiny random instances the MILP's objective equals exhaustive search over per-worker choices,
and the grouped and per-worker models agree."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planning.check import check_plan
from planning.placement import Weights, place, score
from tests.planning.conftest import variant

ENTERPRISES = ("T1", "T2", "T3")  # chengyang, licang, jimo
DISTRICTS = ("chengyang", "licang", "jimo", "")
JOBS = ("general", "operator")


@st.composite
def instances(draw, max_workers: int, villages: int = 2):
    """A random roster and posts on tiny's three enterprises and two job types, with a random policy."""
    n = draw(st.integers(1, max_workers))
    workers = []
    for k in range(n):
        skills = draw(st.sampled_from(["general", "operator", "general;operator"]))
        workers.append({
            "id": f"W{k}",
            "village": draw(st.sampled_from([f"v{i}" for i in range(villages)] + [""])),
            "county": draw(st.sampled_from(["tongwei", "anding"])),
            "skills": skills,
            "gender": draw(st.sampled_from(["M", "F"])),
            "returning_employer": draw(st.sampled_from(["", "", *ENTERPRISES])),
            "wish_district": draw(st.sampled_from(DISTRICTS)),
            "wish_job": draw(st.sampled_from(["", "", *skills.split(";")])),
        })
    posts = {e: {j: draw(st.integers(0, 2)) for j in JOBS} for e in ENTERPRISES}
    beds = {e: {"max_female": draw(st.sampled_from([-1, -1, 0, 1]))} for e in ENTERPRISES}
    keep = draw(st.sampled_from(["none", "district", "enterprise"]))
    quotas = draw(st.sampled_from([{}, {"chengyang": 1}, {"jimo": 0, "licang": 2}]))
    return workers, posts, beds, keep, quotas


def exhaustive_best(sc, weights: Weights) -> float:
    """The best score over every per-worker choice (unplaced or an (enterprise, job) post) that keeps the limits."""
    e = sc.enterprises
    w = sc.workers
    hours = dict(zip(e.index, sc.travel_model.from_station(list(e.index))[0] / 60.0, strict=True))
    options = []
    for wid in w.index:
        skills = w.at[wid, "skills"].split(";")
        options.append([None] + [(eid, j) for eid in e.index for j in skills if e.at[eid, f"posts_{j}"] > 0])
    best = 0.0
    for choice in itertools.product(*options):
        posts: dict = {}
        women: dict = {}
        per_district: dict = {}
        for wid, opt in zip(w.index, choice, strict=True):
            if opt is None:
                continue
            eid, j = opt
            posts[(eid, j)] = posts.get((eid, j), 0) + 1
            women[eid] = women.get(eid, 0) + (w.at[wid, "gender"] == "F")
            d = e.at[eid, "district"]
            per_district[d] = per_district.get(d, 0) + 1
        if any(k > e.at[eid, f"posts_{j}"] for (eid, j), k in posts.items()):
            continue
        if any(k > e.at[eid, "max_female"] >= 0 for eid, k in women.items()):
            continue
        if any(k > sc.policy.district_quotas.get(d, k) for d, k in per_district.items()):
            continue
        total = 0.0
        villages: dict = {}
        for wid, opt in zip(w.index, choice, strict=True):
            if opt is None:
                continue
            eid, j = opt
            d = e.at[eid, "district"]
            total += weights.placed - weights.near_per_hour * hours[eid]
            total += weights.returning * (w.at[wid, "returning_employer"] == eid)
            total += weights.wish_district * (w.at[wid, "wish_district"] == d)
            total += weights.wish_job * (w.at[wid, "wish_job"] == j)
            total += weights.skill * (j != "general")
            v = f"{w.at[wid, 'county']}/{w.at[wid, 'village']}" if w.at[wid, "village"] else w.at[wid, "county"]
            villages.setdefault(v, []).append((d, eid))
        if sc.policy.keep_villagers != "none":
            for places in villages.values():
                total -= weights.village_district * (len({d for d, _ in places}) - 1)
                if sc.policy.keep_villagers == "enterprise":
                    total -= weights.village_enterprise * (len({eid for _, eid in places}) - 1)
        best = max(best, total)
    return best


def _scenario(tiny, instance):
    workers, posts, beds, keep, quotas = instance
    return variant(tiny, workers=workers, posts=posts, enterprise_changes=beds, keep_villagers=keep,
                   district_quotas=quotas)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instance=instances(max_workers=4))
def test_milp_objective_equals_exhaustive_search(tiny, instance) -> None:
    sc = _scenario(tiny, instance)
    plan = place(sc, gap=0.0)
    assert plan.placement_info.status == "optimal"
    best = exhaustive_best(sc, Weights())
    assert plan.placement_info.objective == pytest.approx(best, abs=1e-6)
    assert score(sc, plan.placement) == pytest.approx(best, abs=1e-6)
    assert check_plan(sc, plan) == []


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instance=instances(max_workers=14, villages=2))
def test_grouped_and_per_worker_models_agree(tiny, instance) -> None:
    sc = _scenario(tiny, instance)
    grouped = place(sc, gap=0.0)
    single = place(sc, gap=0.0, grouped=False)
    assert grouped.placement_info.objective == pytest.approx(single.placement_info.objective, abs=1e-6)
    assert score(sc, grouped.placement) == pytest.approx(grouped.placement_info.objective, abs=1e-6)
    assert check_plan(sc, grouped) == []


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(instance=instances(max_workers=4))
def test_enterprise_mode_with_few_candidates_stays_sound(tiny, instance, monkeypatch) -> None:
    """One district of three enterprises, one candidate per village: the pool carries the rest, soundly."""
    import planning.placement.model as model

    monkeypatch.setattr(model, "ENTERPRISE_CANDIDATES", 1)
    workers, posts, beds, _, quotas = instance
    moved = {e: {**beds[e], "district": "chengyang"} for e in ENTERPRISES}
    sc = variant(tiny, workers=workers, posts=posts, enterprise_changes=moved, keep_villagers="enterprise",
                 district_quotas={"chengyang": 3} if quotas else {})
    plan = place(sc, gap=0.0)
    assert check_plan(sc, plan) == []
    true_score = score(sc, plan.placement)
    assert true_score >= plan.placement_info.objective - 1e-6  # the pool never under-charges
    assert true_score <= exhaustive_best(sc, Weights()) + 1e-6
