"""The event log: rows appended to a list during a run and turned into a DataFrame once; what derives from it.

One row per event: replication, minutes (from midnight of the scenario date), entity kind ('train', 'vehicle',
'worker'), entity id, event, place, trip (0 when not a trip's event), count (people involved) and detail (the
vehicle a worker boarded, the reason a worker was not delivered, ...). In memory the text columns are categoricals
(``sim.lean``); the written file has them as text and a ``clock`` column (HH:MM:SS) beside the minutes.

Derived: worker timelines (one row per worker: the milestones below), coach timelines (one row per vehicle trip)
and the crowd in the station over time.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from scenarios.clock import format_clock
from sim.lean import TEXT, Table, plain

#: The event log's columns in memory; the file adds ``clock`` (HH:MM:SS of ``minutes``), made only for display.
EVENT_COLUMNS = ("replication", "minutes", "kind", "entity", "event", "place", "trip", "count", "detail")
EVENT_TYPES = {c: "int64" if c in ("replication", "trip", "count") else "float64" if c == "minutes" else TEXT
               for c in EVENT_COLUMNS}
WRITTEN_EVENT_COLUMNS = ("replication", "minutes", "clock", *EVENT_COLUMNS[2:])
#: Worker milestones, in the order they happen. ``left_station``: a worker with no vehicle leaves with the staff.
MILESTONES = ("off_train", "at_hall", "past_desk", "gathered", "boarded", "departed", "arrived", "checked_in",
              "left_station")
#: ``absent``: not off the train (missed it); ``late_checkin``: reached the dormitory after it had closed.
TIMELINE_COLUMNS = ("replication", "worker_id", "train", "district", "enterprise_id", "deadline_min", "vehicle",
                    *MILESTONES,
                    "not_delivered", "absent", "late_checkin")
TIMELINE_TYPES = {c: "int64" if c == "replication" else "bool" if c in ("absent", "late_checkin")
                  else "float64" if c == "deadline_min" or c in MILESTONES else TEXT for c in TIMELINE_COLUMNS}
TRIP_COLUMNS = ("replication", "vehicle", "trip", "kind", "seats", "at_station", "bay", "departed", "aboard",
                "last_stop", "back")
NAN = math.nan


class Recorder:
    """Collects one replication: log rows (all of them in full mode; train and vehicle rows in lean mode) and the
    worker milestones as arrays."""

    def __init__(self, worker_ids: list[str], full: bool) -> None:
        self.full = full
        self.ids = worker_ids
        self.rows: list[tuple] = []
        n = len(worker_ids)
        self.times = {m: [NAN] * n for m in MILESTONES}
        self.vehicle = [""] * n
        self.lost = [""] * n
        self.is_absent = [False] * n
        self.late = [False] * n

    def worker(self, g: int, event: str, t: float, place: str = "", trip: int = 0, detail: str = "") -> None:
        self.times[event][g] = t
        if self.full:
            self.rows.append((t, "worker", self.ids[g], event, place, trip, 1, detail))

    def not_delivered(self, g: int, t: float, reason: str) -> None:
        self.lost[g] = reason
        if self.full:
            self.rows.append((t, "worker", self.ids[g], "not_delivered", "", 0, 1, reason))

    def absent(self, g: int, t: float) -> None:
        """Worker ``g`` did not get off the train (known when the last is off): absent, not delivered."""
        self.is_absent[g] = True
        if self.full:
            self.rows.append((t, "worker", self.ids[g], "absent", "station", 0, 1, ""))
        self.not_delivered(g, t, "missed_train")

    def late_checkin(self, g: int, t: float, place: str) -> None:
        """Worker ``g`` reached a dormitory after it had closed."""
        self.late[g] = True
        if self.full:
            self.rows.append((t, "worker", self.ids[g], "late_checkin", place, 0, 1, ""))

    def log(self, t: float, kind: str, entity: str, event: str, place: str = "", trip: int = 0, count: int = 0,
            detail: str = "") -> None:
        self.rows.append((t, kind, entity, event, place, trip, count, detail))


def clock_strings(minutes: np.ndarray) -> np.ndarray:
    """'HH:MM:SS' (wrapping past midnight) for an array of minutes; vectorised."""
    seconds = np.rint(np.asarray(minutes, dtype=float) * 60.0).astype(np.int64) % 86400
    uniq, inverse = np.unique(seconds, return_inverse=True)
    text = np.array([f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in uniq.tolist()], dtype=object)
    return text[inverse]


def event_part(replication: int, rows: list[tuple]) -> dict[str, np.ndarray]:
    """One replication's log rows as columns (``EVENT_TYPES``), sorted by time (stable: ties keep log order)."""
    columns = list(zip(*rows, strict=True)) if rows else [()] * 8
    minutes = np.asarray(columns[0], dtype=float)
    order = np.argsort(minutes, kind="stable")
    part = {"replication": np.full(len(order), replication, dtype=np.int64), "minutes": minutes[order]}
    for name, values in zip(EVENT_COLUMNS[2:], columns[1:], strict=True):
        part[name] = np.asarray(values, dtype=np.int64 if name in ("trip", "count") else object)[order]
    return part


