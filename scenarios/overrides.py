"""Overrides by dotted path (``fleet.coach_53.count=8``), applied to the parsed YAML before it is built."""

from __future__ import annotations

import copy
import dataclasses
import difflib
import typing
from collections.abc import Sequence
from typing import Any

from scenarios.disruptions import Disruptions
from scenarios.errors import Msg, ScenarioError
from scenarios.model import CoachType, Station, Train, TrainDelay, Travel
from scenarios.policy import Policy

_SECTION_TYPES: dict[str, type] = {"train": Train, "station": Station, "travel": Travel, "policy": Policy,
                                   "disruptions": Disruptions}
#: The sections an override may set.
SECTIONS = (*_SECTION_TYPES, "fleet")
#: How many valid paths an unknown path is answered with, nearest first.
SUGGESTED_PATHS = 6
#: A path at least this alike (0 to 1) is offered as "did you mean"; else the nearest several are listed.
CLOSE_ENOUGH = 0.75


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


def _likeness(path: str, candidate: str) -> float:
    """How alike two dotted paths are, as a whole or by their last part (0 to 1); a cut-short name is alike."""
    mine, theirs = path.rsplit(".", 1)[-1], candidate.rsplit(".", 1)[-1]
    whole = difflib.SequenceMatcher(None, path, candidate).ratio()
    last = difflib.SequenceMatcher(None, mine, theirs).ratio()
    prefix = 0.9 if len(mine) >= 3 and theirs.startswith(mine) else 0.0
    return max(whole, last, prefix)


def nearest_paths(path: str, valid: Sequence[str], n: int = SUGGESTED_PATHS) -> list[str]:
    """The ``n`` valid paths most like ``path``, nearest first."""
    return sorted(valid, key=lambda c: (-_likeness(path, c), c))[:n]


def unknown_path_hint(path: str, valid: Sequence[str]) -> Msg:
    """"did you mean X?" for a close path, else the nearest valid paths."""
    near = nearest_paths(path, valid)
    if near and _likeness(path, near[0]) >= CLOSE_ENOUGH:
        return Msg("hint.did_you_mean", word=near[0])
    return Msg("hint.paths", paths=", ".join(near))


def apply_overrides(raw: dict[str, Any], overrides: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``raw`` with each dotted path set; an unknown path names the nearest valid ones."""
    result = copy.deepcopy(raw)
    valid = valid_paths(raw)
    for path, value in overrides.items():
        if path not in valid:
            raise ScenarioError("override.unknown_path", field=path, path=path, hint=unknown_path_hint(path, valid))
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
