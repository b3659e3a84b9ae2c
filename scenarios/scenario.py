"""The Scenario: one arrival event, its parameter sections and its tables."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from scenarios.calibrated import Calibrated
from scenarios.clock import format_clock, parse_clock
from scenarios.disruptions import Disruptions
from scenarios.model import CoachType, Job, Meta, Station, Train, Travel
from scenarios.policy import Policy

if TYPE_CHECKING:
    from scenarios.travel import TravelModel

STATION_ID = "station"


@dataclass(frozen=True, eq=False)
class Scenario:
    """One arrival event. Tables are DataFrames indexed by id (see ``scenarios.tables`` for their columns).

    Times are minutes from midnight of ``meta.date`` (scenario time zone); ``clock()`` and ``minutes()`` convert.
    Throughout the toolkit a parameter or attribute named ``scenario`` (or ``sc``) is one of these objects; a
    bundled name or a path is ``name_or_path``, and a name alone ``scenario_name``.
    """

    meta: Meta
    train: Train
    station: Station
    fleet: dict[str, CoachType]
    travel: Travel
    policy: Policy
    jobs: dict[str, Job]
    workers: pd.DataFrame
    enterprises: pd.DataFrame
    districts: pd.DataFrame
    source: Path | None = None
    raw: dict[str, Any] = field(default_factory=dict, repr=False)
    warnings: tuple[str, ...] = ()
    travel_matrix: pd.DataFrame | None = field(default=None, repr=False)
    #: Estimates from past nights' records (``scenarios.calibrated``); None for an uncalibrated scenario.
    calibrated: Calibrated | None = None
    #: The night model every simulation of this scenario plays (``scenarios.disruptions``; section ``disruptions:``).
    disruptions: Disruptions = field(default_factory=Disruptions)

    @property
    def name(self) -> str:
        return self.meta.name

    def with_overrides(self, overrides: Mapping[str, Any]) -> Scenario:
        """A variant: this scenario with dotted-path overrides (``{"train.delay_min": 60}``), validated again.

        Built from the scenario's own document and tables in memory, so an edited copy (in a notebook) or one whose
        files are gone makes variants too; an unknown path names the nearest valid ones.
        """
        from scenarios.loader import rebuild

        return rebuild(self, dict(overrides))

    def with_night(self, overrides: Mapping[str, Any]) -> Scenario:
        """This scenario with its night model (``disruptions.*`` paths) changed, everything else kept as it is in
        memory (a section edited in a notebook stays edited); the night model is checked as when loaded."""
        import copy
        import dataclasses

        from scenarios.build import build
        from scenarios.errors import ScenarioError
        from scenarios.overrides import set_path, unknown_path_hint, valid_paths

        data = dataclasses.asdict(self.disruptions)
        valid = [p for p in valid_paths(self.raw) if p.startswith("disruptions.")]
        for path, value in overrides.items():
            if path not in valid:
                raise ScenarioError("override.unknown_path", field=path, path=path,
                                    hint=unknown_path_hint(path, valid))
            set_path(data, path.removeprefix("disruptions."), value)
        night = build(Disruptions, data, "disruptions", str(self.source) if self.source else "<scenario>")
        return dataclasses.replace(self, disruptions=night, raw={**copy.deepcopy(self.raw), "disruptions": data})

    @property
    def arrival_min(self) -> float:
        """Scheduled arrival of the train, minutes from midnight."""
        return self.train.arrival_min

    def minutes(self, clock: str) -> float:
        """Minutes from midnight for a clock time; times well before the train's arrival are the next day."""
        return parse_clock(clock, "clock", anchor_min=self.arrival_min)

    @staticmethod
    def clock(minutes: float) -> str:
        """'HH:MM' for minutes from midnight."""
        return format_clock(minutes)

    @property
    def latest_arrival_min(self) -> float:
        return self.minutes(self.policy.latest_arrival)

    def table_file(self, key: str) -> str:
        """The path of the CSV behind 'workers' (the roster), 'enterprises', 'districts' or 'travel' (the matrix)."""
        if key == "workers":
            name = (self.raw.get("workers") or {}).get("roster", "")
        elif key == "travel":
            name = self.travel.matrix or ""
        else:
            name = self.raw.get(key, "")
        if isinstance(name, dict):  # {file: plan.xlsx, sheet: 人员名单}
            name = name.get("file", "")
        base = self.source.parent if self.source else None
        return str(base / name) if base and name else f"<{key}>"

    @property
    def coach_enterprises(self) -> pd.DataFrame:
        """Enterprises whose workers go by city coach (not collected by their own vehicle)."""
        return self.enterprises[self.enterprises["pickup"] == "coach"]

    @property
    def posts(self) -> pd.DataFrame:
        """Posts per enterprise (rows) and job type (columns)."""
        cols = {f"posts_{job}": job for job in self.jobs}
        return self.enterprises[list(cols)].rename(columns=cols)

    @property
    def total_seats(self) -> int:
        return sum(c.seats * c.count for c in self.fleet.values())

    @cached_property
    def travel_model(self) -> TravelModel:
        """Minutes and km between the station, enterprises and district centres."""
        from scenarios.travel import TravelModel

        return TravelModel.for_scenario(self)

    def district_table(self) -> pd.DataFrame:
        """Per district (index: district id, in the districts' order): enterprises, posts, own_pickup (enterprises
        collecting their own workers)."""
        district = self.enterprises["district"]
        return (
            pd.DataFrame({
                "enterprises": self.enterprises.groupby("district").size(),
                "posts": self.posts.sum(axis=1).groupby(district).sum(),
                "own_pickup": (self.enterprises["pickup"] == "own").groupby(district).sum(),
            })
            .reindex(self.districts.index)
            .fillna(0)
            .astype(int)
        )

    def summary(self) -> str:
        """A short text: workers, enterprises and posts by district, seats available."""
        from present.labels import label, place_name

        origin = place_name(self.train.origin, "en")
        lines = [
            f"{self.meta.name} ({self.meta.date}): train {self.train.number} from {origin}, "
            f"arriving {self.train.arrival} at {self.station.name_en}",
            f"workers: {len(self.workers)} "
            f"(returning {int((self.workers['returning_employer'] != '').sum())}), "
            f"train seats: {self.train.seats}",
        ]
        posts = self.posts.sum(axis=1)
        by_district = self.district_table().reset_index(drop=True)
        by_district.insert(0, "district", self.districts["name_en"].to_numpy())
        by_district = by_district.rename(columns=lambda c: label(c, "en"))
        lines.append(f"enterprises: {len(self.enterprises)}, posts: {int(posts.sum())}")
        lines.append(by_district.to_string(index=False))
        fleet = ", ".join(f"{c.count} x {c.name_en} ({c.seats} seats)" for c in self.fleet.values())
        lines.append(f"fleet: {fleet}; coach seats in all: {self.total_seats}")
        lines.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(lines)
