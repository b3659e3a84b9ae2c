"""Scores of (seeker, post) pairs, vectorised: what a seeker sees in a post, what an employer sees in a seeker.

``Market`` holds a season as arrays (seekers and posts by position); ``seeker_score``, ``post_score`` and
``acceptable`` take arrays of seeker and post positions of equal length (or broadcastable ones: a column of seekers
against a row of posts) and never loop in Python. ``true_score`` is the generator's hidden truth, for tests and
benchmarks only.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from planning.match.policy import MatchPolicy
from scenarios.fair.model import FairScenario
from scenarios.fair.noise import pair_normal, pair_uniform

EARTH_KM = 6371.0


def _km(lat1: np.ndarray, lon1: np.ndarray, lat2: np.ndarray, lon2: np.ndarray) -> np.ndarray:
    """Great-circle distance, km."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dp, dl = p2 - p1, np.radians(lon2 - lon1)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    return 2 * EARTH_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1)))


@dataclass(frozen=True)
class Market:
    """A season as arrays: seekers and posts by position, codes and districts as small integers."""

    seeker_ids: np.ndarray
    post_ids: np.ndarray
    code_names: np.ndarray
    district_ids: np.ndarray
    # seekers
    codes: list[np.ndarray]  # per seeker, its code numbers (what they want first)
    first_code: np.ndarray
    floor: np.ndarray
    age: np.ndarray
    certs: np.ndarray
    years: np.ndarray
    dorm_wanted: np.ndarray
    no_nights: np.ndarray
    near_km: np.ndarray  # seeker x district: km from the nearest wished district's centre
    bonus: np.ndarray
    group: np.ndarray  # group number, -1 alone
    # posts
    post_code: np.ndarray
    post_district: np.ndarray
    enterprise: np.ndarray  # enterprise number
    places: np.ndarray
    mid: np.ndarray
    wage_high: np.ndarray
    off_km: np.ndarray  # km from the post to its district's centre
    has_dorm: np.ndarray
    shift: np.ndarray
    cert_req: np.ndarray
    years_req: np.ndarray
    age_min: np.ndarray
    age_max: np.ndarray

    @property
    def n_seekers(self) -> int:
        return len(self.seeker_ids)

    @property
    def n_posts(self) -> int:
        return len(self.post_ids)


def market(sc: FairScenario, policy: MatchPolicy) -> Market:
    """The arrays of a season."""
    seekers, posts, districts = sc.seekers, sc.posts, sc.districts
    code_names = np.array(sorted(set(posts["code"]) | {c for cs in seekers["codes"] for c in cs}))
    code_no = {c: k for k, c in enumerate(code_names)}
    d_ids = districts.index.to_numpy().astype(str)
    d_no = {d: k for k, d in enumerate(d_ids)}
    lat, lon = districts["lat"].to_numpy(float), districts["lon"].to_numpy(float)
    centre = _km(lat[:, None], lon[:, None], lat[None, :], lon[None, :])
    wished = np.zeros((len(seekers), len(d_ids)), dtype=bool)
    for s, ds in enumerate(seekers["district_ids"]):
        wished[s, [d_no[d] for d in ds]] = True
    near = np.where(wished[:, :, None], centre[None, :, :], np.inf).min(axis=1)
    post_d = posts["district"].map(d_no).to_numpy(np.int16)
    groups = seekers["group"].astype(str)
    group_no = pd.factorize(groups.where(groups != "", None), sort=True)[0]
    bonus = seekers["home"].astype(str).map(lambda h: float(policy.home_bonus.get(h, 0.0))).to_numpy(float)
    return Market(
        seeker_ids=seekers.index.to_numpy().astype(str), post_ids=posts.index.to_numpy().astype(str),
        code_names=code_names, district_ids=d_ids,
        codes=[np.array([code_no[c] for c in cs], dtype=np.int32) for cs in seekers["codes"]],
        first_code=np.array([code_no[cs[0]] for cs in seekers["codes"]], dtype=np.int32),
        floor=seekers["wage_floor"].to_numpy(np.float32), age=seekers["age"].to_numpy(np.int16),
        certs=seekers["certs"].to_numpy(np.uint8), years=seekers["years"].to_numpy(np.float32),
        dorm_wanted=seekers["dorm_wanted"].to_numpy(bool), no_nights=seekers["no_nights"].to_numpy(bool),
        near_km=near.astype(np.float32), bonus=bonus.astype(np.float32), group=group_no.astype(np.int32),
        post_code=posts["code"].map(code_no).to_numpy(np.int32), post_district=post_d,
        enterprise=pd.factorize(posts["enterprise"].astype(str), sort=True)[0].astype(np.int32),
        places=posts["places"].to_numpy(np.int32),
        mid=((posts["wage_low"] + posts["wage_high"]) / 2).to_numpy(np.float32),
        wage_high=posts["wage_high"].to_numpy(np.float32),
        off_km=_km(posts["lat"].to_numpy(float), posts["lon"].to_numpy(float), lat[post_d], lon[post_d]).astype(
            np.float32),
        has_dorm=posts["has_dorm"].to_numpy(bool), shift=posts["shift_code"].to_numpy(np.int8),
        cert_req=posts["cert_req"].to_numpy(np.uint8), years_req=posts["years_req"].to_numpy(np.float32),
        age_min=posts["age_min"].to_numpy(np.int16), age_max=posts["age_max"].to_numpy(np.int16),
    )


