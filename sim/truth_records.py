"""What a simulated night leaves, written in the record readers' formats with the faults real records have.

``write_records(result, sc, plan, folder, replication, seed, faults)`` writes, from one replication's event log:

- ``station_log.csv`` (GBK, Chinese headers, times to the minute as people note them): per coach trip the
  station row (boarding began, departure) and a row per stop (arrival, departure); ``faults.log_missing`` of the
  stop rows are left out;
- ``train.csv``: the train's actual arrival;
- ``checkins.csv`` (dated times to the minute): one row per worker checked in, ``faults.checkin_missing`` left out;
- ``gps.csv`` (UTF-8, English headers, as a fleet platform exports JT/T 808 data): a fix every
  ``faults.gps_interval_s`` seconds per coach, positions along the straight line between places with
  ``faults.jitter_m`` of noise, standing still (speed 0) at the station and at stops; ``faults.gaps`` gaps of 2 to
  6 minutes per coach, ``faults.duplicates`` of fixes repeated, and ``faults.mistyped`` fixes of one coach under a
  mis-typed plate.

Every fault is drawn from ``numpy.random.default_rng(seed)``: the same seed writes the same bytes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from planning.plan import Plan
from scenarios.scenario import STATION_ID, Scenario
from scenarios.writers import write_csv
from sim.run import SimResult

EARTH_M = 6_371_000.0


@dataclass(frozen=True)
class Faults:
    """How imperfect the records are (see the module docstring)."""

    log_missing: float = 0.05
    checkin_missing: float = 0.05
    gps_interval_s: float = 30.0
    jitter_m: float = 15.0
    gaps: int = 2
    duplicates: float = 0.01
    mistyped: int = 20


def plate_of(coach: str, k: int) -> str:
    """A Qingdao coach plate for the k-th coach of the plan (鲁B and five digits)."""
    return f"鲁B{(k * 7919 + 24680) % 90000 + 10000}"


def _clock(sc: Scenario, minutes: float, dated: bool = False, seconds: bool = False) -> str:
    when = dt.datetime.combine(sc.meta.date, dt.time()) + dt.timedelta(minutes=float(minutes))
    if seconds:
        when = when.replace(microsecond=0)
        return when.strftime("%Y-%m-%d %H:%M:%S")
    return when.strftime("%Y-%m-%d %H:%M" if dated else "%H:%M")


def _vehicle_events(result: SimResult, replication: int) -> pd.DataFrame:
    ev = result.events
    ev = ev[(ev["replication"] == replication) & (ev["kind"] == "vehicle")]
    return ev[~ev["entity"].str.startswith("own:")]


def station_log(result: SimResult, sc: Scenario, plates: dict[str, str], replication: int,
                rng: np.random.Generator, missing: float) -> pd.DataFrame:
    rows = []
    for (coach, trip), g in _vehicle_events(result, replication).groupby(["entity", "trip"], sort=True, observed=True):
        if trip == 0:
            continue
        first = g.groupby("event", observed=True)["minutes"].first()
        if "departed" not in first:
            continue
        rows.append((coach, plates[coach], trip, "车站", "", _clock(sc, first["departed"]),
                     _clock(sc, first["bay"]) if "bay" in first else ""))
        arrive, leave = g[g["event"] == "stop_arrive"], g[g["event"] == "stop_leave"]
        for (_, a), (_, b) in zip(arrive.iterrows(), leave.iterrows(), strict=True):
            if rng.random() < missing:
                continue
            rows.append((coach, plates[coach], trip, a["place"], _clock(sc, a["minutes"]), _clock(sc, b["minutes"]),
                         ""))
    return pd.DataFrame(rows, columns=["车辆编号", "车牌号", "趟次", "地点", "到达时间", "出发时间", "开始上车"])


def _path(result: SimResult, sc: Scenario, coach: str, replication: int) -> list[tuple[float, str]]:
    """(minutes, place) corners of a coach's night: when it is at each place (standing) and leaves it."""
    g = _vehicle_events(result, replication)
    g = g[g["entity"] == coach].sort_values("minutes", kind="stable")
    corners: list[tuple[float, str]] = []
    for r in g.itertuples(index=False):
        if r.event in ("at_station", "back_at_station", "departed"):
            corners.append((r.minutes, STATION_ID))
        elif r.event in ("stop_arrive", "stop_leave"):
            corners.append((r.minutes, r.place))
    if corners:
        corners.append((corners[-1][0] + 10.0, ""))  # drives away after its last stop
    return corners


