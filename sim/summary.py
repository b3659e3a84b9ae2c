"""A SimResult in a few lines for people (Chinese or English): the risk a planner decides on, with intervals."""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from present.catalog import words
from present.clock import format_clock
from scenarios.errors import ScenarioError

if TYPE_CHECKING:
    from sim.result import SimResult



def _pct(x: float) -> str:
    return "-" if not math.isfinite(x) else f"{100 * x:.1f}%"


def summary_text(result: SimResult, lang: str = "zh", level: float = 0.95) -> str:
    """The headline figures of ``result`` as lines of text in ``lang`` ("zh" or "en"); no wall time, so the same
    seed gives the same text."""
    if lang not in ("zh", "en"):
        raise ScenarioError("lang.unknown", field="lang", lang=repr(lang))
    text = words("simsum.", lang)
    k = result.kpi_table(level).set_index("kpi")
    lines = [text["head"].format(name=result.scenario_name, n=result.replications, seed=result.seed)]
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