def km(m: Market, s: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Km from the seeker's nearest wished district centre to the post (through the post's district centre)."""
    return m.near_km[s, m.post_district[p]] + m.off_km[p]


def acceptable(m: Market, s: np.ndarray, p: np.ndarray) -> np.ndarray:
    """The post pays the seeker's floor, takes their age, and they hold its required certificates."""
    age = m.age[s]
    return ((m.wage_high[p] >= m.floor[s]) & ((age == 0) | ((age >= m.age_min[p]) & (age <= m.age_max[p])))
            & ((m.cert_req[p] & ~m.certs[s]) == 0))


def seeker_score(m: Market, s: np.ndarray, p: np.ndarray, w: MatchPolicy) -> np.ndarray:
    """What the seeker sees in the post (see ``MatchPolicy``)."""
    return (np.float32(w.wage / 1000) * (m.mid[p] - m.floor[s]) - np.float32(w.km / 10) * km(m, s, p)
            + np.float32(w.dorm) * (m.dorm_wanted[s] & m.has_dorm[p])
            - np.float32(w.night) * (m.no_nights[s] & (m.shift[p] > 0))
            + np.float32(w.wish) * (m.first_code[s] == m.post_code[p]))


def post_score(m: Market, s: np.ndarray, p: np.ndarray, w: MatchPolicy) -> np.ndarray:
    """What the employer sees in the seeker; strict (a keyed tie-break below 0.01)."""
    extra = np.unpackbits((m.certs[s] & ~m.cert_req[p])[:, None], axis=1).sum(axis=1)
    tie = pair_uniform(w.seed, s, p, 7).astype(np.float32) * np.float32(0.01)
    return (np.float32(w.years) * np.minimum(m.years[s], 5) + np.float32(w.skill) * (m.first_code[s] == m.post_code[p])
            + np.float32(0.2) * extra + m.bonus[s] + tie)


def true_score(m: Market, sc: FairScenario, s: np.ndarray, p: np.ndarray, noise: bool = True) -> np.ndarray:
    """The seeker's hidden true utility of the post (generated seasons only); ``noise=False``: without the pair's
    own noise (what the seeker's hidden weights alone say, a bound on what any score of the form can know)."""
    truth = sc.truth
    if truth is None:
        raise ValueError("Expected a generated season (with its truth); this one was read from files.")
    w = truth.weights
    code_no = {c: k for k, c in enumerate(m.code_names)}
    has = np.zeros((m.n_seekers, len(m.code_names)), dtype=bool)
    for i, cs in enumerate(truth.codes):
        has[i, [code_no[c] for c in cs if c in code_no]] = True
    return (w["wage_w"].to_numpy()[s] * (m.mid[p] - w["floor"].to_numpy()[s]) / 1000
            - w["km_w"].to_numpy()[s] * km(m, s, p) / 10 + w["dorm_w"].to_numpy()[s] * m.has_dorm[p]
            - w["night_w"].to_numpy()[s] * (m.shift[p] > 0) + 1.0 * has[s, m.post_code[p]]
            + (truth.noise_sd * pair_normal(truth.noise_seed, s, p) if noise else 0.0))
