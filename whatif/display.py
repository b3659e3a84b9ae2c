"""Rich displays in Jupyter of sweeps and comparisons: options in words, KPIs in clock times and units, and the
options with no valid plan said as such instead of their numbers."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from present.catalog import text
from present.html import Page, display_lang
from present.kpis import format_difference, format_kpi, headline_order, kpi_label
from present.labels import words
from present.lang import of_pair

if TYPE_CHECKING:
    from whatif.compare import Comparison
    from whatif.sweep import SweepResult

#: The KPIs a sweep's display shows per option, in order.
SWEEP_KPIS = ("p95_checkin_min", "last_checkin_min", "share_by_deadline", "longest_wait_min", "coaches_used")


def sweep_table(result: SweepResult, lang: str = "zh", kpis: tuple[str, ...] = SWEEP_KPIS) -> pd.DataFrame:
    """One row per option: its words, the mean of each KPI as people read it, or why it has no valid plan."""
    summary = result.summary_table()
    means = summary.pivot(index="variant", columns="kpi", values="mean") if len(summary) else pd.DataFrame()
    shown = [k for k in kpis if k in means.columns] or list(kpis)
    rows = []
    for variant in result.variants:
        problem = result.problems.get(variant)
        if problem is None and variant in means.index:
            values = [format_kpi(k, means.loc[variant, k]) if k in means.columns else "-" for k in shown]
            note = ""
        else:
            values = ["—"] * len(shown)
            note = words("no_valid_plan", lang, why=problem.text(lang)) if problem is not None else ""
        rows.append([result.label(variant, lang), *values, note])
    columns = [words("option", lang), *(kpi_label(k, lang) for k in shown), words("note", lang)]
    table = pd.DataFrame(rows, columns=columns)
    return table if result.problems else table.iloc[:, :-1]


def sweep_html(result: SweepResult, lang: str | None = None) -> str:
    lang = lang or display_lang()
    reps = int(result.table["replication"].nunique()) if len(result.table) else 0
    page = Page(words("sweep_title", lang, k=len(result.variants), r=reps))
    table = sweep_table(result, lang)
    red = [v in result.problems for v in result.variants]
    return page.table(table, max_rows=60, red_rows=red, more=words("more_rows", lang, n="{n}")).render()


def _names(table: Comparison) -> tuple[str, str]:
    means = [c.removeprefix("mean_") for c in table.columns if c.startswith("mean_")]
    return (means[0], means[1]) if len(means) == 2 else ("A", "B")


def compare_table(table: Comparison, lang: str = "zh") -> pd.DataFrame:
    """The paired comparison as people read it: both means, the difference with its interval and unit, which
    option is better and how sure."""
    a, b = _names(table)
    shown = table.attrs.get("words", {})
    name = {v: of_pair(shown.get(v, (v, v)), lang) for v in (a, b)}
    rows = []
    for kpi in headline_order(list(table.index)):
        r = table.loc[kpi]
        diff = format_difference(kpi, r["diff"], lang)
        if pd.notna(r["diff_low"]) and r["diff_high"] - r["diff_low"] > 1e-9:
            low, high = (format_difference(kpi, r[c], lang, unit=False) for c in ("diff_low", "diff_high"))
            diff += text("compare.interval", lang, low=low, high=high)
        better = r["better"]
        better = (words("not_ranked", lang) if better == "n/a" else words("same", lang) if better == "same"
                  else name.get(better, better))
        rows.append([kpi_label(kpi, lang), format_kpi(kpi, r[f"mean_{a}"]), format_kpi(kpi, r[f"mean_{b}"]), diff,
                     better, f"{100 * r['confidence']:.0f}%"])
    return pd.DataFrame(rows, columns=[words("kpi", lang), name[a], name[b], words("difference", lang),
                                       words("better", lang), words("confidence", lang)])


def compare_html(table: Comparison, lang: str | None = None) -> str:
    lang = lang or display_lang()
    a, b = _names(table)
    shown = table.attrs.get("words", {})
    title = words("compare_title", lang, a=of_pair(shown.get(a, (a, a)), lang), b=of_pair(shown.get(b, (b, b)), lang))
    return Page(title).table(compare_table(table, lang), max_rows=40).render()
