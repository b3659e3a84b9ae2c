"""Travel times of one night: the planned minutes of each leg times three lognormal factors, each of mean 1.

    leg minutes = planned x F_night x F_district(leg) x F_leg(from, to)

``F_night`` is shared by every leg of the replication (snow, an accident on the expressway), ``F_district`` by every
leg driving in one district (a leg's district is its stop's, the drive back its last stop's) and ``F_leg`` is the
leg's own noise, keyed by (from, to) so that two plans driving the same road see the same traffic. Their product has
the coefficient of variation ``travel.cv``; ``travel.night_share`` and ``travel.district_share`` split its
log-variance (``split_cv``). ``leg_covariance`` is the exact covariance this implies.
"""

from __future__ import annotations

import numpy as np

from sim.streams import Draws


def _sigma(cv: float) -> float:
    """The log-scale sigma of a mean-1 lognormal with coefficient of variation ``cv``."""
    return float(np.sqrt(np.log1p(cv ** 2)))


def split_cv(cv: float, night_share: float, district_share: float) -> tuple[float, float, float]:
    """(night_cv, district_cv, leg_cv) whose lognormal product has coefficient of variation ``cv``."""
    total = float(np.log1p(cv ** 2))

    def part(share: float) -> float:
        return float(np.sqrt(np.expm1(share * total)))

    return part(night_share), part(district_share), part(max(1.0 - night_share - district_share, 0.0))


def lognormal_factor(z: np.ndarray, cv: float) -> np.ndarray:
    """Mean-1 lognormal factors with coefficient of variation ``cv`` from standard normals ``z``."""
    s = _sigma(cv)
    return np.exp(s * z - s * s / 2)


def leg_factors(draws: Draws, train_key: np.ndarray, leg_keys: np.ndarray, leg_district: np.ndarray,
                district_keys: np.ndarray, cvs: tuple[float, float, float], random: bool = True) -> np.ndarray:
    """Factor per leg (multiply the planned minutes); ``cvs``: (night_cv, district_cv, cv). All 1 without
    randomness."""
    if not random or len(leg_keys) == 0:
        return np.ones(len(leg_keys))
    night_cv, district_cv, leg_cv = cvs
    f_night = lognormal_factor(draws.normal("travel", train_key, 0), night_cv)[0]
    f_district = lognormal_factor(draws.normal("travel", district_keys, 1), district_cv)
    f_leg = lognormal_factor(draws.normal("travel", leg_keys, 2), leg_cv)
    return f_night * f_district[leg_district] * f_leg


def leg_covariance(planned: np.ndarray, leg_district: np.ndarray, same_leg: np.ndarray,
                   cvs: tuple[float, float, float]) -> np.ndarray:
    """Covariance matrix of leg minutes: Cov(i, j) = t_i t_j ((1 + cn^2)(1 + cd^2)^[same district]
    (1 + cl^2)^[same road] - 1), ``same_leg[i, j]`` saying whether legs i and j are the same (from, to)."""
    night_cv, district_cv, leg_cv = cvs
    t = np.asarray(planned, dtype=float)
    same_d = leg_district[:, None] == leg_district[None, :]
    moment = (1 + night_cv ** 2) * np.where(same_d, 1 + district_cv ** 2, 1.0) * np.where(same_leg, 1 + leg_cv ** 2,
                                                                                          1.0)
    return np.outer(t, t) * (moment - 1)
