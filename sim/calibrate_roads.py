"""Per-district travel factors and the variability of travel times, from the legs the records time.

Each timed leg (a coach leaving one place and reaching the next) gives y = log(actual / planned minutes), planned
by the scenario's travel model. The model, a linear mixed model on the log scale (Pinheiro & Bates 2000, ch. 2):

    y[n, l] = u[n] + log((f[A(l)] + f[B(l)]) / 2) + v[n, d(l)] + e[n, l]

with ``f`` the district factors (a leg's factor is the mean of its two ends' districts, as a calibrated scenario
applies them, ``scenarios.calibrated``), ``u[n] ~ N(-tau^2/2, tau^2)`` the night's effect, ``v`` the district's
luck that night and ``e`` the leg's own (the lognormal factors of ``sim.roads``, each of mean 1). ``f`` and the
nights' effects are fitted by Gauss-Newton least squares with the nights' effects centred (they average their
expectation); the variance components by the method of moments: ``sigma_e^2`` from the residuals, ``tau^2`` from the
spread of the nights' effects beyond their sampling error, ``sigma_v^2`` from the residual means per night and
district. One night cannot separate the night's effect from the factors nor estimate tau: the scenario's ``cv``
and its split (``night_share``, ``district_share``) are then kept (assumed, and said), and each factor's standard error
includes the night's and the district's luck it cannot average out: ``SE^2 = (J'J)^-1 sigma_e^2 + (tau^2 +
sigma_v^2) / nights``. The calibrated scenario is predictive: what the nights leave unknown of the roads' common
level (``tau^2 / nights`` on the log scale) becomes ``travel.bias_cv`` (the planner's error drawn once per season,
once per simulated night in a one-night simulation; ``travel.bias`` becomes 1, the factors hold the measured
level), and the rest of the factors' squared standard errors joins the district part of ``cv``, so a model
calibrated on a few nights spreads its nights by what those nights leave unknown too.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

#: Legs planned shorter than this many minutes are left out (a minute of timing error is too much of them).
MIN_PLANNED_MIN = 4.0


@dataclass(frozen=True)
class RoadFit:
    """District factors with standard errors, the variance components and what was assumed."""

    factors: dict[str, float]
    se: dict[str, float]
    legs: dict[str, int]
    tau2: float  # night-wide log-variance
    sigma_v2: float  # district-per-night log-variance
    sigma_e2: float  # the leg's own log-variance
    nights: int
    assumed_shares: bool  # True when tau2 and sigma_v2 come from the scenario's shares (one night)

    @property
    def level_var(self) -> float:
        """What the nights leave unknown of the roads' common level (the mean night effect), log-variance."""
        return self.tau2 / self.nights

    @property
    def factor_var(self) -> float:
        """What the nights leave unknown of a district's factor beyond the common level (mean squared standard
        error of the log factors, less ``level_var``)."""
        logs = [(self.se[d] / f) ** 2 for d, f in self.factors.items() if f > 0 and np.isfinite(self.se[d])]
        return max(float(np.mean(logs)) - self.level_var, 0.0) if logs else 0.0

    @property
    def _total(self) -> float:
        return self.tau2 + self.sigma_v2 + self.factor_var + self.sigma_e2

    @property
    def cv(self) -> float:
        """The predictive coefficient of variation of a leg: the luck of a night, a district and a leg, and the
        factors' own uncertainty beyond the common level (a district factor known to +-3% varies like a district's
        luck of 3% more)."""
        return float(np.sqrt(np.expm1(self._total)))

    @property
    def bias_cv(self) -> float:
        """The coefficient of variation of the roads' common level as the nights leave it (``travel.bias_cv``)."""
        return float(np.sqrt(np.expm1(self.level_var)))

    @property
    def night_share(self) -> float:
        return self.tau2 / self._total

    @property
    def district_share(self) -> float:
        return (self.sigma_v2 + self.factor_var) / self._total


def fit_roads(legs: pd.DataFrame, cv: float, night_share: float, district_share: float,
              iterations: int = 30) -> RoadFit:
    """Fit ``legs`` (columns night, from_district, to_district, district (of the stop driven to), planned, actual);
    ``cv`` and the shares are the scenario's, assumed for what one night cannot tell."""
    legs = legs[(legs["planned"] >= MIN_PLANNED_MIN) & (legs["actual"] > 0)].reset_index(drop=True)
    y = np.log(legs["actual"].to_numpy(dtype=float) / legs["planned"].to_numpy(dtype=float))
    districts = sorted(set(legs["from_district"]) | set(legs["to_district"]))
    di = {d: i for i, d in enumerate(districts)}
    nights = sorted(legs["night"].unique())
    ni = {n: i for i, n in enumerate(nights)}
    a = legs["from_district"].map(di).to_numpy()
    b = legs["to_district"].map(di).to_numpy()
    n = legs["night"].map(ni).to_numpy()
    k, N, L = len(districts), len(nights), len(y)
    theta = np.zeros(k)  # log factors
    alpha = np.zeros(N)  # nights' effects, centred
    centre = np.eye(N) - 1.0 / N  # alpha = centre @ beta keeps sum(alpha) = 0
    for _ in range(iterations):
        f = np.exp(theta)
        mean = (f[a] + f[b]) / 2.0
        r = y - alpha[n] - np.log(mean)
        J = np.zeros((L, k + N))
        np.add.at(J, (np.arange(L), a), f[a] / (2.0 * mean))
        np.add.at(J, (np.arange(L), b), f[b] / (2.0 * mean))
        J[np.arange(L), k + n] = 1.0
        T = np.zeros((k + N, k + N))
        T[:k, :k] = np.eye(k)
        T[k:, k:] = centre
        Jc = J @ T
        step, *_ = np.linalg.lstsq(Jc, r, rcond=None)
        step = T @ step
        theta += step[:k]
        alpha += step[k:]
        if np.max(np.abs(step)) < 1e-9:
            break
    f = np.exp(theta)
    resid = y - alpha[n] - np.log((f[a] + f[b]) / 2.0)
    dof = max(L - k - (N - 1), 1)
    sigma_e2 = float(resid @ resid / dof)
    cov_theta = np.linalg.pinv(Jc.T @ Jc)[:k, :k] * sigma_e2
    per_night = np.bincount(n, minlength=N)
    assumed = N < 2
    if assumed:
        total = float(np.log1p(cv ** 2))
        tau2, sigma_v2 = night_share * total, district_share * total
    else:
        tau2 = max(float(np.var(alpha, ddof=1)) - sigma_e2 * float(np.mean(1.0 / per_night)), 0.0)
        cells = pd.DataFrame({"night": n, "district": legs["district"].to_numpy(), "r": resid})
        g = cells.groupby(["night", "district"])["r"].agg(["mean", "size"])
        g = g[g["size"] >= 2]
        sigma_v2 = max(float((g["mean"] ** 2 - sigma_e2 / g["size"]).mean()) * N / (N - 1), 0.0) if len(g) else 0.0
    total = tau2 + sigma_v2 + sigma_e2
    factors = np.exp(theta + total / 2.0)  # mean-one lognormal luck: E[y] sits total/2 below log f
    se = np.sqrt(np.diag(cov_theta) + (tau2 + sigma_v2) / N) * factors
    count = np.bincount(a, minlength=k) + np.bincount(b, minlength=k)
    return RoadFit({d: float(factors[i]) for d, i in di.items()}, {d: float(se[i]) for d, i in di.items()},
                   {d: int(count[i]) for d, i in di.items()}, tau2, sigma_v2, sigma_e2, N, assumed)
