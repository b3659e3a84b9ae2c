"""Catalog entries: the season's headline and its charts (``whatif.season``, ``whatif.season_charts``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "seasonsum.season": (
        "{n} simulated seasons ({nights} arrival nights): {mean} nights expected to go wrong (90% of seasons {lo}-{hi}); every night goes right in {p} ({low}-{high}); a night goes right in {median} at the median.",
        "模拟 {n} 个输转季（共 {nights} 个到达夜晚）：预计出问题的夜晚 {mean} 个（90% 的输转季在 {lo}-{hi} 个之间）；整个输转季每晚都顺利的概率 {p}（{low}-{high}）；单晚顺利的概率中位数 {median}。",
    ),
    "seasonsum.shared": (
        "Both under the error of the planner's times shared by the whole season (travel.bias, an estimate) and the roads shared by one evening's arrivals at one point: nights are not independent.",
        "以上计入了整个输转季共同的计划行车时间误差（travel.bias，估计值）和同一晚同一到达点共同的路况：各晚并不独立。",
    ),
    "seasonsum.worst": ("Nights most at risk: {worst}.", "风险最高的夜晚：{worst}。"),
    "seasonsum.night": ("{arrival} ({date}, right in {p})", "{arrival}（{date}，顺利 {p}）"),
    "seasonchart.cal": ("Season calendar: workers arriving and coaches used per day", "输转季日历：每天到达的人数与用车"),
    "seasonchart.workers": ("workers arriving", "到达人数"),
    "seasonchart.coaches": ("coaches", "用车（辆）"),
    "seasonchart.train": ("train", "专列"),
    "seasonchart.flight": ("charter flight", "包机"),
    "seasonchart.coach": ("charter coach", "包车"),
    "seasonchart.risk": (
        "Chance that every worker checks in on time, per night (95% interval)",
        "每晚所有人按时入住的把握（95% 区间）",
    ),
    "seasonchart.p": ("share of nights on time", "按时入住的夜晚占比"),
    "seasonchart.posts": ("Season posts filled", "输转季岗位填补进度"),
    "seasonchart.filled": ("share of season posts filled", "已填补岗位占比"),
    "seasonchart.date": ("date", "日期"),
}
