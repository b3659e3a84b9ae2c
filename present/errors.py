"""The project's one error type for bad input, at the bottom of the house so every layer (and ``present``) raises it.

``scenarios.errors`` re-exports it: ``scenarios.ScenarioError is present.errors.ScenarioError``.
"""

from __future__ import annotations

#: A message longer than this is cut (a safety net: values from files are cut where they are quoted).
MAX_MESSAGE_CHARS = 600


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
        message = self.message
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 3] + "..."
        text = (": ".join(where) + ": " if where else "") + message
        if self.fix:
            text += f" Fix: {self.fix}"
        return text.replace("\n", " ")

    def located(self, *, file: str | None = None, prefix: str | None = None) -> ScenarioError:
        """The same error with a file name and/or a field prefix filled in."""
        field = self.field
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        return ScenarioError(self.message, file=self.file or file, field=field, row=self.row, fix=self.fix)
