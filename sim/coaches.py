"""Vehicles: wait at the station, take a bay, board, leave, drive leg by leg, drop at each stop, come back.

A trip's group forms at its sign as workers come from the desks. With ``bay_call="all_ready"`` (the default) the
vehicle pulls into a bay once every worker of its manifest who is in the station is at the sign; with
``"first_ready"`` it takes a bay as soon as the first one is there and boards them as they come. Pulling in takes
``station.bay_pull_in_min``, pulling out ``station.bay_pull_out_min`` (the bay is held until it is out). It leaves
when every present worker is aboard: staff know at alighting who did not get off the train, so nobody waits for
them (with ``SimConfig.wait_for_missing`` it waits up to ``policy.max_coach_wait_min`` from when its group started
forming, the old practice). Workers board in the order they reach the sign.
"""

from __future__ import annotations

from collections.abc import Callable, Generator, Sequence
from typing import Any

import simpy

from sim.disruptions import Run
from sim.state import NightState, TripBoard


def board_trip(env: simpy.Environment, board: TripBoard, board_min: Sequence[float],
               boarded: Callable[[int, float], None]) -> Generator[simpy.Event, Any, list[int]]:
    """Board the trip's present workers one after another as they reach the sign; return them once all are aboard.

    ``board_min[i]``: worker i's boarding minutes; ``boarded(i, t)`` is called with the time worker i is seated.
    """
    aboard: list[int] = []
    while len(aboard) < board.present:
        if not board.ready:
            yield board.wait(env)
        now = env.now
        while board.ready:
            i = board.ready.popleft()
            now += board_min[i]
            boarded(i, now)
            aboard.append(i)
        yield env.timeout(now - env.now)
    return aboard


def vehicle(state: NightState, run: Run):
    """The SimPy process of one vehicle over all its trips."""
    env, night, rec, cfg, off = state.env, state.night, state.rec, state.config, state.offset
    # Python floats, not numpy scalars, for the check-in's times (they become event times).
    open_min, close_min = night.checkin_window
    morning = night.morning_min if night.late_checkin == "morning" else None
    present, checkin_min, worker, start = state.present, state.checkin_min, rec.worker, state.checkin.start
    if run.available_min > env.now:
        yield env.timeout(run.available_min - env.now)
    rec.log(env.now, "vehicle", run.id, "at_station", "station", 0, run.seats, run.kind)
    for k, t in enumerate(run.trips):
        trip = night.trips[t]
        board = state.boards[t]
        number = k + 1
        if board.present == 0:
            if state.all_off > env.now:
                yield env.timeout(state.all_off - env.now)
            rec.log(env.now, "vehicle", run.id, "cancelled", "station", number, 0, "no worker of the trip came")
            continue
        called = board.present if cfg.bay_call == "all_ready" else 1
        if board.arrived < called:
            yield board.wait(env, called)
        missing = cfg.wait_for_missing and board.present < len(trip.workers)
        deadline = board.first_min + night.max_coach_wait_min
        if cfg.bay_call == "all_ready" and missing and deadline > env.now:
            yield env.timeout(deadline - env.now)
        req = None
        if not run.own:
            req = state.bays.request(trip.planned_depart_min)
            yield req
            if night.station.bay_pull_in_min > 0:
                yield env.timeout(night.station.bay_pull_in_min)
        rec.log(env.now, "vehicle", run.id, "bay", "pickup area" if run.own else "station", number)

        def boarded(i: int, t: float, number: int = number) -> None:
            rec.vehicle[off + i] = run.id
            rec.worker(off + i, "boarded", t, "station", number, run.id)

        aboard = yield from board_trip(env, board, state.board_min, boarded)
        if missing and deadline > env.now:
            yield env.timeout(deadline - env.now)
        if req is not None:
            if night.station.bay_pull_out_min > 0:
                yield env.timeout(night.station.bay_pull_out_min)
            state.bays.resource.release(req)
        now = env.now
        rec.log(now, "vehicle", run.id, "departed", "station", number, len(aboard))
        for i in aboard:
            worker(off + i, "departed", now, "station", number, run.id)
        for s, e in enumerate(trip.stops):
            yield env.timeout(trip.leg_min[s] * state.factor[trip.leg_offset + s])
            ent = night.enterprise_ids[e]
            drop = [i for i in trip.stop_workers[s] if present[i]]
            now = env.now
            rec.log(now, "vehicle", run.id, "stop_arrive", ent, number, len(drop))
            for i in drop:
                worker(off + i, "arrived", now, ent, number, run.id)
                start(off + i, ent, open_min[e], close_min[e], checkin_min[i], morning)
            yield env.timeout(state.dwell[trip.stop_offset + s] + cfg.drop_s_per_person * len(drop) / 60.0)
            rec.log(env.now, "vehicle", run.id, "stop_leave", ent, number, len(drop))
        if k + 1 < len(run.trips):
            yield env.timeout(trip.return_min * state.factor[trip.leg_offset + len(trip.stops)])
            rec.log(env.now, "vehicle", run.id, "back_at_station", "station", number)
