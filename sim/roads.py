"""Travel times of one night: the planned minutes of each leg times lognormal factors, each of mean 1.

    leg minutes = planned x B x F_night x F_district(leg) x F_place(from) x F_place(to) x F_road(from, to)

``B`` is the error of the planner's own times (``travel.bias``: lognormal with mean ``bias``, an estimate above 1,
and coefficient of variation ``bias_cv``), drawn once per season: shared by every leg of every night of a season
(``SimConfig.season_seed``), and in a one-night simulation drawn once per simulated night, so the night's risk
carries the uncertainty of the planner's times. ``F_night`` is the evening's luck, shared by every leg of every
arrival of that evening at that point (snow, an accident on the expressway): it is keyed by the evening, not by
the train, so two trains arriving together drive the same roads' night. ``F_district(leg)`` is
the mean of the factors of the districts the leg drives through, weighted by the share of its way in each
(``district_weights``: points on the straight line between its two places, each in the district of the nearest
district centre, the ends in their own place's district; an estimate, as the scenarios carry no road geometry): a
leg from the station to Pingdu spends part of its way on Chengyang's and Jiaozhou's roads, and shares that part of
their luck with every leg driving there. A leg inside one district gets its factor whole; a leg across several
averages theirs, so its coefficient of variation is a little below ``travel.cv``. The leg's own noise
is split between the two places it joins and the road between them: ``F_place(p)`` belongs to the streets around
place p (finding a dormitory's gate in the dark, a guard at the barrier, the narrow lanes of an industrial park,
the station's forecourt with twenty coaches leaving), shared by every leg that reaches or leaves p tonight, in any
plan; ``F_road`` is what is left, keyed by (from, to). So two plans that drive to the same enterprise from
different places share most of that leg's own luck, not only when they drive the very same road.

The factors multiply the whole leg: they split its coefficient of variation, not its minutes. Their product has the
coefficient of variation ``travel.cv``; ``travel.night_share`` and ``travel.district_share`` split its
log-variance, and the rest (the leg's own) goes ``PLACE_SHARE`` to each end and the remainder to the road between
(``split_cv``), for a leg in one district. ``PLACE_SHARE = 0.4`` is an estimate: at night the open road between two
places varies little, what varies leg by leg is mostly getting out of one place and into the next (0.4 + 0.4 + 0.2
of the leg's own log-variance). ``leg_covariance`` is the exact covariance this implies.
"""

from __future__ import annotations

import numpy as np

from sim.streams import Draws, key_hash

#: Share of a leg's own log-variance that belongs to each of its two places (estimate; see the module docstring).
PLACE_SHARE = 0.4
#: Points on a leg's straight line at which its district is looked up (the two ends count half each).
ALONG = 17
#: The key of the evening's luck (``F_night``) and of the season's error (``B``): one replication simulates one
#: evening at one arrival point, so one key for all its arrivals.
EVENING_KEY = key_hash(["evening"])
BIAS_KEY = key_hash(["travel_bias"])


def _sigma(cv: float) -> float:
    """The log-scale sigma of a mean-1 lognormal with coefficient of variation ``cv``."""
    return float(np.sqrt(np.log1p(cv ** 2)))


def split_cv(cv: float, night_share: float, district_share: float,
             place_share: float = PLACE_SHARE) -> tuple[float, float, float, float]:
    """(night_cv, district_cv, place_cv, road_cv) whose lognormal product night x district x place x place x road
    has coefficient of variation ``cv``: each place takes ``place_share`` of the leg's own log-variance."""
    total = float(np.log1p(cv ** 2))
    own = max(1.0 - night_share - district_share, 0.0)

    def part(share: float) -> float:
        return float(np.sqrt(np.expm1(share * total)))

    return part(night_share), part(district_share), part(place_share * own), part((1.0 - 2.0 * place_share) * own)


