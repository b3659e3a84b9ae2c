"""KPI names for people (Chinese and English) and how to show their values."""

from __future__ import annotations

import math

import pandas as pd

from scenarios.clock import format_clock

KPI_LABELS = {
    "zh": {
        "last_checkin_min": "最后一人入住",
        "p50_checkin_min": "半数入住",
        "p95_checkin_min": "95% 入住",
        "share_by_deadline": "按时入住比例",
        "longest_wait_min": "站内最长等候（分钟）",
        "longest_station_min": "站内最长停留（分钟）",
        "largest_crowd": "站内最多人数",
        "seat_use": "座位利用率",
        "coaches_used": "使用车辆",
        "not_delivered": "未送达人数",
        "checked_in": "已入住人数",
        "train_delay_min": "列车晚点（分钟）",
        "late_checkins": "宿舍关门后到达人数",
        "p_on_time": "全员按时入住的夜晚比例",
        "p_last_after_deadline": "最后一人晚于最晚到达的概率",
    },
    "en": {
        "last_checkin_min": "Last check-in",
        "p50_checkin_min": "Half checked in",
        "p95_checkin_min": "95% checked in",
        "share_by_deadline": "Share checked in by the deadline",
        "longest_wait_min": "Longest wait at station (min)",
        "longest_station_min": "Longest time in station (min)",
        "largest_crowd": "Largest crowd in station",
        "seat_use": "Seat use",
        "coaches_used": "Coaches used",
        "not_delivered": "Workers not delivered",
        "checked_in": "Workers checked in",
        "train_delay_min": "Train delay (min)",
        "late_checkins": "Late check-ins (dormitory closed)",
        "p_on_time": "Nights with every check-in on time",
        "p_last_after_deadline": "P(last check-in after the deadline)",
    },
}
CLOCK_KPIS = ("last_checkin_min", "p50_checkin_min", "p95_checkin_min")
SHARE_KPIS = ("share_by_deadline", "seat_use", "p_on_time", "p_last_after_deadline")


def format_kpi(kpi: str, value: float) -> str:
    """A KPI value as people read it: clock times for check-in times, percentages for shares."""
    if not math.isfinite(value):
        return "-"
    if kpi in CLOCK_KPIS:
        return format_clock(value)
    if kpi in SHARE_KPIS:
        return f"{100 * value:.1f}%"
    return f"{value:.1f}" if kpi.endswith("_min") or kpi == "late_checkins" else f"{value:.0f}"


def kpi_table(summary: pd.DataFrame, lang: str = "en") -> pd.DataFrame:
    """A simulation summary (kpi, mean, ci_low, ci_high) with names and values as people read them."""
    rows = [
        (
            KPI_LABELS[lang].get(r.kpi, r.kpi),
            format_kpi(r.kpi, r.mean),
            f"{format_kpi(r.kpi, r.ci_low)} - {format_kpi(r.kpi, r.ci_high)}",
        )
        for r in summary.itertuples()
    ]
    return pd.DataFrame(rows, columns=["KPI", "mean", "95% CI"])
