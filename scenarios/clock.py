"""Clock times on the scenario date, as minutes from the date's midnight (the simulation's origin)."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from present.clock import format_clock
from scenarios.errors import FieldError

__all__ = ["NEXT_DAY_BEFORE_ARRIVAL_MIN", "format_clock", "parse_clock", "to_datetime"]

_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?:\s*\+\s*(\d)\s*d?)?\s*$")

#: A clock time more than this many minutes before the train's arrival is read on the next day.
NEXT_DAY_BEFORE_ARRIVAL_MIN = 6 * 60


def parse_clock(text: object, field: str, anchor_min: float | None = None) -> float:
    """Minutes from midnight of the scenario date for a clock time such as "21:30", "01:30" or "01:30+1".

    With an anchor (the train's scheduled arrival), a time more than six hours before the anchor is read on the
    next day, so "01:30" after a 21:30 arrival means 25.5 hours after midnight. "+1" makes the day explicit.
    """
    if isinstance(text, int) and not isinstance(text, bool) and 0 <= text < 24 * 60:
        # YAML 1.1 reads an unquoted 21:30 as the sexagesimal number 1290.
        hours, minutes, day = divmod(text, 60)[0], text % 60, None
    else:
        match = _CLOCK.match(str(text)) if isinstance(text, str | int) and not isinstance(text, bool) else None
        if not match:
            raise FieldError(field, "clock.expected", value=repr(text))
        hours, minutes = int(match.group(1)), int(match.group(2))
        day = int(match.group(3)) if match.group(3) else None
    if hours > 23 or minutes > 59:
        raise FieldError(field, "clock.bad", value=f"'{text}'")
    value = float(hours * 60 + minutes)
    if day is not None:
        return value + 1440.0 * day
    if anchor_min is not None and value < anchor_min - NEXT_DAY_BEFORE_ARRIVAL_MIN:
        value += 1440.0
    return value


def to_datetime(day: date, minutes: float) -> datetime:
    """The wall-clock datetime (naive, scenario time zone) of minutes from the date's midnight."""
    return datetime(day.year, day.month, day.day) + timedelta(minutes=float(minutes))
