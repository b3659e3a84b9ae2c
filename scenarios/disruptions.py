"""The night model: what can go wrong on the night, declared once in the scenario (section ``disruptions:``).

Every command that simulates a night (``simulate``, ``plan``'s and ``pack``'s risk check, ``sweep``, ``fleet``,
``season``, ``replan``) simulates this one model, so one plan reads the same risk in each on the same nights. A
scenario that does not write the section gets the defaults below; ``--set disruptions.coach_no_show.p=0.1`` (or
``enabled=false``) changes it in every command, and ``check`` lists it.

The defaults are the night the bureau plans for: a hired coach that does not come one night in twenty, a worker in
about five hundred who misses the train, one coach in ten late to the station. The rare long hold-up of the train
(``late_train``) is off by default: no plan can make up for it, and its risk is asked with ``--set`` or ``sweep``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from scenarios.bounds import check_fields
from scenarios.errors import one_of, require, shown
from scenarios.ranges import non_negative, share

NO_SHOW_RULES = ("second_trip", "standby")
LATENESS = ("exponential", "lognormal", "fixed")
Z95 = 1.6448536269514722  # standard normal 95th percentile


@dataclass(frozen=True)
class LateTrain:
    """A much later train than the usual delay (a hold-up on the line): extra minutes on top of the usual delay."""

    enabled: bool = False
    p: float = 0.05  # estimate: about one chartered train in twenty is held up for an hour or so
    median_min: float = 60.0  # estimate: the "train is an hour late" case planners test against
    p95_min: float = 150.0  # estimate

    def __post_init__(self) -> None:
        share(self.p, "p")
        require(0 < self.median_min < self.p95_min, "median_min", "sim.median_p95", a=shown(self.median_min),
                b=shown(self.p95_min))
        check_fields(self)


@dataclass(frozen=True)
class CoachNoShow:
    """One coach of the plan does not come; its trips follow ``rule``."""

    enabled: bool = True
    p: float = 0.05  # estimate: one night in twenty a hired coach fails to turn up
    #: "second_trip" (default, when the plan books no standby): the coach whose planned work ends first (and has
    #: the seats) runs the missing trips afterwards, or, with no such coach, the depot sends one as for "standby";
    #: "standby": a standby coach of the same seats comes ``standby_delay_min`` after the gap is known.
    rule: str = "second_trip"
    #: The gap is known when the coach is due at the station (``fleet.*.available_from``: coaches are due well
    #: before the train, and a coach not there by then is phoned) or at its first planned departure if that is
    #: earlier, less ``notice_lead_min`` (0: at that time; more: the operator calls ahead).
    notice_lead_min: float = 0.0
    standby_delay_min: float = 45.0  # estimate: calling the depot and driving a standby coach to the station
    #: A standby the plan books (``fleet``'s standby coaches; the plan records them) waits in the coach park and is
    #: on a bay this many minutes after the gap is known (estimate).
    booked_standby_min: float = 5.0

    def __post_init__(self) -> None:
        share(self.p, "p")
        one_of(self.rule, NO_SHOW_RULES, "rule")
        non_negative(self.notice_lead_min, "notice_lead_min")
        non_negative(self.standby_delay_min, "standby_delay_min")
        non_negative(self.booked_standby_min, "booked_standby_min")
        check_fields(self)


@dataclass(frozen=True)
class CoachLate:
    """A hired coach late to the station: with probability ``p``, by minutes from ``distribution``."""

    p: float = 0.1  # estimate: one hired coach in ten is late to the station
    #: "exponential" (mean ``mean_min``), "lognormal" (mean ``mean_min``, 95th percentile ``p95_min``) or "fixed".
    distribution: str = "exponential"
    mean_min: float = 10.0  # estimate
    p95_min: float = 30.0  # estimate: (the exponential's own 95th percentile at a 10-minute mean is 30)

    def __post_init__(self) -> None:
        share(self.p, "p")
        one_of(self.distribution, LATENESS, "distribution")
        non_negative(self.mean_min, "mean_min")
        require(self.distribution != "lognormal" or 0 < self.mean_min < self.p95_min, "p95_min", "sim.mean_p95",
                a=shown(self.mean_min), b=shown(self.p95_min))
        check_fields(self)

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

    enabled: bool = True
    p_per_worker: float = 0.002  # estimate: about one worker of a 531-worker train

    def __post_init__(self) -> None:
        share(self.p_per_worker, "p_per_worker")
        check_fields(self)


@dataclass(frozen=True)
class Disruptions:
    """The night model: each disruption with its switch and probability (``scenarios.disruptions``)."""

    late_train: LateTrain = field(default_factory=LateTrain)
    coach_no_show: CoachNoShow = field(default_factory=CoachNoShow)
    coach_late: CoachLate = field(default_factory=CoachLate)
    missed_train: MissedTrain = field(default_factory=MissedTrain)


#: The paths of the night model (``disruptions.``): a simulation option under it is a change of the scenario.
PREFIX = "disruptions."
