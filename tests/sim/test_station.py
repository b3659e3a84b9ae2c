"""The gift-pack desk stage against queueing theory (M/M/c, Erlang C) and the station's deterministic parts."""

from __future__ import annotations

import math

import numpy as np
import simpy
from hypothesis import given, settings
from hypothesis import strategies as st

from sim.kpis import mean_ci
from sim.station import DeskStage
from sim.train import alight_times


def erlang_c_wait(lam: float, mu: float, c: int) -> float:
    """Mean wait in queue of an M/M/c queue (Erlang C)."""
    a = lam / mu
    rho = a / c
    top = a ** c / math.factorial(c) / (1 - rho)
    p_wait = top / (sum(a ** k / math.factorial(k) for k in range(c)) + top)
    return p_wait / (c * mu - lam)


def mmc_mean_wait(seed: int, lam: float, mu: float, c: int, customers: int, warmup: int) -> float:
    """Mean wait in queue at a DeskStage driven by Poisson arrivals with exponential service."""
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


def test_erlang_c_reference_value() -> None:
    assert round(erlang_c_wait(4, 1, 5), 4) == 0.5541


def test_desks_as_mmc_agree_with_erlang_c() -> None:
    theory = erlang_c_wait(4.0, 1.0, 5)
    seeds = np.random.SeedSequence(20240219).generate_state(30)
    means = [mmc_mean_wait(int(s), 4.0, 1.0, 5, customers=6000, warmup=500) for s in seeds]
    mean, lo, hi = mean_ci(np.array(means), level=0.99)
    assert lo <= theory <= hi, f"Erlang C {theory:.4f} outside the 99% CI [{lo:.4f}, {hi:.4f}] (mean {mean:.4f})"
    assert hi - lo < 0.1  # the check has teeth: the interval is narrow


def test_desks_serve_first_come_first_served() -> None:
    env = simpy.Environment()
    log = []
    DeskStage(env, 2).feed([0.0, 0.0, 0.0, 1.0], [0, 1, 2, 3], [3.0, 5.0, 1.0, 1.0],
                           lambda i, s, e: log.append((i, s, e)))
    env.run()
    assert log == [(0, 0.0, 3.0), (2, 3.0, 4.0), (1, 0.0, 5.0), (3, 4.0, 5.0)]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(0, 5), min_size=1, max_size=40), st.floats(0.5, 3.0),
       st.lists(st.booleans(), min_size=40, max_size=40))
def test_alighting_is_one_after_another_per_door(doors: list[int], seconds: float, on_train: list[bool]) -> None:
    door = np.array(doors)
    present = np.array(on_train[: len(doors)])
    off = alight_times(100.0, door, present, np.full(len(doors), seconds))
    assert np.isnan(off[~present]).all()
    for d in set(doors):
        mine = off[(door == d) & present]
        assert np.allclose(mine, 100.0 + seconds * np.arange(1, len(mine) + 1) / 60.0)
