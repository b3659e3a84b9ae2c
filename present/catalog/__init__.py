"""One catalog of every message a person reads: a key with its English and Chinese text and the same placeholders.

Each entry is ``key: (English, Chinese)``, formatted with named parameters; the language is chosen at the edge (the
terminal, the notebook, the file) by ``Msg.render(lang)`` or ``text(key, lang, **params)``. A parameter may itself be a
``Msg`` (a hint, an inner message, a word): it is rendered in the same language. A parameter ``x_zh`` is used by the
Chinese text where given and falls back to ``x``. The entries live in topic modules beside this one; ``CATALOG`` is
their union (a key defined twice is an error at import).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from present.catalog import (
    args,
    changes,
    charts,
    cli_help,
    columns,
    commands,
    common,
    cover,
    kpis,
    labels,
    limits,
    match,
    outdir,
    placement,
    planning,
    planning_words,
    records,
    review,
    revision,
    scenario,
    season,
    season_words,
    sim,
    sim_summary,
    tables,
    template,
    whatif,
)

LANGS = ("en", "zh")


def _merge(*parts: Mapping[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    out: dict[str, tuple[str, str]] = {}
    for part in parts:
        for key, pair in part.items():
            if key in out:
                raise RuntimeError(f"message key {key!r} is defined twice")
            out[key] = pair
    return out


#: Every key of every message: ``key: (English, Chinese)``.
CATALOG: dict[str, tuple[str, str]] = _merge(
    common.TEXTS, scenario.TEXTS, tables.TEXTS, season.TEXTS, planning.TEXTS, placement.TEXTS, sim.TEXTS,
    whatif.TEXTS, args.TEXTS, outdir.TEXTS, records.TEXTS, cli_help.TEXTS, columns.TEXTS, kpis.TEXTS,
    match.TEXTS, review.TEXTS, cover.TEXTS, template.TEXTS, limits.TEXTS,
    commands.TEXTS, changes.TEXTS, labels.TEXTS, charts.TEXTS, revision.TEXTS,
    planning_words.TEXTS, season_words.TEXTS, sim_summary.TEXTS,
)


def _value(value: Any, lang: str) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, list | tuple) and value and all(isinstance(v, Msg) for v in value):
        return text("sep.semi", lang).join(v.render(lang) for v in value)
    return value


def text(key: str, lang: str = "en", /, **params: Any) -> str:
    """The text of ``key`` in ``lang`` ('en' or 'zh'), with ``params`` filled in."""
    en, zh = CATALOG[key]
    values = {name: _value(v, lang) for name, v in params.items()}
    if lang == "zh":
        for name in params:
            values.setdefault(f"{name}_zh", values[name])
        template = zh
    else:
        template = en
    return template.format(**values)


class Msg(str):
    """A message with its key and parameters: as a string it is the English text; ``render('zh')`` is Chinese."""

    key: str
    params: dict[str, Any]

    def __new__(cls, key: str, /, **params: Any) -> Msg:
        if key not in CATALOG:
            raise KeyError(f"no message {key!r} in the catalog")
        self = super().__new__(cls, text(key, "en", **params))
        self.key = key
        self.params = params
        return self

    def render(self, lang: str = "en") -> str:
        """The message in ``lang``."""
        return text(self.key, lang, **self.params)

    def __repr__(self) -> str:
        return f"Msg({self.key!r}, **{self.params!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self.key, self.params))

    def to_json(self) -> dict[str, Any]:
        """``{"key": ..., "params": {...}}`` with every parameter as plain JSON (inner messages nested)."""
        return {"key": self.key, "params": {k: _json(v) for k, v in self.params.items()}}

    @classmethod
    def from_json(cls, data: Any) -> Msg | str:
        """The message stored by ``to_json`` (a plain string is returned as it is)."""
        if isinstance(data, str):
            return data
        if not isinstance(data, dict) or data.get("key") not in CATALOG or not isinstance(data.get("params", {}), dict):
            raise ValueError(f"not a stored message: {str(data)[:60]}")
        try:
            return cls(data["key"], **{str(k): _unjson(v) for k, v in data.get("params", {}).items()})
        except (KeyError, IndexError, TypeError, ValueError) as exc:
            raise ValueError(f"message {data['key']!r} with other parameters ({exc})") from None


def _rebuild(key: str, params: dict[str, Any]) -> Msg:
    return Msg(key, **params)


def _json(value: Any) -> Any:
    if isinstance(value, Msg):
        return {"msg": value.to_json()}
    if isinstance(value, list | tuple):
        return [_json(v) for v in value]
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def _unjson(value: Any) -> Any:
    if isinstance(value, dict) and "msg" in value:
        return Msg.from_json(value["msg"])
    if isinstance(value, list):
        return [_unjson(v) for v in value]
    return value


def words(prefix: str, lang: str) -> dict[str, str]:
    """The texts of the keys under ``prefix`` in ``lang`` by their short keys, as written (their callers fill the
    placeholders): the word table of a module whose words live in the catalog (``words("chart.", "zh")["clock"]``)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}")
    column = LANGS.index(lang)
    return {key[len(prefix):]: pair[column] for key, pair in CATALOG.items() if key.startswith(prefix)}


def rendered(value: Msg | str, lang: str) -> str:
    """``value`` in ``lang``: a message rendered, a plain string (a name from the data) as it is."""
    return value.render(lang) if isinstance(value, Msg) else str(value)


def placeholders(template: str) -> set[str]:
    """The names of the placeholders in ``template`` (``{name}``, ``{name:,}``, ``{name!r}``)."""
    import string

    return {name.split(".")[0].split("[")[0] for _, name, _, _ in string.Formatter().parse(template) if name}


__all__ = ["CATALOG", "LANGS", "Msg", "placeholders", "rendered", "text", "words"]
