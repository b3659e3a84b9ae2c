"""What-if charts: options side by side (the route map is ``planning.map.routes_map``)."""

from __future__ import annotations

from collections.abc import Mapping

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MultipleLocator, PercentFormatter

from present.catalog import text
from present.clock import format_clock
from present.figure import Chart, figure
from present.fonts import rc
from present.kpis import CLOCK_KPIS, KPI_LABELS, SHARE_KPIS, format_kpi


def _t(key: str, lang: str, **kw: object) -> str:
    return text(f"optionschart.{key}", lang, **kw)


def options_chart(
    summary: pd.DataFrame,
    kpis: list[str],
    lang: str = "zh",
    kpi_labels: dict[str, str] | None = None,
    *,
    variants: list[str] | None = None,
    names: Mapping[str, str] | None = None,
    invalid: Mapping[str, str] | None = None,
) -> Chart:
    """One panel per KPI: each variant's mean with its confidence interval, side by side.

    ``kpi_labels``: the panel titles by KPI (default: the registry's names in ``lang``). ``variants``: the rows, in
    order (default: as in ``summary``); ``names``: a variant's words for its row label; ``invalid``: variants with
    no valid plan, drawn with the words "无有效方案" / "no valid plan" instead of numbers.
    """
    with mpl.rc_context(rc(lang)):
        return _options_chart(summary, kpis, lang, kpi_labels or KPI_LABELS[lang], variants, names or {},
                              invalid or {})


def _clock_step(span: float) -> float:
    """A tick step in minutes that puts at most five ticks on ``span`` minutes (a panel is narrow)."""
    return next((step for step in (5, 10, 15, 30, 60, 120, 180, 360) if span / step <= 5), 720)


def _clock_axis(ax: Axes, low: np.ndarray, high: np.ndarray) -> None:
    """An x axis of clock times (HH:MM; minutes past 1440 are the next day) around the data, not from midnight."""
    values = np.concatenate([low, high])
    values = values[np.isfinite(values)]
    if not len(values):
        return
    lo, hi = float(values.min()), float(values.max())
    margin = max(5.0, 0.15 * (hi - lo))
    ax.set_xlim(lo - margin, hi + margin)
    ax.xaxis.set_major_locator(MultipleLocator(_clock_step(hi - lo + 2 * margin)))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: format_clock(x)))


def _options_chart(summary: pd.DataFrame, kpis: list[str], lang: str, kpi_labels: dict[str, str],
                   variants: list[str] | None, names: Mapping[str, str], invalid: Mapping[str, str]) -> Chart:
    order = variants if variants is not None else list(dict.fromkeys(summary["variant"]))
    fig = figure(lang, figsize=(4.5 * len(kpis), max(5.0, 1.5 + 0.45 * len(order))), layout="constrained")
    axes = fig.subplots(1, len(kpis), squeeze=False, sharey=True)[0]
    for ax, kpi in zip(axes, kpis, strict=True):
        rows = summary[summary["kpi"] == kpi].drop_duplicates("variant").set_index("variant").reindex(order)
        bad = np.array([v in invalid for v in order], dtype=bool)
        y = np.arange(len(order))
        mean = np.where(bad, np.nan, rows["mean"].to_numpy(dtype=float))
        low = np.where(np.isfinite(rows["ci_low"]), rows["ci_low"], mean)
        high = np.where(np.isfinite(rows["ci_high"]), rows["ci_high"], mean)
        low, high = np.where(bad, np.nan, low), np.where(bad, np.nan, high)
        err = np.nan_to_num(np.vstack([mean - low, high - mean]))
        clock = kpi in CLOCK_KPIS
        if clock:  # a clock time: a bar from midnight would hide hours of difference
            ax.errorbar(mean, y, xerr=err, fmt="o", color="C0", ecolor="C0", capsize=4, markersize=7)
            _clock_axis(ax, low, high)
        else:
            ax.barh(y, mean, xerr=err, color="C0", alpha=0.8, capsize=3)
            if kpi in SHARE_KPIS:
                ax.xaxis.set_major_formatter(PercentFormatter(xmax=1.0, decimals=0))
        for yi, value in zip(y, mean, strict=True):
            if np.isfinite(value):
                where = (
                    dict(xy=(value, yi), xytext=(0, 8), ha="center")
                    if clock
                    else dict(xy=(0, yi), xytext=(4, 0), ha="left", va="center", color="white")
                )
                ax.annotate(format_kpi(kpi, value), textcoords="offset points", fontsize=8, **where)
        for yi in y[bad]:
            ax.annotate(_t("no_plan", lang), xy=(0.02, yi), xycoords=ax.get_yaxis_transform(), va="center",
                        fontsize=8, color="#b30000")
        if ax is axes[0]:
            ax.set_yticks(y, [names.get(v, v) for v in order], fontsize=8)
        ax.set_ylim(len(order) - 0.5, -0.7)  # first variant on top, room for the value labels
        label = kpi_labels.get(kpi, kpi)
        ax.set_title(label, fontsize=10)
        ax.grid(axis="x", alpha=0.3)
    fig.suptitle(_t("options", lang, kpi=", ".join(kpi_labels.get(k, k) for k in kpis)))
    return fig
