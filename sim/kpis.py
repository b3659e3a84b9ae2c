"""Per-replication KPIs from the worker and coach timelines, and their summary with 95% confidence intervals."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd

from present.kpis import KPIS, NIGHT_KPIS
from sim.events import largest_crowd
from sim.stats import mean_ci

#: KPI columns and their meaning, from the registry (``present.kpis``: names, units, kinds written down once).
KPI_DOCS = {key: KPIS[key].doc for key in NIGHT_KPIS}
KPI_COLUMNS = ("replication", *KPI_DOCS)


def replication_kpis(timelines: pd.DataFrame, trips: pd.DataFrame, planned: pd.Series,
                     train_delay: pd.DataFrame) -> pd.DataFrame:
    """One row of KPIs per replication.

    ``planned``: per worker id, whether the plan delivers the worker; ``train_delay``: replication, train_delay_min.
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
                          "wait": (tl["departed"] - tl["gathered"]).to_numpy(),
                          "station": (tl["departed"] - tl["off_train"]).to_numpy()})
    g = frame.groupby("replication", sort=True)
    done = frame[frame["ok"]].groupby("replication")["checked"]
    out = pd.DataFrame(index=pd.Index(reps, name="replication"))
    out["checked_in"] = g["ok"].sum()
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
    return out[list(KPI_COLUMNS)].astype({"checked_in": int, "not_delivered": int, "largest_crowd": int})


def district_table(timelines: pd.DataFrame) -> pd.DataFrame:
    """Check-in times and waits per district, pooled over replications (see ``SimResult.by_district``)."""
    tl = timelines[timelines["district"] != ""]
    reps = max(int(timelines["replication"].nunique()), 1)
    wait = tl["departed"] - tl["gathered"]
    on_time = tl["checked_in"] <= tl["deadline_min"]
    frame = tl.assign(wait=wait, on_time=on_time)
    g = frame.groupby("district", sort=True)
    out = pd.DataFrame({
        "workers": g.size() / reps,
        "mean_checkin_min": g["checked_in"].mean(),
        "p95_checkin_min": g["checked_in"].quantile(0.95),
        "last_checkin_min": g["checked_in"].max(),
        "share_by_deadline": g["on_time"].mean(),
        "mean_wait_min": g["wait"].mean(),
        "longest_wait_min": g["wait"].max(),
    })
    return out.sort_values("p95_checkin_min", ascending=False).reset_index()


def summarize(kpis: pd.DataFrame, level: float = 0.95) -> pd.DataFrame:
    """One row per KPI: mean, the confidence interval, standard deviation, min, max and the replications used."""
    rows = []
    for name, doc in KPI_DOCS.items():
        x = kpis[name].to_numpy(dtype=float)
        mean, lo, hi = mean_ci(x, level)
        finite = x[np.isfinite(x)]
        rows.append({"kpi": name, "mean": mean, "ci_low": lo, "ci_high": hi,
                     "std": float(finite.std(ddof=1)) if finite.size > 1 else math.nan,
                     "min": float(finite.min()) if finite.size else math.nan,
                     "max": float(finite.max()) if finite.size else math.nan, "n": int(finite.size),
                     "meaning": doc})
    return pd.DataFrame(rows)
