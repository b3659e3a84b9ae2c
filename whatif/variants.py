"""Variants: the base scenario plus overrides by dotted path, and grids of them."""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from present.catalog import Msg
from scenarios import Scenario, ScenarioError, load
from scenarios.build import CLOCK_FIELDS
from scenarios.loader import read_yaml, resolve
from scenarios.overrides import SECTIONS, unknown_path_hint, valid_paths

_INT = re.compile(r"[+-]?\d+")
_FLOAT = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


@dataclass(frozen=True)
class Variant:
    """A named set of overrides on a base scenario."""

    overrides: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return ", ".join(f"{k}={v}" for k, v in self.overrides.items()) or "base"

    def build(self, base: Scenario | str | Path) -> Scenario:
        """The base scenario (an object, or a name or path to load) with these overrides, validated again.

        Errors caused by an override name it as ``overrides PATH=VALUE``, not the scenario file.
        """
        sc = base if isinstance(base, Scenario) else load(base)
        check_paths(sc, self.overrides)
        for path, value in self.overrides.items():
            check_clock(path, value)
        try:
            return sc.with_overrides(self.overrides)
        except ScenarioError as exc:
            if not self.overrides:
                raise
            raise _from_override(exc, self.overrides) from None


def parse_value(text: str) -> Any:
    """A command-line value: 60 -> 60, 0.5 or 1e9 -> float, true/false -> bool, null -> None, else the text.

    Unlike YAML 1.1, 99 stays 99 (not a clock time), 1e9 is a number and 2023-02-30 is plain text.
    """
    text = text.strip()
    if _INT.fullmatch(text):
        return int(text)
    if _FLOAT.fullmatch(text):
        return float(text)
    lower = text.lower()
    if lower in ("true", "false"):
        return lower == "true"
    if lower in ("null", "none", "~"):
        return None
    return text


def is_clock_path(path: str) -> bool:
    """Whether the dotted path names a clock-time field (train.arrival, policy.latest_arrival, ...)."""
    return path.rsplit(".", 1)[-1] in CLOCK_FIELDS


def check_clock(path: str, value: Any) -> None:
    """A clock-time field takes "HH:MM" text; a bare number (minutes? hours?) is refused."""
    if is_clock_path(path) and not isinstance(value, str):
        raise ScenarioError("set.clock", field=f"overrides {path}={value}", path=path, value=repr(value))


def _key(value: Any) -> Any:
    """What makes two values of an axis the same option (0 and 0.0 are)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return ("number", float(value))
    return (type(value).__name__, str(value))


def check_axis(path: str, values: Sequence[Any]) -> None:
    """An axis needs at least one value and no value twice (identical variants would be pooled)."""
    if not values:
        raise ScenarioError("set.no_values", field=f"overrides {path}", path=path)
    seen: dict[Any, Any] = {}
    for value in values:
        if _key(value) in seen:
            first = seen[_key(value)]
            also = Msg("set.as_both", first=repr(first), value=repr(value)) if repr(first) != repr(value) else ""
            raise ScenarioError("set.value_twice", field=f"overrides {path}", value=repr(value), also=also)
        seen[_key(value)] = value
        check_clock(path, value)


def parse_set(option: str) -> tuple[str, list[Any]]:
    """'train.delay_min=0,60,120' -> ('train.delay_min', [0, 60, 120])."""
    path, sep, values = option.partition("=")
    path = path.strip()
    if not sep or not path or not values.strip():
        raise ScenarioError("set.unreadable", field="overrides", option=option)
    parsed = [parse_value(v) for v in values.split(",")]
    if any(v == "" for v in parsed):
        raise ScenarioError("set.empty_value", field=f"overrides {path}", values=values)
    check_axis(path, parsed)
    return path, parsed


#: The most variants a sweep's grid may have (each is a scenario built and checked, then planned and simulated).
MAX_VARIANTS = 500


def grid(axes: Mapping[str, Sequence[Any]]) -> list[Variant]:
    """Every combination of the axes' values, in order (the first axis varies slowest); at most MAX_VARIANTS,
    counted before any is built."""
    names = list(axes)
    size = math.prod(len(axes[n]) for n in names)
    if size > MAX_VARIANTS:
        shown = " x ".join(f"{len(axes[n]):,}" for n in names)
        raise ScenarioError("set.grid", field="overrides", shown=shown, size=f"{size:,}", limit=f"{MAX_VARIANTS:,}")
    for name in names:
        check_axis(name, list(axes[name]))
    return [Variant(dict(zip(names, combo, strict=True))) for combo in itertools.product(*(axes[n] for n in names))]


def check_paths(base: Scenario | str | Path, overrides: Mapping[str, Any]) -> None:
    """Every override path exists in the base scenario; else the nearest valid paths are named."""
    if not overrides:
        return
    valid = valid_paths(base.raw if isinstance(base, Scenario) else read_yaml(resolve(base)))
    unknown = [str(p) for p in overrides if p not in valid]
    if unknown:
        path = unknown[0]
        raise ScenarioError("override.unknown_path", field=f"overrides {path}", fix="set.path.fix", path=path,
                            hint=unknown_path_hint(path, valid), sections=", ".join(SECTIONS))


def _from_override(exc: ScenarioError, overrides: Mapping[str, Any]) -> ScenarioError:
    """The error re-told as coming from the override that caused it (not from the scenario file)."""
    where = exc.field or ""
    for path, value in overrides.items():
        if where == path or where.startswith((f"{path}.", f"{path}[")):
            if exc.fix_msg is None or exc.fix_msg.key == "field.edit":
                return exc.retold(field=f"overrides {path}={value}", file=None, fix=Msg("set.another.fix", path=path))
            return exc.retold(field=f"overrides {path}={value}", file=None)
    label = ", ".join(f"{k}={v}" for k, v in overrides.items())
    return exc.retold(msg=Msg("set.with_overrides", inner=exc.msg, overrides=label))
