"""Variants: the base scenario plus overrides by dotted path, and grids of them."""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from scenarios import Scenario, ScenarioError, load


@dataclass(frozen=True)
class Variant:
    """A named set of overrides on a base scenario."""

    overrides: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.overrides.items()) or "base"

    def build(self, base: str) -> Scenario:
        """Load the base scenario with these overrides, validated like any other scenario."""
        return load(base, overrides=self.overrides)


def parse_value(text: str) -> Any:
    """A command-line value as YAML reads it: 60 -> 60, 0.5 -> 0.5, true -> True, 21:30 stays text."""
    if ":" in text:
        return text
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError:
        return text


def parse_set(option: str) -> tuple[str, list[Any]]:
    """'train.delay_min=0,60,120' -> ('train.delay_min', [0, 60, 120])."""
    path, sep, values = option.partition("=")
    if not sep or not path.strip() or not values.strip():
        raise ScenarioError(
            f"cannot read --set '{option}'.",
            field="--set",
            fix="write PATH=VALUE[,VALUE...], e.g. --set train.delay_min=0,60,120",
        )
    return path.strip(), [parse_value(v.strip()) for v in values.split(",")]


def grid(axes: Mapping[str, Sequence[Any]]) -> list[Variant]:
    """Every combination of the axes' values, in order (the first axis varies slowest)."""
    names = list(axes)
    return [Variant(dict(zip(names, combo, strict=True))) for combo in itertools.product(*(axes[n] for n in names))]
