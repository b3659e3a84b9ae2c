"""PlanOptions check their ranges when built and name the field at fault."""

from __future__ import annotations

import math

import pytest

from planning.options import MAX_SEED, PlanOptions
from scenarios import ScenarioError
from scenarios.policy import OBJECTIVES


@pytest.mark.parametrize(
    ("changes", "field", "shown"),
    [
        ({"seed": -1}, "seed", "got -1"),
        ({"seed": MAX_SEED + 1}, "seed", "0..4294967295"),
        ({"seed": 1.5}, "seed", "got 1.5"),
        ({"seed": True}, "seed", "got True"),
        ({"iterations": 0}, "iterations", "1..10000000"),
        ({"iterations": 10**20}, "iterations", "got 100000000000000000000"),
        ({"iterations": int("9" * 400)}, "iterations", "got 999999999999999999999999999999... (400 characters)."),
        ({"time_limit": 0}, "time_limit", "got 0"),
        ({"time_limit": float("nan")}, "time_limit", "got nan"),
        ({"time_limit": float("inf")}, "time_limit", "got inf"),
        ({"time_limit": "30"}, "time_limit", "got '30'"),
        ({"iterations": None, "time_limit": None}, "iterations", "no stop criterion"),
        ({"solver": "gurobi"}, "solver", "highs, cbc"),
        ({"objective": "fastest"}, "objective", ", ".join(OBJECTIVES)),
        ({"strict": "yes"}, "strict", "got 'yes'"),
    ],
)
def test_out_of_range_options_are_refused_by_name(changes: dict, field: str, shown: str) -> None:
    with pytest.raises(ScenarioError) as info:
        PlanOptions(**changes)
    assert info.value.field == field and shown in str(info.value)
    assert len(str(info.value)) < 240  # a 400-digit number is not repeated whole


def test_the_stop_criterion_is_iterations_or_seconds_or_both() -> None:
    """By default only the iteration count stops the search (no clock); a time limit is opt-in."""
    assert PlanOptions().describe_stop() == "10000 iterations" and PlanOptions().reproducible
    assert PlanOptions().seconds == math.inf
    assert PlanOptions(iterations=None, time_limit=5).describe_stop() == "after 5 s"
    capped = PlanOptions(iterations=300, time_limit=30)
    assert capped.describe_stop() == "300 iterations (at most 30 s)" and not capped.reproducible
    assert not PlanOptions(iterations=None, time_limit=5).reproducible
