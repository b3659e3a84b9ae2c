"""Disruptions of one replication: a late train, a coach that does not come, workers who missed the train.

The model is the night's (``Night.disruptions``: the scenario's ``scenarios.disruptions``, with the standby coaches
the plan books), the same in every command.

Every number is keyed by its entity (``sim.streams``) and drawn whether or not the disruption is switched on, so
switching one on or off leaves every other number unchanged: common random numbers across variants. A coach's
no-show is known when it is due at the station (``fleet.*.available_from``), or at its first planned departure if
that is earlier, less ``notice_lead_min``; the standby comes ``standby_delay_min`` after that.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from scenarios.disruptions import Z95
from sim.config import SimConfig
from sim.night import Night
from sim.streams import Draws


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
    known_min: float = float("nan")  # when the staff knew the coach would not come
    runs: list[Run] = field(default_factory=list)


def draw(night: Night, config: SimConfig, draws: Draws) -> NightDisruptions:
    """Draw the disruptions and coach lateness of one night and say which vehicle runs which trips.

    Keys: the late train and whether a coach fails to come by the train; which coach, its lateness by the coach id;
    who missed the train by the worker id.
    """
    d = night.disruptions
    tk, vk = night.train_key, night.vehicle_keys
    late_u, late_z = draws.uniform("disruptions", tk, 0)[0], draws.normal("disruptions", tk, 0)[0]
    noshow_u = draws.uniform("disruptions", tk, 1)[0]
    pick_u = draws.uniform("disruptions", vk, 2)
    missed_u = draws.uniform("disruptions", night.worker_keys, 3)
    late = d.coach_late.minutes(draws.uniform("coaches", vk, 0), draws.normal("coaches", vk, 0),
                                draws.exponential("coaches", vk, 1))
    out = NightDisruptions(missed=np.zeros(night.n_workers, dtype=bool))
    if not config.random:
        late = np.zeros(len(night.vehicles))
    if config.random and d.late_train.enabled and late_u < d.late_train.p:
        sigma = np.log(d.late_train.p95_min / d.late_train.median_min) / Z95
        out.extra_delay_min = float(d.late_train.median_min * np.exp(sigma * late_z))
    if config.random and d.missed_train.enabled:
        out.missed = missed_u < d.missed_train.p_per_worker
    for v, vehicle in enumerate(night.vehicles):
        out.runs.append(Run(v, night.prefix + vehicle.id, vehicle.seats, vehicle.own,
                            vehicle.available_min + (0.0 if vehicle.own else float(late[v])),
                            list(vehicle.trips), "own" if vehicle.own else "coach"))
    coaches = [v for v, vehicle in enumerate(night.vehicles) if not vehicle.own and vehicle.trips]
    if config.random and d.coach_no_show.enabled and coaches and noshow_u < d.coach_no_show.p:
        missing = min(coaches, key=lambda v: (pick_u[v], v))  # keyed by coach id: the same coach in every plan
        _reassign(night, out, missing)
    return out


def _reassign(night: Night, out: NightDisruptions, missing: int) -> None:
    """Take the missing coach's run away and give its trips to a standby coach or as later trips of another."""
    rule = night.disruptions.coach_no_show.rule
    gone = out.runs[missing]
    out.runs[missing] = Run(missing, gone.id, gone.seats, False, gone.available_min, [], "no_show")
    out.no_show = missing
    need = max(len(night.trips[t].workers) for t in gone.trips)
    booked = [s for s in night.booked_seats if s >= need]
    if booked:  # a standby the plan books waits by the station: it takes the missing coach's trips
        rule = "booked"
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
    c = night.disruptions.coach_no_show
    due = min(night.vehicles[missing].available_min, *(night.trips[t].planned_depart_min for t in gone.trips))
    known = due - c.notice_lead_min
    out.known_min = known
    delay = c.booked_standby_min if booked else c.standby_delay_min
    standby = Run(missing, f"{gone.id}~standby", min(booked) if booked else gone.seats, False,
                  max(known + delay, night.vehicles[missing].available_min), list(gone.trips), "standby")
    out.runs.append(standby)
    out.rule = f"{'booked' if booked else 'standby'}:{standby.id}" + (
        "" if rule in ("standby", "booked") else " (no coach with the seats for a 2nd trip)")
