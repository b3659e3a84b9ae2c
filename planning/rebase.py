"""Route an edited placement against a base plan: keep every trip the edit does not force to change.

Minimum change is the second objective, after the rules (seats, stops, ride limit, districts, the latest arrival):

1. A worker whose enterprise is unchanged keeps their seat: coach, trip, stop and boarding order as in the base.
2. A worker who no longer rides (row deleted, unplaced, sent elsewhere) leaves their trip; a stop left empty goes.
3. A worker who newly rides to an enterprise joins, in this order of preference, a trip that already stops there
   with a free seat, then a trip of the district that can take one more stop (the cheapest place in its order), and
   only then a new coach, numbered after the base's highest, with the smallest free type that seats the stop.

Every trip nothing touched keeps its routes and manifest rows verbatim (times are not even recomputed), so its
printed manifest is byte-identical; coaches keep their numbers because no trip is ever renumbered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from planning.own import coach_riders
from planning.plan import MANIFEST_COLUMNS, ROUTE_COLUMNS, Plan, absent_workers
from planning.timing import boarding_order, retime, trip_end
from scenarios.scenario import Scenario

TripKey = tuple[str, int]


@dataclass(frozen=True, eq=False)
class Rebased:
    """Routes and manifest of the edited placement, and the trips whose stops or riders changed."""

    routes: pd.DataFrame
    manifest: pd.DataFrame
    touched: frozenset[TripKey]
    new_coaches: tuple[str, ...]
    unmet: tuple[str, ...] = ()  # workers whose row names a coach that could not take them under the rules


def riders(sc: Scenario, placement: pd.DataFrame) -> pd.Series:
    """worker id -> enterprise id of everyone who rides a city coach under ``placement``."""
    placed = placement[(placement["enterprise_id"] != "") & ~absent_workers(placement)]
    riding = coach_riders(sc, placed)
    return riding["enterprise_id"].astype(str).rename(index=str)


def _trip_ok(sc: Scenario, stops: pd.DataFrame, was_late: float, next_depart: float | None) -> bool:
    """Whether a trip (its stops in order, re-timed) keeps the rules it kept before: stops, seats, districts, the
    ride limit, the latest arrival (or no later than it already was), and its coach's next trip."""
    pol = sc.policy
    if len(stops) > pol.max_stops or int(stops["workers"].sum()) > sc.fleet[stops["coach_type"].iloc[0]].seats:
        return False
    if pol.one_district_per_coach and stops["district"].nunique() > 1:
        return False
    last = float(stops["arrive_min"].max())
    if last - float(stops["depart_min"].iloc[0]) > pol.max_ride_min + 1e-9:
        return False
    if last > max(sc.latest_arrival_min, was_late) + 1e-9:
        return False
    return next_depart is None or float(trip_end(sc, stops).max()) <= next_depart + 1e-9


