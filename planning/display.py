"""The rich display of a Plan in Jupyter: the figures that matter first, then the coach trips in clock times."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from present.catalog import rendered
from present.clock import format_clock
from present.html import Page, display_lang
from present.labels import label, words

if TYPE_CHECKING:
    from planning.plan import Plan


def coach_table(plan: Plan, lang: str = "zh") -> pd.DataFrame:
    """One row per coach trip, as people read it: departure and last arrival as ``HH:MM``, labelled columns, the
    coach type by its name where the plan was made here (``planning.make``)."""
    c = plan.coaches
    names = plan.routes.attrs.get("coach_types", {}) if plan.routes is not None else {}
    return pd.DataFrame({
        label("coach_id", lang): c["coach_id"],
        label("coach_type", lang): [names.get(t, {}).get(lang, t) for t in c["coach_type"]],
        label("trip", lang): c["trip"].astype(int),
        label("depart", lang): [format_clock(v) for v in c["depart_min"]],
        label("stops", lang): c["stops"].astype(int),
        label("workers", lang): c["workers"].astype(int),
        label("last_arrive", lang): [format_clock(v) for v in c["last_arrive_min"]],
        label("km", lang): [f"{v:.1f}" for v in c["km"]],
    })


def plan_html(plan: Plan, lang: str | None = None) -> str:
    """HTML for Jupyter: workers placed and not placed, coaches and trips, first departure and last arrival."""
    lang = lang or display_lang()
    placed, unplaced = len(plan.placed), len(plan.unplaced)
    routed = plan.routes is not None
    page = Page(words("plan_title" if routed else "plan_unrouted", lang))
    facts: list[tuple[str, object]] = [
        (words("workers_total", lang), len(plan.placement)),
        (words("placed_unplaced", lang), f"{placed} / {unplaced}"),
        (words("enterprises_served", lang), plan.placed["enterprise_id"].nunique()),
    ]
    if routed:
        c = plan.coaches
        riders = int(c["workers"].sum()) if len(c) else 0
        facts.append((words("coaches_trips", lang), words("coaches_trips_value", lang, coaches=c["coach_id"].nunique(),
                                                          trips=len(c), workers=riders)))
        if placed > riders:
            facts.append((words("own_pickup", lang), placed - riders))
        if len(c):
            facts.append((words("first_depart_last_arrive", lang),
                          f"{format_clock(c['depart_min'].min())} / {format_clock(c['last_arrive_min'].max())}"))
            facts.append((words("total_km", lang), f"{c['km'].sum():.0f} km"))
    page.facts(facts).warnings([rendered(w, lang) for w in plan.warnings])
    if routed and len(plan.coaches):
        page.table(coach_table(plan, lang), words("coach_table", lang), more=words("more_rows", lang, n="{n}"))
    if unplaced:
        from present.labels import reason_text

        table = pd.DataFrame({label("worker_id", lang): plan.unplaced.index.astype(str),
                              label("reason", lang): [reason_text(r, lang) for r in plan.unplaced["reason"]]})
        page.table(table, words("unplaced_table", lang), max_rows=10, more=words("more_rows", lang, n="{n}"))
    return page.render()
