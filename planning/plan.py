"""The Plan: placement (who goes where) and, once routed, the coach routes and manifests."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from planning.solver import SolveInfo

if TYPE_CHECKING:
    from planning.revision import Revision

#: One row per worker, indexed by worker id. ``enterprise_id`` is "" for an unplaced worker; ``reason`` holds
#: ';'-separated codes: returning, skill, wish_district, wish_job, villagers, near; or why the worker is unplaced.
PLACEMENT_COLUMNS = ("enterprise_id", "district", "job", "reason")
#: A ``reason`` starting with this marks a placed worker who is not there on the night (missed the train): they
#: keep their post but ride no coach tonight.
ABSENT = "absent:"
#: One row per coach stop. Times are minutes from midnight of the scenario date; ``km`` is the leg to this stop.
ROUTE_COLUMNS = (
    "coach_id",
    "coach_type",
    "trip",
    "depart_min",
    "stop_order",
    "enterprise_id",
    "district",
    "workers",
    "arrive_min",
    "km",
)
#: One row per worker carried by a city coach.
MANIFEST_COLUMNS = ("worker_id", "coach_id", "trip", "boarding_order", "enterprise_id")


@dataclass(frozen=True, eq=False)
class Plan:
    """Placement plus (optionally) routes; build one with ``planning.make_plan`` or by hand for tests."""

    placement: pd.DataFrame
    routes: pd.DataFrame | None = None
    manifest: pd.DataFrame | None = None
    placement_info: SolveInfo | None = None
    routing_info: SolveInfo | None = None
    warnings: tuple[str, ...] = ()
    revision: Revision | None = None  # set on a plan revised on the night (whatif.replan): why, and what changed

    def __post_init__(self) -> None:
        missing = [c for c in PLACEMENT_COLUMNS if c not in self.placement.columns]
        if missing:
            raise ValueError(f"placement lacks columns {missing}")
        for name, frame, columns in (
            ("routes", self.routes, ROUTE_COLUMNS),
            ("manifest", self.manifest, MANIFEST_COLUMNS),
        ):
            if frame is not None and (lost := [c for c in columns if c not in frame.columns]):
                raise ValueError(f"{name} lacks columns {lost}")

    @property
    def placed(self) -> pd.DataFrame:
        return self.placement[self.placement["enterprise_id"] != ""]

    @property
    def unplaced(self) -> pd.DataFrame:
        return self.placement[self.placement["enterprise_id"] == ""]

    def workers_per_enterprise(self) -> pd.Series:
        """How many placed workers each enterprise receives."""
        return self.placed.groupby("enterprise_id").size().rename("workers")

    def with_routes(
        self, routes: pd.DataFrame, manifest: pd.DataFrame, info: SolveInfo | None, warnings: tuple[str, ...] = ()
    ) -> Plan:
        return dataclasses.replace(
            self, routes=routes, manifest=manifest, routing_info=info, warnings=self.warnings + tuple(warnings)
        )

    @property
    def coaches(self) -> pd.DataFrame:
        """One row per coach trip: type, departure, stops, workers, last arrival, km."""
        if self.routes is None or self.routes.empty:
            return pd.DataFrame(
                columns=["coach_id", "trip", "coach_type", "depart_min", "stops", "workers", "last_arrive_min", "km"]
            )
        return (
            self.routes.groupby(["coach_id", "trip"], sort=True)
            .agg(
                coach_type=("coach_type", "first"),
                depart_min=("depart_min", "first"),
                stops=("stop_order", "size"),
                workers=("workers", "sum"),
                last_arrive_min=("arrive_min", "max"),
                km=("km", "sum"),
            )
            .reset_index()
        )

    def summary(self) -> str:
        lines = [
            f"placed {len(self.placed)} of {len(self.placement)} workers at "
            f"{self.placed['enterprise_id'].nunique()} enterprises"
        ]
        if self.placement_info:
            lines[-1] += f"; placement {self.placement_info.describe(seconds=True)}"
        if self.routes is not None:
            coaches = self.coaches
            lines.append(
                f"routes: {coaches['coach_id'].nunique()} coaches, {len(coaches)} trips, "
                f"{int(coaches['workers'].sum())} workers by coach, {coaches['km'].sum():.0f} km"
            )
            if self.routing_info:
                lines[-1] += f"; routing {self.routing_info.describe(seconds=True)}"
        lines.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(lines)
