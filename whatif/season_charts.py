"""The season's charts: a calendar of arrivals, the risk of each night, and the posts filled over the season."""

from __future__ import annotations

from typing import TYPE_CHECKING

import matplotlib as mpl
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.ticker import PercentFormatter

from present.catalog import words
from present.figure import Chart, figure
from present.fonts import rc

if TYPE_CHECKING:
    from planning.season import SeasonPlan
    from whatif.season import SeasonResult

KIND_COLOURS = {"train": "#1f5fa8", "flight": "#d9822b", "coach": "#3b8f4a"}


def _dates(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values.astype(str))


def calendar_chart(sp: SeasonPlan, lang: str = "zh") -> Chart:
    """Workers per day as bars coloured by kind of arrival, coaches used per day as a line."""
    w = words("seasonchart.", lang)
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 5), layout="constrained")
        ax = fig.add_subplot()
        t = sp.table()
        t["day"] = _dates(t["date"])
        bottom = pd.Series(0.0, index=sorted(t["day"].unique()))
        for kind, colour in KIND_COLOURS.items():
            per_day = t[t["kind"] == kind].groupby("day")["workers"].sum().reindex(bottom.index, fill_value=0)
            if per_day.sum():
                ax.bar(bottom.index, per_day.to_numpy(), bottom=bottom.to_numpy(), width=0.8, color=colour,
                       label=w[kind])
                bottom += per_day
        ax.set_ylabel(w["workers"])
        ax2 = ax.twinx()
        coaches = t.groupby("day")["coaches"].sum()
        ax2.plot(coaches.index, coaches.to_numpy(), "D", color="#555555", label=w["coaches"], markersize=5)
        ax2.set_ylabel(w["coaches"])
        ax2.set_ylim(0, max(1, coaches.max()) * 1.3)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
        ax.set_title(w["cal"])
        handles = ax.get_legend_handles_labels()[0] + ax2.get_legend_handles_labels()[0]
        fig.legend(handles=handles, loc="outside lower center", ncol=len(handles), frameon=False)
        ax.grid(alpha=0.3, axis="y")
    return fig


def risk_chart(result: SeasonResult, lang: str = "zh") -> Chart:
    """Each night's share of simulated nights on time with its Wilson interval, by date; the riskiest labelled."""
    w = words("seasonchart.", lang)
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 5), layout="constrained")
        ax = fig.add_subplot()
        t = result.per_night()
        t["day"] = _dates(t["date"])
        for kind, colour in KIND_COLOURS.items():
            k = t[t["kind"] == kind]
            if len(k):
                ax.errorbar(k["day"], k["p_on_time"], yerr=[k["p_on_time"] - k["p_low"], k["p_high"] - k["p_on_time"]],
                            fmt="o", color=colour, capsize=2, label=w[kind])
        for r in result.at_risk(3).itertuples():
            ax.annotate(r.arrival, (pd.Timestamp(str(r.date)), r.p_on_time), textcoords="offset points",
                        xytext=(4, -12), fontsize=8)
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_ylim(max(0.0, t["p_low"].min() - 0.05), 1.02)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
        ax.set_ylabel(w["p"])
        ax.set_title(w["risk"])
        ax.grid(alpha=0.3)
        fig.legend(loc="outside lower center", ncol=3, frameon=False)
    return fig


def posts_chart(sp: SeasonPlan, lang: str = "zh") -> Chart:
    """The share of the season's posts filled after each arrival."""
    w = words("seasonchart.", lang)
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 4), layout="constrained")
        ax = fig.add_subplot()
        f = sp.posts_filled()
        ax.step(_dates(f["date"]), f["share"], where="post", color="#1f5fa8")
        ax.fill_between(_dates(f["date"]), f["share"], step="post", alpha=0.15, color="#1f5fa8")
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_ylim(0, 1)
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))
        ax.set_ylabel(w["filled"])
        ax.set_title(w["posts"])
        ax.grid(alpha=0.3)
    return fig
