"""Catalog entries: the meeting pack's pages (``whatif.cover_page``): the cover in plain words, the key figures,
the appendix, the chart titles and the page numbers."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "cover.title": ("Point-to-point labor transfer: meeting pack", "点对点劳务输送 · 会商材料"),
    "cover.train": (
        "{date} train {number}, {origin} → {station}, due {arrival}",
        "{date} {number} 次列车，{origin} → {station}，{arrival} 到站",
    ),
    "cover.h_people": ("1. Workers", "一、人员"),
    "cover.people": (
        "{workers} workers on the train: {placed} placed, {unplaced} not placed.",
        "本趟列车务工人员 {workers} 名：已安置 {placed} 名，未安置 {unplaced} 名。",
    ),
    "cover.unplaced_where": (
        "The workers not placed, with the reason, are listed in the workbook transport_plan.xlsx, sheet 'Unplaced'.",
        "未安置人员名单及原因见《接站输送计划》工作簿（transport_plan.xlsx）的“未安置人员”表。",
    ),
    "cover.own": (
        "{own} of them are collected at the station by their enterprise's own vehicle.",
        "其中 {own} 名由用工企业自行派车到站接人。",
    ),
    "cover.h_ents": ("2. Enterprises", "二、企业"),
    "cover.ents": (
        "{n} enterprises in this round: {served} receive workers, {unserved} receive nobody.",
        "本批用工企业 {n} 家：已安排人员 {served} 家，未安排人员 {unserved} 家。",
    ),
    "cover.unserved": ("Enterprises receiving nobody: {names}.", "未安排人员的企业：{names}。"),
    "cover.unserved_why": (
        "{name}: posts for {posts} only; {back} returning worker(s) not back ({reason}); {capable} workers who could do these posts are placed at other enterprises.",
        "{name}：只有{posts}岗位；其返岗人员 {back} 人未回（{reason}）；能做这些岗位的 {capable} 人已安置在其他企业。",
    ),
    "cover.post_item": ("{job} ({n})", "{job} {n} 个"),
    "cover.unserved_more": (
        "Enterprises receiving nobody (first {k}; all {n} on the last page): {names}.",
        "未安排人员的企业（前 {k} 家，全部 {n} 家见附页）：{names}。",
    ),
    "cover.h_coaches": ("3. Coaches", "三、车辆"),
    "cover.coaches": (
        "{coaches} coaches on {trips} trips, {seats} seats; total cost about {cost} CNY (a fixed price per coach plus a price per km).",
        "用车 {coaches} 辆，共 {trips} 车次，座位 {seats} 个；费用合计约 {cost} 元（每车固定费用加按公里计费）。",
    ),
    "cover.margin": (
        "Planned with a {m}-minute margin: every coach is planned to be in by {by}, {m} minutes before {latest}; the "
        "nights are still judged against {latest}.",
        "计划留出 {m} 分钟余量：所有车辆计划在 {by} 前到达，比 {latest} 提前 {m} 分钟；仿真夜晚仍按 {latest} 判断。",
    ),
    "cover.h_why": ("4. Why that many coaches", "四、为什么需要这么多车"),
    "cover.why_seats": (
        "Seats alone need at least {n} trips (largest coach: {seats} seats).",
        "只按座位算，至少需要 {n} 车次（最大车型 {seats} 座）。",
    ),
    "cover.why_stops_district": (
        "At most {stops} stops per coach and one district per coach together need at least {n} trips.",
        "每车最多停靠 {stops} 家企业、每车只去一个区市，这两条规则合起来至少需要 {n} 车次。",
    ),
    "cover.why_district": (
        "One district per coach: small districts need a coach of their own, so at least {n} trips.",
        "每车只去一个区市，人数少的区市也要单独派车，因此至少需要 {n} 车次。",
    ),
    "cover.why_stops": (
        "At most {stops} stops per coach: at least {n} trips.",
        "每车最多停靠 {stops} 家企业，因此至少需要 {n} 车次。",
    ),
    "cover.why_min": (
        "The plan uses {trips} trips, the fewest these rules allow.",
        "本计划用 {trips} 车次，已是这些规则允许的最少车次。",
    ),
    "cover.why_time": (
        "The plan uses {trips} trips, {extra} more than these rules need, to keep every ride within {ride} minutes and every arrival before {latest} (the fewest this search found).",
        "本计划用 {trips} 车次：多出的 {extra} 车次用于满足每人乘车不超过 {ride} 分钟、{latest} 前送达的要求（这是本次计算找到的最少车次）。",
    ),
    "cover.h_risk": (
        "5. Risk ({nights} simulated nights: train delay, leaving the station, gift packs and night roads vary at random)",
        "五、风险（模拟 {nights} 个夜晚：列车晚点、出站、领取物品和夜间路况都随机变化）",
    ),
    "cover.risk_on_time": (
        "Nights on time (everyone in an open dormitory before {latest}): {p} (95% interval {lo}-{hi}); target {target}.",
        "准时（所有人都在宿舍关门前、且在 {latest} 前入住）的夜晚占 {p}（95% 区间 {lo}–{hi}），目标 {target}。",
    ),
    "cover.risk_none": (
        "On every one of the {nights} simulated nights everyone was in an open dormitory before {latest} (by the 95% interval, nights that fail are at most {q}).",
        "模拟的 {nights} 个夜晚里，每晚所有人都在宿舍关门前、且在 {latest} 前入住（按 95% 区间，做不到的夜晚不超过 {q}）。",
    ),
    "cover.risk_parts": (
        "Nights with someone at a closed dormitory: {closed}; with someone in after {latest}: {after}. Beside these, nights with a ride over {ride} minutes: {long_ride}; with a station wait over {wait} minutes: {long_wait}.",
        "其中有人到达时宿舍已关门的夜晚占 {closed}，有人在 {latest} 之后才入住的夜晚占 {after}；另有人乘车超过 {ride} 分钟的夜晚占 {long_ride}，有人在站内等候超过 {wait} 分钟的夜晚占 {long_wait}。",
    ),
    "cover.risk_below": (
        "Below the target of {target}: this plan is too risky to sign; see the other ways in the plan's risk check.",
        "低于目标 {target}：这个计划的风险过高，签发前请看“计划的风险检查”中的其他做法。",
    ),
    "cover.why_min_failing": (
        "The plan uses {trips} trips; few, but it does not meet the on-time target (see 5).",
        "本计划用 {trips} 车次；车次虽少，但达不到准时目标（见第五部分）。",
    ),
    "cover.no_prices": (
        "{coaches} coaches, {trips} trips, {seats} seats; coach prices are missing (the fleet's fixed and per-km costs are all 0), so no cost can be given.",
        "用车 {coaches} 辆，共 {trips} 车次，座位 {seats} 个；车价未填写（车队的固定费用和每公里费用都是 0），无法估算费用。",
    ),
    "cover.risk_deadline": (
        "Nights on which everyone checked in by {latest}: {p} (95% interval {lo}-{hi}).",
        "所有人都在 {latest} 前入住的夜晚占 {p}（95% 区间 {lo}–{hi}）。",
    ),
    "cover.risk_slower": (
        "If the roads were 10% slower than the planned times (the same nights otherwise), nights on time (everyone in an open dormitory before {latest}) would fall from {base} to {p} (95% interval {lo}-{hi}). The figures above already allow for planned times that may be optimistic (an estimate: {bias} slower on average).",
        "如果夜间路况比计划的行车时间慢 10%（同样的夜晚），准时（所有人都在宿舍关门前、且在 {latest} 前入住）的夜晚将从 {base} 降到 {p}（95% 区间 {lo}–{hi}）。上面的数字已计入计划行车时间可能偏快的估计误差（平均慢 {bias}）。",
    ),
    "cover.last": (
        "Last check-in: typically {p50}; on 90% of the {nights} nights between {p5} and {p95}.",
        "最后一人入住时间：一般在 {p50}；{nights} 个夜晚中有 90% 落在 {p5} 至 {p95} 之间。",
    ),
    "cover.h_seats": ("6. Seat use", "六、座位利用"),
    "cover.seats_ok": ("Average seat use {use}.", "平均座位利用率 {use}。"),
    "cover.seats_low": (
        "Average seat use {use}, which is low: {low} trips run less than half full, because {reason}; fewer coaches would need more stops or mixed districts, which the rules forbid.",
        "平均座位利用率 {use}，偏低：{low} 车次坐不到一半。原因是{reason}；少派车就要多停站或跨区市，违反上述规则。",
    ),
    "cover.reason_district": (
        "each coach serves one district, so small districts get a coach of their own",
        "每车只去一个区市，人数少的区市也要单独派车",
    ),
    "cover.reason_stops_district": (
        "a coach stops at most {stops} times within one district, and the enterprises are many and small",
        "每车最多停靠 {stops} 家企业且只去一个区市，企业分散、每家人数不多",
    ),
    "cover.reason_stops": (
        "a coach stops at most {stops} times and the enterprises are many and small",
        "每车最多停靠 {stops} 家企业，企业分散、每家人数不多",
    ),
    "cover.reason_time": (
        "far enterprises need a coach of their own to arrive before {latest}",
        "路远的企业要单独成车，才能在 {latest} 前送达",
    ),
    "cover.reason_seats": ("the coaches are larger than the groups", "车型比所需座位大"),
    "cover.h_plan": ("7. About the plan", "七、方案说明"),
    "cover.plan": ("Placement: {placement}; routes: {routing}.", "安置方案：{placement}；线路方案：{routing}。"),
    "cover.figures": ("Key figures ({nights} simulated nights)", "主要指标（{nights} 个模拟夜晚）"),
    "cover.kpi": ("Figure", "指标"),
    "cover.typical": ("Typical (median)", "一般（中位数）"),
    "cover.spread": ("90% of nights\n(5%-95%)", "90% 的夜晚在此范围\n（5%–95%）"),
    "cover.mean": ("Mean (95% CI)", "平均（95% 区间）"),
    "cover.appendix": ("Enterprises receiving nobody ({n})", "附页：未安排人员的企业（{n} 家）"),
    "cover.page": ("Page {k} of {n}", "第 {k} 页，共 {n} 页"),
    "cover.continued": ("{title} (continued)", "{title}（续）"),
    "cover.chart.coach_gantt": ("Coach timeline (one simulated night)", "车辆时间安排（一个模拟夜晚）"),
    "cover.chart.checkins": ("Check-ins over the night", "入住进度"),
    "cover.chart.station_crowd": ("People in the station", "站内人数"),
    "cover.chart.last_checkin_nights": ("The last check-in over the simulated nights", "各夜最后一人入住时间"),
    "cover.chart.routes_map": ("Routes", "线路图"),
    "cover.chart.options": ("Options compared", "方案比较"),
}
