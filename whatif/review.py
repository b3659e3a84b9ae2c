"""The after-action review: the night's records held against the plan and the simulated band.

    records = read_records("night/", sc, plan)
    rv = review(sc, plan, records, replications=200, seed=1)
    rv.coaches, rv.enterprises, rv.districts     # planned, simulated 5/50/95%, actual, percentile of the actual
    rv.closed                                    # who reached a closed dormitory
    rv.stages                                    # which stage explains each coach trip's lateness
    rv.write("review/", lang="zh"); rv.gantt()   # the pack (whatif.review_pack) and the planned-vs-actual Gantt

The percentile of an actual time is where it falls among the simulated nights (``review_stats.percentile_of``):
near 50 the night went as the model expects; above 95 or below 5 the model missed something the records show.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from planning.plan import Plan
from scenarios.records import Records
from scenarios.scenario import Scenario
from sim.run import SimResult, simulate
from whatif.review_stats import band, percentile_of, planned_legs, stage_account

BAND_COLUMNS = ("p5", "p50", "p95")


def _rows(keys: list, planned: dict, sims: dict, actual: dict) -> list[tuple]:
    out = []
    for k in keys:
        s = np.asarray(sims.get(k, []), dtype=float)
        a = float(actual.get(k, np.nan))
        out.append((*((k,) if not isinstance(k, tuple) else k), float(planned.get(k, np.nan)), *band(s), a,
                    percentile_of(a, s)))
    return out


def _coaches(sim: SimResult, legs: pd.DataFrame, records: Records) -> pd.DataFrame:
    trips = sim.trips
    trips = trips[~trips["vehicle"].str.startswith("own:")]
    keys = sorted({(str(c), int(t)) for c, t in legs[["coach_id", "trip"]].itertuples(index=False)})
    first = legs.groupby(["coach_id", "trip"])
    plan_dep = first["planned_depart"].first().to_dict()
    plan_last = first["planned_arrive"].max().to_dict()
    n_stops = first["stop_order"].max().to_dict()
    sim_dep = trips.groupby(["vehicle", "trip"])["departed"].apply(list).to_dict()
    sim_last = trips.groupby(["vehicle", "trip"])["last_stop"].apply(list).to_dict()
    st = records.stops
    act_dep = {(r.coach_id, int(r.trip)): r.depart_min for r in st[st["stop_order"] == 0].itertuples(index=False)}
    act_last = {(r.coach_id, int(r.trip)): r.arrive_min for r in st.itertuples(index=False)
                if r.stop_order == n_stops.get((r.coach_id, int(r.trip)))}
    cols = ["coach_id", "trip", "planned", *BAND_COLUMNS, "actual", "percentile"]
    dep = pd.DataFrame(_rows(keys, plan_dep, sim_dep, act_dep), columns=cols).assign(measure="depart")
    last = pd.DataFrame(_rows(keys, plan_last, sim_last, act_last), columns=cols).assign(measure="last_stop")
    return pd.concat([dep, last], ignore_index=True)[["coach_id", "trip", "measure", *cols[2:]]]


def _by_group(sim: SimResult, legs: pd.DataFrame, records: Records, sc: Scenario, column: str) -> pd.DataFrame:
    """Per enterprise or district: the last arrival (planned, simulated, actual) and the last check-in."""
    tl = sim.timelines
    tl = tl[tl["enterprise_id"] != ""]
    group = tl["enterprise_id"] if column == "enterprise_id" else tl["district"]
    nights = tl.groupby([group, tl["replication"]], observed=True)
    sim_arr = nights["arrived"].max().groupby(level=0, observed=True).apply(list).to_dict()
    sim_in = nights["checked_in"].max().groupby(level=0, observed=True).apply(list).to_dict()
    key = legs["place"] if column == "enterprise_id" else legs["district"]
    planned = legs.groupby(key)["planned_arrive"].max().to_dict()
    st = records.stops[records.stops["stop_order"] > 0]
    district_of = sc.enterprises["district"].astype(str).to_dict()
    st_key = st["place"] if column == "enterprise_id" else st["place"].map(district_of)
    observed = st.groupby(st_key)["arrive_min"].agg(lambda v: v.max() if v.notna().all() else np.nan)
    stops_per = key.value_counts()
    seen = st.groupby(st_key)["arrive_min"].count()
    act_arr = {k: v for k, v in observed.items() if seen.get(k, 0) == stops_per.get(k, -1)}
    ck = records.checkins
    ck_key = ck["enterprise_id"] if column == "enterprise_id" else ck["enterprise_id"].map(district_of)
    act_in = ck.groupby(ck_key)["minutes"].max().to_dict()
    keys = sorted(set(planned) | set(sim_arr))
    cols = [column, "planned", *BAND_COLUMNS, "actual", "percentile"]
    arr = pd.DataFrame(_rows(keys, planned, sim_arr, act_arr), columns=cols).assign(measure="last_arrival")
    chk = pd.DataFrame(_rows(keys, {}, sim_in, act_in), columns=cols).assign(measure="last_checkin")
    return pd.concat([arr, chk], ignore_index=True)[[column, "measure", *cols[1:]]]


def _closed(sc: Scenario, plan: Plan, records: Records) -> pd.DataFrame:
    """Workers who reached a dormitory after it closed: by their coach's recorded arrival, else their check-in."""
    close = sc.enterprises["checkin_close_min"].to_dict()
    man = plan.manifest.astype({"worker_id": str, "coach_id": str, "enterprise_id": str})  # type: ignore[union-attr]
    st = records.stops[records.stops["stop_order"] > 0]
    arrive = {(r.coach_id, int(r.trip), r.place): r.arrive_min for r in st.itertuples(index=False)}
    checkin = dict(zip(records.checkins["worker_id"], records.checkins["minutes"], strict=True))
    rows = []
    for r in man.itertuples(index=False):
        t = arrive.get((r.coach_id, int(r.trip), r.enterprise_id), np.nan)
        how = "coach"
        if not np.isfinite(t):
            t, how = checkin.get(r.worker_id, np.nan), "checkin"
        if np.isfinite(t) and t > close[r.enterprise_id]:
            rows.append((r.worker_id, r.enterprise_id, r.coach_id, int(r.trip), t, close[r.enterprise_id], how))
    return pd.DataFrame(rows, columns=["worker_id", "enterprise_id", "coach_id", "trip", "reached", "closed",
                                       "seen_by"])


