"""Catalog entries: a simulation's result in a few lines for people (``sim.summary.summary_text``)."""

from __future__ import annotations

TEXTS: dict[str, tuple[str, str]] = {
    "simsum.head": ("{name}: {n} replications, seed {seed}", "{name}：模拟 {n} 个夜晚（随机种子 {seed}）"),
    "simsum.on_time": (
        "on time (share of nights in which every worker reached an open dormitory before {t}): {p} (95% CI {lo}-{hi})",
        "准时率（所有工人都在宿舍关门前、且在 {t} 前入住的夜晚比例）：{p}（95% 区间 {lo}–{hi}）",
    ),
    "simsum.late": (
        "late check-ins (reached a closed dormitory): {mean:.1f} per night on average, at most {max:.0f}",
        "宿舍关门后才到的工人（迟到入住）：平均每晚 {mean:.1f} 人，最多 {max:.0f} 人",
    ),
    "simsum.last": (
        "last check-in {mean} (95% CI {lo}-{hi}); nights' 5%/50%/95%: {p5} / {p50} / {p95}",
        "最后一人入住：平均 {mean}（95% 区间 {lo}–{hi}）；各夜 5%/50%/95%：{p5} / {p50} / {p95}",
    ),
    "simsum.p95": (
        "95% checked in by {mean}; nights' 5%-95%: {p5}-{p95}",
        "95% 工人入住：平均 {mean}；各夜 5%–95%：{p5}–{p95}",
    ),
    "simsum.exceed": (
        "nights with someone after {t}: {p} (95% CI {lo}-{hi}); share checked in by then {share} on average",
        "有人晚于 {t} 入住的夜晚：{p}（95% 区间 {lo}–{hi}）；按时入住工人比例平均 {share}",
    ),
    "simsum.beside": (
        "beside these, nights with a ride over the limit {ride}, with a station wait over the limit {wait}",
        "另有人乘车超时的夜晚 {ride}，有人站内等候超时的夜晚 {wait}",
    ),
    "simsum.station": (
        "longest wait {wait:.0f} min, largest crowd {crowd:.0f}, not delivered {lost:.1f} per night",
        "站内最长等候 {wait:.0f} 分钟，站内最多 {crowd:.0f} 人，未送达平均每晚 {lost:.1f} 人",
    ),
    "simsum.none": ("nobody checked in.", "没有工人入住。"),
    "optionschart.options": ("Options side by side: {kpi} (mean and 95% CI)", "方案对比：{kpi}（均值与95%置信区间）"),
    "optionschart.no_plan": ("no valid plan", "无有效方案"),
}
