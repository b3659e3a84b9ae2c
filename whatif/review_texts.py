"""Every word the review and calibration packs show people: ``review.<key>`` of the message catalog
(``present.catalog.review``), in Chinese and English: ``word(lang, key)``."""

from __future__ import annotations

from collections.abc import Mapping

from present.catalog import CATALOG, text
from present.lang import check_lang


def word(lang: str, key: str, **values: object) -> str:
    """The text of ``review.<key>`` in ``lang`` ("zh" or "en"), formatted with ``values``."""
    return text(f"review.{key}", check_lang(lang), **values)


def header(lang: str, column: str, districts: Mapping[str, str] | None = None) -> str:
    """A table column as people read it: ``roads:<district>`` becomes "道路：黄岛区（西海岸新区）" with the district's
    name from ``districts`` (id -> name; an id not there is kept)."""
    if column.startswith("roads:"):
        ident = column.split(":", 1)[1]
        return word(lang, "roads", d=(districts or {}).get(ident, ident))
    return word(lang, column) if f"review.{column}" in CATALOG else column
