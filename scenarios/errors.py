"""Errors for bad input: ``ScenarioError`` (defined in ``present.errors``), ``FieldError`` and helpers."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from present.errors import ScenarioError

__all__ = ["FieldError", "ScenarioError", "require", "suggest"]


class FieldError(ValueError):
    """A range check inside a dataclass; the loader adds the file and the dotted path."""

    def __init__(self, field: str, message: str, fix: str | None = None) -> None:
        self.field = field
        self.message = message
        self.fix = fix
        super().__init__(f"{field}: {message}")


def suggest(word: str, choices: Iterable[str]) -> str:
    """' Did you mean X?' for the closest choice, else the list of valid choices."""
    options = sorted(str(c) for c in choices)
    close = difflib.get_close_matches(str(word), options, n=1, cutoff=0.5)
    if close:
        return f"did you mean '{close[0]}'?"
    shown = ", ".join(options[:12]) + (", ..." if len(options) > 12 else "")
    return f"valid values: {shown}."


def require(condition: bool, field: str, message: str, fix: str | None = None) -> None:
    """Raise FieldError(field, message) unless condition holds."""
    if not condition:
        raise FieldError(field, message, fix)
