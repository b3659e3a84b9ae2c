"""The train: its delay model and the workers stepping off door by door."""

from __future__ import annotations

import dataclasses
from statistics import NormalDist

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scenarios.model import TrainDelay
from sim.config import SimConfig
from sim.train import alight_times, train_delay


def test_mixture_delay_matches_its_parameters(tiny) -> None:
    rng = np.random.default_rng(7)
    n = 20000
    delays = np.array([train_delay(tiny.train, SimConfig(), rng.random(2), rng.standard_normal()) for _ in range(n)])
    d = tiny.train.delay
    on_time = delays <= d.on_time_max_min
    sigma = np.log(d.late_p95_min / d.late_median_min) / NormalDist().inv_cdf(0.95)
    late_but_short = NormalDist().cdf(np.log(d.on_time_max_min / d.late_median_min) / sigma)
    assert on_time.mean() == pytest.approx(d.p_on_time + (1 - d.p_on_time) * late_but_short, abs=0.005)
    late = np.array([train_delay(tiny.train, SimConfig(), np.array([1.0, 0.0]), z)
                     for z in rng.standard_normal(n)])
    assert np.median(late) == pytest.approx(d.late_median_min, rel=0.03)
    assert np.quantile(late, 0.95) == pytest.approx(d.late_p95_min, rel=0.05)


def test_delay_kinds_and_no_randomness(tiny) -> None:
    fixed = dataclasses.replace(tiny.train, delay=TrainDelay(kind="fixed", fixed_min=12.0))
    none = dataclasses.replace(tiny.train, delay=TrainDelay(kind="none"))
    u, z = np.array([0.99, 0.5]), 2.0
    assert train_delay(fixed, SimConfig(), u, z) == 12.0
    assert train_delay(none, SimConfig(), u, z) == 0.0
    assert train_delay(tiny.train, SimConfig(random=False), u, z) == 0.0


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
