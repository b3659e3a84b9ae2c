"""The words of ``labor-transfer --help``: what each command does and what each argument means."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "help.program": ("Plan, simulate and stress-test point-to-point labor transfers.",
                     "点对点劳务输转：安置与派车方案、模拟与压力测试。"),
    "help.version": ("show the version and exit", "显示版本号并退出"),
    # commands
    "help.cmd.check": ("load and validate a scenario and print a short summary", "读取并检查方案，打印简要概况"),
    "help.cmd.plan": ("place the workers and route the coaches; write placement, routes and the Excel plan",
                      "安置工人并安排车辆线路；输出安置表、线路和 Excel 方案"),
    "help.cmd.simulate": ("simulate a plan many times; write KPIs, the event log and charts",
                          "多次模拟同一方案；输出指标、事件记录和图表"),
    "help.cmd.sweep": ("simulate a grid of variants (--set PATH=V1,V2); write sweep.csv and a comparison chart",
                       "模拟一组变体（--set PATH=V1,V2）；输出 sweep.csv 和对比图"),
    "help.cmd.replan": ("revise a plan on the night: a late train, broken coaches, missing workers",
                        "当晚调整方案：列车晚点、车辆故障、工人未到"),
    "help.cmd.pack": ("the meeting pack: charts (PNG and PDF) and the transport plan (Excel)",
                      "协调会材料：图表（PNG 和 PDF）和运输方案（Excel）"),
    "help.cmd.fleet": ("how many coaches to book: the cheapest fleet that meets a target share of good nights",
                       "预订多少辆车：达到目标准时夜晚比例的最便宜车队"),
    "help.cmd.season": ("plan and simulate a season of arrivals; write the season pack",
                        "为整个输转季的到达安排并模拟方案；输出季度材料"),
    "help.cmd.template": (
        "write a fill-in scenario folder: scenario.yaml, workers.xlsx and enterprises.xlsx with drop-down lists",
        "生成待填写的方案文件夹：scenario.yaml、带下拉列表的 workers.xlsx 和 enterprises.xlsx",
    ),
    "help.cmd.review": ("hold a night's records against the plan and the simulated nights (after-action review)",
                        "用当晚的实际记录对照方案和模拟结果（事后复盘）"),
    "help.cmd.calibrate": (
        "estimate the model's parameters from the records of one or more nights (a calibrated scenario)",
        "根据一个或多个夜晚的记录估计模型参数（得到校准后的方案）",
    ),
    "help.cmd.fair": ("Spring Wind: match job seekers to the posts of the job fairs; write the pack",
                      "春风行动：为求职者匹配招聘会岗位；输出材料"),
    # arguments shared by several commands
    "help.scenario": ("a bundled name ({names}) or a path to scenario.yaml",
                      "内置方案名（{names}）或 scenario.yaml 的路径"),
    "help.check_lang": ("the summary in Chinese (zh) or English (en)", "概况使用中文（zh）或英文（en）"),
    "help.out": ("output folder", "输出文件夹"),
    "help.out_whole": ("output folder (replaced whole when written)", "输出文件夹（写入时整体替换）"),
    "help.lang": ("labels and messages in Chinese (zh) or English (en)", "标签和提示使用中文（zh）或英文（en）"),
    "help.lang_labels": ("labels in Chinese (zh) or English (en)", "标签使用中文（zh）或英文（en）"),
    "help.seed": ("random seed, 0..{most} (same seed, same result)", "随机种子，0..{most}（种子相同，结果相同）"),
    "help.seed_answer": ("random seed (same seed, same answer)", "随机种子（种子相同，结论相同）"),
    "help.seed_numbers": ("random seed (same seed, same numbers)", "随机种子（种子相同，数字相同）"),
    "help.seed_files": ("random seed (same seed, same files)", "随机种子（种子相同，文件相同）"),
    "help.replications": ("simulated nights, 1..{most} (default {default})", "模拟夜晚数，1..{most}（默认 {default}）"),
    "help.jobs": ("worker processes run in parallel, at most the {cores} cores (default {default})",
                  "并行的工作进程数，最多 {cores} 个核（默认 {default}）"),
    "help.local_jobs": ("local worker processes, at most the {cores} cores (default {default})",
                        "本机工作进程数，最多 {cores} 个核（默认 {default}）"),
    "help.time_limit": (
        "opt-in: also stop placement and routing after these seconds (default none: only counts stop the search, "
        "so the same seed gives the same plan on any machine; a plan the clock stopped says so, as another run may "
        "differ)",
        "可选：安置和线路搜索到这么多秒也停止（默认不限：只按次数停止，同一种子在任何机器上得到同一方案；"
        "因时间停止的方案会注明，再运行一次可能不同）",
    ),
    "help.iterations": (
        "routing search iterations (default {default}; the same seed gives the same plan); 0 searches until "
        "--time-limit instead",
        "线路搜索迭代次数（默认 {default}；同一种子得到同一方案）；0 表示一直搜索到 --time-limit",
    ),
    "help.plan_dir": (
        "a folder written by `labor-transfer plan` (placement.csv, routes.csv, manifest.csv, plan.json)",
        "由 `labor-transfer plan` 输出的文件夹（placement.csv、routes.csv、manifest.csv、plan.json）",
    ),
    "help.sweep_set": ("an axis of the sweep, e.g. train.delay_min=0,60,120 (repeat for more axes)",
                       "扫描的一个维度，例如 train.delay_min=0,60,120（多个维度可重复填写）"),
    "help.set_scenario": ("a scenario value, e.g. disruptions.coach_no_show.p=0.1 (the night model every simulation "
                          "uses) or policy.routes=closed (repeatable)",
                          "场景中的一个值，如 disruptions.coach_no_show.p=0.1（所有仿真共用的夜间情况模型）或 "
                          "policy.routes=closed（可重复）"),
    "help.set_season": ("a value of the city's scenario for every night, e.g. disruptions.coach_no_show.p=0.1 (the "
                        "night model every simulation uses; repeatable)",
                        "城市场景中对每个夜晚都适用的一个值，如 disruptions.coach_no_show.p=0.1（所有仿真共用的夜间情况"
                        "模型；可重复）"),
    "help.delay": ("minutes the train is late", "列车晚点的分钟数"),
    "help.scheduler": ("a Dask scheduler address (default: local processes)", "Dask 调度器地址（默认：本机进程）"),
    # plan, simulate, sweep, replan, pack
    "help.risk_nights": (
        "nights the risk check simulates the plan (default {default}; 0 skips the check); below "
        "policy.target_on_time it tries the other ways to plan and recommends the cheapest that meets it",
        "风险检查模拟方案的夜晚数（默认 {default}；0 表示不检查）；低于 policy.target_on_time 时尝试其他做法，"
        "推荐达到目标中最便宜的一种",
    ),
    "help.alternatives": (
        "which alternatives the risk check tries below the target: auto (default: the desk order, one more coach "
        "of each type and a planning margin one step more than the plan keeps; the other route mode too when at most "
        "{riders} workers go by coach), quick (none that plans the routes again: not the margin, not the other route "
        "mode), all (all of them)",
        "低于目标时风险检查尝试哪些做法：auto（默认：物品发放顺序、每种车型多订一辆、比计划现有余量多一档的计划余量；"
        "乘车不超过 {riders} 人时也尝试另一种线路方式），quick（不试要重新排车的两种：计划余量和另一种线路方式），all（都试）",
    ),
    "help.placement": ("an exported placement.xlsx or placement.csv, edited by hand: kept as it is and routed",
                       "导出后经手工修改的 placement.xlsx 或 placement.csv：保持原样并据此排线"),
    "help.base": (
        "with --placement: the plan folder the edit started from; its coaches, trips and times are kept wherever "
        "the edit does not force a change (default: the plan beside the edited file, when there is one)",
        "与 --placement 一起使用：修改所依据的方案文件夹；修改未涉及之处沿用其车辆、车次和时间"
        "（默认：被修改文件旁的方案，若有）",
    ),
    "help.objective": (
        "routing objective after the fewest coaches: workers' ride minutes, km, both weighted, or cost (default: "
        "the scenario's policy.objective)",
        "在车辆最少的前提下的排线目标：工人乘车分钟、公里数、两者加权或费用（默认：方案的 policy.objective）",
    ),
    "help.simulate_set": (
        "change the night simulated, not the plan: e.g. train.delay_min=90 (the plan's train is 90 minutes late) "
        "or station.desk_order=coach",
        "改变所模拟的夜晚而不改方案：例如 train.delay_min=90（列车晚点 90 分钟）或 station.desk_order=coach",
    ),
    "help.fixed_plan": ("hold the base scenario's plan fixed (no re-planning)", "固定基础方案（不重新编排）"),
    "help.broken": ("coach ids that broke down, comma-separated (e.g. C07)", "发生故障的车辆编号，用逗号分隔（如 C07）"),
    "help.missing": ("worker ids not on the train, comma-separated", "未乘上列车的工号，用逗号分隔"),
    "help.redact": ("a pack fit to share: names reduced to surname plus 某, no phone numbers (ids kept)",
                    "可外发的材料：姓名只留姓加“某”，不含电话（保留工号）"),
    # fleet
    "help.target": ("the share of nights in which every worker checks in on time (default 0.95)",
                    "所有工人都按时入住的夜晚比例目标（默认 0.95）"),
    "help.confidence": ("confidence of the verdict (default 0.95)", "结论的置信度（默认 0.95）"),
    "help.standby": ("the most standby coaches to consider (0..10, default 1)", "最多考虑的备用车数（0..10，默认 1）"),
    "help.delays": ("known train delays in minutes, e.g. 0,60,120: a recommendation for each",
                    "已知的列车晚点分钟数，例如 0,60,120：每种各给一个建议"),
    "help.margin": (
        "planning margin in minutes: the routes are planned to arrive that much before policy.latest_arrival; the "
        "risk check still judges the nights against the deadline itself (default 0, at most {most})",
        "计划余量（分钟）：线路按比 policy.latest_arrival 提前这么多分钟到达来编排；风险检查仍按该时限判断（默认 0，最多 {most}）",
    ),
    "help.standby_coach": (
        "book one more coach of this type to wait at the station for a coach that does not come (a coach type of the "
        "fleet, e.g. coach_35; repeatable)",
        "多订一辆该车型的车在车站待命，有车没来时顶上（车队中的车型，例如 coach_35；可重复填写）",
    ),
    "help.buffers": (
        "planning margins in minutes, tried in turn while no fleet meets the target: the routes are planned to "
        "arrive that much before policy.latest_arrival, the nights simulated against it (default {default}; 0: no "
        "margin)",
        "计划余量（分钟），在没有车队达到目标时依次尝试：线路按比 policy.latest_arrival 提前这么多分钟到达来编排，"
        "模拟仍按该时限判断（默认 {default}；0 表示无余量）",
    ),
    "help.fleet_set": ("a scenario value for the search, e.g. train.delay_min=60 (repeatable)",
                       "搜索所用的方案取值，例如 train.delay_min=60（可重复填写）"),
    "help.max_nights": ("most nights per candidate, 40..{most} (batches of 40, at most 1,000 of them)",
                        "每个候选车队最多模拟的夜晚数，40..{most}（每批 40 晚，最多 1,000 批）"),
    "help.fleet_iterations": ("routing iterations per candidate fleet (default {default})",
                              "每个候选车队的线路搜索迭代次数（默认 {default}）"),
    # season
    "help.season": ("a bundled season (qingdao_season_2023) or a folder / path of season.yaml",
                    "内置输转季（qingdao_season_2023），或 season.yaml 所在文件夹或路径"),
    "help.seasons": ("simulated seasons (default 100)", "模拟的输转季数（默认 100）"),
    "help.season_iterations": ("routing iterations per night (default {default})", "每晚的线路搜索迭代次数（默认 {default}）"),
    # template
    "help.city": ("the receiving city: the folder then holds none of the Qingdao example's places",
                  "接收城市：生成的文件夹不含青岛示例的地点"),
    "help.station": ("the arrival station's name (default: the city's name and 站)", "到达站名称（默认：城市名加“站”）"),
    # review, calibrate
    "help.actual": ("a folder of the night's records: station_log, checkins, train, gps (CSV or .xlsx)",
                    "当晚记录所在文件夹：station_log、checkins、train、gps（CSV 或 .xlsx）"),
    "help.actuals": ("one folder of records per night (each may hold its night's plan folder as plan/)",
                     "每晚一个记录文件夹（可在其中以 plan/ 放当晚的方案文件夹）"),
    "help.calibrate_plan": ("the plan folder of the nights whose records folder holds no plan/",
                            "记录文件夹中没有 plan/ 的那些夜晚所用的方案文件夹"),
    # fair
    "help.fair_season": ("a folder with fairs, posts and seekers tables (.csv or .xlsx), or '{generate}' for a "
                         "generated season",
                         "含 fairs、posts、seekers 表（.csv 或 .xlsx）的文件夹，或填“{generate}”生成一季示例数据"),
    "help.keep_groups": ("keep groups in one enterprise (then one district), one district, or not (default enterprise)",
                         "同行人员安排在同一企业（其次同一区市）、同一区市，或不要求（默认同一企业）"),
    "help.k": ("recommendations per seeker (default 10)", "每位求职者的推荐岗位数（默认 10）"),
    "help.spread": ("how strongly recommendations are spread across posts by their places: 0 shows each seeker their "
                    "best-scored posts; larger spreads more at more cost to the lists' quality (default 0.3)",
                    "推荐按岗位名额分散的力度：0 为按得分直接推荐；越大越分散，推荐质量损失也越多（默认 0.3）"),
    "help.posts": ("generated posts (default 3000)", "生成的岗位数（默认 3000）"),
    "help.seekers": ("generated seekers (default 900)", "生成的求职者数（默认 900）"),
    "help.fairs": ("generated fairs (default 12)", "生成的招聘会场次（默认 12）"),
}
