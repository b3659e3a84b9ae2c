"""Tables for people: every column of the CSVs a planner opens has a Chinese header; clock times, shares, yes/no
and verdicts as words; the English table is the machine table as it is."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from present.catalog import CATALOG
from present.clock import format_clock
from present.columns import csv_table, for_people, header, kpi_summary_for_people
from sim.events import TRIP_COLUMNS
from sim.kpis import KPI_COLUMNS
from whatif.fleet_report import FLEET_COLUMNS

#: The machine columns of the season's tables (planning.season, whatif.season).
SEASON_COLUMNS = ("arrival", "date", "kind", "point", "origin", "time", "workers", "placed", "unplaced", "coaches",
                  "km", "cost", "p_on_time", "nights", "p_low", "p_high", "last_p50_min", "last_p95_min", "late",
                  "last_checkin_min", "ok", "coach_type", "filled", "share", "worker_id", "reason")
SUMMARY_COLUMNS = ("kpi", "mean", "ci_low", "ci_high", "std", "p5", "p50", "p95", "min", "max", "n")


@pytest.mark.parametrize("columns", [KPI_COLUMNS, TRIP_COLUMNS, FLEET_COLUMNS, SEASON_COLUMNS, SUMMARY_COLUMNS])
def test_every_column_of_the_csvs_has_a_chinese_header(columns: tuple[str, ...]) -> None:
    for col in columns:
        zh = header(col, "zh", table="season")
        assert zh != col and any("\u4e00" <= ch <= "\u9fff" for ch in zh), col
        assert header(col, "en", table="season")


def test_clock_times_past_midnight_say_the_next_day() -> None:
    assert format_clock(1518.76) == "01:19" and format_clock(1518.76, with_day=True) == "01:19+1"
    assert format_clock(1518.76, with_day=True, lang="zh") == "次日 01:19"
    assert format_clock(1518.76, with_day=True, lang="en") == "01:19+1"
    assert format_clock(1395.2, with_day=True, lang="zh") == "23:15"
    assert format_clock(math.nan, with_day=True, lang="zh") == "-"


def test_values_are_shown_as_people_read_them() -> None:
    frame = pd.DataFrame({"last_checkin_min": [1395.2, 1526.0, math.nan], "share_by_deadline": [1.0, 0.9857, 0.5],
                          "ok": [True, False, True], "verdict": ["meets", "no plan", ""], "cost": [631.53, 12.4, 0],
                          "note": ["", "x", ""]})
    shown = for_people(frame, "zh", words={"verdict": "verdict."}, kinds={"cost": "money"})
    assert list(shown.columns) == ["最后一人入住", "按时入住的人数占比", "按时", "判定", "费用（元）", "说明"]
    assert list(shown["最后一人入住"]) == ["23:15", "次日 01:26", ""]
    assert list(shown["按时入住的人数占比"]) == ["100.0%", "98.6%", "50.0%"]
    assert list(shown["按时"]) == ["是", "否", "是"] and list(shown["判定"]) == ["达标", "排不出路线", "未判定"]
    assert list(shown["费用（元）"]) == [632, 12, 0]
    text = shown.to_csv(index=False)
    assert not any(word in text for word in ("True", "False", "nan", "NaN", "p_on_time", "meets"))
    assert csv_table(frame, "en") is frame  # English: the machine table, for programs that read it back


def test_a_kpi_summary_is_shown_in_each_kpis_kind() -> None:
    summary = pd.DataFrame([
        {"kpi": "last_checkin_min", "mean": 1520.0, "ci_low": 1510.0, "ci_high": 1530.0, "std": 6.04, "n": 10,
         "meaning": "when the last worker checked in"},
        {"kpi": "long_rides", "mean": 0.4, "ci_low": 0.0, "ci_high": 1.0, "std": 0.8, "n": 10, "meaning": "x"},
        {"kpi": "p_on_time", "mean": 0.9, "ci_low": 0.7, "ci_high": 0.97, "std": math.nan, "n": 10, "meaning": "y"},
    ])
    shown = kpi_summary_for_people(summary, "zh")
    assert list(shown.columns) == ["指标", "均值", "95% 区间下限", "95% 区间上限", "标准差", "夜晚数", "含义"]
    assert list(shown.iloc[0]) == ["最后一人入住", "次日 01:20", "次日 01:10", "次日 01:30", 6.0, 10,
                                   "最后一人入住的时刻"]
    fields = shown["含义"].str.replace(r"[a-z_]+(\.[a-z_]+)+", "", regex=True)  # a policy field named by its path
    assert shown["含义"].iloc[2].startswith("主要指标") and not fields.str.contains("[A-Za-z]{3,}").any()
    assert list(shown.iloc[1])[:2] == ["乘车超时人数", 0.4] and list(shown.iloc[2])[1:5] == ["90.0%", "70.0%",
                                                                                          "97.0%", ""]


def test_the_header_keys_are_in_the_catalog_with_both_languages() -> None:
    keys = [k for k in CATALOG if k.startswith("col.")]
    assert len(keys) > 60 and all(CATALOG[k][0] and CATALOG[k][1] for k in keys)
