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


def burst_two_stages(seed: int, customers: int, c1: int, mu1: float, c2: int, mu2: float) -> np.ndarray:
    """The model's ``DeskStage`` twice in a row, fed a whole train at time 0 (exponential service at both): each
    customer's exit time from the second stage."""
    rng = np.random.default_rng(seed)
    s1, s2 = rng.exponential(1 / mu1, customers).tolist(), rng.exponential(1 / mu2, customers).tolist()
    env = simpy.Environment()
    second = DeskStage(env, c2)
    exits = np.full(customers, np.nan)

    def out(i: int, start: float, end: float) -> None:
        exits[i] = end

    def through_first(i: int, start: float, end: float) -> None:
        second._serve(i, s2[i], out)

    DeskStage(env, c1).feed([0.0] * customers, range(customers), s1, through_first)
    env.run()
    return exits


def ciw_burst_two_stages(seed: int, customers: int, c1: int, mu1: float, c2: int, mu2: float) -> np.ndarray:
    """The same system in Ciw (a test dependency): a batch of ``customers`` at time 0 through two M/c stages."""
    import ciw

    network = ciw.create_network(
        arrival_distributions=[ciw.dists.Sequential([0.0, 1e9]), None],
        service_distributions=[ciw.dists.Exponential(rate=mu1), ciw.dists.Exponential(rate=mu2)],
        number_of_servers=[c1, c2], routing=[[0.0, 1.0], [0.0, 0.0]],
        batching_distributions=[ciw.dists.Deterministic(customers), None])
    ciw.seed(seed)
    sim = ciw.Simulation(network)
    sim.simulate_until_max_time(1e6)
    return np.array([r.exit_date for r in sim.get_all_records() if r.node == 2])


def ciw_mmc_mean_wait(seed: int, lam: float, mu: float, c: int, customers: int, warmup: int) -> float:
    """Mean wait in queue of an M/M/c queue in Ciw, over the customers after ``warmup``."""
    import ciw

    network = ciw.create_network(arrival_distributions=[ciw.dists.Exponential(rate=lam)],
                                 service_distributions=[ciw.dists.Exponential(rate=mu)], number_of_servers=[c])
    ciw.seed(seed)
    sim = ciw.Simulation(network)
    sim.simulate_until_max_customers(customers, method="Finish")
    records = sorted(sim.get_all_records(), key=lambda r: r.arrival_date)
    return float(np.mean([r.waiting_time for r in records[warmup:]]))


def burst_statistics(exits: np.ndarray) -> tuple[float, float, float]:
    """(mean, 95th percentile, makespan) of the exit times of one burst."""
    return float(np.mean(exits)), float(np.quantile(exits, 0.95)), float(np.max(exits))


def trip_travel_samples(replications: int, planned: np.ndarray, leg_district: np.ndarray,
                        legs: list[tuple[str, str]], cvs: tuple[float, float, float, float],
                        seed: int = 0) -> np.ndarray:
    """The model's total drive time of one trip (legs ``planned`` minutes, each a (from, to) pair of places;
    ``leg_district``: one district index per leg, or district weights) over many replications, with the night,
    district, place and road factors of ``sim.roads``."""
    from sim.roads import as_weights, leg_factors
    from sim.streams import Draws, key_hash

    train, roads = key_hash(["train|T"]), key_hash([f"leg|{a}|{b}" for a, b in legs])
    a, b = key_hash([f"place|{a}" for a, _ in legs]), key_hash([f"place|{b}" for _, b in legs])
    weights = as_weights(leg_district)
    districts = key_hash([f"district|{d}" for d in range(weights.shape[1])])
    return np.array([float(planned @ leg_factors(Draws(seed, r), train, roads, weights, districts, a, b, cvs))
                     for r in range(replications)])
