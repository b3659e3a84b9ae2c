"""The scenario's numbers the placement model needs, as plain dicts, and the points of one placed worker."""

from __future__ import annotations

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


def scenario_data(sc: Scenario) -> Data:
    e = sc.enterprises
    jobs = list(sc.jobs)
    ids = [str(i) for i in e.index]
    minutes, _ = sc.travel_model.from_station(ids)
    posts = {}
    district_posts: dict[tuple[str, str], int] = defaultdict(int)
    for j in jobs:
        col = e[f"posts_{j}"].to_numpy()
        for k in np.flatnonzero(col > 0):
            posts[(ids[k], j)] = int(col[k])
            district_posts[(str(e["district"].iat[k]), j)] += int(col[k])
    beds = {}
    for gender, col in (("F", "max_female"), ("M", "max_male")):
        for eid, cap in zip(ids, e[col], strict=True):
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
