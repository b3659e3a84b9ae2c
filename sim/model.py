"""One replication: the nights (one per train) in one SimPy environment sharing the station and the dormitories.

The night of one train, in order (defaults and their sources in ``sim.config``; the station's numbers come from
the scenario):

1. The train arrives at its scheduled time + ``train.delay_min`` + a random delay (``train.delay``) + a late-train
   disruption. Workers who missed the train are not delivered (reason ``missed_train``).
2. Workers step off by car and door, one after another per door (``alight_s_per_person`` each), in roster order.
3. They walk ``walk_m`` to the hall (speed uniform in ``walk_speed_mps``), then the welcome: one ceremony of
   ``welcome_min`` once the last is in the hall (or ``welcome_min`` each, ``welcome="per_worker"``).
4. Gift-pack desks: a Resource of ``desks`` servers, first come first served, ``desk_service_s`` on average.
5. ``gather_min`` to the district sign; a worker with no vehicle (unplaced, or not in the plan) leaves with staff.
6. Vehicles (``sim.coaches``): bays are a PriorityResource (earlier planned departure first); boarding takes
   ``board_s_per_person`` each; legs take the planned minutes times a lognormal factor (mean 1, cv ``travel.cv``);
   each stop takes ``stop_min`` plus ``drop_s_per_person`` per worker; a coach with a second trip drives back.
7. Dormitory check-in (``sim.enterprises``): a Resource per enterprise, from ``checkin_open``, ``checkin_s`` each.

The random numbers of a night are drawn up front, per worker in roster order or per leg, from the streams of
``sim.streams``, so variants of a scenario share them.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import simpy

from sim import disruptions as dis
from sim.coaches import TripBoard, vehicle
from sim.config import SimConfig
from sim.enterprises import CheckIn
from sim.events import Recorder
from sim.night import COACH, NONE, OWN, Night
from sim.station import Bays, DeskStage, desk_queue_times, desk_service_minutes, walk_minutes
from sim.streams import streams
from sim.train import alight_seconds, alight_times, train_delay


@dataclass
class NightState:
    """One night inside one replication: its draws, boards and shared resources."""

    env: simpy.Environment
    night: Night
    offset: int  # first global worker index of this night in the recorder
    config: SimConfig
    rec: Recorder
    bays: Bays
    checkin: CheckIn
    boards: list[TripBoard]
    present: list[bool]
    board_min: list[float]
    factor: list[float]
    dwell: list[float]
    checkin_min: list[float]
    all_off: float
    disruptions: dis.NightDisruptions
    delay_min: float  # the train's delay this replication (known + random + disruption)


@dataclass
class ReplicationOutput:
    replication: int
    recorder: Recorder
    sim_events: int  # SimPy events scheduled (for the events-per-second benchmark)
    train_delay_min: list[float]
    no_show: list[str]


def _uniform(rng: np.random.Generator, n: int, random: bool) -> np.ndarray:
    """n uniforms (always drawn, to keep streams in step), or 0.5 each (the middle of a range) without randomness."""
    u = rng.random(n)
    return u if random else np.full(n, 0.5)


def _start_night(env: simpy.Environment, night: Night, offset: int, config: SimConfig, rec: Recorder,
                 rng: dict[str, np.random.Generator], desks: DeskStage, bays: Bays, checkin: CheckIn,
                 ) -> NightState:
    """Draw the night's random numbers, place the train's workers in time and start its processes."""
    n, rnd, station = night.n_workers, config.random, night.station
    d = dis.draw(night, config, rng["disruptions"], rng["coaches"])
    u_train, z_train = rng["train"].random(2), rng["train"].standard_normal()
    delay = train_delay(night.train, config, u_train, z_train) + d.extra_delay_min
    arrival = night.arrival_min + night.train.delay_min + delay
    present = ~d.missed
    off = alight_times(arrival, night.door, present,
                       alight_seconds(station.alight_s_per_person, _uniform(rng["alighting"], n, rnd)))
    hall = off + walk_minutes(station, _uniform(rng["walking"], n, rnd))
    queue = desk_queue_times(station, config, hall)
    service = desk_service_minutes(station, config, rng["desks"].random(n)).tolist()
    lo, hi = station.board_s_per_person
    board_min = ((lo + _uniform(rng["boarding"], n, rnd) * (hi - lo)) / 60.0).tolist()
    z = rng["travel"].standard_normal(night.n_legs)
    if rnd and night.travel_cv > 0:
        sigma = np.sqrt(np.log1p(night.travel_cv ** 2))
        factor = np.exp(sigma * z - sigma ** 2 / 2)  # lognormal with mean 1 and the scenario's cv
    else:
        factor = np.ones(night.n_legs)
    a, b = config.stop_min
    dwell = a + _uniform(rng["drops"], night.n_stops, rnd) * (b - a)
    c0, c1 = config.checkin_s
    checkin_min = (c0 + _uniform(rng["checkin"], n, rnd) * (c1 - c0)) / 60.0
    all_off = float(np.nanmax(off)) if present.any() else arrival

    boards = [TripBoard(int(sum(present[i] for i in trip.workers))) for trip in night.trips]
    state = NightState(env, night, offset, config, rec, bays, checkin, boards, present.tolist(), board_min,
                       factor.tolist(), dwell.tolist(), checkin_min.tolist(), all_off, d,
                       arrival - night.arrival_min)

    train_id = night.prefix + night.train.number
    rec.log(arrival, "train", train_id, "arrived", "station", 0, int(present.sum()), f"delay {delay:.1f} min")
    rec.log(all_off, "train", train_id, "all_off", "station", 0, int(present.sum()))
    if d.no_show is not None:
        missing = d.runs[d.no_show]
        rec.log(missing.available_min, "vehicle", missing.id, "no_show", "station", 0, 0, d.rule)
    for i in np.flatnonzero(~present).tolist():
        rec.not_delivered(offset + i, arrival, "missed_train")
    door = night.door
    for i in np.flatnonzero(present).tolist():
        rec.worker(offset + i, "off_train", float(off[i]), f"door {int(door[i]) + 1}")
        rec.worker(offset + i, "at_hall", float(hall[i]), "hall")
    idx = np.flatnonzero(present)
    order = idx[np.lexsort((hall[idx], queue[idx]))].tolist()
    mode, trip_of, gather = night.mode, night.trip_of, config.gather_min

    def ready(i: int) -> None:
        g = offset + i
        rec.worker(g, "gathered", env.now, night.district[i] or "staff")
        if mode[i] == NONE:
            rec.worker(g, "left_station", env.now, "station")
            rec.not_delivered(g, env.now, night.reason[i])
        else:
            boards[trip_of[i]].arrive(i, env.now)

    def past_desk(i: int, start: float, end: float) -> None:
        rec.worker(offset + i, "past_desk", end, "desks")
        env.timeout(gather).callbacks.append(lambda _event: ready(i))

    desks.feed(queue.tolist(), order, service, past_desk)
    for run in d.runs:
        if run.trips:
            env.process(vehicle(state, run))
    return state


def run_replication(nights: list[Night], config: SimConfig, seed: int, replication: int,
                    full: bool) -> ReplicationOutput:
    """Simulate one replication of one or more trains (nights) and return its recorder."""
    env = simpy.Environment()
    rng = streams(seed, replication)
    station = nights[0].station
    desks = DeskStage(env, station.desks)
    bays = Bays(env, station.bays)
    ids = [w for night in nights for w in night.worker_ids]
    rec = Recorder(ids, full)
    checkin = CheckIn(env, rec, config.checkin_desks)
    offset = 0
    states = []
    for night in nights:
        states.append(_start_night(env, night, offset, config, rec, rng, desks, bays, checkin))
        offset += night.n_workers
    env.run()
    eid = getattr(env, "_eid", None)
    sim_events = next(eid) if eid is not None else 0
    return ReplicationOutput(replication, rec, sim_events, [s.delay_min for s in states],
                             [s.disruptions.rule for s in states if s.disruptions.no_show is not None])


__all__ = ["COACH", "OWN", "NightState", "ReplicationOutput", "run_replication"]
