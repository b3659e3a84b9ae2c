"""Catalog entries: planning (placement and routing), plan options, stored plans, re-planning."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "warn.late_arrivals": ("{n} workers arrive after {deadline} (the last at {last})",
                           "{n} 人在 {deadline} 之后到达（最晚 {last}）"),
    "season.plan_summary": (
        "{name}: {arrivals} arrivals on {days} evenings, {workers} workers; placed {placed}, not placed {unplaced}; "
        "{trips} coach-trips, cost {cost} CNY.",
        "{name}：{arrivals} 批到达，分在 {days} 个晚上，{workers} 人；安置 {placed} 人，未安置 {unplaced} 人；"
        "用车 {trips} 车次，费用 {cost} 元。",
    ),
    "fair.season_summary": (
        "{name}: {fairs} fairs, {posts} posts ({places} places), {seekers} seekers, {groups} groups ({people} people)",
        "{name}：招聘会 {fairs} 场，岗位 {posts} 个（{places} 人），求职登记 {seekers} 人，结伴 {groups} 组（{people} 人）",
    ),
    # routing: what no plan can meet
    "route.few_seats": (
        "too few seats: a trip of {n} workers finds no coach with that many seats.",
        "座位不足：一趟 {n} 人的行程找不到这么多座位的车。",
    ),
    "route.few_seats.fix": ("add larger coaches or allow split deliveries over more stops.", "增加大车，或允许把同一企业的人分到多趟车。"),
    "route.few_coaches": (
        "too few coaches: {n} trips are needed and {k} of them find no coach back in time (fleet {fleet}); for "
        "example {example}.",
        "车辆不足：需要 {n} 趟，其中 {k} 趟等不到按时返回的车（车队共 {fleet} 辆）；例如 {example}。",
    ),
    "route.few_coaches.fix": (
        "add about {k} coaches, allow more stops or a longer ride, or move latest_arrival later.",
        "增加约 {k} 辆车，放宽站点数或乘车时限，或把 latest_arrival 推后。",
    ),
    "route.few_coaches_open": (
        "too few coaches: {n} trips are needed and {k} of them find no coach (routes are open: one trip per coach) "
        "(fleet {fleet}); for example {example}.",
        "车辆不足：需要 {n} 趟，其中 {k} 趟没有车可派（单程线路：每车只跑一趟）（车队共 {fleet} 辆）；例如 {example}。",
    ),
    "route.few_coaches_open.fix": (
        "add about {k} coaches, allow more stops or a longer ride, or move latest_arrival later, or set "
        "policy.routes: closed so that coaches make second trips.",
        "增加约 {k} 辆车，放宽站点数或乘车时限，把 latest_arrival 推后，或设 policy.routes: closed 让车辆跑第二趟。",
    ),
    "route.trip_to": ("the trip to {stops} ({n} workers)", "去 {stops} 的一趟（{n} 人）"),
    "route.after_trip": ("on {coach} after its trip {trip}", "由 {coach} 在其第 {trip} 趟之后"),
    "route.late_trip": (
        "{where} has no coach free in time: {after} it arrives {late} min after {deadline}",
        "{where}没有按时空出的车：{after}跑，晚于 {deadline} {late} 分钟到达",
    ),
    "route.open_trip": (
        "{where} finds no coach although routes are open (one trip each): it goes {after}",
        "{where}找不到车（单程线路：每车只跑一趟）：{after}跑",
    ),
    "route.type_swap": ("a trip planned for {planned} runs on {used}", "原计划用 {planned} 的一趟改由 {used} 执行"),
    "route.unknown_ents": ("workers placed at unknown enterprise(s) {ents}.", "有工人被安置到不存在的企业 {ents}。"),
    "route.unknown_ents.fix": ("place them at listed ids.", "请安置到企业表中的企业。"),
    "route.no_seats": ("the fleet has no coach with seats.", "车队没有带座位的车。"),
    "route.no_seats.fix": ("add coaches (count > 0).", "增加车辆（count > 0）。"),
    "route.too_far": (
        "enterprise {ent} ({district}) is {m} min from the station, {over} min over the ride limit of {limit} min.",
        "企业 {ent}（{district}）距车站 {m} 分钟车程，超出乘车时限 {limit} 分钟 {over} 分钟。",
    ),
    "route.too_far.fix": (
        "raise max_ride_min to at least {need} or let {ent} collect its workers (pickup: own).",
        "把 max_ride_min 提高到至少 {need}，或由 {ent} 自行接站（pickup: own）。",
    ),
    "route.unreachable": (
        "enterprise {ent} ({district}) cannot be reached before {deadline}: leaving at {depart}, the direct drive "
        "arrives {late} min late.",
        "企业 {ent}（{district}）无法在 {deadline} 前送达：{depart} 出发，直达也要晚到 {late} 分钟。",
    ),
    "route.unreachable.fix": (
        "move latest_arrival later, or let the enterprise collect its workers (pickup: own).",
        "把 latest_arrival 推后，或由该企业自行接站（pickup: own）。",
    ),
    "route.objective": ("unknown routing objective {value}.", "未知的排车目标 {value}。"),
    "route.objective.fix": ("use one of {choices}.", "请使用以下之一：{choices}。"),
    "station.held": (
        "{coach} trip {trip} to {stops} ({load} workers) leaves at {depart}, when the station's {bays} bays and "
        "{desks} desks let it go, and arrives {late} min after {deadline}",
        "{coach} 第 {trip} 趟（{stops}，{load} 人）在车站 {bays} 个上车位和 {desks} 个发放台的条件下 {depart} 才能出发，"
        "晚于 {deadline} {late} 分钟到达",
    ),
    "station.held_trips": (
        "{n} trips cannot leave the station in time: for example {example}.",
        "{n} 趟车无法按时离开车站：例如 {example}。",
    ),
    "station.held_trips.fix": (
        "add coach bays or gift-pack desks, move latest_arrival later, or plan with strict off to serve them late.",
        "增加上车位或礼包发放台，把 latest_arrival 推后，或关闭 strict 允许晚到。",
    ),
    # the plan's standing, as the run log tells it (in a planner's words, not a solver's)
    "solve.optimal": ("the best plan", "最佳方案"),
    "solve.close": ("a plan at most {gap}% above the best possible", "已找到方案，最多比可能的最佳方案高 {gap}%"),
    "solve.feasible": ("a plan (how close to the best is not known)", "已找到方案（与最佳方案的差距未知）"),
    "solve.infeasible": ("no plan meets the rules", "没有满足规则的方案"),
    "solve.no_solution": ("no plan found in the time allowed", "时限内没有找到方案"),
    "solve.other": ("no plan ({status})", "没有方案（{status}）"),
    "solve.seconds": ("{s} s", "{s} 秒"),
    "solve.time_limit": (
        "stopped at the time limit: another run may differ", "到达时间上限而停止：再运行一次结果可能不同"
    ),
    "solve.took": (" ({parts})", "（{parts}）"),
    # the plan's search
    "plan.solver": ("unknown solver '{name}'.", "未知的求解方法“{name}”。"),
    "plan.solver.fix": ("use one of {choices}.", "请使用以下之一：{choices}。"),
    "plan.no_solver": (
        "no MILP solver: highspy is not installed and no CBC executable was found.",
        "找不到整数规划求解器：没有安装 highspy，也没有 CBC 程序。",
    ),
    "plan.no_solver.fix": (
        "pip install highspy (or install CBC: pip install 'pulp[cbc]').",
        "pip install highspy（或安装 CBC：pip install 'pulp[cbc]'）。",
    ),
    "plan.no_placement": (
        "the placement solver ({solver}) found no placement: status {status} after {seconds} s.",
        "{seconds} 秒内没有找到安置方案（{solver}，状态 {status}）。",
    ),
    "plan.no_placement.fix": ("give the solver more time.", "给计划更多时间（--time-limit）。"),
    "opts.whole": ("expected a whole number in {low}..{high}, got {value}.", "应为 {low} 到 {high} 之间的整数，实际为 {value}。"),
    "opts.objective.fix": ("leave it out to use the scenario's policy.objective.", "不填则使用方案中的 policy.objective。"),
    "opts.seed.fix": ("give a whole number such as 1.", "请给出一个整数，例如 1。"),
    "opts.iterations.fix": (
        "give a count such as 20000, or None to search until the time limit.",
        "请给出次数，例如 20000；或不限次数、只按时限停止。",
    ),
    "opts.seconds": ("expected seconds in (0, {high}], got {value}.", "应为 (0, {high}] 之内的秒数，实际为 {value}。"),
    "opts.seconds.fix": ("give seconds > 0, e.g. 30.", "请给出大于 0 的秒数，例如 30。"),
    "opts.no_stop": (
        "no stop criterion: neither iterations nor time_limit is set.",
        "没有停止条件：既没有给出次数（iterations），也没有给出时限（time_limit）。",
    ),
    "opts.no_stop.fix": (
        "set iterations (reproducible) or time_limit (seconds), or both.",
        "给出次数（结果可重现）或时限（秒），或两者都给。",
    ),
    "opts.margin.smaller": ("plan with a smaller margin than {m} minutes (--margin), or none.",
                            "请把计划余量调小到 {m} 分钟以下（--margin），或不留余量。"),
    "opts.margin.fix": ("give the planning margin in whole minutes, e.g. 45 (0: none).",
                        "请以整数分钟给出计划余量，例如 45（0 表示不留余量）。"),
    "opts.bool": ("expected True or False, got {value}.", "应为 True 或 False，实际为 {value}。"),
    "opts.bool.fix": ("give True or False.", "请给出 True 或 False。"),
    "opts.solver.fix": ("use highs (the default) or cbc.", "请使用 highs（默认）或 cbc。"),
    "opts.jobs.fix": ("give the processes to search districts on, e.g. 2.", "请给出同时搜索各区的进程数，例如 2。"),
    # the route search's mix (planning.routing.mix)
    "mix.search": ("expected a RouteSearch, got {value}.", "应为 RouteSearch，实际为 {value}。"),
    "mix.search.fix": ("give planning.routing.mix.RouteSearch(...), or leave it out.",
                       "请给出 planning.routing.mix.RouteSearch(...)，或不填。"),
    "mix.share": ("expected a share in (0, 1], got {value}.", "应为 (0, 1] 之内的比例，实际为 {value}。"),
    "mix.share.fix": ("give e.g. Stop(0.35).", "例如 Stop(0.35)。"),
    "mix.stop": ("expected a Stop or None, got {value}.", "应为 Stop 或 None，实际为 {value}。"),
    "mix.stop.fix": ("give e.g. Stop(0.35), or None.", "例如 Stop(0.35)，或 None（关闭这一部分）。"),
    "mix.both_off": ("both parts of the route search are off.", "路线搜索的两部分都被关闭了。"),
    "mix.both_off.fix": ("keep pyvrp or own (or both).", "请保留 pyvrp 或 own（或两者都保留）。"),
    "mix.nodes": ("expected two node counts >= 1, got {value}.", "应为两个不小于 1 的节点数，实际为 {value}。"),
    "mix.nodes.fix": ("give e.g. (300, 3000).", "例如 (300, 3000)。"),
    "mix.count": ("expected a count >= 1, got {value}.", "应为不小于 1 的整数，实际为 {value}。"),
    "mix.exact.fix": ("give e.g. 20000.", "例如 20000。"),
    "mix.stall.fix": ("give e.g. 500, or None (no adaptive stop).", "例如 500，或 None（不提前停止）。"),
    "mix.clock.fix": ("give e.g. 0.85, or None (twice PyVRP's share).", "例如 0.85，或 None（PyVRP 份额的两倍）。"),
    "mix.km": ("expected three idle counts >= 1 or None, got {value}.", "应为三个不小于 1 的空转次数或 None，实际为 {value}。"),
    "mix.km.fix": ("give e.g. (300, 40, 100), or None (the km objective searched as the others).",
                   "例如 (300, 40, 100)，或 None（公里目标与其他目标同样搜索）。"),
    "mix.slices": ("expected shares 0 < first < end <= 1 and 0 < slice < end, got {value}.",
                   "应满足 0 < first < end <= 1 且 0 < slice < end，实际为 {value}。"),
    "mix.slices.fix": ("give e.g. Slices(first=0.5, slice=0.1, end=0.96), or None (the fixed clock share).",
                       "例如 Slices(first=0.5, slice=0.1, end=0.96)，或 None（固定的时间份额）。"),
    # stored plans
    "store.foreign_file": (
        "{name} does not belong to this plan.json (missing, changed or written by another run): the folder does not "
        "hold one plan.",
        "{name} 不属于这个 plan.json（缺失、被改动或由另一次运行写出）：文件夹中不是同一份计划。",
    ),
    "store.foreign_file.fix": (
        "make the plan again with `labor-transfer plan --out DIR`.",
        "请用 `labor-transfer plan --out 目录` 重新制定方案。",
    ),
    "store.no_plan": ("no {name} here.", "这里没有 {name}。"),
    "store.no_plan.fix": (
        "give the folder written by `labor-transfer plan --out DIR`.",
        "请给出 `labor-transfer plan --out 目录` 写出的文件夹。",
    ),
    "store.unreadable": ("not a plan file this version can read ({reason}).", "不是本版本能读取的方案文件（{reason}）。"),
    "store.unreadable.fix": ("make the plan again with `labor-transfer plan`.", "请用 `labor-transfer plan` 重新制定方案。"),
    "store.base_other": (
        "the base plan was made for scenario '{other}', not for '{name}'.",
        "原计划是为场景“{other}”制定的，不是“{name}”。",
    ),
    "store.base_other.fix": (
        "give a plan made with `labor-transfer plan {name} --out DIR`.",
        "请给出用 `labor-transfer plan {name} --out DIR` 制定的计划。",
    ),
    "store.another_scenario": ("another scenario", "另一个方案"),
    "store.breaks": (
        "the plan breaks the scenario: {n} violations, the first: {first}.",
        "计划不符合方案：共 {n} 处违反，第一处：{first}。",
    ),
    "store.other_breaks": (
        "the plan was made for {other}, not for this version of '{name}': {n} violations, the first: {first}.",
        "该计划是为 {other} 制定的，不是为这一版“{name}”：共 {n} 处违反，第一处：{first}。",
    ),
    "store.make_for.fix": (
        "make a plan for this scenario: labor-transfer plan {name} --out DIR.",
        "请为这个方案制定计划：labor-transfer plan {name} --out 目录。",
    ),
    "store.other_version": (
        "the plan was made for {other} (another version of '{name}'); it passes every check of this one",
        "该计划是为 {other}（“{name}”的另一版本）制定的；它通过了本版本的全部检查",
    ),
    # re-planning
    "replan.all_broken": (
        "every coach of the plan is broken and the fleet has no spare coach with the seats.",
        "方案中的车全部故障，车队也没有座位足够的备用车。",
    ),
    "replan.all_broken.fix": (
        "leave a working coach out of the list, or add a coach to the fleet and plan again.",
        "从故障名单中去掉一辆能用的车，或在车队中增加车辆后重新制定方案。",
    ),
    # seasons
    "season.arrival_error": ("arrival {aid} ({date}): {inner}", "到达批次 {aid}（{date}）：{inner}"),
}
TEXTS.update({
    # the plan checker's findings (a plan's warnings when it is not strict, or an edited placement's)
    "chk.more": ("... and {n} more {kind} violations", "……另有 {n} 处{kind}问题"),
    "chk.kind_row": ("row", "安置行"),
    "chk.kind_job": ("job", "工种"),
    "chk.kind_capacity": ("capacity", "容量"),
    "chk.kind_returning": ("returning", "返岗"),
    "chk.kind_reason": ("reason", "未安置原因"),
    "chk.kind_manifest": ("manifest", "乘车名单"),
    "chk.kind_coach": ("coach", "车辆"),
    "chk.kind_schedule": ("schedule", "时刻"),
    "chk.rows_twice": ("worker {w} has {k} placement rows (placed more than once)", "工号 {w} 有 {k} 行安置（重复安置）"),
    "chk.stray_row": ("placement row {w} is not a worker of the scenario", "安置行 {w} 不是本方案的工人"),
    "chk.no_row": ("worker {w} has no placement row", "工号 {w} 没有安置行"),
    "chk.unknown_ent": ("worker {w} is placed at unknown enterprise {e}", "工号 {w} 被安置到不存在的企业 {e}"),
    "chk.district": (
        "worker {w} at {e} is listed in district {d} but {e} is in {real}",
        "工号 {w} 在 {e}，区市写的是 {d}，但 {e} 在 {real}",
    ),
    "chk.no_job": ("(no job)", "（无工种）"),
    "chk.skill": ("worker {w} holds a {j} post at {e} but can do {skills}", "工号 {w} 在 {e} 担任{j_zh}岗位，但只会{skills_zh}"),
    "chk.no_posts": ("worker {w} holds a {j} post at {e}, which has no {j} posts", "工号 {w} 在 {e} 担任{j_zh}岗位，而该企业没有{j_zh}岗位"),
    "chk.over_posts": ("enterprise {e} is over its posts for {j}: {k} workers, {cap} posts", "企业 {e} 的{j_zh}岗位超员：{k} 人，岗位 {cap} 个"),
    "chk.over_beds": ("enterprise {e} is over its beds for {who}: {k} workers, {beds} beds", "企业 {e} 的{who}床位超员：{k} 人，床位 {beds} 个"),
    "chk.over_quota": ("district {d} is over its quota: {k} workers, quota {quota}", "区市 {d} 超出名额：{k} 人，名额 {quota}"),
    "chk.returning": (
        "returning worker {w} is not with employer {e} though it had room ({room} posts free)",
        "返岗工人 {w} 没有回到原企业 {e}，而该企业还有空岗（{room} 个）",
    ),
    "chk.no_reason": ("worker {w} is unplaced without a reason", "工号 {w} 未安置且没有原因"),
    "chk.no_coach": ("worker {w} (to {e}) is on no coach", "工号 {w}（去 {e}）没有排上车"),
    "chk.many_trips": ("worker {w} is on {k} coach trips", "工号 {w} 排在 {k} 趟车上"),
    "chk.not_placed": ("worker {w} is on coach {c} but is not placed", "工号 {w} 在 {c} 上，但没有安置"),
    "chk.other_ent": ("worker {w} rides coach {c} to {e} but is placed at {placed}", "工号 {w} 乘 {c} 去 {e}，但安置在 {placed}"),
    "chk.no_stop": ("worker {w} is on coach {c} trip {t}, which does not stop at {placed}", "工号 {w} 在 {c} 第 {t} 趟，而这一趟不停 {placed}"),
    "chk.own_room": (
        "{k} workers of {e} are on coaches while its own vehicle has room (it brings {by_own}; {cap} in time)",
        "{e} 有 {k} 人坐大巴，而企业自己的车还有空位（接 {by_own} 人；按时可接 {cap} 人）",
    ),
    "chk.own_over": (
        "{e}'s own vehicle is left {by_own} workers; it brings {cap} before the dormitory closes",
        "{e} 自己的车要接 {by_own} 人；宿舍关门前只能接 {cap} 人",
    ),
    "chk.boarding": ("coach {c} trip {t} gives two workers the same boarding order", "{c} 第 {t} 趟有两人上车顺序相同"),
    "chk.type": ("coach type {t} is not in the fleet", "车型 {t} 不在车队中"),
    "chk.types": ("coach {c} appears with {k} coach types", "车辆 {c} 出现了 {k} 种车型"),
    "chk.over_seats": ("coach {c} trip {t} carries {load} workers on {seats} seats ({ctype})", "{c} 第 {t} 趟载 {load} 人，只有 {seats} 个座位（{ctype}）"),
    "chk.drops": (
        "coach {c} trip {t} drops {a} workers at {e} by its route but {b} by its manifest",
        "{c} 第 {t} 趟按线路在 {e} 下 {a} 人，按乘车名单下 {b} 人",
    ),
    "chk.fleet": ("{k} coaches of type {t} are used but the fleet has {count}", "用了 {k} 辆 {t}，车队只有 {count} 辆"),
    "chk.trip": ("coach {coach} trip {trip}", "{coach} 第 {trip} 趟"),
    "chk.stop_order": ("{name} numbers its stops {order}, expected 1 to {n}", "{name}的站序为 {order}，应为 1 到 {n}"),
    "chk.max_stops": ("{name} makes {n} stops, more than max_stops {limit}", "{name}停 {n} 站，超过 max_stops {limit}"),
    "chk.districts": (
        "{name} serves {n} districts ({districts}) with one_district_per_coach",
        "{name}跑 {n} 个区市（{districts}），而规定一车一区市（one_district_per_coach）",
    ),
    "chk.departures": ("{name} lists {n} departure times", "{name}有 {n} 个出发时刻"),
    "chk.too_early": ("{name} leaves at {depart}, before its coaches are available ({available})", "{name} {depart} 出发，早于车辆到位时间（{available}）"),
    "chk.timing": (
        "{name} reaches {ent} at {at} by the travel model, not at {planned} as planned",
        "按行车模型{name} {at} 到达 {ent}，而不是计划的 {planned}",
    ),
    "chk.ride": ("{name} rides {m} min to its last stop, over max_ride_min {limit}", "{name}到最后一站要 {m} 分钟，超过 max_ride_min {limit}"),
    "chk.late": ("{name} reaches its last stop at {at}, after latest_arrival {deadline}", "{name} {at} 到达最后一站，晚于最晚到达 {deadline}"),
    "chk.open_trips": ("coach {coach} makes {n} trips, but routes are open (one trip per coach)", "车辆 {coach} 跑了 {n} 趟，但线路是单程（每车一趟）"),
    "chk.overlap": (
        "coach {coach} trip {t1} leaves at {depart}, before trip {t0} is back ({back})",
        "{coach} 第 {t1} 趟 {depart} 出发，早于第 {t0} 趟返回（{back}）",
    ),
    "warn.at": ("{where}: {inner}", "{where}：{inner}"),
    "warn.margin": ("planned with a {m}-min margin before the deadline: every coach arrives by {by} ({latest} - {m} min)",
                    "计划留出 {m} 分钟余量：所有车辆在 {by} 前到达（{latest} 提前 {m} 分钟）"),
    "where.part": ("{file}{sheet}{rows}", "{file}{sheet}{rows}"),
    "where.file": ("{file}, ", "{file}，"),
    "where.sheet": ("sheet {sheet}, ", "工作表 {sheet}，"),
    "where.row": ("row {rows}", "第 {rows} 行"),
    "where.rows": ("rows {rows}", "第 {rows} 行"),
    "where.parts": ("{parts}", "{parts}"),
})
TEXTS.update({
    # a revised plan
    "changes.moved_line": ("{who}: {was} → {now} ({why})", "{who}: {was} → {now}（{why}）"),
    "revision.after_close": (" (after check-in closes)", "（晚于关门）"),
    "revision.col_id": ("id", "编号"),
    "revision.col_name": ("name", "名称"),
    "revision.col_status": ("workers/status", "人数/状态"),
    "revision.col_was": ("was", "原到达"),
    "revision.col_now": ("now", "新到达"),
})
