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

Messages name the path as written and the rule; they never quote a file's contents.
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

from scenarios.errors import ScenarioError, cut

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
TOO_BIG_FIX = f"split the table, or raise the limit with {ENV_MAX_MB} / {ENV_MAX_ROWS} if the table is genuine."


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
        raise ScenarioError(
            f"expected a whole number from 1 to 999,999,999, got {cut(text, 20)!r}.",
            field=name,
            fix=f"set {name} to a number, or unset it for the default ({default:,}).",
        )
    return int(text)


def allowed_dirs_from_env() -> tuple[Path, ...]:
    """The folders named in LABOR_TRANSFER_ALLOW_DIRS."""
    text = os.environ.get(ENV_ALLOW_DIRS, "")
    return tuple(Path(p) for p in text.split(os.pathsep) if p.strip())


def _shown(written: str) -> str:
    return repr(cut(written, SHOWN_PATH_CHARS))


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


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
    if "\x00" in written:
        raise ScenarioError(f"the path {where} holds a NUL character.", file=file, field=field, fix="retype the path.")
    if Path(written).is_absolute() or written.startswith(("/", "\\")) or Path(written).drive:
        raise ScenarioError(
            f"the path {where} is absolute; a table path is relative to the scenario's folder.",
            file=file,
            field=field,
            fix="copy the table into the scenario's folder and give its name, e.g. 'workers.csv' "
            f"(or allow its folder with {ENV_ALLOW_DIRS}).",
        )
    try:
        home = base_dir.resolve(strict=True)
        target = (home / written).resolve(strict=True)
    except FileNotFoundError:
        raise ScenarioError(
            f"file not found: {where}.", file=file, field=field, fix="check the path, relative to the scenario file."
        ) from None
    except (RuntimeError, OSError) as exc:  # a symlink loop: RuntimeError up to Python 3.12, OSError(ELOOP) after
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
        reason = "is a symlink loop" if loop else f"cannot be followed ({cut(type(exc).__name__, 30)})"
        raise ScenarioError(
            f"the path {where} {reason}.",
            file=file,
            field=field,
            fix="point it at a real file in the scenario's folder.",
        ) from None
    extra = [Path(d).resolve() for d in allow_dirs]
    if not _inside(target, home) and not any(_inside(target, d) for d in extra):
        shared = target.parent == home.parent and target.suffix.lower() in TABLE_SUFFIXES
        if not shared or target.name.startswith("."):
            raise ScenarioError(
                f"the path {where} leads outside the scenario's folder; tables are read only from that folder "
                "(or, for shared tables, a .csv/.xlsx/.xls file directly in the folder above it).",
                file=file,
                field=field,
                fix=f"copy the table into the scenario's folder, or allow its folder with {ENV_ALLOW_DIRS}.",
            )
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = 0
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        raise ScenarioError(
            f"the path {where} is {what}.", file=file, field=field, fix="give the path of a table file."
        )
    return target


def read_limited(path: Path, max_bytes: int, *, what: str, fix: str, shown_as: str | None = None) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; never reads more than one byte past the limit."""
    name = shown_as if shown_as is not None else str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise ScenarioError(
            "file not found.", file=name, fix="check the path, relative to the scenario file."
        ) from None
    except OSError as exc:
        raise ScenarioError(
            f"cannot open the file ({cut(exc.strerror or type(exc).__name__, 40)}).",
            file=name,
            fix="check that the file exists and can be read.",
        ) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise ScenarioError("not a regular file.", file=name, fix="give the path of a file.")
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise ScenarioError(f"the {what} is larger than the limit of {_size(max_bytes)}.", file=name, fix=fix)
    return data


def check_table_size(path: Path, limits: TableLimits, *, shown_as: str | None = None) -> None:
    """Refuse a table of more than ``limits.max_bytes`` bytes or ``limits.max_rows`` lines, reading in chunks.

    The lines are counted as line breaks, so a quoted value spanning lines counts once per line: a table near the
    limit may be refused a few rows early, never accepted late.
    """
    name = shown_as if shown_as is not None else str(path)
    raise_fix = TOO_BIG_FIX
    size = path.stat().st_size
    if size > limits.max_bytes:
        raise ScenarioError(
            f"the table has {_size(size)}, more than the limit of {_size(limits.max_bytes)}.", file=name, fix=raise_fix
        )
    if path.suffix.lower() in (".xlsx", ".xls"):
        return  # a workbook's rows are counted by its reader; its bytes are checked above
    lines = 0
    read = 0
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            read += len(chunk)
            lines += chunk.count(b"\n")
            if read > limits.max_bytes:
                raise ScenarioError(
                    f"the table has more than the limit of {_size(limits.max_bytes)}.", file=name, fix=raise_fix
                )
            if lines > limits.max_rows:
                raise ScenarioError(
                    f"the table has more than the limit of {limits.max_rows:,} lines.", file=name, fix=raise_fix
                )


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
