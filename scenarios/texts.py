"""The words of the data-in errors, in English and Chinese, in one place; ``TableError`` renders them.

Each entry is ``key: (English, Chinese)``, formatted with the error's parameters. Messages name the workbook (or
CSV), the sheet, the row as Excel shows it (header counted, 1-based) and the column as the person wrote it.
"""

from __future__ import annotations

from present.catalog import CATALOG, Msg
from present.catalog import text as catalog_text
from scenarios.errors import ScenarioError

LANGS = ("en", "zh")


def what_zh(what: str) -> str:
    """The Chinese name of a table or a value (``what.<what>`` of the catalog; ``what`` itself when it has none)."""
    key = f"what.{what}"
    return catalog_text(key, "zh") if key in CATALOG else what


#: Text from a file quoted in a message is cut to this many characters.
MAX_QUOTED = 40


def _cut(value: str) -> str:
    value = str(value).replace("\n", " ")
    return value if len(value) <= MAX_QUOTED else value[: MAX_QUOTED - 3] + "..."


def hints(word: object, choices: object) -> dict[str, Msg]:
    """'did you mean X?' (or the valid values), as the ``hint`` parameter (a message in both languages)."""
    import difflib

    options = sorted(str(c) for c in choices)  # type: ignore[attr-defined]
    close = difflib.get_close_matches(str(word)[:200], options, n=1, cutoff=0.5)
    if close:
        return {"hint": Msg("hint.did_you_mean", word=_cut(close[0]))}
    def listed(values: list[str]) -> str:
        return ", ".join(_cut(o) for o in values[:12]) + (", ..." if len(values) > 12 else "")

    chinese = [o for o in options if any("\u4e00" <= ch <= "\u9fff" for ch in o)]  # the names a Chinese line shows
    return {"hint": Msg("hint.choices", words=listed(options), words_zh=listed(chinese or options))}


def text(key: str, lang: str = "en", /, **params: object) -> str:
    """The text of ``key`` in ``lang``, formatted; parameters ending in ``_zh`` fall back to the plain ones."""
    return catalog_text(key, lang, **params)


class TableError(ScenarioError):
    """A bad table, sheet or cell: renders in English (``str``) or Chinese (``render('zh')``)."""

    def __init__(
        self,
        key: str | Msg,
        /,
        *,
        file: str,
        sheet: str | None = None,
        row: int | None = None,
        column: str | None = None,
        fix: str | Msg | None = None,
        **params: object,
    ) -> None:
        column = _cut(column) if column else column  # a header as written, never a whole hostile value
        if isinstance(key, str):
            params.setdefault("column", column or "")
        self.sheet, self.column = sheet, column
        fix_key = fix or (f"{key}.fix" if isinstance(key, str) and f"{key}.fix" in CATALOG else None)
        super().__init__(key, file=file, field=column, row=row, fix=fix_key, **params)

    @property
    def fix_key(self) -> str | None:
        return self.fix_msg.key if self.fix_msg is not None else None

    def _line(self, lang: str) -> str:
        """One line: file, sheet, row and column, the message and the fix, in ``lang``."""
        sep = text("sep.comma", lang)
        where = [str(self.file)]
        if self.sheet:
            where.append(text("sheet", lang, sheet=self.sheet))
        if self.row is not None:
            where.append(text("row", lang, row=self.row))
        if self.column:
            where.append(text("column", lang, column=self.column))
        line = sep.join(where) + text("sep.colon", lang) + self.msg.render(lang)
        if self.fix_msg is not None:
            line += text("table.fix_word", lang) + self.fix_msg.render(lang)
        return line.replace("\n", " ")

    def retold(self, **changes: object) -> ScenarioError:
        """A table error keeps its place; a change makes it a plain ScenarioError with the same message."""
        return self if not changes else ScenarioError.retold(self, **changes)

    def located(self, *, file: str | None = None, prefix: str | None = None) -> TableError:
        return self


def render(exc: ScenarioError, lang: str = "en") -> str:
    """The one-line message of any ScenarioError in ``lang``."""
    return exc.render(lang)
