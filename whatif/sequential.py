"""A sequential test of a night-level proportion against a target: settle clear cases with few nights.

The rule (stated once, used by the fleet search): simulate nights in batches; after batch k of at most K, compute
the Clopper-Pearson interval of the share of good nights at confidence ``1 - alpha / K`` (a Bonferroni split of
``alpha`` over the K planned looks, so the chance of a wrong verdict on a candidate is at most ``alpha`` however
many looks are taken; Clopper and Pearson 1934, Biometrika 26(4):404-413; the Bonferroni split over interim looks
as in Jennison and Turnbull 2000, *Group Sequential Methods with Applications to Clinical Trials*, ch. 2). The
candidate **meets** the target once the lower bound reaches it, **fails** once the upper bound is below it, and is
**undecided** (within noise of the target) when the K batches are spent.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

MEETS, FAILS, UNDECIDED = "meets", "fails", "undecided"


@dataclass(frozen=True)
class SequentialRule:
    """Batches of ``batch`` nights, at most ``max_batches`` of them, overall error ``alpha`` per candidate."""

    target: float = 0.95
    alpha: float = 0.05
    batch: int = 40
    max_batches: int = 10

    def __post_init__(self) -> None:
        if not 0.0 < self.target < 1.0:
            raise ValueError(f"target(={self.target!r}) must be a share strictly between 0 and 1.")
        if not 0.0 < self.alpha < 0.5:
            raise ValueError(f"alpha(={self.alpha!r}) must be in (0, 0.5).")
        if not 1 <= self.batch <= 100_000:
            raise ValueError(f"batch(={self.batch!r}) must be a whole number of nights in 1..100000.")
        if not 1 <= self.max_batches <= 1000:
            raise ValueError(f"max_batches(={self.max_batches!r}) must be in 1..1000.")

    @property
    def level(self) -> float:
        """Confidence of each look's interval."""
        return 1.0 - self.alpha / self.max_batches

    def interval(self, good: int, nights: int) -> tuple[float, float]:
        """The Clopper-Pearson interval of ``good`` of ``nights`` at this rule's per-look level."""
        return clopper_pearson(good, nights, self.level)

    def verdict(self, good: int, nights: int) -> str | None:
        """``meets``, ``fails``, ``undecided`` (batches spent) or None (simulate another batch)."""
        low, high = self.interval(good, nights)
        if low >= self.target:
            return MEETS
        if high < self.target:
            return FAILS
        return UNDECIDED if nights >= self.batch * self.max_batches else None


def clopper_pearson(good: int, nights: int, level: float = 0.95) -> tuple[float, float]:
    """The exact (Clopper-Pearson) two-sided interval of a binomial share."""
    if nights <= 0:
        return 0.0, 1.0
    a = (1.0 - level) / 2.0
    # low: the p at which P(X >= good) = a; high: the p at which P(X <= good) = a (both monotone in p).
    low = 0.0 if good == 0 else _solve(lambda p: 1.0 - _binom_cdf(good - 1, nights, p) - a)
    high = 1.0 if good == nights else _solve(lambda p: a - _binom_cdf(good, nights, p))
    return low, high


def _binom_cdf(k: int, n: int, p: float) -> float:
    """P(X <= k) for X ~ Binomial(n, p), summed in log space."""
    if p <= 0.0:
        return 1.0
    if p >= 1.0:
        return 0.0 if k < n else 1.0
    lp, lq = math.log(p), math.log1p(-p)
    terms = [math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) + i * lp + (n - i) * lq
             for i in range(k + 1)]
    top = max(terms)
    return min(1.0, math.exp(top) * sum(math.exp(t - top) for t in terms))


def _solve(f: Callable[[float], float]) -> float:
    """The root in [0, 1] of an increasing function, by bisection to 1e-10."""
    lo, hi = 0.0, 1.0
    for _ in range(40):
        mid = (lo + hi) / 2.0
        if f(mid) < 0.0:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2.0


def wilson(good: int, nights: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson's score interval (for reports; inside [0, 1] by construction)."""
    if nights <= 0:
        return 0.0, 1.0
    from statistics import NormalDist

    z = NormalDist().inv_cdf(0.5 + level / 2.0)
    p = good / nights
    centre = (p + z * z / (2 * nights)) / (1 + z * z / nights)
    half = z * math.sqrt(p * (1 - p) / nights + z * z / (4 * nights * nights)) / (1 + z * z / nights)
    low = 0.0 if good == 0 else max(0.0, centre - half)
    high = 1.0 if good == nights else min(1.0, centre + half)
    return low, high
