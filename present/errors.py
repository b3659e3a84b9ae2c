"""The project's one error type for bad input, at the bottom of the house so every layer (and ``present``) raises it.

``scenarios.errors`` re-exports it: ``scenarios.ScenarioError is present.errors.ScenarioError``. An error is a key of
the message catalog (``present.catalog``) with its parameters, and the key of its fix (by default ``<key>.fix``);
``render(lang)`` tells it in one line in English or Chinese.
"""

from __future__ import annotations

from typing import Any

from present.catalog import CATALOG, LANGS, Msg, text

#: A message longer than this is cut (a safety net: values from files are cut where they are quoted).
MAX_MESSAGE_CHARS = 600

_UNSET: Any = object()


def message(key: str | Msg, params: dict[str, Any]) -> Msg:
    """``key`` with ``params`` as a message (a message is kept as it is)."""
    return key if isinstance(key, Msg) else Msg(key, **params)


def fix_of(key: str | Msg, fix: str | Msg | None) -> str | Msg | None:
    """The fix's key: the one given (None or '' for none), else ``<key>.fix`` when the catalog has it."""
    if fix is _UNSET:
        name = key.key if isinstance(key, Msg) else key
        return f"{name}.fix" if f"{name}.fix" in CATALOG else None
    return fix or None


class Told:
    """A message and its fix from the catalog, read in English by code that logs or compares them."""

    msg: Msg
    fix_msg: Msg | None

    @property
    def message(self) -> str:
        """The message in English (without place or fix)."""
        return self.msg.render("en")

    @property
    def fix(self) -> str | None:
        """The fix in English, or None."""
        return self.fix_msg.render("en") if self.fix_msg is not None else None


def _restore(cls: type, args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    obj = cls.__new__(cls, *args)
    obj.args = args
    obj.__dict__.update(state)
    return obj


class ScenarioError(Told, ValueError):
    """Bad input: names the file, the field or row, and how to fix it.

    ``ScenarioError("key", file=..., field=..., row=..., **params)``; ``fix`` is a catalog key or a ``Msg`` (by
    default ``key + ".fix"``; None for no fix). Every layer raises this (or a subclass) for input a planner can
    correct, so the command line can print one line and exit with code 2 instead of showing a traceback.
    """

    def __init__(
        self,
        key: str | Msg,
        /,
        *,
        file: str | None = None,
        field: str | None = None,
        row: int | None = None,
        fix: str | Msg | None = _UNSET,
        **params: Any,
    ) -> None:
        fix = fix_of(key, fix)
        self.msg = message(key, params)
        self.fix_msg = fix if isinstance(fix, Msg) or fix is None else Msg(fix, **self.msg.params)
        self.file = file
        self.field = field
        self.row = row
        super().__init__(self._render())

    @property
    def key(self) -> str:
        return self.msg.key

    @property
    def params(self) -> dict[str, Any]:
        return self.msg.params

    def _render(self) -> str:
        return self._line("en")

    def render(self, lang: str = "en") -> str:
        """One line in ``lang`` ('en' or 'zh'): where, what, and the fix."""
        return self._line(lang)

    def _line(self, lang: str) -> str:
        """File, row and field, the message (cut to MAX_MESSAGE_CHARS) and the fix, in English or Chinese."""
        lang = lang if lang in LANGS else "en"  # how a line names the row and joins its parts (line.* keys)
        sep, colon, fix_word = (text(f"line.{part}", lang) for part in ("sep", "colon", "fix"))
        said = self.msg.render(lang)
        fix = self.fix_msg.render(lang) if self.fix_msg is not None else None
        row = text("line.row", lang, row=self.row) if self.row is not None else None
        where = [str(w) for w in (self.file, row, self.field) if w]
        if len(said) > MAX_MESSAGE_CHARS:
            said = said[: MAX_MESSAGE_CHARS - 3] + "..."
        line = (sep.join(where) + colon if where else "") + said
        if fix:
            line += f"{fix_word}{fix}"
        return line.replace("\n", " ")

    def __reduce__(self) -> tuple[Any, ...]:
        """Pickled with its key and parameters (a sweep's worker process hands errors back)."""
        return (_restore, (type(self), self.args, self.__dict__))

    def retold(self, **changes: Any) -> ScenarioError:
        """The same error with some of file, field, row, fix (a key, a Msg or None) or its message (``msg``)."""
        parts: dict[str, Any] = {"file": self.file, "field": self.field, "row": self.row, "fix": self.fix_msg}
        parts.update(changes)
        msg = parts.pop("msg", self.msg)
        return ScenarioError(msg, **parts)

    def located(self, *, file: str | None = None, prefix: str | None = None) -> ScenarioError:
        """The same error with a file name and/or a field prefix filled in."""
        field = self.field
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        return self.retold(file=self.file or file, field=field)


#: At most this many bad cells are told in one run; a last line counts the ones beyond.
MAX_TOLD = 50


class ScenarioErrors(ScenarioError):
    """Several bad cells (of one table or of several), each told on a line of its own, up to MAX_TOLD.

    ``of(errors)`` is the one error itself when there is one. The first error's place and key stand for the whole
    (``key``, ``file``, ``row``), so code that looks at one error still sees a sensible one.
    """

    def __init__(self, errors: list[ScenarioError], /) -> None:
        flat: list[ScenarioError] = []
        for error in errors:
            flat.extend(error.errors if isinstance(error, ScenarioErrors) else [error])
        order = {file: k for k, file in enumerate(dict.fromkeys(str(e.file) for e in flat))}
        flat.sort(key=lambda e: (order[str(e.file)], e.row if e.row is not None else -1))  # by file, then row
        self.errors = flat
        first = flat[0]
        super().__init__(first.msg, file=first.file, field=first.field, row=first.row, fix=first.fix_msg)

    @classmethod
    def of(cls, errors: list[ScenarioError]) -> ScenarioError:
        """The error of ``errors`` (all of them, or the only one)."""
        return errors[0] if len(errors) == 1 else cls(errors)

    def _line(self, lang: str) -> str:
        lines = [error.render(lang) for error in self.errors[:MAX_TOLD]]
        if len(self.errors) > MAX_TOLD:
            lines.append(Msg("errors.more", n=len(self.errors) - MAX_TOLD, cap=MAX_TOLD).render(lang))
        return "\n".join(lines)

    def retold(self, **changes: Any) -> ScenarioError:
        return ScenarioErrors([error.retold(**changes) for error in self.errors])

    def located(self, *, file: str | None = None, prefix: str | None = None) -> ScenarioError:
        return ScenarioErrors([error.located(file=file, prefix=prefix) for error in self.errors])
