"""Repair a plan's coach trips on the night: a late train, broken coaches, missing workers.

As few coach manifests as possible change: a broken coach's trip goes whole to a spare coach of the fleet when
there is one; else its stops are inserted into other trips of the same district with seats and stops to spare;
else the coach back at the station first makes a further trip. Trips that a late train pushes past the latest
arrival go to spare coaches. Every step returns new frames (the caller's are never changed) and says what it did.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from planning.plan import MANIFEST_COLUMNS, Plan, absent_workers
from planning.revision import Note
from planning.timing import boarding_order, retime, trip_end
from present.lang import named
from scenarios.errors import Msg, ScenarioError
from scenarios.scenario import Scenario

TripKey = tuple[str, int]


@dataclass(frozen=True)
class Change:
    """What happened: the train is ``delay_min`` later than planned, coaches broke down, workers are missing."""

    delay_min: float = 0.0
    broken_coaches: tuple[str, ...] = ()
    missing_workers: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Fleet:
    """The scenario the repair works in, the broken coaches, and how many coaches of each type they take out.

    Broken coaches keep their place in the fleet count: a spare is a coach of the fleet the plan does not use.
    """

    sc: Scenario
    broken: frozenset[str] = frozenset()
    out_of_service: Mapping[str, int] = field(default_factory=dict)

    def working(self, routes: pd.DataFrame) -> pd.DataFrame:
        """The routes without the broken coaches."""
        return routes[~routes["coach_id"].isin(self.broken)]


@dataclass(frozen=True, eq=False)
class Trips:
    """Routes and manifest under repair, the trips whose manifests changed, and notes for the station team."""

    routes: pd.DataFrame
    manifest: pd.DataFrame
    changed: frozenset[TripKey] = frozenset()
    notes: tuple[Note, ...] = ()

    def noted(self, note: Note, changed: frozenset[TripKey] | set[TripKey] = frozenset()) -> Trips:
        return dataclasses.replace(self, notes=(*self.notes, note), changed=self.changed | frozenset(changed))

    def move_stop(
        self, source: TripKey, ent: str, target: TripKey, depart: float | None = None, ctype: str | None = None
    ) -> Trips:
        """One stop (its routes row and manifest rows) moved from trip ``source`` to the end of trip ``target``.

        A new trip (``target`` not in the routes) leaves at ``depart``; ``ctype`` is the target coach's type when it
        is not in the routes yet.
        """
        routes, manifest = self.routes.copy(), self.manifest.copy()
        row = (routes["coach_id"] == source[0]) & (routes["trip"] == source[1]) & (routes["enterprise_id"] == ent)
        existing = routes[(routes["coach_id"] == target[0]) & (routes["trip"] == target[1])]
        if ctype is None:
            ctype = routes.loc[routes["coach_id"] == target[0], "coach_type"].iloc[0]
        routes.loc[row, ["coach_id", "coach_type", "trip"]] = [target[0], ctype, target[1]]
        routes.loc[row, "depart_min"] = existing["depart_min"].iloc[0] if len(existing) else depart
        routes.loc[row, "stop_order"] = existing["stop_order"].max() + 1 if len(existing) else 1
        rows = (
            (manifest["coach_id"] == source[0]) & (manifest["trip"] == source[1]) & (manifest["enterprise_id"] == ent)
        )
        manifest.loc[rows, ["coach_id", "trip"]] = [target[0], target[1]]
        return dataclasses.replace(self, routes=routes, manifest=manifest)

    def move_trip(self, source: TripKey, target: TripKey, depart: float, ctype: str) -> Trips:
        """Every stop of trip ``source``, in order, to the new trip ``target`` leaving at ``depart``."""
        stops = self.routes[(self.routes["coach_id"] == source[0]) & (self.routes["trip"] == source[1])]
        out = self
        for ent in stops.sort_values("stop_order")["enterprise_id"]:
            out = out.move_stop(source, ent, target, depart, ctype)
        return out


def drop_missing(trips: Trips, missing: set[str]) -> Trips:
    """Missing workers taken off their manifests, and their stops' counts (empty stops go, the rest renumbered)."""
    if not missing:
        return trips
    manifest = trips.manifest
    gone = manifest[manifest["worker_id"].isin(missing)]
    hit = {(c, int(t)) for c, t in gone[["coach_id", "trip"]].drop_duplicates().itertuples(index=False)}
    routes = trips.routes
    if not gone.empty:
        routes = routes.copy()
        for (coach, trip, ent), n in gone.groupby(["coach_id", "trip", "enterprise_id"]).size().items():
            mask = (routes["coach_id"] == coach) & (routes["trip"] == trip) & (routes["enterprise_id"] == ent)
            routes.loc[mask, "workers"] -= n
        routes = routes[routes["workers"] > 0].copy()
        routes["stop_order"] = routes.groupby(["coach_id", "trip"]).cumcount() + 1
        manifest = manifest[~manifest["worker_id"].isin(missing)]
    kept = dataclasses.replace(trips, routes=routes, manifest=manifest)
    n = len(missing)
    return kept.noted(Note(Msg("note.missing", n=n, k=len(hit))), hit)


