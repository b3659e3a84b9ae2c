"""Catalog entries: the records of a night (station log, check-ins, train arrival, GPS tracks) as they are read."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "records.no_folder": ("no records folder or file here.", "这里没有记录文件夹或文件。"),
    "records.no_folder.fix": ("give a folder holding station_log, checkins, train and gps tables (CSV or .xlsx).",
                      "请给出含 站务记录、入住登记、列车到站、车辆轨迹 表格（CSV 或 .xlsx）的文件夹。"),
    "records.no_tables": ("none of the expected tables (station_log, checkins, train, gps) is in the folder.",
                  "文件夹中没有任何应有的表格（站务记录、入住登记、列车到站、车辆轨迹）。"),
    "records.twice": ("two files hold the {table} table ({first} and {second}).",
                  "有两个文件都是{table_zh}（{first} 和 {second}）。"),
    "records.twice.fix": ("keep one of them.", "只保留其中一个。"),
    "records.nothing_sound": ("no row of the {table} table could be used ({skipped} skipped).",
                      "{table_zh}没有一行可用（跳过 {skipped} 行）。"),
    "records.nothing_sound.fix": ("check the times' day and the coach, plate and worker ids against the plan.",
                          "核对时间的日期以及车辆、车牌、工号是否与计划一致。"),
    "records.plate_two_coaches": ("plate {plate} is given for coaches {coaches}: its GPS track is not used.",
                          "车牌 {plate} 同时对应车辆 {coaches}：不使用其轨迹。"),
    # one line per skipped row (with how many more were skipped for the same reason)
    "records.formula": ("a formula ({value}) where a value belongs: row skipped.",
                  "此处应为数值，却是公式（{value}）：跳过此行。"),
    "records.bad_time": ("{value} is not a time (HH:MM, HH:MM:SS or YYYY-MM-DD HH:MM): row skipped.",
                 "{value} 不是时间（应为 时:分、时:分:秒 或 年-月-日 时:分）：跳过此行。"),
    "records.other_day": ("{value} is not on the night of {date}: row skipped.", "{value} 不在 {date} 当晚：跳过此行。"),
    "records.bad_number": ("{value} is not a number: row skipped.", "{value} 不是数字：跳过此行。"),
    "records.bad_position": ("{value} is not a position near the city: row skipped.", "{value} 不是本市附近的位置：跳过此行。"),
    "records.unknown_coach": ("coach {value} is not in the plan: row skipped.", "车辆 {value} 不在计划中：跳过此行。"),
    "records.unknown_plate": ("plate {value} is in no coach of the station log{hint}: its fixes are skipped.",
                      "车牌 {value} 不属于站务记录中的任何车辆{hint_zh}：跳过其定位点。"),
    "records.unknown_place": ("place {value} is neither the station nor a stop of this coach: row skipped.",
                      "地点 {value} 既不是车站也不是该车的站点：跳过此行。"),
    "records.unknown_worker": ("worker {value} is not in the plan: row skipped.", "工号 {value} 不在计划中：跳过此行。"),
    "records.unknown_enterprise": ("enterprise {value} is not in the plan: row skipped.",
                  "企业 {value} 不在计划中：跳过此行。"),
    "records.duplicate": ("{value} is given again: the first is kept.", "{value} 重复出现：保留第一条。"),
    "records.duplicate_fix": ("a repeated GPS fix (plate {value}, same time): skipped.",
                  "重复的定位点（车牌 {value}，同一时间）：跳过。"),
    "records.no_time": ("the row has no time: skipped.", "此行没有时间：跳过。"),
    "records.backwards": ("coach {value} arrives before it left: row skipped.", "车辆 {value} 到达早于出发：跳过此行。"),
    "records.more": (" ({n} more rows like it skipped)", "（同类另有 {n} 行被跳过）"),
    "records.where": ("{file}, row {row}: ", "{file}，第 {row} 行："),
    "records.read_summary": ("records read: {stops} coach stop times, {checkins} check-ins, {fixes} GPS fixes "
                     "({gps_stops} stops found from the tracks){train}; {skipped} rows skipped.",
                     "已读入记录：车辆到站时间 {stops} 条，入住 {checkins} 条，定位点 {fixes} 个（由轨迹识别停靠 "
                     "{gps_stops} 次）{train_zh}；跳过 {skipped} 行。"),
    "records.train_at": ("; train arrived {t}", "；列车 {t} 到站"),
    "records.table.station_log": ("station log", "站务记录"),
    "records.table.checkins": ("check-ins", "入住登记"),
    "records.table.train": ("train arrival", "列车到站记录"),
    "records.table.gps": ("GPS tracks", "车辆轨迹"),
}
TEXTS.update({
    "records.no_column": ("no column '{head}' ({doc}).", "缺少“{head_zh}”列（{doc_zh}）。"),
    "records.no_column.fix": ("add a column headed '{head}' or '{head_zh}'.", "添加表头为“{head_zh}”的列（或“{head}”）。"),
    "calibrated.factor": ("expected a factor in [{lo}, {hi}], got {value}.", "系数应在 [{lo}, {hi}] 之间，实际为 {value}。"),
    "review.no_plan": ("no plan for these records.", "这些记录没有对应的计划。"),
    "review.no_plan.fix": (
        "put the night's plan folder in it as plan/, or give --plan DIR.",
        "把当晚的计划文件夹放进去（命名为 plan/），或用 --plan 目录 给出。",
    ),
})
TEXTS.update({
    "records.night_read": ("{night}: {summary}", "{night}：{summary}"),
    "records.in_parens": (" ({inner})", "（{inner}）"),
})