def events_frame(chunks: list[tuple[int, list[tuple]]]) -> pd.DataFrame:
    """One lean DataFrame (``sim.lean``) from (replication, rows) chunks, each chunk sorted by time."""
    table = Table(EVENT_TYPES)
    for replication, rows in chunks:
        table.add(event_part(replication, rows))
    return table.frame()


def written_events(events: pd.DataFrame) -> pd.DataFrame:
    """The event log as written (events.csv.gz): text columns as text and the ``clock`` column after minutes."""
    out = plain(events)
    return out.assign(clock=clock_strings(out["minutes"].to_numpy()))[list(WRITTEN_EVENT_COLUMNS)]


def timelines_from_events(events: pd.DataFrame, roster: pd.DataFrame) -> pd.DataFrame:
    """Worker timelines derived from a full event log. ``roster``: worker_id, train, district, enterprise_id,
    deadline_min."""
    workers = events[events["kind"] == "worker"]
    marks = workers[workers["event"].isin(MILESTONES)]
    wide = marks.pivot_table(index=["replication", "entity"], columns="event", values="minutes", aggfunc="first")
    wide = wide.reindex(columns=list(MILESTONES))
    boarded = workers[workers["event"] == "boarded"].set_index(["replication", "entity"])["detail"]
    lost = workers[workers["event"] == "not_delivered"].set_index(["replication", "entity"])["detail"]
    replications = np.sort(events["replication"].unique())
    index = pd.MultiIndex.from_product([replications, roster["worker_id"]], names=["replication", "entity"])
    wide = wide.reindex(index)
    wide["vehicle"] = boarded.reindex(index).fillna("").to_numpy()
    wide["not_delivered"] = lost.reindex(index).fillna("").to_numpy()
    for column in ("absent", "late_checkin"):
        flagged = workers[workers["event"] == column].set_index(["replication", "entity"]).index
        wide[column] = index.isin(flagged)
    out = wide.reset_index().rename(columns={"entity": "worker_id"})
    out = out.merge(roster, on="worker_id", how="left", sort=False)
    return out[list(TIMELINE_COLUMNS)].astype({m: float for m in MILESTONES})


def timelines_from_recorders(chunks: list[tuple[int, Recorder]], roster: pd.DataFrame) -> pd.DataFrame:
    """Worker timelines straight from the recorders' milestone arrays (lean mode; same result as from events)."""
    frames = []
    for replication, rec in chunks:
        frame = roster.copy()
        frame.insert(0, "replication", replication)
        frame["vehicle"] = rec.vehicle
        for m in MILESTONES:
            frame[m] = np.asarray(rec.times[m], dtype=float)
        frame["not_delivered"] = rec.lost
        frame["absent"] = rec.is_absent
        frame["late_checkin"] = rec.late
        frames.append(frame)
    out = pd.concat(frames, ignore_index=True)
    return out[list(TIMELINE_COLUMNS)]


