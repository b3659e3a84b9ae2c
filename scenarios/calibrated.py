"""The ``calibrated:`` section of a scenario: what the records of past nights said, written by ``calibrate``.

``labor-transfer calibrate`` writes a copy of the scenario whose train, station and travel values are the estimates
(the train's delay model, ``desk_service_s``, ``board_s_per_person``, ``travel.cv``, ``travel.night_share``), and
this section, which holds what has no home elsewhere and says where the numbers came from:

- ``district_factors``: per district, how much slower (> 1) or faster (< 1) its roads are at night than the travel
  model says. A leg's planned minutes are multiplied by the mean of the factors of the districts of its two ends
  (the station counts as the district of the nearest centre); districts not named keep 1. ``plan``, ``simulate``
  and ``fleet`` read them through the travel model, so a calibrated scenario plans and simulates with them.
- ``nights``: the records the estimates come from; ``method``: how they were made (with its reference);
  ``estimates``: each estimate with its standard error and 90% interval, as text for people.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from scenarios.errors import require

#: A calibrated district factor lies in this range (a district three times slower than the model is a data error).
FACTOR_RANGE = (0.3, 3.0)


@dataclass(frozen=True)
class Calibrated:
    """Estimates from the records of past nights (see the module docstring)."""

    nights: tuple[str, ...] = ()
    method: str = ""
    district_factors: dict[str, float] = field(default_factory=dict)
    estimates: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        lo, hi = FACTOR_RANGE
        for name, value in self.district_factors.items():
            require(lo <= value <= hi, f"district_factors.{name}", "calibrated.factor", lo=lo, hi=hi, value=value)


def nearest_district(lat: float, lon: float, centres: np.ndarray, ids: Sequence[str]) -> str:
    """The id of the district whose centre (rows of (lat, lon)) is nearest to (lat, lon) ("" without centres)."""
    if len(ids) == 0 or not np.isfinite([lat, lon]).all():
        return ""
    scale = np.array([1.0, np.cos(np.radians(lat))])
    d2 = (((centres - np.array([lat, lon])) * scale) ** 2).sum(axis=1)
    return str(ids[int(np.nanargmin(d2))])


def leg_factors(from_districts: Sequence[str], to_districts: Sequence[str],
                factors: dict[str, float]) -> np.ndarray:
    """(origins, destinations) multipliers: the mean of the two ends' district factors (1 for a district not named)."""
    a = np.array([factors.get(d, 1.0) for d in from_districts], dtype=float)
    b = np.array([factors.get(d, 1.0) for d in to_districts], dtype=float)
    return (a[:, None] + b[None, :]) / 2.0
