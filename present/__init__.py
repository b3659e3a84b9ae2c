"""Presentation, the bottom of the house: languages, words, the KPI registry, fonts, clock times, chart figures.

Every layer (``scenarios``, ``planning``, ``sim``, ``whatif``) may import it; it imports none of them.

    from present import check_lang, format_clock, kpi_label, format_kpi
    format_clock(1518.76)                      # '01:19'
    kpi_label("p95_checkin_min", "zh")         # '95% 入住'
"""

from present.clock import format_clock
from present.errors import ScenarioError
from present.kpis import KPIS, Kpi, format_kpi, kpi_label, kpi_table
from present.labels import label
from present.lang import DEFAULT_LANG, LANGS, check_lang

__all__ = [
    "DEFAULT_LANG",
    "KPIS",
    "LANGS",
    "Kpi",
    "ScenarioError",
    "check_lang",
    "format_clock",
    "format_kpi",
    "kpi_label",
    "kpi_table",
    "label",
]
