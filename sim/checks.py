"""Invariant checks after every run: workers conserved, milestones in order, no vehicle over its seats.

A failure here is a bug in the simulator (not bad input), so ``simulate`` raises ``SimulationInvariantError``.
"""

from __future__ import annotations

import itertools

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
    done = timelines["checked_in"].notna().to_numpy()
    lost = (timelines["not_delivered"] != "").to_numpy()
    if (done & lost).any():
        out.append(f"{int((done & lost).sum())} workers both checked in and not delivered")
    if (~done & ~lost).any():
        out.append(f"{int((~done & ~lost).sum())} workers neither checked in nor reported not delivered")
    unknown = set(timelines["not_delivered"]) - {"", *REASONS}
    if unknown:
        out.append(f"unknown reasons for not delivering: {sorted(unknown)}")
    carried = timelines[done]
    for a, b in itertools.pairwise(MILESTONES[:-1]):
        late = (carried[a] > carried[b] + 1e-9).to_numpy()
        if late.any():
            out.append(f"{int(late.sum())} workers {a} after {b}")
    if len(trips):
        over = trips["aboard"].to_numpy() > trips["seats"].to_numpy()
        if over.any():
            out.append(f"{int(over.sum())} vehicle trips over their seats")
    missing = carried[["off_train", "past_desk", "boarded", "departed", "arrived"]].isna().to_numpy()
    if missing.any():
        out.append(f"{int(missing.any(axis=1).sum())} checked-in workers lack a milestone")
    return out


def assert_sound(timelines: pd.DataFrame, trips: pd.DataFrame, workers: int, replications: int) -> None:
    problems = check_run(timelines, trips, workers, replications)
    if problems:
        raise SimulationInvariantError("; ".join(problems[:10]))


__all__ = ["SimulationInvariantError", "assert_sound", "check_run"]
