"""The words of a scenario file and its cross-checks: sections, keys, tables, the fleet, the train, places."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "city.crowded": (
        "{workers} workers on {enterprises} enterprises give one enterprise {most} posts of one job, more than the "
        "{limit} a table takes.",
        "{workers} 名工人分到 {enterprises} 家企业，会有一家企业的同一工种岗位达 {most} 个，超过企业表上限 {limit}。",
    ),
    "city.crowded.fix": ("give more enterprises, or fewer workers.", "增加企业数，或减少工人数。"),
    "city.count": (
        "expected a whole number from 1 to {limit} (the most a scenario takes), got {value}.",
        "应为 1 到 {limit} 之间的整数（一个方案最多可容纳的数量），实际为 {value}。",
    ),
    "city.count.fix": ("give {name} from 1 to {limit}.", "{name_zh}请取 1 到 {limit}。"),
    # the scenario file
    "scenario.not_found": ("file not found.", "找不到文件。"),
    "scenario.not_found.fix": (
        "check the path, or give a folder that holds scenario.yaml.",
        "检查路径，或给出含有 scenario.yaml 的文件夹。",
    ),
    "scenario.no_such": (
        "no scenario '{name}': not a bundled name and no such file; {hint}",
        "没有方案“{name}”：既不是内置方案名，也没有这个文件；{hint}",
    ),
    "scenario.no_such.fix": (
        "give a bundled name ({names}) or the path of a scenario.yaml.",
        "请给出内置方案名（{names}）或 scenario.yaml 的路径。",
    ),
    "scenario.not_mapping": ("expected a mapping of sections (meta:, train:, ...).", "应为按节组织的映射（meta:、train: 等）。"),
    "scenario.start_from": ("start from a bundled scenario, e.g. {path}.", "请以内置方案为起点，例如 {path}。"),
    "scenario.unknown_section": ("unknown section {name}; {hint}", "未知的节 {name}；{hint}"),
    "scenario.unknown_section.fix": ("correct the spelling or remove the section.", "改正拼写，或删除该节。"),
    "scenario.no_section": ("section is missing.", "缺少该节。"),
    "scenario.no_section.fix": ("add a '{key}:' section.", "添加“{key}:”一节。"),
    "scenario.table_key.fix": (
        "write e.g. '{key}: {{file: {default}, sheet: Sheet1}}'.",
        "例如写成“{key}: {{file: {default}, sheet: Sheet1}}”。",
    ),
    "scenario.sheet_name": ("expected the name of a sheet, got {value}.", "应为工作表名称，实际为 {value}。"),
    "scenario.sheet_name.fix": ("name a sheet.", "请填写工作表名称。"),
    "scenario.table_name": (
        "expected the name of a CSV or .xlsx file, got {value}.",
        "应为 CSV 或 .xlsx 文件名，实际为 {value}。",
    ),
    "scenario.table_name.fix": (
        "write e.g. '{key}: {default}' or '{key}: {{file: {stem}.xlsx, sheet: Sheet1}}'.",
        "例如写成“{key}: {default}”或“{key}: {{file: {stem}.xlsx, sheet: Sheet1}}”。",
    ),
    "scenario.jobs": ("expected a mapping of job ids to names.", "应为工种编号到名称的映射。"),
    "scenario.jobs.fix": (
        "e.g. jobs: {{general: {{name_zh: 普工, name_en: General worker}}}}",
        "例如 jobs: {{general: {{name_zh: 普工, name_en: General worker}}}}",
    ),
    "scenario.no_coach_type": ("expected at least one coach type.", "至少需要一种车型。"),
    "scenario.no_coach_type.fix": (
        "e.g. fleet: {{coach_53: {{seats: 53, count: 10}}}}",
        "例如 fleet: {{coach_53: {{seats: 53, count: 10}}}}",
    ),
    "scenario.workers": (
        "expected 'roster: FILE.csv' or 'generate: {{count: ...}}'.",
        "应为“roster: 文件.csv”或“generate: {{count: ...}}”。",
    ),
    "scenario.workers.fix": ("add 'workers: {{roster: workers.csv}}'.", "添加“workers: {{roster: workers.csv}}”。"),
    "scenario.workers_key.fix": (
        "use 'roster' or 'generate' (and 'counties' for origin counties beyond Dingxi's seven).",
        "使用 roster 或 generate（定西七县区以外的来源县区写在 counties 下）。",
    ),
    "scenario.roster_and_generator": ("give either a roster or a generator, not both.", "名单和生成器只能给一个。"),
    "scenario.roster_and_generator.fix": ("remove one of 'roster' and 'generate'.", "删除 roster 或 generate 之一。"),
    "scenario.counties": ("expected a mapping of county ids to names.", "应为县区编号到名称的映射。"),
    "scenario.counties.fix": (
        "e.g. counties: {{dachuan: {{name_zh: 达川区, name_en: Dachuan}}}}",
        "例如 counties: {{dachuan: {{name_zh: 达川区, name_en: Dachuan}}}}",
    ),
    "scenario.crs.fix": (
        "write wgs84 for GPS or OpenStreetMap coordinates, gcj02 for ones copied from AMap or Tencent maps.",
        "GPS 或 OpenStreetMap 坐标写 wgs84，从高德或腾讯地图复制的坐标写 gcj02。",
    ),
    "scenario.no_matrix": ("mode is 'matrix' but no matrix file is given.", "mode 为 matrix，但没有给出行车时间表文件。"),
    "scenario.no_matrix.fix": ("add matrix: travel_times.csv", "添加 matrix: travel_times.csv"),
    "scenario.delay_tail": (
        "with a median of {median} min, a 95th percentile of {p95} min makes one train in a million "
        "{days} days late (the limit is {limit} days).",
        "中位数 {median} 分钟、95% 分位 {p95} 分钟时，百万分之一的列车会晚点 {days} 天（上限 {limit} 天）。",
    ),
    "scenario.delay_tail.fix": (
        "bring late_p95_min closer to late_median_min (at most about 20 times it).",
        "让 late_p95_min 更接近 late_median_min（至多约 20 倍）。",
    ),
    # CSV shape
    "csv.open_quote": (
        'a quote (") opened on this row is never closed, so the rest of the file is read as one value.',
        '该行的引号（"）没有闭合，文件其余部分都被读成了一个值。',
    ),
    "csv.open_quote.fix": (
        "close the quote, or remove it (quotes are only needed around values with commas).",
        "补上闭合的引号，或删除它（只有含逗号的值才需要引号）。",
    ),
    "csv.width": ("expected {width} values, found {found}.", "应有 {width} 个值，实际有 {found} 个。"),
    "csv.width.fix": (
        "check for a missing or extra comma (quote values that contain commas).",
        "检查是否少了或多了逗号（含逗号的值要加引号）。",
    ),
    # warnings of reading
    "warn.unused_columns": ("{where}: columns not used: {columns}{more}.", "{where}：未使用的列：{columns}{more}。"),
    "warn.more": (" and {n} more", " 等另 {n} 列"),
    "warn.encoding": ("{file}: read as {encoding} (not UTF-8).", "{file}：按 {encoding} 编码读取（不是 UTF-8）。"),
    # travel
    "travel.leg_range": (
        "minutes or km out of range (a leg takes 0 to {minutes:,} minutes and 0 to {km:,} km).",
        "分钟或公里数超出范围（一段路程为 0 到 {minutes:,} 分钟、0 到 {km:,} 公里）。",
    ),
    "travel.leg_range.fix": (
        "give driving minutes and road km of one leg (enterprises lie within 250 km of the station).",
        "填写一段路程的行车分钟数和道路公里数（企业都在车站 250 公里以内）。",
    ),
    "travel.leg_twice": ("duplicate leg from {a} to {b} (first on row {first}).", "从 {a} 到 {b} 的路程重复（首次在第 {first} 行）。"),
    "travel.leg_twice.fix": ("keep one row per (from, to) pair.", "每对（起点, 终点）只保留一行。"),
    "travel.reserved_id": (
        "enterprise id '{ident}' is reserved: the travel model calls the station '{station}' and a district centre "
        "'{prefix}<id>'.",
        "企业编号“{ident}”是保留字：行车模型用 {station} 表示车站，用 {prefix}<编号> 表示区市中心。",
    ),
    "travel.reserved_id.fix": (
        "give the enterprise another id (and change it in the roster's returning_employer).",
        "给该企业换一个编号（并同步修改名单中的 returning_employer）。",
    ),
    "travel.unknown_place": ("unknown place {name}; {hint}", "未知的地点 {name}；{hint}"),
    "travel.place.fix": (
        "use '{station}', an enterprise id or '{prefix}<district id>'.",
        "请使用 {station}、企业编号或 {prefix}<区市编号>。",
    ),
    "travel.no_coordinates": ("no coordinates for place(s) {places}.", "地点 {places} 没有坐标。"),
    "travel.no_leg": (
        "the travel-time matrix has no leg from '{a}' to '{b}' ({n} missing in all).",
        "行车时间表中没有从“{a}”到“{b}”的路程（共缺 {n} 段）。",
    ),
    "travel.no_leg.fix": (
        "add a row for every pair of places the coaches may drive between.",
        "为车辆可能往返的每对地点各加一行。",
    ),
    "travel.legs_missing": (
        "{path}: the travel-time matrix has no leg between '{a}' and '{b}' ({n} of the {total} legs planning asks "
        "for are missing), so planning will stop; simulating a given plan needs only its legs. Fix: add a row "
        "from,to,minutes,km for each (one direction serves both).",
        "{path}：行车时间表中没有“{a}”与“{b}”之间的路程（排车所需的 {total} 段中缺 {n} 段），排车将无法进行；"
        "仿真已有计划只需要计划中的路程。修改：每段加一行 from,to,minutes,km（一个方向即可）。",
    ),
    # words inside messages
    "word.enterprise": ("enterprise", "企业"),
    "word.district": ("district", "区市"),
    "word.job_type": ("job type", "工种"),
    "word.women": ("women", "女工"),
    "word.men": ("men", "男工"),
    # cross-checks of a scenario
    "check.ent_district": (
        "district {district} of enterprise {ent} is not a district; {hint}",
        "企业 {ent} 的区市 {district} 不存在；{hint}",
    ),
    "check.ent_district.fix": ("use a district id from the districts table.", "请使用区市表中的区市编号。"),
    "check.worker_ref": (
        "{what} {value} of worker {worker} does not exist; {hint}",
        "工号 {worker} 的{what} {value} 不存在；{hint}",
    ),
    "check.worker_ref.fix": ("use an id from the {what} list, or leave it blank.", "请使用{what}表中的编号，或留空。"),
    "check.skill": (
        "skill {skill} of worker {worker} is not a job type; {hint}",
        "工号 {worker} 的技能 {skill} 不是本方案的工种；{hint}",
    ),
    "check.skill.fix": (
        "list job types from the scenario's jobs, separated by ';'.",
        "填写方案 jobs 中的工种，用“;”分隔。",
    ),
    "check.gender": ("gender {value} of worker {worker} is not M or F.", "工号 {worker} 的性别 {value} 不是 男/女（M/F）。"),
    "check.gender.fix": ("write M, F, or leave it blank.", "填写 男（M）、女（F），或留空。"),
    "check.age": ("age {value} of worker {worker} is outside 16 to 75.", "工号 {worker} 的年龄 {value} 不在 16 到 75 之间。"),
    "check.age.fix": ("correct the age, or leave it blank if not known.", "改正年龄；不知道就留空。"),
    "check.car": (
        "car {value} of worker {worker} is not a car of the train (1 to {cars}).",
        "工号 {worker} 的车厢 {value} 不是本次列车的车厢（1 到 {cars}）。",
    ),
    "check.car.fix": ("correct the car number or train.cars.", "改正车厢号或 train.cars。"),
    "check.train_seats": (
        "{n} workers but the train has {seats} seats ({cars} cars x {per_car}).",
        "共 {n} 名工人，但列车只有 {seats} 个座位（{cars} 节 × {per_car} 座）。",
    ),
    "check.train_seats.fix": (
        "add cars, raise seats_per_car, or split the roster over two trains.",
        "增加车厢、提高 seats_per_car，或把名单分到两趟列车。",
    ),
    "check.negative_posts": ("enterprise {ent} has a negative number of posts.", "企业 {ent} 的岗位数为负。"),
    "check.negative_posts.fix": ("give posts as whole numbers >= 0.", "岗位数请填不小于 0 的整数。"),
    "check.pickup": ("pickup {value} of enterprise {ent} is not 'coach' or 'own'.", "企业 {ent} 的接站方式 {value} 不是 coach 或 own。"),
    "check.pickup.fix": ("write coach or own.", "填写 coach 或 own。"),
    "check.own_vehicle": (
        "enterprise {ent} collects its own workers but gives no seats or arrival time.",
        "企业 {ent} 自行接站，但没有填写座位数或到站时间。",
    ),
    "check.own_vehicle.fix": (
        "fill own_seats (> 0) and own_arrival (e.g. 21:00).",
        "填写 own_seats（> 0）和 own_arrival（例如 21:00）。",
    ),
    "check.checkin": (
        "check-in at enterprise {ent} closes ({close}) before it opens ({open}).",
        "企业 {ent} 的入住截止时间（{close}）早于开始时间（{open}）。",
    ),
    "check.checkin.fix": (
        "give a closing time after the opening time (past midnight is fine).",
        "截止时间应晚于开始时间（可以跨过午夜）。",
    ),
    "check.no_seats": ("the fleet has no seats.", "车队没有座位。"),
    "check.no_seats.fix": ("give at least one coach (count > 0).", "至少安排一辆车（count > 0）。"),
    "check.few_seats": ("{n} workers go by coach but the fleet has {seats} seats.", "{n} 名工人乘大巴，但车队只有 {seats} 个座位。"),
    "check.few_seats.fix": (
        "add coaches, or set policy.routes: closed so that coaches make second trips.",
        "增加车辆，或设 policy.routes: closed，让车辆跑第二趟。",
    ),
    "check.far_away": (
        "{what} {ident} at ({lat}, {lon}) is {km} km from the station (more than {limit}).",
        "{what} {ident} 位于（{lat}, {lon}），距车站 {km} 公里（超过 {limit} 公里）。",
    ),
    "check.far_away.fix": ("check that lat and lon are not swapped and are in degrees.", "检查纬度和经度是否填反、是否以度为单位。"),
    "check.quota_district": (
        "district {district} has a quota but is not a district; {hint}",
        "区市 {district} 有名额，但不是已知的区市；{hint}",
    ),
    "check.quota_district.fix": ("use a district id.", "请使用区市编号。"),
    # warnings of a scenario
    "warn.few_posts": ("{n} workers but only {posts} posts: {k} cannot be placed.", "共 {n} 人，但只有 {posts} 个岗位：{k} 人无法安置。"),
    "warn.second_trips": (
        "{n} workers go by coach but the fleet has {seats} seats. Some coaches must make a second trip.",
        "{n} 名工人乘大巴，但车队只有 {seats} 个座位。部分车辆须跑第二趟。",
    ),
    # the YAML reader
    "yaml.alias_loop": (
        "the alias *{name} refers to a list or mapping that contains it",
        "别名 *{name} 指向包含它自己的列表或映射",
    ),
    "yaml.nodes": (
        "the file holds more than {limit:,} values (an alias *name counts as all it stands for)",
        "文件含有超过 {limit:,} 个值（别名 *name 按其代表的全部内容计数）",
    ),
    "yaml.depth": ("lists and mappings nest more than {limit} levels deep", "嵌套超过 {limit} 层"),
    "yaml.twice_key": (
        "the key {name} appears twice in one mapping, on lines {first} and {second}",
        "键 {name} 在同一映射中出现两次（第 {first} 行和第 {second} 行）",
    ),
    "yaml.limit": ("{inner}{where}.", "{inner}{where}。"),
    "yaml.limit.fix": (
        "write each value out once; a scenario needs neither deep nesting nor repeated keys.",
        "每个值只写一次；方案文件不需要深层嵌套，也不应重复键。",
    ),
    "yaml.at_line": (" (line {line})", "（第 {line} 行）"),
    "yaml.on_line": (" on line {line}", "第 {line} 行"),
    "yaml.date": ("{value} on line {line} is not a calendar date{reason}.", "第 {line} 行的 {value} 不是有效日期{reason}。"),
    "yaml.date.fix": ("write a real date as YYYY-MM-DD, e.g. 2023-02-01.", "按 YYYY-MM-DD 写一个真实日期，如 2023-02-01。"),
    "yaml.value": ("cannot read {value} on line {line} as {kind}{reason}.", "第 {line} 行的 {value} 无法读作 {kind}{reason}。"),
    "yaml.value.fix": (
        "correct the value, or remove the '!!{kind}' tag; quote text.",
        "改正该值，或去掉 '!!{kind}' 标记；文字请加引号。",
    ),
    "yaml.control": (
        "a control character (code {code}) on line {line}; YAML allows none.",
        "第 {line} 行有控制字符（代码 {code}），YAML 不允许。",
    ),
    "yaml.control.fix": (
        "remove it (the file may have been saved by a program that is not a text editor).",
        "删除该字符（文件可能不是用文本编辑器保存的）。",
    ),
    "yaml.syntax": ("YAML syntax error{line}: {problem}.", "{line}YAML 语法错误：{problem}。"),
    "yaml.syntax.fix": ("check indentation and quoting near that line.", "检查该行附近的缩进和引号。"),
    "yaml.too_big.fix": (
        "a scenario file holds the parameters; tables go in CSV files.",
        "方案文件只写参数；表格请放在 CSV 或 .xlsx 文件中。",
    ),
    "yaml.not_utf8": ("not UTF-8 text (byte 0x{byte} on line {line}).", "不是 UTF-8 文本（第 {line} 行字节 0x{byte}）。"),
    "yaml.not_utf8.fix": ("save the file as UTF-8.", "将文件另存为 UTF-8 编码。"),
    # overrides
    "override.unknown_path": ("unknown override path '{path}'; {hint}", "没有可修改的字段“{path}”；{hint}"),
    "override.unknown_path.fix": (
        "use a dotted path such as train.delay_min or fleet.coach_53.count.",
        "用点号分隔的字段路径，如 train.delay_min 或 fleet.coach_53.count。",
    ),
    "warn.more_workers": (" and {n} more", " 等另 {n} 人"),
    "warn.no_row": (
        "{label}: {n} workers have no row and are left unplaced: {shown}{more}.",
        "{label}：{n} 人没有安置行，未安置：{shown}{more}。",
    ),
    "warn.sheets_skipped": ("{label}: sheets not read as placement: {sheets}.", "{label}：未作为安置表读取的工作表：{sheets}。"),
    "scenario.cars.fix": ("give the number of cars of the train.", "请填写列车的车厢数。"),
    "scenario.seats_per_car.fix": ("give the seats of one car, e.g. 75.", "请填写每节车厢的座位数，例如 75。"),
    "scenario.doors.fix": ("give the doors of one car, e.g. 2.", "请填写每节车厢的车门数，例如 2。"),
    "scenario.seats.fix": ("give the coach's passenger seats, e.g. 53.", "请填写该车型的乘客座位数，例如 53。"),
    "scenario.count.fix": ("give the number of coaches of this type, e.g. 10.", "请填写该车型的车辆数，例如 10。"),
    "scenario.generate_count.fix": ("give the number of workers to generate.", "请填写要生成的工人数。"),
    "warn.more_ents": (" and {n} more", " 等另 {n} 家"),
    "warn.times_matrix": ("their coach times come from the travel matrix", "其行车时间取自行车时间表"),
    "warn.times_approx": ("their coach times are approximate (marked approx_location)", "其行车时间为估算（标记为 approx_location）"),
    "warn.no_coordinates": (
        "{n} enterprises have no coordinates and are placed at their district's centre: {names}{more}; {how}. Give "
        "lat/lon or a travel matrix for exact times.",
        "{n} 家企业没有坐标，按所在区市中心计：{names}{more}；{how}。填写经纬度或行车时间表可得到准确时间。",
    ),
}
