"""Re-planning on the night: a late train, a broken coach, missing workers; keep as much of the plan as we can.

The revised plan changes as few coach manifests as possible: a broken coach's trip goes whole to a spare coach of
the fleet when there is one; else its stops are inserted into other trips of the same district with seats and
stops to spare; else the coach back at the station first makes a further trip. Every change is listed.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

import pandas as pd

from planning.check import check_plan
from planning.make import PlanCheckError
from planning.plan import ABSENT, Plan
from planning.timing import retime, trip_end
from scenarios import Scenario, ScenarioError


@dataclass(frozen=True)
class Change:
    """What happened: the train is ``delay_min`` later than planned, coaches broke down, workers are missing."""

    delay_min: float = 0.0
    broken_coaches: tuple[str, ...] = ()
    missing_workers: tuple[str, ...] = ()


@dataclass(frozen=True, eq=False)
class Replan:
    """The revised plan, the coach trips whose manifests changed, and notes for the station team."""

    plan: Plan
    changed: tuple[tuple[str, int], ...]
    notes: tuple[str, ...] = field(default=())

    def summary(self) -> str:
        changed = ", ".join(f"{c} trip {t}" for c, t in self.changed) or "none"
        return "\n".join([f"changed manifests: {len(self.changed)} ({changed})", *self.notes])


def _check_change(plan: Plan, change: Change) -> None:
    assert plan.routes is not None and plan.manifest is not None
    coaches = set(plan.routes["coach_id"])
    for coach in change.broken_coaches:
        if coach not in coaches:
            raise ScenarioError(
                f"coach '{coach}' is not in the plan.",
                field="broken_coaches",
                fix=f"name a coach of the plan: {', '.join(sorted(coaches)[:8])}, ...",
            )
    workers = set(plan.placement.index)
    for worker in change.missing_workers:
        if worker not in workers:
            raise ScenarioError(
                f"worker '{worker}' is not on the roster.",
                field="missing_workers",
                fix="give worker ids as in the roster's id column.",
            )
    if not math.isfinite(change.delay_min) or change.delay_min < 0:
        raise ScenarioError(f"a delay of {change.delay_min} minutes.", field="delay_min", fix="give minutes >= 0.")


def _drop_missing(routes: pd.DataFrame, manifest: pd.DataFrame, missing: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    gone = manifest[manifest["worker_id"].isin(missing)]
    if gone.empty:
        return routes, manifest
    counts = gone.groupby(["coach_id", "trip", "enterprise_id"]).size()
    routes = routes.copy()
    for (coach, trip, ent), n in counts.items():
        mask = (routes["coach_id"] == coach) & (routes["trip"] == trip) & (routes["enterprise_id"] == ent)
        routes.loc[mask, "workers"] -= n
    routes = routes[routes["workers"] > 0]
    routes["stop_order"] = routes.groupby(["coach_id", "trip"]).cumcount() + 1
    return routes, manifest[~manifest["worker_id"].isin(missing)]


def _spare_coach(
    sc: Scenario, routes: pd.DataFrame, seats_needed: int, out_of_service: dict[str, int]
) -> tuple[str, str] | None:
    """An unused coach of the fleet with enough seats (smallest first), with a new id, or None."""
    used = routes.groupby("coach_type")["coach_id"].nunique()
    for ctype, spec in sorted(sc.fleet.items(), key=lambda kv: kv[1].seats):
        if spec.seats >= seats_needed and used.get(ctype, 0) + out_of_service.get(ctype, 0) < spec.count:
            taken = set(routes["coach_id"])
            number = next(n for n in range(1, len(taken) + 2) if f"S{n:02d}" not in taken)
            return f"S{number:02d}", ctype
    return None


def _trip_with_room(sc: Scenario, routes: pd.DataFrame, stop: pd.Series) -> tuple[str, int] | None:
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


def _first_back(sc: Scenario, routes: pd.DataFrame) -> tuple[str, int, float]:
    """The coach back at the station first after its last trip: its id, its next trip number, when it is back."""
    if routes.empty:
        raise ScenarioError(
            "every coach of the plan is broken and the fleet has no spare coach with the seats.",
            field="broken_coaches",
            fix="leave a working coach out of the list, or add a coach to the fleet and plan again.",
        )
    ends = trip_end(sc, retime(sc, routes))
    last = ends.groupby(level=0).max()
    coach = str(last.idxmin())
    return coach, int(routes.loc[routes["coach_id"] == coach, "trip"].max()) + 1, float(last.min())


def _move_stop(
    routes: pd.DataFrame,
    manifest: pd.DataFrame,
    source: tuple[str, int],
    ent: str,
    target: tuple[str, int],
    depart: float | None = None,
    ctype: str | None = None,
) -> None:
    """Move one stop (routes row and its manifest rows) from trip ``source`` to trip ``target``, in place."""
    row = (routes["coach_id"] == source[0]) & (routes["trip"] == source[1]) & (routes["enterprise_id"] == ent)
    existing = routes[(routes["coach_id"] == target[0]) & (routes["trip"] == target[1])]
    if ctype is None:
        ctype = routes.loc[routes["coach_id"] == target[0], "coach_type"].iloc[0]
    routes.loc[row, ["coach_id", "coach_type", "trip"]] = [target[0], ctype, target[1]]
    routes.loc[row, "depart_min"] = existing["depart_min"].iloc[0] if len(existing) else depart
    routes.loc[row, "stop_order"] = existing["stop_order"].max() + 1 if len(existing) else 1
    rows = (manifest["coach_id"] == source[0]) & (manifest["trip"] == source[1]) & (manifest["enterprise_id"] == ent)
    manifest.loc[rows, ["coach_id", "trip"]] = [target[0], target[1]]


def _replace_broken(
    sc: Scenario,
    routes: pd.DataFrame,
    manifest: pd.DataFrame,
    broken: set[str],
    out_of_service: dict[str, int],
    notes: list[str],
) -> set[tuple[str, int]]:
    """Give every trip of the broken coaches to a spare coach, other trips, or a further trip; in place."""
    changed: set[tuple[str, int]] = set()
    for coach in sorted(broken):
        for trip, stops in routes[routes["coach_id"] == coach].groupby("trip"):
            source = (coach, int(trip))
            working = routes[~routes["coach_id"].isin(broken)]
            spare = _spare_coach(sc, working, int(stops["workers"].sum()), out_of_service)
            if spare is not None:
                for ent in stops.sort_values("stop_order")["enterprise_id"]:
                    _move_stop(
                        routes, manifest, source, ent, (spare[0], 1), float(stops["depart_min"].iloc[0]), spare[1]
                    )
                changed.add((spare[0], 1))
                notes.append(f"{coach} trip {trip}: the whole trip goes to spare coach {spare[0]} ({spare[1]}).")
                continue
            for _, stop in stops.sort_values("stop_order").iterrows():
                working = routes[~routes["coach_id"].isin(broken)]
                target = _trip_with_room(sc, working, stop)
                depart = None
                if target is None:
                    first_back, next_trip, depart = _first_back(sc, working)
                    target = (first_back, next_trip)
                    notes.append(
                        f"{coach}: {stop['workers']} workers for {stop['enterprise_id']} go on "
                        f"{first_back}'s next trip, leaving at {sc.clock(depart)}."
                    )
                else:
                    notes.append(
                        f"{coach}: {stop['workers']} workers for {stop['enterprise_id']} join "
                        f"{target[0]} trip {target[1]}."
                    )
                _move_stop(routes, manifest, source, stop["enterprise_id"], target, depart)
                changed.add(target)
    return changed


def replan(sc: Scenario, plan: Plan, change: Change) -> Replan:
    """A revised plan for ``change`` that keeps as many coach manifests as possible."""
    if plan.routes is None or plan.manifest is None:
        raise ScenarioError(
            "the plan has no routes to revise.", fix="make a plan with routes first (labor-transfer plan)."
        )
    _check_change(plan, change)
    notes: list[str] = []
    changed: set[tuple[str, int]] = set()
    routes, manifest = plan.routes.copy(), plan.manifest.copy()
    placement = plan.placement.copy()
    missing = set(change.missing_workers)
    if missing:
        hit = manifest[manifest["worker_id"].isin(missing)][["coach_id", "trip"]].drop_duplicates()
        changed |= {(c, int(t)) for c, t in hit.itertuples(index=False)}
        routes, manifest = _drop_missing(routes, manifest, missing)
        placement.loc[list(missing), "reason"] = f"{ABSENT} missed the train; keeps the post"
        notes.append(f"{len(missing)} missing workers taken off {len(hit)} manifests; they keep their posts.")
    if change.delay_min:
        routes[["depart_min", "arrive_min"]] += change.delay_min
        notes.append(f"train {change.delay_min:.0f} min late: every departure moves {change.delay_min:.0f} min later.")
    broken = set(change.broken_coaches)
    # Broken coaches keep their place in the fleet count: a spare is a coach that the plan does not use at all.
    out_of_service = routes[routes["coach_id"].isin(broken)].groupby("coach_type")["coach_id"].nunique().to_dict()
    if broken:
        changed |= _replace_broken(sc, routes, manifest, broken, out_of_service, notes)
    changed |= _late_trips_to_spares(sc, routes, manifest, broken, out_of_service, notes)
    routes = _merge_same_stops(routes)
    routes = retime(sc, routes)
    manifest = _renumber_boarding(routes, manifest)
    late = routes[routes["arrive_min"] > sc.latest_arrival_min]
    if len(late):
        notes.append(
            f"{int(late['workers'].sum())} workers arrive after {sc.policy.latest_arrival} "
            f"(last at {sc.clock(late['arrive_min'].max())}): call their dormitories."
        )
    new = dataclasses.replace(plan, placement=placement, routes=routes, manifest=manifest)
    violations = check_plan(sc, new, strict=False)  # late arrivals are reported above, not errors
    if violations:
        raise PlanCheckError(f"{len(violations)} violations in the revised plan: " + "; ".join(violations[:5]))
    return Replan(plan=new, changed=tuple(sorted(changed)), notes=tuple(notes))


def _late_trips_to_spares(
    sc: Scenario,
    routes: pd.DataFrame,
    manifest: pd.DataFrame,
    broken: set[str],
    out_of_service: dict[str, int],
    notes: list[str],
) -> set[tuple[str, int]]:
    """Later trips that would miss the latest arrival go to unused coaches of the fleet, leaving with the first
    wave; the latest first, while spares last. In place."""
    changed: set[tuple[str, int]] = set()
    timed = retime(sc, routes)
    first_wave = float(timed.loc[timed["trip"] == 1, "depart_min"].min())
    last = timed.groupby(["coach_id", "trip"]).agg(arrive=("arrive_min", "max"), load=("workers", "sum"))
    late = last[(last.index.get_level_values("trip") > 1) & (last["arrive"] > sc.latest_arrival_min)]
    for (coach, trip), row in late.sort_values("arrive", ascending=False).iterrows():
        spare = _spare_coach(sc, routes[~routes["coach_id"].isin(broken)], int(row["load"]), out_of_service)
        if spare is None:
            break
        stops = routes[(routes["coach_id"] == coach) & (routes["trip"] == trip)].sort_values("stop_order")
        for ent in stops["enterprise_id"]:
            _move_stop(routes, manifest, (coach, int(trip)), ent, (spare[0], 1), first_wave, spare[1])
        changed.add((spare[0], 1))
        notes.append(
            f"{coach} trip {trip} would arrive after {sc.policy.latest_arrival}: it goes to spare coach "
            f"{spare[0]} ({spare[1]}), leaving at {sc.clock(first_wave)}."
        )
    return changed


def _merge_same_stops(routes: pd.DataFrame) -> pd.DataFrame:
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


def _renumber_boarding(routes: pd.DataFrame, manifest: pd.DataFrame) -> pd.DataFrame:
    """Boarding order: the last stop's workers board first."""
    order = routes.set_index(["coach_id", "trip", "enterprise_id"])["stop_order"]
    m = manifest.copy()
    m["_stop"] = [order.get((c, t, e), 0) for c, t, e in zip(m["coach_id"], m["trip"], m["enterprise_id"], strict=True)]
    m = m.sort_values(["coach_id", "trip", "_stop", "worker_id"], ascending=[True, True, False, True])
    m["boarding_order"] = m.groupby(["coach_id", "trip"]).cumcount() + 1
    return m.drop(columns="_stop").reset_index(drop=True)
