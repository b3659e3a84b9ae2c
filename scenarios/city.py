"""A generated city of any size (``python -m scenarios.bundled city --workers 50000 --enterprises 5000``): the
bundled scenarios' station and coaches, with a train and a fleet grown to carry everyone."""

from __future__ import annotations

import math
from typing import Any

from scenarios.bundled import FLEET, STATION
from scenarios.errors import InputError
from scenarios.ranges import MAX_CARS, MAX_WORKERS
from scenarios.scale import MAX_ENTERPRISES

#: Workers of a city that comes as one train of 75-seat cars through the station's 8 desks (the train's most cars).
ONE_TRAIN = 75 * MAX_CARS


def city_spec(workers: int, enterprises: int, seed: int) -> tuple[dict[str, Any], dict[str, Any]]:
    """A generated city of the given size, with a fleet sized to carry everyone.

    Beyond ``ONE_TRAIN`` workers the cars get more seats (up to 200, for the most workers a scenario takes) and the
    station a set of 8 desks for every ``ONE_TRAIN`` workers, so that the city still passes ``check``.
    """
    check_city(workers, enterprises)
    extra: dict[str, Any] = {}
    if workers > ONE_TRAIN:
        extra = {
            "seats_per_car": math.ceil(workers / MAX_CARS),
            "station": dict(STATION, desks=STATION["desks"] * math.ceil(workers / ONE_TRAIN)),
        }
    spec = dict(
        **extra,
        seed=seed,
        date="2026-02-20",
        train="synthetic",
        arrival="21:30",
        workers=workers,
        enterprises=enterprises,
        returning=0.45,
        under40=0.7,
        own_pickup=(),
        description=f"A synthetic city: {workers} workers, {enterprises} enterprises.",
        real=[],
    )
    fleet = {"coach_53": dict(FLEET["coach_53"], count=math.ceil(workers / 53 * 1.4))}
    return spec, fleet


def check_city(workers: int, enterprises: int) -> None:
    """A city the toolkit loads: 1 to MAX_WORKERS workers and 1 to MAX_ENTERPRISES enterprises (any ratio)."""
    for count, limit, en, zh in (
        (workers, MAX_WORKERS, "--workers", "工人数"),
        (enterprises, MAX_ENTERPRISES, "--enterprises", "企业数"),
    ):
        if not 1 <= count <= limit:
            raise InputError("city.count", field=en, name=en, name_zh=zh, limit=f"{limit:,}", value=f"{count:,}")
