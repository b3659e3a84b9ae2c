"""The bounds of every number in a scenario's parameter sections, each with its reason, checked in one place.

``check`` promises that ``simulate`` and ``plan`` will not ask for absurd memory or time: the simulation's clock,
its crowd grid (one row per minute of the night) and the routing model's numbers all grow with these values, and
``road_factor: 1e11`` once asked for 133 GiB. Each bound is far beyond any real night (so that a planner never meets
one by accident) and close enough that the worst case stays small; the reason says which. The cross-checks that
combine several fields (the length of the night, the delay's tail) are in ``scenarios.validate``.

Every numeric field of the dataclasses in ``scenarios.model`` and ``scenarios.policy`` has an entry here (a test
checks that a new field gets one); each dataclass calls ``check_fields(self)`` at the end of its ``__post_init__``.
"""

from __future__ import annotations

import dataclasses
import functools
import math
import typing
from dataclasses import dataclass
from typing import Any

from scenarios.errors import FieldError, Msg, shown
from scenarios.ranges import (
    MAX_CARS,
    MAX_COACHES,
    MAX_DOORS_PER_CAR,
    MAX_SEATS_PER_CAR,
    MAX_VEHICLE_SEATS,
    MAX_WORKERS,
)

#: Minutes in a day: the natural scale of "one night".
DAY_MIN = 24 * 60


@dataclass(frozen=True)
class Bound:
    """``low <= value <= high`` (``low < value`` when not ``low_inclusive``), in ``unit``, for ``reason``."""

    low: float
    high: float
    unit: str
    reason: str
    low_inclusive: bool = True

    def admits(self, value: float) -> bool:
        above = value >= self.low if self.low_inclusive else value > self.low
        return above and value <= self.high


def _n(x: float) -> str:
    if isinstance(x, int):
        return f"{x:,}"
    return f"{int(x):,}" if x.is_integer() and abs(x) < 1e15 else f"{x:g}"


SHARE = Bound(0, 1, "", "a share")
MINUTES_A_DAY = Bound(0, DAY_MIN, "minutes", "a day; beyond it the night is another night")

