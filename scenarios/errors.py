"""Errors for bad input: ``ScenarioError`` (defined in ``present.errors``), ``FieldError`` and helpers."""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from typing import Any

from present.catalog import CATALOG, Msg
from present.errors import ScenarioError, Told

__all__ = ["FieldError", "InputError", "Msg", "ScenarioError", "cut", "quoted", "require", "shown", "suggest"]

#: At most this many characters of a value (or a header name) read from a file are quoted in a message.
SHOWN_CHARS = 40

_REPR = reprlib.Repr()
_REPR.maxstring = SHOWN_CHARS
_REPR.maxother = SHOWN_CHARS
_REPR.maxlong = SHOWN_CHARS
_REPR.maxlist = _REPR.maxtuple = _REPR.maxdict = _REPR.maxset = 4
_REPR.maxlevel = 2


def shown(value: Any) -> str:
    """A bounded repr of ``value`` for a message: text cut to SHOWN_CHARS characters, lists to their first items.

    The cost is bounded too (reprlib never walks a whole nested structure), so a value built from YAML aliases
    cannot make an error message expensive or long.
    """
    if isinstance(value, str) and len(value) > SHOWN_CHARS:
        return repr(value[: SHOWN_CHARS - 3]) + f"... ({len(value):,} characters)"
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 4 * SHOWN_CHARS:
        return f"a whole number of about {int(value.bit_length() * 0.30103):,} digits"
    text = _REPR.repr(value)
    return text if len(text) <= 2 * SHOWN_CHARS else text[: 2 * SHOWN_CHARS] + "..."


def quoted(value: Any) -> str:
    """A value read from a table, in quotes and cut to SHOWN_CHARS characters: 'chengyan'."""
    return f"'{cut(str(value))}'"


def cut(text: str, limit: int = SHOWN_CHARS) -> str:
    """``text`` cut to ``limit`` characters (with '...'), for names read from a file."""
    text = str(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."


#: The older name of ScenarioError (both languages now come from the catalog).
InputError = ScenarioError


class FieldError(Told, ValueError):
    """A range check inside a dataclass: the field and a catalog message; the loader adds the file and dotted path."""

    def __init__(self, field: str, key: str | Msg, fix: str | Msg | None = None, /, **params: Any) -> None:
        self.field = field
        self.msg = key if isinstance(key, Msg) else Msg(key, **params)
        if fix is None and f"{self.msg.key}.fix" in CATALOG:
            fix = f"{self.msg.key}.fix"
        self.fix_msg = fix if isinstance(fix, Msg) or fix is None else Msg(fix, **self.msg.params)
        super().__init__(f"{field}: {self.msg}")


def suggest(word: str, choices: Iterable[str]) -> Msg:
    """'did you mean X?' for the closest choice, else the list of valid choices (a message)."""
    options = sorted(cut(c) for c in choices)
    close = difflib.get_close_matches(cut(word), options, n=1, cutoff=0.5)
    if close:
        return Msg("hint.did_you_mean", word=close[0])
    shown = ", ".join(options[:12]) + (", ..." if len(options) > 12 else "")
    return Msg("hint.choices", words=shown)


def require(condition: bool, field: str, key: str, fix: str | None = None, /, **params: Any) -> None:
    """Raise FieldError(field, key, fix, **params) unless condition holds."""
    if not condition:
        raise FieldError(field, key, fix, **params)


def one_of(value: Any, choices: tuple[str, ...], field: str) -> None:
    """Raise FieldError(field, "num.one_of") naming the choices unless ``value`` is one of them."""
    require(value in choices, field, "num.one_of", choices=", ".join(choices), value=shown(value))