def district_weights(start: np.ndarray, end: np.ndarray, start_district: np.ndarray, end_district: np.ndarray,
                     centres: np.ndarray) -> np.ndarray:
    """Share of each leg's way in each district, shape (legs, districts), rows summing to 1. ``start``/``end``: the
    (lat, lon) of each leg's two places; ``start_district``/``end_district``: their districts' indices into
    ``centres`` (district centres, (lat, lon) rows), -1 for a place of no district (the station: its nearest
    centre). ``ALONG`` points on the straight line, each in the district of the nearest centre."""
    start, end, centres = (np.asarray(a, dtype=float).reshape(-1, 2) for a in (start, end, centres))
    t = np.linspace(0.0, 1.0, ALONG)
    pts = start[:, None, :] + t[None, :, None] * (end - start)[:, None, :]  # (legs, ALONG, 2)
    scale = np.array([1.0, np.cos(np.radians(centres[:, 0].mean()))]) if len(centres) else np.ones(2)
    d2 = (((pts[:, :, None, :] - centres[None, None, :, :]) * scale) ** 2).sum(axis=-1)
    nearest = np.where(np.isnan(d2).any(axis=-1), -1, np.nan_to_num(d2, nan=np.inf).argmin(axis=-1))
    nearest[:, 1:-1] = np.where(nearest[:, 1:-1] < 0, np.where(t[1:-1] < 0.5, np.asarray(start_district)[:, None],
                                                                np.asarray(end_district)[:, None]), nearest[:, 1:-1])
    for k, own in ((0, np.asarray(start_district)), (-1, np.asarray(end_district))):
        nearest[:, k] = np.where(own >= 0, own, nearest[:, k])
    w = np.full(ALONG, 1.0 / (ALONG - 1))
    w[[0, -1]] /= 2
    weights = np.zeros((len(start), len(centres)))
    np.add.at(weights, (np.repeat(np.arange(len(start)), ALONG), nearest.ravel()), np.tile(w, len(start)))
    return weights


def as_weights(leg_district: np.ndarray) -> np.ndarray:
    """District weights from one district index per leg (the leg all in that district), or weights unchanged."""
    d = np.asarray(leg_district)
    if d.ndim == 2:
        return np.asarray(d, dtype=float)  # no copy of float weights: this runs once per replication
    return np.eye(int(d.max()) + 1 if len(d) else 0)[d]


def lognormal_factor(z: np.ndarray, cv: float) -> np.ndarray:
    """Mean-1 lognormal factors with coefficient of variation ``cv`` from standard normals ``z``."""
    s = _sigma(cv)
    return np.exp(s * z - s * s / 2)


def bias_factor(season: Draws, bias: float, cv: float, random: bool = True) -> float:
    """The error of the planner's own times this replication (``B``): mean ``bias``, coefficient of variation
    ``cv``, from the season's draws (1 without randomness: the night as planned)."""
    if not random:
        return 1.0
    return float(bias * lognormal_factor(season.normal("travel", BIAS_KEY, 5), cv)[0])


def leg_factors(draws: Draws, train_key: np.ndarray, leg_keys: np.ndarray, leg_weights: np.ndarray,
                district_keys: np.ndarray, from_keys: np.ndarray, to_keys: np.ndarray,
                cvs: tuple[float, float, float, float], random: bool = True) -> np.ndarray:
    """Factor per leg (multiply the planned minutes). ``leg_keys``: the (from, to) key of each leg; ``leg_weights``:
    its share of way in each district of ``district_keys`` (``district_weights``, or one index per leg);
    ``from_keys`` and ``to_keys``: the keys of its two places (a place's factor is the same at either end); ``cvs``
    from ``split_cv``. All 1 without randomness."""
    if not random or len(leg_keys) == 0:
        return np.ones(len(leg_keys))
    night_cv, district_cv, place_cv, road_cv = cvs
    f_night = lognormal_factor(draws.normal("travel", train_key, 0), night_cv)[0]
    f_district = lognormal_factor(draws.normal("travel", district_keys, 1), district_cv)
    f_road = lognormal_factor(draws.normal("travel", leg_keys, 2), road_cv)
    f_from = lognormal_factor(draws.normal("travel", from_keys, 3), place_cv)
    f_to = lognormal_factor(draws.normal("travel", to_keys, 3), place_cv)
    return f_night * (as_weights(leg_weights) @ f_district) * f_from * f_to * f_road


def leg_covariance(planned: np.ndarray, leg_weights: np.ndarray, leg_from: np.ndarray, leg_to: np.ndarray,
                   cvs: tuple[float, float, float, float]) -> np.ndarray:
    """Covariance matrix of leg minutes: Cov(i, j) = t_i t_j ((1 + cn^2)(1 + cd^2 w_i . w_j)
    (1 + cp^2)^(places shared) (1 + cr^2)^[same road] - 1), with w the legs' district weights (or one district
    index per leg). ``leg_from``/``leg_to`` name each leg's places (a leg joins two different places, so legs share
    0, 1 or 2 of them); the same road is the same (from, to)."""
    night_cv, district_cv, place_cv, road_cv = cvs
    t = np.asarray(planned, dtype=float)
    a, b = np.asarray(leg_from), np.asarray(leg_to)
    w = as_weights(leg_weights)
    shared = (np.equal.outer(a, a).astype(int) + np.equal.outer(a, b) + np.equal.outer(b, a) + np.equal.outer(b, b))
    same_road = np.equal.outer(a, a) & np.equal.outer(b, b)
    moment = ((1 + night_cv ** 2) * (1 + district_cv ** 2 * (w @ w.T)) * (1 + place_cv ** 2) ** shared
              * np.where(same_road, 1 + road_cv ** 2, 1.0))
    return np.outer(t, t) * (moment - 1)
