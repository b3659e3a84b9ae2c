"""The weights of the placement score: what a planner gains per worker and pays per split village."""

from __future__ import annotations

import math
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Weights:
    """Points of the placement score (maximised).

    A placed worker earns ``placed``; on top of that ``returning`` at last year's employer, ``wish_district`` and
    ``wish_job`` when the wish is met, ``skill`` for a post of a job other than the scenario's basic (first) job,
    minus ``near_per_hour`` per hour of night ride from the station. Each village group pays ``village_district``
    for every district it is spread over beyond the first (and, when the policy keeps villagers in one enterprise,
    ``village_enterprise`` for every enterprise beyond the first). An unplaced worker earns nothing.
    """

    placed: float = 100.0
    returning: float = 1000.0
    wish_district: float = 20.0
    wish_job: float = 10.0
    skill: float = 3.0
    near_per_hour: float = 1.0
    village_district: float = 5.0
    village_enterprise: float = 2.0

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value >= 0):
                raise ValueError(f"Expected Weights.{f.name} >= 0, got {value!r}.")
