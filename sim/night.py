"""A Night: one scenario and its plan compiled into plain arrays and lists, once, before any replication.

Workers are numbered in roster order (the order random numbers are drawn in). Vehicles are the plan's coaches
and the enterprises' own vehicles; a Trip is one vehicle's run from the station to its stops.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from planning.plan import Plan, absent_workers
from scenarios.disruptions import Disruptions
from scenarios.errors import ScenarioError
from scenarios.model import Station, Train
from scenarios.scenario import STATION_ID, Scenario
from sim.fit import check_fit
from sim.roads import district_weights
from sim.streams import key_hash

COACH, OWN, NONE = 0, 1, 2  # how a worker leaves the station


@dataclass
class Trip:
    """One run of one vehicle: board at the station, then drive to its stops in order."""

    index: int
    vehicle: int
    number: int  # the plan's trip number
    planned_depart_min: float
    stops: list[int]  # enterprise indices
    stop_workers: list[list[int]]  # worker indices dropped at each stop
    workers: list[int]  # every worker of the trip, in the plan's boarding order
    leg_min: list[float]  # planned minutes: station -> stop 1, stop 1 -> stop 2, ...
    return_min: float  # planned minutes from the last stop back to the station
    leg_offset: int  # first index of this trip's legs (stops + return) in the night's travel draws
    stop_offset: int  # first index of this trip's stops in the night's dwell draws


@dataclass
class Vehicle:
    id: str
    type: str
    seats: int
    own: bool  # an enterprise's own vehicle (no coach bay; no lateness)
    available_min: float
    trips: list[int] = field(default_factory=list)


@dataclass
class Night:
    """Everything one replication needs from a scenario and a plan, in simulation-friendly form."""

    name: str
    prefix: str  # put before entity ids when several trains share a day ("" for one train)
    train: Train
    station: Station
    arrival_min: float
    latest_arrival_min: float
    max_coach_wait_min: float
    travel_cv: float
    night_share: float
    district_share: float
    bias: float  # travel.bias: the mean factor of the planner's own times' error
    bias_cv: float
    late_checkin: str  # policy for a worker at a closed dormitory: "kept_up" or "morning"
    morning_min: float  # with "morning": when they check in
    worker_ids: list[str]
    district: list[str]
    enterprise: np.ndarray  # enterprise index per worker, -1 when unplaced
    mode: np.ndarray  # COACH, OWN or NONE
    reason: list[str]  # why a NONE worker is not delivered
    absent: np.ndarray  # known before the night not to be on the train (the plan's ``absent`` column)
    trip_of: np.ndarray  # trip index per worker, -1 when none
    door: np.ndarray  # door number per worker (car-major)
    enterprise_ids: list[str]
    checkin_open_min: np.ndarray
    checkin_close_min: np.ndarray
    vehicles: list[Vehicle]
    trips: list[Trip]
    n_legs: int
    n_stops: int
    desk_rank: np.ndarray  # per worker: who the desks serve first (lower first; all 0 for desk_order "arrival")
    #: Entity keys of the random draws (``sim.streams``): the train, workers, vehicles, legs (from, to) with the
    #: district each leg drives in and the two places it joins, and stops (the enterprise's gate).
    train_key: np.ndarray
    worker_keys: np.ndarray
    vehicle_keys: np.ndarray
    leg_keys: np.ndarray
    leg_from_keys: np.ndarray
    leg_to_keys: np.ndarray
    leg_weights: np.ndarray  # (legs, districts): the share of each leg's way in each district (sim.roads)
    district_keys: np.ndarray
    stop_keys: np.ndarray
    #: The policy's limits the night is judged by beside its deadline (``sim.risk``): ride and station wait.
    max_ride_min: float = math.inf
    max_station_wait_min: float = math.inf
    #: The night model (the scenario's ``disruptions``) and the seats of the standby coaches the plan books.
    disruptions: Disruptions = field(default_factory=Disruptions)
    booked_seats: tuple[int, ...] = ()

    @property
    def n_workers(self) -> int:
        return len(self.worker_ids)

    @property
    def seats_by_vehicle(self) -> np.ndarray:
        return np.array([v.seats for v in self.vehicles])

    @functools.cached_property
    def checkin_window(self) -> tuple[list[float], list[float]]:
        """Each enterprise's check-in opening and closing minutes as Python floats (they become event times),
        made once a night rather than for every vehicle of every replication."""
        return self.checkin_open_min.tolist(), self.checkin_close_min.tolist()


def _fail(key: str, field_name: str = "plan", **params: object) -> ScenarioError:
    return ScenarioError(key, field=field_name, **params)


def _doors(sc: Scenario) -> np.ndarray:
    """Door per worker: the worker's car (or cars filled in roster order when unknown), doors taken in turn."""
    train = sc.train
    car = sc.workers["car"].to_numpy(dtype=int).copy()
    unknown = car <= 0
    car[unknown] = np.minimum(np.flatnonzero(unknown) // train.seats_per_car + 1, train.cars)
    car = np.clip(car, 1, max(train.cars, int(car.max())))
    nth_in_car = pd.Series(car).groupby(car).cumcount().to_numpy()
    return (car - 1) * train.doors_per_car + nth_in_car % train.doors_per_car


def compile_night(sc: Scenario, plan: Plan, prefix: str = "") -> Night:
    """Check the plan against the scenario (``sim.fit.check_fit``) and build the Night; a ScenarioError names what
    does not fit."""
    check_fit(sc, plan)
    workers = sc.workers
    worker_ids = [str(w) for w in workers.index]
    windex = {w: i for i, w in enumerate(worker_ids)}
    ent_ids = [str(e) for e in sc.enterprises.index]
    eindex = {e: i for i, e in enumerate(ent_ids)}
    placement = plan.placement.reindex(workers.index)
    placed_at = placement["enterprise_id"].astype(str).tolist()
    n = len(worker_ids)
    enterprise = np.array([eindex[e] if e else -1 for e in placed_at], dtype=int)
    mode = np.full(n, NONE, dtype=int)
    reason = ["unplaced" if e == -1 else "not_in_plan" for e in enterprise]
    trip_of = np.full(n, -1, dtype=int)

    routes = plan.routes.sort_values(["coach_id", "trip", "stop_order"], kind="stable")
    manifest = plan.manifest.sort_values(["coach_id", "trip", "boarding_order"], kind="stable")
    # Each trip's manifest rows (positions, in boarding order), found once rather than by a filter per trip.
    rows_of = manifest.groupby(["coach_id", "trip"], sort=False).indices
    riders = manifest["worker_id"].to_numpy()

    vehicles: list[Vehicle] = []
    trips: list[Trip] = []
    legs: list[tuple[str, str]] = []
    stop_names: list[str] = []
    vindex: dict[str, int] = {}
    n_stops = 0
    for (coach_id, trip_no), stops in routes.groupby(["coach_id", "trip"], sort=True):
        coach_type = str(stops["coach_type"].iloc[0])
        ctype = sc.fleet[coach_type]
        if coach_id not in vindex:
            vindex[coach_id] = len(vehicles)
            vehicles.append(Vehicle(str(coach_id), coach_type, ctype.seats, False, sc.minutes(ctype.available_from)))
        places = [str(e) for e in stops["enterprise_id"]]
        rows = rows_of.get((coach_id, trip_no), [])
        aboard = [windex[str(w)] for w in riders[rows]]
        stop_workers: list[list[int]] = [[] for _ in places]
        for w in aboard:
            dest = ent_ids[enterprise[w]] if enterprise[w] >= 0 else ""
            if dest not in places:
                raise _fail("sim.no_stop", "plan.manifest", worker=worker_ids[w], dest=dest, coach=coach_id,
                            trip=trip_no)
            stop_workers[places.index(dest)].append(w)
            mode[w], trip_of[w] = COACH, len(trips)
        trip = Trip(len(trips), vindex[coach_id], int(trip_no), float(stops["depart_min"].iloc[0]),
                    [eindex[e] for e in places], stop_workers, aboard, [], 0.0, len(legs), n_stops)
        legs.extend(zip([STATION_ID, *places[:-1]], places, strict=True))
        legs.append((places[-1], STATION_ID))
        stop_names.extend(places)
        n_stops += len(places)
        trips.append(trip)
        vehicles[vindex[coach_id]].trips.append(trip.index)

    own = sc.enterprises[sc.enterprises["pickup"] == "own"]
    for ent, row in own.iterrows():
        e = eindex[str(ent)]
        group = [int(w) for w in np.flatnonzero((enterprise == e) & (mode == NONE))]
        if not group:
            continue
        seats = int(row["own_seats"])
        if seats <= 0 or not math.isfinite(row["own_arrival_min"]):
            raise _fail("sim.own_vehicle", "enterprises", ent=ent)
        vehicle = Vehicle(f"own:{ent}", "own", seats, True, float(row["own_arrival_min"]))
        vehicles.append(vehicle)
        for k in range(0, len(group), seats):
            chunk = group[k:k + seats]
            trip = Trip(len(trips), len(vehicles) - 1, k // seats + 1, vehicle.available_min, [e], [chunk], chunk,
                        [], 0.0, len(legs), n_stops)
            legs.extend([(STATION_ID, str(ent)), (str(ent), STATION_ID)])
            stop_names.append(str(ent))
            n_stops += 1
            for w in chunk:
                mode[w], trip_of[w] = OWN, trip.index
            trips.append(trip)
            vehicle.trips.append(trip.index)
    for w in np.flatnonzero(mode != NONE):
        reason[w] = ""

    leg_minutes = _leg_minutes(sc, legs)
    for trip in trips:
        k = len(trip.stops)
        trip.leg_min = leg_minutes[trip.leg_offset:trip.leg_offset + k]
        trip.return_min = leg_minutes[trip.leg_offset + k]

    districts, leg_weights = _leg_districts(sc, legs)
    return Night(
        name=sc.name, prefix=prefix, train=sc.train, station=sc.station, arrival_min=sc.arrival_min,
        latest_arrival_min=sc.latest_arrival_min, max_coach_wait_min=sc.policy.max_coach_wait_min,
        travel_cv=sc.travel.cv, night_share=sc.travel.night_share, district_share=sc.travel.district_share,
        bias=sc.travel.bias, bias_cv=sc.travel.bias_cv,
        late_checkin=sc.policy.late_checkin, morning_min=sc.minutes(sc.policy.morning_checkin),
        max_ride_min=sc.policy.max_ride_min, max_station_wait_min=sc.policy.max_station_wait_min,
        worker_ids=[prefix + w for w in worker_ids],
        district=[str(d) for d in placement["district"].fillna("")], enterprise=enterprise, mode=mode,
        reason=reason, absent=absent_workers(placement).to_numpy(dtype=bool), trip_of=trip_of, door=_doors(sc),
        enterprise_ids=ent_ids,
        checkin_open_min=sc.enterprises["checkin_open_min"].to_numpy(dtype=float),
        checkin_close_min=sc.enterprises["checkin_close_min"].to_numpy(dtype=float),
        vehicles=vehicles, trips=trips, n_legs=len(legs), n_stops=n_stops,
        desk_rank=_desk_rank(sc.station.desk_order, trips, trip_of, placement["district"].fillna("").astype(str)),
        train_key=key_hash([f"train|{prefix}{sc.train.number}"]),
        worker_keys=key_hash([f"worker|{prefix}{w}" for w in worker_ids]),
        vehicle_keys=key_hash([f"vehicle|{prefix}{v.id}" for v in vehicles]),
        leg_keys=key_hash([f"leg|{a}|{b}" for a, b in legs]),
        leg_from_keys=key_hash([f"place|{a}" for a, _ in legs]), leg_to_keys=key_hash([f"place|{b}" for _, b in legs]),
        leg_weights=leg_weights, district_keys=key_hash([f"district|{d}" for d in districts]),
        stop_keys=key_hash([f"stop|{k}" for k in stop_names]),
        disruptions=sc.disruptions, booked_seats=tuple(sc.fleet[t].seats for t in plan.standby),
    )


def _desk_rank(order: str, trips: list[Trip], trip_of: np.ndarray, district: pd.Series) -> np.ndarray:
    """Desk priority per worker for ``station.desk_order``: 0 for everyone ("arrival": one line in hall order);
    the rank of the worker's trip by planned departure ("coach"); the rank of the worker's district by its first
    planned departure ("sign"). Workers with no vehicle come last."""
    n = len(trip_of)
    if order == "arrival":
        return np.zeros(n)
    depart = np.array([t.planned_depart_min for t in trips] + [np.inf])
    trip_rank = np.argsort(np.argsort(depart[:-1], kind="stable"), kind="stable").astype(float)
    rank = np.where(trip_of >= 0, np.r_[trip_rank, np.inf][trip_of], np.inf)
    if order == "coach":
        return rank
    first = pd.Series(np.where(trip_of >= 0, depart[trip_of], np.inf)).groupby(district.to_numpy()).transform("min")
    key = pd.DataFrame({"first": first.to_numpy(), "district": district.to_numpy()})
    uniq = key.drop_duplicates().sort_values(["first", "district"]).reset_index(drop=True)
    dist_rank = {d: float(i) for i, d in enumerate(uniq["district"])}
    return np.where(trip_of >= 0, key["district"].map(dist_rank).to_numpy(dtype=float), np.inf)


def _leg_districts(sc: Scenario, legs: list[tuple[str, str]]) -> tuple[list[str], np.ndarray]:
    """The scenario's districts and each leg's share of way in each (``sim.roads.district_weights``)."""
    districts = [str(d) for d in sc.districts.index]
    dindex = {d: i for i, d in enumerate(districts)}
    ents = sc.enterprises
    where = {e: (lat, lon, dindex.get(d, -1)) for e, lat, lon, d in zip(
        ents.index.astype(str), ents["lat"].astype(float).tolist(), ents["lon"].astype(float).tolist(),
        ents["district"].astype(str).tolist(), strict=True)}
    where[STATION_ID] = (float(sc.station.lat), float(sc.station.lon), -1)
    a = np.array([where[x] for x, _ in legs]).reshape(-1, 3)
    b = np.array([where[y] for _, y in legs]).reshape(-1, 3)
    centres = sc.districts[["lat", "lon"]].to_numpy(dtype=float)
    return districts, district_weights(a[:, :2], b[:, :2], a[:, 2].astype(int), b[:, 2].astype(int), centres)


def _leg_minutes(sc: Scenario, legs: list[tuple[str, str]]) -> list[float]:
    """Planned minutes of every leg: one travel-model call over the distinct origins and destinations (coordinates),
    or one call per origin for just the legs driven (a travel-time matrix need not hold every pair)."""
    if not legs:
        return []
    if sc.travel_matrix is None:
        origins = sorted({a for a, _ in legs})
        dests = sorted({b for _, b in legs})
        minutes, _ = sc.travel_model.legs(origins, dests)
        oi = {o: i for i, o in enumerate(origins)}
        di = {d: i for i, d in enumerate(dests)}
        return [float(minutes[oi[a], di[b]]) for a, b in legs]
    by_origin: dict[str, list[str]] = {}
    for a, b in legs:
        by_origin.setdefault(a, [])
        if b not in by_origin[a]:
            by_origin[a].append(b)
    found: dict[tuple[str, str], float] = {}
    for a, dests in by_origin.items():
        minutes, _ = sc.travel_model.legs([a], dests)
        found.update({(a, b): float(minutes[0, j]) for j, b in enumerate(dests)})
    return [found[leg] for leg in legs]
