"""Property tests: any small hand-made plan, with any disruptions, conserves workers and respects seats."""

from __future__ import annotations

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planning.plan import Plan
from sim import simulate
from tests.sim.test_run import assert_conserved

ENTERPRISES = ["T1", "T2", "T3", ""]


@st.composite
def plans(draw, workers: list[str], districts: dict[str, str]) -> Plan:
    """Random placement of the tiny roster, carried in trips of at most 12 by one or two minibus trips."""
    where = {w: draw(st.sampled_from(ENTERPRISES)) for w in workers}
    placed = [w for w in workers if where[w]]
    placement = pd.DataFrame({"enterprise_id": [where[w] for w in workers],
                              "district": [districts.get(where[w], "") for w in workers],
                              "job": ["general" if where[w] else "" for w in workers],
                              "reason": ["hand" if where[w] else "unplaced" for w in workers]}, index=workers)
    size = draw(st.integers(1, 8))
    routes, manifest = [], []
    for trip, start in enumerate(range(0, len(placed), size), start=1):
        group = placed[start:start + size]
        stops = list(dict.fromkeys(where[w] for w in group))
        stops = draw(st.permutations(stops))
        for order, ent in enumerate(stops, start=1):
            routes.append(("C01", "minibus_12", trip, 1335.0, order, ent, districts[ent],
                           sum(where[w] == ent for w in group), 0.0, 0.0))
        manifest.extend((w, "C01", trip, k + 1, where[w]) for k, w in enumerate(group))
    columns = ["coach_id", "coach_type", "trip", "depart_min", "stop_order", "enterprise_id", "district", "workers",
               "arrive_min", "km"]
    return Plan(placement=placement, routes=pd.DataFrame(routes, columns=columns),
                manifest=pd.DataFrame(manifest, columns=["worker_id", "coach_id", "trip", "boarding_order",
                                                         "enterprise_id"]))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data(), seed=st.integers(0, 2**16), missed=st.floats(0, 0.5), no_show=st.booleans(),
       rule=st.sampled_from(["standby", "second_trip"]), bay_call=st.sampled_from(["all_ready", "first_ready"]))
def test_any_plan_conserves_workers(tiny, data, seed: int, missed: float, no_show: bool, rule: str,
                                    bay_call: str) -> None:
    plan = data.draw(plans(list(tiny.workers.index), tiny.enterprises["district"].to_dict()))
    if plan.routes.empty:
        return
    options = {"disruptions.missed_train.enabled": True, "disruptions.missed_train.p_per_worker": missed,
               "disruptions.coach_no_show.enabled": no_show, "disruptions.coach_no_show.p": 1.0,
               "disruptions.coach_no_show.rule": rule, "disruptions.late_train.enabled": True, "bay_call": bay_call}
    result = simulate(tiny, plan, replications=2, seed=seed, options=options)
    assert_conserved(result)
    assert (result.trips["aboard"] <= result.trips["seats"]).all()
    unplaced = int((plan.placement["enterprise_id"] == "").sum())
    assert (result.kpis["not_delivered"] >= unplaced).all()
