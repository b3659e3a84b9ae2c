"""A SimResult in a few lines for people (Chinese or English): the risk a planner decides on, with intervals."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from present.clock import format_clock
from scenarios.errors import ScenarioError

if TYPE_CHECKING:
    from sim.result import SimResult

TEXT = {
    "zh": {
        "head": "{name}：模拟 {n} 个夜晚（随机种子 {seed}）",
        "on_time": "准时率（所有工人都在宿舍关门前、且在 {t} 前入住的夜晚比例）：{p}（95% 区间 {lo}–{hi}）",
        "late": "宿舍关门后才到的工人（迟到入住）：平均每晚 {mean:.1f} 人，最多 {max:.0f} 人",
        "last": "最后一人入住：平均 {mean}（95% 区间 {lo}–{hi}）；各夜 5%/50%/95%：{p5} / {p50} / {p95}",
        "p95": "95% 工人入住：平均 {mean}；各夜 5%–95%：{p5}–{p95}",
        "exceed": "有人晚于 {t} 入住的夜晚：{p}（95% 区间 {lo}–{hi}）；按时入住工人比例平均 {share}",
        "beside": "另有人乘车超时的夜晚 {ride}，有人站内等候超时的夜晚 {wait}",
        "station": "站内最长等候 {wait:.0f} 分钟，站内最多 {crowd:.0f} 人，未送达平均每晚 {lost:.1f} 人",
        "none": "没有工人入住。",
    },
    "en": {
        "head": "{name}: {n} replications, seed {seed}, log {log}",
        "on_time": "on time (share of nights in which every worker reached an open dormitory before {t}): "
                   "{p} (95% CI {lo}-{hi})",
        "late": "late check-ins (reached a closed dormitory): {mean:.1f} per night on average, at most {max:.0f}",
        "last": "last check-in {mean} (95% CI {lo}-{hi}); nights' 5%/50%/95%: {p5} / {p50} / {p95}",
        "p95": "95% checked in by {mean}; nights' 5%-95%: {p5}-{p95}",
        "exceed": "nights with someone after {t}: {p} (95% CI {lo}-{hi}); share checked in by then {share} on average",
        "beside": "beside these, nights with a ride over the limit {ride}, with a station wait over the limit {wait}",
        "station": "longest wait {wait:.0f} min, largest crowd {crowd:.0f}, not delivered {lost:.1f} per night",
        "none": "nobody checked in.",
    },
}


def _pct(x: float) -> str:
    return "-" if not math.isfinite(x) else f"{100 * x:.1f}%"


def summary_text(result: SimResult, lang: str = "zh", level: float = 0.95) -> str:
    """The headline figures of ``result`` as lines of text in ``lang`` ("zh" or "en"); no wall time, so the same
    seed gives the same text."""
    if lang not in TEXT:
        raise ScenarioError("lang.unknown", field="lang", lang=repr(lang))
    text = TEXT[lang]
    k = result.kpi_table(level).set_index("kpi")
    lines = [text["head"].format(name=result.scenario_name, n=result.replications, seed=result.seed, log=result.log)]
    if k.loc["checked_in", "mean"] > 0:
        on = k.loc["p_on_time"]
        lines.append(text["on_time"].format(p=_pct(on["mean"]), lo=_pct(on["ci_low"]), hi=_pct(on["ci_high"]),
                                            t=format_clock(result.deadline_min)))
        late = k.loc["late_checkins"]
        lines.append(text["late"].format(mean=late["mean"], max=late["max"]))
        c = {col: format_clock(v) if math.isfinite(v) else "-" for col, v in k.loc["last_checkin_min"].items()
             if col in ("mean", "ci_low", "ci_high", "p5", "p50", "p95")}
        lines.append(text["last"].format(mean=c["mean"], lo=c["ci_low"], hi=c["ci_high"], p5=c["p5"], p50=c["p50"],
                                         p95=c["p95"]))
        p = k.loc["p95_checkin_min"]
        lines.append(text["p95"].format(mean=format_clock(p["mean"]), p5=format_clock(p["p5"]),
                                        p95=format_clock(p["p95"])))
        ex = k.loc["p_after_deadline"]
        lines.append(text["exceed"].format(t=format_clock(result.deadline_min), p=_pct(ex["mean"]),
                                           lo=_pct(ex["ci_low"]), hi=_pct(ex["ci_high"]),
                                           share=_pct(k.loc["share_by_deadline", "mean"])))
        lines.append(text["beside"].format(ride=_pct(k.loc["p_long_ride", "mean"]),
                                           wait=_pct(k.loc["p_long_wait", "mean"])))
    else:
        lines.append(text["none"])
    lines.append(text["station"].format(wait=k.loc["longest_wait_min", "mean"], crowd=k.loc["largest_crowd", "mean"],
                                        lost=k.loc["not_delivered", "mean"]))
    return "\n".join(lines)
