"""Small HTML displays for Jupyter (``_repr_html_``): a title, the few figures that matter, then tables.

Every text is escaped; tables are given already formatted (clock times, percentages, words), so what the planner
sees is what a printed table would say. No template engine is needed.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from present.lang import check_lang

_lang = "zh"

STYLE = (
    "font-family:'Noto Sans SC','Microsoft YaHei','PingFang SC',sans-serif;font-size:13px;line-height:1.45;"
)
_TABLE = "border-collapse:collapse;margin:4px 0 10px 0;"
_CELL = "padding:2px 10px;border-bottom:1px solid #ddd;text-align:left;"
_HEAD = _CELL + "border-bottom:2px solid #888;font-weight:600;"
_WARN = "color:#b30000;font-weight:600;"


def set_display_lang(lang: str) -> None:
    """The language of the rich displays in this session (``'zh'`` by default, or ``'en'``)."""
    global _lang
    _lang = check_lang(lang)


def display_lang() -> str:
    """The language of the rich displays (see ``set_display_lang``)."""
    return _lang


def esc(value: object) -> str:
    return html.escape(str(value))


@dataclass
class Page:
    """An HTML display built part by part: ``Page(title).facts(...).table(...).render()``."""

    title: str
    parts: list[str] = field(default_factory=list)

    def facts(self, items: Iterable[tuple[str, object]]) -> Page:
        """Key figures as a two-column list (label, value)."""
        rows = "".join(f"<tr><td style='{_CELL}color:#555'>{esc(k)}</td><td style='{_CELL}font-weight:600'>"
                       f"{esc(v)}</td></tr>" for k, v in items)
        if rows:
            self.parts.append(f"<table style='{_TABLE}'>{rows}</table>")
        return self

    def warnings(self, lines: Iterable[str]) -> Page:
        """Lines shown in red (a variant with no valid plan, a deadline not met)."""
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        if items:
            self.parts.append(f"<ul style='{_WARN}margin:2px 0 8px 0'>{items}</ul>")
        return self

    def note(self, text: str) -> Page:
        self.parts.append(f"<div style='color:#555;margin:2px 0 6px 0'>{esc(text)}</div>")
        return self

    def table(self, frame: pd.DataFrame, caption: str | None = None, max_rows: int = 30,
              more: str = "… {n} more rows", index: bool = False, red_rows: Sequence[bool] | None = None) -> Page:
        """A table of already formatted values; at most ``max_rows`` rows shown, the rest counted."""
        shown = frame if index is False else frame.reset_index()
        cols = list(shown.columns)
        head = "".join(f"<th style='{_HEAD}'>{esc(c)}</th>" for c in cols)
        body = []
        for i, row in enumerate(shown.head(max_rows).itertuples(index=False)):
            style = _WARN if red_rows is not None and red_rows[i] else ""
            cells = "".join(f"<td style='{_CELL}{style}'>{esc(v)}</td>" for v in row)
            body.append(f"<tr>{cells}</tr>")
        cap = f"<div style='font-weight:600;margin-top:6px'>{esc(caption)}</div>" if caption else ""
        rest = len(shown) - max_rows
        tail = f"<div style='color:#555'>{esc(more.format(n=rest))}</div>" if rest > 0 else ""
        self.parts.append(f"{cap}<table style='{_TABLE}'><thead><tr>{head}</tr></thead>"
                          f"<tbody>{''.join(body)}</tbody></table>{tail}")
        return self

    def render(self) -> str:
        return (f"<div style=\"{STYLE}\"><div style='font-size:15px;font-weight:700;margin-bottom:4px'>"
                f"{esc(self.title)}</div>{''.join(self.parts)}</div>")


@dataclass
class Table:
    """A table already formatted for people (``present.columns.for_people``), shown in Jupyter as the other displays
    are: its headers and cells, no row numbers. ``frame`` is the table itself."""

    frame: pd.DataFrame
    title: str = ""

    def _repr_html_(self) -> str:
        return Page(self.title).table(self.frame, max_rows=max(len(self.frame), 1)).render()
