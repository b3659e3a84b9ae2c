"""Errors for bad input: ``ScenarioError`` (defined in ``present.errors``), ``FieldError`` and helpers."""

from __future__ import annotations

import difflib
import reprlib
from collections.abc import Iterable
from typing import Any

from present.errors import ScenarioError

__all__ = ["FieldError", "InputError", "ScenarioError", "cut", "quoted", "require", "shown", "suggest"]

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


class InputError(ScenarioError):
    """A ScenarioError that speaks Chinese too, the Chinese message given second: ``str()`` is English,
    ``render("zh")`` Chinese (the CLI's default)."""

    def __init__(
        self,
        message: str,
        message_zh: str,
        *,
        file: str | None = None,
        field: str | None = None,
        row: int | None = None,
        fix: str | None = None,
        fix_zh: str | None = None,
    ) -> None:
        super().__init__(message, file=file, field=field, row=row, fix=fix, message_zh=message_zh, fix_zh=fix_zh)


class FieldError(ValueError):
    """A range check inside a dataclass; the loader adds the file and the dotted path."""

    def __init__(
        self,
        field: str,
        message: str,
        fix: str | None = None,
        *,
        message_zh: str | None = None,
        fix_zh: str | None = None,
    ) -> None:
        self.field = field
        self.message = message
        self.fix = fix
        self.message_zh = message_zh
        self.fix_zh = fix_zh
        super().__init__(f"{field}: {message}")


def suggest(word: str, choices: Iterable[str]) -> str:
    """' Did you mean X?' for the closest choice, else the list of valid choices."""
    options = sorted(cut(c) for c in choices)
    close = difflib.get_close_matches(cut(word), options, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    shown = ", ".join(options[:12]) + (", ..." if len(options) > 12 else "")
    return f"valid values: {shown}."


def require(condition: bool, field: str, message: str, fix: str | None = None) -> None:
    """Raise FieldError(field, message) unless condition holds."""
    if not condition:
        raise FieldError(field, message, fix)
