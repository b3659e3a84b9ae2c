"""Clock times for people: minutes from midnight of the scenario date as ``HH:MM`` (the one formatter)."""

from __future__ import annotations

import math


def format_clock(minutes: float, with_day: bool = False) -> str:
    """'HH:MM' for minutes from midnight of the scenario date (past midnight wraps; '+1' when with_day).

    ``1518.76`` -> ``'01:19'`` (the next morning); a missing value (NaN, None) -> ``'-'``.
    """
    if minutes is None or not math.isfinite(minutes):
        return "-"
    total = round(minutes)
    day, rest = divmod(total, 1440)
    text = f"{rest // 60:02d}:{rest % 60:02d}"
    if with_day and day:
        text += f"+{day}"
    return text
