"""The state of one night inside one replication: its draws, the boards at the signs and the shared resources.

``NightState`` is built by ``sim.model`` and read by the vehicle processes of ``sim.coaches``; ``TripBoard`` is
the group of one trip forming at its sign. Both live here so that neither of those modules imports the other.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

import simpy

from sim.config import SimConfig
from sim.disruptions import NightDisruptions
from sim.enterprises import CheckIn
from sim.events import Recorder
from sim.night import Night
from sim.station import Bays


@dataclass
class TripBoard:
    """The workers of one trip waiting at their sign (night-local indices), and the vehicle waiting for them."""

    present: int  # manifest workers who are in the station (or will be)
    ready: deque = field(default_factory=deque)
    waiter: simpy.Event | None = None
    arrived: int = 0  # workers who have reached the sign so far
    first_min: float = float("nan")  # when the first of them reached it: the group starts forming

    need: int = 0  # the waiting vehicle wakes once this many have arrived

    def arrive(self, g: int, now: float = float("nan")) -> None:
        if self.arrived == 0:
            self.first_min = now
        self.arrived += 1
        self.ready.append(g)
        if self.waiter is not None and self.arrived >= self.need and not self.waiter.triggered:
            self.waiter.succeed()

    def wait(self, env: simpy.Environment, arrived: int | None = None) -> simpy.Event:
        """An event that succeeds once ``arrived`` workers (default: one more) have reached the sign."""
        self.need = self.arrived + 1 if arrived is None else arrived
        self.waiter = env.event()
        return self.waiter


@dataclass
class NightState:
    """One night inside one replication: its draws, boards and shared resources."""

    env: simpy.Environment
    night: Night
    offset: int  # first global worker index of this night in the recorder
    config: SimConfig
    rec: Recorder
    bays: Bays
    checkin: CheckIn
    boards: list[TripBoard]
    present: list[bool]
    board_min: list[float]
    factor: list[float]
    dwell: list[float]
    checkin_min: list[float]
    all_off: float
    disruptions: NightDisruptions
    delay_min: float  # the train's delay this replication (known + random + disruption)
