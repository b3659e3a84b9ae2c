"""Dormitory check-in: waits for opening, one worker at a time per desk, notes check-ins after closing."""

from __future__ import annotations

import simpy

from sim.enterprises import CheckIn
from sim.events import Recorder


def run_checkins(desks: int, drops: list[tuple[float, int]], open_min: float = 0.0, close_min: float = 1e9,
                 morning_min: float | None = None):
    env = simpy.Environment()
    rec = Recorder([f"W{i}" for i in range(len(drops))], full=True)
    checkin = CheckIn(env, rec, desks)

    def drop(g: int, t: float):
        yield env.timeout(t)
        checkin.start(g, "E1", open_min, close_min, 1.0, morning_min)

    for g, (t, _) in enumerate(drops):
        env.process(drop(g, t))
    env.run()
    return rec


def test_one_desk_serves_one_at_a_time_in_arrival_order() -> None:
    rec = run_checkins(1, [(0.0, 0), (0.0, 1), (0.5, 2)])
    assert rec.times["checked_in"] == [1.0, 2.0, 3.0]


def test_two_desks_serve_two_at_once() -> None:
    rec = run_checkins(2, [(0.0, 0), (0.0, 1), (0.0, 2)])
    assert rec.times["checked_in"] == [1.0, 1.0, 2.0]


def test_waits_for_check_in_to_open_and_notes_late_check_ins() -> None:
    rec = run_checkins(1, [(0.0, 0), (0.0, 1), (12.0, 2)], open_min=10.0, close_min=11.5)
    assert rec.times["checked_in"] == [11.0, 12.0, 13.0]
    assert rec.late == [False, False, True]  # the second was there before closing; the third came after it
    assert [(row[1], row[2], row[3]) for row in rec.rows if row[3] == "late_checkin"] == [("worker", "W2",
                                                                                            "late_checkin")]


def test_a_late_worker_waits_for_the_morning_when_the_policy_says_so() -> None:
    rec = run_checkins(1, [(0.0, 0), (12.0, 1)], open_min=10.0, close_min=11.5, morning_min=30.0)
    assert rec.times["checked_in"] == [11.0, 31.0]
    assert rec.late == [False, True]
