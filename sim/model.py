"""One replication: the nights (one per train) in one SimPy environment sharing the station and the dormitories.

The night of one train, in order (defaults and their sources in ``sim.config``; the station's numbers come from
the scenario):

1. The train arrives at its scheduled time + ``train.delay_min`` + a random delay (``train.delay``) + a late-train
   disruption. Workers who missed the train are ``absent``: known when the last is off, never waited for.
2. Workers step off by car and door, one after another per door (``alight_s_per_person`` each), in roster order.
3. They walk ``walk_m`` to the hall (speed uniform in ``walk_speed_mps``), then the welcome: one ceremony of
   ``welcome_min`` once the last is in the hall (or ``welcome_min`` each, ``welcome="per_worker"``).
4. Gift-pack desks: ``desks`` servers, ``desk_service_s`` on average, serving in ``station.desk_order``: one line
   in hall order ("arrival"), groups by planned departure ("coach") or district by district ("sign").
5. ``gather_min`` to the district sign; a worker with no vehicle (unplaced, or not in the plan) leaves with staff.
6. Vehicles (``sim.coaches``): bays are a PriorityResource (earlier planned departure first), with
   ``bay_pull_in_min`` and ``bay_pull_out_min``; boarding takes ``board_s_per_person`` each; legs take the planned
   minutes times the error of the planner's times (``travel.bias``, drawn once per season) and the evening's,
   district, place and road factors (``sim.roads``);
   each stop takes ``stop_min`` plus ``drop_s_per_person`` per worker; a coach with a second trip drives back.
7. Dormitory check-in (``sim.enterprises``): a Resource per enterprise, from ``checkin_open``, ``checkin_s`` each;
   a worker reaching it after ``checkin_close`` is a late check-in (``policy.late_checkin`` says what follows).

The random numbers of a night are drawn up front, keyed by entity (``sim.streams``), so plans and variants of a
scenario share them wherever they share entities.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import simpy

from sim import disruptions as dis
from sim.coaches import vehicle
from sim.config import SimConfig
from sim.enterprises import CheckIn
from sim.events import Recorder
from sim.night import COACH, NONE, OWN, Night
from sim.roads import EVENING_KEY, bias_factor, leg_factors, split_cv
from sim.servers import after
from sim.servers import run as run_events
from sim.state import NightState, TripBoard
from sim.station import Bays, DeskStage, desk_queue_times, desk_service_minutes, walk_minutes
from sim.streams import Draws
from sim.train import alight_seconds, alight_times, train_delay


@dataclass
class ReplicationOutput:
    replication: int
    recorder: Recorder
    sim_events: int  # SimPy events scheduled (for the events-per-second benchmark)
    train_delay_min: list[float]
    no_show: list[str]


def _uniform(draws: Draws, stream: str, keys: np.ndarray, random: bool, draw: int = 0) -> np.ndarray:
    """Keyed uniforms (always drawn), or 0.5 each (the middle of a range) without randomness."""
    u = draws.uniform(stream, keys, draw)
    return u if random else np.full(len(keys), 0.5)


def travel_factors(night: Night, draws: Draws, season: Draws, random: bool = True) -> np.ndarray:
    """Factor per leg of the night on its planned minutes: the season's error of the planner's times, the evening's
    luck (shared by every arrival of the evening: ``sim.roads.EVENING_KEY``), the districts', places' and roads'."""
    factor = leg_factors(draws, EVENING_KEY, night.leg_keys, night.leg_weights, night.district_keys,
                         night.leg_from_keys, night.leg_to_keys,
                         split_cv(night.travel_cv, night.night_share, night.district_share), random)
    return factor * bias_factor(season, night.bias, night.bias_cv, random)


