"""SimConfig: defaults, dotted-path overrides, and range checks that name the bad value."""

from __future__ import annotations

import pytest

from scenarios.errors import ScenarioError
from sim.config import SimConfig, as_config


def test_overrides_by_dotted_path() -> None:
    config = SimConfig().with_overrides({"disruptions.coach_no_show.rule": "second_trip", "stop_min": [1, 2]})
    assert config.disruptions.coach_no_show.rule == "second_trip"
    assert config.stop_min == (1, 2)
    assert SimConfig().disruptions.coach_no_show.rule == "standby"  # the default is untouched


@pytest.mark.parametrize(("overrides", "field", "text"), [
    ({"disruptions.coach_no_show.rule": "taxi"}, "disruptions.coach_no_show.rule", "standby, second_trip"),
    ({"disruptions.missed_train.p_per_worker": 1.5}, "p_per_worker", "1.5"),
    ({"checkin_s": [60, 30]}, "checkin_s", "low <= high"),
    ({"welcome": "party"}, "welcome", "ceremony"),
    ({"disruptions.late_train.bogus": 1}, "bogus", "did you mean|valid values"),
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
