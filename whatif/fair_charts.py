"""The Spring Wind charts: congestion of the recommendation lists before and after spreading, places filled per
district, and why posts stay open."""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd

from present.catalog import text
from present.figure import Chart, figure
from present.fonts import rc

WORDS = {
    "zh": {"cong": "推荐拥挤度：每个岗位出现在多少人的前 {k} 条推荐里", "plain": "按得分直接推荐",
           "spread": "按名额分散推荐", "share": "岗位占比（按曝光从多到少）", "exp": "曝光份额累计",
           "lorenz": "曝光集中曲线（基尼系数 {g1:.2f} → {g2:.2f}）", "hist": "岗位数", "times": "出现在推荐中的次数",
           "district": "各区市岗位名额与匹配人数", "places": "招聘名额", "filled": "已匹配", "why": "未招满岗位的原因",
           "posts": "岗位数"},
    "en": {"cong": "Congestion: in how many top-{k} lists each post appears", "plain": "plain scoring",
           "spread": "spread by places", "share": "share of posts (most shown first)", "exp": "cumulative share shown",
           "lorenz": "Concentration of exposure (Gini {g1:.2f} -> {g2:.2f})", "hist": "posts",
           "times": "times shown in lists", "district": "Places and matches per district", "places": "places",
           "filled": "matched", "why": "Why posts stay open", "posts": "posts"},
}
#: Size of the values written on bars: the size of the axes' tick labels. Smaller (8 pt at the pack's 110 dpi), the
#: rasteriser's hinting draws the digits of the vendored font like another (Latin) typeface.
VALUE_SIZE = 10
COLOURS = {"plain": "#c0504d", "spread": "#1f5fa8", "places": "#bcc6d6", "filled": "#1f5fa8"}


def congestion_chart(plain: np.ndarray, spread: np.ndarray, gini: tuple[float, float], k: int,
                     lang: str = "zh") -> Chart:
    """Exposure per post (in how many lists) before and after spreading: a histogram and a concentration curve."""
    w = WORDS[lang]
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 4.8), layout="constrained")
        left, right = fig.subplots(1, 2)
        for name, values in (("plain", plain), ("spread", spread)):
            left.hist(np.minimum(values, 20), bins=np.arange(0, 22), color=COLOURS[name], alpha=0.6, label=w[name])
            x = np.sort(values)[::-1]
            share = np.arange(1, len(x) + 1) / max(len(x), 1)
            right.plot(share, np.cumsum(x) / max(x.sum(), 1), color=COLOURS[name], label=w[name])
        left.set_xlabel(w["times"] + text("fair.chart.twenty_over", lang))
        left.set_ylabel(w["hist"])
        left.legend(frameon=False)
        right.plot([0, 1], [0, 1], color="#999999", linewidth=0.8, linestyle="--")
        right.set_xlabel(w["share"])
        right.set_ylabel(w["exp"])
        right.set_title(w["lorenz"].format(g1=gini[0], g2=gini[1]), fontsize=10)
        right.legend(frameon=False, loc="lower right")
        fig.suptitle(w["cong"].format(k=k))
    return fig


def district_chart(by_district: pd.DataFrame, names: dict[str, str], lang: str = "zh") -> Chart:
    """Places and matched seekers per district, as bars."""
    w = WORDS[lang]
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, 4.8), layout="constrained")
        ax = fig.add_subplot()
        t = by_district.sort_values("places", ascending=False)
        x = np.arange(len(t))
        ax.bar(x - 0.2, t["places"], width=0.4, color=COLOURS["places"], label=w["places"])
        ax.bar(x + 0.2, t["filled"], width=0.4, color=COLOURS["filled"], label=w["filled"])
        for i, (places, filled) in enumerate(zip(t["places"], t["filled"], strict=True)):
            ax.annotate(f"{filled / places:.0%}" if places else "", (i + 0.2, filled), ha="center", va="bottom",
                        fontsize=VALUE_SIZE)
        ax.set_xticks(x, [names.get(d, d) for d in t["district"]], rotation=20)
        ax.set_title(w["district"])
        ax.legend(frameon=False)
    return fig


def open_posts_chart(why: pd.Series, lang: str = "zh") -> Chart:
    """Posts with places left, by reason."""
    w = WORDS[lang]
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(9, 3.8), layout="constrained")
        ax = fig.add_subplot()
        counts = why[why != ""].value_counts().sort_values()
        ax.barh(np.arange(len(counts)), counts.to_numpy(), color=COLOURS["filled"])
        ax.set_yticks(np.arange(len(counts)), list(counts.index))
        for i, v in enumerate(counts.to_numpy()):
            ax.annotate(f"{v:,}", (v, i), xytext=(3, 0), textcoords="offset points", va="center", fontsize=VALUE_SIZE)
        ax.set_xlim(0, max(counts.max() if len(counts) else 0, 1) * 1.12)  # room for the longest bar's value
        ax.set_xlabel(w["posts"])
        ax.set_title(w["why"])
    return fig
