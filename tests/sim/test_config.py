"""SimConfig: defaults, dotted-path overrides, and range checks that name the bad value."""

from __future__ import annotations

import pytest

from scenarios import load
from scenarios.errors import ScenarioError
from sim.config import SimConfig, as_config, split_night


def test_overrides_by_dotted_path() -> None:
    config = SimConfig().with_overrides({"bay_call": "first_ready", "stop_min": [1, 2]})
    assert config.bay_call == "first_ready"
    assert config.stop_min == (1, 2)
    assert SimConfig().bay_call == "all_ready"  # the default is untouched


def test_the_night_model_is_the_scenarios_not_an_option() -> None:
    """Disruptions are not simulation options (one model, the scenario's): ``split_night`` hands them over."""
    with pytest.raises(ScenarioError, match="disruptions"):
        SimConfig().with_overrides({"disruptions.coach_no_show.rule": "second_trip"})
    assert split_night({"n_jobs": 1, "disruptions.coach_no_show.p": 0.1}) == (
        {"n_jobs": 1}, {"disruptions.coach_no_show.p": 0.1})


@pytest.mark.parametrize(("overrides", "field", "text"), [
    ({"disruptions.coach_no_show.rule": "taxi"}, "disruptions.coach_no_show.rule", "second_trip, standby"),
    ({"disruptions.missed_train.p_per_worker": 1.5}, "p_per_worker", "1.5"),
    ({"disruptions.late_train.bogus": 1}, "bogus", "did you mean|valid|nearest"),
])
def test_bad_night_model_names_the_field(overrides: dict, field: str, text: str) -> None:
    with pytest.raises(ScenarioError, match=field) as info:
        load("tiny").with_overrides(overrides)
    assert info.match(text)


@pytest.mark.parametrize(("overrides", "field", "text"), [
    ({"checkin_s": [60, 30]}, "checkin_s", "low <= high"),
    ({"welcome": "party"}, "welcome", "ceremony"),
    ({"bay_call": "bogus"}, "bay_call", "all_ready"),
])
def test_bad_options_name_the_field(overrides: dict, field: str, text: str) -> None:
    with pytest.raises(ScenarioError, match=field) as info:
        SimConfig().with_overrides(overrides)
    assert info.match(text)


def test_as_config() -> None:
    assert as_config(None) == SimConfig()
    assert as_config({"random": False}).random is False
    with pytest.raises(ScenarioError, match="SimConfig"):
        as_config(["random"])  # type: ignore[arg-type]