def _track(corners: list[tuple[float, str]], places: pd.DataFrame, faults: Faults,
           rng: np.random.Generator) -> pd.DataFrame:
    """Fixes along the corners: standing between two corners at one place, moving between different places."""
    start, end = corners[0][0], corners[-1][0]
    step = faults.gps_interval_s / 60.0
    t = np.arange(start, end, step) + rng.uniform(0, step / 15.0, size=int(np.ceil((end - start) / step)))[
        :len(np.arange(start, end, step))]
    times = np.array([c[0] for c in corners])
    lat, lon = np.empty(len(t)), np.empty(len(t))
    speed = np.zeros(len(t))
    last_place = corners[-2][1]
    away = places.loc[last_place, ["lat", "lon"]].to_numpy(dtype=float) + np.array([0.03, 0.03])
    xy = [places.loc[p, ["lat", "lon"]].to_numpy(dtype=float) if p else away for _, p in corners]
    seg = np.clip(np.searchsorted(times, t, side="right") - 1, 0, len(corners) - 2)
    for i, k in enumerate(seg):
        a, b = xy[k], xy[k + 1]
        span = max(times[k + 1] - times[k], 1e-9)
        f = (t[i] - times[k]) / span
        lat[i], lon[i] = a + f * (b - a)
        if corners[k][1] != corners[k + 1][1]:
            dy = (b[0] - a[0]) * np.pi / 180 * EARTH_M
            dx = (b[1] - a[1]) * np.pi / 180 * EARTH_M * np.cos(np.radians(a[0]))
            speed[i] = np.hypot(dx, dy) / 1000.0 / (span / 60.0) * 1.3 * rng.uniform(0.8, 1.2)
    deg = faults.jitter_m / EARTH_M * 180 / np.pi
    lat += rng.normal(0, deg, len(t))
    lon += rng.normal(0, deg / np.cos(np.radians(lat.mean())), len(t))
    keep = np.ones(len(t), dtype=bool)
    for _ in range(faults.gaps):
        g0 = rng.uniform(start, end)
        keep &= ~((t >= g0) & (t < g0 + rng.uniform(2.0, 6.0)))
    return pd.DataFrame({"minutes": t[keep], "lat": lat[keep], "lon": lon[keep], "speed": speed[keep]})


def gps_tracks(result: SimResult, sc: Scenario, plates: dict[str, str], replication: int, faults: Faults,
               rng: np.random.Generator) -> pd.DataFrame:
    places = sc.travel_model.places
    frames = []
    for coach in sorted(plates):
        corners = _path(result, sc, coach, replication)
        if len(corners) < 2:
            continue
        track = _track(corners, places, faults, rng)
        track.insert(0, "plate", plates[coach])
        frames.append(track)
    gps = pd.concat(frames, ignore_index=True)
    dup = gps.sample(frac=faults.duplicates, random_state=rng) if faults.duplicates else gps.iloc[:0]
    gps = pd.concat([gps, dup]).sort_values(["plate", "minutes"], kind="stable", ignore_index=True)
    if faults.mistyped and len(plates):
        victim = plates[sorted(plates)[0]]
        rows = np.flatnonzero(gps["plate"].to_numpy() == victim)[:faults.mistyped]
        gps.loc[rows, "plate"] = victim[:-1] + str((int(victim[-1]) + 1) % 10)
    return pd.DataFrame({"plate": gps["plate"], "time": [_clock(sc, m, seconds=True) for m in gps["minutes"]],
                         "lat": gps["lat"].round(6), "lon": gps["lon"].round(6), "speed": gps["speed"].round(1)})


def write_records(result: SimResult, sc: Scenario, plan: Plan, folder: str | Path, replication: int = 0,
                  seed: int = 0, faults: Faults | None = None) -> Path:
    """Write the records of one replication of ``result`` into ``folder`` (created); return the folder."""
    faults = faults or Faults()
    rng = np.random.default_rng(seed)
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    coaches = sorted(str(c) for c in plan.routes["coach_id"].unique()) if plan.routes is not None else []
    plates = {c: plate_of(c, k) for k, c in enumerate(coaches)}
    log = station_log(result, sc, plates, replication, rng, faults.log_missing)
    write_csv(log, out / "station_log.csv", encoding="gbk")
    ev = result.events[result.events["replication"] == replication]
    arrived = ev[(ev["kind"] == "train") & (ev["event"] == "arrived")]["minutes"].iloc[0]
    write_csv(pd.DataFrame({"车次": [sc.train.number], "实际到站": [_clock(sc, arrived, seconds=True)]}),
              out / "train.csv")
    tl = result.timelines[result.timelines["replication"] == replication]
    done = tl[np.isfinite(tl["checked_in"])]
    done = done[rng.random(len(done)) >= faults.checkin_missing]
    write_csv(pd.DataFrame({"工号": done["worker_id"], "企业": done["enterprise_id"],
                            "入住时间": [_clock(sc, m, dated=True) for m in done["checked_in"]]}),
              out / "checkins.csv")
    write_csv(gps_tracks(result, sc, plates, replication, faults, rng), out / "gps.csv")
    return out
