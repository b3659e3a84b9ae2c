"""Invariant checks after every run: workers conserved, milestones in order, no vehicle over its seats.

A failure here is a bug in the simulator (not bad input), so ``simulate`` raises ``SimulationInvariantError``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from sim.events import MILESTONES

REASONS = ("missed_train", "unplaced", "not_in_plan")


class SimulationInvariantError(AssertionError):
    """The simulator broke one of its own invariants; the message lists which."""


def check_run(timelines: pd.DataFrame, trips: pd.DataFrame, workers: int, replications: int) -> list[str]:
    """Problems found, each one line; empty when the run is sound."""
    out = []
    if len(timelines) != workers * replications:
        out.append(f"{len(timelines)} timeline rows for {workers} workers x {replications} replications")
    times = {m: timelines[m].to_numpy(dtype=float) for m in MILESTONES[:-1]}
    aboard, seats = (trips["aboard"].to_numpy(), trips["seats"].to_numpy()) if len(trips) else ((), ())
    return out + check_arrays(times, timelines["not_delivered"].to_numpy(), aboard, seats)


def check_arrays(times: Mapping[str, np.ndarray], lost: np.ndarray, aboard: Sequence[int] | np.ndarray,
                 seats: Sequence[int] | np.ndarray) -> list[str]:
    """``check_run`` on arrays: ``times`` per milestone (but ``left_station``) and ``lost`` (the reason a worker
    was not delivered, "" when delivered) per worker; ``aboard`` and ``seats`` per vehicle trip."""
    out = []
    done = np.isfinite(times["checked_in"])
    lost_any = np.asarray(lost != "", dtype=bool)
    if (done & lost_any).any():
        out.append(f"{int((done & lost_any).sum())} workers both checked in and not delivered")
    if (~done & ~lost_any).any():
        out.append(f"{int((~done & ~lost_any).sum())} workers neither checked in nor reported not delivered")
    unknown = set(lost.tolist()) - {"", *REASONS}
    if unknown:
        out.append(f"unknown reasons for not delivering: {sorted(unknown)}")
    carried = {m: t[done] for m, t in times.items()}
    for a, b in itertools.pairwise(MILESTONES[:-1]):
        late = carried[a] > carried[b] + 1e-9
        if late.any():
            out.append(f"{int(late.sum())} workers {a} after {b}")
    if len(aboard):
        over = np.asarray(aboard) > np.asarray(seats)
        if over.any():
            out.append(f"{int(over.sum())} vehicle trips over their seats")
    missing = np.isnan(np.stack([carried[m] for m in ("off_train", "past_desk", "boarded", "departed", "arrived")]))
    if missing.any():
        out.append(f"{int(missing.any(axis=0).sum())} checked-in workers lack a milestone")
    return out


def assert_sound(timelines: pd.DataFrame, trips: pd.DataFrame, workers: int, replications: int) -> None:
    problems = check_run(timelines, trips, workers, replications)
    if problems:
        raise SimulationInvariantError("; ".join(problems[:10]))


__all__ = ["SimulationInvariantError", "assert_sound", "check_arrays", "check_run"]
