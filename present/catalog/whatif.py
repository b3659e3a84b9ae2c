"""Catalog entries: what-ifs (variants, sweeps, comparisons, fleet search, re-planning) and the command line."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "fleet.delay_head": ("Train {delay} min late: ", "晚点 {delay} 分钟："),
    "replan.trip": ("{coach} trip {trip}", "{coach} 第 {trip} 趟"),
    "replan.none": ("none", "无"),
    "replan.why": ("revised: {why}", "调整原因：{why}"),
    "replan.changed": ("changed manifests: {n} ({trips})", "乘车名单有变的车次：{n} 个（{trips}）"),
    "replan.affected": ("affected: {workers} workers at {dorms} dormitories", "涉及 {workers} 人、{dorms} 处宿舍"),
    "replan.after_close": (", {n} of them reached after check-in closes", "，其中 {n} 处到达时已过入住截止"),
    "fleet.margin_words": (", planned with a {buffer}-min margin before the deadline", "，计划留出 {buffer} 分钟余量"),
    "fleet.rule_describe": (
        "batches of {batch} nights, at most {looks} ({nights} nights); one-sided, a wrong 'meets' at most {alpha}, "
        "spent across the looks by the Lan-DeMets {spending}-type function; settled at the cap by the fixed-sample "
        "one-sided test; fails early once the one-sided {upper} upper bound is below the target.",
        "每批 {batch} 个夜晚，最多 {looks} 批（{nights} 晚）；单侧检验，误判“达到”的概率不超过 {alpha}，"
        "按 Lan-DeMets {spending}消耗函数分配到各次查看；上限处按固定样本单侧检验判定；"
        "上侧 {upper} 界低于目标即提前判为未达到。",
    ),
    "season.written_to": ("written to {out}", "结果写入 {out}"),
    "fair.chart.twenty_over": (" (20 and over together)", "（20 及以上合并）"),
    "fair.chart.cong": (
        "Congestion: in how many top-{k} lists each post appears", "推荐拥挤度：每个岗位出现在多少人的前 {k} 条推荐里",
    ),
    "fair.chart.plain": ("plain scoring", "按得分直接推荐"),
    "fair.chart.spread": ("spread by places", "按名额分散推荐"),
    "fair.chart.share": ("share of posts (most shown first)", "岗位占比（按曝光从多到少）"),
    "fair.chart.exp": ("cumulative share shown", "曝光份额累计"),
    "fair.chart.lorenz": (
        "Concentration of exposure (Gini {g1:.2f} -> {g2:.2f})", "曝光集中曲线（基尼系数 {g1:.2f} → {g2:.2f}）",
    ),
    "fair.chart.hist": ("posts", "岗位数"),
    "fair.chart.times": ("times shown in lists", "出现在推荐中的次数"),
    "fair.chart.district": ("Places and matches per district", "各区市岗位名额与匹配人数"),
    "fair.chart.places": ("places", "招聘名额"),
    "fair.chart.filled": ("matched", "已匹配"),
    "fair.chart.why": ("Why posts stay open", "未招满岗位的原因"),
    "fair.chart.posts": ("posts", "岗位数"),
    # --set and overrides
    "set.grid": ("the grid has {shown} = {size} variants, more than the limit of {limit}.", "方案组合有 {shown} = {size} 个，超过上限 {limit} 个。"),
    "set.grid.fix": ("sweep fewer values per axis, or split the sweep into several runs.", "每个维度少给几个值，或分成几次比较。"),
    "set.clock": ("{path} is a clock time, got {value}.", "{path} 应为时刻，实际为 {value}。"),
    "set.clock.fix": (
        "write HH:MM, e.g. {path}=02:00 (or 01:30+1 for the next day).",
        "写成 时:分，例如 {path}=02:00（次日写 01:30+1）。",
    ),
    "set.no_values": ("no values.", "没有取值。"),
    "set.no_values.fix": ("give values, e.g. {path}=V1,V2", "请给出取值，例如 {path}=V1,V2"),
    "set.as_both": (" (as {first} and {value})", "（写作 {first} 和 {value}）"),
    "set.value_twice": (
        "the value {value} is given twice{also}; identical variants would be pooled.",
        "取值 {value} 给了两次{also}；相同的方案会被合并。",
    ),
    "set.value_twice.fix": ("give each value once.", "每个取值只给一次。"),
    "set.unreadable": ("cannot read '{option}'.", "无法读取“{option}”。"),
    "set.unreadable.fix": (
        "write PATH=VALUE[,VALUE...], e.g. train.delay_min=0,60,120",
        "写成 字段=值[,值...]，例如 train.delay_min=0,60,120",
    ),
    "set.empty_value": ("an empty value in '{values}'.", "“{values}”中有空值。"),
    "set.empty_value.fix": ("separate values by single commas.", "取值之间用一个逗号分隔。"),
    "set.path.fix": (
        "use a dotted path under {sections}, such as train.delay_min or fleet.<coach type>.count.",
        "用 {sections} 之下以点号分隔的字段路径，如 train.delay_min 或 fleet.<车型>.count。",
    ),
    "set.another.fix": ("give another value for {path}.", "请给 {path} 换一个值。"),
    "set.with_overrides": ("{inner} (with overrides {overrides})", "{inner}（修改项：{overrides}）"),
    # the command line's own checks
    "cli.twice": ("{path} is given twice.", "{path} 给了两次。"),
    "cli.all_once.fix": ("give all its values once: {path}={values}", "所有取值一次给出：{path}={values}"),
    "cli.once.fix": ("give it once.", "只给一次。"),
    "cli.many_values": ("{path} has {n} values.", "{path} 给了 {n} 个值。"),
    "cli.simulate_one.fix": (
        "simulate takes one value per path; use `labor-transfer sweep` for several.",
        "simulate 每个字段只取一个值；多个取值请用 `labor-transfer sweep`。",
    ),
    "cli.one_value.fix": (
        "give one value per path here (a sweep takes several: labor-transfer sweep).",
        "这里每个字段只取一个值（多个取值请用 labor-transfer sweep）。",
    ),
    "cli.delays_twice": ("train.delay_min is given by --set and by --delays.", "train.delay_min 同时由 --set 和 --delays 给出。"),
    "cli.delays_twice.fix": ("use one of them.", "只用其中一个。"),
    "cli.base_without_placement": ("--base needs --placement.", "--base 须与 --placement 同用。"),
    "cli.base_without_placement.fix": (
        "give the edited placement with --placement FILE.",
        "请用 --placement FILE 给出改过的安置表。",
    ),
    "cli.standby_type": ("--standby-coach {value} is not a coach type of the scenario's fleet.",
                         "--standby-coach {value} 不是本方案车队中的车型。"),
    "cli.standby_type.fix": ("give one of: {types}.", "请给出其中之一：{types}。"),
    "cli.standby_many": ("--standby-coach is given {n} times; a plan books at most {most}.",
                         "--standby-coach 给了 {n} 次；一个计划最多预订 {most} 辆待命车。"),
    "cli.standby_many.fix": ("give it at most {most} times.", "最多给 {most} 次。"),
    "cli.no_axes": ("no axes to sweep.", "没有要扫描的变量。"),
    "cli.no_axes.fix": ("add e.g. --set train.delay_min=0,60,120", "例如加上 --set train.delay_min=0,60,120"),
    # sweeps and comparisons
    "sweep.no_valid_plan": ("option '{option}' has no valid plan: {why}.", "方案“{option}”没有有效的计划：{why}。"),
    "sweep.no_valid_plan.fix": ("compare options that have a valid plan.", "请比较有有效计划的方案。"),
    "sweep.no_dask": ("Dask is not installed.", "没有安装 Dask。"),
    "sweep.no_dask.fix": ("pip install 'dask[distributed]', or leave it out.", "pip install 'dask[distributed]'，或不用集群。"),
    "sweep.no_scheduler": (
        "cannot reach a Dask scheduler at '{address}' within {seconds} s ({reason}).",
        "{seconds} 秒内无法连上地址 '{address}' 的 Dask 调度器（{reason}）。",
    ),
    "sweep.no_scheduler.fix": (
        "start one (dask scheduler) and give its address, e.g. tcp://host:8786, or leave the scheduler out.",
        "先启动调度器（dask scheduler）再给出其地址，如 tcp://host:8786；或不用 --scheduler。",
    ),
    "sweep.no_workers": (
        "the Dask scheduler at '{address}' has no workers (none joined within {seconds} s); the work would wait for ever.",
        "地址 '{address}' 的 Dask 调度器没有工作进程（{seconds} 秒内无一加入），任务会一直等待。",
    ),
    "sweep.no_workers.fix": (
        "start workers for it (dask worker ADDRESS), or leave the scheduler out to use local processes.",
        "为它启动工作进程（dask worker 地址），或不用 --scheduler 而在本机运行。",
    ),
    "sweep.too_many": (
        "{k} variants x {r} replications = {n} nights, more than the limit of {limit}.",
        "{k} 个方案 × {r} 次仿真 = {n} 个夜晚，超过上限 {limit}。",
    ),
    "sweep.too_many.fix": ("give fewer replications or fewer variants (or split the sweep).", "减少仿真次数或方案个数（或分成几次比较）。"),
    "sweep.n_jobs": ("expected at least 1 worker process, got {value}.", "至少需要 1 个进程，实际为 {value}。"),
    "sweep.n_jobs.fix": ("give e.g. 2.", "例如填 2。"),
    "compare.seed": ("seed", "随机种子"),
    "compare.replications": ("number of replications", "仿真夜晚数"),
    "compare.unpaired": (
        "{a} was simulated with {what} {va} and {b} with {vb}; paired differences need common random numbers.",
        "{a} 仿真时{what}为 {va}，{b} 为 {vb}；成对比较需要相同的随机数。",
    ),
    "compare.unpaired.fix": ("simulate both with the same --seed and --replications.", "请用相同的 --seed 和 --replications 仿真两者。"),
    "compare.other_nights": (
        "{a} has replications {span_a} and {b} {span_b}: they must have the same replications to be paired.",
        "{a} 的仿真夜晚为 {span_a}，{b} 为 {span_b}：成对比较需要相同的夜晚。",
    ),
    "compare.other_nights.fix": (
        "simulate both with the same seed and the same number of replications.",
        "请用相同的随机种子和仿真夜晚数仿真两者。",
    ),
    "option.late": (
        "{n} workers arrive after the latest arrival {deadline} (the last at {last})",
        "{n} 人在最晚到达 {deadline} 之后才能送到（最晚 {last}）",
    ),
    "option.check_failed": ("the plan checker failed: {detail}", "计划检查未通过：{detail}"),
    "option.no_plan": ("no plan: {inner}{fix}", "无法排出计划：{inner}{fix}"),
    "option.fix": (" ({fix})", "（{fix}）"),
    # the fleet search
    "fleet.standby": ("standby(={value}) must be whole numbers in 0..10.", "备用车数（{value}）应为 0 到 10 之间的整数。"),
    "fleet.batch": (
        "batch ({batch}) and max_nights ({max_nights}) must satisfy 1 <= batch <= max_nights <= {limit} (at most "
        "1,000 batches).",
        "batch（{batch}）与 max_nights（{max_nights}）须满足 1 <= batch <= max_nights <= {limit}（最多 1,000 批）。",
    ),
    "fleet.buffers": ("buffers(={value}) must be distinct whole minutes in 0..240.", "buffers（{value}）应为 0 到 240 之间互不相同的整分钟数。"),
    # re-planning
    "replan.coach": ("coach '{coach}' is not in the plan.", "方案中没有车辆“{coach}”。"),
    "replan.coach.fix": ("name a coach of the plan: {coaches}, ...", "请填写方案中的车辆：{coaches}……"),
    "replan.every_coach": (
        "every coach of the plan is broken: there is no plan left to repair.",
        "计划中的车辆全部故障：没有可调整的计划。",
    ),
    "replan.every_coach.fix": (
        "plan again for the coaches there are (the fleet's counts in the scenario file), or leave a working coach out "
        "of the list.",
        "请在场景文件中按现有车辆数重新制定计划，或从故障名单中去掉能用的车。",
    ),
    "replan.worker": ("worker '{worker}' is not on the roster.", "名单上没有工号“{worker}”。"),
    "replan.worker.fix": ("give worker ids as in the roster's id column.", "请按名单中的工号填写。"),
    "replan.delay": ("a delay of {value} minutes.", "晚点 {value} 分钟不可用。"),
    "replan.delay.fix": ("give minutes >= 0.", "请给出不小于 0 的分钟数。"),
    "replan.no_routes": ("the plan has no routes to revise.", "方案中没有可修订的线路。"),
    "replan.no_routes.fix": ("make a plan with routes first (labor-transfer plan).", "请先制定含线路的方案（labor-transfer plan）。"),
}
TEXTS.update({
    "report.more": ("... (+{n})", "… (+{n})"),
    "runlog.placement": ("placement", "安置"),
    "runlog.routing": ("routing", "线路"),
    "runlog.routing.coaches_then_ride": ("routing (its gap in workers' ride minutes)", "线路（差距按乘车总时长计）"),
    "runlog.routing.coaches_then_km": ("routing (its gap in km)", "线路（差距按公里计）"),
    "runlog.routing.coaches_then_weighted": ("routing (its gap in ride minutes plus weighted km)",
                                             "线路（差距按乘车时长加公里的加权和计）"),
    "runlog.routing.cost": ("routing (its gap in cost)", "线路（差距按费用计）"),
    "runlog.coach": ("{n} coach", "{n} 辆"),
    "runlog.coaches": ("{n} coaches", "{n} 辆"),
    "compare.interval": (" ({low} to {high})", "（{low} ~ {high}）"),
})
TEXTS.update({
    # the fleet search's statement
    "fleet.idle": (
        "its plan drives only {drives}: the same routes cost less booked so (tried in its place); not simulated",
        "其路线只用到 {drives}：只订这些车、同样的路线更便宜（已改试该车队），不再模拟",
    ),
    "fleet.same_routes": ("the same routes as {other}: its nights, not simulated again", "路线与“{other}”相同，沿用其模拟夜晚"),
    "fleet.book": (
        "Book {fleet}, cost {cost} CNY: in {n} simulated nights, {p} ({low}-{high}) were on time (every worker in an "
        "open dormitory before {latest}); it meets {target} with confidence {conf}.",
        "建议预订：{fleet}，费用 {cost} 元。在 {n} 个模拟夜晚中 {p}（{low}-{high}）的夜晚准时"
        "（所有人都在宿舍关门前、且在 {latest} 前入住）；"
        "以 {conf} 的把握达到 {target} 的目标。",
    ),
    "fleet.none_meets": (
        "No fleet within what can be booked meets {target} with confidence {conf}.",
        "可预订的车队范围内没有方案能以 {conf} 的把握达到 {target}。",
    ),
    "fleet.closest": ("Closest: {fleet} at {p} ({low}-{high}), cost {cost} CNY.", "最接近的是 {fleet}：{p}（{low}-{high}），费用 {cost} 元。"),
    "fleet.margins_tried": ("Planning margins tried: {minutes} min before the deadline.", "已尝试的计划余量：{minutes} 分钟。"),
    "fleet.evaluated": ("{n} fleets evaluated, {nights} nights simulated.", "共评估 {n} 个车队方案，模拟 {nights} 个夜晚。"),
    "fleet.late_of": ("{n} had a late worker of {ent}{why}", "{n} 晚有 {ent} 的工人迟到入住{why}"),
    "fleet.own_tight": (
        " (collected by its own vehicle, planned to be there just in time: with a planning margin, whom it cannot "
        "bring in time goes by coach)",
        "（企业自接车，计划到得太紧：留出计划余量，车接不及的工人就改乘大巴）",
    ),
    "fleet.failing": ("Of its {n} failing nights, {parts}.", "其 {n} 个未达标的夜晚中：{parts}。"),
    "fleet.margin": (
        "Its routes were planned to arrive by {planned}, {buffer} min before the latest arrival of {deadline}; the "
        "nights were simulated against {deadline} and the dormitories' own hours.",
        "路线按 {planned} 前到达排定（比最晚到达时间 {deadline} 提前 {buffer} 分钟），模拟仍按 {deadline} 和各宿舍的开放时间判断。",
    ),
    "fleet.cheaper_no_plan": (
        "The next cheaper fleet, {name} ({cost} CNY to book, before mileage), has no plan within the rules: {why}",
        "更便宜的 {name}（包车费 {cost} 元，未计里程）排不出满足规则的路线：{why}",
    ),
    "fleet.cheaper_not_shown": (
        "The next cheaper fleet, {name} ({cost} CNY), reaches {p} ({low}-{high}): not shown to meet the target in "
        "{nights} nights.",
        "更便宜的 {name}（{cost} 元）为 {p}（{low}-{high}），{nights} 个夜晚内未能证明达到目标。",
    ),
    "fleet.rule": (
        "The rule: {rule} The interval is the pair of bounds the verdict used (the lower one-sided, at the look's "
        "level).",
        "判定规则：{rule}区间为判定所用的界（下界为单侧、按该次查看的水平）。",
    ),
    "fleet.cheaper_short": (
        "The next cheaper fleet, {name} ({cost} CNY), reaches only {p} ({low}-{high}).",
        "更便宜的 {name}（{cost} 元）只有 {p}（{low}-{high}）。",
    ),
})
TEXTS.update({
    "fleet.type_count": ("{n} x {name}", "{name} {n} 辆"),
    "fleet.standby_count": ("{n} standby", "备用 {n} 辆"),
    "fleet.seated": ("{seats}-seat {name}", "{seats}座{name}"),
    "word.yes": ("yes", "是"),
    "word.no": ("no", "否"),
    "sweep.head": ("{k} options, {n} simulated nights each", "{k} 个方案，每个模拟 {n} 个夜晚"),
    "sweep.no_valid": ("no valid plan: {why}", "无有效方案：{why}"),
})
