"""The figures of an after-action review, each computed once: where an actual time falls among simulated nights,
and the stage-by-stage account of each coach trip's lateness."""

from __future__ import annotations

import numpy as np
import pandas as pd

from planning.plan import Plan
from scenarios.records import Records
from scenarios.scenario import STATION_ID, Scenario


def percentile_of(actual: float, simulated: np.ndarray) -> float:
    """Where ``actual`` falls among the simulated values, 0-100: the share below it plus half the share equal to it
    (the mid-rank), NaN when either is missing."""
    sims = np.asarray(simulated, dtype=float)
    sims = sims[np.isfinite(sims)]
    if not np.isfinite(actual) or sims.size == 0:
        return float("nan")
    return float(100.0 * (np.sum(sims < actual) + 0.5 * np.sum(sims == actual)) / sims.size)


def band(values: np.ndarray) -> tuple[float, float, float]:
    """5%, 50% and 95% of the finite values (NaN when none)."""
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    if v.size == 0:
        return (float("nan"),) * 3  # type: ignore[return-value]
    lo, mid, hi = np.quantile(v, [0.05, 0.5, 0.95])
    return float(lo), float(mid), float(hi)


def planned_legs(sc: Scenario, plan: Plan) -> pd.DataFrame:
    """Per coach trip and stop: the plan's arrival, the leg's planned minutes (the scenario's travel model, as the
    simulation drives it) and the stop's district."""
    routes = plan.routes.sort_values(["coach_id", "trip", "stop_order"], kind="stable")  # type: ignore[union-attr]
    rows = []
    for (coach, trip), g in routes.groupby(["coach_id", "trip"], sort=True):
        places = [STATION_ID, *map(str, g["enterprise_id"])]
        for k, r in enumerate(g.itertuples(index=False), start=1):
            minutes, _ = sc.travel_model.legs([places[k - 1]], [places[k]])
            rows.append((str(coach), int(trip), k, places[k], str(r.district), float(r.depart_min),
                         float(r.arrive_min), float(minutes[0, 0])))
    return pd.DataFrame(rows, columns=["coach_id", "trip", "stop_order", "place", "district", "planned_depart",
                                       "planned_arrive", "planned_leg"])


def stage_account(sc: Scenario, plan: Plan, records: Records) -> pd.DataFrame:
    """Per coach trip with records: its lateness at its last observed stop split into stages, in minutes.

    ``train``: the train's delay (actual arrival against the scheduled one); ``station``: the departure's lateness
    beyond it; ``roads:<district>``: each leg's minutes beyond its planned minutes, by the district of the stop it
    drives to, up to the first stop without a time (``last_stop``); ``stops``: the rest (dwell beyond the plan's).
    The parts add up to ``late``, the lateness at ``last_stop``; ``complete`` when that is the trip's last stop.
    """
    legs = planned_legs(sc, plan)
    stops = records.stops.set_index(["coach_id", "trip", "stop_order"]) if len(records.stops) else None
    scheduled = sc.arrival_min + sc.train.delay_min
    train = (records.train_arrival_min - scheduled) if records.train_arrival_min is not None else 0.0
    rows = []
    for (coach, trip), g in legs.groupby(["coach_id", "trip"], sort=True):
        if stops is None or (coach, trip, 0) not in stops.index:
            continue
        depart = float(stops.loc[(coach, trip, 0), "depart_min"])
        if not np.isfinite(depart):
            continue
        row: dict[str, float | str | int | bool] = {"coach_id": coach, "trip": trip}
        dep_late = depart - float(g["planned_depart"].iloc[0])
        row["train"] = train if trip == 1 else 0.0
        row["station"] = dep_late - row["train"]  # type: ignore[operator]
        roads: dict[str, float] = {}
        left, complete, last, late = depart, True, 0, dep_late
        for r in g.itertuples(index=False):
            key = (coach, trip, int(r.stop_order))
            arrive = float(stops.loc[key, "arrive_min"]) if key in stops.index else float("nan")
            if not (complete and np.isfinite(arrive) and np.isfinite(left)):
                complete = False
                break
            roads[r.district] = roads.get(r.district, 0.0) + (arrive - left) - r.planned_leg
            last, late = int(r.stop_order), arrive - r.planned_arrive
            left = float(stops.loc[key, "depart_min"])
        row.update({f"roads:{d}": v for d, v in roads.items()})
        # the rest: dwell at the stops beyond the plan's (and the plan's own rounding), so the parts add up
        row.update(stops=late - dep_late - sum(roads.values()), last_stop=last, late=late,
                   complete=complete and last == len(g))
        rows.append(row)
    frame = pd.DataFrame(rows)
    road_cols = sorted(c for c in frame.columns if str(c).startswith("roads:"))
    if len(frame):
        frame[road_cols] = frame[road_cols].fillna(0.0)
    return frame
