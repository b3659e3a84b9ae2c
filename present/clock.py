"""Clock times for people: minutes from midnight of the scenario date as ``HH:MM`` (the one formatter)."""

from __future__ import annotations

import math


def format_clock(minutes: float, with_day: bool = False, lang: str | None = None) -> str:
    """'HH:MM' for minutes from midnight of the scenario date (past midnight wraps; '+1' when with_day).

    ``1518.76`` -> ``'01:19'`` (the next morning); a missing value (NaN, None) -> ``'-'``. With ``with_day`` and a
    language, a time past midnight is said in its words: ``'次日 01:19'`` in Chinese, ``'01:19+1'`` in English.
    """
    if minutes is None or not math.isfinite(minutes):
        return "-"
    total = round(minutes)
    day, rest = divmod(total, 1440)
    clock = f"{rest // 60:02d}:{rest % 60:02d}"
    if not with_day or not day:
        return clock
    if lang is None:
        return f"{clock}+{day}"
    from present.catalog import text

    return text("clock.next_day" if day == 1 else "clock.day_after", lang, time=clock, day=day)
