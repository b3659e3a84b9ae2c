"""The KPI registry: every KPI's name for people (Chinese and English), unit, kind and which way is better.

Written down once; the simulation's KPI table (``sim.kpis``), the summaries, the charts, the comparison and the
meeting pack all read it. ``kind`` says how a value is shown:

- ``clock``: minutes from midnight of the scenario date, shown ``01:18`` (past midnight is the next morning);
- ``minutes``: a duration, shown with one decimal and the unit in the label;
- ``share``: a fraction, shown as a percentage;
- ``count``: a number of people or coaches, shown whole.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from present.catalog import CATALOG, text
from present.clock import format_clock
from present.lang import LANGS, check_lang

Kind = Literal["clock", "minutes", "share", "count"]
Better = Literal["higher", "lower", "neutral"]
#: The kinds of a KPI (a duration's unit is ``unit.minutes`` of the catalog).
KINDS: tuple[str, ...] = ("minutes", "count", "share", "clock")


@dataclass(frozen=True)
class Kpi:
    """One KPI: its column name, how to show a value and whether more is better; its name and meaning for people are
    ``kpi.<key>`` and ``kpi.<key>.doc`` of the catalog (``present.catalog.kpis``)."""

    key: str
    kind: Kind
    better: Better
    #: True for a KPI with one value per simulated night (a column of ``SimResult.kpis``); False for one computed
    #: over the nights (e.g. a share of nights).
    per_night: bool = True

    def __post_init__(self) -> None:
        if f"kpi.{self.key}" not in CATALOG or f"kpi.{self.key}.doc" not in CATALOG:
            raise ValueError(f"KPI {self.key!r} has no name or meaning in the catalog (present.catalog.kpis).")
        if self.kind not in KINDS:
            raise ValueError(f"kind(={self.kind!r}) must be one of {sorted(KINDS)}.")
        if self.better not in ("higher", "lower", "neutral"):
            raise ValueError(f"better(={self.better!r}) must be 'higher', 'lower' or 'neutral'.")

    @property
    def zh(self) -> str:
        """The name in Chinese."""
        return text(f"kpi.{self.key}", "zh")

    @property
    def en(self) -> str:
        """The name in English."""
        return text(f"kpi.{self.key}", "en")

    @property
    def doc(self) -> str:
        """What the KPI measures, in English (for programs and the English tables)."""
        return self.meaning("en")

    def meaning(self, lang: str = "zh") -> str:
        """What the KPI measures, in ``lang`` (the ``meaning`` column of summary.csv)."""
        return text(f"kpi.{self.key}.doc", check_lang(lang))

    def label(self, lang: str = "zh") -> str:
        """The name in ``lang``; a duration carries its unit ("站内最长等候（分钟）", "... (min)")."""
        name = text(f"kpi.{self.key}", check_lang(lang))
        if self.kind != "minutes":
            return name
        return text("kpi.with_unit", lang, name=name, unit=text("unit.minutes", lang))

    def format(self, value: float | None) -> str:
        """A value as people read it: ``01:18``, ``97.4%``, ``12.5`` (minutes), ``14`` (count); ``-`` when missing."""
        if value is None or not math.isfinite(value):
            return "-"
        if self.kind == "clock":
            return format_clock(value)
        if self.kind == "share":
            return f"{100 * value:.1f}%"
        return f"{value:.1f}" if self.kind == "minutes" else f"{value:.0f}"


_REGISTRY: tuple[Kpi, ...] = (
    Kpi("train_delay_min", "minutes", "neutral"),
    Kpi("checked_in", "count", "higher"),
    Kpi("late_checkins", "count", "lower"),
    Kpi("after_deadline", "count", "lower"),
    Kpi("long_rides", "count", "lower"),
    Kpi("long_waits", "count", "lower"),
    Kpi("not_delivered", "count", "lower"),
    Kpi("last_checkin_min", "clock", "lower"),
    Kpi("p50_checkin_min", "clock", "lower"),
    Kpi("p95_checkin_min", "clock", "lower"),
    Kpi("share_by_deadline", "share", "higher"),
    Kpi("longest_wait_min", "minutes", "lower"),
    Kpi("longest_station_min", "minutes", "lower"),
    Kpi("largest_crowd", "count", "lower"),
    Kpi("seat_use", "share", "higher"),
    Kpi("coaches_used", "count", "lower"),
    Kpi("p_on_time", "share", "higher", per_night=False),
    Kpi("p_closed", "share", "lower", per_night=False),
    Kpi("p_after_deadline", "share", "lower", per_night=False),
    Kpi("p_long_ride", "share", "lower", per_night=False),
    Kpi("p_long_wait", "share", "lower", per_night=False),
)

#: Every KPI by its column name, in the order of the simulation's KPI table.
KPIS: dict[str, Kpi] = {k.key: k for k in _REGISTRY}
#: The KPIs with one value per simulated night (the columns of ``SimResult.kpis``), in order.
NIGHT_KPIS: tuple[str, ...] = tuple(k.key for k in _REGISTRY if k.per_night)
CLOCK_KPIS: tuple[str, ...] = tuple(k.key for k in _REGISTRY if k.kind == "clock")
SHARE_KPIS: tuple[str, ...] = tuple(k.key for k in _REGISTRY if k.kind == "share")
#: KPIs where more is better; every other KPI not neutral is better lower.
HIGHER_IS_BETTER: frozenset[str] = frozenset(k.key for k in _REGISTRY if k.better == "higher")
#: KPIs that describe the conditions, not the option: never called better or worse.
NEUTRAL: frozenset[str] = frozenset(k.key for k in _REGISTRY if k.better == "neutral")
#: The figures a planner reads first (in this order); the other KPIs follow in registry order.
HEADLINE_KPIS: tuple[str, ...] = ("last_checkin_min", "p95_checkin_min", "share_by_deadline", "longest_wait_min",
                                  "largest_crowd", "coaches_used", "seat_use", "not_delivered")
#: KPI names per language: ``KPI_LABELS["zh"]["p95_checkin_min"] == "95% 入住"``.
KPI_LABELS: dict[str, dict[str, str]] = {lang: {k.key: k.label(lang) for k in _REGISTRY} for lang in LANGS}


def kpi_label(kpi: str, lang: str = "zh") -> str:
    """A KPI's name in ``lang``; a KPI not in the registry is shown by its column name."""
    entry = KPIS.get(kpi)
    if entry is None:
        check_lang(lang)
        return kpi
    return entry.label(lang)


