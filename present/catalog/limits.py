"""Catalog entries: the limits of what is read (table files, environment limits, paths) and of a scenario's
size (workers, enterprises, districts, the station phase)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # table files and their limits
    "files.too_big.fix": (
        "split the table, or raise the limit with {mb} / {rows} if the table is genuine.",
        "拆分表格；若表格确实这么大，用 {mb} / {rows} 提高上限。",
    ),
    "files.env_int": ("expected a whole number from 1 to 999,999,999, got {value}.", "应为 1 到 999,999,999 之间的整数，实际为 {value}。"),
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
        "把城市场景文件夹放在赛季文件夹旁边并写 '../名称'（或用 {env} 允许其所在文件夹）。",
    ),
    "files.city_outside": (
        "the path {where} leads outside the season's folder; a city is read only from that folder or a scenario "
        "folder directly beside it.",
        "路径 {where} 指向赛季文件夹之外；城市场景只从赛季文件夹或与其并列的场景文件夹读取。",
    ),
    "files.city_outside.fix": (
        "copy the city's scenario folder beside the season's (e.g. ../dingxi_qingdao_2023), or allow its folder "
        "with {env}.",
        "把城市场景文件夹复制到赛季文件夹旁边（如 ../dingxi_qingdao_2023），或用 {env} 允许其所在文件夹。",
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
    "scale.rows": ("{n:,} {key}, more than the limit of {limit:,} ({why}).", "{n:,} 条{key_zh}，超过上限 {limit:,}（{why}）。"),
    "scale.rows.fix": (
        "split the event into several scenarios (one per train or per day).",
        "把这次活动拆成几个方案（每趟列车或每天一个）。",
    ),
    "scale.rounds": ("{n} coach rounds of up to {minutes} min out and back", "{n} 轮往返、每程至多 {minutes} 分钟的车程"),
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
}
