"""A repair that gets people in on time, not only one that shifts times: splits, moves and reorders on the night.

After the simple repair (``planning.repair``: times shifted by the delay, broken coaches' trips to spares), trips
that now reach a stop after its dormitory closes or after ``policy.latest_arrival`` are improved by local moves:

- split a late trip: its last stops (or its first ones) go to a spare coach of the fleet, leaving at the same time;
- move a stop of a late trip into another trip of its district with seats, stops and ride time to spare;
- reorder a late trip's stops (one stop moved to another place in the order);
- give a late first trip the earlier departure of another first trip carrying at least as many workers (a group
  no larger boards in that slot no slower), the other taking the later one if it stays in time.

Objectives in order: fewest workers in late (after their dormitory closes or the latest arrival), then fewest
changed manifests, then the least extra cost (a spare's fixed cost, km). Each move must keep the rules every trip
kept (seats, stops, one district, the ride limit). The search is deterministic: moves are tried in a fixed order
and ties broken by the trips' keys.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

import pandas as pd

from planning.timing import walk_trip
from scenarios.scenario import Scenario

Key = tuple[str, int]


@dataclass(frozen=True)
class Trip:
    """One coach trip: coach, trip number, type, departure and its stops in order (enterprise, workers, and the
    trip the stop was on before the search, so that its manifest rows follow it)."""

    coach: str
    trip: int
    ctype: str
    depart: float
    district: str
    stops: tuple[tuple[str, int, Key], ...]

    @property
    def key(self) -> Key:
        return (self.coach, self.trip)

    @property
    def load(self) -> int:
        return sum(s[1] for s in self.stops)


class Clock:
    """Leg minutes and km between the station and every enterprise, read once from the travel model."""

    def __init__(self, sc: Scenario) -> None:
        self.sc = sc
        places = ["station", *map(str, sc.enterprises.index)]
        self.at = {p: i for i, p in enumerate(places)}
        self.minutes, self.km = sc.travel_model.legs(places, places)
        close = sc.enterprises["checkin_close_min"].astype(float)
        self.deadline = {str(e): min(float(c), sc.latest_arrival_min) for e, c in close.items()}

    def arrivals(self, trip: Trip) -> list[float]:
        path = [self.at["station"], *(self.at[s[0]] for s in trip.stops)]
        legs = [float(self.minutes[a, b]) for a, b in itertools.pairwise(path)]
        return list(walk_trip(trip.depart, legs, [s[1] for s in trip.stops]).arrive)

    def trip_km(self, trip: Trip) -> float:
        path = [self.at["station"], *(self.at[s[0]] for s in trip.stops)]
        return float(sum(self.km[a, b] for a, b in itertools.pairwise(path)))

    def late(self, trip: Trip) -> int:
        """Workers of the trip who arrive after their dormitory closes or after the latest arrival."""
        return sum(s[1] for s, t in zip(trip.stops, self.arrivals(trip), strict=True) if t > self.deadline[s[0]] + 1e-9)

    def back(self, trip: Trip) -> float:
        """When the coach is back at the station after the trip."""
        last = trip.stops[-1]
        return walk_trip(trip.depart, self._legs(trip), [s[1] for s in trip.stops]).back(
            float(self.minutes[self.at[last[0]], self.at["station"]]))

    def _legs(self, trip: Trip) -> list[float]:
        path = [self.at["station"], *(self.at[s[0]] for s in trip.stops)]
        return [float(self.minutes[a, b]) for a, b in itertools.pairwise(path)]

    def fits(self, trip: Trip, next_depart: float | None = None) -> bool:
        """Seats, stops, the ride limit, and back at the station before the coach's next trip leaves."""
        pol = self.sc.policy
        if not trip.stops or len(trip.stops) > pol.max_stops or trip.load > self.sc.fleet[trip.ctype].seats:
            return False
        if next_depart is not None and self.back(trip) > next_depart + 1e-9:
            return False
        return self.arrivals(trip)[-1] - trip.depart <= pol.max_ride_min + 1e-9


