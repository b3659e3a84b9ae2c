"""The planners' rules for the night (``policy:`` of a scenario file): stops, ride and arrival limits, villagers,
districts, the routing's objective, late check-ins and the on-time target; a frozen dataclass that checks its own
ranges."""

from __future__ import annotations

from dataclasses import dataclass, field

from scenarios.bounds import check_fields
from scenarios.clock import parse_clock
from scenarios.errors import one_of, require, shown
from scenarios.ranges import positive

OBJECTIVES = ("coaches_then_ride", "coaches_then_km", "coaches_then_weighted", "cost")
KEEP_VILLAGERS = ("none", "district", "enterprise")
ROUTE_KINDS = ("open", "closed")
LATE_CHECKIN_POLICIES = ("kept_up", "morning")


@dataclass(frozen=True)
class Policy:
    """The planners' rules for the night."""

    max_stops: int = 4
    max_ride_min: float = 150.0
    latest_arrival: str = "02:00"
    keep_villagers: str = "district"
    one_district_per_coach: bool = True
    objective: str = "coaches_then_ride"
    routes: str = "open"
    max_coach_wait_min: float = 40.0
    district_quotas: dict[str, int] = field(default_factory=dict)
    #: A worker who reaches a closed dormitory (issue 13) is a late check-in either way; then "kept_up": the
    #: enterprise keeps someone up and checks them in on arrival (default: enterprises are told the train), or
    #: "morning": they wait until ``morning_checkin``.
    late_checkin: str = "kept_up"
    morning_checkin: str = "07:00"  # estimate: a dormitory office opening in the morning
    #: Longest a worker should wait in the station (off the train to driven off), minutes: a part of the night's
    #: risk the simulation reports beside the headline (``sim.risk``), not a rule the routing enforces.
    max_station_wait_min: float = 120.0
    #: The share of nights that must go right (everyone in an open dormitory before latest_arrival): the risk
    #: check of ``plan`` and ``pack`` and the fleet search hold a plan against it.
    target_on_time: float = 0.95

    def __post_init__(self) -> None:
        require(self.max_stops >= 1, "max_stops", "num.min_stop", value=shown(self.max_stops))
        positive(self.max_ride_min, "max_ride_min")
        parse_clock(self.latest_arrival, "latest_arrival")
        one_of(self.keep_villagers, KEEP_VILLAGERS, "keep_villagers")
        one_of(self.objective, OBJECTIVES, "objective")
        require(self.routes in ROUTE_KINDS, "routes", "num.either", a="open", b="closed", value=shown(self.routes))
        positive(self.max_coach_wait_min, "max_coach_wait_min")
        one_of(self.late_checkin, LATE_CHECKIN_POLICIES, "late_checkin")
        parse_clock(self.morning_checkin, "morning_checkin")
        positive(self.max_station_wait_min, "max_station_wait_min")
        require(isinstance(self.target_on_time, int | float) and not isinstance(self.target_on_time, bool)
                and 0 < self.target_on_time <= 1, "target_on_time",
                "num.target_share", value=shown(self.target_on_time))
        for district, quota in self.district_quotas.items():
            require(
                isinstance(quota, int) and quota >= 0,
                f"district_quotas.{district}",
                "num.whole_non_negative",
                value=shown(quota),
            )
        check_fields(self)
