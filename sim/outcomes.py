"""Whether each night went right, straight from the replications' recorders: the season's numbers without frames.

A season simulates every evening a hundred times and keeps, per train and replication, only the workers counting
against the night (``sim.risk.headline_flags``) and the last check-in. ``night_outcomes`` runs the replications
(``sim.model.run_replication``, the same draws and events as ``simulate``) and reads those two figures from each
recorder as arrays: no event log, worker timelines, trips or KPI table is built, so they give the numbers
``whatif.risk.night_ok_by_train`` reads from a ``SimResult`` of the same nights, seed and options, bit for bit.
Every replication is checked as ``simulate`` checks its runs (``sim.checks``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from sim.checks import SimulationInvariantError, check_arrays
from sim.config import SimConfig
from sim.events import MILESTONES, Recorder
from sim.model import run_replication
from sim.night import NONE, Night
from sim.risk import headline_flags


@dataclass(frozen=True)
class NightOutcomes:
    """Per train (rows, in the order of the nights) and replication (columns, in the order run): the workers
    counting against the night and the last check-in (minutes; NaN when nobody checked in)."""

    replications: np.ndarray
    late: np.ndarray  # int64, (trains, replications)
    last_checkin_min: np.ndarray  # float64, (trains, replications)

    @property
    def ok(self) -> np.ndarray:
        return self.late == 0


def _seats(rows: list[tuple]) -> tuple[list[int], list[int]]:
    """Workers aboard and seats of every vehicle trip that left, from a replication's vehicle log rows."""
    seats = {entity: count for _, kind, entity, event, _, _, count, _ in rows
             if kind == "vehicle" and event == "at_station"}
    left = [(count, seats[entity]) for _, kind, entity, event, _, _, count, _ in rows
            if kind == "vehicle" and event == "departed"]
    return [a for a, _ in left], [s for _, s in left]


def _check(rec: Recorder, replication: int) -> np.ndarray:
    """The replication's check-in minutes per worker, after ``sim.checks``' invariants (raises when broken)."""
    times = {m: np.array(rec.times[m], dtype=float) for m in MILESTONES[:-1]}
    problems = check_arrays(times, np.array(rec.lost, dtype=object), *_seats(rec.rows))
    if problems:
        raise SimulationInvariantError(f"replication {replication}: " + "; ".join(problems[:10]))
    return times["checked_in"]


def night_outcomes(nights: Sequence[Night], config: SimConfig, seed: int, reps: Sequence[int]) -> NightOutcomes:
    """Run replications ``reps`` of ``nights`` (one environment each, as ``sim.simulate_day``; one night as
    ``sim.simulate``) and read per train the workers counting against the night and the last check-in."""
    nights = list(nights)
    bounds = np.cumsum([0, *(n.n_workers for n in nights)])
    carried_plan = np.concatenate([n.mode != NONE for n in nights])
    deadline = np.concatenate([np.full(n.n_workers, n.latest_arrival_min) for n in nights])
    late = np.zeros((len(nights), len(reps)), dtype=np.int64)
    last = np.full((len(nights), len(reps)), np.nan)
    for k, r in enumerate(reps):
        rec = run_replication(nights, config, seed, r, False).recorder
        checked = _check(rec, r)
        carried = carried_plan & ~np.array(rec.is_absent, dtype=bool)
        closed, after = headline_flags(carried, checked, np.array(rec.late, dtype=bool), deadline)
        bad = closed | after
        for t in range(len(nights)):
            a, b = bounds[t], bounds[t + 1]
            late[t, k] = int(bad[a:b].sum())
            done = checked[a:b][np.isfinite(checked[a:b])]
            if done.size:
                last[t, k] = done.max()
    return NightOutcomes(np.asarray(reps, dtype=np.int64), late, last)


__all__ = ["NightOutcomes", "night_outcomes"]
