"""Catalog entries: the KPIs' names and meanings (``present.kpis`` holds their kind, unit and which way is better).

``kpi.<key>`` is the name people read (a header, a chart's axis), ``kpi.<key>.doc`` what it measures (the
``meaning`` column of summary.csv).
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "kpi.train_delay_min": ("Train delay", "列车晚点"),
    "kpi.train_delay_min.doc": (
        "minutes the train was late (known, random and disruption delay)",
        "列车晚点的分钟数（已知晚点、随机晚点和突发事件造成的晚点）",
    ),
    "kpi.checked_in": ("Workers checked in", "已入住人数"),
    "kpi.checked_in.doc": (
        "workers checked in at their dormitory",
        "在宿舍入住的务工人员人数",
    ),
    "kpi.late_checkins": ("Late check-ins (dormitory closed)", "宿舍关门后到达人数"),
    "kpi.late_checkins.doc": (
        "workers who reached their dormitory after it had closed (late check-ins)",
        "宿舍关门后才到达的人数（迟到入住）",
    ),
    "kpi.after_deadline": ("Check-ins after the latest arrival", "晚于最晚到达入住人数"),
    "kpi.after_deadline.doc": (
        "workers the plan carries who checked in after the policy's latest arrival",
        "计划运送的人员中晚于方案最晚到达时间入住的人数",
    ),
    "kpi.long_rides": ("Rides over the limit", "乘车超时人数"),
    "kpi.long_rides.doc": (
        "workers who rode longer than the policy's max_ride_min (station to their stop)",
        "乘车时间超过规定上限（policy.max_ride_min）的人数（车站到下车点）",
    ),
    "kpi.long_waits": ("Station waits over the limit", "站内等候超时人数"),
    "kpi.long_waits.doc": (
        "workers who waited in the station longer than the policy's max_station_wait_min (off the train to "
        "driven off)",
        "站内等候超过规定上限（policy.max_station_wait_min）的人数（下火车到车辆开出）",
    ),
    "kpi.not_delivered": ("Workers not delivered (mostly missed the train)", "未送达人数（多为没赶上火车）"),
    "kpi.not_delivered.doc": (
        "workers not delivered: in the simulation those who missed the train (the scenario's chance per worker), "
        "and any unplaced or not in the plan; not a failure of the plan",
        "未送达的人数：模拟中没赶上火车的人（按场景设定的每人概率），以及未安置、不在计划中的人；不算计划出错",
    ),
    "kpi.last_checkin_min": ("Last check-in", "最后一人入住"),
    "kpi.last_checkin_min.doc": (
        "when the last worker checked in, minutes from midnight of the scenario date",
        "最后一人入住的时刻",
    ),
    "kpi.p50_checkin_min": ("Half checked in", "半数入住"),
    "kpi.p50_checkin_min.doc": (
        "median check-in time, minutes from midnight",
        "半数人员入住的时刻（中位数）",
    ),
    "kpi.p95_checkin_min": ("95% checked in", "95% 入住"),
    "kpi.p95_checkin_min.doc": (
        "95th percentile of check-in time, minutes from midnight",
        "95% 人员入住的时刻",
    ),
    "kpi.share_by_deadline": ("Share of workers checked in by the deadline", "按时入住的人数占比"),
    "kpi.share_by_deadline.doc": (
        "share of the workers the plan delivers who checked in by the policy's latest arrival",
        "计划运送的人员中在方案最晚到达时间前入住的比例",
    ),
    "kpi.longest_wait_min": ("Longest wait at station", "站内最长等候"),
    "kpi.longest_wait_min.doc": (
        "longest wait of a worker from reaching the sign to the vehicle driving off, minutes",
        "务工人员从到达接站牌到车辆开出的最长等候（分钟）",
    ),
    "kpi.longest_station_min": ("Longest time in station", "站内最长停留"),
    "kpi.longest_station_min.doc": (
        "longest time a worker spent in the station (off the train to driven off), minutes",
        "务工人员在站内的最长停留（下火车到车辆开出，分钟）",
    ),
    "kpi.largest_crowd": ("Largest crowd in station", "站内最多人数"),
    "kpi.largest_crowd.doc": (
        "most workers in the station at once",
        "同一时刻站内的最多人数",
    ),
    "kpi.seat_use": ("Seat use", "座位利用率"),
    "kpi.seat_use.doc": (
        "workers carried over seats offered, over the city coaches' trips that left with workers",
        "已载人数占所提供座位的比例（按载人出发的城市大巴车次计）",
    ),
    "kpi.coaches_used": ("Coaches used", "使用车辆"),
    "kpi.coaches_used.doc": (
        "city coaches (and standby coaches) that drove at least one trip",
        "至少跑了一趟的城市大巴（含备用车）数",
    ),
    "kpi.p_on_time": (
        "Nights on time (everyone in an open dormitory before the latest arrival)",
        "准时夜晚比例（全员在宿舍关门前且最晚到达前入住）",
    ),
    "kpi.p_on_time.doc": (
        "the headline (sim.risk): share of nights in which every worker the plan carries reached their dormitory "
        "before it closed and before the policy's latest arrival",
        "主要指标：计划运送的每个人都在宿舍关门前、且在方案最晚到达时间前入住的夜晚占比",
    ),
    "kpi.p_closed": ("Nights with a closed dormitory", "有人到达时宿舍已关门的夜晚比例"),
    "kpi.p_closed.doc": (
        "share of nights in which someone reached a closed dormitory (part of the headline)",
        "有人到达时宿舍已关门的夜晚占比（主要指标的一部分）",
    ),
    "kpi.p_after_deadline": ("Nights with someone after the latest arrival", "有人晚于最晚到达的夜晚比例"),
    "kpi.p_after_deadline.doc": (
        "share of nights in which someone checked in after the policy's latest arrival (part of the headline)",
        "有人晚于方案最晚到达时间入住的夜晚占比（主要指标的一部分）",
    ),
    "kpi.p_long_ride": ("Nights with a ride over the limit", "有人乘车超时的夜晚比例"),
    "kpi.p_long_ride.doc": (
        "share of nights in which someone rode longer than max_ride_min (reported beside the headline)",
        "有人乘车超过规定上限（policy.max_ride_min）的夜晚占比（与主要指标一并报告）",
    ),
    "kpi.p_long_wait": ("Nights with a station wait over the limit", "有人站内等候超时的夜晚比例"),
    "kpi.p_long_wait.doc": (
        "share of nights in which someone waited in the station longer than max_station_wait_min (reported beside "
        "the headline)",
        "有人站内等候超过规定上限（policy.max_station_wait_min）的夜晚占比（与主要指标一并报告）",
    ),
    # units
    "unit.minutes": ("min", "分钟"),
    "unit.pp": ("pp", "个百分点"),
}
