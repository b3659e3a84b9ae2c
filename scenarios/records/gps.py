"""Stops found in a coach's GPS track: the stationary fixes near each place of its planned trips, in order.

A coach is at a place while its fixes are within ``RADIUS_M`` of it with a speed under ``STILL_KMH``. The places
are matched in the plan's order (the station, then each stop of trip 1, the station again, ...), each after the
last, so two enterprises close together are told apart by the order they are visited in. The first stationary fix
is seen up to one reporting interval after the coach stopped, the last up to one before it moved. Two places of
the plan can lie within ``RADIUS_M`` of each other (a first stop next to the station): a fix then counts for the
place it is nearer to, so the stay at the first ends when the coach stands nearer the next. Arrival and
departure are put half the coach's median interval outside them; an end next to a gap in the track is unknown. A
place with no stationary fix (a gap in the track) is not found. The station log fills what the track leaves unknown.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Within this distance of a place, in metres (GPS jitter is tens of metres; a coach parks near the gate).
RADIUS_M = 250.0
#: Below this speed a fix counts as standing, km/h (JT/T 808 reports speed with every fix).
STILL_KMH = 5.0
EARTH_M = 6_371_000.0
#: Fixes further apart than this many reporting intervals are a gap in the track.
GAP = 1.6


def metres(lat: np.ndarray, lon: np.ndarray, lat0: float, lon0: float) -> np.ndarray:
    """Distances in metres from (lat0, lon0) (equirectangular: exact enough within a city)."""
    x = np.radians(lon - lon0) * np.cos(np.radians(lat0))
    y = np.radians(lat - lat0)
    return EARTH_M * np.hypot(x, y)


def find_stops(track: pd.DataFrame, visits: list[tuple[int, str]], places: pd.DataFrame) -> pd.DataFrame:
    """Arrival and departure at each visit found in one coach's track.

    ``track``: minutes, lat, lon, speed (NaN speed: judged by the move to the next fix); ``visits``: (trip, place)
    in the plan's order; ``places``: lat, lon by place id. Returns trip, place, arrive_min, depart_min.
    """
    track = track.sort_values("minutes", kind="stable")
    t = track["minutes"].to_numpy(dtype=float)
    lat, lon = track["lat"].to_numpy(dtype=float), track["lon"].to_numpy(dtype=float)
    speed = track["speed"].to_numpy(dtype=float)
    if len(t) > 1:
        moved = np.r_[metres(lat[1:], lon[1:], lat[:-1], lon[:-1]) / np.maximum(np.diff(t), 1e-6) * 0.06, 0.0]
        speed = np.where(np.isfinite(speed), speed, moved)
    half = float(np.median(np.diff(t))) / 2.0 if len(t) > 1 else 0.0
    still = speed < STILL_KMH
    rows = []
    at = 0
    for k, (trip, place) in enumerate(visits):
        if place not in places.index or at >= len(t):
            continue
        p_lat, p_lon = places.loc[place, ["lat", "lon"]]
        here = metres(lat, lon, float(p_lat), float(p_lon))
        near = still & (here <= RADIUS_M)
        after = visits[k + 1][1] if k + 1 < len(visits) else None
        if after is not None and after != place and after in places.index:  # the next place may be close by
            n_lat, n_lon = places.loc[after, ["lat", "lon"]]
            near &= here <= metres(lat, lon, float(n_lat), float(n_lon))
        near[:at] = False
        hits = np.flatnonzero(near)
        if hits.size == 0:
            continue
        first = int(hits[0])
        away = np.flatnonzero(~near[first:])
        end = first + int(away[0]) if away.size else len(t)
        stay = hits[hits < end]
        last = int(stay[-1])
        # a gap in the track next to the stay leaves that end unknown (the station log keeps its time)
        arrive = t[first] - half if first == 0 or t[first] - t[first - 1] <= GAP * 2 * half else np.nan
        depart = t[last] + half if last + 1 >= len(t) or t[last + 1] - t[last] <= GAP * 2 * half else np.nan
        rows.append((trip, place, arrive, depart))
        at = last + 1
    return pd.DataFrame(rows, columns=["trip", "place", "arrive_min", "depart_min"])
