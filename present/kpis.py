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

from present.catalog import text
from present.clock import format_clock
from present.lang import LANGS, check_lang

Kind = Literal["clock", "minutes", "share", "count"]
Better = Literal["higher", "lower", "neutral"]
UNITS: dict[str, tuple[str, str]] = {"minutes": ("分钟", "min"), "count": ("人", "people"), "share": ("%", "%"),
                                     "clock": ("", "")}


@dataclass(frozen=True)
class Kpi:
    """One KPI: its column name, words for people, how to show a value and whether more is better."""

    key: str
    zh: str
    en: str
    kind: Kind
    better: Better
    doc: str
    #: True for a KPI with one value per simulated night (a column of ``SimResult.kpis``); False for one computed
    #: over the nights (e.g. a share of nights).
    per_night: bool = True

    def __post_init__(self) -> None:
        if self.kind not in UNITS:
            raise ValueError(f"kind(={self.kind!r}) must be one of {sorted(UNITS)}.")
        if self.better not in ("higher", "lower", "neutral"):
            raise ValueError(f"better(={self.better!r}) must be 'higher', 'lower' or 'neutral'.")

    def label(self, lang: str = "zh") -> str:
        """The name in ``lang``; a duration carries its unit ("站内最长等候（分钟）", "... (min)")."""
        name = self.zh if check_lang(lang) == "zh" else self.en
        if self.kind != "minutes":
            return name
        unit = UNITS["minutes"][LANGS.index(lang)]
        return text("kpi.with_unit", lang, name=name, unit=unit)

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
    Kpi("train_delay_min", "列车晚点", "Train delay", "minutes", "neutral",
        "minutes the train was late (known, random and disruption delay)"),
    Kpi("checked_in", "已入住人数", "Workers checked in", "count", "higher", "workers checked in at their dormitory"),
    Kpi("late_checkins", "宿舍关门后到达人数", "Late check-ins (dormitory closed)", "count", "lower",
        "workers who reached their dormitory after it had closed (late check-ins)"),
    Kpi("after_deadline", "晚于最晚到达入住人数", "Check-ins after the latest arrival", "count", "lower",
        "workers the plan carries who checked in after the policy's latest arrival"),
    Kpi("long_rides", "乘车超时人数", "Rides over the limit", "count", "lower",
        "workers who rode longer than the policy's max_ride_min (station to their stop)"),
    Kpi("long_waits", "站内等候超时人数", "Station waits over the limit", "count", "lower",
        "workers who waited in the station longer than the policy's max_station_wait_min (off the train to "
        "driven off)"),
    Kpi("not_delivered", "未送达人数", "Workers not delivered", "count", "lower",
        "workers not delivered (missed the train, unplaced, not in the plan); 0 unless a reason says why"),
    Kpi("last_checkin_min", "最后一人入住", "Last check-in", "clock", "lower",
        "when the last worker checked in, minutes from midnight of the scenario date"),
    Kpi("p50_checkin_min", "半数入住", "Half checked in", "clock", "lower",
        "median check-in time, minutes from midnight"),
    Kpi("p95_checkin_min", "95% 入住", "95% checked in", "clock", "lower",
        "95th percentile of check-in time, minutes from midnight"),
    Kpi("share_by_deadline", "按时入住比例", "Share checked in by the deadline", "share", "higher",
        "share of the workers the plan delivers who checked in by the policy's latest arrival"),
    Kpi("longest_wait_min", "站内最长等候", "Longest wait at station", "minutes", "lower",
        "longest wait of a worker from reaching the sign to the vehicle driving off, minutes"),
    Kpi("longest_station_min", "站内最长停留", "Longest time in station", "minutes", "lower",
        "longest time a worker spent in the station (off the train to driven off), minutes"),
    Kpi("largest_crowd", "站内最多人数", "Largest crowd in station", "count", "lower",
        "most workers in the station at once"),
    Kpi("seat_use", "座位利用率", "Seat use", "share", "higher",
        "workers carried over seats offered, over the city coaches' trips that left with workers"),
    Kpi("coaches_used", "使用车辆", "Coaches used", "count", "lower",
        "city coaches (and standby coaches) that drove at least one trip"),
    Kpi("p_on_time", "准时夜晚比例（全员在宿舍关门前且最晚到达前入住）", "Nights on time (everyone in an open "
        "dormitory before the latest arrival)", "share", "higher",
        "the headline (sim.risk): share of nights in which every worker the plan carries reached their dormitory "
        "before it closed and before the policy's latest arrival", per_night=False),
    Kpi("p_closed", "有人到达时宿舍已关门的夜晚比例", "Nights with a closed dormitory", "share", "lower",
        "share of nights in which someone reached a closed dormitory (part of the headline)", per_night=False),
    Kpi("p_after_deadline", "有人晚于最晚到达的夜晚比例", "Nights with someone after the latest arrival", "share",
        "lower", "share of nights in which someone checked in after the policy's latest arrival (part of the "
        "headline)", per_night=False),
    Kpi("p_long_ride", "有人乘车超时的夜晚比例", "Nights with a ride over the limit", "share", "lower",
        "share of nights in which someone rode longer than max_ride_min (reported beside the headline)",
        per_night=False),
    Kpi("p_long_wait", "有人站内等候超时的夜晚比例", "Nights with a station wait over the limit", "share", "lower",
        "share of nights in which someone waited in the station longer than max_station_wait_min (reported "
        "beside the headline)", per_night=False),
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
    k = LANGS.index(check_lang(lang))
    if kind == "share":
        return f"{100 * value:+.1f}" + (f" {('个百分点', 'pp')[k]}" if unit else "")
    text = f"{value:+.1f}"
    return text + (f" {('分钟', 'min')[k]}" if unit and kind in ("clock", "minutes") else "")


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
