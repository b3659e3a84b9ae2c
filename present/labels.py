"""Words for people in Chinese and English: table columns, the workbook's words and reason codes, the displays'
phrases (all from the catalog: ``col.*``, ``label.*``, ``display.*``), and the names of places, genders and job types
the bundled data uses."""

from __future__ import annotations

import math
import re

from present.catalog import CATALOG, Msg
from present.catalog import LANGS as CATALOG_LANGS
from present.catalog import text as catalog_text
from present.lang import LANGS, check_lang, named

#: The origin counties of the bundled scenarios (Dingxi's seven; ../shared/facts/places.csv): roster id -> names.
COUNTIES: dict[str, tuple[str, str]] = {
    "anding": ("安定区", "Anding"),
    "tongwei": ("通渭县", "Tongwei"),
    "longxi": ("陇西县", "Longxi"),
    "weiyuan": ("渭源县", "Weiyuan"),
    "lintao": ("临洮县", "Lintao"),
    "zhang": ("漳县", "Zhang"),
    "min": ("岷县", "Min"),
}


def county_name(county: object, lang: str = "zh") -> str:
    """A county's name for people; an id not listed in ``COUNTIES`` is shown as written in the roster."""
    names = COUNTIES.get(str(county))
    return str(county) if names is None else names[LANGS.index(lang)]


#: A worker's gender as the roster codes it (``scenarios.values``): code -> names.
GENDERS: dict[str, tuple[str, str]] = {"M": ("男", "M"), "F": ("女", "F")}

#: The job types (skills) of the bundled scenarios, used where a scenario's own ``jobs`` names are not at hand.
JOBS: dict[str, tuple[str, str]] = {
    "general": ("普工", "General worker"),
    "operator": ("操作工", "Machine operator"),
    "technician": ("技术工", "Technician"),
}


def gender_name(code: object, lang: str = "zh") -> str:
    """'M' / 'F' as 男 / 女 in Chinese (kept in English); anything else as written."""
    if isinstance(code, str) and code in GENDERS:
        return GENDERS[code][LANGS.index(lang)]
    return "" if code is None or (isinstance(code, float) and math.isnan(code)) else str(code)


def coach_type_name(coach: object, lang: str = "zh") -> str:
    """A coach type (``scenarios.model.CoachType``) as people name it, with its seats when its name lacks them
    ("53座大巴", "53-seat coach")."""
    name = named(coach, lang)
    if str(getattr(coach, "seats", "")) in name:
        return name
    return catalog_text("fleet.seated", lang, seats=coach.seats, name=name)  # type: ignore[attr-defined]


def job_name(job: object, lang: str = "zh") -> str:
    """A job type's name for people ('general' is 普工 / General worker); an unknown key as written."""
    names = JOBS.get(str(job))
    return str(job) if names is None else names[LANGS.index(lang)]


_CJK = re.compile(r"[\u2e80-\u9fff\u3000-\u303f\uf900-\ufaff\uff00-\uffef]+")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z.'-]*")


def place_name(text: str, lang: str) -> str:
    """A place name as data often holds it ("定西 Dingxi") in one language: "定西" in Chinese, "Dingxi" in English.

    A name in one script only is shown as written."""
    text = str(text)
    if lang != "en":
        chinese = " ".join(w for w in text.split() if not _LATIN_WORD.fullmatch(w))
        return chinese if _CJK.search(chinese) else text
    latin = " ".join(re.sub(r"\(\s*\)", " ", _CJK.sub(" ", text)).split())
    return latin if re.search(r"[A-Za-z]", latin) else text


def label(key: str, lang: str = "zh") -> str:
    """The label of ``key`` in ``lang`` ('zh' or 'en'): a column's header (``col.<key>`` of the catalog), a word of
    the workbook (``label.<key>``); the key itself when there is none."""
    column = CATALOG_LANGS.index(check_lang(lang))
    for name in (f"col.{key}", f"label.{key}"):
        if name in CATALOG:
            return CATALOG[name][column]  # as written: a label with placeholders is filled by its caller
    return key


def reason_text(reason: object, lang: str = "zh") -> str:
    """A worker's reason in ``lang``: reason codes ('returning;skill') as words; a message (why a worker is not
    placed, ``present.catalog.placement``) rendered; anything else (a plan's own words, edited by hand) as written."""
    if isinstance(reason, Msg):
        return reason.render(check_lang(lang))
    codes = [c for c in str(reason).split(";") if c]
    if codes and all(f"label.code_{c}" in CATALOG for c in codes):
        return catalog_text("sep.list", lang).join(label(f"code_{c}", lang) for c in codes)
    return "" if reason is None or (isinstance(reason, float) and math.isnan(reason)) else str(reason)


def words(key: str, lang: str = "zh", **kw: object) -> str:
    """A phrase of the rich displays (``display.<key>`` of the catalog) in ``lang``, with its placeholders filled."""
    return catalog_text(f"display.{key}", check_lang(lang), **kw)