def delay(trips: Trips, minutes: float) -> Trips:
    """Every departure and arrival ``minutes`` later."""
    if not minutes:
        return trips
    routes = trips.routes.copy()
    routes[["depart_min", "arrive_min"]] += minutes
    return dataclasses.replace(trips, routes=routes).noted(Note(Msg("note.delay", m=f"{minutes:.0f}")))


def spare_coach(fleet: Fleet, routes: pd.DataFrame, seats_needed: int) -> tuple[str, str] | None:
    """An unused coach of the fleet with enough seats (smallest first), with a new id, or None."""
    used = routes.groupby("coach_type")["coach_id"].nunique()
    for ctype, spec in sorted(fleet.sc.fleet.items(), key=lambda kv: kv[1].seats):
        if spec.seats >= seats_needed and used.get(ctype, 0) + fleet.out_of_service.get(ctype, 0) < spec.count:
            taken = set(routes["coach_id"])
            number = next(n for n in range(1, len(taken) + 2) if f"S{n:02d}" not in taken)
            return f"S{number:02d}", ctype
    return None


def trip_with_room(sc: Scenario, routes: pd.DataFrame, stop: pd.Series) -> TripKey | None:
    """Another trip of the same district with seats, stops and ride time to spare for this stop (added last);
    of those, the one ending earliest. A coach's last trip only, so that its later trips keep their times."""
    candidates = []
    last_trip = routes.groupby("coach_id")["trip"].max()
    for (coach, trip), t in routes.groupby(["coach_id", "trip"]):
        if trip != last_trip[coach]:
            continue
        if sc.policy.one_district_per_coach and (t["district"] != stop["district"]).any():
            continue
        seats = sc.fleet[t["coach_type"].iloc[0]].seats
        new_stop = not (t["enterprise_id"] == stop["enterprise_id"]).any()
        if t["workers"].sum() + stop["workers"] > seats or (new_stop and len(t) >= sc.policy.max_stops):
            continue
        added = stop.to_frame().T.assign(coach_id=coach, trip=trip, stop_order=int(t["stop_order"].max()) + 1)
        longer = pd.concat([t, added])
        ride = retime(sc, longer.astype({"workers": int}))["arrive_min"].max() - float(t["depart_min"].iloc[0])
        if ride > sc.policy.max_ride_min + 1e-9:
            continue
        candidates.append((t["arrive_min"].max(), coach, int(trip)))
    return min(candidates)[1:] if candidates else None


def first_back(sc: Scenario, routes: pd.DataFrame) -> tuple[str, int, float]:
    """The coach back at the station first after its last trip: its id, its next trip number, when it is back."""
    if routes.empty:
        raise ScenarioError("replan.all_broken", field="broken_coaches")
    ends = trip_end(sc, retime(sc, routes))
    last = ends.groupby(level=0).max()
    coach = str(last.idxmin())
    return coach, int(routes.loc[routes["coach_id"] == coach, "trip"].max()) + 1, float(last.min())


