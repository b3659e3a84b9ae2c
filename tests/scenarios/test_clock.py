"""Clock times on the scenario date, past midnight."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from scenarios.clock import format_clock, parse_clock
from scenarios.errors import FieldError


def test_evening_and_after_midnight() -> None:
    arrival = parse_clock("21:30", "x")
    assert arrival == 21 * 60 + 30
    assert parse_clock("01:30", "x", anchor_min=arrival) == 24 * 60 + 90
    assert parse_clock("18:00", "x", anchor_min=arrival) == 18 * 60
    assert parse_clock("01:30+1", "x") == 24 * 60 + 90


@pytest.mark.parametrize("bad", ["25:00", "21:60", "9pm", "", "21-30", None, True, 3.5])
def test_bad_clock_times(bad: object) -> None:
    with pytest.raises(FieldError):
        parse_clock(bad, "train.arrival")


@given(st.integers(0, 2 * 1440 - 1))
def test_format_parse_round_trip(minutes: int) -> None:
    assert parse_clock(format_clock(minutes, with_day=True), "x") == minutes
