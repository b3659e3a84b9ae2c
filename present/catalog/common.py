"""Words shared by every layer: hints inside messages, numbers, choices and clock times, the fix of a field."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    # hints inside messages
    "hint.did_you_mean": ("did you mean '{word}'?", "是否应为“{word}”？"),
    "hint.choices": ("valid values: {words}.", "可用的值：{words_zh}。"),
    "hint.paths": ("nearest valid paths: {paths}.", "最接近的可用字段：{paths}。"),
    "hint.none": ("", ""),
    # languages
    "lang.unknown": ("unknown language {lang}.", "未知的语言 {lang}。"),
    "lang.unknown.fix": ("use 'zh' (Chinese) or 'en' (English).", "请使用 zh（中文）或 en（英文）。"),
    # numbers and choices
    "num.number": ("expected a number, got {value}.", "应为数字，实际为 {value}。"),
    "num.positive": ("expected a number > 0, got {value}.", "应为大于 0 的数，实际为 {value}。"),
    "num.non_negative": ("expected a number >= 0, got {value}.", "应为不小于 0 的数，实际为 {value}。"),
    "num.whole_non_negative": ("expected a whole number >= 0, got {value}.", "应为不小于 0 的整数，实际为 {value}。"),
    "num.whole_non_negative_or_none": (
        "expected a whole number >= 0 or None, got {value}.", "应为不小于 0 的整数或不填，实际为 {value}。"
    ),
    "num.whole": ("expected a whole number, got {value}.", "应为整数，实际为 {value}。"),
    "num.whole_range": (
        "expected a whole number from {low} to {high:,}, got {value}.",
        "应为 {low} 到 {high:,} 之间的整数，实际为 {value}。",
    ),
    "num.target_share": (
        "expected a share between 0 and 1 (such as 0.95), got {value}.", "应为 0 到 1 之间的比例（如 0.95），实际为 {value}。"
    ),
    "num.share": ("expected a share in [0, 1], got {value}.", "应为 0 到 1 之间的比例，实际为 {value}。"),
    "num.range_pair": (
        "expected [low, high] with 0 <= low <= high, got {value}.",
        "应为 [下限, 上限]，且 0 <= 下限 <= 上限，实际为 {value}。",
    ),
    "num.cv": ("expected a coefficient of variation in [0, 2], got {value}.", "变异系数应在 [0, 2] 之间，实际为 {value}。"),
    "num.factor": ("expected a factor >= 1, got {value}.", "系数应不小于 1，实际为 {value}。"),
    "num.lat": ("expected a latitude in [-90, 90], got {value}.", "纬度应在 [-90, 90] 之间，实际为 {value}。"),
    "num.lon": ("expected a longitude in [-180, 180], got {value}.", "经度应在 [-180, 180] 之间，实际为 {value}。"),
    "num.min_stop": ("expected at least 1 stop, got {value}.", "每车至少 1 个站点，实际为 {value}。"),
    "num.min_desk": ("expected at least 1 gift-pack desk, got {value}.", "至少需要 1 个礼包发放台，实际为 {value}。"),
    "num.min_bay": ("expected at least 1 coach bay, got {value}.", "至少需要 1 个上车位，实际为 {value}。"),
    "num.at_least_1": ("expected at least 1, got {value}.", "至少为 1，实际为 {value}。"),
    "num.at_least_other": (
        "expected at least {other} ({value_other}), got {value}.",
        "应不小于 {other}（{value_other}），实际为 {value}。",
    ),
    "num.more_than_other": (
        "expected more than {other} ({value_other}), got {value}.",
        "应大于 {other}（{value_other}），实际为 {value}。",
    ),
    "num.one_of": ("expected one of {choices}, got {value}.", "应为以下之一：{choices}；实际为 {value}。"),
    "num.either": ("expected '{a}' or '{b}', got {value}.", "应为“{a}”或“{b}”，实际为 {value}。"),
    "num.shares_sum": (
        "expected night_share + district_share <= 1, got {a} + {b}.",
        "night_share 与 district_share 之和应不大于 1，实际为 {a} + {b}。",
    ),
    "num.walk_speed": ("walking speeds must be > 0.", "步行速度应大于 0。"),
    "num.not_empty": ("must not be empty.", "不能为空。"),
    "num.sum_to_1": ("shares must sum to 1, got {total}.", "各比例之和应为 1，实际为 {total}。"),
    "num.one_county": ("must name at least one county.", "至少填写一个县区。"),
    "num.time_zone": ("unknown time zone {zone}.", "未知的时区 {zone}。"),
    "num.time_zone.fix": ("give an IANA time zone name, e.g. Asia/Shanghai.", "请填写 IANA 时区名，例如 Asia/Shanghai。"),
    "num.bool": ("expected true or false, got {value}.", "应为 true 或 false，实际为 {value}。"),
    "num.text": ("expected text, got {value}.", "应为文字，实际为 {value}。"),
    "num.a_date": ("expected a date like 2023-02-01, got {value}.", "应为 2023-02-01 这样的日期，实际为 {value}。"),
    "num.list": ("expected a list, got {value}.", "应为列表，实际为 {value}。"),
    "num.n_values": ("expected {n} values, got {got}.", "应为 {n} 个值，实际为 {got} 个。"),
    "num.mapping_values": (
        "expected a mapping of names to values, got {value}.",
        "应为名称到取值的映射，实际为 {value}。",
    ),
    "num.mapping_lines": ("expected a mapping (key: value lines), got {value}.", "应为映射（键: 值 的若干行），实际为 {value}。"),
    "num.bounded": ("expected {kind} {span}, got {value} ({reason}).", "应为{span_zh}的{kind_zh}，实际为 {value}（{reason_zh}）。"),
    "num.span": ("from {low} to {high}{unit}", " {low} 到 {high} {unit_zh}之间"),
    "num.span_open": ("above {low} and at most {high}{unit}", "大于 {low}、至多 {high} {unit_zh}"),
    "num.kind_whole": ("a whole number", "整数"),
    "num.kind_number": ("a number", "数"),
    # clock times
    "clock.bad": ("{value} is not a clock time.", "{value} 不是有效时刻。"),
    "clock.bad.fix": ("write HH:MM with hours 00-23 and minutes 00-59.", "写成 时:分，小时 00-23，分钟 00-59。"),
    "clock.expected": ("expected a clock time like '21:30', got {value}.", "应为 21:30 这样的时刻，实际为 {value}。"),
    "clock.expected.fix": ("write HH:MM, 00:00 to 23:59.", "写成 时:分，00:00 到 23:59。"),
    "clock.quoted.fix": ('write HH:MM in quotes, e.g. "21:30".', '写成带引号的 时:分，例如 "21:30"。'),
    # the fix of a field of the scenario file
    "field.edit": ("edit '{where}' in the scenario file.", "请在方案文件中修改“{where}”。"),
    "field.unknown_key": ("unknown key {name}; {hint}", "未知的键 {name}；{hint}"),
    "field.unknown_key.fix": ("correct the spelling or remove the key.", "改正拼写，或删除该键。"),
    "field.missing": ("is missing.", "缺少该项。"),
    "field.missing.fix": ("add '{name}:' under '{where}'.", "在“{where}”下添加“{name}:”。"),
}
TEXTS.update({
    # punctuation between the parts of a line
    "sep.list": (", ", "、"),
    "sep.comma": (", ", "，"),
    "sep.colon": (": ", "："),
    "sep.semi": ("; ", "；"),
    # how an error's line names the row and joins its parts (present.errors)
    "line.row": ("row {row}", "第 {row} 行"),
    "line.sep": (": ", "，"),
    "line.colon": (": ", "："),
    "line.fix": (" Fix: ", "修改："),
})
TEXTS.update({
    "errors.more": ("... and {n} more (the first {cap} are listed).", "……另有 {n} 处（只列出前 {cap} 处）。"),
    "kpi.with_unit": ("{name} ({unit})", "{name}（{unit}）"),
})
