"""Catalog entries: the review of a night against its records and the calibration (``whatif.review*``,
``whatif.calibrate*``): table headers, measures, the chart's words and the summary lines.

``review.<key>`` is read by ``whatif.review_texts.word`` and ``header``.
"""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "review.coach_id": ("Coach", "车辆"),
    "review.trip": ("Trip", "趟次"),
    "review.measure": ("Measure", "指标"),
    "review.enterprise_id": ("Enterprise ID", "企业编号"),
    "review.enterprise_name": ("Enterprise", "企业名称"),
    "review.district": ("District", "区市"),
    "review.planned": ("Planned", "计划"),
    "review.p5": ("Simulated 5%", "仿真 5%"),
    "review.p50": ("Simulated median", "仿真中位数"),
    "review.p95": ("Simulated 95%", "仿真 95%"),
    "review.actual": ("Actual", "实际"),
    "review.percentile": ("Percentile of actual (%)", "实际所处仿真分位（%）"),
    "review.worker_id": ("Worker", "工号"),
    "review.reached": ("Reached", "到达时间"),
    "review.closed": ("Dormitory closed", "宿舍关门"),
    "review.seen_by": ("Seen by", "依据"),
    "review.stage": ("Stage", "环节"),
    "review.minutes": ("Mean minutes", "平均分钟"),
    "review.train": ("Train delay", "列车晚点"),
    "review.station": ("Station (departure beyond the train)", "车站（超出列车晚点的发车延误）"),
    "review.stops": ("Stops and the rest", "停靠与其他"),
    "review.late": ("Late at last stop", "末站延误"),
    "review.last_stop": ("Last recorded stop", "最后有记录的站"),
    "review.complete": ("Fully recorded", "全程有记录"),
    "review.roads": ("Roads: {d}", "道路：{d}"),
    "review.depart": ("departure", "发车"),
    "review.last_arrival": ("last arrival", "最后到达"),
    "review.last_checkin": ("last check-in", "最后入住"),
    "review.m_last_stop": ("arrival at last stop", "末站到达"),
    "review.coach": ("coach record", "车辆记录"),
    "review.checkin": ("check-in", "入住登记"),
    "review.gantt_title": (
        "Planned and actual: each trip from departure to its last stop",
        "计划与实际：各车次发车至末站",
    ),
    "review.planned_bar": ("planned", "计划"),
    "review.actual_bar": ("actual", "实际"),
    "review.band_bar": ("simulated 5-95%", "仿真 5%–95%"),
    "review.clock": ("clock", "时间"),
    "review.closed_mark": ("dormitory closed on arrival", "到达时宿舍已关门"),
    "review.deadline_line": ("deadline {t} (latest arrival)", "最晚到达时限 {t}"),
    "review.s_records": ("{line}", "{line}"),
    "review.s_train": (
        "train: due {planned}, arrived {actual} ({late:.0f} min late, at the {pct:.0f}th percentile of the simulated nights)",
        "列车：计划 {planned} 到站，实际 {actual}（晚点 {late:.0f} 分钟，位于仿真夜晚的 {pct:.0f}% 分位）",
    ),
    "review.s_last": (
        "last check-in: actual {actual}; simulated 5-95% {p5}-{p95}; the actual at the {pct:.0f}th percentile",
        "最后一人入住：实际 {actual}；仿真 5%–95% 为 {p5}–{p95}，实际位于 {pct:.0f}% 分位",
    ),
    "review.s_outside": (
        "coach measures outside the simulated 5-95% band: {n} ({which})",
        "超出仿真 5%–95% 区间的车次指标：{n} 项（{which}）",
    ),
    "review.s_closed": ("reached a closed dormitory: {n} ({where})", "到达时宿舍已关门：{n} 人（{where}）"),
    "review.s_closed_at": ("{enterprise}: {n}", "{enterprise} {n} 人"),
    "review.s_deadline_missed": (
        "the night missed the {deadline} deadline (the policy's latest arrival): {n} checked in after it, the last {late:.0f} min late",
        "未守住 {deadline} 的最晚到达时限（政策规定）：{n} 人在此之后入住，最后一人晚 {late:.0f} 分钟",
    ),
    "review.s_deadline_met": (
        "everyone checked in by the {deadline} deadline (the policy's latest arrival)",
        "全部在 {deadline} 的最晚到达时限（政策规定）前入住",
    ),
    "review.s_closed_none": ("nobody reached a closed dormitory.", "无人在宿舍关门后到达。"),
    "review.s_stage": (
        "the difference comes mostly from {stage} ({minutes:+.1f} min a trip on average); then {second} ({minutes2:+.1f} min)",
        "差异主要来自：{stage}（平均每车次 {minutes:+.1f} 分钟）；其次 {second}（{minutes2:+.1f} 分钟）",
    ),
    "review.s_problems": (
        "record rows skipped: {n} (see records_problems.txt)",
        "记录中跳过的行：{n}（见 records_problems.txt）",
    ),
    "review.s_files": ("files in {out}", "文件在 {out}"),
    "review.none": ("none", "无"),
    "review.c_parameter": ("Parameter", "参数"),
    "review.c_estimate": ("Estimate", "估计值"),
    "review.c_se": ("Standard error", "标准误"),
    "review.c_low": ("90% low", "90% 区间下限"),
    "review.c_high": ("90% high", "90% 区间上限"),
    "review.c_scenario": ("Scenario value", "原场景值"),
    "review.c_records": ("Records", "记录数"),
    "review.c_delay_kept": (
        "train delay: {n} night(s) of records, not enough to change the train's delay distribution (from {min} "
        "nights on); the scenario's is kept",
        "列车晚点：只有 {n} 晚的记录，不足以改动列车晚点的分布（至少 {min} 晚）；保留场景原来的设定",
    ),
    "review.c_from": ("calibrated from the records of {n} nights: {nights}", "由 {n} 个夜晚的记录校准：{nights}"),
    "review.c_interval": (" (90% interval {low:.3g}-{high:.3g})", "（90% 区间 {low:.3g}–{high:.3g}）"),
    "review.c_line": (
        "{name}: {est:.4g}{interval}, was {before:.4g} (from {records})",
        "{name}：{est:.4g}{interval}，原为 {before:.4g}（依据 {records}）",
    ),
    "review.c_key": ("Parameter key (for programs)", "参数键（程序用）"),
    # the calibrated parameters as a planner names them (sim.calibrate.Calibration.table's keys)
    "review.param.train.delay_mean_min": ("Train delay, mean (min)", "列车平均晚点（分钟）"),
    "review.param.station.board_s_mean": ("Boarding, seconds per person", "上车每人用时（秒）"),
    "review.param.station.desk_service_s": ("Station desk, seconds per worker", "车站服务台每人办理用时（秒）"),
    "review.param.district_factor": ("Road-time factor, {district}", "{district}道路时间系数"),
    "review.param.travel.bias_cv": (
        "Roads' overall bias, uncertainty left (CV)", "道路时间整体偏差的不确定度（变异系数）",
    ),
    "review.param.travel.cv": ("Leg-time variability (CV)", "单段行程时间的波动（变异系数）"),
    "review.param.travel.night_share": (
        "Share of the variability common to the whole night", "波动中整晚共有的比例",
    ),
    # how many records inform an estimate, with their unit
    "review.unit.nights": ("{n} nights", "{n} 晚"),
    "review.unit.nights_one": ("{n} night", "{n} 晚"),
    "review.unit.boardings": ("{n} timed coach boardings", "{n} 车次上车计时"),
    "review.unit.boardings_one": ("{n} timed coach boarding", "{n} 车次上车计时"),
    "review.unit.departures": (
        "{n} coach times at the station (reaching the bay, departing)", "{n} 个车辆在站时刻（进车位、发车）",
    ),
    "review.unit.legs": ("{n} legs between stops", "{n} 段行程"),
    "review.unit.legs_one": ("{n} leg between stops", "{n} 段行程"),
    "review.c_written": (
        "the calibrated scenario: {out}/scenario.yaml (plan, simulate and fleet take it)",
        "校准后的场景：{out}/scenario.yaml（plan、simulate、fleet 可直接使用）",
    ),
}
