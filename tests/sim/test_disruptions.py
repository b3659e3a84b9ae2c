"""Disruptions: drawn whatever the switches say (common random numbers), and the no-show rules."""

from __future__ import annotations

import numpy as np

from sim.config import SimConfig
from sim.disruptions import draw
from sim.night import compile_night


def _draw(night, config, seed=3):
    return draw(night, config, np.random.default_rng(seed), np.random.default_rng(seed + 1))


def test_switching_a_disruption_on_keeps_the_other_numbers(bundled_2023) -> None:
    night = compile_night(*bundled_2023)
    off = _draw(night, SimConfig())
    on = _draw(night, SimConfig().with_overrides({"disruptions.missed_train.enabled": True,
                                                  "disruptions.missed_train.p_per_worker": 0.5}))
    assert [r.available_min for r in off.runs] == [r.available_min for r in on.runs]
    assert off.missed.sum() == 0 and 0 < on.missed.sum() < night.n_workers


def test_second_trip_goes_to_the_coach_that_finishes_first_with_the_seats(bundled_2023) -> None:
    night = compile_night(*bundled_2023)
    config = SimConfig().with_overrides({"disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 1,
                                         "disruptions.coach_no_show.rule": "second_trip"})
    d = _draw(night, config)
    gone = d.runs[d.no_show]
    assert gone.kind == "no_show" and gone.trips == []
    helper = next(r for r in d.runs if r.id == d.rule.split(":", 1)[1])
    moved = night.vehicles[d.no_show].trips
    assert helper.trips[-len(moved):] == moved
    assert helper.seats >= max(len(night.trips[t].workers) for t in moved)


def test_standby_comes_later_with_the_same_seats(bundled_2023) -> None:
    night = compile_night(*bundled_2023)
    config = SimConfig().with_overrides({"disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 1})
    d = _draw(night, config)
    standby = d.runs[-1]
    missing = night.vehicles[d.no_show]
    assert standby.kind == "standby" and standby.trips == missing.trips and standby.seats == missing.seats
    assert standby.available_min == missing.available_min + config.disruptions.coach_no_show.standby_delay_min
