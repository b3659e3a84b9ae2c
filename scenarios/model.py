"""The parameter sections of a scenario: small frozen dataclasses that check their own ranges."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from scenarios.bounds import check_delay_tail, check_fields
from scenarios.clock import parse_clock
from scenarios.errors import one_of, require, shown
from scenarios.ranges import (
    MAX_CARS,
    MAX_COACHES,
    MAX_DOORS_PER_CAR,
    MAX_SEATS_PER_CAR,
    MAX_VEHICLE_SEATS,
    MAX_WORKERS,
    known_zone,
    non_negative,
    positive,
    range_pair,
    share,
    whole,
)

DELAY_KINDS = ("mixture", "fixed", "none")
DESK_ORDERS = ("arrival", "coach", "sign")


@dataclass(frozen=True)
class Meta:
    """Who, when and what of the arrival event."""

    name: str
    date: date
    timezone: str = "Asia/Shanghai"
    seed: int = 0
    description: str = ""
    real: tuple[str, ...] = ()
    synthetic: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        require(bool(self.name.strip()), "name", "num.not_empty")
        require(self.seed >= 0, "seed", "num.whole_non_negative", value=shown(self.seed))
        require(
            known_zone(self.timezone),
            "timezone",
            "num.time_zone",
            zone=repr(self.timezone),
        )
        check_fields(self)


@dataclass(frozen=True)
class TrainDelay:
    """The random delay of the train, in minutes.

    "mixture" (the default): on time, within ``on_time_max_min``, with probability ``p_on_time``; otherwise a
    lognormal with the given median and 95th percentile. "fixed": always ``fixed_min``. "none": no delay.
    """

    kind: str = "mixture"
    p_on_time: float = 0.93  # issue 5: share of trains within on_time_max_min (China Railway punctuality ~93%)
    on_time_max_min: float = 5.0
    late_median_min: float = 8.0  # issue 5: a late train is lognormal, median ~8 min, 95th percentile ~30 min
    late_p95_min: float = 30.0
    fixed_min: float = 0.0

    def __post_init__(self) -> None:
        one_of(self.kind, DELAY_KINDS, "kind")
        share(self.p_on_time, "p_on_time")
        non_negative(self.on_time_max_min, "on_time_max_min")
        positive(self.late_median_min, "late_median_min")
        require(
            self.late_p95_min > self.late_median_min,
            "late_p95_min",
            "num.more_than_other",
            other="late_median_min",
            value_other=self.late_median_min,
            value=shown(self.late_p95_min),
        )
        non_negative(self.fixed_min, "fixed_min")
        check_fields(self)
        check_delay_tail(self.late_median_min, self.late_p95_min)


@dataclass(frozen=True)
class Train:
    """The chartered train: its arrival clock time, its cars and doors, its delay."""

    number: str
    origin: str
    arrival: str
    cars: int
    seats_per_car: int
    doors_per_car: int = 2
    delay_min: float = 0.0
    delay: TrainDelay = field(default_factory=TrainDelay)
    distance_km: float | None = None
    duration_h: float | None = None

    def __post_init__(self) -> None:
        parse_clock(self.arrival, "arrival")
        whole(self.cars, "cars", 1, MAX_CARS, "scenario.cars.fix")
        whole(self.seats_per_car, "seats_per_car", 1, MAX_SEATS_PER_CAR, "scenario.seats_per_car.fix")
        whole(self.doors_per_car, "doors_per_car", 1, MAX_DOORS_PER_CAR, "scenario.doors.fix")
        non_negative(self.delay_min, "delay_min")
        check_fields(self)

    @property
    def seats(self) -> int:
        return self.cars * self.seats_per_car

    @property
    def arrival_min(self) -> float:
        """Scheduled arrival, minutes from midnight of the scenario date."""
        return parse_clock(self.arrival, "arrival")


@dataclass(frozen=True)
class CoachType:
    """One type of coach in the fleet."""

    seats: int
    count: int
    fixed_cost: float = 0.0
    cost_per_km: float = 0.0
    available_from: str = "21:00"
    name_zh: str = "大巴"
    name_en: str = "coach"

    def __post_init__(self) -> None:
        whole(self.seats, "seats", 1, MAX_VEHICLE_SEATS, "scenario.seats.fix")
        whole(self.count, "count", 0, MAX_COACHES, "scenario.count.fix")
        non_negative(self.fixed_cost, "fixed_cost")
        non_negative(self.cost_per_km, "cost_per_km")
        parse_clock(self.available_from, "available_from")
        check_fields(self)


@dataclass(frozen=True)
class Station:
    """The arrival station: where it is, the walk, the welcome, the desks and the coach bays."""

    name_zh: str
    name_en: str
    lat: float
    lon: float
    walk_m: float = 300.0  # estimate: platform to the arrival hall at Qingdao North
    walk_speed_mps: tuple[float, float] = (1.0, 1.2)  # issue 5: walking with luggage (uniform range)
    alight_s_per_person: tuple[float, float] = (1.5, 2.5)  # issue 5: seconds per person per door
    welcome_min: float = 15.0  # estimate: the welcome ceremony as reported, a fixed block
    desks: int = 4  # estimate: gift-pack desks
    desk_service_s: float = 20.0  # estimate: seconds to hand over a gift pack and tick a name
    bays: int = 4  # estimate: coach bays in the station forecourt
    board_s_per_person: tuple[float, float] = (4.0, 8.0)  # issue 5: boarding with luggage, seconds
    #: Who the gift-pack desks serve next (issue 13): "arrival" (one line in hall order), "coach" (groups called in
    #: planned departure order) or "sign" (district by district). Default "arrival": the practice reported so far.
    desk_order: str = "arrival"
    bay_pull_in_min: float = 1.0  # estimate: a coach pulling into a forecourt bay and opening its doors
    bay_pull_out_min: float = 0.5  # estimate: closing the doors and leaving the bay free for the next coach

    def __post_init__(self) -> None:
        require(-90 <= self.lat <= 90, "lat", "num.lat", value=shown(self.lat))
        require(-180 <= self.lon <= 180, "lon", "num.lon", value=shown(self.lon))
        non_negative(self.walk_m, "walk_m")
        range_pair(self.walk_speed_mps, "walk_speed_mps")
        require(self.walk_speed_mps[0] > 0, "walk_speed_mps", "num.walk_speed")
        range_pair(self.alight_s_per_person, "alight_s_per_person")
        non_negative(self.welcome_min, "welcome_min")
        require(self.desks >= 1, "desks", "num.min_desk", value=shown(self.desks))
        non_negative(self.desk_service_s, "desk_service_s")
        require(self.bays >= 1, "bays", "num.min_bay", value=shown(self.bays))
        range_pair(self.board_s_per_person, "board_s_per_person")
        one_of(self.desk_order, DESK_ORDERS, "desk_order")
        check_fields(self)


@dataclass(frozen=True)
class Travel:
    """How long the roads take at night: coordinates with a road factor and speed bands, or a matrix CSV."""

    mode: str = "coordinates"
    road_factor: float = 1.35  # estimate: road km per great-circle km (common circuity for Chinese cities)
    urban_kmh: float = 28.0  # estimates: coach speeds at night by band (urban, suburban, expressway)
    suburban_kmh: float = 45.0
    expressway_kmh: float = 72.0
    urban_km: float = 6.0
    suburban_km: float = 25.0
    cv: float = 0.15  # estimate: coefficient of variation of a leg's travel time at night
    #: How much of that variation (share of its log-variance) is common (issue 13): to every leg of the night
    #: (snow, an accident on an expressway, police checks) and to every leg in one district; the rest is the leg's
    #: own. Estimates: empty roads at night vary little leg by leg, so most of it is the night's; two legs of one
    #: night then correlate 0.7 (0.85 in one district).
    night_share: float = 0.7
    district_share: float = 0.15
    #: The error of the planner's own times (issue 23): every planned leg time is multiplied by one factor drawn
    #: per season (shared by every leg of a night and every night of a season; in a one-night simulation, one per
    #: simulated night), lognormal with mean ``bias`` and coefficient of variation ``bias_cv``. An estimate, not a
    #: measurement: coordinate models of night roads tend to be a little optimistic (``bias`` 1.02) and a city's
    #: own error is uncertain by a few percent (``bias_cv`` 0.04); a calibration from last year's records replaces
    #: it. ``bias: 1.1, bias_cv: 0`` says "the roads are 10% slower than planned".
    bias: float = 1.02
    bias_cv: float = 0.04
    matrix: str | None = None
    #: The datum of every lon/lat in the scenario: "wgs84" (GPS, OpenStreetMap; the default) or "gcj02" (copied from
    #: Chinese map services such as AMap or Tencent). Maps over a basemap convert to the basemap's datum.
    crs: str = "wgs84"

    def __post_init__(self) -> None:
        require(
            self.mode in ("coordinates", "matrix"),
            "mode",
            "num.either",
            a="coordinates",
            b="matrix",
            value=shown(self.mode),
        )
        require(self.road_factor >= 1.0, "road_factor", "num.factor", value=shown(self.road_factor))
        for name in ("urban_kmh", "suburban_kmh", "expressway_kmh"):
            positive(getattr(self, name), name)
        non_negative(self.urban_km, "urban_km")
        require(
            self.suburban_km >= self.urban_km,
            "suburban_km",
            "num.at_least_other",
            other="urban_km",
            value_other=self.urban_km,
            value=shown(self.suburban_km),
        )
        positive(self.bias, "bias")
        non_negative(self.bias_cv, "bias_cv")
        require(self.night_share + self.district_share <= 1, "district_share",
                "num.shares_sum", a=self.night_share, b=self.district_share)
        require(self.crs in ("wgs84", "gcj02"), "crs", "num.either", "scenario.crs.fix", a="wgs84", b="gcj02",
                value=repr(self.crs))
        require(0 <= self.cv <= 2, "cv", "num.cv", value=self.cv)
        require(
            self.mode != "matrix" or bool(self.matrix),
            "matrix",
            "scenario.no_matrix",
        )
        check_fields(self)


@dataclass(frozen=True)
class Job:
    """A job type that posts ask for and workers have."""

    name_zh: str
    name_en: str


@dataclass(frozen=True)
class WorkerGenerator:
    """How to make a synthetic roster when no roster CSV is given."""

    count: int
    county_shares: dict[str, float]
    returning_share: float = 0.4
    under40_share: float = 0.7
    female_share: float = 0.3
    skill_shares: dict[str, float] = field(default_factory=lambda: {"operator": 0.35, "technician": 0.12})
    wish_share: float = 0.3
    villages_per_county: int = 6

    def __post_init__(self) -> None:
        whole(self.count, "count", 1, MAX_WORKERS, "scenario.generate_count.fix")
        require(bool(self.county_shares), "county_shares", "num.one_county")
        for name, value in self.county_shares.items():
            share(value, f"county_shares.{name}")
        total = sum(self.county_shares.values())
        require(abs(total - 1.0) < 1e-6, "county_shares", "num.sum_to_1", total=f"{total:.4f}")
        for name in ("returning_share", "under40_share", "female_share", "wish_share"):
            share(getattr(self, name), name)
        for name, value in self.skill_shares.items():
            share(value, f"skill_shares.{name}")
        require(
            self.villages_per_county >= 1,
            "villages_per_county",
            "num.at_least_1",
            value=shown(self.villages_per_county),
        )
        check_fields(self)


@dataclass(frozen=True)
class Sources:
    """Where the tables come from, relative to the scenario file."""

    workers: str | None = None
    enterprises: str = "enterprises.csv"
    districts: str = "districts.csv"
