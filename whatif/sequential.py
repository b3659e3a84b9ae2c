"""A group-sequential one-sided test of a night-level proportion against a target: settle clear cases early.

The rule (stated once, used by the fleet search). The question is one-sided: does the fleet's share ``p`` of good
nights reach the target ``p0``? Nights are simulated in batches of ``batch``; look k (of at most K) sees ``X_k``
good nights of ``n_k = k * batch``.

- **Meets** at look k when ``X_k >= c_k``. The bounds ``c_k`` spend the error ``alpha`` across the looks by the
  Lan-DeMets spending function of O'Brien-Fleming type, ``alpha(t) = 2 - 2 Phi(z_{1-alpha/2} / sqrt(t))`` at
  information ``t = k / K`` (Lan and DeMets 1983, Biometrika 70(3):659-663; O'Brien and Fleming 1979, Biometrics
  35(3):549-556; Jennison and Turnbull 2000, *Group Sequential Methods*, ch. 7); ``"pocock"`` spends
  ``alpha ln(1 + (e - 1) t)`` instead (Pocock-type). Each ``c_k`` is the smallest count whose exact chance of
  being the first crossing, at ``p = p0``, keeps the total spent within ``alpha(t_k)`` (a recursion over the
  binomial batches; error left unspent at a look carries to the next). So the chance of a wrong "meets" for a
  fleet exactly at the target is at most ``alpha``, computed exactly, not bounded loosely.
- **Fails** early at look k when the one-sided Clopper-Pearson upper bound at ``1 - futility`` is below the target
  (the fleet is clearly short). This stop is non-binding: the ``c_k`` are computed as if it never happened, so it
  cannot raise the error; it only costs a little power.
- **At the cap** (look K, ``n_K`` nights) the last bound ``c_K`` is a fixed-sample one-sided test on all nights at
  the error the spending left for it (with O'Brien-Fleming spending almost all of ``alpha``: for 95% over 400
  nights it is the fixed 400-night test's own bound, 388): the candidate meets or fails there, never undecided.
  With ``at_cap="estimate"`` (the risk check of ``plan``, whose headline is a share of nights) the cap judges by
  the share itself, as the check judges the plan: meets when ``X_K >= target * n_K``; the early stops stay as
  above, so an early "meets" is the stricter claim and an early "fails" needs the upper bound below the target.

The interval the verdict uses is the one shown: at look k the lower bound is the one-sided Clopper-Pearson bound
at the look's nominal level ``1 - a_k`` (``a_k`` between the chances under ``p0`` of at least ``c_k`` and at least
``c_k - 1`` good nights, so the bound reaches the target exactly when ``X_k >= c_k``), the upper bound the one at
``1 - futility``. A candidate meets when the lower bound reaches the target; it fails early when the upper bound is
below it, and at the cap when the lower bound is.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from statistics import NormalDist

import numpy as np

from present.catalog import text

MEETS, FAILS = "meets", "fails"
#: The error-spending schedules the rule knows (see the module's docstring).
SPENDING = ("obrien_fleming", "pocock")
#: How the last look decides: the one-sided test, or the share of good nights against the target.
AT_CAP = ("test", "estimate")


@dataclass(frozen=True)
class Look:
    """One look of the rule: after ``nights`` nights, meets at ``meets_at`` good nights or more (``nights + 1``:
    not at this look), fails early at ``fails_at`` or fewer (-1: not at this look); ``level`` is the one-sided
    confidence of the lower bound there."""

    nights: int
    meets_at: int
    fails_at: int
    level: float


@dataclass(frozen=True)
class SequentialRule:
    """Batches of ``batch`` nights, at most ``max_batches`` looks, error ``alpha`` of a wrong "meets" per candidate,
    spent by ``spending``; early "fails" at the one-sided upper bound of confidence ``1 - futility``."""

    target: float = 0.95
    alpha: float = 0.05
    batch: int = 40
    max_batches: int = 10
    spending: str = "obrien_fleming"
    futility: float = 0.01
    at_cap: str = "test"

    def __post_init__(self) -> None:
        if not 0.0 < self.target < 1.0:
            raise ValueError(f"target(={self.target!r}) must be a share strictly between 0 and 1.")
        if not 0.0 < self.alpha < 0.5:
            raise ValueError(f"alpha(={self.alpha!r}) must be in (0, 0.5).")
        if not 1 <= self.batch <= 100_000:
            raise ValueError(f"batch(={self.batch!r}) must be a whole number of nights in 1..100000.")
        if not 1 <= self.max_batches <= 100:
            raise ValueError(f"max_batches(={self.max_batches!r}) must be in 1..100.")
        if self.spending not in SPENDING:
            raise ValueError(f"spending(={self.spending!r}) must be one of {', '.join(SPENDING)}.")
        if not 0.0 <= self.futility < 0.5:
            raise ValueError(f"futility(={self.futility!r}) must be in [0, 0.5).")
        if self.at_cap not in AT_CAP:
            raise ValueError(f"at_cap(={self.at_cap!r}) must be one of {', '.join(AT_CAP)}.")

    @property
    def max_nights(self) -> int:
        return self.batch * self.max_batches

    def spent(self, t: float) -> float:
        """The error allowed to be spent by information ``t`` in [0, 1] (cumulative)."""
        if t <= 0.0:
            return 0.0
        if t >= 1.0:
            return self.alpha
        if self.spending == "pocock":
            return self.alpha * math.log(1.0 + (math.e - 1.0) * t)
        z = NormalDist().inv_cdf(1.0 - self.alpha / 2.0)
        return 2.0 - 2.0 * NormalDist().cdf(z / math.sqrt(t))

    @cached_property
    def looks(self) -> tuple[Look, ...]:
        """The bounds of every look, by the exact recursion over the binomial batches at ``p = target``."""
        step = binom_pmf(self.batch, self.target)
        alive = np.array([1.0])  # P(X_k = x and no "meets" before), x = 0..n_k
        used = 0.0
        out = []
        for k in range(1, self.max_batches + 1):
            n = k * self.batch
            dist = np.convolve(alive, step)
            tail = np.cumsum(dist[::-1])[::-1]  # P(X_k >= c and not met before)
            allowed = self.spent(k / self.max_batches) - used
            ok = np.nonzero(tail <= allowed * (1 + 1e-12))[0]
            c = int(ok[0]) if len(ok) else n + 1
            if k == self.max_batches and self.at_cap == "estimate":
                c = math.ceil(self.target * n - 1e-9)  # the share itself at the cap
            if c <= n:
                used += float(tail[c])
            alive = dist.copy()
            alive[c:] = 0.0
            marginal = binom_tail(n, self.target)  # P(X_k >= c) on its own: the look's nominal error
            a = math.sqrt(marginal[c] * marginal[c - 1]) if 1 <= c <= n else (0.0 if c > n else 1.0)
            fails_at = -1
            if self.futility > 0:
                below = np.nonzero(1.0 - marginal[1:] < self.futility)[0]  # P(X_k <= x) < futility, x = 0..n
                fails_at = int(below[-1]) if len(below) else -1
            if k == self.max_batches:
                fails_at = c - 1
            out.append(Look(n, c, min(fails_at, c - 1), 1.0 - a))
        return tuple(out)

    def look(self, nights: int) -> Look:
        """The look after ``nights`` nights (a whole number of batches, at most the cap)."""
        k, rest = divmod(nights, self.batch)
        if rest or not 1 <= k <= self.max_batches:
            raise ValueError(f"nights(={nights!r}) must be a whole number of batches of {self.batch}, at most "
                             f"{self.max_nights}.")
        return self.looks[k - 1]

    def verdict(self, good: int, nights: int) -> str | None:
        """``meets``, ``fails`` or None (simulate another batch); at the cap always one of the two."""
        look = self.look(nights)
        if good >= look.meets_at:
            return MEETS
        if good <= look.fails_at:
            return FAILS
        return None

    def interval(self, good: int, nights: int) -> tuple[float, float]:
        """The bounds the verdict uses: the one-sided lower bound at the look's level, the upper at ``1 -
        futility`` (1.0 without an early fail)."""
        look = self.look(nights)
        low = lower_bound(good, nights, look.level)
        high = upper_bound(good, nights, 1.0 - self.futility) if self.futility > 0 else 1.0
        return low, high

    def operating(self, p: float) -> tuple[float, float, float]:
        """Exactly, for a fleet whose true share is ``p``: P(meets), P(fails early) and the mean nights spent."""
        step = binom_pmf(self.batch, p)
        alive = np.array([1.0])
        meets = early = nights = 0.0
        for look in self.looks:
            nights += self.batch * float(alive.sum())
            dist = np.convolve(alive, step)
            meets += float(dist[look.meets_at:].sum())
            stop_fail = float(dist[:look.fails_at + 1].sum()) if look.fails_at >= 0 else 0.0
            if look.nights < self.max_nights:
                early += stop_fail
            alive = dist.copy()
            alive[look.meets_at:] = 0.0
            if look.fails_at >= 0:
                alive[:look.fails_at + 1] = 0.0
        return meets, early, nights

    def describe(self, lang: str = "en") -> str:
        """The rule in one sentence, for the planner's files."""
        name = {"obrien_fleming": ("O'Brien-Fleming", "O'Brien-Fleming 型"), "pocock": ("Pocock", "Pocock 型")}
        return text("fleet.rule_describe", lang, batch=self.batch, looks=self.max_batches, nights=self.max_nights,
                    alpha=f"{self.alpha:.0%}", spending=name[self.spending][0], spending_zh=name[self.spending][1],
                    upper=f"{1 - self.futility:.0%}")


