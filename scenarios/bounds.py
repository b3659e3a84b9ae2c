"""The bounds of every number in a scenario's parameter sections, each with its reason, checked in one place.

``check`` promises that ``simulate`` and ``plan`` will not ask for absurd memory or time: the simulation's clock,
its crowd grid (one row per minute of the night) and the routing model's numbers all grow with these values, and
``road_factor: 1e11`` once asked for 133 GiB. Each bound is far beyond any real night (so that a planner never meets
one by accident) and close enough that the worst case stays small; the reason says which. The cross-checks that
combine several fields (the length of the night, the delay's tail) are in ``scenarios.validate``.

Every numeric field of the dataclasses in ``scenarios.model`` has an entry here (a test checks that a new field
gets one); each dataclass calls ``check_fields(self)`` at the end of its ``__post_init__``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import typing
from dataclasses import dataclass
from typing import Any

from scenarios.errors import FieldError, shown
from scenarios.ranges import (
    MAX_CARS,
    MAX_COACHES,
    MAX_DOORS_PER_CAR,
    MAX_SEATS_PER_CAR,
    MAX_VEHICLE_SEATS,
    MAX_WORKERS,
)

#: Minutes in a day: the natural scale of "one night".
DAY_MIN = 24 * 60


@dataclass(frozen=True)
class Bound:
    """``low <= value <= high`` (``low < value`` when not ``low_inclusive``), in ``unit``, for ``reason``."""

    low: float
    high: float
    unit: str
    reason: str
    low_inclusive: bool = True

    def admits(self, value: float) -> bool:
        above = value >= self.low if self.low_inclusive else value > self.low
        return above and value <= self.high


def _n(x: float) -> str:
    if isinstance(x, int):
        return f"{x:,}"
    return f"{int(x):,}" if x.is_integer() and abs(x) < 1e15 else f"{x:g}"


SHARE = Bound(0, 1, "", "a share")
MINUTES_A_DAY = Bound(0, DAY_MIN, "minutes", "a day; beyond it the night is another night")

FIELD_BOUNDS: dict[str, dict[str, Bound]] = {
    "Meta": {
        "seed": Bound(0, 2**63 - 1, "", "seeds are kept as 64-bit numbers in plans and tables"),
    },
    "TrainDelay": {
        "p_on_time": SHARE,
        "on_time_max_min": Bound(0, 60, "minutes", "a train more than an hour behind is late, not on time"),
        "late_median_min": Bound(0.5, 720, "minutes", "half a day; under half a minute a train is not late"),
        "late_p95_min": Bound(0.5, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
        "fixed_min": Bound(0, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
    },
    "Train": {
        "cars": Bound(1, MAX_CARS, "", "a real train has up to about 20 cars; a synthetic city of 75,000 needs 1,000"),
        "seats_per_car": Bound(1, MAX_SEATS_PER_CAR, "", "hard-seat and double-deck cars hold up to about 150"),
        "doors_per_car": Bound(1, MAX_DOORS_PER_CAR, "", "a car has 2 to 4 doors"),
        "delay_min": Bound(0, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
        "distance_km": Bound(0, 10_000, "km", "longer than any rail journey in China (about 4,500 km)"),
        "duration_h": Bound(0, 120, "hours", "the longest train journeys in China take about two days"),
    },
    "CoachType": {
        "seats": Bound(1, MAX_VEHICLE_SEATS, "", "the largest double-deck coaches seat about 90"),
        "count": Bound(
            0, MAX_COACHES, "", "more coaches than any city's depots; the routing model grows with the fleet"
        ),
        "fixed_cost": Bound(0, 1_000_000, "CNY", "a coach for a night costs a few thousand yuan"),
        "cost_per_km": Bound(0, 1_000, "CNY per km", "a coach costs a few yuan per km"),
    },
    "Station": {
        "lat": Bound(-90, 90, "degrees", "a latitude"),
        "lon": Bound(-180, 180, "degrees", "a longitude"),
        "walk_m": Bound(0, 5_000, "m", "the longest walk through a station is under 2 km"),
        "walk_speed_mps": Bound(0.2, 3, "m/s", "from a slow shuffle with luggage to a run"),
        "alight_s_per_person": Bound(0, 120, "seconds", "two minutes per person at one door is a queue, not a step"),
        "welcome_min": Bound(0, 240, "minutes", "a welcome ceremony of four hours"),
        "desks": Bound(1, 1_000, "", "one gift-pack desk per few hundred workers is usual"),
        "desk_service_s": Bound(0, 600, "seconds", "ten minutes to hand over a gift pack and tick a name"),
        "bays": Bound(1, 500, "", "a station forecourt has a handful of coach bays"),
        "board_s_per_person": Bound(0, 120, "seconds", "two minutes per person to board with luggage"),
    },
    "Travel": {
        "road_factor": Bound(1, 5, "", "roads are 1.1 to 1.6 times the straight line; 5 is a detour round a bay"),
        "urban_kmh": Bound(5, 130, "km/h", "from walking pace to above the 120 km/h expressway limit"),
        "suburban_kmh": Bound(5, 130, "km/h", "from walking pace to above the 120 km/h expressway limit"),
        "expressway_kmh": Bound(5, 130, "km/h", "from walking pace to above the 120 km/h expressway limit"),
        "urban_km": Bound(0, 500, "km", "enterprises lie within 250 km of the station"),
        "suburban_km": Bound(0, 500, "km", "enterprises lie within 250 km of the station"),
        "cv": Bound(
            0, 1, "", "night travel times vary by 10% to 50%; above 1 the rare legs run to dozens of times plan"
        ),
    },
    "Policy": {
        "max_stops": Bound(1, 30, "", "a coach makes a few stops; past 30 it is a bus line"),
        "max_ride_min": Bound(0, DAY_MIN, "minutes", "a day", low_inclusive=False),
        "max_coach_wait_min": Bound(0, 720, "minutes", "half a day", low_inclusive=False),
        "district_quotas": Bound(0, MAX_WORKERS, "workers", "more than the largest roster (200,000 workers)"),
    },
    "WorkerGenerator": {
        "count": Bound(1, MAX_WORKERS, "", "the largest roster the toolkit is sized for"),
        "county_shares": SHARE,
        "returning_share": SHARE,
        "under40_share": SHARE,
        "female_share": SHARE,
        "skill_shares": SHARE,
        "wish_share": SHARE,
        "villages_per_county": Bound(1, 1_000, "", "a county has a few hundred villages"),
    },
}


def _numbers(name: str, value: Any) -> list[tuple[str, Any]]:
    """(label, number) for a field holding a number, None, a tuple of numbers or a mapping to numbers."""
    if value is None:
        return []
    if isinstance(value, tuple):
        return [(f"{name}[{i}]", v) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return [(f"{name}.{k}", v) for k, v in value.items()]
    return [(name, value)]


def check_fields(obj: Any) -> None:
    """Check every bounded field of the dataclass ``obj``; raise FieldError naming the field, bound and reason."""
    bounds = FIELD_BOUNDS.get(type(obj).__name__, {})
    hints = _hints(type(obj))
    for f in dataclasses.fields(obj):
        bound = bounds.get(f.name)
        if bound is None:
            continue
        whole = "int" in hints[f.name] and "float" not in hints[f.name]
        for label, value in _numbers(f.name, getattr(obj, f.name)):
            check_number(value, label, bound, whole)


@functools.cache
def _hints(cls: type) -> dict[str, str]:
    return {name: str(hint) for name, hint in typing.get_type_hints(cls).items()}


def check_number(value: Any, label: str, bound: Bound, whole: bool = False) -> None:
    """One number within ``bound``, else FieldError: 'expected a number from 0 to 1,440 minutes, got 1e+308 (...)'."""
    kind = "a whole number" if whole else "a number"
    ok = (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and (not whole or isinstance(value, int))
        and math.isfinite(float(value) if abs(value) < 1e300 else math.inf)
        and bound.admits(value)
    )
    if ok:
        return
    unit = f" {bound.unit}" if bound.unit else ""
    span = (
        f"from {_n(bound.low)} to {_n(bound.high)}{unit}"
        if bound.low_inclusive
        else f"above {_n(bound.low)} and at most {_n(bound.high)}{unit}"
    )
    raise FieldError(label, f"expected {kind} {span}, got {shown(value)} ({bound.reason}).")


#: The standard normal quantile of one in a million.
Z_ONE_IN_A_MILLION = 4.753424308822899
#: The train's one-in-a-million delay may be at most this (a week; the simulated night and its charts span it).
MAX_RARE_DELAY_MIN = 7 * DAY_MIN


def rare_delay_min(median: float, p95: float) -> float:
    """The one-in-a-million late delay of the lognormal with this median and 95th percentile, in minutes."""
    sigma = math.log(p95 / median) / 1.6448536269514722
    return median * math.exp(min(sigma * Z_ONE_IN_A_MILLION, 700.0))


def check_delay_tail(median: float, p95: float) -> None:
    """The late delay's one-in-a-million draw stays within MAX_RARE_DELAY_MIN (a heavy tail is a typo, not a risk)."""
    rare = rare_delay_min(median, p95)
    if rare > MAX_RARE_DELAY_MIN:
        raise FieldError(
            "late_p95_min",
            f"with a median of {_n(median)} min, a 95th percentile of {_n(p95)} min makes one train in a million "
            f"{rare / DAY_MIN:,.0f} days late (the limit is {MAX_RARE_DELAY_MIN // DAY_MIN} days).",
            "bring late_p95_min closer to late_median_min (at most about 20 times it).",
        )
