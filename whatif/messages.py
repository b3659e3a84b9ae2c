"""Every message the commands print themselves, in Chinese and English, in one place.

``say(lang, key, **values)`` formats one. Errors keep the library's words (one line after ``error:``); what is here
is the commands' own voice: progress steps, the few closing lines a planner can read aloud, where the files are.
"""

from __future__ import annotations

from present.lang import check_lang

TEXTS: dict[str, dict[str, str]] = {
    "zh": {
        # progress steps
        "step_load": "读取场景",
        "step_plan": "安置与排车",
        "step_read_plan": "读取并核对计划",
        "step_simulate": "仿真 {n} 个夜晚",
        "step_sweep": "方案比较",
        "step_replan": "调整计划",
        "step_pack": "安置、排车、仿真与绘图",
        "step_write": "写入文件",
        "sweep_plans": "为各方案排车",
        "sweep_runs": "仿真各方案",
        # closing lines
        "placed": "已安置 {placed}/{total} 名务工人员，未安置 {unplaced} 人",
        "unplaced_list": "（名单见 {file}）",
        "enterprises": "企业 {total} 家，有人入职 {served} 家",
        "no_one": "，无人入职：{names}",
        "coaches": "车辆 {coaches} 辆，共 {trips} 车次，乘车 {riders} 人",
        "planned_last": "计划最后一站到达 {t}（最晚到达 {deadline}）",
        "sim_last": "最后一人入住（{n} 个仿真夜晚）：中位数 {p50}，95% 分位 {p95}",
        "sim_on_time": "准时率（每人都在宿舍关门前、且在 {deadline} 前入住的夜晚，{n} 个仿真夜晚）：{p}"
                       "（95% 区间 {low}–{high}）",
        "sim_parts": "其中有人到达时宿舍已关门的夜晚 {closed}，有人晚于 {deadline} 入住的夜晚 {after}；"
                     "另有人乘车超过 {ride} 分钟的夜晚 {long_ride}，有人在站内等候超过 {wait} 分钟的夜晚 {long_wait}",
        "risk": "风险：{n} 个夜晚中有 {bad} 个（{share}）有人在 {deadline} 之后才入住",
        "risk_none": "风险：{n} 个仿真夜晚中，每晚都在 {deadline} 之前全部入住",
        "changed": "调整后的车次：{n} 个（{which}）",
        "files": "文件在 {out}",
        "run_log": "运行记录：{parts}",
        "run_log_bounds": "用车 {coaches}（下界 {coaches_lb} 辆），{km} 公里（下界 {km_lb} 公里）",
        "warning": "注意：{text}",
        # check
        "check_train": "{name}（{date}）：{number} 次列车，{origin} → {station}，{arrival} 到站",
        "check_workers": "务工人员 {n} 人（返岗 {returning} 人）",
        "check_posts": "企业 {n} 家，岗位 {posts} 个；车辆 {fleet}，共 {seats} 座",
        "check_fleet_item": "{name} {count} 辆",
        "check_ok": "检查通过。",
        "os_error": "无法读写 {path}（{reason}）。修改：检查路径（每段名称不超过 255 字节）、权限和磁盘空间。",
    },
    "en": {
        "step_load": "reading the scenario",
        "step_plan": "placing and routing",
        "step_read_plan": "reading and checking the plan",
        "step_simulate": "simulating {n} nights",
        "step_sweep": "comparing options",
        "step_replan": "revising the plan",
        "step_pack": "planning, simulating and drawing",
        "step_write": "writing the files",
        "sweep_plans": "routing each option",
        "sweep_runs": "simulating each option",
        "placed": "placed {placed} of {total} workers, {unplaced} not placed",
        "unplaced_list": " (listed in {file})",
        "enterprises": "{total} enterprises, {served} receive workers",
        "no_one": "; none for: {names}",
        "coaches": "{coaches} coaches on {trips} trips, {riders} workers by coach",
        "planned_last": "last planned stop at {t} (latest arrival {deadline})",
        "sim_last": "last check-in over {n} simulated nights: median {p50}, 95th percentile {p95}",
        "sim_on_time": "on time (nights on which everyone reached an open dormitory before {deadline}, of {n} "
                       "simulated): {p} (95% CI {low}-{high})",
        "sim_parts": "nights with someone at a closed dormitory {closed}, with someone after {deadline} {after}; "
                     "beside these, nights with a ride over {ride} min {long_ride}, with a station wait over "
                     "{wait} min {long_wait}",
        "risk": "risk: on {bad} of {n} nights ({share}) someone checks in after {deadline}",
        "risk_none": "risk: on every one of {n} simulated nights all checked in by {deadline}",
        "changed": "revised trips: {n} ({which})",
        "files": "files in {out}",
        "run_log": "run log: {parts}",
        "run_log_bounds": "{coaches} (lower bound {coaches_lb}), {km} km (lower bound {km_lb})",
        "warning": "warning: {text}",
        "check_train": "{name} ({date}): train {number}, {origin} → {station}, due {arrival}",
        "check_workers": "{n} workers ({returning} returning)",
        "check_posts": "{n} enterprises, {posts} posts; fleet {fleet}, {seats} seats in all",
        "check_fleet_item": "{count} × {name}",
        "check_ok": "check passed.",
        "os_error": "cannot read or write {path} ({reason}). Fix: check the path (at most 255 bytes a name), "
                    "its permissions and the disk's room.",
    },
}


def say(lang: str, key: str, **values: object) -> str:
    """The message ``key`` in ``lang``, with ``values`` filled in."""
    return TEXTS[check_lang(lang)][key].format(**values)
