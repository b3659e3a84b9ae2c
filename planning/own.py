"""What an enterprise's own vehicle can bring before its dormitory closes.

An enterprise that collects its own workers (``pickup: own``) sends one vehicle of ``own_seats`` seats, there at
``own_arrival``; it leaves when that and the workers are ready (the coaches' planned first departure, or later), and
drives back and forth: trip k (k = 0, 1, ...) is at the dormitory ``t + k (2t + dwell)`` after leaving, ``t`` the
planner's minutes from the station. The placement puts at most ``seats x trips in time`` workers there, in time
meaning by the earlier of the dormitory's ``checkin_close`` and ``policy.latest_arrival`` (the coaches' deadline).
Workers placed there beyond that go by coach (``coach_riders``), so that no plan sends the vehicle on a round trip
that reaches a closed dormitory (2025: E0026's 12-seat van brings 24 of its 29 workers in time; its third trip used
to arrive at 03:51, half an hour after the dormitory closed, on 96% of simulated nights).
"""

from __future__ import annotations

import math

import pandas as pd

from planning.station import planned_departure
from planning.timing import STOP_MIN, STOP_S_PER_WORKER
from scenarios.scenario import Scenario

#: The capacity of an own vehicle whose seats or arrival are not given: it takes all its workers, as before.
UNBOUNDED = 10**9


def own_vehicle_capacity(sc: Scenario) -> dict[str, int]:
    """Enterprise id -> the most workers its own vehicle brings in time (only enterprises with ``pickup: own``)."""
    own = sc.enterprises[sc.enterprises["pickup"] == "own"]
    if own.empty:
        return {}
    ready = planned_departure(sc)
    minutes, _ = sc.travel_model.from_station([str(e) for e in own.index])
    out = {}
    for (ent, row), t in zip(own.iterrows(), minutes, strict=True):
        seats = int(row["own_seats"]) if math.isfinite(float(row["own_seats"])) else 0
        arrive = float(row["own_arrival_min"])
        if seats <= 0 or not math.isfinite(arrive):
            out[str(ent)] = UNBOUNDED  # the scenario's validation names this; the vehicle takes them all
            continue
        leave = max(arrive, ready)
        deadline = min(float(row["checkin_close_min"]), sc.latest_arrival_min)
        first = leave + float(t)
        cycle = 2 * float(t) + STOP_MIN + seats * STOP_S_PER_WORKER / 60.0
        trips = 0 if first > deadline + 1e-9 else 1 + math.floor((deadline - first) / cycle + 1e-9)
        out[str(ent)] = trips * seats
    return out


def coach_riders(sc: Scenario, riding: pd.DataFrame) -> pd.DataFrame:
    """The rows of ``riding`` (placed workers, index worker id, column ``enterprise_id``) who go by coach: everyone
    at a coach enterprise, and at an own-vehicle enterprise those beyond what its vehicle brings in time (the last
    by worker id)."""
    own = set(sc.enterprises.index[sc.enterprises["pickup"] == "own"])
    at_own = riding["enterprise_id"].isin(own)
    if not at_own.any():
        return riding
    cap = own_vehicle_capacity(sc)
    ids = pd.Series(riding.index.astype(str), index=riding.index)
    rank = ids[at_own].groupby(riding.loc[at_own, "enterprise_id"]).rank(method="first")
    beyond = rank > riding.loc[at_own, "enterprise_id"].map(lambda e: cap[str(e)])
    keep = ~at_own
    keep[beyond[beyond].index] = True
    return riding[keep]

