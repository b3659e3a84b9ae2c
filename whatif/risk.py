"""Whether a simulated night went right: every worker the plan carries checked in within their dormitory's window.

One definition, used by the fleet search and the season. A worker who missed the train is not a failure of the
plan; a worker the plan carries who is not checked in by their deadline is.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd


def _late_workers(run: Any) -> pd.DataFrame:
    """Per worker row of the timelines: replication, train, and whether they count against the night."""
    tl = run.timelines
    planned = tl["worker_id"].map(run.workers.set_index("worker_id")["planned"]).fillna(False).to_numpy(bool)
    if "absent" in tl.columns:
        came = ~tl["absent"].fillna(False).to_numpy(bool)
    else:
        came = tl["not_delivered"].to_numpy() != "missed_train"
    if "late_checkin" in tl.columns:
        late = tl["late_checkin"].fillna(False).to_numpy(bool)
        missing = ~np.isfinite(tl["checked_in"].to_numpy(float))
        bad = planned & came & (late | missing)
    else:
        checked = np.nan_to_num(tl["checked_in"].to_numpy(float), nan=np.inf)
        bad = planned & came & ~(checked <= tl["deadline_min"].to_numpy() + 1e-9)
    return pd.DataFrame({"replication": tl["replication"].to_numpy(), "train": tl["train"].to_numpy(), "bad": bad,
                         "checked_in": tl["checked_in"].to_numpy(float)})


def night_ok(run: Any) -> np.ndarray:
    """Per replication of a ``SimResult`` (in replication order): the night went right."""
    kpis = run.kpis.sort_values("replication")
    bad = _late_workers(run).groupby("replication")["bad"].any()
    return ~bad.reindex(kpis["replication"].to_numpy(), fill_value=False).to_numpy(bool)


def night_ok_by_train(run: Any) -> pd.DataFrame:
    """One row per (train, replication): ok, the last check-in (minutes) and the workers counting against it."""
    frame = _late_workers(run)
    g = frame.groupby(["train", "replication"], sort=True)
    out = pd.DataFrame({"late": g["bad"].sum(), "last_checkin_min": g["checked_in"].max()}).reset_index()
    out["ok"] = out["late"] == 0
    return out


def failing_workers(run: Any) -> pd.DataFrame:
    """The timeline rows of the workers who count against their night (for finding out why nights fail)."""
    return run.timelines[_late_workers(run)["bad"].to_numpy()]
