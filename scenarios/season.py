"""A season: many arrivals (trains, charter flights, charter coaches) into one city that shares posts and coaches.

A season is a folder with ``season.yaml``::

    season: {name: ..., start: 2023-01-28, end: 2023-03-28, city: ../dingxi_qingdao_2023,
             enterprises: enterprises.csv, fleet_per_day: {coach_53: 18, coach_35: 6}}
    points:    # where arrivals come in; each a reception model: the city's station section with changes
      qingdao_north: {kind: station}
      airport: {kind: airport, max_arrivals_per_evening: 2, station: {name_zh: 青岛胶东国际机场, lat: .., lon: ..}}
    fleet_days: {"2023-02-01": {coach_53: 24}}   # a day with another bookable fleet (optional)
    arrivals:
      - {id: A01, kind: train, date: 2023-02-01, arrival: "21:30", origin: 定西 Dingxi, point: qingdao_north,
         number: G2093, cars: 8, seats_per_car: 75, workers: {generate: {count: 531, county_shares: {...}}}}

The city (a night scenario: districts, jobs, travel, policy, station, fleet types) gives everything an arrival does
not say. ``Season.night(arrival, posts)`` builds one arrival's night as an ordinary ``Scenario`` (validated as
every scenario is), with the posts still open at that point of the season.
"""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario

SEASON_FILE = "season.yaml"
KINDS = ("train", "flight", "coach")
POINT_KINDS = ("station", "airport", "coach_terminal")
#: Random delay by kind of arrival (estimates: trains mostly on time; charter flights wait for slots more often;
#: coaches on the expressway spread widest). Same form as ``train.delay`` in a night scenario.
DELAYS = {
    "train": {"kind": "mixture", "p_on_time": 0.9, "on_time_max_min": 5, "late_median_min": 10, "late_p95_min": 40},
    "flight": {"kind": "mixture", "p_on_time": 0.8, "on_time_max_min": 10, "late_median_min": 25, "late_p95_min": 90},
    "coach": {"kind": "mixture", "p_on_time": 0.7, "on_time_max_min": 15, "late_median_min": 30, "late_p95_min": 90},
}
MAX_ARRIVALS = 500


@dataclass(frozen=True)
class Point:
    """An arrival point and its reception model (changes to the city's ``station`` section)."""

    id: str
    kind: str
    station: dict[str, Any] = field(default_factory=dict)
    max_arrivals_per_evening: int = 2  # estimate: staff and bays for two trains in one evening


@dataclass(frozen=True)
class Arrival:
    """One arrival event of the season."""

    id: str
    kind: str
    date: dt.date
    arrival: str
    origin: str
    point: str
    workers: dict[str, Any]
    number: str = ""
    cars: int = 8
    seats_per_car: int = 75
    doors_per_car: int = 2
    delay_min: float = 0.0

    @property
    def label(self) -> str:
        return f"{self.id} {self.number}".strip()


