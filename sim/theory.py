"""Queueing theory for validating the model: closed-form answers and the model's own components driven to match.

Used by the tests (``tests/sim/test_station.py``, ``tests/sim/test_coaches.py``) and notebook 04.
"""

from __future__ import annotations

import math

import numpy as np
import simpy

from sim.coaches import board_trip
from sim.state import TripBoard
from sim.station import DeskStage


def erlang_c_wait(lam: float, mu: float, c: int) -> float:
    """Mean wait in queue of an M/M/c queue (Erlang C): arrival rate ``lam``, service rate ``mu``, ``c`` servers."""
    a = lam / mu
    rho = a / c
    if rho >= 1:
        raise ValueError(f"the queue is unstable: lam / (c mu) = {rho:.3f} >= 1")
    top = a**c / math.factorial(c) / (1 - rho)
    p_wait = top / (sum(a**k / math.factorial(k) for k in range(c)) + top)
    return p_wait / (c * mu - lam)


def mmc_mean_wait(seed: int, lam: float, mu: float, c: int, customers: int, warmup: int) -> float:
    """Mean wait in queue at the model's gift-pack ``DeskStage`` fed Poisson arrivals with exponential service."""
    rng = np.random.default_rng(seed)
    arrivals = np.cumsum(rng.exponential(1 / lam, customers)).tolist()
    service = rng.exponential(1 / mu, customers).tolist()
    waits = [math.nan] * customers
    env = simpy.Environment()

    def done(i: int, start: float, end: float) -> None:
        waits[i] = start - arrivals[i]

    DeskStage(env, c).feed(arrivals, range(customers), service, done)
    env.run()
    return float(np.mean(waits[warmup:]))


def leave_when_full_wait(seats: int, lam: float) -> float:
    """Mean wait of Poisson arrivals for a coach that leaves the moment its ``seats`` are taken: (K - 1) / (2 lam)."""
    return (seats - 1) / (2 * lam)


def full_coach_mean_wait(seed: int, lam: float, seats: int, coaches: int) -> float:
    """The model's boarding (``board_trip``) with Poisson arrivals at a sign and coaches without limit, each leaving
    the moment its seats are aboard; the mean wait from arrival to departure."""
    rng = np.random.default_rng(seed)
    n = seats * coaches
    arrivals = np.cumsum(rng.exponential(1 / lam, n))
    boards = [TripBoard(present=seats) for _ in range(coaches)]
    departed = np.full(n, np.nan)
    env = simpy.Environment()
    no_time = [0.0] * n

    def coach(board: TripBoard):
        aboard = yield from board_trip(env, board, no_time, lambda i, t: None)
        departed[aboard] = env.now

    def source():
        for i, t in enumerate(arrivals):
            yield env.timeout(t - env.now)
            boards[i // seats].arrive(i)

    for board in boards:
        env.process(coach(board))
    env.process(source())
    env.run()
    return float(np.mean(departed - arrivals))
