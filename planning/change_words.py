"""Words of the change sheet and its terminal summary: ``change.<key>`` of the message catalog
(``present.catalog.changes``), in Chinese and English (``say(lang, key, ...)``)."""

from __future__ import annotations

from present.catalog import text
from present.lang import check_lang


def say(lang: str, key: str, **values: object) -> str:
    """The text of ``key`` in ``lang``, with its placeholders filled."""
    return text(f"change.{key}", check_lang(lang), **values)
