"""Variants and grids."""

from __future__ import annotations

import pytest

from scenarios import ScenarioError
from whatif.variants import Variant, grid, parse_set


def test_parse_set_reads_numbers_and_text() -> None:
    assert parse_set("train.delay_min=0,60,120") == ("train.delay_min", [0, 60, 120])
    assert parse_set("policy.routes=open,closed") == ("policy.routes", ["open", "closed"])
    assert parse_set("policy.latest_arrival=01:30") == ("policy.latest_arrival", ["01:30"])


@pytest.mark.parametrize("bad", ["train.delay_min", "=1", "train.delay_min="])
def test_parse_set_rejects_malformed(bad: str) -> None:
    with pytest.raises(ScenarioError, match="--set"):
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