def trips_from_events(events: pd.DataFrame) -> pd.DataFrame:
    """One row per vehicle trip that ran: when it reached a bay, left, its last stop, and how many were aboard."""
    v = events.loc[events["kind"] == "vehicle", ["replication", "minutes", "entity", "event", "trip", "count",
                                                 "detail"]]
    if v.empty:
        return pd.DataFrame(columns=list(TRIP_COLUMNS))
    v = v.assign(**{c: v[c].cat.remove_unused_categories() for c in ("entity", "event", "detail")
                    if isinstance(v[c].dtype, pd.CategoricalDtype)})
    keys = ["replication", "entity", "trip"]
    seats = v[v["event"] == "at_station"].groupby(["replication", "entity"], observed=True).agg(
        seats=("count", "first"), kind=("detail", "first"))
    trips = v[v["trip"] > 0]
    first = trips.pivot_table(index=keys, columns="event", values="minutes", aggfunc="first", observed=True)
    last = trips.pivot_table(index=keys, columns="event", values="minutes", aggfunc="last", observed=True)
    aboard = trips[trips["event"] == "departed"].set_index(keys)["count"]
    out = pd.DataFrame(index=first.index)
    out["bay"] = first.get("bay")
    out["departed"] = first.get("departed")
    out["aboard"] = aboard.reindex(out.index).fillna(0).astype(int)
    out["last_stop"] = last.get("stop_arrive")
    out["back"] = first.get("back_at_station")
    out = plain(out.reset_index().rename(columns={"entity": "vehicle"}))
    out = out.join(plain(seats.reset_index()).set_index(["replication", "entity"]), on=["replication", "vehicle"])
    starts = v[v["event"] == "at_station"].groupby(["replication", "entity"], observed=True)["minutes"].first()
    starts.index = starts.index.set_levels(starts.index.levels[1].astype(object), level=1)
    out["at_station"] = starts.reindex(pd.MultiIndex.from_frame(out[["replication", "vehicle"]])).to_numpy()
    return out[list(TRIP_COLUMNS)].astype({m: float for m in ("bay", "departed", "last_stop", "back",
                                                              "at_station")})


def crowd(timelines: pd.DataFrame, step_min: float = 1.0) -> pd.DataFrame:
    """People in the station (off the train, not yet driven away) per replication, on a grid of ``step_min``."""
    enter = timelines["off_train"].to_numpy()
    leave = timelines["departed"].fillna(timelines["left_station"]).to_numpy()
    ok = np.isfinite(enter)
    if not ok.any():
        return pd.DataFrame(columns=["replication", "minutes", "people"])
    lo = math.floor(np.nanmin(enter) / step_min) * step_min
    hi = math.ceil(np.nanmax(np.where(np.isfinite(leave), leave, enter)) / step_min) * step_min + step_min
    grid = np.arange(lo, hi + step_min / 2, step_min)
    frames = []
    reps = timelines["replication"].to_numpy()
    for r in np.unique(reps):
        m = (reps == r) & ok
        e = np.sort(enter[m])
        lv = leave[m]
        lv = np.sort(np.where(np.isfinite(lv), lv, np.inf))
        people = np.searchsorted(e, grid, side="right") - np.searchsorted(lv, grid, side="right")
        frames.append(pd.DataFrame({"replication": r, "minutes": grid, "people": people}))
    return pd.concat(frames, ignore_index=True)


def largest_crowd(enter: np.ndarray, leave: np.ndarray) -> int:
    """The most people in the station at once (exact, from the event times)."""
    ok = np.isfinite(enter)
    if not ok.any():
        return 0
    times = np.concatenate([enter[ok], np.where(np.isfinite(leave[ok]), leave[ok], np.inf)])
    steps = np.concatenate([np.ones(ok.sum(), dtype=int), -np.ones(ok.sum(), dtype=int)])
    order = np.lexsort((steps, times))  # at equal times, people leave before others count as arriving
    return int(np.cumsum(steps[order]).max())


__all__ = ["EVENT_COLUMNS", "EVENT_TYPES", "MILESTONES", "TIMELINE_COLUMNS", "TIMELINE_TYPES", "TRIP_COLUMNS",
           "WRITTEN_EVENT_COLUMNS", "Recorder", "clock_strings", "crowd", "event_part", "events_frame", "format_clock",
           "largest_crowd", "timelines_from_events", "timelines_from_recorders", "trips_from_events", "written_events"]
