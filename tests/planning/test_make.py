"""make_plan: the default routing search is counted in iterations, so the same seed gives the same plan."""

from __future__ import annotations

import scenarios
from planning import make_plan
from planning.check import check_plan


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
