"""The rich display of a SimResult in Jupyter: the KPIs that matter first, clock times, the spread over nights."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from present.clock import format_clock
from present.html import Page, display_lang
from present.kpis import format_kpi, headline_order, kpi_label
from present.labels import words

if TYPE_CHECKING:
    from sim.result import SimResult


def kpi_display_table(result: SimResult, lang: str = "zh") -> pd.DataFrame:
    """Per KPI, as people read it: name, mean, 95% interval of the mean, and the 5/50/95% spread over the nights."""
    summary = result.kpi_table().set_index("kpi")
    rows = []
    for kpi in headline_order(list(summary.index)):
        s = summary.loc[kpi]
        values = result.kpis[kpi].to_numpy(dtype=float) if kpi in result.kpis.columns else np.array([])
        values = values[np.isfinite(values)]
        spread = " / ".join(format_kpi(kpi, q) for q in np.quantile(values, [0.05, 0.5, 0.95])) if len(values) else "-"
        ci = f"{format_kpi(kpi, s['ci_low'])} – {format_kpi(kpi, s['ci_high'])}" if np.isfinite(s["ci_low"]) else "-"
        rows.append((kpi_label(kpi, lang), format_kpi(kpi, s["mean"]), ci, spread))
    return pd.DataFrame(rows, columns=[words("kpi", lang), words("mean", lang), words("ci", lang),
                                       words("spread", lang)])


def sim_html(result: SimResult, lang: str | None = None) -> str:
    """HTML for Jupyter: what was simulated, when the train is due and the deadline, then the KPI table."""
    lang = lang or display_lang()
    page = Page(words("sim_title", lang, scenario=result.scenario_name, n=result.replications, seed=result.seed))
    page.facts([(words("train_due", lang), format_clock(result.arrival_min)),
                (words("latest_arrival", lang), format_clock(result.deadline_min))])
    page.table(kpi_display_table(result, lang), max_rows=40)
    return page.render()
