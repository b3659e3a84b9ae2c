"""Catalog entries: the limits of what is read (table files, environment limits, paths) and of a scenario's
size (workers, enterprises, districts, the station phase)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # table files and their limits
    "files.too_big.fix": (
        "split the table, or raise the limit with {mb} / {rows} if the table is genuine.",
        "拆分表格；若表格确实这么大，用 {mb} / {rows} 提高上限。",
    ),
    "files.env_int": (
        "expected a whole number from 1 to 999,999,999, got {value}.",
        "应为 1 到 999,999,999 之间的整数，实际为 {value}。",
    ),
    "files.env_int.fix": (
        "set {name} to a number, or unset it for the default ({default:,}).",
        "把 {name} 设为一个数，或删除它以用默认值（{default:,}）。",
    ),
    "files.nul": ("the path {where} holds a NUL character.", "路径 {where} 含有 NUL 字符。"),
    "files.nul.fix": ("retype the path.", "重新输入路径。"),
    "files.absolute": (
        "the path {where} is absolute; a {what} path is relative to the scenario's folder.",
        "路径 {where} 是绝对路径；{what}路径须相对于方案文件夹。",
    ),
    "files.what_table": ("table", "表格"),
    "files.what_city": ("city", "城市场景"),
    "files.absolute_table.fix": (
        "copy the table into the scenario's folder and give its name, e.g. 'workers.csv' (or allow its folder "
        "with {env}).",
        "把表格复制到方案文件夹并只写文件名，如 'workers.csv'（或用 {env} 允许其所在文件夹）。",
    ),
    "files.absolute_city.fix": (
        "put the city's scenario folder beside the season's folder and write '../NAME' (or allow its folder with "
        "{env}).",
        "把城市场景文件夹放在输转季文件夹旁边并写 '../名称'（或用 {env} 允许其所在文件夹）。",
    ),
    "files.city_outside": (
        "the path {where} leads outside the season's folder; a city is read only from that folder or a scenario "
        "folder directly beside it.",
        "路径 {where} 指向输转季文件夹之外；城市场景只从输转季文件夹或与其并列的场景文件夹读取。",
    ),
    "files.city_outside.fix": (
        "copy the city's scenario folder beside the season's (e.g. ../dingxi_qingdao_2023), or allow its folder "
        "with {env}.",
        "把城市场景文件夹复制到输转季文件夹旁边（如 ../dingxi_qingdao_2023），或用 {env} 允许其所在文件夹。",
    ),
    "files.not_found": ("file not found: {where}.", "找不到文件 {where}。"),
    "files.loop": ("is a symlink loop", "是循环的符号链接"),
    "files.unfollowed": ("cannot be followed ({kind})", "无法解析（{kind}）"),
    "files.bad_path": ("the path {where} {reason}.", "路径 {where} {reason}。"),
    "files.bad_path.fix": ("point it at a real file in the scenario's folder.", "改为指向方案文件夹中的真实文件。"),
    "files.outside": (
        "the path {where} leads outside the scenario's folder; tables are read only from that folder (or, for "
        "shared tables, a .csv/.xlsx/.xls file directly in the folder above it).",
        "路径 {where} 指向方案文件夹之外；表格只从方案文件夹读取（共用的表格也可以是上一级文件夹中的 .csv/.xlsx/.xls 文件）。",
    ),
    "files.outside.fix": (
        "copy the table into the scenario's folder, or allow its folder with {env}.",
        "把表格复制到方案文件夹，或用 {env} 允许其所在文件夹。",
    ),
    "files.a_folder": ("a folder", "是文件夹"),
    "files.not_regular": ("not a regular file", "不是普通文件"),
    "files.not_table_file": ("the path {where} is {what}.", "路径 {where} {what}。"),
    "files.not_table_file.fix": ("give the path of a table file.", "请给出表格文件的路径。"),
    "files.cannot_open": ("cannot open the file ({reason}).", "无法打开文件（{reason}）。"),
    "files.cannot_open.fix": ("check that the file exists and can be read.", "检查文件是否存在、是否可读。"),
    "files.not_a_file": ("not a regular file.", "不是普通文件。"),
    "files.not_a_file.fix": ("give the path of a file.", "请给出文件路径。"),
    "files.larger": ("the {what} is larger than the limit of {limit}.", "{what_zh}超过上限 {limit}。"),
    "files.table_bytes": ("the table has {size}, more than the limit of {limit}.", "表格有 {size}，超过上限 {limit}。"),
    "files.table_over": ("the table has more than the limit of {limit}.", "表格超过上限 {limit}。"),
    "files.table_lines": ("the table has more than the limit of {rows} lines.", "表格超过上限 {rows} 行。"),
    # sizes
    "scale.why_workers": ("the largest roster the toolkit is sized for", "工具能处理的最大名单"),
    "scale.why_enterprises": ("routing keeps an n-by-n table of the enterprises", "排车要保存企业两两之间的表"),
    "scale.why_districts": ("more districts than any city has", "超过任何城市的区市数"),
    "scale.rows": (
        "{n:,} {key}, more than the limit of {limit:,} ({why}).",
        "{n:,} 条{key_zh}，超过上限 {limit:,}（{why}）。",
    ),
    "scale.rows.fix": (
        "split the event into several scenarios (one per train or per day).",
        "把这次活动拆成几个方案（每趟列车或每天一个）。",
    ),
    "scale.rounds": (
        "{n} coach rounds of up to {minutes} min out and back",
        "{n} 轮往返、每程至多 {minutes} 分钟的车程",
    ),
    "scale.stage_alone": ("{stage} alone takes {hours} h", "仅{stage}就要 {hours} 小时"),
    "scale.night": (
        "the plan would expect a night of {hours} hours, more than {limit} ({cause}).",
        "按这些数字，整晚需要 {hours} 小时，超过 {limit} 小时（{cause}）。",
    ),
    "scale.night.fix": (
        "check the figures named (units: seconds per person, minutes, metres), or split the event.",
        "检查所列数字（单位：每人秒数、分钟、米），或拆分这次活动。",
    ),
    "scale.stage_delay": ("the known delay (train.delay_min)", "已知晚点（train.delay_min）"),
    "scale.stage_alight": ("alighting (station.alight_s_per_person)", "下车（station.alight_s_per_person）"),
    "scale.stage_walk": ("the walk (station.walk_m)", "步行（station.walk_m）"),
    "scale.stage_welcome": ("the welcome (station.welcome_min)", "欢迎仪式（station.welcome_min）"),
    "scale.stage_desks": (
        "the gift-pack desks (station.desks, station.desk_service_s)",
        "礼包发放（station.desks、station.desk_service_s）",
    ),
    "scale.stage_board": ("boarding (station.board_s_per_person)", "上车（station.board_s_per_person）"),
    "warn.station_long": (
        "the station phase may take {hours} h for {n} workers ({stage}: {part} h of it).",
        "{n} 名工人在车站可能要 {hours} 小时（其中{stage} {part} 小时）。",
    ),
    # the bounds of a scenario's numbers (scenarios.bounds): the reason of each bound and its unit
    "bound.reason.share": ("a share", "比例"),
    "bound.reason.bias": (
        "planned times half or twice the real ones are a wrong speed, not an error",
        "计划行车时间是实际的一半或两倍，是车速填错了，不是估计误差",
    ),
    "bound.reason.bias_cv": (
        "an error of the planner's own times uncertain by more than half",
        "计划行车时间的误差不确定到一半以上",
    ),
    "bound.reason.bay_pull_in": (
        "an hour to pull into a bay is a typo for seconds",
        "进车位要一小时，应是把秒写成了分钟",
    ),
    "bound.reason.bay_pull_out": (
        "an hour to pull out of a bay is a typo for seconds",
        "出车位要一小时，应是把秒写成了分钟",
    ),
    "bound.reason.a_day_another_night": ("a day; beyond it the night is another night", "一天；超过就是另一个夜晚了"),
    "bound.reason.seed": ("seeds are kept as 64-bit numbers in plans and tables", "种子在方案和表格中按 64 位整数保存"),
    "bound.reason.on_time": ("a train more than an hour behind is late, not on time", "晚点超过一小时就不算准点"),
    "bound.reason.late_median": ("half a day; under half a minute a train is not late", "半天；不到半分钟不算晚点"),
    "bound.reason.a_day_new_timetable": (
        "a day; a train later than that runs on a new timetable",
        "一天；晚得更多就是新的时刻表了",
    ),
    "bound.reason.cars": (
        "a real train has up to about 20 cars; a synthetic city of 75,000 needs 1,000",
        "真实列车约 20 节车厢以内；75,000 人的合成城市需要 1,000 节",
    ),
    "bound.reason.seats_per_car": (
        "hard-seat and double-deck cars hold up to about 150",
        "硬座车和双层车厢最多约 150 座",
    ),
    "bound.reason.doors_per_car": ("a car has 2 to 4 doors", "一节车厢有 2 到 4 个门"),
    "bound.reason.distance": (
        "longer than any rail journey in China (about 4,500 km)",
        "超过国内最长的铁路行程（约 4,500 公里）",
    ),
    "bound.reason.duration": ("the longest train journeys in China take about two days", "国内最长的列车行程约两天"),
    "bound.reason.coach_seats": ("the largest double-deck coaches seat about 90", "最大的双层大巴约 90 座"),
    "bound.reason.coach_count": (
        "more coaches than any city's depots; the routing model grows with the fleet",
        "超过任何城市的车队；线路模型随车队规模增长",
    ),
    "bound.reason.fixed_cost": ("a coach for a night costs a few thousand yuan", "一辆大巴一晚几千元"),
    "bound.reason.cost_per_km": ("a coach costs a few yuan per km", "大巴每公里几元"),
    "bound.reason.lat": ("a latitude", "纬度"),
    "bound.reason.lon": ("a longitude", "经度"),
    "bound.reason.walk": ("the longest walk through a station is under 2 km", "车站内最长的步行不到 2 公里"),
    "bound.reason.walk_speed": ("from a slow shuffle with luggage to a run", "从带行李慢走到小跑"),
    "bound.reason.alight": (
        "two minutes per person at one door is a queue, not a step",
        "每人两分钟已是排队，不是下车",
    ),
    "bound.reason.welcome": ("a welcome ceremony of four hours", "四小时的欢迎仪式"),
    "bound.reason.desks": ("one gift-pack desk per few hundred workers is usual", "通常几百人一个礼包发放台"),
    "bound.reason.desk_service": (
        "ten minutes to hand over a gift pack and tick a name",
        "发一份礼包并核对姓名用十分钟",
    ),
    "bound.reason.bays": ("a station forecourt has a handful of coach bays", "站前广场只有几个大巴车位"),
    "bound.reason.board": ("two minutes per person to board with luggage", "每人带行李上车两分钟"),
    "bound.reason.road_factor": (
        "roads are 1.1 to 1.6 times the straight line; 5 is a detour round a bay",
        "道路里程是直线距离的 1.1 到 1.6 倍；5 倍已是绕海湾",
    ),
    "bound.reason.speed": (
        "from walking pace to above the 120 km/h expressway limit",
        "从步行速度到高于高速公路限速 120 公里/小时",
    ),
    "bound.reason.zone_km": ("enterprises lie within 250 km of the station", "企业都在车站 250 公里以内"),
    "bound.reason.travel_cv": (
        "night travel times vary by 10% to 50%; above 1 the rare legs run to dozens of times plan",
        "夜间行车时间波动 10% 到 50%；超过 1 时少数路段会达到计划的几十倍",
    ),
    "bound.reason.max_stops": (
        "a coach makes a few stops; past 30 it is a bus line",
        "一辆大巴停几站；超过 30 站就是公交线路了",
    ),
    "bound.reason.a_day": ("a day", "一天"),
    "bound.reason.half_a_day": ("half a day", "半天"),
    "bound.reason.quota": ("more than the largest roster (200,000 workers)", "超过最大的花名册（200,000 人）"),
    "bound.reason.roster": ("the largest roster the toolkit is sized for", "工具按此规模的花名册设计"),
    "bound.reason.villages": ("a county has a few hundred villages", "一个县有几百个村"),
    "bound.unit.minutes": ("minutes", "分钟"),
    "bound.unit.seconds": ("seconds", "秒"),
    "bound.unit.hours": ("hours", "小时"),
    "bound.unit.km": ("km", "公里"),
    "bound.unit.m": ("m", "米"),
    "bound.unit.m_per_s": ("m/s", "米/秒"),
    "bound.unit.km_per_h": ("km/h", "公里/小时"),
    "bound.unit.cny": ("CNY", "元"),
    "bound.unit.cny_per_km": ("CNY per km", "元/公里"),
    "bound.unit.degrees": ("degrees", "度"),
    "bound.unit.workers": ("workers", "人"),
}
