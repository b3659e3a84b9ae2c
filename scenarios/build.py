"""Build the frozen dataclasses from parsed YAML, with unknown-key and type errors that name the field."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import types
import typing
from typing import Any, TypeVar

from present.clock import format_clock
from scenarios.errors import FieldError, Msg, ScenarioError, cut, shown, suggest

T = TypeVar("T")

#: Fields that hold clock times; YAML 1.1 reads an unquoted 21:30 as the number 1290, so numbers are converted.
CLOCK_FIELDS = {"arrival", "available_from", "latest_arrival", "morning_checkin"}


def _fail(key: str, where: str, file: str | None, fix: str | None = None, **params: Any) -> ScenarioError:
    """The error ``key`` at ``where``; the fix defaults to editing that field of the scenario file."""
    fix_msg = Msg(fix or "field.edit", where=where, **params)
    return ScenarioError(key, file=file, field=where, fix=fix_msg, **params)


def _finite(value: int | float) -> bool:
    """True for a number that is a finite float (an int of 400 digits is not: it overflows)."""
    try:
        return math.isfinite(float(value))
    except OverflowError:
        return False


def _coerce(value: Any, hint: Any, where: str, file: str | None) -> Any:
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin in (typing.Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        inner = [a for a in args if a is not type(None)]
        return _coerce(value, inner[0], where, file)
    if dataclasses.is_dataclass(hint):
        return build(hint, value, where, file)  # type: ignore[arg-type]
    if hint is bool:
        if not isinstance(value, bool):
            raise _fail("num.bool", where, file, value=shown(value))
        return value
    if hint is int:
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or (isinstance(value, float) and (not math.isfinite(value) or value != int(value)))
        ):
            raise _fail("num.whole", where, file, value=shown(value))
        return int(value)
    if hint is float:
        if isinstance(value, bool) or not isinstance(value, int | float) or not _finite(value):
            raise _fail("num.number", where, file, value=shown(value))
        return float(value)
    if hint is str:
        if where.rsplit(".", 1)[-1] in CLOCK_FIELDS and isinstance(value, int) and not isinstance(value, bool):
            if not 0 <= value < 1440:
                raise _fail("clock.expected", where, file, "clock.quoted.fix", value=shown(value))
            return format_clock(value)
        if isinstance(value, int | float) and not isinstance(value, bool):
            return str(value)
        if not isinstance(value, str):
            raise _fail("num.text", where, file, value=shown(value))
        return value
    if hint is dt.date:
        if isinstance(value, dt.date):
            return value
        try:
            return dt.date.fromisoformat(str(value))
        except ValueError:
            raise _fail("num.a_date", where, file, value=shown(value)) from None
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise _fail("num.list", where, file, value=shown(value))
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_coerce(v, args[0], f"{where}[{i}]", file) for i, v in enumerate(value))
        if len(value) != len(args):
            raise _fail("num.n_values", where, file, n=len(args), got=len(value))
        return tuple(_coerce(v, a, f"{where}[{i}]", file) for i, (v, a) in enumerate(zip(value, args, strict=True)))
    if origin is dict:
        if not isinstance(value, dict):
            raise _fail("num.mapping_values", where, file, value=shown(value))
        return {str(k): _coerce(v, args[1], f"{where}.{cut(str(k))}", file) for k, v in value.items()}
    raise AssertionError(f"unsupported type {hint!r} at {where}")


def build(cls: type[T], data: Any, where: str, file: str | None) -> T:
    """An instance of the dataclass ``cls`` from a YAML mapping; errors name ``file`` and the dotted field."""
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _fail("num.mapping_lines", where, file, value=shown(data))
    hints = typing.get_type_hints(cls)
    fields = {f.name: f for f in dataclasses.fields(cls)}  # type: ignore[arg-type]
    for key in data:
        if key not in fields:
            raise _fail(
                "field.unknown_key", f"{where}.{key}", file, "field.unknown_key.fix",
                name=shown(key), hint=suggest(str(key), fields),
            )
    kwargs = {}
    for name, f in fields.items():
        path = f"{where}.{name}"
        if name in data:
            kwargs[name] = _coerce(data[name], hints[name], path, file)
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise ScenarioError("field.missing", file=file, field=path, name=name, where=where)
    try:
        return cls(**kwargs)
    except FieldError as exc:
        field = f"{where}.{exc.field}"
        fix = exc.fix_msg or Msg("field.edit", where=field)
        raise ScenarioError(exc.msg, file=file, field=field, fix=fix) from None
