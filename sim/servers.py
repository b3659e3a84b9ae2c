"""Servers (gift-pack desks, a dormitory's check-in desk): SimPy's Resource queue with plain events, and the loop.

``Servers`` serves exactly as ``simpy.Resource`` does (or ``simpy.PriorityResource``: the lowest rank first, first
come first served among equal ranks) and schedules the same events in the same order: a request's grant when a
server is free (at once, or when a release is processed, or when a later request finds a server free), a release
event per release. The environment orders events by (time, priority, the order they were scheduled), so the same
events scheduled in the same order give the same run, to the bit; what is saved is SimPy's general put/get queue
machinery (``Request``/``Release`` objects, their trigger loops) around each of the night's ~1,000 desk and
check-in services. ``tests/sim/test_servers.py`` compares the two event by event.

The grants, releases and the timeouts the night's callbacks wait on (``after``) are ``Due`` events: slotted, with
only what the loop reads. ``run`` is ``simpy.Environment.run()`` (no ``until``: until no event is left) as one loop
rather than a method call per event.
"""

from __future__ import annotations

import heapq
import itertools
from collections import deque
from collections.abc import Callable

import simpy

Granted = Callable[[object], None]
NORMAL = simpy.events.NORMAL


class Due:
    """An event with plain callbacks (a grant, a release, a timeout nobody yields): what the event loop reads of a
    ``simpy.Event`` (``callbacks``, ``_ok``, ``_value``) and nothing more, so cheaper to make. It is scheduled as
    ``Event.succeed`` and ``Timeout`` schedule theirs (``env.schedule``: time, NORMAL, the next event id)."""

    __slots__ = ("_ok", "_value", "callbacks")

    def __init__(self, callback: Granted) -> None:
        self.callbacks = [callback]

    def fire(self, env: simpy.Environment, delay: float = 0) -> None:
        """Schedule the event ``delay`` minutes from now (``succeed()`` with no delay, ``Timeout`` with one)."""
        self._ok, self._value = True, None
        heapq.heappush(env._queue, (env._now + delay, NORMAL, next(env._eid), self))


def after(env: simpy.Environment, delay: float, callback: Granted) -> None:
    """``env.timeout(delay).callbacks.append(callback)``: the same event, scheduled the same way, made cheaper."""
    if delay < 0:
        raise ValueError(f"Negative delay {delay}")
    Due(callback).fire(env, delay)


class Servers:
    """``capacity`` servers; ``request(granted, rank)`` queues and calls ``granted(event)`` once served, ``release()``
    frees a server. With ``priority`` the lowest ``rank`` waiting is served next (ties: first come)."""

    def __init__(self, env: simpy.Environment, capacity: int, priority: bool = False) -> None:
        self.env = env
        self.capacity = capacity
        self.busy = 0
        self.priority = priority
        self.waiting: deque[Due] = deque()
        self.ranked: list[tuple[float, float, int, Due]] = []
        self._order = itertools.count()

    def request(self, granted: Granted, rank: float = 0.0) -> None:
        """Queue for a server; ``granted(event)`` runs when the grant is processed."""
        event = Due(granted)
        if self.priority:  # SimPy's PriorityRequest key: (priority, time of the request), then first come
            heapq.heappush(self.ranked, (rank, self.env.now, next(self._order), event))
        else:
            self.waiting.append(event)
        self._grant()

    def release(self) -> None:
        """Free a server: the next in line is granted when this release is processed (as SimPy's ``Release``)."""
        self.busy -= 1
        Due(self._grant).fire(self.env)

    def _grant(self, _event: object = None) -> None:
        """The head of the queue gets a free server (SimPy's ``_trigger_put``: only the head is looked at)."""
        if self.busy < self.capacity:
            if self.priority:
                if self.ranked:
                    self.busy += 1
                    heapq.heappop(self.ranked)[3].fire(self.env)
            elif self.waiting:
                self.busy += 1
                self.waiting.popleft().fire(self.env)


def run(env: simpy.Environment) -> None:
    """Process events until none is left: ``env.run()`` without the method call and ``try`` of ``env.step()`` per
    event (the same events in the same order; a failed event that nobody defused raises, as in SimPy)."""
    queue, pop = env._queue, heapq.heappop
    while queue:
        env._now, _, _, event = pop(queue)
        callbacks, event.callbacks = event.callbacks, None
        for callback in callbacks:
            callback(event)
        if not event._ok and not hasattr(event, "_defused"):
            exc = type(event._value)(*event._value.args)
            exc.__cause__ = event._value
            raise exc


__all__ = ["Due", "Servers", "after", "run"]
