"""Fixtures for the planning tests: the tiny scenario, small hand-made variants and a routed tiny plan."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

import scenarios
from planning.plan import Plan
from scenarios.scenario import Scenario

WORKER_DEFAULTS = {"name": "", "county": "tongwei", "village": "", "car": 1, "gender": "M", "age": 30,
                   "skills": "general", "returning_employer": "", "wish_district": "", "wish_job": ""}


def variant(base: Scenario, *, workers: list[dict] | None = None, posts: dict[str, dict[str, int]] | None = None,
            enterprise_changes: dict[str, dict] | None = None, **policy) -> Scenario:
    """``base`` with another roster, other posts per enterprise (id -> job -> posts) or policy fields."""
    w = base.workers
    if workers is not None:
        rows = [{**WORKER_DEFAULTS, "name": f"name of {r['id']}", **r} for r in workers]
        w = pd.DataFrame(rows)
        w["row"] = range(2, len(w) + 2)
        w = w.set_index("id", drop=False).rename_axis(None)
    e = base.enterprises.copy()
    for eid, jobs in (posts or {}).items():
        for job in base.jobs:
            e.loc[eid, f"posts_{job}"] = int(jobs.get(job, 0))
    for eid, change in (enterprise_changes or {}).items():
        for col, value in change.items():
            e.loc[eid, col] = value
    return dataclasses.replace(base, workers=w, enterprises=e, policy=dataclasses.replace(base.policy, **policy))


@pytest.fixture(scope="session")
def tiny() -> Scenario:
    """Eight workers, three enterprises (T1 chengyang, T2 licang, T3 jimo), one 12-seat minibus."""
    return scenarios.load("tiny")


@pytest.fixture(scope="session")
def tiny_plan(tiny: Scenario) -> Plan:
    """The optimal placement of tiny."""
    from planning.placement import place

    return place(tiny)


def one_coach_routes(sc: Scenario, plan: Plan, coach_type: str = "minibus_12") -> Plan:
    """``plan`` with one coach trip visiting every enterprise of its placed workers, nearest to the station first.

    Times come from the travel model (``retime``), so the trip passes the schedule checks.
    """
    from planning.timing import retime

    placed = plan.placed.sort_index()
    minutes, _ = sc.travel_model.from_station(sorted(placed["enterprise_id"].unique()))
    stops = [e for _, e in sorted(zip(minutes, sorted(placed["enterprise_id"].unique()), strict=True))]
    routes = pd.DataFrame({
        "coach_id": "C1", "coach_type": coach_type, "trip": 1, "depart_min": 1320.0,
        "stop_order": range(1, len(stops) + 1), "enterprise_id": stops,
        "district": [sc.enterprises.at[e, "district"] for e in stops],
        "workers": [int((placed["enterprise_id"] == e).sum()) for e in stops],
        "arrive_min": [1350.0 + 20 * k for k in range(len(stops))], "km": 10.0,
    })
    order = placed.sort_values("enterprise_id", kind="stable")
    manifest = pd.DataFrame({"worker_id": order.index, "coach_id": "C1", "trip": 1,
                             "boarding_order": range(1, len(order) + 1), "enterprise_id": order["enterprise_id"]})
    return plan.with_routes(retime(sc, routes), manifest.reset_index(drop=True), None)


@pytest.fixture()
def tiny_routed(tiny: Scenario, tiny_plan: Plan) -> Plan:
    """tiny's placement carried by its one minibus on one trip."""
    return one_coach_routes(tiny, tiny_plan)
