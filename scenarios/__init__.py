"""Scenarios: the data model of one arrival event, its loader and validation, and the bundled scenarios."""

from scenarios.clock import format_clock, parse_clock
from scenarios.errors import ScenarioError
from scenarios.loader import bundled_names, from_dict, load
from scenarios.scenario import Scenario
from scenarios.travel import TravelModel

__all__ = [
    "Scenario",
    "ScenarioError",
    "TravelModel",
    "bundled_names",
    "format_clock",
    "from_dict",
    "load",
    "parse_clock",
]