def fixed_sample_bound(nights: int, target: float, alpha: float) -> int:
    """The fixed-sample one-sided exact test: the fewest good nights of ``nights`` that show ``p >= target`` at
    error ``alpha`` (``nights + 1``: none)."""
    tail = binom_tail(nights, target)
    ok = np.nonzero(tail <= alpha)[0]
    return int(ok[0]) if len(ok) else nights + 1


def binom_pmf(n: int, p: float) -> np.ndarray:
    """P(X = x), x = 0..n, for X ~ Binomial(n, p), from log-gamma (no overflow for large n)."""
    x = np.arange(n + 1)
    if p <= 0.0 or p >= 1.0:
        out = np.zeros(n + 1)
        out[0 if p <= 0.0 else n] = 1.0
        return out
    logc = np.array([math.lgamma(n + 1) - math.lgamma(i + 1) - math.lgamma(n - i + 1) for i in range(n + 1)])
    return np.exp(logc + x * math.log(p) + (n - x) * math.log1p(-p))


def binom_tail(n: int, p: float) -> np.ndarray:
    """P(X >= c), c = 0..n + 1 (the last is 0)."""
    return np.append(np.cumsum(binom_pmf(n, p)[::-1])[::-1], 0.0)


def lower_bound(good: int, nights: int, level: float) -> float:
    """The one-sided Clopper-Pearson lower bound of a binomial share: the p at which P(X >= good) = 1 - level."""
    if nights <= 0 or good <= 0:
        return 0.0
    a = 1.0 - level
    if a <= 0.0:
        return 0.0
    return _solve(lambda p: 1.0 - _binom_cdf(good - 1, nights, p) - a)


