"""Catalog entries: what the commands print themselves (``whatif.messages.say``): progress steps, the closing lines
a planner can read aloud, where the files are, the night model's lines of ``check``."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # progress steps
    "cmd.step_load": ("reading the scenario", "读取场景"),
    "cmd.step_plan": ("placing and routing", "安置与排车"),
    "cmd.step_read_plan": ("reading and checking the plan", "读取并核对计划"),
    "cmd.step_risk": ("risk check (simulating the plan's nights)", "风险检查（仿真计划的夜晚）"),
    "cmd.step_simulate": ("simulating {n} nights", "仿真 {n} 个夜晚"),
    "cmd.step_sweep": ("comparing options", "方案比较"),
    "cmd.step_replan": ("revising the plan", "调整计划"),
    "cmd.step_pack": ("planning, simulating and drawing", "安置、排车、仿真与绘图"),
    "cmd.step_write": ("writing the files", "写入文件"),
    "cmd.sweep_plans": ("routing each option", "为各方案排车"),
    "cmd.sweep_runs": ("simulating each option", "仿真各方案"),
    # closing lines
    "cmd.placed": (
        "placed {placed} of {total} workers, {unplaced} not placed",
        "已安置 {placed}/{total} 名务工人员，未安置 {unplaced} 人",
    ),
    "cmd.unplaced_list": (" (listed in {file})", "（名单见 {file}）"),
    "cmd.enterprises": ("{total} enterprises, {served} receive workers", "企业 {total} 家，有人入职 {served} 家"),
    "cmd.no_one": ("; none for: {names}", "，无人入职：{names}"),
    "cmd.coaches": (
        "{coaches} coaches on {trips} trips, {riders} workers by coach",
        "车辆 {coaches} 辆，共 {trips} 车次，乘车 {riders} 人",
    ),
    "cmd.planned_last": (
        "last planned stop at {t} (latest arrival {deadline})",
        "计划最后一站到达 {t}（最晚到达 {deadline}）",
    ),
    "cmd.planned_standby": (
        "booked to wait at the station for a coach that does not come: {coaches}",
        "另订在车站待命、有车没来时顶上：{coaches}",
    ),
    "cmd.planned_margin": (
        "; planned with a {m}-minute margin: every coach in by {by}",
        "；计划留出 {m} 分钟余量：所有车辆在 {by} 前到达",
    ),
    "cmd.sim_last": (
        "last check-in over {n} simulated nights: median {p50}, 95th percentile {p95}",
        "最后一人入住（{n} 个仿真夜晚）：中位数 {p50}，95% 分位 {p95}",
    ),
    "cmd.sim_on_time": (
        "on time (nights on which everyone reached an open dormitory before {deadline}, of {n} simulated): {p} (95% CI {low}-{high})",
        "准时率（每人都在宿舍关门前、且在 {deadline} 前入住的夜晚，{n} 个仿真夜晚）：{p}（95% 区间 {low}–{high}）",
    ),
    "cmd.risk_check_ok": (
        "risk check ({n} simulated nights): on time {p} (95% CI {low}-{high}), meets the target {target}",
        "风险检查（{n} 个仿真夜晚）：准时率 {p}（95% 区间 {low}–{high}），达到目标 {target}",
    ),
    "cmd.risk_check_unsure": (
        " (an estimate from {n} nights whose interval reaches {low}, below the target; simulate more nights for more "
        "certainty)",
        "（{n} 个夜晚的估计，区间下限 {low} 低于目标；要更有把握可多模拟一些夜晚）",
    ),
    "cmd.risk_check_fail": (
        "risk check ({n} simulated nights): on time {p} (95% CI {low}-{high}), below the target {target}: too many nights with someone at a closed dormitory or after {deadline}; do not sign this plan yet",
        "风险检查（{n} 个仿真夜晚）：准时率 {p}（95% 区间 {low}–{high}），低于目标 {target}：这个计划有人到达时宿舍已关门或晚于 {deadline} 的夜晚太多，还不能签发",
    ),
    "cmd.risk_check_coaches": ("coaches whose nights fail most: {items}", "出问题最多的车辆：{items}"),
    "cmd.risk_check_enterprises": ("enterprises whose nights fail most: {items}", "出问题最多的企业：{items}"),
    "cmd.risk_item": ("{name} ({k} nights)", "{name}（{k} 晚）"),
    "cmd.risk_item_one": ("{name} (1 night)", "{name}（1 晚）"),
    "cmd.risk_alt": (
        "  {name}: on time {p} ({low}-{high}, {n} simulated nights), {coaches} coaches, {cost}",
        "  {name}：准时率 {p}（{low}–{high}，{n} 个仿真夜晚），{coaches} 辆车，{cost}",
    ),
    "cmd.risk_alt_none": ("  {name}: no valid plan ({why})", "  {name}：排不出有效计划（{why}）"),
    "cmd.risk_alt_costlier": (
        "  {name}: not tried (costs more than the recommended one: {coaches} coaches, {cost})",
        "  {name}：未试（比建议的做法贵：{coaches} 辆车，{cost}）",
    ),
    "cmd.risk_alt_replan": (
        "  {name}: not tried (it plans the routes again, about as long as this plan took; --alternatives all tries it)",
        "  {name}：未试（要重新排车，约与排这个计划一样久；加 --alternatives all 一并试）",
    ),
    "cmd.risk_cost": ("about {cost} CNY", "费用约 {cost} 元"),
    "cmd.risk_no_prices": ("coach prices missing, cost unknown", "车价未填写，费用未知"),
    "cmd.risk_recommended": (
        "  <- recommended: the cheapest that meets the target",
        "  ← 建议：达到目标的做法中最便宜",
    ),
    "cmd.risk_make": (
        "to make the recommended plan, run this command again with: {flags}",
        "要得到建议的方案，请加上这些选项再运行本命令：{flags}",
    ),
    "cmd.risk_make_desk": (
        "at the station, hand out the gift packs in departure order, with the plan's routes as they are (put "
        "station: desk_order: coach in the scenario; simulate --plan DIR --set station.desk_order=coach shows those "
        "nights)",
        "在车站按发车顺序发放物品，计划线路不变（在方案中写 station: desk_order: coach；"
        "simulate --plan 目录 --set station.desk_order=coach 可查看这些夜晚）",
    ),
    "cmd.risk_none_meets": (
        "none of these meets the target {target}: add coaches, move the latest arrival or the dormitories' hours, and plan again",
        "以上做法都达不到目标 {target}：请增加车辆、调整最晚到达时间或企业宿舍时间后再排",
    ),
    "cmd.alt_current": ("this plan", "当前计划"),
    "cmd.alt_routes_open": ("open routes (one trip per coach, routes: open)", "改为单程线路（每车一趟，routes: open）"),
    "cmd.alt_routes_closed": (
        "closed routes (coaches come back for another trip, routes: closed)",
        "改为往返线路（车辆回站再跑一趟，routes: closed）",
    ),
    "cmd.alt_margin": (
        "a {m}-minute planning margin (every coach in by {by}, {m} minutes before the deadline; plan --margin {m})",
        "计划留出 {m} 分钟余量（所有车辆在 {by} 前到达，比最晚到达提前 {m} 分钟；plan --margin {m}）",
    ),
    "cmd.alt_desk_coach": (
        "gift packs in departure order (station.desk_order: coach)",
        "按发车顺序发放物品（station.desk_order: coach）",
    ),
    # the one meaning of on time (sim.risk), in every command's words
    "cmd.on_time_meaning": (
        "every worker in an open dormitory before {latest}",
        "所有人都在宿舍关门前、且在 {latest} 前入住",
    ),
    "cmd.on_time_share": ("share of nights with {meaning}", "{meaning}的夜晚占比"),
    "cmd.alt_both": ("{first}, and {second}", "{first}，并且{second}"),
    "cmd.alt_standby": (
        "one more {coach}, booked to wait at the station (on a bay {m} min after a coach fails to come)",
        "多订一辆{coach}，在车站待命（有车没来时 {m} 分钟内顶上）",
    ),
    "cmd.sim_parts": (
        "nights with someone at a closed dormitory {closed}, with someone after {deadline} {after}; beside these, nights with a ride over {ride} min {long_ride}, with a station wait over {wait} min {long_wait}",
        "其中有人到达时宿舍已关门的夜晚 {closed}，有人晚于 {deadline} 入住的夜晚 {after}；另有人乘车超过 {ride} 分钟的夜晚 {long_ride}，有人在站内等候超过 {wait} 分钟的夜晚 {long_wait}",
    ),
    "cmd.risk": (
        "risk: on {bad} of {n} nights ({share}) someone checks in after {deadline}",
        "风险：{n} 个夜晚中有 {bad} 个（{share}）有人在 {deadline} 之后才入住",
    ),
    "cmd.risk_none": (
        "risk: on every one of {n} simulated nights all checked in by {deadline}",
        "风险：{n} 个仿真夜晚中，每晚都在 {deadline} 之前全部入住",
    ),
    "cmd.changed": ("revised trips: {n} ({which})", "调整后的车次：{n} 个（{which}）"),
    "cmd.files": ("files in {out}", "文件在 {out}"),
    "cmd.run_log": ("run log: {parts}", "运行记录：{parts}"),
    "cmd.run_log_bounds": (
        "{coaches} (at least {coaches_lb} needed), {km} km (at least {km_lb} needed)",
        "用车 {coaches}（至少需 {coaches_lb} 辆），{km} 公里（至少需 {km_lb} 公里）",
    ),
    "cmd.warning": ("warning: {text}", "注意：{text}"),
    # check
    "cmd.check_train": (
        "{name} ({date}): train {number}, {origin} → {station}, due {arrival}",
        "{name}（{date}）：{number} 次列车，{origin} → {station}，{arrival} 到站",
    ),
    "cmd.check_workers": ("{n} workers ({returning} returning)", "务工人员 {n} 人（返岗 {returning} 人）"),
    "cmd.check_posts": (
        "{n} enterprises, {posts} posts; fleet {fleet}, {seats} seats in all",
        "企业 {n} 家，岗位 {posts} 个；车辆 {fleet}，共 {seats} 座",
    ),
    "cmd.check_fleet_item": ("{count} × {name}", "{name} {count} 辆"),
    "cmd.check_ok": ("check passed.", "检查通过。"),
    "cmd.night_model": (
        "night model (simulate, the risk check of plan and pack, sweep, fleet and season all use it; change it with --set disruptions.…=VALUE):",
        "夜间情况模型（simulate、plan/pack 的风险检查、sweep、fleet、season 都用它；用 --set disruptions.…=值 修改）：",
    ),
    "cmd.night_on": ("on", "开"),
    "cmd.night_off": ("off", "关"),
    "cmd.night_late_train": (
        "  train held up (late_train): {state}, p {p}, median {median} min, 95th percentile {p95} min",
        "  列车长时间晚点 late_train：{state}，概率 {p}，中位 {median} 分钟，95% 分位 {p95} 分钟",
    ),
    "cmd.night_coach_no_show": (
        "  coach does not come (coach_no_show): {state}, p {p} a night; {rule} (a booked standby in {booked} min)",
        "  大巴未到 coach_no_show：{state}，每晚概率 {p}；{rule}（预订的备用车 {booked} 分钟到位）",
    ),
    "cmd.night_rule_second_trip": (
        "the coach that finishes first with the seats runs its trips, else a depot standby in {delay} min",
        "由收车最早且座位够的大巴加跑，没有则调车场备用车 {delay} 分钟后到",
    ),
    "cmd.night_rule_standby": ("a depot standby in {delay} min", "调车场备用车 {delay} 分钟后到"),
    "cmd.night_dist_exponential": ("exponential", "指数分布"),
    "cmd.night_dist_lognormal": ("lognormal", "对数正态分布"),
    "cmd.night_dist_fixed": ("fixed", "固定"),
    "cmd.night_coach_late": (
        "  coach late (coach_late): p {p} a coach, mean {mean} min ({dist})",
        "  大巴迟到 coach_late：每辆概率 {p}，平均 {mean} 分钟（{dist}）",
    ),
    "cmd.night_missed_train": (
        "  worker misses the train (missed_train): {state}, p {p} a worker",
        "  工人误车 missed_train：{state}，每人概率 {p}",
    ),
    "cmd.os_error": (
        "cannot read or write {path} ({reason}). Fix: check the path (at most 255 bytes a name), its permissions and the disk's room.",
        "无法读写 {path}（{reason}）。修改：检查路径（每段名称不超过 255 字节）、权限和磁盘空间。",
    ),
}
