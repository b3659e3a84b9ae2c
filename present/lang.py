"""The languages people read: Chinese first (``zh``), English as an option (``en``); one check used everywhere."""

from __future__ import annotations

from present.errors import ScenarioError

#: The languages of every chart, table, workbook and message; the first is the default.
LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = LANGS[0]


def check_lang(lang: object, field: str = "lang") -> str:
    """``lang`` when it is one of ``LANGS``, else a ScenarioError naming ``field`` and the choices."""
    if not isinstance(lang, str) or lang not in LANGS:
        raise ScenarioError("lang.unknown", field=field, lang=repr(lang))
    return lang


def of_pair(pair: tuple[str, str] | list[str], lang: str) -> str:
    """The text for ``lang`` of a (Chinese, English) pair of a word table."""
    return pair[LANGS.index(check_lang(lang))]


def named(obj: object, lang: str, field: str = "name") -> str:
    """An object's own name in ``lang``: its ``name_zh`` or ``name_en`` (the data's words, not the catalog's)."""
    return str(getattr(obj, f"{field}_{check_lang(lang)}"))


def column(lang: str, field: str = "name") -> str:
    """The column of a table that holds ``field`` in ``lang``: 'name_zh' or 'name_en'."""
    return f"{field}_{check_lang(lang)}"
