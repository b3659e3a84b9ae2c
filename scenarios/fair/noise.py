"""Noise keyed by a pair (seeker, post): the same pair gives the same draw whatever else is drawn, and in any order.

splitmix64 over ``seed``, the seeker's index and the post's index; vectorised over numpy arrays. Used for the hidden
true preferences of a generated season (a draw per pair, never stored) and for strict tie-breaks.
"""

from __future__ import annotations

import numpy as np

_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    with np.errstate(over="ignore"):
        x = x + _GOLDEN
        x = (x ^ (x >> np.uint64(30))) * _M1
        x = (x ^ (x >> np.uint64(27))) * _M2
        return x ^ (x >> np.uint64(31))


def pair_uniform(seed: int, a: np.ndarray, b: np.ndarray, stream: int = 0) -> np.ndarray:
    """Uniform draws in (0, 1), one per pair ``(a[i], b[i])``."""
    with np.errstate(over="ignore"):
        key = np.uint64(seed & 0xFFFFFFFF) << np.uint64(32) | np.uint64(stream & 0xFFFFFFFF)
        x = _mix(np.asarray(a, dtype=np.uint64) ^ _mix(np.full(1, key, dtype=np.uint64)))
        x = _mix(x ^ (np.asarray(b, dtype=np.uint64) * _GOLDEN))
    return ((x >> np.uint64(11)).astype(np.float64) + 0.5) / float(1 << 53)


def pair_normal(seed: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Standard normal draws, one per pair (Box-Muller on two keyed uniforms)."""
    u1 = pair_uniform(seed, a, b, 1)
    u2 = pair_uniform(seed, a, b, 2)
    return np.sqrt(-2.0 * np.log(u1)) * np.cos(2.0 * np.pi * u2)
