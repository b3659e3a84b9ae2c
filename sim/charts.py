"""Charts of a SimResult (matplotlib, no pyplot state): coach Gantt, check-ins over time, crowd in the station.

Labels are Chinese (``lang="zh"``, drawn with the vendored font) or English (``lang="en"``). Figures are
``present.figure.Chart`` objects (matplotlib Figures that display inline in Jupyter); ``save_charts`` writes them
as PNG atomically.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.patches import Patch
from matplotlib.ticker import FuncFormatter, MaxNLocator, MultipleLocator

from present.catalog import CATALOG
from present.catalog import text as say
from present.clock import format_clock
from present.figure import Chart, figure
from present.fonts import rc
from present.lang import check_lang
from scenarios.io import atomic_path

if TYPE_CHECKING:
    from sim.run import SimResult

def labels(lang: str) -> dict[str, str]:
    """The chart labels in ``lang`` ("zh" or "en"): ``chart.<key>`` of the catalog (``present.catalog.charts``), by
    their short key, each formatted where it is used."""
    column = 1 if check_lang(lang) == "zh" else 0
    return {key.removeprefix("chart."): pair[column] for key, pair in CATALOG.items() if key.startswith("chart.")}


COLORS = {"waiting": "#d9d9d9", "boarding": "#fdae61", "driving": "#2c7bb6", "returning": "#abd9e9"}


def _clock_axis(ax, span_min: float) -> None:
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_clock(x)))
    step = 30 if span_min <= 360 else 60 if span_min <= 900 else 180
    ax.xaxis.set_major_locator(MultipleLocator(step))
    ax.grid(axis="x", alpha=0.3)


def _legend_below(fig: Chart, ax, handles: list | None = None) -> None:
    """The legend in one row under the axes, outside the plot, so it hides no data (constrained layout makes room)."""
    handles = handles if handles is not None else ax.get_legend_handles_labels()[0]
    if handles:
        fig.legend(handles=handles, loc="outside lower center", ncol=min(len(handles), 4), fontsize="small",
                   frameon=False)


def gantt(result: SimResult, replication: int = 0, lang: str = "zh", max_vehicles: int = 60) -> Chart:
    """One bar per vehicle: waiting at the station, boarding at a bay, driving its stops, returning.

    At most ``max_vehicles`` vehicles (those leaving first) are drawn; the title says when some are left out.
    """
    text = labels(lang)
    with mpl.rc_context(rc(lang)):
        trips = result.trips[result.trips["replication"] == replication]
        vehicles = list(dict.fromkeys(trips.sort_values(["departed", "vehicle"])["vehicle"]))
        shown = len(vehicles)
        if len(vehicles) > max_vehicles:
            vehicles = vehicles[:max_vehicles]
            trips = trips[trips["vehicle"].isin(vehicles)]
        fig = figure(lang, figsize=(11, max(3.0, 0.32 * len(vehicles) + 1.5)), layout="constrained")
        ax = fig.add_subplot()
        rows = {v: k for k, v in enumerate(vehicles)}
        drawn: set[str] = set()
        for t in trips.itertuples(index=False):
            y = rows[t.vehicle]
            segments = []
            if t.trip == 1 and np.isfinite(t.at_station) and np.isfinite(t.bay):
                segments.append(("waiting", t.at_station, t.bay))
            if np.isfinite(t.bay) and np.isfinite(t.departed):
                segments.append(("boarding", t.bay, t.departed))
            if np.isfinite(t.departed) and np.isfinite(t.last_stop):
                segments.append(("driving", t.departed, t.last_stop))
            if np.isfinite(t.last_stop) and np.isfinite(t.back):
                segments.append(("returning", t.last_stop, t.back))
            for kind, a, b in segments:
                ax.barh(y, b - a, left=a, height=0.6, color=COLORS[kind], edgecolor="none")
                drawn.add(kind)
        ax.set_yticks(range(len(vehicles)), vehicles)
        ax.invert_yaxis()
        ax.set_xlabel(text["clock"])
        ax.set_ylabel(text["vehicle"])
        title = text["gantt_title"].format(r=replication + 1)
        ev = result.events
        gone = ev.loc[(ev["replication"] == replication) & (ev["event"] == "no_show"), "entity"] if len(ev) else []
        if len(gone):  # a disrupted night is said to be one: the coaches that did not come are named
            title += text["gantt_no_show"].format(coaches=say("sep.list", lang).join(map(str, dict.fromkeys(gone))))
        if shown > len(vehicles):
            title += text["first_of"].format(k=len(vehicles), n=shown)
        ax.set_title(title)
        finite = trips[["at_station", "back", "last_stop"]].to_numpy(dtype=float)
        span = float(np.nanmax(finite) - np.nanmin(finite)) if np.isfinite(finite).any() else 60.0
        _clock_axis(ax, span)
        _legend_below(fig, ax, [Patch(color=c, label=text[k]) for k, c in COLORS.items() if k in drawn])
    return fig


def checkin_curves(result: SimResult, step_min: float = 5.0) -> pd.DataFrame:
    """Workers checked in by each time on a grid, per replication."""
    tl = result.timelines
    times = tl["checked_in"].to_numpy()
    if not np.isfinite(times).any():
        return pd.DataFrame(columns=["replication", "minutes", "checked_in"])
    lo = np.floor(min(result.arrival_min, np.nanmin(times)) / step_min) * step_min
    hi = np.ceil(np.nanmax(times) / step_min) * step_min
    grid = np.arange(lo, hi + step_min / 2, step_min)
    reps = tl["replication"].to_numpy()
    frames = []
    for r in np.unique(reps):
        t = np.sort(times[(reps == r) & np.isfinite(times)])
        frames.append(pd.DataFrame({"replication": r, "minutes": grid,
                                    "checked_in": np.searchsorted(t, grid, side="right")}))
    return pd.concat(frames, ignore_index=True)


def _band(frame: pd.DataFrame, value: str) -> pd.DataFrame:
    return frame.groupby("minutes")[value].quantile([0.05, 0.5, 0.95]).unstack()


def checkin_chart(result: SimResult, lang: str = "zh") -> Chart:
    """Workers checked in over clock time: the median over replications and the 5-95% band."""
    text = labels(lang)
    with mpl.rc_context(rc(lang)):
        curves = checkin_curves(result)
        fig = figure(lang, figsize=(10, 5), layout="constrained")
        ax = fig.add_subplot()
        if len(curves):
            band = _band(curves, "checked_in")
            ax.fill_between(band.index, band[0.05], band[0.95], color="#2c7bb6", alpha=0.25, label=text["band"])
            ax.plot(band.index, band[0.5], color="#2c7bb6", label=text["median"])
            _clock_axis(ax, float(band.index.max() - band.index.min()))
        ax.axvline(result.deadline_min, color="#d7191c", ls="--",
                   label=text["deadline"].format(t=format_clock(result.deadline_min)))
        ax.axvline(result.arrival_min, color="grey", ls=":",
                   label=text["train"].format(t=format_clock(result.arrival_min)))
        ax.set_xlabel(text["clock"])
        ax.set_ylabel(text["checked_in"])
        ax.set_title(text["checkin_title"].format(n=result.replications))
        _legend_below(fig, ax)
    return fig


def crowd_chart(result: SimResult, lang: str = "zh") -> Chart:
    """People in the station over clock time: median and 5-95% band over replications, and replication 1."""
    text = labels(lang)
    with mpl.rc_context(rc(lang)):
        frame = result.crowd(step_min=1.0)
        fig = figure(lang, figsize=(10, 4.5), layout="constrained")
        ax = fig.add_subplot()
        if len(frame):
            band = _band(frame, "people")
            ax.fill_between(band.index, band[0.05], band[0.95], color="#fdae61", alpha=0.35, label=text["band"])
            ax.plot(band.index, band[0.5], color="#d7191c", label=text["median"])
            first = frame[frame["replication"] == frame["replication"].min()]
            ax.step(first["minutes"], first["people"], where="post", color="black", lw=0.8, alpha=0.6,
                    label=text["one_run"])
            _clock_axis(ax, float(band.index.max() - band.index.min()))
        ax.set_xlabel(text["clock"])
        ax.set_ylabel(text["people"])
        ax.set_title(text["crowd_title"].format(n=result.replications))
        _legend_below(fig, ax)
    return fig


def nights_chart(result: SimResult, lang: str = "zh") -> Chart:
    """The spread of the nights: a histogram of the last check-in, its 5%/50%/95% and the latest arrival."""
    text = labels(lang)
    with mpl.rc_context(rc(lang)):
        last = result.kpis["last_checkin_min"].to_numpy(dtype=float)
        last = last[np.isfinite(last)]
        fig = figure(lang, figsize=(10, 4.5), layout="constrained")
        ax = fig.add_subplot()
        if last.size:
            ax.hist(last, bins=min(40, max(5, last.size // 5)), color="#2c7bb6", alpha=0.7)
            for k, q in enumerate(np.quantile(last, [0.05, 0.5, 0.95])):
                ax.axvline(q, color="black", ls="-" if k == 1 else ":", lw=1,
                           label=text["median_night"] if k == 1 else text["quantiles"] if k == 0 else None)
            span = float(max(last.max(), result.deadline_min) - min(last.min(), result.deadline_min))
            _clock_axis(ax, max(span, 30.0))
        share = float((last > result.deadline_min).mean()) if last.size else float("nan")
        ax.axvline(result.deadline_min, color="#d7191c", ls="--",
                   label=text["deadline"].format(t=format_clock(result.deadline_min)) + "; "
                   + text["late_share"].format(t=format_clock(result.deadline_min), p=f"{share:.1%}"))
        ax.set_xlabel(text["last_checkin"])
        ax.set_ylabel(text["nights"])
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))  # nights are counted whole
        ax.set_title(text["nights_title"].format(n=result.replications))
        _legend_below(fig, ax)
    return fig


def save_charts(result: SimResult, out_dir: str | Path, lang: str = "zh", dpi: int = 120) -> list[Path]:
    """Write gantt.png, checkins.png, crowd.png and nights.png into ``out_dir`` atomically; returns their paths."""
    out = Path(out_dir)
    written = []
    for name, fig in (("gantt.png", gantt(result, 0, lang)), ("checkins.png", checkin_chart(result, lang)),
                      ("crowd.png", crowd_chart(result, lang)), ("nights.png", nights_chart(result, lang))):
        with mpl.rc_context(rc(lang)), atomic_path(out / name) as tmp:
            fig.savefig(tmp, format="png", dpi=dpi)
        written.append(out / name)
    return written
