"""Overrides by dotted path (``fleet.coach_53.count=8``), applied to the parsed YAML before it is built."""

from __future__ import annotations

import copy
import dataclasses
import typing
from typing import Any

from scenarios.errors import ScenarioError, suggest
from scenarios.model import CoachType, Policy, Station, Train, TrainDelay, Travel

_SECTION_TYPES: dict[str, type] = {"train": Train, "station": Station, "travel": Travel, "policy": Policy}


def valid_paths(raw: dict[str, Any]) -> list[str]:
    """Every dotted path an override may set in this scenario."""
    paths: list[str] = []

    def walk(prefix: str, cls: type) -> None:
        hints = typing.get_type_hints(cls)
        for f in dataclasses.fields(cls):
            hint = hints[f.name]
            if dataclasses.is_dataclass(hint):
                walk(f"{prefix}.{f.name}", hint)  # type: ignore[arg-type]
            else:
                paths.append(f"{prefix}.{f.name}")

    for section, cls in _SECTION_TYPES.items():
        walk(section, cls)
    for coach in raw.get("fleet", {}) or {}:
        walk(f"fleet.{coach}", CoachType)
    paths.extend(
        f"train.delay.{f.name}" for f in dataclasses.fields(TrainDelay) if f"train.delay.{f.name}" not in paths
    )
    return sorted(set(paths))


def apply_overrides(raw: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``raw`` with each dotted path set; an unknown path names the nearest valid ones."""
    result = copy.deepcopy(raw)
    valid = valid_paths(raw)
    for path, value in overrides.items():
        if path not in valid:
            close = suggest(path, valid)
            raise ScenarioError(
                f"unknown override path '{path}'; {close}",
                field=path,
                fix="use a dotted path such as train.delay_min or fleet.coach_53.count.",
            )
        set_path(result, path, value)
    return result


def set_path(raw: dict[str, Any], path: str, value: Any) -> None:
    """Set ``raw[a][b][c] = value`` for the path 'a.b.c', making mappings on the way; in place."""
    node = raw
    parts = path.split(".")
    for part in parts[:-1]:
        if not isinstance(node.get(part), dict):
            node[part] = {}
        node = node[part]
    node[parts[-1]] = value