@dataclass
class Search:
    """The trips under repair, the spare coaches left (type -> count), and the trips whose manifests changed."""

    clock: Clock
    trips: dict[Key, Trip]
    spares: dict[str, int]
    changed: set[Key]
    spare_ids: list[str]

    def late(self) -> int:
        return sum(self.clock.late(t) for t in self.trips.values())

    def _spare_type(self, load: int) -> str | None:
        fits = [t for t, n in self.spares.items() if n > 0 and self.clock.sc.fleet[t].seats >= load]
        return min(fits, key=lambda t: (self.clock.sc.fleet[t].seats, t)) if fits else None

    def _moves(self, trip: Trip) -> list[tuple[str, tuple]]:
        """Candidate moves for a late trip: (kind, arguments)."""
        out: list[tuple[str, tuple]] = []
        k = len(trip.stops)
        for j in range(1, k):
            out.append(("split_tail", (trip.key, j)))
            out.append(("split_head", (trip.key, j)))
        for i in range(k):
            for p in range(k):
                if p != i:
                    out.append(("reorder", (trip.key, i, p)))
            for other in self.trips.values():
                if other.key != trip.key and other.district == trip.district:
                    for p in range(len(other.stops) + 1):
                        out.append(("relocate", (trip.key, i, other.key, p)))
        if trip.trip == 1:  # an earlier departure slot, taken from a first trip at least as large
            for other in sorted(self.trips.values(), key=lambda x: x.key):
                if other.trip == 1 and other.depart < trip.depart - 1e-9 and other.load >= trip.load:
                    out.append(("swap_depart", (trip.key, other.key)))
        return out

    def _apply(self, kind: str, args: tuple) -> tuple[list[Trip], list[Key], float] | None:
        """The trips a move yields (replacing those in the second list) and its extra cost, or None if it breaks
        a rule or the fleet has no spare for it."""
        sc = self.clock.sc
        if kind in ("split_tail", "split_head"):
            key, j = args
            t = self.trips[key]
            keep, away = (t.stops[:j], t.stops[j:]) if kind == "split_tail" else (t.stops[j:], t.stops[:j])
            ctype = self._spare_type(sum(s[1] for s in away))
            if ctype is None:
                return None
            new = Trip("", 1, ctype, t.depart, t.district, away)
            stay = replace(t, stops=keep)
            spec = sc.fleet[ctype]
            cost = spec.fixed_cost + spec.cost_per_km * (self.clock.trip_km(new) + self.clock.trip_km(stay)
                                                         - self.clock.trip_km(t))
            return [stay, new], [key], cost
        if kind == "swap_depart":
            key, other_key = args
            t, o = self.trips[key], self.trips[other_key]
            return [replace(t, depart=o.depart), replace(o, depart=t.depart)], [key, other_key], 0.0
        if kind == "reorder":
            key, i, p = args
            t = self.trips[key]
            stops = list(t.stops)
            stop = stops.pop(i)
            stops.insert(p, stop)
            new_t = replace(t, stops=tuple(stops))
            cost = sc.fleet[t.ctype].cost_per_km * (self.clock.trip_km(new_t) - self.clock.trip_km(t))
            return [new_t], [key], cost
        key, i, other_key, p = args
        t, o = self.trips[key], self.trips[other_key]
        stop = t.stops[i]
        if any(s[0] == stop[0] for s in o.stops):
            return None
        rest = t.stops[:i] + t.stops[i + 1:]
        joined = replace(o, stops=(*o.stops[:p], stop, *o.stops[p:]))
        out = [joined] + ([replace(t, stops=rest)] if rest else [])
        cost = sum(sc.fleet[x.ctype].cost_per_km * self.clock.trip_km(x) for x in out) \
            - sum(sc.fleet[x.ctype].cost_per_km * self.clock.trip_km(x) for x in (t, o))
        if not rest:
            cost -= sc.fleet[t.ctype].fixed_cost
        return out, [key, other_key], cost

    def _next_depart(self, trip: Trip) -> float | None:
        """When the coach of ``trip`` leaves on its next trip (None: a spare's new trip, or its last)."""
        later = [t.depart for t in self.trips.values() if t.coach == trip.coach and t.trip > trip.trip] \
            if trip.coach else []
        return min(later) if later else None

    def step(self) -> bool:
        """Apply the best improving move; False when none improves."""
        best = None
        for t in sorted(self.trips.values(), key=lambda x: x.key):
            if self.clock.late(t) == 0:
                continue
            for kind, args in self._moves(t):
                done = self._apply(kind, args)
                if done is None:
                    continue
                new, gone, cost = done
                if not all(self.clock.fits(x, self._next_depart(x)) for x in new):
                    continue
                before = sum(self.clock.late(self.trips[g]) for g in gone)
                gain = before - sum(self.clock.late(x) for x in new)
                if gain <= 0:
                    continue
                fresh = sum(1 for g in gone if g not in self.changed) + sum(1 for x in new if not x.coach)
                score = (-gain, fresh, round(cost, 6), kind, args)
                if best is None or score < best[0]:
                    best = (score, new, gone)
        if best is None:
            return False
        _, new, gone = best
        for g in gone:
            del self.trips[g]
        for x in new:
            if not x.coach:
                self.spares[x.ctype] -= 1
                x = replace(x, coach=self.spare_ids.pop(0))
            self.trips[x.key] = x
            self.changed.add(x.key)
        return True

    def run(self, steps: int = 200) -> None:
        for _ in range(steps):
            if not self.step():
                return


