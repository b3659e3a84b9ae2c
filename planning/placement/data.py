"""The scenario's numbers the placement model needs, as plain dicts, and the points of one placed worker."""

from __future__ import annotations

import weakref
from collections import defaultdict
from dataclasses import dataclass

import numpy as np

from planning.placement.weights import Weights
from scenarios.scenario import Scenario


@dataclass(frozen=True, eq=False)
class Data:
    """Plain arrays of the scenario the model needs."""

    jobs: list[str]
    basic_job: str
    ent_ids: list[str]
    ent_district: dict[str, str]
    hours: dict[str, float]
    posts: dict[tuple[str, str], int]  # (enterprise, job) -> posts > 0
    district_posts: dict[tuple[str, str], int]  # (district, job) -> posts > 0
    beds: dict[tuple[str, str], int]  # (enterprise, gender) -> cap >= 0
    quotas: dict[str, int]


#: Each scenario's Data, made once: one placement asks for it four times (model, read-back, reasons, away).
_MADE: weakref.WeakKeyDictionary[Scenario, Data] = weakref.WeakKeyDictionary()


def scenario_data(sc: Scenario) -> Data:
    """The scenario's placement numbers, built once per scenario object (a Scenario is frozen; Data is read-only)."""
    made = _MADE.get(sc)
    if made is None:
        made = _MADE[sc] = _scenario_data(sc)
    return made


def _scenario_data(sc: Scenario) -> Data:
    e = sc.enterprises
    jobs = list(sc.jobs)
    ids = [str(i) for i in e.index]
    minutes, _ = sc.travel_model.from_station(ids)
    posts = {}
    district_posts: dict[tuple[str, str], int] = defaultdict(int)
    districts = [str(d) for d in e["district"].tolist()]
    for j in jobs:
        col = e[f"posts_{j}"].to_numpy()
        for k in np.flatnonzero(col > 0).tolist():
            n = int(col[k])
            posts[(ids[k], j)] = n
            district_posts[(districts[k], j)] += n
    beds = {}
    for gender, col in (("F", "max_female"), ("M", "max_male")):
        for eid, cap in zip(ids, e[col].tolist(), strict=True):
            if cap >= 0:
                beds[(eid, gender)] = int(cap)
    return Data(jobs=jobs, basic_job=jobs[0], ent_ids=ids, ent_district=dict(zip(ids, e["district"], strict=True)),
                hours=dict(zip(ids, (np.asarray(minutes) / 60.0).tolist(), strict=True)), posts=posts,
                district_posts=dict(district_posts), beds=beds, quotas=dict(sc.policy.district_quotas))


def person_points(weights: Weights, data: Data, skills_job: str, wish_district: str, wish_job: str,
                  district: str) -> float:
    """Points of one placed worker (without the ride and returning terms)."""
    points = weights.placed
    if wish_district and district == wish_district:
        points += weights.wish_district
    if wish_job and skills_job == wish_job:
        points += weights.wish_job
    if skills_job != data.basic_job:
        points += weights.skill
    return points


#: With ``near``, a city with more (enterprise, job) posts than this gives each district's posts of a job only the
#: nearest enterprises that can take every worker who could compete for them (``nearest``). Measured on the stress
#: season (3,750 enterprises, ~10,000 such posts): the model shrinks from ~11,000 variables to 2,000-5,000 and its
#: solve takes a third of the CPU; the bundled season (1,804) stays below, so its plans are what they were.
NEAR_ABOVE = 5_000


def nearest(options: list[str], data: Data, job: str, gender: str, rivals: int) -> set[str]:
    """The enterprises of ``options`` nearest the station (ties: in ``options``' order) whose free room for one
    more worker of ``job`` and ``gender`` (posts, and beds when capped) adds up to at least ``rivals``.

    Exact: in any solution a worker of (job, gender) sent farther can be moved to one of these without a worse
    score (a nearer ride; same district, job and gender, so quota and village terms unchanged), since the at most
    ``rivals - 1`` others who could take their posts or beds leave one of them room. All of ``options`` when their
    room falls short.
    """
    order = sorted(range(len(options)), key=lambda k: (data.hours[options[k]], k))
    kept, room = set(), 0
    for k in order:
        if room >= rivals:
            break
        e = options[k]
        kept.add(e)
        room += min(data.posts[(e, job)], data.beds.get((e, gender), data.posts[(e, job)]))
    return kept
