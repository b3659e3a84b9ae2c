"""Every word the review and calibration packs show people: ``review.<key>`` of the message catalog
(``present.catalog.review``), in Chinese and English: ``word(lang, key)``."""

from __future__ import annotations

from present.catalog import CATALOG, text
from present.lang import check_lang


def word(lang: str, key: str, **values: object) -> str:
    """The text of ``review.<key>`` in ``lang`` ("zh" or "en"), formatted with ``values``."""
    return text(f"review.{key}", check_lang(lang), **values)


def header(lang: str, column: str) -> str:
    """A table column as people read it: ``roads:<district>`` becomes "道路：黄岛" (district id kept)."""
    if column.startswith("roads:"):
        return word(lang, "roads", d=column.split(":", 1)[1])
    return word(lang, column) if f"review.{column}" in CATALOG else column