def trips_of(routes: pd.DataFrame) -> dict[Key, Trip]:
    """The routes frame as trips."""
    out = {}
    for (coach, trip), s in routes.sort_values(["coach_id", "trip", "stop_order"]).groupby(["coach_id", "trip"],
                                                                                            sort=True):
        out[(str(coach), int(trip))] = Trip(str(coach), int(trip), str(s["coach_type"].iloc[0]),
                                            float(s["depart_min"].iloc[0]), str(s["district"].iloc[0]),
                                            tuple((str(e), int(n), (str(coach), int(trip)))
                                                  for e, n in zip(s["enterprise_id"], s["workers"], strict=True)))
    return out


def routes_of(clock: Clock, trips: dict[Key, Trip]) -> pd.DataFrame:
    """Trips back as a routes frame (times and km from the clock)."""
    rows = []
    for key in sorted(trips):
        t = trips[key]
        arrive = clock.arrivals(t)
        path = ["station", *(s[0] for s in t.stops)]
        for k, ((e, n, _), a) in enumerate(zip(t.stops, arrive, strict=True)):
            km = float(clock.km[clock.at[path[k]], clock.at[path[k + 1]]])
            rows.append((t.coach, t.ctype, t.trip, t.depart, k + 1, e, t.district, n, a, km))
    return pd.DataFrame(rows, columns=["coach_id", "coach_type", "trip", "depart_min", "stop_order", "enterprise_id",
                                       "district", "workers", "arrive_min", "km"])


def spare_names(routes: pd.DataFrame, n: int) -> list[str]:
    """``n`` new spare coach ids (S01, S02, ...) not used by the routes."""
    taken = set(map(str, routes["coach_id"]))
    return [f"S{k:02d}" for k in range(1, n + len(taken) + 2) if f"S{k:02d}" not in taken][:n]


def improve(sc: Scenario, routes: pd.DataFrame, changed: set[Key], spares: dict[str, int]
            ) -> tuple[pd.DataFrame, set[Key], dict[tuple[str, int, str], Key]]:
    """Routes improved by the search, the changed trips, and where each stop went: (coach, trip, enterprise)
    before the search -> (coach, trip) after."""
    clock = Clock(sc)
    search = Search(clock, trips_of(routes), dict(spares), set(changed), spare_names(routes, sum(spares.values())))
    search.run()
    went = {(src[0], src[1], e): t.key for t in search.trips.values() for e, _, src in t.stops}
    return routes_of(clock, search.trips), search.changed, went


def late_count(sc: Scenario, routes: pd.DataFrame) -> int:
    """Workers arriving after their dormitory closes or after the latest arrival."""
    clock = Clock(sc)
    return sum(clock.late(t) for t in trips_of(routes).values())
