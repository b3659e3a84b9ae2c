"""Chinese for the English lines of bad input that were written without their own Chinese: a translation memory.

Each entry pairs an English template with its Chinese; ``{name}`` stands for a value quoted from the input (a path,
a number, a list of choices), carried over as it is, or itself translated when it is a line of this table (a "did you
mean" hint inside a message). ``to_zh`` gives the Chinese of a whole line, or None when no template fits; a
ScenarioError without ``message_zh`` is told in Chinese through it (``present.errors``), and so are argparse's own
messages on the command line. A new message is best given its Chinese where it is raised; this table is for the
many that predate that.
"""

from __future__ import annotations

import functools
import re

#: (English, Chinese). Where two templates fit one line, the one with more fixed text wins (the more specific).
LINES: tuple[tuple[str, str], ...] = (
    # hints inside messages
    ("did you mean '{word}'?", "是否应为“{word}”？"),
    ("valid values: {words}.", "可用的值：{words}。"),
    ("nearest valid paths: {paths}.", "最接近的可用字段：{paths}。"),
    # numbers and choices (scenarios.ranges, scenarios.model, the --set values)
    ("expected a number, got {value}.", "应为数字，实际为 {value}。"),
    ("expected a number > 0, got {value}.", "应为大于 0 的数，实际为 {value}。"),
    ("expected a number >= 0, got {value}.", "应为不小于 0 的数，实际为 {value}。"),
    ("expected a whole number >= 0, got {value}.", "应为不小于 0 的整数，实际为 {value}。"),
    ("expected a whole number, got {value}.", "应为整数，实际为 {value}。"),
    ("expected a whole number from {low} to {high}, got {value}.", "应为 {low} 到 {high} 之间的整数，实际为 {value}。"),
    ("expected a share in [0, 1], got {value}.", "应为 0 到 1 之间的比例，实际为 {value}。"),
    ("expected [low, high] with 0 <= low <= high, got {value}.",
     "应为 [下限, 上限]，且 0 <= 下限 <= 上限，实际为 {value}。"),
    ("expected a coefficient of variation in [0, 2], got {value}.", "变异系数应在 [0, 2] 之间，实际为 {value}。"),
    ("expected a factor >= 1, got {value}.", "系数应不小于 1，实际为 {value}。"),
    ("expected a latitude in [-90, 90], got {value}.", "纬度应在 [-90, 90] 之间，实际为 {value}。"),
    ("expected a longitude in [-180, 180], got {value}.", "经度应在 [-180, 180] 之间，实际为 {value}。"),
    ("expected at least 1 stop, got {value}.", "每车至少 1 个站点，实际为 {value}。"),
    ("expected at least 1 gift-pack desk, got {value}.", "至少需要 1 个礼包发放台，实际为 {value}。"),
    ("expected at least 1 coach bay, got {value}.", "至少需要 1 个上车位，实际为 {value}。"),
    ("expected at least 1, got {value}.", "至少为 1，实际为 {value}。"),
    ("expected at least {other} ({value_other}), got {value}.", "应不小于 {other}（{value_other}），实际为 {value}。"),
    ("expected more than {other} ({value_other}), got {value}.", "应大于 {other}（{value_other}），实际为 {value}。"),
    ("expected one of {choices}, got {value}.", "应为以下之一：{choices}；实际为 {value}。"),
    ("expected '{a}' or '{b}', got {value}.", "应为“{a}”或“{b}”，实际为 {value}。"),
    ("expected night_share + district_share <= 1, got {a} + {b}.",
     "night_share 与 district_share 之和应不大于 1，实际为 {a} + {b}。"),
    ("walking speeds must be > 0.", "步行速度应大于 0。"),
    ("must not be empty.", "不能为空。"),
    ("shares must sum to 1, got {total}.", "各比例之和应为 1，实际为 {total}。"),
    ("must name at least one county.", "至少填写一个县区。"),
    ("unknown time zone {zone}.", "未知的时区 {zone}。"),
    # clock times
    ("{value} is not a clock time.", "{value} 不是有效时刻。"),
    ("expected a clock time like '21:30', got {value}.", "应为 21:30 这样的时刻，实际为 {value}。"),
    ("write HH:MM with hours 00-23 and minutes 00-59.", "写成 时:分，小时 00-23，分钟 00-59。"),
    ("write HH:MM, 00:00 to 23:59.", "写成 时:分，00:00 到 23:59。"),
    # --set and overrides
    ("give another value for {field}.", "请给 {field} 换一个值。"),
    ("unknown override path '{path}'; {hint}", "没有可修改的字段“{path}”；{hint}"),
    ("use a dotted path such as train.delay_min or fleet.coach_53.count.",
     "用点号分隔的字段路径，如 train.delay_min 或 fleet.coach_53.count。"),
    ("use a dotted path under {sections}, such as train.delay_min or fleet.<coach type>.count.",
     "用 {sections} 之下以点号分隔的字段路径，如 train.delay_min 或 fleet.<车型>.count。"),
    ("{path} is given twice.", "{path} 给了两次。"),
    ("give all its values once: {values}", "所有取值一次给出：{values}"),
    ("{path} has {n} values.", "{path} 给了 {n} 个值。"),
    ("simulate takes one value per path; use `labor-transfer sweep` for several.",
     "simulate 每个字段只取一个值；多个取值请用 `labor-transfer sweep`。"),
    ("no axes to sweep.", "没有要扫描的变量。"),
    ("add e.g. --set train.delay_min=0,60,120", "例如加上 --set train.delay_min=0,60,120"),
    ("{message} (with overrides {overrides})", "{message}（修改项：{overrides}）"),
    # scenarios and their files
    ("file not found.", "找不到文件。"),
    ("check the path, or give a folder that holds scenario.yaml.", "检查路径，或给出含有 scenario.yaml 的文件夹。"),
    ("no scenario '{name}': not a bundled name and no such file; {hint}",
     "没有方案“{name}”：既不是内置方案名，也没有这个文件；{hint}"),
    ("give a bundled name ({names}) or the path of a scenario.yaml.",
     "请给出内置方案名（{names}）或 scenario.yaml 的路径。"),
    ("expected a mapping of sections (meta:, train:, ...).", "应为按节组织的映射（meta:、train: 等）。"),
    ("start from a bundled scenario, e.g. {path}.", "请以内置方案为起点，例如 {path}。"),
    ("unknown section {name}; {hint}", "未知的节 {name}；{hint}"),
    ("correct the spelling or remove the section.", "改正拼写，或删除该节。"),
    ("section is missing.", "缺少该节。"),
    ("add a '{key}:' section.", "添加“{key}:”一节。"),
    ("unknown key {name}; {hint}", "未知的键 {name}；{hint}"),
    ("expected the name of a sheet, got {value}.", "应为工作表名称，实际为 {value}。"),
    ("name a sheet.", "请填写工作表名称。"),
    ("expected the name of a CSV or .xlsx file, got {value}.", "应为 CSV 或 .xlsx 文件名，实际为 {value}。"),
    ("expected at least one coach type.", "至少需要一种车型。"),
    ("the fleet has no seats.", "车队没有座位。"),
    ("give at least one coach (count > 0).", "至少安排一辆车（count > 0）。"),
    ("{n} workers go by coach but the fleet has {seats} seats.", "{n} 名工人乘大巴，但车队只有 {seats} 个座位。"),
    ("add coaches, or set policy.routes: closed so that coaches make second trips.",
     "增加车辆，或设 policy.routes: closed，让车辆跑第二趟。"),
    ("{n} workers but the train has {seats} seats ({cars} cars x {per_car}).",
     "共 {n} 名工人，但列车只有 {seats} 个座位（{cars} 节 × {per_car} 座）。"),
    ("add cars, raise seats_per_car, or split the roster over two trains.",
     "增加车厢、提高 seats_per_car，或把名单分到两趟列车。"),
    ("enterprise {ent} has a negative number of posts.", "企业 {ent} 的岗位数为负。"),
    ("pickup {value} of enterprise {ent} is not 'coach' or 'own'.",
     "企业 {ent} 的接站方式 {value} 不是 coach 或 own。"),
    ("enterprise {ent} collects its own workers but gives no seats or arrival time.",
     "企业 {ent} 自行接站，但没有填写座位数或到站时间。"),
    ("check-in at enterprise {ent} closes ({close}) before it opens ({open}).",
     "企业 {ent} 的入住截止时间（{close}）早于开始时间（{open}）。"),
    ("district {district} of enterprise {ent} is not a district; {hint}",
     "企业 {ent} 的区市 {district} 不存在；{hint}"),
    ("district {district} has a quota but is not a district; {hint}",
     "区市 {district} 有名额，但不是已知的区市；{hint}"),
    # plans and output folders
    ("no plan.json here.", "这里没有 plan.json。"),
    ("give the folder written by `labor-transfer plan --out DIR`.",
     "请给出 `labor-transfer plan --out 目录` 写出的文件夹。"),
    ("not a plan file this version can read ({reason}).", "不是本版本能读取的方案文件（{reason}）。"),
    ("make the plan again with `labor-transfer plan`.", "请用 `labor-transfer plan` 重新制定方案。"),
    ("make the plan again with `labor-transfer plan --out DIR`.",
     "请用 `labor-transfer plan --out 目录` 重新制定方案。"),
    ("make a plan for this scenario: labor-transfer plan {name} --out DIR.",
     "请为这个方案制定计划：labor-transfer plan {name} --out 目录。"),
    ("cannot make the folder {folder}: a file of that name is in the way.", "无法建立文件夹 {folder}：已有同名文件。"),
    ("cannot make the folder {folder}: a file is in the way.", "无法建立文件夹 {folder}：路径上有文件。"),
    ("give the path of a folder (it is made when missing), not of a file.",
     "请给出文件夹路径（不存在时自动建立），而不是文件。"),
    ("cannot write in {path} ({reason}).", "无法在 {path} 中写入（{reason}）。"),
    ("cannot write {path} ({reason}).", "无法写入 {path}（{reason}）。"),
    ("give a folder you may write to, on a disk with room (earlier outputs there are kept as they were).",
     "请给出有写入权限、磁盘空间足够的文件夹（其中原有的输出保持不变）。"),
    ("edit '{field}' in the scenario file.", "请在方案文件中修改“{field}”。"),
    ("expected text, got {value}.", "应为文字，实际为 {value}。"),
    ("expected a list, got {value}.", "应为列表，实际为 {value}。"),
    ("expected a date like 2023-02-01, got {value}.", "应为 2023-02-01 这样的日期，实际为 {value}。"),
    ("correct the spelling or remove the key.", "改正拼写，或删除该键。"),
    ('write HH:MM in quotes, e.g. "21:30".', '写成带引号的 时:分，例如 "21:30"。'),
    ("{what} {ident} at ({lat}, {lon}) is {km} km from the station (more than {limit}).",
     "{what} {ident} 位于（{lat}, {lon}），距车站 {km} 公里（超过 {limit} 公里）。"),
    ("enterprise", "企业"),
    ("district", "区市"),
    ("check that lat and lon are not swapped and are in degrees.", "检查纬度和经度是否填反、是否以度为单位。"),
    ("enterprise id '{ident}' is reserved: the travel model calls the station 'station' and a district centre "
     "'district:<id>'.",
     "企业编号“{ident}”是保留字：行车模型用 station 表示车站，用 district:<编号> 表示区市中心。"),
    ("give a closing time after the opening time (past midnight is fine).", "截止时间应晚于开始时间（可以跨过午夜）。"),
    ("fill own_seats (> 0) and own_arrival (e.g. 21:00).", "填写 own_seats（> 0）和 own_arrival（例如 21:00）。"),
    ("give the enterprise another id (and change it in the roster's returning_employer).",
     "给该企业换一个编号（并同步修改名单中的 returning_employer）。"),
    # planning: what no plan can meet
    ("enterprise {ent} ({district}) is {m} min from the station, {over} min over the ride limit of {limit} min.",
     "企业 {ent}（{district}）距车站 {m} 分钟车程，超出乘车时限 {limit} 分钟 {over} 分钟。"),
    ("raise max_ride_min to at least {m} or let {ent} collect its workers (pickup: own).",
     "把 max_ride_min 提高到至少 {m}，或由 {ent} 自行接站（pickup: own）。"),
    ("enterprise {ent} ({district}) cannot be reached before {deadline}: leaving at {depart}, the direct drive "
     "arrives {late} min late.",
     "企业 {ent}（{district}）无法在 {deadline} 前送达：{depart} 出发，直达也要晚到 {late} 分钟。"),
    ("move latest_arrival later, or let the enterprise collect its workers (pickup: own).",
     "把 latest_arrival 推后，或由该企业自行接站（pickup: own）。"),
    ("too few seats: a trip of {n} workers finds no coach with that many seats.",
     "座位不足：一趟 {n} 人的行程找不到这么多座位的车。"),
    ("add larger coaches or allow split deliveries over more stops.", "增加大车，或允许把同一企业的人分到多趟车。"),
    ("too few coaches: {n} trips are needed and {k} of them find no coach back in time (fleet {fleet}); for "
     "example {example}.",
     "车辆不足：需要 {n} 趟，其中 {k} 趟等不到按时返回的车（车队共 {fleet} 辆）；例如 {example}。"),
    ("too few coaches: {n} trips are needed and {k} of them find no coach (routes are open: one trip per coach) "
     "(fleet {fleet}); for example {example}.",
     "车辆不足：需要 {n} 趟，其中 {k} 趟没有车可派（单程线路：每车只跑一趟）（车队共 {fleet} 辆）；例如 {example}。"),
    ("add about {n} coaches, allow more stops or a longer ride, or move latest_arrival later.",
     "增加约 {n} 辆车，放宽站点数或乘车时限，或把 latest_arrival 推后。"),
    ("add about {n} coaches, allow more stops or a longer ride, or move latest_arrival later, or set policy.routes: "
     "closed so that coaches make second trips.",
     "增加约 {n} 辆车，放宽站点数或乘车时限，把 latest_arrival 推后，或设 policy.routes: closed 让车辆跑第二趟。"),
    ("{n} trips cannot leave the station in time: for example {example}.",
     "{n} 趟车无法按时离开车站：例如 {example}。"),
    ("{coach} trip {trip} to {stops} ({load} workers) leaves at {depart}, when the station's {bays} bays and {desks} "
     "desks let it go, and arrives {late} min after {deadline}",
     "{coach} 第 {trip} 趟（{stops}，{load} 人）在车站 {bays} 个上车位和 {desks} 个发放台的条件下 {depart} 才能出发，"
     "晚于 {deadline} {late} 分钟到达"),
    ("add coach bays or gift-pack desks, move latest_arrival later, or plan with strict off to serve them late.",
     "增加上车位或礼包发放台，把 latest_arrival 推后，或关闭 strict 允许晚到。"),
    ("the placement solver ({solver}) found no placement: status {status} after {seconds} s.",
     "安置求解器（{solver}）在 {seconds} 秒内没有找到安置方案：状态 {status}。"),
    ("give the solver more time.", "给求解器更多时间（--time-limit）。"),
    ("the fleet has no coach with seats.", "车队没有带座位的车。"),
    ("add coaches (count > 0).", "增加车辆（count > 0）。"),
    # re-planning and comparing
    ("every coach of the plan is broken and the fleet has no spare coach with the seats.",
     "方案中的车全部故障，车队也没有座位足够的备用车。"),
    ("leave a working coach out of the list, or add a coach to the fleet and plan again.",
     "从故障名单中去掉一辆能用的车，或在车队中增加车辆后重新制定方案。"),
    ("coach '{coach}' is not in the plan.", "方案中没有车辆“{coach}”。"),
    ("name a coach of the plan: {coaches}", "请填写方案中的车辆：{coaches}"),
    ("worker '{worker}' is not on the roster.", "名单上没有工号“{worker}”。"),
    ("give worker ids as in the roster's id column.", "请按名单中的工号填写。"),
    ("the plan has no routes to revise.", "方案中没有可修订的线路。"),
    ("make a plan with routes first (labor-transfer plan).", "请先制定含线路的方案（labor-transfer plan）。"),
    ("simulate both with the same --seed and --replications.", "请用相同的 --seed 和 --replications 模拟两者。"),
    ("simulate both with the same seed and the same number of replications.",
     "请用相同的随机种子和模拟夜晚数模拟两者。"),
    ("{path} is a clock time, got {value}.", "{path} 应为时刻，实际为 {value}。"),
    ("write HH:MM, e.g. {example} (or 01:30+1 for the next day).", "写成 时:分，例如 {example}（次日写 01:30+1）。"),
    ("no values.", "没有取值。"),
    ("give values, e.g. {example}", "请给出取值，例如 {example}"),
    ("the value {value} is given twice; identical variants would be pooled.",
     "取值 {value} 给了两次；相同的方案会被合并。"),
    ("give each value once.", "每个取值只给一次。"),
    ("give it once.", "只给一次。"),
    ("cannot read '{option}'.", "无法读取“{option}”。"),
    ("write PATH=VALUE[,VALUE...], e.g. train.delay_min=0,60,120",
     "写成 字段=值[,值...]，例如 train.delay_min=0,60,120"),
    ("an empty value in '{values}'.", "“{values}”中有空值。"),
    ("separate values by single commas.", "取值之间用一个逗号分隔。"),
    ("give one value per path here (a sweep takes several: labor-transfer sweep).",
     "这里每个字段只取一个值（多个取值请用 labor-transfer sweep）。"),
    ("train.delay_min is given by --set and by --delays.", "train.delay_min 同时由 --set 和 --delays 给出。"),
    ("use one of them.", "只用其中一个。"),
    # warnings of a scenario and of a plan (said beside the plan, kept in plan.json in English)
    ("posts[{ent}]: {n} returning workers but {room} posts for their skills; {k} cannot go back to their employer.",
     "企业 {ent}：返岗 {n} 人，对口岗位只有 {room} 个，{k} 人回不了原企业。"),
    ("posts[{jobs}]: {n} workers can only take {jobs} posts but there are {supply}; at least {k} will be unplaced.",
     "岗位 {jobs}：{n} 人只能做 {jobs}，但只有 {supply} 个岗位；至少 {k} 人无法安置。"),
    ("skills: {n} workers have no job type of this scenario; they cannot be placed.",
     "技能：{n} 人没有本方案中的工种，无法安置。"),
    ("quotas: district quotas ({q}) plus posts in districts without a quota ({open}) leave room for {room} of {n} "
     "workers; {k} short.",
     "名额：各区市名额（{q}）加上无名额区市的岗位（{open}）只够 {n} 人中的 {room} 人，缺 {k} 个。"),
    ("beds[{label}]: {count} {label} but posts with beds for {room}; {k} short.",
     "床位（{label}）：{count} 人，有床位的岗位只有 {room} 个，缺 {k} 个。"),
    ("women", "女工"),
    ("men", "男工"),
    ("... and {n} more such limits.", "……另有 {n} 条同类限制。"),
    ("{n} workers but only {posts} posts: {k} cannot be placed.", "共 {n} 人，但只有 {posts} 个岗位：{k} 人无法安置。"),
    ("{n} workers arrive after {deadline} (the last at {last})", "{n} 人晚于 {deadline} 到达（最晚 {last}）"),
    ("a trip planned for {planned} runs on {used}", "原计划用 {planned} 的一趟改由 {used} 执行"),
    ("returning worker {w} is not with employer {e} though it had room ({room} posts free)",
     "返岗工人 {w} 没有回到原企业 {e}，而该企业还有空岗（{room} 个）"),
    ("the plan was made for {other} (another version of '{name}'); it passes every check of this one",
     "该计划是为 {other}（“{name}”的另一版本）制定的；它通过了本版本的全部检查"),
    ("{file}: read as {encoding} (not UTF-8).", "{file}：按 {encoding} 编码读取（不是 UTF-8）。"),
    ("{where}: columns not used: {columns}.", "{where}：未使用的列：{columns}。"),
    ("{label}: {n} workers have no row and are left unplaced: {shown}.",
     "{label}：{n} 人没有安置行，未安置：{shown}。"),
    ("{label}: sheets not read as placement: {sheets}.", "{label}：未作为安置表读取的工作表：{sheets}。"),
    # season files (scenarios.season_read, scenarios.season)
    ("no such season.", "没有这个赛季。"),
    ("give a folder with season.yaml, its path, or a bundled season's name.",
     "请给出含 season.yaml 的文件夹、它的路径，或内置赛季名。"),
    ("'{value}' is not a date.", "“{value}”不是日期。"),
    ("write it as YYYY-MM-DD, e.g. 2023-02-01.", "写成 年-月-日，例如 2023-02-01。"),
    ("expected a mapping.", "应为映射（下一级的键）。"),
    ("indent its keys below it.", "把它的键缩进写在它下面。"),
    ("unknown coach type '{tid}'.", "未知的车型“{tid}”。"),
    ("use one of the city's types: {types}.", "请使用本市的车型之一：{types}。"),
    ("give a whole number in {low}..{high}.", "请给出 {low} 到 {high} 之间的整数。"),
    ("give minutes in 0..1440.", "请给出 0 到 1440 之间的分钟数。"),
    ("unknown section '{key}'.", "未知的节“{key}”。"),
    ("use {choices}.", "请使用 {choices}。"),
    ("use one of {choices}.", "请使用以下之一：{choices}。"),
    ("missing.", "缺少该项。"),
    ("add {key}.", "请添加 {key}。"),
    ("the season runs {start} to {end}.", "赛季从 {start} 到 {end}。"),
    ("give an end on or after the start, within a year.", "结束日期不早于开始日期，且在一年之内。"),
    ("unknown kind '{kind}'.", "未知的类型“{kind}”。"),
    ("no arrivals.", "没有到达批次。"),
    ("list the season's arrivals.", "请列出赛季的各批到达。"),
    ("{n} arrivals.", "共 {n} 批到达。"),
    ("give at most {n} (split the season).", "最多 {n} 批（请把赛季拆开）。"),
    ("arrival id {aid} is given twice.", "到达批次编号 {aid} 出现两次。"),
    ("give every arrival its own id.", "每批到达使用不同的编号。"),
    ("enterprise {ent} is listed twice, so its posts would count twice.", "企业 {ent} 列了两次，岗位会被重复计算。"),
    ("list each enterprise once with its season posts.", "每家企业只列一次，写明整个赛季的岗位数。"),
    ("id '{aid}'.", "编号“{aid}”不可用。"),
    ("give an id of letters, digits and _ (at most 32), e.g. A01.", "编号只用字母、数字和 _（最多 32 个），例如 A01。"),
    ("unknown key '{key}'.", "未知的键“{key}”。"),
    ("unknown arrival point '{point}'.", "未知的到达地点“{point}”。"),
    ("use one of the season's points: {points}.", "请使用赛季中的到达地点之一：{points}。"),
    ("{day} is outside the season ({start} to {end}).", "{day} 不在赛季之内（{start} 到 {end}）。"),
    ("move the arrival into the season or widen season.start/end.",
     "把该批到达移到赛季之内，或放宽 season.start/end。"),
    ("{n} arrivals ({names}) reach {point} on {day}, which receives at most {cap} an evening.",
     "{day} 有 {n} 批（{names}）到达 {point}，而该地点每晚最多接 {cap} 批。"),
    ("move an arrival to another day or point, or raise max_arrivals_per_evening.",
     "把一批改到别的日期或地点，或提高 max_arrivals_per_evening。"),
    ("unknown option '{name}'; {hint}", "未知的选项“{name}”；{hint}"),
    ("{n} replications.", "模拟夜晚数 {n} 不可用。"),
    ("give a whole number in 1..100000.", "请给出 1 到 100000 之间的整数。"),
    # argparse, as the command line tells a bad argument
    ("the following arguments are required: {names}", "缺少必需的参数：{names}"),
    ("unrecognized arguments: {names}", "无法识别的参数：{names}"),
    ("argument {name}: invalid choice: {value} (choose from {choices})",
     "参数 {name}：无效的选项 {value}（可选：{choices}）"),
    ("argument {name}: expected one argument", "参数 {name} 后面需要一个值"),
    ("argument {name}: expected at least one argument", "参数 {name} 后面至少需要一个值"),
    ("argument {name}: ignored explicit argument {value}", "参数 {name} 不接受取值 {value}"),
    ("argument {name}: not allowed with argument {other}", "参数 {name} 不能与 {other} 同时使用"),
    ("argument {name}: invalid {kind} value: {value}", "参数 {name}：{value} 不是有效的值"),
    ("argument {name}: {message}", "参数 {name}：{message}"),
    ("ambiguous option: {name} could match {names}", "选项 {name} 有歧义，可能是 {names}"),
    ("one of the arguments {names} is required", "参数 {names} 中须给出一个"),
    # the command line's own number types (whatif.cli_args)
    ("expected a whole number in {low}..{high}, got {value}", "应为 {low} 到 {high} 之间的整数，实际为 {value}"),
    ("expected a number in {span}, got {value}", "应为 {span} 之内的数，实际为 {value}"),
)