class _Work:
    """The routes and manifest being edited, trip by trip."""

    def __init__(self, sc: Scenario, base: Plan) -> None:
        assert base.routes is not None and base.manifest is not None
        self.sc = sc
        self.routes = base.routes[list(ROUTE_COLUMNS)].copy()
        self.manifest = base.manifest[list(MANIFEST_COLUMNS)].copy()
        self.manifest["worker_id"] = self.manifest["worker_id"].astype(str)
        self.touched: set[TripKey] = set()
        self.new_coaches: list[str] = []
        self.base_last = self.routes.groupby(["coach_id", "trip"])["arrive_min"].max()

    def trip(self, key: TripKey) -> pd.DataFrame:
        r = self.routes
        return r[(r["coach_id"] == key[0]) & (r["trip"] == key[1])].sort_values("stop_order")

    def next_depart(self, key: TripKey) -> float | None:
        later = self.routes[(self.routes["coach_id"] == key[0]) & (self.routes["trip"] > key[1])]
        return float(later["depart_min"].min()) if len(later) else None

    def leave(self, workers: list[str]) -> None:
        """Workers off their trips; a stop left empty goes and its trip's stops are renumbered."""
        m = self.manifest
        gone = m[m["worker_id"].isin(workers)]
        for (coach, trip, ent), n in gone.groupby(["coach_id", "trip", "enterprise_id"]).size().items():
            r = self.routes
            at = (r["coach_id"] == coach) & (r["trip"] == trip) & (r["enterprise_id"] == ent)
            self.routes.loc[at, "workers"] -= int(n)
            self.touched.add((str(coach), int(trip)))
        self.manifest = m[~m["worker_id"].isin(workers)]
        self.routes = self.routes[self.routes["workers"] > 0].copy()

    def _with_stop(self, key: TripKey, ent: str, n: int, position: int | None) -> pd.DataFrame:
        """Trip ``key`` re-timed with ``n`` more workers for ``ent``: at its stop, or a new stop at ``position``."""
        stops = self.trip(key).copy()
        if position is None:
            stops.loc[stops["enterprise_id"] == ent, "workers"] += n
        else:
            row = stops.iloc[[0]].assign(enterprise_id=ent, district=self.sc.enterprises.at[ent, "district"],
                                         workers=n, stop_order=position + 0.5)
            stops = pd.concat([stops, row])
        stops = stops.sort_values("stop_order")
        stops["stop_order"] = range(1, len(stops) + 1)
        return retime(self.sc, stops)

    def join(self, ent: str, workers: list[str], coach: str = "") -> list[str]:
        """Seat ``workers`` (all for ``ent``) on existing trips, fewest changed manifests first (a trip of ``coach``
        first when the planner wrote one); the rest returned."""
        left = list(workers)
        district = str(self.sc.enterprises.at[ent, "district"])
        while left:
            best = None
            for (coach, trip), stops in self.routes.groupby(["coach_id", "trip"], sort=True):
                key = (str(coach), int(trip))
                if self.sc.policy.one_district_per_coach and (stops["district"] != district).any():
                    continue
                free = self.sc.fleet[stops["coach_type"].iloc[0]].seats - int(stops["workers"].sum())
                if free <= 0:
                    continue
                n = min(free, len(left))
                has = bool((stops["enterprise_id"] == ent).any())
                positions = [None] if has else list(range(int(stops["stop_order"].max()) + 1))
                for pos in positions:
                    trial = self._with_stop(key, ent, n, pos)
                    if not _trip_ok(self.sc, trial, float(self.base_last.get(key, 0.0)), self.next_depart(key)):
                        continue
                    added = float(trial["arrive_min"].sum() - stops["arrive_min"].sum())
                    # Lexicographic: a trip already stopping there, one already changed, most seated, least delay.
                    score = (key[0] != coach, not has, key not in self.touched, -n, added, key)
                    if best is None or score < best[0]:
                        best = (score, key, trial, n)
            if best is None:
                return left
            _, key, trial, n = best
            self.routes = pd.concat([self.routes[~((self.routes["coach_id"] == key[0])
                                                   & (self.routes["trip"] == key[1]))], trial])
            self._seat(key, ent, left[:n])
            left = left[n:]
        return left

    def _seat(self, key: TripKey, ent: str, workers: list[str]) -> None:
        rows = pd.DataFrame({"worker_id": workers, "coach_id": key[0], "trip": key[1], "boarding_order": 0,
                             "enterprise_id": ent})
        self.manifest = pd.concat([self.manifest, rows], ignore_index=True)
        self.touched.add(key)

    def new_trip(self, ent: str, workers: list[str]) -> list[str]:
        """A new coach for ``ent``'s workers (as many as its largest free type seats); the rest returned."""
        used = self.routes.groupby("coach_type")["coach_id"].nunique()
        free = {t: spec for t, spec in self.sc.fleet.items() if used.get(t, 0) < spec.count}
        if not free:
            return workers
        fits = [t for t, s in free.items() if s.seats >= len(workers)]
        ctype = min(fits, key=lambda t: free[t].seats) if fits else max(free, key=lambda t: free[t].seats)
        n = min(len(workers), free[ctype].seats)
        coach = self._next_id()
        district = str(self.sc.enterprises.at[ent, "district"])
        same = self.routes[(self.routes["district"] == district) & (self.routes["trip"] == 1)]
        first = self.routes[self.routes["trip"] == 1]
        depart = float((same if len(same) else first)["depart_min"].max()) if len(first) else \
            self.sc.minutes(self.sc.fleet[ctype].available_from)
        row = pd.DataFrame([{"coach_id": coach, "coach_type": ctype, "trip": 1, "depart_min": depart, "stop_order": 1,
                             "enterprise_id": ent, "district": district, "workers": n, "arrive_min": 0.0,
                             "km": 0.0}])
        self.routes = pd.concat([self.routes, retime(self.sc, row)], ignore_index=True)
        self.new_coaches.append(coach)
        self._seat((coach, 1), ent, workers[:n])
        return workers[n:]

    def _next_id(self) -> str:
        """The next coach number after the highest of the plan, in its style (C21 -> C22)."""
        best, style = 0, ("C", 2)
        for cid in self.routes["coach_id"].astype(str).unique():
            found = re.fullmatch(r"([A-Za-z]*)(\d+)", cid)
            if found and int(found.group(2)) >= best:
                best, style = int(found.group(2)), (found.group(1), len(found.group(2)))
        return f"{style[0]}{best + 1:0{style[1]}d}"

    def reboard(self) -> None:
        """Stops renumbered and boarding order rebuilt in the touched trips only (last stop boards first)."""
        r, m = self.routes, self.manifest
        keep_r = ~pd.Series(list(zip(r["coach_id"], r["trip"], strict=True)), index=r.index).isin(self.touched)
        keep_m = ~pd.Series(list(zip(m["coach_id"], m["trip"], strict=True)), index=m.index).isin(self.touched)
        parts_r, parts_m = [r[keep_r]], [m[keep_m]]
        for key in sorted(self.touched):
            stops = self.trip(key)
            if stops.empty:
                continue
            stops = stops.assign(stop_order=range(1, len(stops) + 1))
            stops = retime(self.sc, stops)
            parts_r.append(stops)
            aboard = m[(m["coach_id"] == key[0]) & (m["trip"] == key[1])]
            load = [(e, sorted(aboard.loc[aboard["enterprise_id"] == e, "worker_id"])) for e in stops["enterprise_id"]]
            rows = [(w, key[0], key[1], i + 1, e) for i, (w, e) in enumerate(boarding_order(load))]
            parts_m.append(pd.DataFrame(rows, columns=list(MANIFEST_COLUMNS)))
        self.routes = pd.concat(parts_r).sort_values(["coach_id", "trip", "stop_order"]).reset_index(drop=True)
        self.manifest = (pd.concat(parts_m).sort_values(["coach_id", "trip", "boarding_order"])
                         .reset_index(drop=True))
        self.routes = self.routes.astype({"trip": int, "stop_order": int, "workers": int})
        self.manifest = self.manifest.astype({"trip": int, "boarding_order": int})


