"""The project's one error type for bad input, at the bottom of the house so every layer (and ``present``) raises it.

``scenarios.errors`` re-exports it: ``scenarios.ScenarioError is present.errors.ScenarioError``.
"""

from __future__ import annotations

from present.zh_lines import to_zh

#: A message longer than this is cut (a safety net: values from files are cut where they are quoted).
MAX_MESSAGE_CHARS = 600
#: How a line names the row and joins its parts: (row, between places, before the message, before the fix).
LINE_WORDS = {"en": ("row {row}", ": ", ": ", " Fix: "), "zh": ("第 {row} 行", "，", "：", "修改：")}


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
        message_zh: str | None = None,
        fix_zh: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.field = field
        self.row = row
        self.fix = fix
        self.message_zh = message_zh
        self.fix_zh = fix_zh
        super().__init__(self._render())

    def _render(self) -> str:
        return self._line("en")

    def render(self, lang: str = "en") -> str:
        """One line in ``lang`` ('en' or 'zh'): where, what, and the fix. Chinese is the one given where the error
        was raised, else ``present.zh_lines``'s; a line it has no Chinese for stays English."""
        return self._line("zh") if lang == "zh" and self._message("zh") else str(self)

    def _message(self, lang: str) -> str | None:
        if lang != "zh":
            return self.message
        return self.message_zh or to_zh(self.message)

    def _line(self, lang: str) -> str:
        """File, row and field, the message (cut to MAX_MESSAGE_CHARS) and the fix, in English or Chinese."""
        row_word, sep, colon, fix_word = LINE_WORDS[lang]
        message = self._message(lang) or ""
        fix = (self.fix_zh or to_zh(self.fix) or self.fix) if lang == "zh" else self.fix
        row = row_word.format(row=self.row) if self.row is not None else None
        where = [str(w) for w in (self.file, row, self.field) if w]
        if len(message) > MAX_MESSAGE_CHARS:
            message = message[: MAX_MESSAGE_CHARS - 3] + "..."
        text = (sep.join(where) + colon if where else "") + message
        if fix:
            text += f"{fix_word}{fix}"
        return text.replace("\n", " ")

    def retold(self, **changes: object) -> ScenarioError:
        """The same error (both languages kept) with some of file, field, row, fix (and fix_zh) changed."""
        parts: dict = {"file": self.file, "field": self.field, "row": self.row, "fix": self.fix,
                       "message_zh": self.message_zh, "fix_zh": self.fix_zh}
        if "fix" in changes and "fix_zh" not in changes and changes["fix"] != self.fix:
            parts["fix_zh"] = None  # a new English fix has no Chinese yet
        parts.update(changes)
        message = parts.pop("message", self.message)
        return ScenarioError(str(message), **parts)  # type: ignore[arg-type]

    def located(self, *, file: str | None = None, prefix: str | None = None) -> ScenarioError:
        """The same error with a file name and/or a field prefix filled in."""
        field = self.field
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        return self.retold(file=self.file or file, field=field)
