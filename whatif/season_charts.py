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


def _day_ticks(ax, days: pd.Series) -> None:
    """Ticks on whole days (about ten), labelled month-day: no repeated labels on a short season."""
    span = (days.max() - days.min()).days + 1
    ax.xaxis.set_major_locator(mdates.DayLocator(interval=max(1, -(-span // 10))))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%m-%d"))


def calendar_chart(sp: SeasonPlan, lang: str = "zh") -> Chart:
    """Workers per day as bars coloured by kind of arrival, coaches used per day as a line."""
    w = words("seasonchart.", lang)
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 5), layout="constrained")
        ax = fig.add_subplot()
        t = sp.table()
        t["day"] = _dates(t["date"])
        # One block per arrival, stacked by day in kind order (train, flight, coach), a white line between two
        # arrivals of one day, so two trains on one evening read as two.
        order = {kind: k for k, kind in enumerate(KIND_COLOURS)}
        t = t.assign(_kind=t["kind"].map(order).fillna(len(order))).sort_values(["day", "_kind"], kind="stable")
        t["_bottom"] = t.groupby("day")["workers"].cumsum() - t["workers"]
        for kind, colour in KIND_COLOURS.items():
            k = t[t["kind"] == kind]
            if len(k):
                ax.bar(k["day"], k["workers"].to_numpy(), bottom=k["_bottom"].to_numpy(), width=0.8, color=colour,
                       edgecolor="white", linewidth=0.8, label=w[kind])
        ax.set_ylim(0, max(1, t.groupby("day")["workers"].sum().max()) * 1.1)  # the fullest day below the top
        ax.set_ylabel(w["workers"])
        ax2 = ax.twinx()
        coaches = t.groupby("day")["coaches"].sum()
        ax2.plot(coaches.index, coaches.to_numpy(), "D", color="#555555", label=w["coaches"], markersize=5)
        ax2.set_ylabel(w["coaches"])
        ax2.set_ylim(0, max(1, coaches.max()) * 1.3)
        _day_ticks(ax, t["day"])
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
        # Arrivals of one day side by side (a quarter day apart), so one never hides another.
        rank, size = t.groupby("day").cumcount(), t.groupby("day")["day"].transform("size")
        t["x"] = t["day"] + pd.to_timedelta((rank - (size - 1) / 2) * 0.25, unit="D")
        for kind, colour in KIND_COLOURS.items():
            k = t[t["kind"] == kind]
            if len(k):
                ax.errorbar(k["x"], k["p_on_time"], yerr=[k["p_on_time"] - k["p_low"], k["p_high"] - k["p_on_time"]],
                            fmt="o", color=colour, capsize=2, label=w[kind])
        x = t.set_index("arrival")["x"]
        for r in result.at_risk(3).itertuples():
            ax.annotate(r.arrival, (x[r.arrival], r.p_on_time), textcoords="offset points", xytext=(4, -12),
                        fontsize=8)
        ax.yaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        ax.set_ylim(max(0.0, t["p_low"].min() - 0.05), 1.02)
        _day_ticks(ax, t["day"])
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
        _day_ticks(ax, _dates(f["date"]))
        ax.set_ylabel(w["filled"])
        ax.set_title(w["posts"])
        ax.grid(alpha=0.3)
    return fig
