"""The plan's station model: when each coach trip leaves, by the steps the simulation plays out (``sim.model``).

A median night, worked out without randomness. The train comes at its arrival plus the known delay plus the
median of its random delay. Workers step off door by door (the mean seconds each), walk to the hall (speeds
uniform in the station's range) and, once the last of them is in and the welcome is over (the simulation's default
``welcome="ceremony"``), queue for the gift-pack desks in the order they reached the hall. That order mixes the
coaches' groups: on a median night the last of a trip's m workers among n is at place n * 0.5**(1/m) of the queue.
The desks serve ``desk_service_s`` each, side by side; ``GATHER_MIN`` later a worker is at the district sign. A
coach takes a bay once its whole group is there (``bay_call="all_ready"``), boards them (the mean seconds each)
and leaves. A free bay goes to the waiting coach with the earliest planned departure (the simulation's priority):
the plan gives bays to the shortest boarding first, which is also the order of the departures it plans, so the
simulation follows the same order. A coach's next trip waits for the coach to be back.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from planning.timing import retime, trip_end
from scenarios.errors import Msg, ScenarioError
from scenarios.model import TrainDelay
from scenarios.scenario import Scenario

#: Minutes from the desks to the district sign: the simulation's default (``sim.config.SimConfig.gather_min``).
GATHER_MIN = 1.0

TripKey = tuple[str, int]


def _bisect(f, lo: float, hi: float, target: float, steps: int = 60) -> float:
    """The x in [lo, hi] where the increasing function f reaches ``target``."""
    for _ in range(steps):
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if f(mid) < target else (lo, mid)
    return (lo + hi) / 2


def median_train_delay(delay: TrainDelay) -> float:
    """The median of the train's random delay (``sim.train.train_delay``): on time within ``on_time_max_min``
    with probability ``p_on_time``, else lognormal with the given median and 95th percentile."""
    if delay.kind == "none":
        return 0.0
    if delay.kind == "fixed":
        return delay.fixed_min
    sigma = math.log(delay.late_p95_min / delay.late_median_min) / NormalDist().inv_cdf(0.95)

    def cdf(x: float) -> float:
        on_time = min(x / delay.on_time_max_min, 1.0) if delay.on_time_max_min > 0 else 1.0
        late = NormalDist().cdf(math.log(x / delay.late_median_min) / sigma) if x > 0 else 0.0
        return delay.p_on_time * on_time + (1 - delay.p_on_time) * late

    return _bisect(cdf, 0.0, delay.late_p95_min * 10, 0.5)


def door_positions(sc: Scenario) -> np.ndarray:
    """Each worker's place in the line at their door (1 = first off), doors as the simulation takes them: the
    worker's car (or cars filled in roster order when unknown), the car's doors in turn, roster order at a door."""
    train = sc.train
    car = sc.workers["car"].to_numpy(dtype=int).copy()
    unknown = car <= 0
    car[unknown] = np.minimum(np.flatnonzero(unknown) // train.seats_per_car + 1, train.cars)
    car = np.clip(car, 1, max(train.cars, int(car.max(initial=1))))
    nth_in_car = pd.Series(car).groupby(car).cumcount().to_numpy()
    door = (car - 1) * train.doors_per_car + nth_in_car % train.doors_per_car
    return pd.Series(door).groupby(door).cumcount().to_numpy() + 1


@dataclass(frozen=True)
class StationModel:
    """The station on a median night: when the desks open, how fast they go, boarding and bays."""

    arrival_min: float  # the train's arrival (known delay and median random delay included)
    desks_open_min: float  # the last worker in the hall, plus the welcome
    workers: int  # through the desks
    desks: int
    desk_min: float  # per worker at a desk
    board_min: float  # per worker boarding
    bays: int
    #: ``station.desk_order``: "arrival" (one line, groups mixed) or "coach"/"sign" (groups called in turn)
    desk_order: str = "arrival"
    bay_min: float = 0.0  # pulling into and out of a bay (``station.bay_pull_in_min`` + ``bay_pull_out_min``)

    @classmethod
    def of(cls, sc: Scenario) -> StationModel:
        st, train = sc.station, sc.train
        arrival = sc.arrival_min + train.delay_min + median_train_delay(train.delay)
        off = arrival + door_positions(sc) * (sum(st.alight_s_per_person) / 2 / 60)
        lo, hi = st.walk_speed_mps

        def all_in(t: float) -> float:  # log P(every worker is in the hall by t)
            walk = np.maximum(t - off, 1e-12)
            speed_needed = st.walk_m / (60 * walk)
            p = np.clip((hi - speed_needed) / (hi - lo), 0, 1) if hi > lo else (speed_needed <= hi).astype(float)
            return float(np.log(p).sum()) if (p > 0).all() else -math.inf

        last = off.max(initial=arrival)
        in_hall = _bisect(all_in, last, last + st.walk_m / lo / 60 + 1, math.log(0.5)) if len(off) else arrival
        return cls(float(arrival), float(in_hall) + st.welcome_min, len(off), st.desks, st.desk_service_s / 60,
                   sum(st.board_s_per_person) / 2 / 60, st.bays, st.desk_order,
                   st.bay_pull_in_min + st.bay_pull_out_min)

    def at_sign(self, load: int, before: int | None = None) -> float:
        """When the last of a trip's ``load`` workers reaches the district sign, on a median night. Groups called
        in turn (``desk_order`` "coach" or "sign"): after the ``before`` workers called ahead of them."""
        if self.desk_order == "arrival" or before is None:
            place = self.workers * 0.5 ** (1 / max(load, 1))
        else:
            place = min(before + load, self.workers)
        return self.desks_open_min + math.ceil(round(place, 6) / self.desks) * self.desk_min + GATHER_MIN

    def boarding(self, load: int) -> float:
        """Minutes for ``load`` workers to board, with pulling into and out of the bay."""
        return load * self.board_min + self.bay_min

    def last_first_departure(self, seats: int, ready_min: float = -math.inf) -> float:
        """A bound on the departure of every first trip (loads up to ``seats``, all of the train's workers
        aboard some coach), coaches at the station from ``ready_min``: the last group at its sign, then everyone's
        boarding shared by the bays, and one more coach (list scheduling's bound)."""
        ready = max(self.at_sign(seats, self.workers - seats), ready_min)
        trips = math.ceil(self.workers / max(seats, 1))  # at least this many trips pull in and out of the bays
        shared = self.workers * self.board_min + trips * self.bay_min
        return ready + shared / self.bays + self.boarding(seats)


@dataclass(frozen=True)
class StationTrip:
    """One coach trip as the station sees it: its coach and number, its load, when the coach is first at the
    station, and how long the trip takes from leaving until back (for the coach's next trip)."""

    coach: str
    number: int
    load: int
    available_min: float
    duration: float


def dispatch(model: StationModel, trips: Sequence[StationTrip]) -> dict[TripKey, float]:
    """The planned departure of every trip: bays in turn to the waiting trip that boards quickest.

    A trip is waiting from when its group is at the sign and its coach is there (its first trip: from the coach's
    availability; a later one: from when the coach is back from the trip before).
    """
    return {key: depart for key, (depart, _) in _dispatch(model, trips).items()}


def _dispatch(model: StationModel, trips: Sequence[StationTrip]) -> dict[TripKey, tuple[float, int]]:
    """``dispatch`` with the bay (1 to ``bays``) each trip boards at."""
    by_coach: dict[str, list[StationTrip]] = {}
    for t in sorted(trips, key=lambda t: (t.coach, t.number)):
        by_coach.setdefault(t.coach, []).append(t)
    firsts = sorted((ts[0] for ts in by_coach.values()), key=lambda t: (t.load, t.coach))
    before = dict(zip([t.coach for t in firsts], np.cumsum([0] + [t.load for t in firsts])[:-1].tolist(), strict=True))
    called = sum(t.load for t in firsts)  # groups called in turn: the first trips' groups, then the later trips'
    released: dict[TripKey, tuple[float, StationTrip]] = {
        (c, ts[0].number): (max(model.at_sign(ts[0].load, before[c]), ts[0].available_min), ts[0])
        for c, ts in by_coach.items()
    }
    bays = [(-math.inf, b) for b in range(1, model.bays + 1)]  # (free from, bay number), a heap
    out: dict[TripKey, tuple[float, int]] = {}
    while released:
        free, bay = bays[0]
        waiting = [k for k, (ready, _) in released.items() if ready <= free]
        if waiting:
            key = min(waiting, key=lambda k: (released[k][1].load, released[k][0], k))
            start = free
        else:
            key = min(released, key=lambda k: (released[k][0], released[k][1].load, k))
            start = released[key][0]
        _, trip = released.pop(key)
        depart = start + model.boarding(trip.load)
        heapq.heapreplace(bays, (depart, bay))
        out[key] = (depart, bay)
        later = [t for t in by_coach[trip.coach] if t.number > trip.number]
        if later:
            nxt = later[0]
            released[(nxt.coach, nxt.number)] = (max(model.at_sign(nxt.load, called), depart + trip.duration), nxt)
    return out


def planned_departure(sc: Scenario) -> float:
    """The latest planned departure of a coach's first trip (a bound from the station model, coaches available
    from their ``available_from``): routing measures the deadline from it, so no first trip leaves later."""
    fleet = [ct for ct in sc.fleet.values() if ct.count > 0]
    seats = max((ct.seats for ct in fleet), default=0)
    ready = max((sc.minutes(ct.available_from) for ct in fleet), default=-math.inf)
    return StationModel.of(sc).last_first_departure(seats, ready)


def _station_trips(sc: Scenario, routes: pd.DataFrame) -> tuple[pd.DataFrame, list[StationTrip]]:
    """The routes re-timed from their departures, and each trip as the station sees it."""
    timed = retime(sc, routes)
    back = trip_end(sc, timed)
    first = timed.groupby(["coach_id", "trip"]).agg(
        depart=("depart_min", "first"), load=("workers", "sum"), ctype=("coach_type", "first")
    )
    trips = [
        StationTrip(str(c), int(t), int(row.load), sc.minutes(sc.fleet[row.ctype].available_from),
                    float(back[(c, t)] - row.depart))
        for (c, t), row in first.iterrows()
    ]
    return timed, trips


def depart_by_station(sc: Scenario, routes: pd.DataFrame) -> pd.DataFrame:
    """``routes`` with every trip's ``depart_min`` from the station model (``dispatch``), arrivals re-timed."""
    if routes.empty:
        return routes
    timed, trips = _station_trips(sc, routes)
    departs = dispatch(StationModel.of(sc), trips)
    keys = zip(timed["coach_id"].astype(str), timed["trip"].astype(int), strict=True)
    return retime(sc, timed.assign(depart_min=[departs[k] for k in keys]))


def station_bays(sc: Scenario, routes: pd.DataFrame) -> pd.Series:
    """The bay (1 to ``station.bays``) each (coach_id, trip) boards at in the station model's dispatch; for the
    printed plan, so that the bay on a manifest is the one the planned departure assumes."""
    if routes.empty:
        return pd.Series(dtype=int, name="bay")
    _, trips = _station_trips(sc, routes)
    given = _dispatch(StationModel.of(sc), trips)
    index = pd.MultiIndex.from_tuples(sorted(given), names=["coach_id", "trip"])
    return pd.Series([given[k][1] for k in index], index=index, name="bay")


def station_schedule(sc: Scenario, routes: pd.DataFrame, strict: bool = True) -> tuple[pd.DataFrame, tuple[str, ...]]:
    """Routes whose trips leave when the station lets them (``depart_by_station``), and the trips that this makes
    arrive after ``policy.latest_arrival`` although they were planned in time, in words.

    With ``strict`` such trips are a ScenarioError naming the station's bays and desks.
    """
    timed = depart_by_station(sc, routes)
    if routes.empty:
        return timed, ()
    keys = ["coach_id", "trip"]
    before = routes.groupby(keys)["arrive_min"].max()
    after = timed.groupby(keys).agg(depart=("depart_min", "first"), last=("arrive_min", "max"),
                                    load=("workers", "sum"), stops=("enterprise_id", ", ".join))
    deadline, st = sc.latest_arrival_min, sc.station
    held = after[(after["last"] > deadline + 1e-9) & (before.reindex(after.index) <= deadline + 1e-9)]
    notes = tuple(
        Msg("station.held", coach=coach, trip=trip, stops=row.stops, load=row.load, depart=sc.clock(row.depart),
            bays=st.bays, desks=st.desks, late=f"{row.last - deadline:.0f}", deadline=sc.policy.latest_arrival)
        for (coach, trip), row in held.iterrows()
    )
    if notes and strict:
        raise ScenarioError("station.held_trips", field="station.bays", n=len(notes), example=notes[0])
    return timed, notes
