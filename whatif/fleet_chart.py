"""The fleet search's chart: cost against the share of good nights, with intervals, the target and the choice."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING

import matplotlib as mpl
from matplotlib.ticker import FuncFormatter, PercentFormatter

from present.catalog import text
from present.figure import Chart, figure
from present.fonts import rc
from whatif.fleet import MEETS, NO_PLAN

if TYPE_CHECKING:
    from whatif.fleet_report import FleetResult

#: Marker per planning margin, in the order of the margins tried.
MARKERS = ("o", "s", "^", "D", "v", "P", "X")

WORDS = {
    "zh": {"title": "车队方案：费用与按时入住的把握",
           "x": "准时的夜晚占比（所有人都在宿舍关门前、且在最晚到达时间前入住）",
           "y": "费用（元）", "target": "目标 {t}", "meets": "达到目标", "fails": "未达到",
           "rec": "建议方案", "noplan": "排不出路线：{names}", "margin": "计划余量 {b} 分钟",
           "no_margin": "计划不留余量"},
    "en": {"title": "Fleets: cost against the chance of a good night", "x": "share of nights on time (every worker "
           "in an open dormitory before the latest arrival)", "y": "cost (CNY)", "target": "target {t}",
           "meets": "meets target",
           "fails": "misses", "rec": "recommended", "noplan": "no plan within the rules: {names}",
           "margin": "planned with a {b}-min margin", "no_margin": "planned without a margin"},
}


#: Characters of a 7-pt note across the figure (a Chinese character is about twice as wide).
WRAP = {"zh": 80, "en": 150}

def fleet_chart(result: FleetResult, lang: str = "zh") -> Chart:
    """One point per simulated candidate (the bounds its verdict used as a bar), the target as a line, the choice
    ringed; with planning margins, one marker shape per margin."""
    with mpl.rc_context(rc(lang)):
        return _draw(result, lang)


def _draw(result: FleetResult, lang: str) -> Chart:
    w = WORDS[lang]
    fig = figure(lang, figsize=(9, 5.5), layout="constrained")
    ax = fig.add_subplot()
    sc = result.scenario
    margins = sorted({ev.candidate.buffer for ev in result.evaluations if ev.nights and ev.same_as is None})
    marker = {b: MARKERS[i % len(MARKERS)] for i, b in enumerate(margins)}
    shapes = margins != [0] and len(margins) > 0
    for ev in result.evaluations:
        if ev.verdict == NO_PLAN or not ev.nights or ev.same_as is not None:  # same routes: drawn once
            continue
        low, high = ev.interval()
        colour = "#2a7f3f" if ev.verdict == MEETS else "#c0392b"
        ax.errorbar([ev.p_on_time], [ev.cost], xerr=[[ev.p_on_time - low], [high - ev.p_on_time]],
                    fmt=marker[ev.candidate.buffer], color=colour, capsize=3)
        right = ev.p_on_time > 0.9  # label to the left near 100%, so it stays inside the axes
        ax.annotate(ev.candidate.label(sc, lang, margin=not shapes), (ev.p_on_time, ev.cost),
                    textcoords="offset points",
                    xytext=(-6 if right else 6, 6), ha="right" if right else "left", fontsize=8)
    rec = result.recommended
    if rec is not None:
        ax.scatter([rec.p_on_time], [rec.cost], s=260, facecolors="none", edgecolors="black", linewidths=1.8,
                   zorder=5)
    ax.axvline(result.rule.target, color="grey", linestyle="--")
    ax.margins(y=0.12)  # room for the labels above the top and bottom points
    handles = [
        mpl.lines.Line2D([], [], color="#2a7f3f", marker="o", linestyle="", label=w["meets"]),
        mpl.lines.Line2D([], [], color="#c0392b", marker="o", linestyle="", label=w["fails"]),
        mpl.lines.Line2D([], [], color="grey", linestyle="--", label=w["target"].format(t=f"{result.rule.target:.0%}")),
    ]
    if shapes:
        handles += [mpl.lines.Line2D([], [], color="grey", marker=marker[b], linestyle="",
                                     label=w["margin"].format(b=b) if b else w["no_margin"]) for b in margins]
    if rec is not None:
        handles.append(mpl.lines.Line2D([], [], marker="o", markerfacecolor="none", markeredgecolor="black",
                                        markersize=12, linestyle="", label=w["rec"]))
    ax.legend(handles=handles, loc="upper center", bbox_to_anchor=(0.5, -0.14), ncol=min(len(handles), 3),
              frameon=False)
    ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}"))
    # Every point inside the axes; a lower bound of an early look (0 where "meets" cannot yet be shown) is cut.
    shares = [ev.p_on_time for ev in result.evaluations if ev.nights and ev.verdict != NO_PLAN]
    ax.set_xlim(max(0.0, min([*shares, result.rule.target]) - 0.05), 1.01)
    ax.set_xlabel(w["x"])
    ax.set_ylabel(w["y"])
    ax.set_title(w["title"])
    ax.grid(alpha=0.3)
    # With margins the list grows (a fleet may have no plan at several): wrapped to the figure's width.
    none = [ev.candidate.label(sc, lang) for ev in result.evaluations if ev.verdict == NO_PLAN]
    if none:
        note = w["noplan"].format(names=text("sep.semi", lang).join(none))
        lines = textwrap.wrap(note, WRAP[lang])  # 7-pt characters across 9 inches
        fig.text(0.01, 0.005, "\n".join(lines), fontsize=7, color="#555555")
        fig.get_layout_engine().set(rect=(0, 0.02 * len(lines), 1, 1 - 0.02 * len(lines)))  # room for the note
    return fig
