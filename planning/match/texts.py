"""The words of the Spring Wind match (summaries, reasons, why not, table headers): ``match.<key>`` and
``col.match.<column>`` of the message catalog (``present.catalog.match``), in Chinese and English.

``say(lang, key, **values)`` formats one. Reasons are joined with ``sep(lang)``.
"""

from __future__ import annotations

from present.catalog import CATALOG, text
from present.lang import check_lang


def say(lang: str, key: str, **values: object) -> str:
    """The text of ``match.<key>`` in ``lang``, formatted."""
    return text(f"match.{key}", check_lang(lang), **values)


def header(column: str, lang: str) -> str:
    """A table's column as people read it in ``lang`` (a column without a header as it is)."""
    key = f"col.match.{column}"
    return text(key, check_lang(lang)) if key in CATALOG else column


def sep(lang: str) -> str:
    """Between reasons."""
    return text("sep.semi", lang)
