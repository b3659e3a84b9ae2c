"""Where a scenario's tables may come from, and how big they may be, checked before a byte of them is parsed.

Rules for a table path written in a scenario file (``roster: workers.csv``):

1. It is relative: an absolute path (``/etc/passwd``) is refused.
2. It resolves (symlinks followed) inside the scenario's folder tree, or to a table file (``.csv``, ``.xlsx``,
   ``.xls``, not hidden) directly in the folder above it, the data folder that holds shared tables such as the
   districts (``districts: ../qingdao_districts.csv``). ``../..``, a symlink out of these, or a symlink loop is
   refused.
3. It is a regular file (not a folder, device or pipe).
4. It has at most ``max_bytes`` bytes and ``max_rows`` lines, counted before it is parsed.

A planner who keeps tables elsewhere opts in on their own machine, never in the scenario file (which may come from
someone else): ``LABOR_TRANSFER_ALLOW_DIRS=/data/rosters:/mnt/share`` (folders separated by ``:``, ``;`` on
Windows) or ``scenarios.load(..., allow_dirs=[...])``. Limits are raised the same way:
``LABOR_TRANSFER_MAX_ROWS`` and ``LABOR_TRANSFER_MAX_MB``, or ``limits=TableLimits(...)``.

``table_path`` reads where a scenario file puts a table (``key: FILE`` or ``key: {file: FILE.xlsx, sheet: NAME}``)
and applies these rules and limits. Messages name the path as written and the rule; they never quote a file's
contents.
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scenarios.errors import Msg, ScenarioError, cut, shown, suggest

#: Suffixes a table file may have when it sits in the data folder above the scenario's own folder.
TABLE_SUFFIXES = (".csv", ".xlsx", ".xls")
#: Environment variables a planner sets to widen what is read (never read from the scenario file).
ENV_ALLOW_DIRS = "LABOR_TRANSFER_ALLOW_DIRS"
ENV_MAX_ROWS = "LABOR_TRANSFER_MAX_ROWS"
ENV_MAX_MB = "LABOR_TRANSFER_MAX_MB"
#: Default limits: a roster of 200,000 workers (the generator's own limit) is about 25 MB as CSV.
DEFAULT_MAX_ROWS = 250_000
DEFAULT_MAX_MB = 64
#: Paths are quoted in messages cut to this many characters.
SHOWN_PATH_CHARS = 120
_CHUNK = 1 << 20
TOO_BIG_FIX = Msg("files.too_big.fix", mb=ENV_MAX_MB, rows=ENV_MAX_ROWS)


@dataclass(frozen=True)
class TableLimits:
    """Most lines and bytes one table may have (a header line included)."""

    max_rows: int = DEFAULT_MAX_ROWS
    max_bytes: int = DEFAULT_MAX_MB << 20

    @classmethod
    def from_env(cls) -> TableLimits:
        """The defaults, raised or lowered by LABOR_TRANSFER_MAX_ROWS and LABOR_TRANSFER_MAX_MB."""
        return cls(
            max_rows=_env_int(ENV_MAX_ROWS, DEFAULT_MAX_ROWS),
            max_bytes=_env_int(ENV_MAX_MB, DEFAULT_MAX_MB) << 20,
        )


_ACTIVE: contextvars.ContextVar[TableLimits | None] = contextvars.ContextVar("table_limits", default=None)


def _env_int(name: str, default: int) -> int:
    text = os.environ.get(name, "").strip()
    if not text:
        return default
    if not text.isdigit() or not 0 < int(text) < 10**9:
        raise ScenarioError("files.env_int", field=name, value=repr(cut(text, 20)), name=name, default=default)
    return int(text)


def allowed_dirs_from_env() -> tuple[Path, ...]:
    """The folders named in LABOR_TRANSFER_ALLOW_DIRS."""
    text = os.environ.get(ENV_ALLOW_DIRS, "")
    return tuple(Path(p) for p in text.split(os.pathsep) if p.strip())


def _shown(written: str) -> str:
    return repr(cut(written, SHOWN_PATH_CHARS))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents




def _real(written: str, base_dir: Path, *, file: str | None, field: str, what: str) -> tuple[Path, Path]:
    """(the scenario's folder, the real path ``written`` leads to): rules 1 and the following of symlinks."""
    where = _shown(written)
    if "\x00" in written:
        raise ScenarioError("files.nul", file=file, field=field, where=where)
    if Path(written).is_absolute() or written.startswith(("/", "\\")) or Path(written).drive:
        raise ScenarioError("files.absolute", file=file, field=field, fix=f"files.absolute_{what}.fix", where=where,
                            what=Msg(f"files.what_{what}"), env=ENV_ALLOW_DIRS)
    try:
        home = base_dir.resolve(strict=True)
        target = (home / written).resolve(strict=True)
    except FileNotFoundError:
        raise ScenarioError("files.not_found", file=file, field=field, where=where, fix="not_found.fix") from None
    except (RuntimeError, OSError) as exc:  # a symlink loop: RuntimeError up to Python 3.12, OSError(ELOOP) after
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
        reason = Msg("files.loop") if loop else Msg("files.unfollowed", kind=cut(type(exc).__name__, 30))
        raise ScenarioError("files.bad_path", file=file, field=field, where=where, reason=reason) from None
    return home, target


def _allowed(target: Path, home: Path, allow_dirs: Iterable[str | Path]) -> bool:
    extra = [Path(d).resolve() for d in allow_dirs]
    return _inside(target, home) or any(_inside(target, d) for d in extra)


def resolve_table(
    written: str,
    base_dir: Path,
    *,
    file: str | None,
    field: str,
    allow_dirs: Iterable[str | Path] = (),
) -> Path:
    """The real path of the table ``written`` in the scenario file, after the rules of this module."""
    where = _shown(written)
    home, target = _real(written, base_dir, file=file, field=field, what="table")
    if not _allowed(target, home, allow_dirs):
        shared = target.parent == home.parent and target.suffix.lower() in TABLE_SUFFIXES
        if not shared or target.name.startswith("."):
            raise ScenarioError("files.outside", file=file, field=field, where=where, env=ENV_ALLOW_DIRS)
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = 0
    if not stat.S_ISREG(mode):
        what = Msg("files.a_folder") if stat.S_ISDIR(mode) else Msg("files.not_regular")
        raise ScenarioError("files.not_table_file", file=file, field=field, where=where, what=what)
    return target


def resolve_city(written: str, base_dir: Path, *, file: str | None, field: str,
                 allow_dirs: Iterable[str | Path] = ()) -> Path:
    """The real path of a season's city (a scenario folder or its ``scenario.yaml``), by the rules of tables: inside
    the season's folder tree, or a scenario folder directly in the folder above it (``../dingxi_qingdao_2023``), or
    in a folder allowed on this machine; a bundled scenario's name (``tiny``) is read from the package."""
    from scenarios.loader import DATA_DIR, SCENARIO_FILE

    text = str(written)
    if text and "/" not in text and "\\" not in text and not (base_dir / text).exists() \
            and (DATA_DIR / text / SCENARIO_FILE).is_file():
        return DATA_DIR / text
    home, target = _real(text, base_dir, file=file, field=field, what="city")
    folder = target if target.is_dir() else target.parent
    sibling = folder.parent == home.parent and not folder.name.startswith(".")
    if not (_allowed(target, home, allow_dirs) or sibling):
        where = _shown(text)
        raise ScenarioError("files.city_outside", file=file, field=field, where=where, env=ENV_ALLOW_DIRS)
    return target


def read_limited(
    path: Path, max_bytes: int, *, what: str, fix: str | Msg, shown_as: str | None = None
) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; never reads more than one byte past the limit."""
    name = shown_as if shown_as is not None else str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ScenarioError("not_found", file=name) from None
    except OSError as exc:
        reason = cut(exc.strerror or type(exc).__name__, 40)
        raise ScenarioError("files.cannot_open", file=name, reason=reason) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ScenarioError("files.not_a_file", file=name)
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ScenarioError("files.larger", file=name, fix=fix, what=what, what_zh="文件", limit=_size(max_bytes))
    return data


def check_table_size(path: Path, limits: TableLimits, *, shown_as: str | None = None) -> None:
    """Refuse a table of more than ``limits.max_bytes`` bytes or ``limits.max_rows`` lines, reading in chunks.

    The lines are counted as line breaks, so a quoted value spanning lines counts once per line: a table near the
    limit may be refused a few rows early, never accepted late.
    """
    name = shown_as if shown_as is not None else str(path)

    def too_big(key: str, **params: object) -> ScenarioError:
        return ScenarioError(key, file=name, fix=TOO_BIG_FIX, **params)

    size = path.stat().st_size
    if size > limits.max_bytes:
        limit = _size(limits.max_bytes)
        raise too_big("files.table_bytes", size=_size(size), limit=limit)
    if path.suffix.lower() in (".xlsx", ".xls"):
        return  # a workbook's rows are counted by its reader; its bytes are checked above
    lines = 0
    read = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            read += len(chunk)
            lines += chunk.count(b"\n")
            if read > limits.max_bytes:
                limit = _size(limits.max_bytes)
                raise too_big("files.table_over", limit=limit)
            if lines > limits.max_rows:
                rows = f"{limits.max_rows:,}"
                raise too_big("files.table_lines", rows=rows)


def _size(n: int) -> str:
    return f"{n / (1 << 20):,.1f} MB" if n >= 1 << 20 else f"{n:,} bytes"


@contextlib.contextmanager
def use_limits(limits: TableLimits | None) -> Iterator[TableLimits]:
    """Within the block, ``active_limits()`` is ``limits`` (or the environment's when None)."""
    token = _ACTIVE.set(limits or TableLimits.from_env())
    try:
        yield _ACTIVE.get()  # type: ignore[misc]
    finally:
        _ACTIVE.reset(token)


def active_limits() -> TableLimits:
    """The limits set by the loader for the scenario being read, else the environment's."""
    return _ACTIVE.get() or TableLimits.from_env()


def table_path(
    raw: dict[str, Any], key: str, base_dir: Path, file: str, default: str, allow_dirs: Iterable[str | Path] = ()
) -> tuple[Path, str | None, str]:
    """The table file, its sheet (None: the first, or a CSV) and its name for messages, of ``key: FILE`` or
    ``key: {file: FILE.xlsx, sheet: NAME}``; the file follows the rules of ``scenarios.files`` and its limits."""
    value = raw.get(key, default)
    sheet = None
    if isinstance(value, dict):
        for k in value:
            if k not in ("file", "sheet"):
                raise ScenarioError(
                    "field.unknown_key", file=file, field=f"{key}.{k}", fix="scenario.table_key.fix",
                    name=shown(k), hint=suggest(str(k), ["file", "sheet"]), key=key,
                    default=default.replace(".csv", ".xlsx"),
                )
        sheet = value.get("sheet")
        if sheet is not None and (not isinstance(sheet, str | int) or not str(sheet).strip()):
            raise ScenarioError("scenario.sheet_name", file=file, field=f"{key}.sheet", value=shown(sheet))
        sheet = None if sheet is None else str(sheet)
        value = value.get("file")
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError("scenario.table_name", file=file, field=key, value=shown(value), key=key,
                            default=default, stem=Path(default).stem)
    path = resolve_table(value, base_dir, file=file, field=key, allow_dirs=allow_dirs)
    label = str(base_dir / value)
    check_table_size(path, active_limits(), shown_as=label)
    return path, sheet, label
