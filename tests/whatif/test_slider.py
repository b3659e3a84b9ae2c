"""The slider of notebook 05: a move answered from the base plan is the option a planner would get from scratch
where nothing had to be searched again, its plan passes the checker, and an impossible move still says why."""

from __future__ import annotations

import pandas as pd
import pytest

import scenarios
from planning.check import check_plan
from scenarios.scenario import Scenario
from whatif.option import try_option
from whatif.slider import Slider

SETTINGS = {"replications": 2, "seed": 1, "iterations": 300}


@pytest.fixture(scope="module")
def tiny() -> Scenario:
    """Eight workers, three enterprises, one 12-seat minibus."""
    return scenarios.load("tiny")


@pytest.fixture(scope="module")
def slider(tiny: Scenario) -> Slider:
    """A slider on tiny, its base plan made."""
    return Slider(tiny, **SETTINGS)


def test_a_move_reusing_every_search_is_the_option_from_scratch(tiny: Scenario, slider: Slider) -> None:
    """A second minibus changes no district's problem: the move keeps the placement and every search, and its
    plan and simulated nights are those of ``try_option`` from scratch."""
    move = {"fleet.minibus_12.count": 2}
    option = slider(move)
    assert option.valid and {how for _, how in slider.reused} == {"same"}
    scratch = try_option(tiny, move, **SETTINGS)
    assert option.plan.routes.equals(scratch.plan.routes) and option.plan.manifest.equals(scratch.plan.manifest)
    pd.testing.assert_frame_equal(option.result.kpis, scratch.result.kpis)
    assert option.label("en") == scratch.label("en")


def test_a_delayed_move_passes_the_checker(tiny: Scenario, slider: Slider) -> None:
    option = slider({"train.delay_min": 45})
    assert dict(slider.reused)["placement"] == "same"
    assert option.valid and check_plan(option.scenario, option.plan, strict=False) == []
    assert option.result.kpis.shape[0] == SETTINGS["replications"]


def test_a_move_with_no_valid_plan_says_why(slider: Slider) -> None:
    too_few = slider({"fleet.minibus_12.count": 0})
    assert not too_few.valid and "无有效方案" in too_few._repr_html_()
    late = slider({"policy.latest_arrival": "23:00"})
    assert not late.valid and late.result is None
