"""Catalog entries: words of the workbook and the rich displays (``present.labels``): summary items, sheet names,
pickup words, the reason codes of a placement, why a returning worker is elsewhere, and the Jupyter displays' phrases.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # summary items
    "label.scenario": ("Scenario", "方案"),
    "label.train": ("Train", "车次"),
    "label.arrival": ("Arrival", "到站时间"),
    "label.station": ("Station", "车站"),
    "label.workers_total": ("Workers", "务工人员总数"),
    "label.enterprises_item": ("Enterprises", "企业"),
    "label.enterprises_value": ("{served} receive workers, of {total}", "接收企业 {served} 家 / 共 {total} 家"),
    "label.returning_item": ("Returning workers", "返岗人员"),
    "label.returning_value": ("{back} back with their employer, of {total}", "回原企业 {back} 人 / 共 {total} 人"),
    "label.placement_status": ("Placement solve", "安置求解状态"),
    "label.routing_status": ("Routing solve", "线路求解状态"),
    "label.coaches_used": ("Coaches used", "用车数"),
    "label.signature": ("Station lead signature", "接站负责人签字"),
    # sheets
    "label.sheet_summary": ("Summary", "汇总"),
    "label.sheet_unplaced": ("Unplaced", "未安置人员"),
    "label.sheet_coaches": ("Coaches", "车辆总表"),
    "label.sheet_coach": ("Coach ", "车"),
    # pickup
    "label.pickup_coach": ("City coach", "统一派车"),
    "label.pickup_own": ("Own vehicle", "企业自行接站"),
    "label.yes": ("yes", "是"),
    "label.no": ("no", "否"),
    # reason codes
    "label.code_returning": ("returning", "返岗"),
    "label.code_skill": ("skill", "技能对口"),
    "label.code_wish_district": ("wished district", "意向区市"),
    "label.code_wish_job": ("wished job", "意向工种"),
    "label.code_villagers": ("with fellow villagers", "老乡同行"),
    "label.code_near": ("near", "就近"),
    # why a returning worker does not go back to their employer (planning.placement.away)
    "label.code_away_no_post": ("no post of their skill at their employer", "原企业无其技能岗位"),
    "label.code_away_full": ("their employer's posts of their skill are taken", "原企业对口岗位已满"),
    "label.code_away_beds_f": ("their employer's beds for women are taken", "原企业女工床位已满"),
    "label.code_away_beds_m": ("their employer's beds for men are taken", "原企业男工床位已满"),
    "label.code_away_quota": ("their employer's district is at its quota", "原企业所在区市名额已满"),
    "label.code_away_group": (
        "a post was free at their employer; kept with fellow villagers",
        "原企业有空位，随同村老乡安置",
    ),
    "label.code_away_other": (
        "a post was free at their employer (a time-limited solve)",
        "原企业有空位但未回（限时求解所致）",
    ),
    # the rich displays in Jupyter (``_repr_html_`` of the plan, the simulation, sweeps and comparisons)
    "display.plan_title": ("Transport plan", "运输计划"),
    "display.plan_unrouted": ("Placement (not routed yet)", "安置计划（尚未排车）"),
    "display.workers_total": ("Workers", "务工人员"),
    "display.placed_unplaced": ("Placed / not placed", "已安置 / 未安置"),
    "display.enterprises_served": ("Enterprises receiving workers", "接收企业"),
    "display.coaches_trips": ("City coaches", "城市大巴"),
    "display.coaches_trips_value": (
        "{coaches} coaches, {trips} trips, {workers} riders",
        "{coaches} 辆，{trips} 车次，{workers} 人乘车",
    ),
    "display.own_pickup": ("Collected by their enterprise", "企业自行接站"),
    "display.first_depart_last_arrive": ("First departure / last arrival", "首车发车 / 末站到达"),
    "display.total_km": ("Total distance", "总里程"),
    "display.coach_table": ("Coach trips", "各车次"),
    "display.unplaced_table": ("Workers not placed", "未安置人员"),
    "display.more_rows": ("… {n} more rows", "… 另有 {n} 行"),
    "display.sim_title": (
        "Simulation: {scenario}, {n} simulated nights (seed {seed})",
        "仿真结果：{scenario}，模拟 {n} 个夜晚（随机种子 {seed}）",
    ),
    "display.train_due": ("Train due", "列车到站"),
    "display.latest_arrival": ("Latest arrival", "最晚到达"),
    "display.kpi": ("KPI", "指标"),
    "display.mean": ("Mean", "均值"),
    "display.ci": ("95% CI of the mean", "均值的 95% 置信区间"),
    "display.spread": ("Nights 5% / 50% / 95%", "各夜 5% / 50% / 95%"),
    "display.sweep_title": (
        "Options: {k} variants, {r} simulated nights each",
        "方案对比：{k} 个方案，每个模拟 {r} 个夜晚",
    ),
    "display.option": ("Option", "方案"),
    "display.no_valid_plan": ("No valid plan: {why}", "无有效方案：{why}"),
    "display.compare_title": ("Paired comparison: {b} against {a}", "两方案成对比较：{b} 对比 {a}"),
    "display.difference": ("Difference (B − A) and 95% interval", "差值（后者 − 前者）及 95% 区间"),
    "display.better": ("Better", "较优"),
    "display.confidence": ("Confidence", "把握"),
    "display.same": ("same", "无差别"),
    "display.not_ranked": ("(a condition, not ranked)", "（条件，不比较）"),
    "display.minutes_unit": ("min", "分钟"),
    "display.points_unit": ("pp", "个百分点"),
}