def replace_broken(fleet: Fleet, trips: Trips) -> Trips:
    """Every trip of the broken coaches to a spare coach, into other trips, or onto a further trip."""
    sc = fleet.sc
    for coach in sorted(fleet.broken):
        for trip, stops in trips.routes[trips.routes["coach_id"] == coach].groupby("trip"):
            source = (coach, int(trip))
            spare = spare_coach(fleet, fleet.working(trips.routes), int(stops["workers"].sum()))
            if spare is not None:
                trips = trips.move_trip(source, (spare[0], 1), float(stops["depart_min"].iloc[0]), spare[1])
                trips = trips.noted(Note(Msg("note.spare_trip", coach=coach, trip=trip, spare=spare[0],
                                             **_type(sc, spare[1]))), {(spare[0], 1)})
                continue
            for _, stop in stops.sort_values("stop_order").iterrows():
                working = fleet.working(trips.routes)
                target = trip_with_room(sc, working, stop)
                depart = None
                if target is None:
                    back_first, next_trip, depart = first_back(sc, working)
                    target = (back_first, next_trip)
                    note = Note(Msg("note.next_trip", coach=coach, n=stop["workers"], ent=stop["enterprise_id"],
                                    back=back_first, depart=sc.clock(depart)))
                else:
                    note = Note(Msg("note.join_trip", coach=coach, n=stop["workers"], ent=stop["enterprise_id"],
                                    target=target[0], trip=target[1]))
                trips = trips.noted(note).move_stop(source, stop["enterprise_id"], target, depart)
                trips = dataclasses.replace(trips, changed=trips.changed | {target})
    return trips


def late_trips_to_spares(fleet: Fleet, trips: Trips) -> Trips:
    """Later trips that would miss the latest arrival go to unused coaches of the fleet, leaving with the first
    wave; the latest first, while spares last."""
    sc = fleet.sc
    timed = retime(sc, trips.routes)
    first_wave = float(timed.loc[timed["trip"] == 1, "depart_min"].min())
    last = timed.groupby(["coach_id", "trip"]).agg(arrive=("arrive_min", "max"), load=("workers", "sum"))
    late = last[(last.index.get_level_values("trip") > 1) & (last["arrive"] > sc.latest_arrival_min)]
    for (coach, trip), row in late.sort_values("arrive", ascending=False).iterrows():
        spare = spare_coach(fleet, fleet.working(trips.routes), int(row["load"]))
        if spare is None:
            break
        trips = trips.move_trip((coach, int(trip)), (spare[0], 1), first_wave, spare[1])
        trips = trips.noted(Note(Msg("note.late_to_spare", coach=coach, trip=trip, latest=sc.policy.latest_arrival,
                                     spare=spare[0], depart=sc.clock(first_wave), **_type(sc, spare[1]))),
                            {(spare[0], 1)})
    return trips


def _type(sc: Scenario, type_id: str) -> dict[str, str]:
    """A coach type's names for people as message parameters (``type``, ``type_zh``; its id when the scenario does
    not know it)."""
    ct = sc.fleet.get(type_id)
    return {"type": type_id if ct is None else named(ct, "en"), "type_zh": type_id if ct is None else named(ct, "zh")}


def merge_same_stops(routes: pd.DataFrame) -> pd.DataFrame:
    """One row per (coach, trip, enterprise), stops renumbered in their order."""
    keys = ["coach_id", "trip", "enterprise_id"]
    merged = (
        routes.sort_values(["coach_id", "trip", "stop_order"])
        .groupby(keys, sort=False, as_index=False)
        .agg(
            coach_type=("coach_type", "first"),
            depart_min=("depart_min", "first"),
            stop_order=("stop_order", "first"),
            district=("district", "first"),
            workers=("workers", "sum"),
            arrive_min=("arrive_min", "first"),
            km=("km", "first"),
        )
    )
    merged = merged.sort_values(["coach_id", "trip", "stop_order"])
    merged["depart_min"] = merged.groupby(["coach_id", "trip"])["depart_min"].transform("min")
    merged["stop_order"] = merged.groupby(["coach_id", "trip"]).cumcount() + 1
    return merged[list(routes.columns)]


