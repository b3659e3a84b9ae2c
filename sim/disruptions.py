"""Disruptions of one replication: a late train, a coach that does not come, workers who missed the train.

Every number is drawn whether or not the disruption is switched on, so switching one on or off leaves the other
streams' numbers (and the other disruptions') unchanged: common random numbers across variants.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from sim.config import SimConfig
from sim.night import Night


@dataclass
class Run:
    """A vehicle as it runs this replication: when it is at the station and which trips it drives, in order."""

    vehicle: int  # index into night.vehicles (the missing coach's index for a standby coach)
    id: str
    seats: int
    own: bool
    available_min: float
    trips: list[int]
    kind: str  # "coach", "own" or "standby"


@dataclass
class NightDisruptions:
    extra_delay_min: float = 0.0
    missed: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool))
    no_show: int | None = None  # vehicle index of the coach that does not come
    rule: str = ""  # the rule its trips followed
    runs: list[Run] = field(default_factory=list)


def draw(night: Night, config: SimConfig, rng: np.random.Generator, coach_rng: np.random.Generator,
         ) -> NightDisruptions:
    """Draw the disruptions and coach lateness of one night and say which vehicle runs which trips."""
    d = config.disruptions
    late_u, late_z, noshow_u, pick_u = rng.random(), rng.standard_normal(), rng.random(), rng.random()
    missed_u = rng.random(night.n_workers)
    coach_u, coach_e = coach_rng.random(len(night.vehicles)), coach_rng.standard_exponential(len(night.vehicles))
    out = NightDisruptions(missed=np.zeros(night.n_workers, dtype=bool))
    if not config.random:
        coach_u = np.ones(len(night.vehicles))
    if config.random and d.late_train.enabled and late_u < d.late_train.p:
        sigma = np.log(d.late_train.p95_min / d.late_train.median_min) / 1.6448536269514722
        out.extra_delay_min = float(d.late_train.median_min * np.exp(sigma * late_z))
    if config.random and d.missed_train.enabled:
        out.missed = missed_u < d.missed_train.p_per_worker
    for v, vehicle in enumerate(night.vehicles):
        late = 0.0 if vehicle.own or coach_u[v] >= config.coach_late_p else float(config.coach_late_mean_min
                                                                                   * coach_e[v])
        out.runs.append(Run(v, night.prefix + vehicle.id, vehicle.seats, vehicle.own, vehicle.available_min + late,
                            list(vehicle.trips), "own" if vehicle.own else "coach"))
    coaches = [v for v, vehicle in enumerate(night.vehicles) if not vehicle.own and vehicle.trips]
    if config.random and d.coach_no_show.enabled and coaches and noshow_u < d.coach_no_show.p:
        missing = coaches[min(int(pick_u * len(coaches)), len(coaches) - 1)]
        _reassign(night, config, out, missing)
    return out


def _reassign(night: Night, config: SimConfig, out: NightDisruptions, missing: int) -> None:
    """Take the missing coach's run away and give its trips to a standby coach or as later trips of another."""
    rule = config.disruptions.coach_no_show.rule
    gone = out.runs[missing]
    out.runs[missing] = Run(missing, gone.id, gone.seats, False, gone.available_min, [], "no_show")
    out.no_show = missing
    need = max(len(night.trips[t].workers) for t in gone.trips)
    if rule == "second_trip":
        candidates = [r for r in out.runs if r.kind == "coach" and r.trips and r.seats >= need]
        if candidates:
            def planned_end(run: Run) -> float:
                last = night.trips[run.trips[-1]]
                return last.planned_depart_min + sum(last.leg_min) + last.return_min

            chosen = min(candidates, key=lambda r: (planned_end(r), r.vehicle))
            chosen.trips.extend(gone.trips)
            out.rule = f"second_trip:{chosen.id}"
            return
    standby = Run(missing, f"{gone.id}~standby", gone.seats, False,
                  night.vehicles[missing].available_min + config.disruptions.coach_no_show.standby_delay_min,
                  list(gone.trips), "standby")
    out.runs.append(standby)
    out.rule = f"standby:{standby.id}" + ("" if rule == "standby" else " (no coach with the seats for a 2nd trip)")
