"""Range checks for the parameter sections, and the sane upper bounds of counts, written down once.

Beyond a bound a value is a typo, not a plan. The bounds leave room for the synthetic cities of
``python -m scenarios.bundled city`` (50,000 workers and more on one stand-in "train" of 75-seat cars), so they are
looser than any real train or depot.
"""

from __future__ import annotations

import math
from zoneinfo import ZoneInfo

from scenarios.errors import require, shown

#: Cars of the train (a real one has up to about 20; a synthetic city of 75,000 workers needs 1,000).
MAX_CARS = 1000
#: Seats per train car (hard-seat and double-deck cars hold up to about 150).
MAX_SEATS_PER_CAR = 200
#: Doors per train car.
MAX_DOORS_PER_CAR = 8
#: Passenger seats of one coach or other vehicle (the largest double-deck coaches seat about 90).
MAX_VEHICLE_SEATS = 100
#: Coaches of one type in the fleet.
MAX_COACHES = 10_000
#: Workers a roster generator may make.
MAX_WORKERS = 200_000
#: Posts of one job type, or dormitory beds of one gender, at one enterprise.
MAX_PER_ENTERPRISE = 100_000
#: Whole numbers in CSV cells must fit in 64 bits (pandas' int64); anything larger is out of range.
MAX_INT64 = 2**63 - 1


def positive(value: float, name: str) -> None:
    """A finite number > 0."""
    require(
        isinstance(value, int | float) and math.isfinite(value) and value > 0,
        name,
        "num.positive",
        value=repr(value),
    )


def non_negative(value: float, name: str) -> None:
    """A finite number >= 0."""
    require(
        isinstance(value, int | float) and math.isfinite(value) and value >= 0,
        name,
        "num.non_negative",
        value=repr(value),
    )


def share(value: float, name: str) -> None:
    """A share in [0, 1]."""
    require(isinstance(value, int | float) and 0.0 <= value <= 1.0, name, "num.share", value=repr(value))


def range_pair(pair: tuple[float, float], name: str) -> None:
    """[low, high] with 0 <= low <= high."""
    require(
        len(pair) == 2 and 0 <= pair[0] <= pair[1],
        name,
        "num.range_pair",
        value=repr(list(pair)),
    )


def whole(value: int, name: str, low: int, high: int, fix: str | None = None) -> None:
    """A whole number in [low, high]; the message states both bounds."""
    require(low <= value <= high, name, "num.whole_range", fix, low=low, high=high, value=shown(value))


def known_zone(name: str) -> bool:
    """True for an IANA time zone this machine can load; Asia/Shanghai always (tzdata may be absent)."""
    if name == "Asia/Shanghai":
        return True
    try:
        ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError; ValueError for malformed keys
        return False
    return True