def upper_bound(good: int, nights: int, level: float) -> float:
    """The one-sided Clopper-Pearson upper bound: the p at which P(X <= good) = 1 - level."""
    if nights <= 0 or good >= nights:
        return 1.0
    return _solve(lambda p: (1.0 - level) - _binom_cdf(good, nights, p))


def clopper_pearson(good: int, nights: int, level: float = 0.95) -> tuple[float, float]:
    """The exact (Clopper-Pearson) two-sided interval of a binomial share."""
    if nights <= 0:
        return 0.0, 1.0
    one_sided = 1.0 - (1.0 - level) / 2.0
    return lower_bound(good, nights, one_sided), upper_bound(good, nights, one_sided)


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
    """The root in [0, 1] of an increasing function, by bisection to 1e-12."""
    lo, hi = 0.0, 1.0
    for _ in range(45):
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
    z = NormalDist().inv_cdf(0.5 + level / 2.0)
    p = good / nights
    centre = (p + z * z / (2 * nights)) / (1 + z * z / nights)
    half = z * math.sqrt(p * (1 - p) / nights + z * z / (4 * nights * nights)) / (1 + z * z / nights)
    low = 0.0 if good == 0 else max(0.0, centre - half)
    high = 1.0 if good == nights else min(1.0, centre + half)
    return low, high
