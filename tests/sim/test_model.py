"""The whole night with every random part off: times equal hand-computed values; the event trace of the coach."""

from __future__ import annotations

import pytest

from sim import simulate
from tests.sim.conftest import DETERMINISTIC


@pytest.mark.parametrize("bay_call", ["all_ready", "first_ready"])
def test_last_checkin_equals_hand_computed_value(two_enterprises_one_coach, bay_call: str) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=1, seed=0, options={**DETERMINISTIC, "bay_call": bay_call})
    minutes, _ = sc.travel_model.legs(["station", "T2"], ["T2", "T1"])
    leg1, leg2 = minutes[0, 0], minutes[1, 1]
    arrival = sc.minutes("21:30")  # no delay: delay_min 0, random delay off
    # Car 1, two doors, 2 s a person: the fourth at each door steps off 8 s after arrival; 300 m at 1 m/s.
    last_in_hall = arrival + (8 + 300) / 60
    welcome_end = last_in_hall + 10  # one ceremony once everyone is in the hall
    # One desk, 20 s each, eight workers; one minute to the sign; boarding 6 s each: the minibus pulls into the
    # bay when all eight are at the sign (all_ready), or when the first is and boards each as they come.
    departs = welcome_end + (8 * 20 + 60 + (8 * 6 if bay_call == "all_ready" else 6)) / 60
    at_t2 = departs + leg1
    leaves_t2 = at_t2 + 2.5 + 4 * 10 / 60  # 2-3 min per stop (middle: 2.5) plus 10 s per worker dropped
    at_t1 = leaves_t2 + leg2
    last_checkin = at_t1 + 4 * 45 / 60  # one dormitory desk, 45 s each (middle of 30-60 s)
    kpis = result.kpis.iloc[0]
    assert kpis["last_checkin_min"] == pytest.approx(last_checkin, abs=1e-9)
    assert kpis["checked_in"] == 8 and kpis["not_delivered"] == 0
    tl = result.timelines.set_index("worker_id")
    assert tl.loc["W8", "past_desk"] == pytest.approx(welcome_end + 160 / 60, abs=1e-9)
    assert tl.loc["W5", "checked_in"] == pytest.approx(at_t2 + 45 / 60, abs=1e-9)


def test_coach_event_trace(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=1, seed=0, options=DETERMINISTIC)
    ev = result.events[result.events["kind"] == "vehicle"]
    trace = [(e.entity, e.event, e.place, e.count) for e in ev.itertuples()]
    assert trace == [("C01", "at_station", "station", 12), ("C01", "bay", "station", 0),
                     ("C01", "departed", "station", 8), ("C01", "stop_arrive", "T2", 4),
                     ("C01", "stop_leave", "T2", 4), ("C01", "stop_arrive", "T1", 4), ("C01", "stop_leave", "T1", 4)]
    assert ev["minutes"].iloc[0] == sc.minutes("21:00")  # the minibus is available from 21:00


def test_per_worker_welcome_is_earlier_for_the_first_off(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    ceremony = simulate(sc, plan, 1, 0, DETERMINISTIC).timelines.set_index("worker_id")
    each = simulate(sc, plan, 1, 0, {"random": False, "welcome": "per_worker"}).timelines.set_index("worker_id")
    assert each.loc["W1", "past_desk"] < ceremony.loc["W1", "past_desk"]


def test_unplaced_workers_leave_with_a_reason(tiny) -> None:
    from tests.sim.conftest import hand_plan

    plan = hand_plan(tiny, [("T1", ["W1", "W2"])])
    result = simulate(tiny, plan, replications=2, seed=1)
    tl = result.timelines
    assert (tl["not_delivered"] == "unplaced").sum() == 2 * 6
    assert tl.loc[tl["not_delivered"] != "", "left_station"].notna().all()
    assert (result.kpis["not_delivered"] == 6).all()
    assert (result.kpis["share_by_deadline"] <= 1).all()
