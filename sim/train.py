"""The train: its arrival (scheduled time, known extra delay, random delay) and the workers stepping off by door."""

from __future__ import annotations

import numpy as np

from scenarios.model import Train
from sim.config import SimConfig

Z95 = 1.6448536269514722  # standard normal 95th percentile


def train_delay(train: Train, config: SimConfig, u: np.ndarray, z: float) -> float:
    """Random delay in minutes from the train's delay model (u: two uniforms, z: a standard normal)."""
    d = train.delay
    if not config.random or d.kind == "none":
        return d.fixed_min if d.kind == "fixed" else 0.0
    if d.kind == "fixed":
        return d.fixed_min
    if u[0] < d.p_on_time:
        return float(u[1] * d.on_time_max_min)
    sigma = np.log(d.late_p95_min / d.late_median_min) / Z95
    return float(d.late_median_min * np.exp(sigma * z))


def alight_times(train_arrival: float, door: np.ndarray, present: np.ndarray, seconds: np.ndarray) -> np.ndarray:
    """Minutes each worker steps off: per door, one after another in roster order, ``seconds`` each.

    ``present`` masks the workers on the train; others get NaN.
    """
    off = np.full(len(door), np.nan)
    idx = np.flatnonzero(present)
    if idx.size == 0:
        return off
    order = idx[np.argsort(door[idx], kind="stable")]
    doors = door[order]
    total = np.cumsum(seconds[order])
    starts = np.flatnonzero(np.r_[True, doors[1:] != doors[:-1]])
    before = np.repeat(np.r_[0.0, total[starts[1:] - 1]], np.diff(np.r_[starts, len(order)]))
    off[order] = train_arrival + (total - before) / 60.0
    return off


def alight_seconds(train_range: tuple[float, float], u: np.ndarray) -> np.ndarray:
    """Seconds per person at a door, uniform in the station's ``alight_s_per_person``."""
    lo, hi = train_range
    return lo + u * (hi - lo)
