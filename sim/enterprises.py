"""Enterprises: dormitory check-in at the stop (a Resource per enterprise, waiting for check-in to open).

A worker dropped after the dormitory's ``checkin_close`` is a late check-in (``Recorder.late``); with the policy
"kept_up" they queue at once, with "morning" they wait until ``policy.morning_checkin``.

An enterprise's own vehicle is a Vehicle of the Night (see ``sim.night``) and is driven by ``sim.coaches``.
"""

from __future__ import annotations

from functools import partial

import simpy

from sim.events import Recorder
from sim.servers import Servers, after


class CheckIn:
    """Dormitory check-in desks, one ``sim.servers.Servers`` (served as a SimPy Resource) per enterprise id,
    created when first needed."""

    def __init__(self, env: simpy.Environment, recorder: Recorder, desks: int) -> None:
        self.env = env
        self.rec = recorder
        self.desks = desks
        self.resources: dict[str, Servers] = {}

    def start(self, g: int, enterprise_id: str, open_min: float, close_min: float, minutes: float,
              morning_min: float | None = None) -> None:
        """Worker ``g`` has been dropped at ``enterprise_id``; queue (once check-in is open) and check in.

        Arriving after ``close_min`` marks a late check-in; with ``morning_min`` they wait until then.
        Event callbacks (request, timeout, release) rather than a process per worker: the same queue, fewer events.
        """
        env = self.env
        now = env.now
        if now > close_min:
            self.rec.late_checkin(g, now, enterprise_id)
            if morning_min is not None and morning_min > now:
                open_min = morning_min
        if now < open_min:
            after(env, open_min - now, partial(self._queue, g, enterprise_id, minutes))
        else:
            self._queue(g, enterprise_id, minutes)

    def _queue(self, g: int, enterprise_id: str, minutes: float, _event: object = None) -> None:
        env = self.env
        desks = self.resources.get(enterprise_id)
        if desks is None:
            desks = self.resources[enterprise_id] = Servers(env, self.desks)

        def done(_event: object) -> None:
            desks.release()
            self.rec.worker(g, "checked_in", env.now, enterprise_id)

        desks.request(lambda _ev: after(env, minutes, done))
