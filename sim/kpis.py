"""Per-replication KPIs from the worker and coach timelines, and their summary: the mean with its confidence
interval, the spread of the nights (5%/50%/95%), and night-level proportions with Wilson intervals."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

from present.kpis import KPIS, NIGHT_KPIS, SHARE_KPIS
from sim.events import largest_crowd
from sim.lean import plain
from sim.risk import PART_COLUMNS, night_counts, on_time, worker_flags
from sim.stats import mean_ci, wilson

#: KPI columns and their meaning, from the registry (``present.kpis``: names, units, kinds written down once).
KPI_DOCS = {key: KPIS[key].doc for key in NIGHT_KPIS}
KPI_COLUMNS = ("replication", *KPI_DOCS)
#: Night-level proportions of the summary (shares of the nights), each with a Wilson interval.
PROPORTION_DOCS = {key: k.doc for key, k in KPIS.items() if not k.per_night}


def replication_kpis(timelines: pd.DataFrame, trips: pd.DataFrame, planned: pd.Series,
                     train_delay: pd.DataFrame, workers: pd.DataFrame | None = None) -> pd.DataFrame:
    """One row of KPIs per replication.

    ``planned``: per worker id, whether the plan delivers the worker; ``train_delay``: replication, train_delay_min;
    ``workers``: per worker id the ride and station-wait limits (``sim.risk``; none: no limit).
    """
    tl = timelines
    reps = np.sort(tl["replication"].unique())
    planned_mask = tl["worker_id"].map(planned).fillna(False).to_numpy(dtype=bool)
    checked = tl["checked_in"].to_numpy()
    ok = np.isfinite(checked)
    by_rep = tl["replication"].to_numpy()
    frame = pd.DataFrame({"replication": by_rep, "checked": checked, "ok": ok,
                          "on_time": ok & (checked <= tl["deadline_min"].to_numpy()) & planned_mask,
                          "planned": planned_mask, "lost": tl["not_delivered"].to_numpy() != "",
                          "late": tl["late_checkin"].to_numpy(dtype=bool),
                          "wait": (tl["departed"] - tl["gathered"]).to_numpy(),
                          "station": (tl["departed"] - tl["off_train"]).to_numpy()})
    g = frame.groupby("replication", sort=True)
    done = frame[frame["ok"]].groupby("replication")["checked"]
    out = pd.DataFrame(index=pd.Index(reps, name="replication"))
    out["checked_in"] = g["ok"].sum()
    counted = night_counts(worker_flags(tl, workers, planned)).reindex(out.index, fill_value=0)
    out["late_checkins"] = g["late"].sum()
    for part, column in PART_COLUMNS.items():
        if part != "closed":
            out[column] = counted[part]
    out["not_delivered"] = g["lost"].sum()
    out["last_checkin_min"] = done.max()
    out["p50_checkin_min"] = done.quantile(0.5)
    out["p95_checkin_min"] = done.quantile(0.95)
    planned_n = g["planned"].sum()
    out["share_by_deadline"] = (g["on_time"].sum() / planned_n.where(planned_n > 0)).astype(float)
    out["longest_wait_min"] = g["wait"].max()
    out["longest_station_min"] = g["station"].max()
    order = np.argsort(by_rep, kind="stable")
    bounds = np.searchsorted(by_rep[order], np.r_[reps, np.inf])
    enter = tl["off_train"].to_numpy()[order]
    leave = tl["departed"].fillna(tl["left_station"]).to_numpy()[order]
    out["largest_crowd"] = [largest_crowd(enter[a:b], leave[a:b]) for a, b in itertools.pairwise(bounds)]
    coach = trips[(trips["kind"] != "own") & (trips["aboard"] > 0)] if len(trips) else trips
    if len(coach):
        t = coach.groupby("replication").agg(aboard=("aboard", "sum"), seats=("seats", "sum"),
                                             coaches=("vehicle", "nunique"))
        out["seat_use"] = (t["aboard"] / t["seats"]).reindex(out.index)
        out["coaches_used"] = t["coaches"].reindex(out.index).fillna(0).astype(int)
    else:
        out["seat_use"] = np.nan
        out["coaches_used"] = 0
    delay = train_delay.groupby("replication")["train_delay_min"].max()
    out.insert(0, "train_delay_min", delay.reindex(out.index))
    out = out.reset_index()
    return out[list(KPI_COLUMNS)].astype({"checked_in": int, "late_checkins": int, "not_delivered": int,
                                          "largest_crowd": int, "after_deadline": int, "long_rides": int,
                                          "long_waits": int})


def district_table(timelines: pd.DataFrame) -> pd.DataFrame:
    """Per district: each replication's district KPIs first (workers, mean, 95th percentile and last check-in,
    share by the deadline, late check-ins, mean and longest wait), then their mean over replications, plus the 95%
    of nights for the last check-in and the share of nights on time in the district (``sim.risk``: no closed
    dormitory, nobody after the deadline; see ``SimResult.by_district``).
    """
    columns = ["replication", "worker_id", "train", "district", "enterprise_id", "deadline_min", "off_train",
               "gathered", "departed", "arrived", "checked_in", "not_delivered", "absent", "late_checkin"]
    tl = timelines.loc[timelines["district"] != "", [c for c in columns if c in timelines.columns]]
    bad = worker_flags(tl)["bad"].to_numpy()
    frame = tl.assign(wait=tl["departed"] - tl["gathered"], on_time=tl["checked_in"] <= tl["deadline_min"],
                      late=tl["late_checkin"].astype(bool), bad=bad)
    per = frame.groupby(["district", "replication"], sort=True, observed=True).agg(
        workers=("worker_id", "size"), mean_checkin_min=("checked_in", "mean"),
        p95_checkin_min=("checked_in", lambda x: x.quantile(0.95)), last_checkin_min=("checked_in", "max"),
        share_by_deadline=("on_time", "mean"), late_checkins=("late", "sum"), mean_wait_min=("wait", "mean"),
        longest_wait_min=("wait", "max"), bad=("bad", "sum"))
    g = per.groupby("district", sort=True, observed=True)
    out = g.mean()
    out["last_checkin_p95_min"] = g["last_checkin_min"].quantile(0.95)
    out["p_on_time"] = g["bad"].apply(lambda x: float((x == 0).mean()))
    out = out[["workers", "mean_checkin_min", "p95_checkin_min", "last_checkin_min", "last_checkin_p95_min",
               "share_by_deadline", "late_checkins", "p_on_time", "mean_wait_min", "longest_wait_min"]]
    return plain(out.sort_values("p95_checkin_min", ascending=False).reset_index())


def summarize(kpis: pd.DataFrame, level: float = 0.95, deadline_min: float = math.nan) -> pd.DataFrame:
    """One row per KPI: the mean with its confidence interval (Student t; shares kept inside [0, 1]), standard
    deviation, the 5%, 50% and 95% of the nights, min, max and the replications used; then the night-level
    proportions (``PROPORTION_DOCS``) with Wilson intervals in ``mean``, ``ci_low``, ``ci_high``."""
    rows = []
    for name, doc in KPI_DOCS.items():
        x = kpis[name].to_numpy(dtype=float)
        mean, lo, hi = mean_ci(x, level)
        if name in SHARE_KPIS:
            lo, hi = max(lo, 0.0), min(hi, 1.0)
        elif KPIS[name].kind == "count":
            lo = max(lo, 0.0)  # a count's mean is never below 0
        finite = x[np.isfinite(x)]
        q = np.quantile(finite, [0.05, 0.5, 0.95]) if finite.size else [math.nan] * 3
        rows.append({"kpi": name, "mean": mean, "ci_low": lo, "ci_high": hi,
                     "std": float(finite.std(ddof=1)) if finite.size > 1 else math.nan,
                     "p5": float(q[0]), "p50": float(q[1]), "p95": float(q[2]),
                     "min": float(finite.min()) if finite.size else math.nan,
                     "max": float(finite.max()) if finite.size else math.nan, "n": int(finite.size),
                     "meaning": doc})
    n = len(kpis)
    risk = on_time(kpis, level)
    counts = {"p_on_time": risk.headline.count, **{f"p_{part}": s.count for part, s in risk.parts.items()}}
    for name, doc in PROPORTION_DOCS.items():
        share, lo, hi = wilson(counts[name], n, level)
        rows.append({"kpi": name, "mean": share, "ci_low": lo, "ci_high": hi, "std": math.nan, "p5": math.nan,
                     "p50": math.nan, "p95": math.nan, "min": math.nan, "max": math.nan, "n": n, "meaning": doc})
    return pd.DataFrame(rows)
