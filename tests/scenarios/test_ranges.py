"""Range checks and bounds: loose enough for the synthetic cities, strict enough to catch typos."""

from __future__ import annotations

import math
from zoneinfo import ZoneInfoNotFoundError

import pytest

from scenarios import ranges
from scenarios.errors import FieldError
from scenarios.model import CoachType, Train


def test_bounds_admit_a_synthetic_city_of_50000_workers() -> None:
    """``python -m scenarios.bundled city --workers 50000`` puts them on one train of 75-seat cars."""
    Train(number="synthetic", origin="Dingxi", arrival="21:30", cars=math.ceil(50_000 / 75), seats_per_car=75)
    CoachType(seats=53, count=math.ceil(50_000 / 53 * 1.4))


def test_whole_names_both_bounds() -> None:
    with pytest.raises(FieldError, match=r"cars: expected a whole number from 1 to 1,000, got 1001\."):
        ranges.whole(1001, "cars", 1, 1000)


def test_time_zones(monkeypatch) -> None:
    assert ranges.known_zone("Asia/Shanghai")
    for bad in ("Mars/Olympus", "", "../etc/passwd", "Asia/Shang\x00hai"):
        assert not ranges.known_zone(bad)

    def no_tzdata(name: str) -> None:
        raise ZoneInfoNotFoundError(name)

    monkeypatch.setattr(ranges, "ZoneInfo", no_tzdata)
    assert ranges.known_zone("Asia/Shanghai"), "Asia/Shanghai is accepted even without time-zone data"
    assert not ranges.known_zone("Europe/Berlin")
