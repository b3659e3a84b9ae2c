"""Every word the review and calibration packs show people, keyed, in Chinese and English: ``word(lang, key)``."""

from __future__ import annotations

from present.lang import check_lang

TEXTS: dict[str, tuple[str, str]] = {
    # column headers
    "coach_id": ("车辆", "Coach"), "trip": ("趟次", "Trip"), "measure": ("指标", "Measure"),
    "enterprise_id": ("企业", "Enterprise"), "district": ("区市", "District"), "planned": ("计划", "Planned"),
    "p5": ("仿真 5%", "Simulated 5%"), "p50": ("仿真中位数", "Simulated median"), "p95": ("仿真 95%", "Simulated 95%"),
    "actual": ("实际", "Actual"), "percentile": ("实际所处仿真分位（%）", "Percentile of actual (%)"),
    "worker_id": ("工号", "Worker"), "reached": ("到达时间", "Reached"), "closed": ("宿舍关门", "Dormitory closed"),
    "seen_by": ("依据", "Seen by"), "stage": ("环节", "Stage"), "minutes": ("平均分钟", "Mean minutes"),
    "train": ("列车晚点", "Train delay"),
    "station": ("车站（超出列车晚点的发车延误）", "Station (departure beyond the train)"),
    "stops": ("停靠与其他", "Stops and the rest"), "late": ("末站延误", "Late at last stop"),
    "last_stop": ("最后有记录的站", "Last recorded stop"), "complete": ("全程有记录", "Fully recorded"),
    "roads": ("道路：{d}", "Roads: {d}"),
    # measures
    "depart": ("发车", "departure"), "last_arrival": ("最后到达", "last arrival"),
    "last_checkin": ("最后入住", "last check-in"), "m_last_stop": ("末站到达", "arrival at last stop"),
    "coach": ("车辆记录", "coach record"), "checkin": ("入住登记", "check-in"),
    # chart
    "gantt_title": ("计划与实际：各车次发车至末站", "Planned and actual: each trip from departure to its last stop"),
    "planned_bar": ("计划", "planned"), "actual_bar": ("实际", "actual"),
    "band_bar": ("仿真 5%–95%", "simulated 5-95%"),
    "clock": ("时间", "clock"), "closed_mark": ("到达时宿舍已关门", "dormitory closed on arrival"),
    # summary lines
    "s_records": ("{line}", "{line}"),
    "s_train": ("列车：计划 {planned} 到站，实际 {actual}（晚点 {late:.0f} 分钟，位于仿真夜晚的 {pct:.0f}% 分位）",
                "train: due {planned}, arrived {actual} ({late:.0f} min late, at the {pct:.0f}th percentile of the "
                "simulated nights)"),
    "s_last": ("最后一人入住：实际 {actual}；仿真 5%–95% 为 {p5}–{p95}，实际位于 {pct:.0f}% 分位",
               "last check-in: actual {actual}; simulated 5-95% {p5}-{p95}; the actual at the {pct:.0f}th percentile"),
    "s_outside": ("超出仿真 5%–95% 区间的车次指标：{n} 项（{which}）",
                  "coach measures outside the simulated 5-95% band: {n} ({which})"),
    "s_closed": ("到达时宿舍已关门：{n} 人（{where}）", "reached a closed dormitory: {n} ({where})"),
    "s_closed_none": ("无人在宿舍关门后到达。", "nobody reached a closed dormitory."),
    "s_stage": ("差异主要来自：{stage}（平均每车次 {minutes:+.1f} 分钟）；其次 {second}（{minutes2:+.1f} 分钟）",
                "the difference comes mostly from {stage} ({minutes:+.1f} min a trip on average); then {second} "
                "({minutes2:+.1f} min)"),
    "s_problems": ("记录中跳过的行：{n}（见 records_problems.txt）",
                   "record rows skipped: {n} (see records_problems.txt)"),
    "s_files": ("文件在 {out}", "files in {out}"),
    "none": ("无", "none"),
    # calibration
    "c_parameter": ("参数", "Parameter"), "c_estimate": ("估计值", "Estimate"), "c_se": ("标准误", "Standard error"),
    "c_low": ("90% 区间下限", "90% low"), "c_high": ("90% 区间上限", "90% high"),
    "c_scenario": ("原场景值", "Scenario value"), "c_records": ("记录数", "Records"),
    "c_from": ("由 {n} 个夜晚的记录校准：{nights}", "calibrated from the records of {n} nights: {nights}"),
    "c_interval": ("（90% 区间 {low:.3g}–{high:.3g}）", " (90% interval {low:.3g}-{high:.3g})"),
    "c_line": ("{name}：{est:.4g}{interval}，原为 {before:.4g}", "{name}: {est:.4g}{interval}, was {before:.4g}"),
    "c_written": ("校准后的场景：{out}/scenario.yaml（plan、simulate、fleet 可直接使用）",
                  "the calibrated scenario: {out}/scenario.yaml (plan, simulate and fleet take it)"),
}


def word(lang: str, key: str, **values: object) -> str:
    """The text of ``key`` in ``lang`` ("zh" or "en"), formatted with ``values``."""
    zh, en = TEXTS[key]
    return (zh if check_lang(lang) == "zh" else en).format(**values)


def header(lang: str, column: str) -> str:
    """A table column as people read it: ``roads:<district>`` becomes "道路：黄岛" (district id kept)."""
    if column.startswith("roads:"):
        return word(lang, "roads", d=column.split(":", 1)[1])
    return word(lang, column) if column in TEXTS else column
