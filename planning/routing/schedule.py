"""Put the routed trips on physical coaches: first trips at the planned departure, then further trips on coaches
back at the station, as long as the last drop stays before ``policy.latest_arrival``. The station model
(``planning.station.station_schedule``) then sets when each trip really leaves.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pandas as pd

from planning.plan import ROUTE_COLUMNS
from planning.routing.result import RoutingResult
from planning.timing import walk_trip
from scenarios.errors import Msg, ScenarioError
from scenarios.scenario import Scenario


@dataclass(frozen=True)
class Trip:
    """One routed trip before it has a coach: its stops (enterprise, workers), and per stop the minutes after
    leaving the station when it is reached and the km of the leg to it."""

    stops: tuple[tuple[str, int], ...]
    legs: tuple[tuple[float, float], ...]
    type_id: str  # the coach type the solver gave it
    duration: float  # minutes from leaving the station until back there
    load: int

    @property
    def last(self) -> float:
        """Minutes from leaving the station to the last stop."""
        return self.legs[-1][0]


@dataclass
class Coach:
    """A physical coach of the plan: its id and type, when it is next at the station, the trips it has made."""

    id: str
    type: str
    back: float
    trips: int = 0


@dataclass(frozen=True, eq=False)
class Schedule:
    """One row per stop (the Plan's route columns), the trips that find no coach in time, and notes."""

    routes: pd.DataFrame
    late: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def routed_trips(sc: Scenario, groups: dict[str, pd.Series], results: dict[str, RoutingResult]) -> list[Trip]:
    """The trips of the routing results, timed from leaving the station (``timing.walk_trip``)."""
    trips = []
    for name, res in results.items():
        ents = list(groups[name].index)
        problem_minutes, problem_km = sc.travel_model.legs(["station", *ents], ["station", *ents])
        for route, type_id in zip(res.routes, res.route_types, strict=True):
            stops = tuple((ents[n - 1], round(q)) for n, q in route)
            hops = list(itertools.pairwise([0, *(n for n, _ in route)]))
            clock = walk_trip(0.0, [problem_minutes[a, b] for a, b in hops], [q for _, q in stops])
            legs = tuple((arr, float(problem_km[a, b])) for arr, (a, b) in zip(clock.arrive, hops, strict=True))
            duration = clock.back(float(problem_minutes[hops[-1][1], 0]))
            trips.append(Trip(stops, legs, type_id, duration, sum(q for _, q in stops)))
    return trips


def schedule_trips(
    sc: Scenario, groups: dict[str, pd.Series], results: dict[str, RoutingResult], depart: float, strict: bool
) -> Schedule:
    """Put every trip on a physical coach and build one row per stop.

    The longest trips go first. A trip takes a coach back at the station in time (closed routes), else a new coach
    of the smallest free type that seats it, else the coach back first (listed in ``late``; with ``strict`` that
    is an error naming how many coaches are missing).
    """
    trips = sorted(routed_trips(sc, groups, results), key=lambda t: (-t.last, -t.load))
    free = {tid: ct.count for tid, ct in sc.fleet.items()}
    coaches: list[Coach] = []
    late: list[str] = []
    notes: list[str] = []
    assigned: list[tuple[Coach, int, Trip, float]] = []  # coach, its trip number, the trip, when it leaves
    rows = []
    deadline = sc.latest_arrival_min
    closed = sc.policy.routes == "closed"  # open routes end at the last stop: each coach makes one trip
    for trip in trips:
        seats_for = [c for c in coaches if sc.fleet[c.type].seats >= trip.load]
        chain = [c for c in seats_for if closed and c.back + trip.last <= deadline + 1e-9]
        fits = sorted((ct.seats, tid) for tid, ct in sc.fleet.items() if ct.seats >= trip.load and free[tid] > 0)
        if chain:
            choice = max(chain, key=lambda c: c.back)
        elif fits:
            # The smallest free type that seats the load keeps big coaches for big trips; with the cost objective
            # the type the solver priced comes first.
            planned = sc.policy.objective == "cost" and free.get(trip.type_id, 0) > 0
            tid = trip.type_id if planned else fits[0][1]
            if tid != trip.type_id and sc.policy.objective == "cost":
                notes.append(Msg("route.type_swap", planned=trip.type_id, used=tid))
            choice = Coach(f"C{len(coaches) + 1:02d}", tid, depart)
            free[tid] -= 1
            coaches.append(choice)
        else:
            if not seats_for:
                raise ScenarioError("route.few_seats", field="fleet", n=trip.load)
            choice = min(seats_for, key=lambda c: c.back)
            late.append(_late_note(sc, trip, choice))
        choice.trips += 1
        assigned.append((choice, choice.trips, trip, choice.back))
        choice.back += trip.duration
    for coach, number, trip, leave in assigned:
        for order, ((ent, q), (arr, km)) in enumerate(zip(trip.stops, trip.legs, strict=True), 1):
            district = sc.enterprises.at[ent, "district"]
            rows.append((coach.id, coach.type, number, leave, order, ent, district, q, leave + arr, km))
    if late and strict:
        fleet = sum(ct.count for ct in sc.fleet.values())
        raise ScenarioError(
            "route.few_coaches" if closed else "route.few_coaches_open", field="fleet",
            fix=Msg("route.few_coaches.fix" if closed else "route.few_coaches_open.fix", k=len(late)),
            n=len(trips), k=len(late), fleet=fleet, example=late[0],
        )
    return Schedule(pd.DataFrame(rows, columns=list(ROUTE_COLUMNS)), tuple(late), tuple(notes))


def _late_note(sc: Scenario, trip: Trip, coach: Coach) -> str:
    """Why a trip that found no coach in time goes on ``coach`` after its last trip."""
    where = Msg("route.trip_to", stops=", ".join(e for e, _ in trip.stops), n=trip.load)
    after = Msg("route.after_trip", coach=coach.id, trip=coach.trips)
    deadline = sc.latest_arrival_min
    if coach.back + trip.last > deadline + 1e-9:
        return Msg("route.late_trip", where=where, after=after, late=f"{coach.back + trip.last - deadline:.0f}",
                   deadline=sc.policy.latest_arrival)
    return Msg("route.open_trip", where=where, after=after)

