"""The Spring Wind charts: congestion of the recommendation lists before and after spreading, places filled per
district, and why posts stay open. Their words are ``fair.chart.<key>`` of the message catalog."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd

from present.catalog import text
from present.figure import Chart, figure
from present.fonts import rc

#: Size of the values written on bars: the size of the axes' tick labels. Smaller (8 pt at the pack's 110 dpi), the
#: rasteriser's hinting draws the digits of the vendored font like another (Latin) typeface.
VALUE_SIZE = 10
COLOURS = {"plain": "#c0504d", "spread": "#1f5fa8", "places": "#bcc6d6", "filled": "#1f5fa8"}


def congestion_chart(plain: np.ndarray, spread: np.ndarray, gini: tuple[float, float], k: int,
                     lang: str = "zh") -> Chart:
    """Exposure per post (in how many lists) before and after spreading: a histogram and a concentration curve."""
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 4.8), layout="constrained")
        left, right = fig.subplots(1, 2)
        for name, values in (("plain", plain), ("spread", spread)):
            label = text(f"fair.chart.{name}", lang)
            left.hist(np.minimum(values, 20), bins=np.arange(0, 22), color=COLOURS[name], alpha=0.6, label=label)
            x = np.sort(values)[::-1]
            share = np.arange(1, len(x) + 1) / max(len(x), 1)
            right.plot(share, np.cumsum(x) / max(x.sum(), 1), color=COLOURS[name], label=label)
        left.set_xlabel(text("fair.chart.times", lang) + text("fair.chart.twenty_over", lang))
        left.set_ylabel(text("fair.chart.hist", lang))
        left.legend(frameon=False)
        right.plot([0, 1], [0, 1], color="#999999", linewidth=0.8, linestyle="--")
        right.set_xlabel(text("fair.chart.share", lang))
        right.set_ylabel(text("fair.chart.exp", lang))
        right.set_title(text("fair.chart.lorenz", lang, g1=gini[0], g2=gini[1]), fontsize=10)
        right.legend(frameon=False, loc="lower right")
        fig.suptitle(text("fair.chart.cong", lang, k=k))
    return fig


def district_chart(by_district: pd.DataFrame, names: dict[str, str], lang: str = "zh") -> Chart:
    """Places and matched seekers per district, as bars."""
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 4.8), layout="constrained")
        ax = fig.add_subplot()
        t = by_district.sort_values("places", ascending=False)
        x = np.arange(len(t))
        ax.bar(x - 0.2, t["places"], width=0.4, color=COLOURS["places"], label=text("fair.chart.places", lang))
        ax.bar(x + 0.2, t["filled"], width=0.4, color=COLOURS["filled"], label=text("fair.chart.filled", lang))
        for i, (places, filled) in enumerate(zip(t["places"], t["filled"], strict=True)):
            ax.annotate(f"{filled / places:.0%}" if places else "", (i + 0.2, filled), ha="center", va="bottom",
                        fontsize=VALUE_SIZE)
        ax.set_xticks(x, [names.get(d, d) for d in t["district"]], rotation=20)
        ax.set_title(text("fair.chart.district", lang))
        ax.legend(frameon=False)
    return fig


def open_posts_chart(why: pd.Series, lang: str = "zh") -> Chart:
    """Posts with places left, by reason."""
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(9, 3.8), layout="constrained")
        ax = fig.add_subplot()
        counts = why[why != ""].value_counts().sort_values()
        ax.barh(np.arange(len(counts)), counts.to_numpy(), color=COLOURS["filled"])
        ax.set_yticks(np.arange(len(counts)), list(counts.index))
        for i, v in enumerate(counts.to_numpy()):
            ax.annotate(f"{v:,}", (v, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=VALUE_SIZE)
        ax.set_xlim(0, max(counts.max() if len(counts) else 0, 1) * 1.12)  # room for the longest bar's value
        ax.set_xlabel(text("fair.chart.posts", lang))
        ax.set_title(text("fair.chart.why", lang))
    return fig