def renumber_boarding(routes: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Boarding order of every trip from its stops (``timing.boarding_order``), a stop's workers in id order."""
    order = routes.set_index(["coach_id", "trip", "enterprise_id"])["stop_order"]
    rows = []
    for (coach, trip), aboard in manifest.groupby(["coach_id", "trip"], sort=True):
        stop_of = {e: order.get((coach, trip, e), 0) for e in aboard["enterprise_id"].unique()}
        load = [
            (e, sorted(aboard.loc[aboard["enterprise_id"] == e, "worker_id"])) for e in sorted(stop_of, key=stop_of.get)
        ]
        rows.extend((w, coach, trip, i + 1, e) for i, (w, e) in enumerate(boarding_order(load)))
    return pd.DataFrame(rows, columns=list(MANIFEST_COLUMNS))


def repair(sc: Scenario, plan: Plan, change: Change, search: bool = True) -> Trips:
    """The plan's routes and manifest repaired for ``change`` (the change is assumed valid), re-timed; ``search``:
    then rearranged to bring late workers in time (``search_late``), else only shifted and given spares."""
    assert plan.routes is not None and plan.manifest is not None
    trips = Trips(plan.routes.copy(), plan.manifest.copy())
    trips = drop_missing(trips, set(change.missing_workers))
    trips = delay(trips, change.delay_min)
    broken = frozenset(change.broken_coaches)
    out = trips.routes[trips.routes["coach_id"].isin(broken)]
    fleet = Fleet(sc, broken, out.groupby("coach_type")["coach_id"].nunique().to_dict())
    if broken:
        trips = replace_broken(fleet, trips)
    trips = late_trips_to_spares(fleet, trips)
    routes = retime(sc, merge_same_stops(trips.routes))
    trips = dataclasses.replace(trips, routes=routes, manifest=renumber_boarding(routes, trips.manifest))
    return search_late(fleet, trips) if search else trips


def search_late(fleet: Fleet, trips: Trips) -> Trips:
    """``planning.repair_search`` on the repaired trips: splits onto the spares left, stops moved within their
    district and reordered, while that brings more workers in before their dormitory closes and the deadline."""
    from planning.repair_search import improve

    sc, routes = fleet.sc, trips.routes
    used = routes.groupby("coach_type")["coach_id"].nunique()
    spares = {t: max(0, spec.count - int(used.get(t, 0)) - fleet.out_of_service.get(t, 0))
              for t, spec in sc.fleet.items()}
    better, changed, went = improve(sc, routes, set(trips.changed), spares)
    if not changed - set(trips.changed):
        return trips
    m = trips.manifest
    keys = [went[(c, int(t), e)] for c, t, e in zip(m["coach_id"], m["trip"], m["enterprise_id"], strict=True)]
    manifest = m.assign(coach_id=[k[0] for k in keys], trip=[k[1] for k in keys])
    moved = len(changed - set(trips.changed))
    note = Note(Msg("note.rearranged", n=moved))
    out = dataclasses.replace(trips, routes=better, manifest=renumber_boarding(better, manifest))
    return out.noted(note, changed)


def mark_absent(placement: pd.DataFrame, missing: set[str]) -> pd.DataFrame:
    """The placement with the missing workers marked absent (they keep their posts)."""
    out = placement.copy()
    if missing:
        out["reason"] = out["reason"].astype(object)
        out.loc[list(missing), "reason"] = pd.Series([Msg("reason.absent")] * len(missing), index=list(missing),
                                                     dtype=object)
    out["absent"] = absent_workers(out) | out.index.isin(list(missing))
    return out
