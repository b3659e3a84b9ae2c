"""What the cover says: the rule that binds the number of coaches, the night-level risk and its interval."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace

import pandas as pd
import pytest

import scenarios
from planning.placement import place
from planning.plan import Plan
from whatif.cover import coach_bound, night_risk, trip_cost, wilson


@pytest.fixture(scope="module")
def tiny():
    """The tiny scenario (one 12-seat minibus, three enterprises in three districts)."""
    return scenarios.load("tiny")


@pytest.fixture(scope="module")
def tiny_plan(tiny) -> Plan:
    """Its placement (routes are made up per test)."""
    return place(tiny)


def _routes(rows: list[tuple[str, int, str, str, int]]) -> pd.DataFrame:
    """(coach, trip, district, enterprise, workers) rows as plan routes."""
    frame = pd.DataFrame(rows, columns=["coach_id", "trip", "district", "enterprise_id", "workers"])
    frame["coach_type"] = "minibus_12"
    frame["stop_order"] = frame.groupby(["coach_id", "trip"]).cumcount() + 1
    frame["depart_min"], frame["arrive_min"], frame["km"] = 1320.0, 1350.0, 10.0
    return frame


def test_wilson_interval_matches_the_textbook_values() -> None:
    low, high = wilson(95, 100)
    assert low == pytest.approx(0.8882, abs=1e-4) and high == pytest.approx(0.9785, abs=1e-4)
    assert wilson(100, 100)[1] == 1.0 and wilson(100, 100)[0] == pytest.approx(0.963, abs=1e-3)


def test_one_district_per_coach_binds_when_small_districts_need_their_own_coach(tiny, tiny_plan) -> None:
    # Three districts with 2, 3 and 3 riders: seats alone need 1 trip of 12 seats; one district per coach needs 3.
    routes = _routes([("C1", 1, "licang", "T2", 2), ("C2", 1, "chengyang", "T1", 3), ("C3", 1, "jimo", "T3", 3)])
    sc = dataclasses.replace(tiny, policy=dataclasses.replace(tiny.policy, one_district_per_coach=True))
    plan = Plan(placement=tiny_plan.placement, routes=routes, manifest=None)
    b = coach_bound(sc, plan)
    assert (b.by_seats, b.by_rules, b.trips, b.binding) == (1, 3, 3, "district")


def test_stops_bind_and_extra_trips_are_put_down_to_the_time_limits(tiny, tiny_plan) -> None:
    rows = [("C1", 1, "licang", f"E{k}", 1) for k in range(3)] + [("C2", 1, "licang", f"E{k}", 1) for k in (3, 4)]
    sc = dataclasses.replace(tiny, policy=dataclasses.replace(tiny.policy, max_stops=3))
    plan = Plan(placement=tiny_plan.placement, routes=_routes(rows), manifest=None)
    assert coach_bound(sc, plan).binding == "stops"  # 5 enterprises, 3 stops a trip: 2 trips
    rows += [("C3", 1, "licang", "E5", 1)]
    b = coach_bound(sc, Plan(placement=tiny_plan.placement, routes=_routes(rows), manifest=None))
    assert (b.by_rules, b.trips, b.binding) == (2, 3, "time")


def test_cost_counts_each_coach_once_and_every_km(tiny, tiny_plan) -> None:
    routes = _routes([("C1", 1, "licang", "T2", 2), ("C1", 2, "jimo", "T3", 3)])
    plan = Plan(placement=tiny_plan.placement, routes=routes, manifest=None)
    coach = tiny.fleet["minibus_12"]
    assert trip_cost(tiny, plan) == pytest.approx(coach.fixed_cost + coach.cost_per_km * 20.0)
    booked = dataclasses.replace(plan, standby=("minibus_12",))  # a standby booked with the plan is paid for too
    assert trip_cost(tiny, booked) == pytest.approx(2 * coach.fixed_cost + coach.cost_per_km * 20.0)


def test_risk_reads_late_checkins_when_the_simulation_has_them() -> None:
    kpis = pd.DataFrame({"last_checkin_min": [1500.0 + k for k in range(20)], "share_by_deadline": [1.0] * 20,
                         "late_checkins": [0] * 18 + [2, 1]})
    r = night_risk(SimpleNamespace(kpis=kpis))
    assert r.source == "p_on_time" and r.p_ok == pytest.approx(0.9) and r.late_mean == pytest.approx(0.15)
    assert (r.p_low, r.p_high) == pytest.approx(wilson(18, 20))
    assert r.last_p5 == pytest.approx(1500.95) and r.last_p95 == pytest.approx(1518.05)
    older = night_risk(SimpleNamespace(kpis=kpis.drop(columns="late_checkins")))
    assert older.source == "deadline" and older.p_ok == 1.0


def test_the_cover_tells_the_deadline_risk_beside_the_dormitories() -> None:
    """Every dormitory open when its workers came, but 3 of 20 nights with someone in after the latest arrival:
    the headline counts them (one measure of on time) and the parts say which rule failed."""
    from whatif.cover_page import cover_lines

    kpis = pd.DataFrame({"last_checkin_min": [1500.0] * 17 + [1530.0, 1541.0, 1550.0],
                         "share_by_deadline": [1.0] * 17 + [0.99] * 3, "late_checkins": [0] * 20})
    r = night_risk(SimpleNamespace(kpis=kpis, deadline_min=1520.0))
    assert r.p_ok == pytest.approx(0.85) and r.deadline_ok == pytest.approx(0.85)
    assert r.parts == {"closed": 0.0, "after_deadline": pytest.approx(0.15)}
    assert (r.deadline_low, r.deadline_high) == pytest.approx(wilson(17, 20))
    sc = scenarios.load("tiny")
    facts = SimpleNamespace(risk=r, workers=1, placed=1, unplaced=0, own_pickup=0, enterprises=1, served=1,
                            unserved=(), coaches=1, trips=1, seats=12, cost=1.0, seat_use=float("nan"),
                            bound=SimpleNamespace(by_seats=1, by_rules=1, one_district=True, max_stops=8, trips=1,
                                                  binding="seats"),
                            placement_status="", routing_status="", slower=None)
    zh = " ".join(text for _, text in cover_lines(sc, facts, None, "zh"))
    latest = sc.policy.latest_arrival
    assert f"准时（所有人都在宿舍关门前、且在 {latest} 前入住）的夜晚占 85.0%" in zh
    assert "低于目标 95.0%" in zh and "已是这些规则允许的最少车次" not in zh
    en = " ".join(text for _, text in cover_lines(sc, facts, None, "en"))
    assert f"Nights on time (everyone in an open dormitory before {latest}): 85.0%" in en


def test_chinese_lines_never_start_with_a_closing_mark() -> None:
    from whatif.cover_page import NO_LINE_START, wrap

    text = "这种夜晚的比例不超过 3.7%）。原因是每车最多停靠 8 家企业且只去一个区市，企业分散、每家人数不多；"
    for columns in range(10, 40):
        lines = wrap(text, columns, "zh")
        assert "".join(lines) == text and not any(line[:1] in NO_LINE_START for line in lines[1:]), columns


def test_the_cover_says_the_headline_with_roads_ten_percent_slower(tiny, tiny_plan) -> None:
    """The same nights with every planned leg 10% slower: a headline no better, told in both languages."""
    from planning import make_plan
    from sim import simulate
    from whatif.cover import SLOWER, cover_facts
    from whatif.cover_page import cover_lines

    plan = make_plan(tiny, max_iterations=300)
    result = simulate(tiny, plan, 40, seed=2, options={"log": "lean"})
    slower = simulate(tiny.with_overrides(SLOWER), plan, 40, seed=2, options={"log": "lean"})
    facts = cover_facts(tiny, plan, result, lambda info: "", slower)
    assert facts.slower is not None and facts.slower.p_ok <= facts.risk.p_ok
    assert facts.slower.last_p50 > facts.risk.last_p50  # the same nights, later
    zh = " ".join(text for _, text in cover_lines(tiny, facts, result, "zh"))
    en = " ".join(text for _, text in cover_lines(tiny, facts, result, "en"))
    assert "如果夜间路况比计划的行车时间慢 10%" in zh and "平均慢 2%" in zh
    assert "If the roads were 10% slower than the planned times" in en
    # The figure is the headline of the slower nights (sim.risk, both parts), said as the headline, beside the base.
    from sim.risk import on_time
    from whatif.cover_page import _share

    base, slow = _share(on_time(result.kpis).p), _share(on_time(slower.kpis).p)
    latest = tiny.policy.latest_arrival
    assert f"nights on time (everyone in an open dormitory before {latest}) would fall from {base} to {slow}" in en
    assert f"且在 {latest} 前入住）的夜晚将从 {base} 降到 {slow}" in zh
