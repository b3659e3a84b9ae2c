"""Variants and grids."""

from __future__ import annotations

import pytest

from scenarios import ScenarioError
from scenarios.overrides import nearest_paths
from whatif.variants import Variant, grid, parse_set, parse_value


def test_parse_set_reads_numbers_and_text() -> None:
    assert parse_set("train.delay_min=0,60,120") == ("train.delay_min", [0, 60, 120])
    assert parse_set("policy.routes=open,closed") == ("policy.routes", ["open", "closed"])
    assert parse_set("policy.latest_arrival=01:30") == ("policy.latest_arrival", ["01:30"])


@pytest.mark.parametrize("bad", ["train.delay_min", "=1", "train.delay_min="])
def test_parse_set_rejects_malformed(bad: str) -> None:
    with pytest.raises(ScenarioError, match="overrides"):
        parse_set(bad)


def test_grid_is_every_combination_in_order() -> None:
    g = grid({"a": [1, 2], "b": ["x", "y", "z"]})
    assert [v.overrides for v in g][:4] == [
        {"a": 1, "b": "x"},
        {"a": 1, "b": "y"},
        {"a": 1, "b": "z"},
        {"a": 2, "b": "x"},
    ]
    assert len(g) == 6 and g[0].label == "a=1, b=x"


def test_variant_builds_a_validated_scenario() -> None:
    sc = Variant({"fleet.coach_53.count": 8}).build("dingxi_qingdao_2023")
    assert sc.fleet["coach_53"].count == 8
    with pytest.raises(ScenarioError, match=r"fleet\.coach_53\.seats"):
        Variant({"fleet.coach_53.seats": -1}).build("dingxi_qingdao_2023")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("99", 99),
        ("-5", -5),
        ("0.5", 0.5),
        ("1e9", 1e9),
        ("true", True),
        ("False", False),
        ("21:30", "21:30"),
        ("2023-02-30", "2023-02-30"),
        ("closed", "closed"),
        ("nan", "nan"),
        ("null", None),
    ],
)
def test_parse_value_has_its_own_rules(text: str, value: object) -> None:
    parsed = parse_value(text)
    assert parsed == value and type(parsed) is type(value)


def test_a_bare_number_for_a_clock_time_is_refused() -> None:
    with pytest.raises(ScenarioError, match=r"overrides policy\.latest_arrival=99: .*HH:MM"):
        parse_set("policy.latest_arrival=99")
    with pytest.raises(ScenarioError, match="HH:MM"):
        Variant({"fleet.coach_53.available_from": 1290}).build("dingxi_qingdao_2023")


@pytest.mark.parametrize("option", ["train.delay_min=0,0", "train.delay_min=60,0,60.0"])
def test_a_value_twice_on_an_axis_is_refused(option: str) -> None:
    with pytest.raises(ScenarioError, match=r"overrides train\.delay_min: .*twice"):
        parse_set(option)
    with pytest.raises(ScenarioError, match="twice"):
        grid({"fleet.coach_53.count": [8, 10], "train.delay_min": [5, 5.0]})


def test_a_big_number_is_a_number() -> None:
    path, values = parse_set("train.delay_min=1e3")  # within the bound of a day (scenarios.bounds)
    assert Variant({path: values[0]}).build("tiny").train.delay_min == 1e3


def test_errors_from_a_set_value_name_the_option_not_the_scenario_file() -> None:
    with pytest.raises(ScenarioError) as info:
        Variant({"train.delay_min": -5}).build("tiny")
    text = str(info.value)
    assert text.startswith("overrides train.delay_min=-5: ") and "scenario" not in text


@pytest.mark.parametrize("path", ["foo", "meta.seed"])
def test_unknown_path_lists_the_nearest_paths(path: str) -> None:
    """Not the first paths in alphabetical order (fleet.*), but those most like the path."""
    with pytest.raises(ScenarioError, match=f"overrides {path}: unknown override path") as info:
        Variant({path: parse_value("2023-02-30")}).build("tiny")
    shown = str(info.value).split("nearest valid paths: ")[1].split(".")[0]
    assert shown != "fleet" and len(str(info.value).splitlines()) == 1


def test_nearest_paths_rank_by_likeness() -> None:
    valid = ["fleet.a.count", "fleet.a.seats", "train.delay_min", "train.delay.kind", "policy.max_stops"]
    assert set(nearest_paths("delay", valid, n=2)) == {"train.delay.kind", "train.delay_min"}
    assert nearest_paths("policy.stops", valid, n=1) == ["policy.max_stops"]
    assert nearest_paths("policy.latest", [*valid, "policy.latest_arrival", "policy.routes"], n=1) == [
        "policy.latest_arrival"
    ]
