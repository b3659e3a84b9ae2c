"""Catalog entries: the words of the simulation's charts (``sim.charts``): the coach Gantt chart, check-ins over
the night, the crowd in the station and the nights' last check-in."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "chart.gantt_title": ("Coach Gantt chart (simulated night {r})", "车辆甘特图（第 {r} 个模拟夜晚）"),
    "chart.gantt_no_show": ("; booked but did not come that night: {coaches}", "；这一晚预订的车没来：{coaches}"),
    "chart.vehicle": ("Vehicle", "车辆"),
    "chart.clock": ("Clock time", "时间"),
    "chart.waiting": ("waiting at station", "在站等候"),
    "chart.boarding": ("boarding", "上车"),
    "chart.driving": ("driving to stops", "送站途中"),
    "chart.returning": ("returning to station", "返回车站"),
    "chart.checkin_title": (
        "Workers checked in (median and 5-95% band over {n} simulated nights)",
        "已入住人数（{n} 个模拟夜晚的中位数与 5%–95% 区间）",
    ),
    "chart.checked_in": ("Workers checked in", "已入住人数"),
    "chart.median": ("median", "中位数"),
    "chart.band": ("5-95% band", "5%–95% 区间"),
    "chart.deadline": ("latest arrival {t}", "最晚到达 {t}"),
    "chart.train": ("train due {t}", "列车到站 {t}"),
    "chart.crowd_title": ("People in the station ({n} simulated nights)", "车站内人数（{n} 个模拟夜晚）"),
    "chart.people": ("People in the station", "站内人数"),
    "chart.one_run": ("simulated night 1", "第 1 个模拟夜晚"),
    "chart.first_of": (", first {k} of {n} vehicles to leave", "，最先发车的 {k} 辆（共 {n} 辆）"),
    "chart.nights_title": ("Last check-in over {n} simulated nights", "最后一人入住时间在 {n} 个夜晚中的分布"),
    "chart.nights": ("Nights", "夜晚数"),
    "chart.last_checkin": ("Last check-in", "最后一人入住时间"),
    "chart.quantiles": ("5% / 95% of nights", "5% / 95% 夜晚"),
    "chart.median_night": ("median night (50%)", "中位数（50% 夜晚）"),
    "chart.late_share": ("nights after {t}: {p}", "晚于 {t} 的夜晚：{p}"),
}
