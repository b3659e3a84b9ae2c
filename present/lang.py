"""The languages people read: Chinese first (``zh``), English as an option (``en``); one check used everywhere."""

from __future__ import annotations

from present.errors import ScenarioError

#: The languages of every chart, table, workbook and message; the first is the default.
LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = LANGS[0]


def check_lang(lang: object, field: str = "lang") -> str:
    """``lang`` when it is one of ``LANGS``, else a ScenarioError naming ``field`` and the choices."""
    if not isinstance(lang, str) or lang not in LANGS:
        raise ScenarioError(f"unknown language {lang!r}.", field=field, fix="use 'zh' (Chinese) or 'en' (English).")
    return lang


def pick(lang: str, zh: str, en: str) -> str:
    """``zh`` or ``en`` for ``lang`` (checked)."""
    return zh if check_lang(lang) == "zh" else en
