"""Small statistics without SciPy: Student's t distribution (exact, via the incomplete beta function) and
confidence intervals of means, for the simulation's summaries and the what-if comparisons."""

from __future__ import annotations

import functools
import math

import numpy as np


def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (Lentz's method)."""
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c, d = 1.0, 1.0 - qab * x / qap
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c if abs(c) > tiny else 1.0 + aa / tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = 1.0 / (d if abs(d) > tiny else tiny)
        c = 1.0 + aa / c if abs(c) > tiny else 1.0 + aa / tiny
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-14:
            break
    return h


def _betainc(a: float, b: float, x: float) -> float:
    """Regularised incomplete beta I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """P(T <= t) for Student's t with ``df`` degrees of freedom."""
    tail = 0.5 * _betainc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


@functools.lru_cache(maxsize=1024)
def t_quantile(p: float, df: float) -> float:
    """The ``p`` quantile of Student's t (bisection on the CDF; exact to about 1e-10).

    The bracket doubles until it holds the quantile: with 1 degree of freedom the 0.99999 quantile is 31,831.
    """
    if not 0.0 < p < 1.0:
        raise ValueError(f"p(={p}) must be in (0, 1).")
    hi = 1.0
    while (hi < 1e15 and not t_cdf(-hi, df) < min(p, 1.0 - p) < t_cdf(hi, df)) or t_cdf(hi, df) < max(p, 1.0 - p):
        hi *= 2.0
    lo = -hi
    for _ in range(200):
        mid = 0.5 * (lo + hi)
        if t_cdf(mid, df) < p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def mean_ci(values: np.ndarray, level: float = 0.95) -> tuple[float, float, float]:
    """(mean, low, high) of the mean's two-sided confidence interval; a single value has no interval (nan)."""
    x = np.asarray(values, dtype=float)
    x = x[np.isfinite(x)]
    if x.size == 0:
        return (math.nan, math.nan, math.nan)
    mean = float(x.mean())
    if x.size < 2:
        return (mean, math.nan, math.nan)
    half = t_quantile(0.5 + level / 2.0, x.size - 1) * float(x.std(ddof=1)) / math.sqrt(x.size)
    return (mean, mean - half, mean + half)


def z_quantile(p: float) -> float:
    """The ``p`` quantile of the standard normal (Student's t with a huge df, exact enough for intervals)."""
    return t_quantile(p, 1e9)


def wilson(successes: int, n: int, level: float = 0.95) -> tuple[float, float, float]:
    """(share, low, high): the Wilson score interval of a proportion; it stays inside [0, 1]."""
    if n <= 0:
        return (math.nan, math.nan, math.nan)
    z = z_quantile(0.5 + level / 2.0)
    p = successes / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return (p, max(0.0, centre - half), min(1.0, centre + half))
