"""Whether a simulated night went right, for the fleet search and the season: ``sim.risk``'s one definition.

A night is on time when every worker the plan carries reaches their dormitory before it closes and before the
policy's latest arrival (``sim.risk``); a worker who missed the train is not a failure of the plan. These helpers
read it per replication, per train and per worker from a ``SimResult``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from sim.risk import night_ok as _night_ok
from sim.risk import worker_flags


def _late_workers(run: Any) -> pd.DataFrame:
    """Per worker row of the timelines: replication, train, and whether they count against the night."""
    return worker_flags(run.timelines, run.workers)


def night_ok(run: Any) -> np.ndarray:
    """Per replication of a ``SimResult`` (in replication order): the night was on time (``sim.risk.night_ok``)."""
    return _night_ok(run)


def night_ok_by_train(run: Any) -> pd.DataFrame:
    """One row per (train, replication): ok, the last check-in (minutes) and the workers counting against it."""
    frame = _late_workers(run)
    g = frame.groupby(["train", "replication"], sort=True, observed=True)
    out = pd.DataFrame({"late": g["bad"].sum(), "last_checkin_min": g["checked_in"].max()}).reset_index()
    out["ok"] = out["late"] == 0
    return out


def failing_workers(run: Any) -> pd.DataFrame:
    """The timeline rows of the workers who count against their night (for finding out why nights fail)."""
    return run.timelines[_late_workers(run)["bad"].to_numpy()]
