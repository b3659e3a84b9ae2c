"""The project's one error type for bad input."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class ScenarioError(ValueError):
    """Bad input: names the file, the field or row, and how to fix it.

    Every layer raises this (or a subclass) for input a planner can correct, so the command line can print one
    line and exit with code 2 instead of showing a traceback.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        field: str | None = None,
        row: int | None = None,
        fix: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.field = field
        self.row = row
        self.fix = fix
        super().__init__(self._render())

    def _render(self) -> str:
        where = []
        if self.file:
            where.append(str(self.file))
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(self.field)
        text = (": ".join(where) + ": " if where else "") + self.message
        if self.fix:
            text += f" Fix: {self.fix}"
        return text.replace("\n", " ")

    def located(self, *, file: str | None = None, prefix: str | None = None) -> ScenarioError:
        """The same error with a file name and/or a field prefix filled in."""
        field = self.field
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        return ScenarioError(self.message, file=self.file or file, field=field, row=self.row, fix=self.fix)


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
