"""Enterprises: dormitory check-in at the stop (a Resource per enterprise, waiting for check-in to open).

An enterprise's own vehicle is a Vehicle of the Night (see ``sim.night``) and is driven by ``sim.coaches``.
"""

from __future__ import annotations

import simpy

from sim.events import Recorder


class CheckIn:
    """Dormitory check-in desks, one Resource per enterprise id, created when first needed."""

    def __init__(self, env: simpy.Environment, recorder: Recorder, desks: int) -> None:
        self.env = env
        self.rec = recorder
        self.desks = desks
        self.resources: dict[str, simpy.Resource] = {}

    def start(self, g: int, enterprise_id: str, open_min: float, close_min: float, minutes: float) -> None:
        """Worker ``g`` has been dropped at ``enterprise_id``; check in taking ``minutes``."""
        self.env.process(self._checkin(g, enterprise_id, open_min, close_min, minutes))

    def _checkin(self, g: int, enterprise_id: str, open_min: float, close_min: float, minutes: float):
        env = self.env
        if env.now < open_min:
            yield env.timeout(open_min - env.now)
        resource = self.resources.get(enterprise_id)
        if resource is None:
            resource = self.resources[enterprise_id] = simpy.Resource(env, capacity=self.desks)
        with resource.request() as req:
            yield req
            yield env.timeout(minutes)
        self.rec.worker(g, "checked_in", env.now, enterprise_id, detail="after_close" if env.now > close_min else "")