def _start_night(env: simpy.Environment, night: Night, offset: int, config: SimConfig, rec: Recorder,
                 draws: Draws, desks: DeskStage, bays: Bays, checkin: CheckIn, season: Draws) -> NightState:
    """Draw the night's random numbers, place the train's workers in time and start its processes."""
    rnd, station, wk = config.random, night.station, night.worker_keys
    d = dis.draw(night, config, draws)
    tk = night.train_key
    u_train = np.r_[draws.uniform("train", tk, 0), draws.uniform("train", tk, 1)]
    delay = train_delay(night.train, config, u_train, float(draws.normal("train", tk, 0)[0])) + d.extra_delay_min
    arrival = night.arrival_min + night.train.delay_min + delay
    present = ~d.missed & ~night.absent
    off = alight_times(arrival, night.door, present,
                       alight_seconds(station.alight_s_per_person, _uniform(draws, "alighting", wk, rnd)))
    hall = off + walk_minutes(station, _uniform(draws, "walking", wk, rnd))
    queue = desk_queue_times(station, config, hall)
    service = desk_service_minutes(station, config, draws.uniform("desks", wk)).tolist()
    lo, hi = station.board_s_per_person
    board_min = ((lo + _uniform(draws, "boarding", wk, rnd) * (hi - lo)) / 60.0).tolist()
    factor = travel_factors(night, draws, season, rnd)
    a, b = config.stop_min
    dwell = a + _uniform(draws, "drops", night.stop_keys, rnd) * (b - a)
    c0, c1 = config.checkin_s
    checkin_min = (c0 + _uniform(draws, "checkin", wk, rnd) * (c1 - c0)) / 60.0
    all_off = float(np.nanmax(off)) if present.any() else arrival

    on_train = present.tolist()
    boards = [TripBoard(sum(on_train[i] for i in trip.workers)) for trip in night.trips]
    state = NightState(env, night, offset, config, rec, bays, checkin, boards, on_train, board_min,
                       factor.tolist(), dwell.tolist(), checkin_min.tolist(), all_off, d,
                       arrival - night.arrival_min)

    train_id = night.prefix + night.train.number
    rec.log(arrival, "train", train_id, "arrived", "station", 0, int(present.sum()), f"delay {delay:.1f} min")
    rec.log(all_off, "train", train_id, "all_off", "station", 0, int(present.sum()))
    if d.no_show is not None:
        missing = d.runs[d.no_show]
        rec.log(d.known_min if np.isfinite(d.known_min) else missing.available_min, "vehicle", missing.id,
                "no_show", "station", 0, 0, d.rule)
    for i in np.flatnonzero(~present).tolist():
        rec.absent(offset + i, all_off)
    door, off_min, hall_min = night.door.tolist(), off.tolist(), hall.tolist()
    doors = {d: f"door {d + 1}" for d in set(door)}
    for i in np.flatnonzero(present).tolist():
        rec.worker(offset + i, "off_train", off_min[i], doors[door[i]])
        rec.worker(offset + i, "at_hall", hall_min[i], "hall")
    idx = np.flatnonzero(present)
    rank = night.desk_rank
    order = idx[np.lexsort((hall[idx], rank[idx], queue[idx]))].tolist()
    # Python lists, not numpy arrays, in the per-worker callbacks below: no numpy scalar per event.
    mode, trip_of, gather, district = night.mode.tolist(), night.trip_of.tolist(), config.gather_min, night.district
    worker = rec.worker

    def ready(i: int, _event: object) -> None:
        g, now = offset + i, env.now
        worker(g, "gathered", now, district[i] or "staff")
        if mode[i] == NONE:
            worker(g, "left_station", now, "station")
            rec.not_delivered(g, now, night.reason[i])
        else:
            boards[trip_of[i]].arrive(i, now)

    def past_desk(i: int, start: float, end: float) -> None:
        worker(offset + i, "past_desk", end, "desks")
        after(env, gather, partial(ready, i))

    desks.feed(queue.tolist(), order, service, past_desk, None if station.desk_order == "arrival" else rank.tolist())
    for run in d.runs:
        if run.trips:
            env.process(vehicle(state, run))
    return state


def run_replication(nights: list[Night], config: SimConfig, seed: int, replication: int,
                    full: bool) -> ReplicationOutput:
    """Simulate one replication of one or more trains (nights) and return its recorder."""
    env = simpy.Environment()
    draws = Draws(seed, replication)
    season = draws if config.season_seed is None else Draws(config.season_seed, replication)
    station = nights[0].station
    desks = DeskStage(env, station.desks, priority=station.desk_order != "arrival")
    bays = Bays(env, station.bays)
    ids = [w for night in nights for w in night.worker_ids]
    rec = Recorder(ids, full)
    checkin = CheckIn(env, rec, config.checkin_desks)
    offset = 0
    states = []
    for night in nights:
        states.append(_start_night(env, night, offset, config, rec, draws, desks, bays, checkin, season))
        offset += night.n_workers
    run_events(env)
    eid = getattr(env, "_eid", None)
    sim_events = next(eid) if eid is not None else 0
    return ReplicationOutput(replication, rec, sim_events, [s.delay_min for s in states],
                             [s.disruptions.rule for s in states if s.disruptions.no_show is not None])


__all__ = ["COACH", "OWN", "NightState", "ReplicationOutput", "run_replication"]