def format_kpi(kpi: str, value: float) -> str:
    """A KPI value as people read it: clock times for check-in times, percentages for shares."""
    entry = KPIS.get(kpi)
    if entry is not None:
        return entry.format(value)
    if value is None or not math.isfinite(value):
        return "-"
    return f"{value:.1f}" if kpi.endswith("_min") else f"{value:.0f}"


def higher_is_better(kpi: str) -> bool:
    """Whether more of ``kpi`` is better (a KPI not in the registry: less is better)."""
    return kpi in HIGHER_IS_BETTER


def headline_order(keys: list[str]) -> list[str]:
    """``keys`` with the headline KPIs first (in ``HEADLINE_KPIS`` order), then the others as given."""
    first = [k for k in HEADLINE_KPIS if k in keys]
    return first + [k for k in keys if k not in first]


def format_difference(kpi: str, value: float, lang: str = "zh", unit: bool = True) -> str:
    """A difference of two values of ``kpi``: clock times and durations in minutes, shares in percentage points
    (``+12.5 分钟``, ``-1.2 pp``); ``unit=False`` leaves the unit out."""
    if value is None or not math.isfinite(value):
        return "-"
    entry = KPIS.get(kpi)
    kind = entry.kind if entry is not None else ("minutes" if kpi.endswith("_min") else "count")
    check_lang(lang)
    if kind == "share":
        return f"{100 * value:+.1f}" + (f" {text('unit.pp', lang)}" if unit else "")
    shown = f"{value:+.1f}"
    return shown + (f" {text('unit.minutes', lang)}" if unit and kind in ("clock", "minutes") else "")


def kpi_table(summary: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A simulation summary (kpi, mean, ci_low, ci_high) with names and values as people read them."""
    rows = [
        (
            kpi_label(r.kpi, lang),
            format_kpi(r.kpi, r.mean),
            f"{format_kpi(r.kpi, r.ci_low)} - {format_kpi(r.kpi, r.ci_high)}",
        )
        for r in summary.itertuples()
    ]
    return pd.DataFrame(rows, columns=["KPI", "mean", "95% CI"])
