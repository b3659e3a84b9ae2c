"""The bureau's one measure of a night on time, computed here and nowhere else.

A night is **on time** when every worker the plan carries (and who came on the train) reaches their dormitory
before it closes *and* before the policy's latest arrival. The headline ``p_on_time`` is the share of such nights,
with its Wilson interval. Its parts are counted the same way (the share of nights with at least one such worker):

- ``closed``: someone reached a closed dormitory (a late check-in), or was never checked in;
- ``after_deadline``: someone checked in after ``policy.latest_arrival``;
- ``long_ride``: someone rode longer than ``policy.max_ride_min`` (station to their stop);
- ``long_wait``: someone waited in the station longer than ``policy.max_station_wait_min`` (off the train to
  driven off).

The first two make the headline; the last two are reported beside it. Every command, table, chart and the cover
call ``night_ok`` / ``on_time`` (a simulation's nights) or ``worker_flags`` (who counts against a night), so the
terminal, ``kpis.csv``, ``summary.csv``, the cover, ``fleet`` and ``season`` give the same figure for the same plan
and seed. A worker who missed the train is not a failure of the plan.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sim.stats import wilson

#: The parts of a night's risk, in the order they are reported; the first two make the headline.
PARTS = ("closed", "after_deadline", "long_ride", "long_wait")
HEADLINE_PARTS = ("closed", "after_deadline")
#: The per-night KPI column (workers counted in that night) of each part.
PART_COLUMNS = {"closed": "late_checkins", "after_deadline": "after_deadline", "long_ride": "long_rides",
                "long_wait": "long_waits"}
#: Minutes of slack in every comparison (floating point of the simulated clock).
EPS = 1e-9


def _column(tl: pd.DataFrame, workers: pd.DataFrame | None, name: str, default: float) -> np.ndarray:
    """A per-worker limit for each timeline row: from ``workers`` (by worker id) when it has the column."""
    if workers is not None and name in workers.columns:
        values = tl["worker_id"].map(workers.set_index("worker_id")[name]).to_numpy(dtype=float)
        return np.nan_to_num(values, nan=default)
    return np.full(len(tl), default)


def headline_flags(carried: np.ndarray, checked: np.ndarray, late: np.ndarray,
                   deadline: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """Per worker, the two parts of the headline: ``closed`` (reached a closed dormitory or never checked in) and
    ``after_deadline`` (checked in after ``deadline``), for workers the plan ``carried`` (and who came); a worker
    counts against the night when either is true. ``checked``: check-in minutes (NaN: not checked in)."""
    done = np.isfinite(checked)
    return carried & (late | ~done), carried & done & (checked > deadline + EPS)


def worker_flags(timelines: pd.DataFrame, workers: pd.DataFrame | None = None,
                 planned: pd.Series | None = None) -> pd.DataFrame:
    """One row per timeline row: replication, train, district, enterprise, the four parts as booleans and ``bad``
    (closed or after the deadline: counts against the headline).

    ``workers`` (``SimResult.workers``): per worker id, ``planned`` and the limits ``max_ride_min`` and
    ``max_station_wait_min`` (missing: no limit); ``planned`` overrides its column.
    """
    tl = timelines
    if planned is None and workers is not None and "planned" in workers.columns:
        planned = workers.set_index("worker_id")["planned"]
    carried = (tl["worker_id"].map(planned).fillna(False).to_numpy(dtype=bool, copy=True) if planned is not None
               else np.ones(len(tl), dtype=bool))
    if "absent" in tl.columns:
        carried = carried & ~tl["absent"].fillna(False).to_numpy(dtype=bool)
    else:
        carried = carried & (tl["not_delivered"].to_numpy() != "missed_train")
    checked = tl["checked_in"].to_numpy(dtype=float)
    late = tl["late_checkin"].fillna(False).to_numpy(dtype=bool) if "late_checkin" in tl.columns else np.zeros(
        len(tl), dtype=bool)
    deadline = tl["deadline_min"].to_numpy(dtype=float)
    ride = tl["arrived"].to_numpy(dtype=float) - tl["departed"].to_numpy(dtype=float)
    wait = tl["departed"].to_numpy(dtype=float) - tl["off_train"].to_numpy(dtype=float)
    ride_limit = _column(tl, workers, "max_ride_min", math.inf)
    wait_limit = _column(tl, workers, "max_station_wait_min", math.inf)
    closed, after_deadline = headline_flags(carried, checked, late, deadline)
    out = pd.DataFrame({
        "replication": tl["replication"].to_numpy(),
        "train": tl["train"].array if "train" in tl.columns else "",
        "district": tl["district"].array if "district" in tl.columns else "",
        "enterprise_id": tl["enterprise_id"].array if "enterprise_id" in tl.columns else "",
        "closed": closed,
        "after_deadline": after_deadline,
        "long_ride": carried & np.nan_to_num(ride > ride_limit + EPS, nan=False),
        "long_wait": carried & np.nan_to_num(wait > wait_limit + EPS, nan=False),
        "checked_in": checked,
    })
    out["bad"] = out["closed"] | out["after_deadline"]
    return out


def night_counts(flags: pd.DataFrame, keys: tuple[str, ...] = ("replication",)) -> pd.DataFrame:
    """Per night (``keys``): workers counted in each part and against the headline (``bad``)."""
    return flags.groupby(list(keys), sort=True, observed=True)[[*PARTS, "bad"]].sum().astype(int)


def night_ok_of_kpis(kpis: pd.DataFrame) -> np.ndarray:
    """Per row of a KPI table (one per night): the night was on time (no closed dormitory, nobody after the
    deadline). A table without ``after_deadline`` (from before it was counted) is judged by closed dormitories."""
    ok = kpis["late_checkins"].to_numpy() == 0
    if "after_deadline" in kpis.columns:
        ok &= kpis["after_deadline"].to_numpy() == 0
    return ok


def part_nights(kpis: pd.DataFrame) -> dict[str, int]:
    """Per part, the nights of a KPI table in which at least one worker counted in it."""
    return {part: int((kpis[col].to_numpy() > 0).sum()) for part, col in PART_COLUMNS.items() if col in kpis.columns}


@dataclass(frozen=True)
class Share:
    """Nights that count, of ``nights``, as a share with its Wilson interval."""

    count: int
    nights: int
    level: float = 0.95

    @property
    def p(self) -> float:
        return self.count / self.nights if self.nights else math.nan

    @property
    def interval(self) -> tuple[float, float]:
        _, low, high = wilson(self.count, self.nights, self.level)
        return low, high


@dataclass(frozen=True)
class OnTime:
    """The headline (nights on time) and its parts (nights with at least one worker in that part)."""

    headline: Share
    parts: dict[str, Share]

    @property
    def p(self) -> float:
        return self.headline.p


def on_time(kpis: pd.DataFrame, level: float = 0.95) -> OnTime:
    """The headline and its parts over the nights of a KPI table (``SimResult.kpis``)."""
    n = len(kpis)
    ok = int(night_ok_of_kpis(kpis).sum()) if n else 0
    return OnTime(Share(ok, n, level), {k: Share(v, n, level) for k, v in part_nights(kpis).items()})


def night_ok(run) -> np.ndarray:
    """Per replication of a ``SimResult`` (in replication order): the night was on time."""
    return night_ok_of_kpis(run.kpis.sort_values("replication"))