FIELD_BOUNDS: dict[str, dict[str, Bound]] = {
    "Meta": {
        "seed": Bound(0, 2**63 - 1, "", "seeds are kept as 64-bit numbers in plans and tables"),
    },
    "TrainDelay": {
        "p_on_time": SHARE,
        "on_time_max_min": Bound(0, 60, "minutes", "a train more than an hour behind is late, not on time"),
        "late_median_min": Bound(0.5, 720, "minutes", "half a day; under half a minute a train is not late"),
        "late_p95_min": Bound(0.5, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
        "fixed_min": Bound(0, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
    },
    "Train": {
        "cars": Bound(1, MAX_CARS, "", "a real train has up to about 20 cars; a synthetic city of 75,000 needs 1,000"),
        "seats_per_car": Bound(1, MAX_SEATS_PER_CAR, "", "hard-seat and double-deck cars hold up to about 150"),
        "doors_per_car": Bound(1, MAX_DOORS_PER_CAR, "", "a car has 2 to 4 doors"),
        "delay_min": Bound(0, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
        "distance_km": Bound(0, 10_000, "km", "longer than any rail journey in China (about 4,500 km)"),
        "duration_h": Bound(0, 120, "hours", "the longest train journeys in China take about two days"),
    },
    "CoachType": {
        "seats": Bound(1, MAX_VEHICLE_SEATS, "", "the largest double-deck coaches seat about 90"),
        "count": Bound(
            0, MAX_COACHES, "", "more coaches than any city's depots; the routing model grows with the fleet"
        ),
        "fixed_cost": Bound(0, 1_000_000, "CNY", "a coach for a night costs a few thousand yuan"),
        "cost_per_km": Bound(0, 1_000, "CNY per km", "a coach costs a few yuan per km"),
    },
    "Station": {
        "lat": Bound(-90, 90, "degrees", "a latitude"),
        "lon": Bound(-180, 180, "degrees", "a longitude"),
        "walk_m": Bound(0, 5_000, "m", "the longest walk through a station is under 2 km"),
        "walk_speed_mps": Bound(0.2, 3, "m/s", "from a slow shuffle with luggage to a run"),
        "alight_s_per_person": Bound(0, 120, "seconds", "two minutes per person at one door is a queue, not a step"),
        "welcome_min": Bound(0, 240, "minutes", "a welcome ceremony of four hours"),
        "desks": Bound(1, 1_000, "", "one gift-pack desk per few hundred workers is usual"),
        "desk_service_s": Bound(0, 600, "seconds", "ten minutes to hand over a gift pack and tick a name"),
        "bays": Bound(1, 500, "", "a station forecourt has a handful of coach bays"),
        "board_s_per_person": Bound(0, 120, "seconds", "two minutes per person to board with luggage"),
        "bay_pull_in_min": Bound(0, 60, "minutes", "an hour to pull into a bay is a typo for seconds"),
        "bay_pull_out_min": Bound(0, 60, "minutes", "an hour to pull out of a bay is a typo for seconds"),
    },
    "Travel": {
        "road_factor": Bound(1, 5, "", "roads are 1.1 to 1.6 times the straight line; 5 is a detour round a bay"),
        "urban_kmh": Bound(5, 130, "km/h", "from walking pace to above the 120 km/h expressway limit"),
        "suburban_kmh": Bound(5, 130, "km/h", "from walking pace to above the 120 km/h expressway limit"),
        "expressway_kmh": Bound(5, 130, "km/h", "from walking pace to above the 120 km/h expressway limit"),
        "urban_km": Bound(0, 500, "km", "enterprises lie within 250 km of the station"),
        "suburban_km": Bound(0, 500, "km", "enterprises lie within 250 km of the station"),
        "cv": Bound(
            0, 1, "", "night travel times vary by 10% to 50%; above 1 the rare legs run to dozens of times plan"
        ),
        "night_share": SHARE,
        "district_share": SHARE,
        "bias": Bound(0.5, 2, "", "planned times half or twice the real ones are a wrong speed, not an error"),
        "bias_cv": Bound(0, 0.5, "", "an error of the planner's own times uncertain by more than half"),
    },
    "Policy": {
        "max_stops": Bound(1, 30, "", "a coach makes a few stops; past 30 it is a bus line"),
        "max_ride_min": Bound(0, DAY_MIN, "minutes", "a day", low_inclusive=False),
        "max_coach_wait_min": Bound(0, 720, "minutes", "half a day", low_inclusive=False),
        "max_station_wait_min": Bound(0, DAY_MIN, "minutes", "a day", low_inclusive=False),
        "target_on_time": Bound(0, 1, "", "a share", low_inclusive=False),
        "district_quotas": Bound(0, MAX_WORKERS, "workers", "more than the largest roster (200,000 workers)"),
    },
    "LateTrain": {
        "p": SHARE,
        "median_min": Bound(0.5, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
        "p95_min": Bound(0.5, DAY_MIN, "minutes", "a day; a train later than that runs on a new timetable"),
    },
    "CoachNoShow": {"p": SHARE, "notice_lead_min": MINUTES_A_DAY, "standby_delay_min": MINUTES_A_DAY,
                    "booked_standby_min": MINUTES_A_DAY},
    "CoachLate": {"p": SHARE, "mean_min": MINUTES_A_DAY, "p95_min": MINUTES_A_DAY},
    "MissedTrain": {"p_per_worker": SHARE},
    "WorkerGenerator": {
        "count": Bound(1, MAX_WORKERS, "", "the largest roster the toolkit is sized for"),
        "county_shares": SHARE,
        "returning_share": SHARE,
        "under40_share": SHARE,
        "female_share": SHARE,
        "skill_shares": SHARE,
        "wish_share": SHARE,
        "villages_per_county": Bound(1, 1_000, "", "a county has a few hundred villages"),
    },
}


#: Every reason above in Chinese (a test checks that none is missing).
REASONS_ZH: dict[str, str] = {
    "a share": "比例",
    "planned times half or twice the real ones are a wrong speed, not an error": "计划行车时间是实际的一半或两倍，"
    "是车速填错了，不是估计误差",
    "an error of the planner's own times uncertain by more than half": "计划行车时间的误差不确定到一半以上",
    "an hour to pull into a bay is a typo for seconds": "进车位要一小时，应是把秒写成了分钟",
    "an hour to pull out of a bay is a typo for seconds": "出车位要一小时，应是把秒写成了分钟",
    "a day; beyond it the night is another night": "一天；超过就是另一个夜晚了",
    "seeds are kept as 64-bit numbers in plans and tables": "种子在方案和表格中按 64 位整数保存",
    "a train more than an hour behind is late, not on time": "晚点超过一小时就不算准点",
    "half a day; under half a minute a train is not late": "半天；不到半分钟不算晚点",
    "a day; a train later than that runs on a new timetable": "一天；晚得更多就是新的时刻表了",
    "a real train has up to about 20 cars; a synthetic city of 75,000 needs 1,000": "真实列车约 20 节车厢以内；"
    "75,000 人的合成城市需要 1,000 节",
    "hard-seat and double-deck cars hold up to about 150": "硬座车和双层车厢最多约 150 座",
    "a car has 2 to 4 doors": "一节车厢有 2 到 4 个门",
    "longer than any rail journey in China (about 4,500 km)": "超过国内最长的铁路行程（约 4,500 公里）",
    "the longest train journeys in China take about two days": "国内最长的列车行程约两天",
    "the largest double-deck coaches seat about 90": "最大的双层大巴约 90 座",
    "more coaches than any city's depots; the routing model grows with the fleet": "超过任何城市的车队；"
    "线路模型随车队规模增长",
    "a coach for a night costs a few thousand yuan": "一辆大巴一晚几千元",
    "a coach costs a few yuan per km": "大巴每公里几元",
    "a latitude": "纬度",
    "a longitude": "经度",
    "the longest walk through a station is under 2 km": "车站内最长的步行不到 2 公里",
    "from a slow shuffle with luggage to a run": "从带行李慢走到小跑",
    "two minutes per person at one door is a queue, not a step": "每人两分钟已是排队，不是下车",
    "a welcome ceremony of four hours": "四小时的欢迎仪式",
    "one gift-pack desk per few hundred workers is usual": "通常几百人一个礼包发放台",
    "ten minutes to hand over a gift pack and tick a name": "发一份礼包并核对姓名用十分钟",
    "a station forecourt has a handful of coach bays": "站前广场只有几个大巴车位",
    "two minutes per person to board with luggage": "每人带行李上车两分钟",
    "roads are 1.1 to 1.6 times the straight line; 5 is a detour round a bay": "道路里程是直线距离的 1.1 到 1.6 倍；"
    "5 倍已是绕海湾",
    "from walking pace to above the 120 km/h expressway limit": "从步行速度到高于高速公路限速 120 公里/小时",
    "enterprises lie within 250 km of the station": "企业都在车站 250 公里以内",
    "night travel times vary by 10% to 50%; above 1 the rare legs run to dozens of times plan": "夜间行车时间波动 "
    "10% 到 50%；超过 1 时少数路段会达到计划的几十倍",
    "a coach makes a few stops; past 30 it is a bus line": "一辆大巴停几站；超过 30 站就是公交线路了",
    "a day": "一天",
    "half a day": "半天",
    "more than the largest roster (200,000 workers)": "超过最大的花名册（200,000 人）",
    "the largest roster the toolkit is sized for": "工具按此规模的花名册设计",
    "a county has a few hundred villages": "一个县有几百个村",
}
UNITS_ZH = {
    "minutes": "分钟",
    "seconds": "秒",
    "hours": "小时",
    "km": "公里",
    "m": "米",
    "m/s": "米/秒",
    "km/h": "公里/小时",
    "CNY": "元",
    "CNY per km": "元/公里",
    "degrees": "度",
    "workers": "人",
    "": "",
}


def _numbers(name: str, value: Any) -> list[tuple[str, Any]]:
    """(label, number) for a field holding a number, None, a tuple of numbers or a mapping to numbers."""
    if value is None:
        return []
    if isinstance(value, tuple):
        return [(f"{name}[{i}]", v) for i, v in enumerate(value)]
    if isinstance(value, dict):
        return [(f"{name}.{k}", v) for k, v in value.items()]
    return [(name, value)]


def check_fields(obj: Any) -> None:
    """Check every bounded field of the dataclass ``obj``; raise FieldError naming the field, bound and reason."""
    bounds = FIELD_BOUNDS.get(type(obj).__name__, {})
    hints = _hints(type(obj))
    for f in dataclasses.fields(obj):
        bound = bounds.get(f.name)
        if bound is None:
            continue
        whole = "int" in hints[f.name] and "float" not in hints[f.name]
        for label, value in _numbers(f.name, getattr(obj, f.name)):
            check_number(value, label, bound, whole)


@functools.cache
def _hints(cls: type) -> dict[str, str]:
    return {name: str(hint) for name, hint in typing.get_type_hints(cls).items()}


def check_number(value: Any, label: str, bound: Bound, whole: bool = False) -> None:
    """One number within ``bound``, else FieldError: 'expected a number from 0 to 1,440 minutes, got 1e+308 (...)'."""
    ok = (
        not isinstance(value, bool)
        and isinstance(value, int | float)
        and (not whole or isinstance(value, int))
        and math.isfinite(float(value) if abs(value) < 1e300 else math.inf)
        and bound.admits(value)
    )
    if ok:
        return
    unit = f" {bound.unit}" if bound.unit else ""
    span_msg = Msg("num.span" if bound.low_inclusive else "num.span_open", low=_n(bound.low), high=_n(bound.high),
                   unit=unit, unit_zh=UNITS_ZH.get(bound.unit, bound.unit))
    raise FieldError(label, "num.bounded", kind=Msg("num.kind_whole" if whole else "num.kind_number"), span=span_msg,
                     value=shown(value), reason=bound.reason, reason_zh=REASONS_ZH.get(bound.reason, bound.reason))


#: The standard normal quantile of one in a million.
Z_ONE_IN_A_MILLION = 4.753424308822899
#: The train's one-in-a-million delay may be at most this (a week; the simulated night and its charts span it).
MAX_RARE_DELAY_MIN = 7 * DAY_MIN


def rare_delay_min(median: float, p95: float) -> float:
    """The one-in-a-million late delay of the lognormal with this median and 95th percentile, in minutes."""
    sigma = math.log(p95 / median) / 1.6448536269514722
    return median * math.exp(min(sigma * Z_ONE_IN_A_MILLION, 700.0))


def check_delay_tail(median: float, p95: float) -> None:
    """The late delay's one-in-a-million draw stays within MAX_RARE_DELAY_MIN (a heavy tail is a typo, not a risk)."""
    rare = rare_delay_min(median, p95)
    if rare > MAX_RARE_DELAY_MIN:
        days, limit = f"{rare / DAY_MIN:,.0f}", MAX_RARE_DELAY_MIN // DAY_MIN
        raise FieldError("late_p95_min", "scenario.delay_tail", median=_n(median), p95=_n(p95), days=days,
                         limit=limit)
