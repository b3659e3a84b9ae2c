"""The Plan: placement (who goes where) and, once routed, the coach routes and manifests."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from planning.solver import SolveInfo

if TYPE_CHECKING:
    from planning.changes import ChangeSet
    from planning.revision import Revision

#: One row per worker, indexed by worker id. ``enterprise_id`` is "" for an unplaced worker; ``reason`` holds
#: ';'-separated codes: returning, skill, wish_district, wish_job, villagers, near; or a message (``Msg`` of
#: ``present.catalog.placement``) saying why the worker is unplaced, or that a placed worker is absent tonight.
PLACEMENT_COLUMNS = ("enterprise_id", "district", "job", "reason")
#: ``absent`` (bool) marks a placed worker who is not there on the night (missed the train): they keep their post
#: but ride no coach tonight. A Plan adds it (all False) to a placement frame without it.
PLACEMENT_FLAGS = ("absent",)


def absent_workers(placement: pd.DataFrame) -> pd.Series:
    """The ``absent`` column as booleans (all False when the frame has none)."""
    if "absent" not in placement.columns:
        return pd.Series(False, index=placement.index, name="absent")
    return placement["absent"].fillna(False).astype(bool)
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


def ride_minutes(routes: pd.DataFrame) -> float:
    """Workers' ride minutes of a routes frame: each worker from their trip's departure to their stop."""
    return float(((routes["arrive_min"] - routes["depart_min"]) * routes["workers"]).sum())


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
    changes: ChangeSet | None = None  # set on a re-plan against a base plan: what changed, for the change sheet
    #: Minutes of planning margin: the plan was made with ``policy.latest_arrival`` this much earlier (the fleet
    #: search's buffer, the risk check's margin); plan.json keeps it, and readers check the plan the way it was made.
    margin_min: float = 0.0
    #: Standby coaches booked with the plan, by coach type (the fleet search's, the risk check's "one more coach"):
    #: waiting by the station, one with the seats replaces a coach that does not come, on a bay
    #: ``disruptions.coach_no_show.booked_standby_min`` after the gap is known (``sim.disruptions``); plan.json
    #: keeps them.
    standby: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if "absent" not in self.placement.columns:
            object.__setattr__(self, "placement", self.placement.assign(absent=False))
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
                f"{int(coaches['workers'].sum())} workers by coach, {coaches['km'].sum():.0f} km, "
                f"{ride_minutes(self.routes):,.0f} worker ride minutes"
            )
            if self.routing_info:
                lines[-1] += f"; routing {self.routing_info.describe(seconds=True)}"
        lines.extend(f"warning: {w}" for w in self.warnings)
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """Jupyter's display: placed and not placed, coaches, clock times (``present.html.set_display_lang``)."""
        from planning.display import plan_html

        return plan_html(self)
