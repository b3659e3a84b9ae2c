"""One cell of a table as a planner means it: text, whole numbers, reals and clock times from CSV text or from
workbook cells (numbers, time cells, date-time cells, a fraction of a day); a misfit is a ``CellProblem``."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from dataclasses import dataclass

from scenarios.aliases import normal
from scenarios.ranges import MAX_INT64


@dataclass(frozen=True)
class Column:
    """One column: its kind ('str', 'int', 'float', 'clock'), whether it is required, its default and meaning.

    Whole numbers given (not blank) must lie in [low, high]; without bounds, they must fit in 64 bits.
    """

    kind: str
    required: bool = False
    default: object = ""
    doc: str = ""
    low: int | None = None
    high: int | None = None


#: A value quoted in a message is cut to this many characters.
MAX_SHOWN = 40
_TIME = re.compile(r"^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(\s*\+\s*\d\s*d?)?$")


def shown(value: object) -> str:
    """A value as a message quotes it: in quotes, cut to MAX_SHOWN characters."""
    text = str(value).strip()
    return "'" + (text if len(text) <= MAX_SHOWN else text[: MAX_SHOWN - 3] + "...") + "'"


class CellProblem(ValueError):
    """A value that does not fit its column: a ``scenarios.texts`` key and its parameters."""

    def __init__(self, key: str, **params: object) -> None:
        self.key, self.params = key, params
        super().__init__(key)


def cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value == int(value) and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    return str(value).strip()


def _whole(value: object, spec: Column) -> int:
    """The whole number in a cell, within the column's bounds (or 64 bits)."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellProblem("v.whole", value=shown(value))
    if isinstance(value, int):
        number = value
    else:
        text = str(value).strip()
        try:
            number = int(text)
        except ValueError:
            try:
                real = float(text)
            except ValueError:
                raise CellProblem("v.whole", value=shown(value)) from None
            if not math.isfinite(real) or real != int(real):
                raise CellProblem("v.whole", value=shown(value)) from None
            number = int(real)
    if spec.low is not None and spec.high is not None and not spec.low <= number <= spec.high:
        raise CellProblem("v.range", low=spec.low, high=spec.high, value=shown(value))
    if abs(number) > MAX_INT64:
        raise CellProblem("v.int64", value=shown(value))
    return number


def _real(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise CellProblem("v.number", value=shown(value))
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except ValueError:
        raise CellProblem("v.number", value=shown(value)) from None
    if not math.isfinite(number):
        raise CellProblem("v.finite", value=shown(value))
    return number


#: Excel's day 0 as openpyxl reads serial numbers below 60; a date-time before March 1900 in a clock column is a
#: time of a day or more (25:00 typed into an [h]:mm cell), not a date.
EXCEL_EPOCH = dt.datetime(1899, 12, 31)
EXCEL_DAY_ONE = dt.datetime(1900, 3, 1)


def clock_text(value: object) -> str:
    """'HH:MM' for a time cell, a date-time cell's time, a fraction of a day, or text such as '18:00:00'."""
    if isinstance(value, dt.datetime) and value < EXCEL_DAY_ONE:  # a duration cell ([h]:mm) of a day or more
        minutes = round((value - EXCEL_EPOCH).total_seconds() / 60)
        raise CellProblem("v.not_clock", value=shown(f"{minutes // 60}:{minutes % 60:02d}"))
    if isinstance(value, dt.datetime):
        if value.year > 1900 and value.time() == dt.time(0):
            raise CellProblem("v.date", value=shown(value.date()))
        value = value.time()
    if isinstance(value, dt.date):
        raise CellProblem("v.date", value=shown(value))
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, dt.timedelta):
        minutes = round(value.total_seconds() / 60)
        if not 0 <= minutes < 24 * 60:
            raise CellProblem("v.not_clock", value=shown(f"{minutes // 60}:{minutes % 60:02d}"))
        return f"{minutes // 60:02d}:{minutes % 60:02d}"
    if isinstance(value, float | int) and not isinstance(value, bool) and 0 <= value < 1:
        minutes = round(float(value) * 24 * 60)
        return f"{minutes // 60 % 24:02d}:{minutes % 60:02d}"
    text = normal(value).replace("：", ":")
    match = _TIME.match(text)
    if not match:
        raise CellProblem("v.clock", value=shown(value))
    hours, minutes = int(match.group(1)), int(match.group(2))
    if hours > 23 or minutes > 59 or (match.group(3) and int(match.group(3)) > 59):
        raise CellProblem("v.not_clock", value=shown(value))
    return f"{hours:02d}:{minutes:02d}" + (match.group(4) or "").replace(" ", "")


def convert(spec: Column, value: object, parse_clock: Callable[[str], float]) -> object:
    if value is None or (isinstance(value, str) and not value.strip()):
        return spec.default
    if spec.kind == "str":
        return cell_text(value)
    if spec.kind == "int":
        return _whole(value, spec)
    if spec.kind == "float":
        return _real(value)
    if spec.kind == "clock":
        text = clock_text(value)
        try:
            parse_clock(text)
        except ValueError:
            raise CellProblem("v.not_clock", value=shown(value)) from None
        return text
    raise AssertionError(spec.kind)
