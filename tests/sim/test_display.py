"""A simulation's display in Jupyter: headline KPIs first, clock times, the spread over the nights."""

from __future__ import annotations

import re

import pytest

from sim import simulate
from sim.display import kpi_display_table, sim_html


@pytest.fixture(scope="module")
def result(two_enterprises_one_coach):
    sc, plan = two_enterprises_one_coach
    return simulate(sc, plan, replications=5, seed=1)


def test_headline_kpis_come_first_in_clock_times(result) -> None:
    table = kpi_display_table(result, "zh")
    assert list(table.iloc[:3, 0]) == ["最后一人入住", "95% 入住", "按时入住的人数占比"]
    assert re.fullmatch(r"\d\d:\d\d", table.iloc[0, 1])
    low, high = table.iloc[0, 2].split(" – ")
    assert low <= table.iloc[0, 1] <= high or result.kpis["last_checkin_min"].max() > 1440
    assert len(table.iloc[0, 3].split(" / ")) == 3


@pytest.mark.parametrize(("lang", "title"), [("zh", "仿真结果"), ("en", "Simulation")])
def test_sim_html(result, lang: str, title: str) -> None:
    html = sim_html(result, lang)
    assert title in html and "5" in html
    assert not re.search(r"\b1[0-9]{3}\.\d", html)
    assert result._repr_html_().startswith("<div")
