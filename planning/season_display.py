"""A season's arrivals as people read them: the one table behind season.csv and the season's displays in Jupyter
(kinds of arrival, points and origins in words, clock times, shares as percentages, Chinese headers)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from present.columns import for_people
from present.html import Page, display_lang
from present.labels import place_name, words
from present.lang import named

if TYPE_CHECKING:
    from planning.season import SeasonPlan

#: How the columns of a season's arrival table are shown (``present.columns``).
KINDS = {"last_p50_min": "clock", "last_p95_min": "clock", "p_low": "share", "p_high": "share", "cost": "money"}


def arrivals_for_people(frame: pd.DataFrame, sp: SeasonPlan, lang: str = "zh") -> pd.DataFrame:
    """A table of arrivals (``SeasonPlan.table``, ``SeasonResult.per_night``) as people read it in ``lang``."""
    points = {n.arrival.point: named(n.scenario.station, lang) for n in sp.nights}
    return for_people(frame, lang, table="season", kinds=KINDS, words={
        "kind": "kind.", "point": lambda p: points.get(str(p), p), "origin": lambda o: place_name(str(o), lang)})


def season_plan_html(sp: SeasonPlan, lang: str | None = None) -> str:
    """Jupyter's display of a season plan: its summary, then one row per arrival."""
    lang = lang or display_lang()
    page = Page(sp.summary(lang))
    return page.table(arrivals_for_people(sp.table(), sp, lang), max_rows=60,
                      more=words("more_rows", lang, n="{n}")).render()
