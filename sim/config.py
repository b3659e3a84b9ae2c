"""Every default of the simulation in one place, each with where the number comes from.

Scenario parameters (walk, desks, bays, boarding, travel cv, the train's delay model, the coaches' wait limit) come
from the Scenario; this module holds what the scenario does not describe: service-time shapes, dwell times, coach
lateness and the disruptions. ``SimConfig.with_overrides({"disruptions.missed_train.enabled": True})`` makes a variant.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from scenarios.errors import ScenarioError, suggest

WELCOME_MODES = ("ceremony", "per_worker")
DESK_DISTRIBUTIONS = ("uniform", "exponential", "fixed")
NO_SHOW_RULES = ("standby", "second_trip")
LOG_MODES = ("full", "lean", "auto")
Z95 = 1.6448536269514722  # standard normal 95th percentile
BAY_CALLS = ("all_ready", "first_ready")
LATENESS = ("exponential", "lognormal", "fixed")


def _check(condition: bool, name: str, key: str, **params: object) -> None:
    if not condition:
        raise ScenarioError(key, field=f"options.{name}", **params)


def _one_of(value: object, choices: tuple[str, ...], name: str) -> None:
    _check(value in choices, name, "num.one_of", choices=", ".join(choices), value=repr(value))


def _non_negative(value: float, name: str) -> None:
    _check(isinstance(value, int | float) and math.isfinite(value) and value >= 0, name, "num.non_negative",
           value=repr(value))


def _share(value: float, name: str) -> None:
    _check(isinstance(value, int | float) and 0.0 <= value <= 1.0, name, "num.share", value=repr(value))


def _pair(pair: tuple[float, float], name: str) -> None:
    _check(len(pair) == 2 and 0 <= pair[0] <= pair[1], name, "num.range_pair", value=repr(list(pair)))


@dataclass(frozen=True)
class LateTrain:
    """A much later train than the usual delay (a hold-up on the line): extra minutes on top of the usual delay."""

    enabled: bool = False
    p: float = 0.05  # estimate: about one chartered train in twenty is held up for an hour or so
    median_min: float = 60.0  # estimate: the "train is an hour late" case planners test against
    p95_min: float = 150.0  # estimate

    def __post_init__(self) -> None:
        _share(self.p, "disruptions.late_train.p")
        _check(0 < self.median_min < self.p95_min, "disruptions.late_train.median_min", "sim.median_p95",
               a=self.median_min, b=self.p95_min)


@dataclass(frozen=True)
class CoachNoShow:
    """One coach of the plan does not come; its trips follow ``rule``."""

    enabled: bool = False
    p: float = 0.05  # estimate: one night in twenty a hired coach fails to turn up
    #: "standby": a standby coach of the same seats comes ``standby_delay_min`` after the gap is known;
    #: "second_trip": the coach whose planned work ends first (and has the seats) runs the missing trips afterwards.
    rule: str = "standby"
    #: The gap is known when the coach is due at the station (``fleet.*.available_from``: coaches are due well
    #: before the train, and a coach not there by then is phoned) or at its first planned departure if that is
    #: earlier, less ``notice_lead_min`` (0: at that time; more: the operator calls ahead).
    notice_lead_min: float = 0.0
    standby_delay_min: float = 45.0  # estimate: calling the depot and driving a standby coach to the station

    def __post_init__(self) -> None:
        _share(self.p, "disruptions.coach_no_show.p")
        _one_of(self.rule, NO_SHOW_RULES, "disruptions.coach_no_show.rule")
        _non_negative(self.notice_lead_min, "disruptions.coach_no_show.notice_lead_min")
        _non_negative(self.standby_delay_min, "disruptions.coach_no_show.standby_delay_min")


@dataclass(frozen=True)
class CoachLate:
    """A hired coach late to the station: with probability ``p``, by minutes from ``distribution``."""

    p: float = 0.1  # estimate: one hired coach in ten is late to the station
    #: "exponential" (mean ``mean_min``), "lognormal" (mean ``mean_min``, 95th percentile ``p95_min``) or "fixed".
    distribution: str = "exponential"
    mean_min: float = 10.0  # estimate
    p95_min: float = 30.0  # estimate: (the exponential's own 95th percentile at a 10-minute mean is 30)

    def __post_init__(self) -> None:
        _share(self.p, "coach_late.p")
        _one_of(self.distribution, LATENESS, "coach_late.distribution")
        _non_negative(self.mean_min, "coach_late.mean_min")
        _check(self.distribution != "lognormal" or 0 < self.mean_min < self.p95_min, "coach_late.p95_min",
               "sim.mean_p95", a=self.mean_min, b=self.p95_min)

    def minutes(self, u: np.ndarray, z: np.ndarray, e: np.ndarray) -> np.ndarray:
        """Lateness per coach from a uniform (late or not), a standard normal and a standard exponential."""
        late = u < self.p
        if self.distribution == "fixed":
            size = np.full(len(u), self.mean_min)
        elif self.distribution == "exponential":
            size = self.mean_min * e
        else:  # lognormal with the given mean and 95th percentile: solve for sigma from p95 / mean
            ratio = math.log(self.p95_min / self.mean_min)
            sigma = Z95 - math.sqrt(max(Z95 ** 2 - 2 * ratio, 0.0))  # p95/mean = exp(Z95 s - s^2 / 2)
            size = self.mean_min * np.exp(sigma * z - sigma ** 2 / 2)
        return np.where(late, size, 0.0)


@dataclass(frozen=True)
class MissedTrain:
    """Each worker independently misses the train and is not delivered (reason ``missed_train``, ``absent``)."""

    enabled: bool = False
    p_per_worker: float = 0.002  # estimate: about one worker of a 531-worker train

    def __post_init__(self) -> None:
        _share(self.p_per_worker, "disruptions.missed_train.p_per_worker")


@dataclass(frozen=True)
class Disruptions:
    """The disruptions, each with a switch and a probability; all off by default."""

    late_train: LateTrain = field(default_factory=LateTrain)
    coach_no_show: CoachNoShow = field(default_factory=CoachNoShow)
    missed_train: MissedTrain = field(default_factory=MissedTrain)


@dataclass(frozen=True)
class SimConfig:
    """Simulation options that the scenario does not hold. ``random=False`` switches every random part off."""

    random: bool = True
    #: "ceremony": one welcome for the whole train, starting when the last worker is in the hall (news reports
    #: describe one ceremony per train); "per_worker": every worker spends ``welcome_min`` from reaching the hall.
    welcome: str = "ceremony"
    #: Gift-pack desk service around the scenario's ``desk_service_s``: "uniform" on [1 - s, 1 + s] x mean,
    #: "exponential", or "fixed".
    desk_distribution: str = "uniform"
    desk_spread: float = 0.5  # estimate: a pack and a signature take half to 1.5 times the mean (10-30 s at 20)
    #: When a vehicle pulls into a coach bay: "all_ready" once its whole present group is at the sign (staff hold
    #: groups at the district signs and call the coach; estimate of practice), or "first_ready" when the first is.
    bay_call: str = "all_ready"
    gather_min: float = 1.0  # estimate: from the desks to the district sign on the square
    stop_min: tuple[float, float] = (2.0, 3.0)  # issue 5: 2 to 3 minutes per stop (park, open the luggage hold)
    drop_s_per_person: float = 10.0  # estimate: one worker with luggage off the coach; planning/baseline.py uses 10
    checkin_s: tuple[float, float] = (30.0, 60.0)  # issue 5: 30 to 60 s per worker at the dormitory
    checkin_desks: int = 1  # estimate: one dormitory manager on duty at night
    coach_late: CoachLate = field(default_factory=CoachLate)
    #: False: staff know at alighting who did not get off the train (the roll call at the doors), so a coach never
    #: waits for them (issue 13); True: it waits up to ``policy.max_coach_wait_min`` from when its group formed.
    wait_for_missing: bool = False
    #: What the event log keeps: "full" (every event of every replication), "lean" (train and vehicle rows only;
    #: worker milestones go straight to the timelines, so KPIs and charts are the same) or "auto" (full for the
    #: first ``full_log_replications`` replications, lean for the rest: worker-level detail stays small).
    log: str = "auto"
    full_log_replications: int = 20  # choice: ~5,000 rows a replication of 531 workers; 100,000 rows in all
    n_jobs: int = 2  # processes for many replications (this machine has 2 cores)
    parallel_min_replications: int = 100  # fewer replications run in this process (start-up costs ~1 s)
    disruptions: Disruptions = field(default_factory=Disruptions)
    #: The seed of the season-wide draws (``travel.bias``): None, the run's own (one draw per replication); a
    #: season gives every evening the season's seed, so replication r of every night shares its error.
    season_seed: int | None = None

    def __post_init__(self) -> None:
        _one_of(self.welcome, WELCOME_MODES, "welcome")
        _one_of(self.desk_distribution, DESK_DISTRIBUTIONS, "desk_distribution")
        _check(0 <= self.desk_spread <= 1, "desk_spread", "num.share", value=repr(self.desk_spread))
        _one_of(self.bay_call, BAY_CALLS, "bay_call")
        for name in ("gather_min", "drop_s_per_person"):
            _non_negative(getattr(self, name), name)
        _pair(self.stop_min, "stop_min")
        _pair(self.checkin_s, "checkin_s")
        _check(self.checkin_desks >= 1, "checkin_desks", "num.at_least_1", value=self.checkin_desks)
        _one_of(self.log, LOG_MODES, "log")
        _check(self.full_log_replications >= 0, "full_log_replications", "num.whole_non_negative",
               value=self.full_log_replications)
        _check(self.n_jobs >= 1, "n_jobs", "num.at_least_1", value=self.n_jobs)
        _check(self.season_seed is None or (isinstance(self.season_seed, int) and self.season_seed >= 0),
               "season_seed", "num.whole_non_negative_or_none", value=repr(self.season_seed))

    def with_overrides(self, overrides: dict[str, Any]) -> SimConfig:
        """A copy with dotted-path overrides, e.g. ``{"disruptions.coach_no_show.rule": "second_trip"}``."""
        config: Any = self
        for path, value in overrides.items():
            config = _replace_path(config, path.split("."), value, path)
        return config


def _replace_path(obj: Any, parts: list[str], value: Any, path: str) -> Any:
    names = [f.name for f in dataclasses.fields(obj)]
    if parts[0] not in names:
        raise ScenarioError("sim.unknown_option", field=f"options.{path}", name=parts[0], hint=suggest(parts[0], names))
    if len(parts) == 1:
        current = getattr(obj, parts[0])
        if isinstance(current, tuple):
            value = tuple(value)
        return dataclasses.replace(obj, **{parts[0]: value})
    return dataclasses.replace(obj, **{parts[0]: _replace_path(getattr(obj, parts[0]), parts[1:], value, path)})


def as_config(options: SimConfig | dict[str, Any] | None) -> SimConfig:
    """A SimConfig from None (defaults), a SimConfig, or a dict of dotted-path overrides."""
    if options is None:
        return SimConfig()
    if isinstance(options, SimConfig):
        return options
    if isinstance(options, dict):
        return SimConfig().with_overrides(options)
    raise ScenarioError("sim.options", field="options", kind=type(options).__name__)
