"""Dormitory check-in: waits for opening, one worker at a time per desk, notes check-ins after closing."""

from __future__ import annotations

import simpy

from sim.enterprises import CheckIn
from sim.events import Recorder


def run_checkins(desks: int, drops: list[tuple[float, int]], open_min: float = 0.0, close_min: float = 1e9):
    env = simpy.Environment()
    rec = Recorder([f"W{i}" for i in range(len(drops))], full=True)
    checkin = CheckIn(env, rec, desks)

    def drop(g: int, t: float):
        yield env.timeout(t)
        checkin.start(g, "E1", open_min, close_min, 1.0)

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
    rec = run_checkins(1, [(0.0, 0), (0.0, 1)], open_min=10.0, close_min=11.5)
    assert rec.times["checked_in"] == [11.0, 12.0]
    assert [row[-1] for row in rec.rows] == ["", "after_close"]
