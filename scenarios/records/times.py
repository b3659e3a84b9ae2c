"""Times in records as people and fleet platforms write them, to minutes from midnight of the scenario date.

Accepted: ``22:15``, ``22:15:03`` (read on the night: a time more than six hours before the train's scheduled
arrival is the next morning, as in scenarios), and a date with a time, ``2023-02-01 22:15:03``, ``2023/2/1 22:15``
or ISO ``2023-02-01T22:15:03`` (also what a workbook's date-time cell reads as). A dated time must fall on the
night: from ``NIGHT_START_MIN`` before the scheduled arrival to ``NIGHT_END_MIN`` after it.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from scenarios.clock import NEXT_DAY_BEFORE_ARRIVAL_MIN

_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?$")
_DATED = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})[ T]+(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?"
                    r"(?:Z|[+-]\d{2}:?\d{2})?$")
#: A dated time belongs to the night when it lies this long before to this long after the scheduled arrival.
NIGHT_START_MIN = 12 * 60
NIGHT_END_MIN = 18 * 60
#: A time noted to the minute (22:15) stands for the middle of that minute: people note the minute they see.
MINUTE_MIDDLE = 0.5


class TimeProblem(ValueError):
    """A cell that is not a time of the night: ``key`` is ``formula``, ``bad_time`` or ``other_day``."""

    def __init__(self, key: str) -> None:
        self.key = key
        super().__init__(key)


def is_formula(text: str) -> bool:
    """A cell that a spreadsheet would evaluate (=, +, -, @ first), as CSV injection writes them."""
    return (bool(text) and text[0] in "=@") or (len(text) > 1 and text[0] in "+-" and not text[1].isdigit())


def record_minutes(text: str, date: dt.date, anchor_min: float) -> float:
    """Minutes from midnight of ``date`` for a record's time; a TimeProblem says why not."""
    text = text.strip()
    if is_formula(text):
        raise TimeProblem("formula")
    m = _CLOCK.match(text)
    if m:
        h, mi, s = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if h > 23 or mi > 59 or s > 59:
            raise TimeProblem("bad_time")
        value = h * 60 + mi + (s / 60.0 if m.group(3) else MINUTE_MIDDLE)
        return value + 1440.0 if value < anchor_min - NEXT_DAY_BEFORE_ARRIVAL_MIN else value
    m = _DATED.match(text)
    if not m:
        raise TimeProblem("bad_time")
    try:
        when = dt.datetime(*(int(g or 0) for g in m.groups()))
    except ValueError:
        raise TimeProblem("bad_time") from None
    value = (when - dt.datetime.combine(date, dt.time())).total_seconds() / 60.0
    value += 0.0 if m.group(6) else MINUTE_MIDDLE
    if not anchor_min - NIGHT_START_MIN <= value <= anchor_min + NIGHT_END_MIN:
        raise TimeProblem("other_day")
    return value


def number(text: str) -> float:
    """A finite number from a cell's text, else a TimeProblem (``formula`` or ``bad_number``)."""
    text = text.strip()
    if is_formula(text):
        raise TimeProblem("formula")
    try:
        value = float(text)
    except ValueError:
        raise TimeProblem("bad_number") from None
    if not math.isfinite(value):
        raise TimeProblem("bad_number")
    return value
