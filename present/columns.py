"""Tables for people: a machine table with its headers in their language, clock times, words and percentages.

The CSVs a planner opens in Excel (``fleet.csv``, ``season.csv``, ``kpis.csv``, ...) and the rich displays in Jupyter
are made from the same machine tables by ``for_people``; ``csv_table`` is what the CSV holds: in Chinese the table
for people (written with a UTF-8 BOM, so Excel on Chinese Windows reads it), in English (``lang="en"``) the machine
table as it is, its column names and minutes from midnight kept for programs that read the file back.

A column's header is the KPI's name where it is a KPI (``present.kpis``), else ``col.<table>.<column>`` or
``col.<column>`` of the catalog. How a value is shown (``kind``) is the KPI's kind, or given per column:
``clock`` (minutes from midnight: ``23:41``, ``次日 01:26``), ``share`` (``98.6%``), ``minutes`` (one decimal),
``count`` and ``money`` (whole numbers); a yes/no column is 是/否; ``words`` maps a column's values to words.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

import pandas as pd

from present.catalog import CATALOG, text
from present.clock import format_clock
from present.kpis import KPIS, kpi_label
from present.lang import check_lang

#: A column's values as words: a function of the value, or a catalog namespace (``"verdict."``: ``verdict.<value>``).
Words = Callable[[object], str] | str


def header(column: str, lang: str = "zh", table: str | None = None, names: Mapping[str, str] | None = None) -> str:
    """A column's header in ``lang``: ``names`` first, then the KPI's name, the table's own key, the shared key."""
    if names and column in names:
        return names[column]
    if column in KPIS:
        return kpi_label(column, lang)
    for key in (f"col.{table}.{column}", f"col.{column}"):
        if key in CATALOG:
            return text(key, check_lang(lang))
    return column


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT


def show(value: object, kind: str | None, lang: str = "zh") -> object:
    """One value as people read it (``kind`` as in the module's notes); a missing value is empty."""
    if _missing(value):
        return ""
    if isinstance(value, bool):
        return text("word.yes" if value else "word.no", lang)
    if kind == "clock":
        return format_clock(float(value), with_day=True, lang=lang)
    if kind == "share":
        return f"{100 * float(value):.1f}%"
    if kind == "minutes":
        return round(float(value), 1)
    if kind in ("count", "money"):
        return round(float(value))
    if isinstance(value, float):
        return round(value, 2)
    return value


def _worder(words: Words, lang: str) -> Callable[[object], object]:
    if callable(words):
        return words

    def by_key(value: object) -> object:
        key = f"{words}{value}"
        return text(key, lang) if key in CATALOG else value

    return by_key


def for_people(frame: pd.DataFrame, lang: str = "zh", *, table: str | None = None,
               kinds: Mapping[str, str] | None = None, words: Mapping[str, Words] | None = None,
               names: Mapping[str, str] | None = None, drop: tuple[str, ...] = ()) -> pd.DataFrame:
    """``frame`` as people read it in ``lang``: headers (``header``), values by their kind or as words.

    ``kinds`` and ``words`` are per column; ``names`` gives headers that depend on the data (a coach type's name);
    ``drop`` leaves columns out (text only a program reads)."""
    check_lang(lang)
    kinds, words = dict(kinds or {}), dict(words or {})
    out = {}
    for col in frame.columns:
        if col in drop:
            continue
        values = frame[col]
        if col in words:
            turn = _worder(words[col], lang)
            shown = [("" if _missing(v) else turn(v)) for v in values]
        else:
            kind = kinds.get(col) or (KPIS[col].kind if col in KPIS else None)
            shown = [show(v.item() if hasattr(v, "item") else v, kind, lang) for v in values]
        out[header(col, lang, table, names)] = shown
    return pd.DataFrame(out, index=frame.index)


#: How the values of a KPI summary (``sim.kpis.summarize``) are shown: these columns in the KPI's own kind.
SUMMARY_VALUES = ("mean", "ci_low", "ci_high", "p5", "p50", "p95", "min", "max")


def kpi_summary_for_people(summary: pd.DataFrame, lang: str = "zh") -> pd.DataFrame:
    """A KPI summary (one row per KPI: mean, interval, spread) as people read it: each row in its KPI's kind
    (clock times, percentages; a mean count with one decimal, the spread of a clock time in minutes), the KPI by
    its name, its meaning in ``lang`` (``kpi.<key>.doc`` of the catalog)."""
    rows = []
    for r in summary.to_dict("records"):
        kind = KPIS[r["kpi"]].kind if r["kpi"] in KPIS else None
        row = {"kpi": kpi_label(r["kpi"], lang)}
        row |= {c: show(r[c], kind, lang) for c in (*SUMMARY_VALUES, "std") if c in r}
        for c in ("mean", "ci_low", "ci_high", "std"):  # a mean count has a decimal; a clock's spread is minutes
            if c in r and (kind == "count" or (c == "std" and kind == "clock")):
                row[c] = show(r[c], "minutes", lang)
        if "n" in r:
            row["n"] = show(r["n"], "count", lang)
        if "meaning" in r:
            row["meaning"] = KPIS[r["kpi"]].meaning(lang) if r["kpi"] in KPIS else r["meaning"]
        rows.append(row)
    order = [c for c in summary.columns if c in rows[0]] if rows else []
    return pd.DataFrame(rows, columns=order).rename(columns=lambda c: header(c, lang))


def csv_table(frame: pd.DataFrame, lang: str = "zh", **how: object) -> pd.DataFrame:
    """What a CSV holds: the table for people in Chinese (``for_people`` with ``how``), the machine table as it is in
    English. Write it with ``scenarios.writers.write_csv(..., encoding="utf-8-sig")`` (the BOM Excel needs)."""
    return frame if check_lang(lang) == "en" else for_people(frame, lang, **how)  # type: ignore[arg-type]
