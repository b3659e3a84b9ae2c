"""The station: alighting by door, the walk to the hall, the welcome, the gift-pack desks and the coach bays."""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
import simpy

from scenarios.model import Station
from sim.config import SimConfig
from sim.servers import Servers, after


def walk_minutes(station: Station, u: np.ndarray) -> np.ndarray:
    """Minutes from the platform to the hall: distance over a speed uniform in ``walk_speed_mps``."""
    lo, hi = station.walk_speed_mps
    return station.walk_m / (lo + u * (hi - lo)) / 60.0


def desk_queue_times(station: Station, config: SimConfig, hall: np.ndarray) -> np.ndarray:
    """When each worker joins the desk queue, after the welcome (see ``SimConfig.welcome``)."""
    if config.welcome == "per_worker" or not np.isfinite(hall).any():
        return hall + station.welcome_min
    return np.where(np.isfinite(hall), np.nanmax(hall) + station.welcome_min, np.nan)


def desk_service_minutes(station: Station, config: SimConfig, u: np.ndarray) -> np.ndarray:
    """Gift-pack desk service per worker around the scenario's mean ``desk_service_s``."""
    mean = station.desk_service_s / 60.0
    if not config.random or config.desk_distribution == "fixed":
        return np.full(len(u), mean)
    if config.desk_distribution == "exponential":
        return -mean * np.log1p(-u)
    return mean * (1.0 - config.desk_spread + 2.0 * config.desk_spread * u)


class _SortedQueue(list):
    """SimPy's ``SortedQueue`` (requests by ``key``: priority, time, preempt), kept sorted by inserting each request
    after those with a key not greater than its own, which is the order SimPy's sort of the whole queue after
    every request gives (a stable sort of a sorted list with one item appended), in a fraction of the time."""

    def __init__(self, maxlen: int | None = None) -> None:
        super().__init__()
        self.maxlen = maxlen

    def append(self, item: Any) -> None:
        if self.maxlen is not None and len(self) >= self.maxlen:
            raise RuntimeError("Cannot append event. Queue is full.")
        bisect.insort_right(self, item, key=_request_key)


def _request_key(request: Any) -> Any:
    return request.key


class PriorityResource(simpy.PriorityResource):
    """``simpy.PriorityResource`` with the same order of service and a queue that does not sort itself whole."""

    PutQueue = _SortedQueue


class DeskStage:
    """Gift-pack desks: ``desks`` servers (``sim.servers.Servers``, served as a SimPy Resource), first come first
    served, or as a PriorityResource serving the lowest ``rank`` first among those waiting (``station.desk_order``
    "coach" or "sign").

    ``feed(arrivals, order, service, done, rank)`` releases arrivals at their times; each is served for its
    service time and then ``done(i, t_start, t_end)`` is called. It can be driven by any arrival times, e.g. Poisson
    arrivals for the M/M/c check in the tests.
    """

    def __init__(self, env: simpy.Environment, desks: int, priority: bool = False) -> None:
        self.env = env
        self.servers = Servers(env, desks, priority)

    def feed(self, arrivals: Sequence[float], order: Sequence[int], service: Sequence[float],
             done: Callable[[int, float, float], None], rank: Sequence[float] | None = None) -> simpy.Process:
        """Start the arrival process: ``order`` lists who arrives (at ``arrivals[i]``) in the order they queue."""
        return self.env.process(self._source(arrivals, order, service, done, rank))

    def _source(self, arrivals: Sequence[float], order: Sequence[int], service: Sequence[float],
                done: Callable[[int, float, float], None], rank: Sequence[float] | None):
        env = self.env
        for i in order:
            t = arrivals[i]
            if t > env.now:
                yield env.timeout(t - env.now)
            self._serve(i, service[i], done, 0.0 if rank is None else rank[i])

    def _serve(self, i: int, service: float, done: Callable[[int, float, float], None], rank: float = 0.0) -> None:
        """Queue for a desk, hold it for ``service``, release it: plain event callbacks (request, timeout,
        release), which behave as a process doing ``with desks.request(): yield timeout`` with two fewer events."""
        env, servers = self.env, self.servers

        def granted(_event: object) -> None:
            start = env.now

            def served(_event: object) -> None:
                servers.release()
                done(i, start, env.now)

            after(env, service, served)

        servers.request(granted, rank)


class Bays:
    """Coach bays: a PriorityResource; a coach with an earlier planned departure gets the next free bay first."""

    def __init__(self, env: simpy.Environment, bays: int) -> None:
        self.resource = PriorityResource(env, capacity=bays)

    def request(self, planned_depart_min: float) -> simpy.resources.resource.PriorityRequest:
        return self.resource.request(priority=planned_depart_min)
