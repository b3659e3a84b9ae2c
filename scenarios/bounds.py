"""The bounds of every number in a scenario's parameter sections, each with its reason, checked in one place.

``check`` promises that ``simulate`` and ``plan`` will not ask for absurd memory or time: the simulation's clock,
its crowd grid (one row per minute of the night) and the routing model's numbers all grow with these values, and
``road_factor: 1e11`` once asked for 133 GiB. Each bound is far beyond any real night (so that a planner never meets
one by accident) and close enough that the worst case stays small; the reason says which. The cross-checks that
combine several fields (the length of the night, the delay's tail) are in ``scenarios.validate``.

Every numeric field of the dataclasses in ``scenarios.model`` and ``scenarios.policy`` has an entry here (a test
checks that a new field gets one); each dataclass calls ``check_fields(self)`` at the end of its ``__post_init__``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import typing
from dataclasses import dataclass
from typing import Any

from scenarios.errors import FieldError, Msg, shown
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
    """``low <= value <= high`` (``low < value`` when not ``low_inclusive``), in ``unit``, for ``reason``.

    ``reason`` and ``unit`` (empty for a plain number) name the catalog's ``bound.reason.<reason>`` and
    ``bound.unit.<unit>`` (``present.catalog.limits``), where each is written in English and Chinese.
    """

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


SHARE = Bound(0, 1, "", "share")
MINUTES_A_DAY = Bound(0, DAY_MIN, "minutes", "a_day_another_night")

FIELD_BOUNDS: dict[str, dict[str, Bound]] = {
    "Meta": {
        "seed": Bound(0, 2**63 - 1, "", "seed"),
    },
    "TrainDelay": {
        "p_on_time": SHARE,
        "on_time_max_min": Bound(0, 60, "minutes", "on_time"),
        "late_median_min": Bound(0.5, 720, "minutes", "late_median"),
        "late_p95_min": Bound(0.5, DAY_MIN, "minutes", "a_day_new_timetable"),
        "fixed_min": Bound(0, DAY_MIN, "minutes", "a_day_new_timetable"),
    },
    "Train": {
        "cars": Bound(1, MAX_CARS, "", "cars"),
        "seats_per_car": Bound(1, MAX_SEATS_PER_CAR, "", "seats_per_car"),
        "doors_per_car": Bound(1, MAX_DOORS_PER_CAR, "", "doors_per_car"),
        "delay_min": Bound(0, DAY_MIN, "minutes", "a_day_new_timetable"),
        "distance_km": Bound(0, 10_000, "km", "distance"),
        "duration_h": Bound(0, 120, "hours", "duration"),
    },
    "CoachType": {
        "seats": Bound(1, MAX_VEHICLE_SEATS, "", "coach_seats"),
        "count": Bound(0, MAX_COACHES, "", "coach_count"),
        "fixed_cost": Bound(0, 1_000_000, "cny", "fixed_cost"),
        "cost_per_km": Bound(0, 1_000, "cny_per_km", "cost_per_km"),
    },
    "Station": {
        "lat": Bound(-90, 90, "degrees", "lat"),
        "lon": Bound(-180, 180, "degrees", "lon"),
        "walk_m": Bound(0, 5_000, "m", "walk"),
        "walk_speed_mps": Bound(0.2, 3, "m_per_s", "walk_speed"),
        "alight_s_per_person": Bound(0, 120, "seconds", "alight"),
        "welcome_min": Bound(0, 240, "minutes", "welcome"),
        "desks": Bound(1, 1_000, "", "desks"),
        "desk_service_s": Bound(0, 600, "seconds", "desk_service"),
        "bays": Bound(1, 500, "", "bays"),
        "board_s_per_person": Bound(0, 120, "seconds", "board"),
        "bay_pull_in_min": Bound(0, 60, "minutes", "bay_pull_in"),
        "bay_pull_out_min": Bound(0, 60, "minutes", "bay_pull_out"),
    },
    "Travel": {
        "road_factor": Bound(1, 5, "", "road_factor"),
        "urban_kmh": Bound(5, 130, "km_per_h", "speed"),
        "suburban_kmh": Bound(5, 130, "km_per_h", "speed"),
        "expressway_kmh": Bound(5, 130, "km_per_h", "speed"),
        "urban_km": Bound(0, 500, "km", "zone_km"),
        "suburban_km": Bound(0, 500, "km", "zone_km"),
        "cv": Bound(0, 1, "", "travel_cv"),
        "night_share": SHARE,
        "district_share": SHARE,
        "bias": Bound(0.5, 2, "", "bias"),
        "bias_cv": Bound(0, 0.5, "", "bias_cv"),
    },
    "Policy": {
        "max_stops": Bound(1, 30, "", "max_stops"),
        "max_ride_min": Bound(0, DAY_MIN, "minutes", "a_day", low_inclusive=False),
        "max_coach_wait_min": Bound(0, 720, "minutes", "half_a_day", low_inclusive=False),
        "max_station_wait_min": Bound(0, DAY_MIN, "minutes", "a_day", low_inclusive=False),
        "target_on_time": Bound(0, 1, "", "share", low_inclusive=False),
        "district_quotas": Bound(0, MAX_WORKERS, "workers", "quota"),
    },
    "LateTrain": {
        "p": SHARE,
        "median_min": Bound(0.5, DAY_MIN, "minutes", "a_day_new_timetable"),
        "p95_min": Bound(0.5, DAY_MIN, "minutes", "a_day_new_timetable"),
    },
    "CoachNoShow": {"p": SHARE, "notice_lead_min": MINUTES_A_DAY, "standby_delay_min": MINUTES_A_DAY,
                    "booked_standby_min": MINUTES_A_DAY},
    "CoachLate": {"p": SHARE, "mean_min": MINUTES_A_DAY, "p95_min": MINUTES_A_DAY},
    "MissedTrain": {"p_per_worker": SHARE},
    "WorkerGenerator": {
        "count": Bound(1, MAX_WORKERS, "", "roster"),
        "county_shares": SHARE,
        "returning_share": SHARE,
        "under40_share": SHARE,
        "female_share": SHARE,
        "skill_shares": SHARE,
        "wish_share": SHARE,
        "villages_per_county": Bound(1, 1_000, "", "villages"),
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
    ok = (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and (not whole or isinstance(value, int))
        and math.isfinite(float(value) if abs(value) < 1e300 else math.inf)
        and bound.admits(value)
    )
    if ok:
        return
    unit, unit_zh = "", ""
    if bound.unit:  # the English text puts a space before its unit, the Chinese one does not
        unit_zh = Msg(f"bound.unit.{bound.unit}")
        unit = f" {unit_zh}"
    span_msg = Msg("num.span" if bound.low_inclusive else "num.span_open", low=_n(bound.low), high=_n(bound.high),
                   unit=unit, unit_zh=unit_zh)
    raise FieldError(label, "num.bounded", kind=Msg("num.kind_whole" if whole else "num.kind_number"), span=span_msg,
                     value=shown(value), reason=Msg(f"bound.reason.{bound.reason}"))


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
        days, limit = f"{rare / DAY_MIN:,.0f}", MAX_RARE_DELAY_MIN // DAY_MIN
        raise FieldError("late_p95_min", "scenario.delay_tail", median=_n(median), p95=_n(p95), days=days,
                         limit=limit)