#: Values that are themselves lines of this table (a hint, an inner message, a word): translated too. Other values
#: (names, paths, numbers, choices) are carried over as they are.
NESTED = frozenset({"hint", "message", "what", "example", "label"})


@functools.cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    out: list[tuple[int, re.Pattern[str], str]] = []
    for english, chinese in LINES:
        body, seen = [], set()
        for part in re.split(r"(\{\w+\})", english):
            name = part[1:-1] if re.fullmatch(r"\{\w+\}", part) else None
            body.append(re.escape(part) if name is None else f"(?P={name})" if name in seen else f"(?P<{name}>.+?)")
            seen.add(name)
        fixed = len(re.sub(r"\{\w+\}", "", english))
        out.append((fixed, re.compile("".join(body), re.DOTALL), chinese))
    return tuple((pattern, chinese) for _, pattern, chinese in sorted(out, key=lambda t: -t[0]))


def to_zh(text: str | None, _depth: int = 0) -> str | None:
    """The Chinese of ``text`` by the most specific template that fits it whole, or None (also for None)."""
    if not text or _depth > 3:
        return None
    for pattern, chinese in _compiled():
        found = pattern.fullmatch(text.strip())
        if found:
            values = {k: (to_zh(v, _depth + 1) if k in NESTED else None) or v for k, v in found.groupdict().items()}
            return chinese.format(**values)
    return None


def said(text: str, lang: str) -> str:
    """``text``, an English line, in ``lang``: Chinese by this table where it has the line, else as it is."""
    return (to_zh(text) or text) if lang == "zh" else text
