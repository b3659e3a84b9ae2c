"""Every line the record readers say, in English and Chinese, keyed: ``say(key, lang, **params)``."""

from __future__ import annotations

from present.catalog import text

#: The record readers' lines live in the one catalog (``present.catalog.records``), keyed ``records.<key>``.


def say(key: str, lang: str = "en", **params: object) -> str:
    """The line ``records.<key>`` of the catalog in ``lang`` (zh or en); a parameter ``x_zh`` falls back to ``x``."""
    return text(f"records.{key}", lang, **params)