@dataclass(frozen=True, eq=False)
class Season:
    """The season's arrivals in date order, the city they come to, its season posts and fleet per day."""

    name: str
    start: dt.date
    end: dt.date
    city: Scenario
    enterprises: pd.DataFrame
    points: dict[str, Point]
    arrivals: tuple[Arrival, ...]
    fleet_per_day: dict[str, int]
    fleet_days: dict[dt.date, dict[str, int]]
    base_dir: Path
    file: str = "<season>"

    @property
    def workers(self) -> int:
        """Workers announced for the season (generated counts; rosters counted when read)."""
        return sum(int(a.workers.get("generate", {}).get("count", 0)) for a in self.arrivals)

    def head(self, n: int) -> Season:
        """The season cut to its first ``n`` arrivals (for a quick look or a test)."""
        return dataclasses.replace(self, arrivals=self.arrivals[:n])

    def fleet_on(self, day: dt.date) -> dict[str, int]:
        """Coaches of each type that can be booked on ``day``."""
        return {**self.fleet_per_day, **self.fleet_days.get(day, {})}

    def night(self, arrival: Arrival, posts: pd.DataFrame | None = None,
              fleet: dict[str, int] | None = None) -> Scenario:
        """The arrival's night as a Scenario: the city with this arrival's train, point, fleet, roster and posts.

        ``posts``: the season's enterprises with the posts still open (default: all season posts); ``fleet``: the
        coaches of each type this night may use (default: the day's bookable fleet).
        """
        from scenarios.loader import rebuild, settle
        from scenarios.overrides import set_path
        from scenarios.validate import validate
        from scenarios.workers_in import read_workers

        point = self.points[arrival.point]
        counts = fleet if fleet is not None else self.fleet_on(arrival.date)
        seed = int(np.random.SeedSequence([self.city.meta.seed, _index(self, arrival)]).generate_state(1)[0] % 2**31)
        raw = copy.deepcopy(self.city.raw)
        values: dict[str, Any] = {
            "meta.name": f"{self.name}/{arrival.id}", "meta.date": arrival.date, "meta.seed": seed,
            "train.number": arrival.number or arrival.id, "train.origin": arrival.origin,
            "train.arrival": arrival.arrival, "train.cars": arrival.cars, "train.seats_per_car": arrival.seats_per_car,
            "train.doors_per_car": arrival.doors_per_car, "train.delay_min": arrival.delay_min,
            "train.delay": dict(DELAYS[arrival.kind]),
        }
        values |= {f"station.{k}": v for k, v in point.station.items()}
        values |= {f"fleet.{t}.count": counts.get(t, 0) for t in self.city.fleet}
        for path, value in values.items():
            set_path(raw, path, value)
        city = dataclasses.replace(self.city, raw=raw, workers=self.city.workers.iloc[0:0],
                                   enterprises=(posts if posts is not None else self.enterprises).copy())
        try:
            night = rebuild(city, {})
        except ScenarioError as exc:  # a value of the arrival's point is the season file's, not the city's
            key = (exc.field or "").removeprefix("station.").split(".")[0]
            if (exc.field or "").startswith("station.") and key in point.station:
                raise exc.retold(file=self.file, field=f"points.{arrival.point}.{exc.field}") from None
            raise
        where = f"{self.file}: arrivals.{arrival.id}"
        workers = read_workers(arrival.workers, self.base_dir, where, night.meta, night.train, night.enterprises,
                                night.districts, night.jobs, lambda text: night.minutes(text))
        workers = workers.copy()
        workers["id"] = [f"{arrival.id}-{w}" for w in workers["id"]]
        workers.index = pd.Index(workers["id"].to_numpy())
        night = dataclasses.replace(night, workers=workers, raw={**copy.deepcopy(night.raw),
                                                                  "workers": copy.deepcopy(arrival.workers)})
        warnings = tuple(validate(night, file=where))
        settle(workers)
        return dataclasses.replace(night, warnings=warnings)


def _index(season: Season, arrival: Arrival) -> int:
    return next(i for i, a in enumerate(season.arrivals) if a.id == arrival.id)


def load_season(path: str | Path) -> Season:
    """Load and check a season (a ``season.yaml`` or its folder, or a bundled season's name)."""
    from scenarios.season_read import read_season

    return read_season(path)


def nights_by_evening(season: Season) -> dict[tuple[dt.date, str], list[Arrival]]:
    """Arrivals grouped by (date, point): those of one evening share the point's bays and the day's coaches."""
    out: dict[tuple[dt.date, str], list[Arrival]] = {}
    for a in season.arrivals:
        out.setdefault((a.date, a.point), []).append(a)
    return out


def check_capacity(season: Season) -> None:
    """More arrivals at one point in one evening than it can receive is an error naming them."""
    for (day, point), group in nights_by_evening(season).items():
        cap = season.points[point].max_arrivals_per_evening
        if len(group) > cap:
            names = ", ".join(a.id for a in group)
            field = f"points.{point}.max_arrivals_per_evening"
            raise ScenarioError("season.evening_cap", file=season.file, field=field,
                                n=len(group), names=names, point=point, day=day, cap=cap)