@dataclass
class Review:
    """The review of one night (see the module docstring); times are minutes from the scenario's midnight."""

    scenario: Scenario
    plan: Plan
    records: Records
    sim: SimResult
    coaches: pd.DataFrame
    enterprises: pd.DataFrame
    districts: pd.DataFrame
    closed: pd.DataFrame
    stages: pd.DataFrame

    def stage_totals(self) -> pd.Series:
        """Mean minutes per stage over the coach trips with records, largest first (``train``, ``station``,
        ``roads:<district>`` spread over all trips, ``stops``)."""
        if self.stages.empty:
            return pd.Series(dtype=float)
        cols = [c for c in self.stages.columns if c in ("train", "station", "stops") or str(c).startswith("roads:")]
        totals = self.stages[cols].mean()
        return totals.reindex(totals.abs().sort_values(ascending=False).index)

    def table(self, name: str = "coaches", lang: str = "zh") -> pd.DataFrame:
        """``coaches``, ``enterprises``, ``districts`` or ``closed`` as people read it: clock times, words, district
        and enterprise names and headers in ``lang``."""
        from whatif.review_pack import shown

        return shown(getattr(self, name), lang, self.scenario)

    def summary(self, lang: str = "zh") -> str:
        from whatif.review_pack import summary_lines

        return "\n".join(summary_lines(self, lang))

    def gantt(self, lang: str = "zh"):
        from whatif.review_pack import gantt

        return gantt(self, lang)

    def write(self, out_dir: str | Path, lang: str = "zh") -> list[str]:
        from whatif.review_pack import write_review

        return write_review(self, out_dir, lang)


def review(sc: Scenario, plan: Plan, records: Records, replications: int = 200, seed: int = 1) -> Review:
    """Simulate ``plan`` on ``sc`` and hold the records against the plan and the simulated nights."""
    sim = simulate(sc, plan, replications=replications, seed=seed, options={"log": "lean"})
    legs = planned_legs(sc, plan)
    return Review(sc, plan, records, sim, _coaches(sim, legs, records),
                  _by_group(sim, legs, records, sc, "enterprise_id"), _by_group(sim, legs, records, sc, "district"),
                  _closed(sc, plan, records), stage_account(sc, plan, records))
