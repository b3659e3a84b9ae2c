"""Whose luck the roads are: an evening's shared by its arrivals, the planner's own error shared by a season."""

from __future__ import annotations

import numpy as np
import pytest

from sim.config import SimConfig
from sim.model import travel_factors
from sim.night import compile_night
from sim.streams import Draws
from tests.sim.conftest import hand_plan


def _luck(nights, seeds, replications: int, season_seed: int | None = None) -> np.ndarray:
    """Per night (rows) and replication (columns): the night's planned-minute-weighted travel factor."""
    out = np.zeros((len(nights), replications))
    for r in range(replications):
        for k, (night, seed) in enumerate(zip(nights, seeds, strict=True)):
            draws = Draws(seed, r)
            season = draws if season_seed is None else Draws(season_seed, r)
            planned = np.array([m for t in night.trips for m in (*t.leg_min, t.return_min)])
            out[k, r] = float(planned @ travel_factors(night, draws, season)) / planned.sum()
    return out


def test_two_arrivals_of_one_evening_share_its_travel_luck(two_enterprises_one_coach) -> None:
    sc, _ = two_enterprises_one_coach
    # Two trains at one point on one evening, as sim.simulate_day compiles them (entity ids prefixed per train),
    # driving to different enterprises: they share the evening's roads, not their legs.
    to_t1 = hand_plan(sc, [("T1", ["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"])])
    to_t2 = hand_plan(sc, [("T2", ["W1", "W2", "W3", "W4", "W5", "W6", "W7", "W8"])])
    first, second = compile_night(sc, to_t1, prefix="T1/"), compile_night(sc, to_t2, prefix="T2/")
    luck = _luck([first, second], [7, 7], 400)
    assert np.corrcoef(luck)[0, 1] > 0.8


def test_the_planners_error_is_shared_by_a_season_and_centred_above_one(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    night = compile_night(sc, plan)
    apart = _luck([night, night], [1, 2], 400)
    assert abs(np.corrcoef(apart)[0, 1]) < 0.15  # own seeds and no season seed: independent evenings
    assert apart.mean() > 1.0  # travel.bias: 1.02 by default (an estimate)
    # Two evenings of one season: their own seeds, the season's seed for the error of the planner's times; with
    # an error as uncertain as the evening's luck, they correlate about one half.
    unsure = compile_night(sc.with_overrides({"travel.bias_cv": 0.15}), plan)
    season = _luck([unsure, unsure], [1, 2], 400, season_seed=9)
    assert np.corrcoef(season)[0, 1] > 0.35
    slow = _luck([compile_night(sc.with_overrides({"travel.bias": 1.1, "travel.bias_cv": 0.0}), plan)], [1], 400)
    assert slow.mean() / apart[0].mean() == pytest.approx(1.1 / 1.02, rel=0.01)
    assert SimConfig().season_seed is None
