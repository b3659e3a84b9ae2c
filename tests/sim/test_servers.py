"""``sim.servers``: the same service and the same events, in the same order, as SimPy's own resources."""

from __future__ import annotations

import numpy as np
import pytest
import simpy

from sim.servers import Servers, run
from sim.station import PriorityResource


def _simpy_desks(env: simpy.Environment, capacity: int, priority: bool, log: list):
    """The desks as they were: a SimPy Resource (PriorityResource), request - timeout - release by callbacks."""
    resource = PriorityResource(env, capacity=capacity) if priority else simpy.Resource(env, capacity)

    def serve(i: int, service: float, rank: float) -> None:
        req = resource.request(priority=rank) if priority else resource.request()

        def granted(_event: simpy.Event) -> None:
            log.append(("start", i, env.now))

            def served(_event: simpy.Event) -> None:
                resource.release(req)
                log.append(("end", i, env.now))

            env.timeout(service).callbacks.append(served)

        req.callbacks.append(granted)

    return serve


def _our_desks(env: simpy.Environment, capacity: int, priority: bool, log: list):
    servers = Servers(env, capacity, priority)

    def serve(i: int, service: float, rank: float) -> None:
        def granted(_event: simpy.Event) -> None:
            log.append(("start", i, env.now))

            def served(_event: simpy.Event) -> None:
                servers.release()
                log.append(("end", i, env.now))

            env.timeout(service).callbacks.append(served)

        servers.request(granted, rank)

    return serve


def _trace(make, seed: int, capacity: int, priority: bool, use_run: bool) -> tuple[list, int]:
    """Arrivals, services and ranks in whole minutes (many ties: the hard case for the order of events), and a
    second stream of unrelated timeouts interleaved; the log of every start and end, and the events scheduled."""
    rng = np.random.default_rng(seed)
    n = 200
    arrivals = np.sort(rng.integers(0, 60, n)).tolist()
    service = rng.integers(0, 6, n).astype(float).tolist()
    rank = rng.integers(0, 4, n).astype(float).tolist()
    env, log = simpy.Environment(), []
    serve = make(env, capacity, priority, log)

    def source():
        for i, t in enumerate(arrivals):
            if t > env.now:
                yield env.timeout(t - env.now)
            serve(i, service[i], rank[i])

    def noise():
        for k in range(100):
            yield env.timeout(float(rng.integers(0, 2)))
            log.append(("noise", k, env.now))

    env.process(source())
    env.process(noise())
    if use_run:
        run(env)
    else:
        env.run()
    return log, next(env._eid)


@pytest.mark.parametrize("priority", [False, True])
@pytest.mark.parametrize("capacity", [1, 3])
def test_servers_serve_and_schedule_as_simpy_resources(priority: bool, capacity: int) -> None:
    for seed in range(5):
        theirs, their_events = _trace(_simpy_desks, seed, capacity, priority, use_run=False)
        ours, our_events = _trace(_our_desks, seed, capacity, priority, use_run=True)
        assert ours == theirs and our_events == their_events
        assert sum(1 for e in ours if e[0] == "end") == 200


def test_the_loop_raises_a_failed_event_as_simpy_does() -> None:
    env = simpy.Environment()
    env.event().fail(ValueError("broken"))
    with pytest.raises(ValueError, match="broken"):
        run(env)