def rebase(sc: Scenario, base: Plan, placement: pd.DataFrame, coaches: dict[str, str] | None = None) -> Rebased:
    """Routes and manifest for ``placement`` that change the base plan's trips only where the edit forces it.

    ``coaches``: worker -> the coach the planner wrote on their row; where it differs from the base's, the worker
    moves to a trip of that coach if the rules allow (else to the best other trip).

    Workers the base's trips and new coaches cannot seat are not dropped silently: they ride new coaches as long as
    the fleet has any; past that a ``ValueError`` says how many are left (the caller routes afresh instead).
    """
    work = _Work(sc, base)
    now = riders(sc, placement)
    seated = work.manifest.set_index("worker_id")
    wished = {w: c for w, c in (coaches or {}).items() if c and w in seated.index and seated.at[w, "coach_id"] != c}
    stay = {w for w in seated.index if now.get(w) == str(seated.at[w, "enterprise_id"]) and w not in wished}
    work.leave([w for w in seated.index if w not in stay])
    joining = pd.DataFrame({"enterprise_id": now[~now.index.isin(stay)]})
    joining["coach"] = [wished.get(w, "") for w in joining.index]
    for (ent, coach), group in joining.groupby(["enterprise_id", "coach"], sort=True):
        left = work.join(str(ent), sorted(group.index), str(coach))
        while left:
            rest = work.new_trip(str(ent), left)
            if len(rest) == len(left):
                raise ValueError(f"{len(left)} workers for {ent} find no seat in the fleet")
            left = work.join(str(ent), rest, str(coach))
    work.reboard()
    rides = work.manifest.set_index("worker_id")["coach_id"].astype(str)
    unmet = tuple(sorted(w for w, c in wished.items() if rides.get(w) != c))
    return Rebased(work.routes, work.manifest, frozenset(work.touched), tuple(work.new_coaches), unmet)
