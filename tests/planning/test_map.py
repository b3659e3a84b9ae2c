"""The route map: the scenario's own station, in both languages."""

from __future__ import annotations

import dataclasses

import scenarios
from planning import make_plan
from planning.map import routes_map


def test_routes_map_names_the_scenarios_station() -> None:
    sc = scenarios.load("tiny")
    sc = dataclasses.replace(sc, station=dataclasses.replace(sc.station, name_en="Somewhere Central"))
    plan = make_plan(sc, time_limit=5)
    labels = [t.get_text() for t in routes_map(sc, plan, "en").axes[0].get_legend().get_texts()]
    assert "Somewhere Central" in labels
    labels = [t.get_text() for t in routes_map(sc, plan, "zh").axes[0].get_legend().get_texts()]
    assert sc.station.name_zh in labels
