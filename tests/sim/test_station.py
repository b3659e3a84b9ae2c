"""The gift-pack desk stage against queueing theory (M/M/c, Erlang C), and the walk and welcome."""

from __future__ import annotations

import numpy as np
import pytest
import simpy

from sim.station import DeskStage
from sim.stats import mean_ci
from sim.theory import erlang_c_wait, mmc_mean_wait


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


def test_ceremony_starts_when_the_last_worker_is_in_the_hall(tiny) -> None:
    from sim.config import SimConfig
    from sim.station import desk_queue_times, walk_minutes

    hall = np.array([1.0, 2.0, np.nan, 4.0])
    queue = desk_queue_times(tiny.station, SimConfig(), hall)
    assert queue[[0, 1, 3]].tolist() == [4.0 + tiny.station.welcome_min] * 3 and np.isnan(queue[2])
    each = desk_queue_times(tiny.station, SimConfig(welcome="per_worker"), hall)
    assert each[0] == 1.0 + tiny.station.welcome_min
    lo, hi = tiny.station.walk_speed_mps
    assert walk_minutes(tiny.station, np.array([0.0, 1.0])).tolist() == pytest.approx(
        [tiny.station.walk_m / lo / 60, tiny.station.walk_m / hi / 60])
