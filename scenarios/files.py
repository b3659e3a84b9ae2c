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

from scenarios.errors import InputError, cut

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
TOO_BIG_FIX_ZH = f"拆分表格；若表格确实这么大，用 {ENV_MAX_MB} / {ENV_MAX_ROWS} 提高上限。"


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
        raise InputError(
            f"expected a whole number from 1 to 999,999,999, got {cut(text, 20)!r}.",
            f"应为 1 到 999,999,999 之间的整数，实际为 {cut(text, 20)!r}。",
            field=name,
            fix=f"set {name} to a number, or unset it for the default ({default:,}).",
            fix_zh=f"把 {name} 设为一个数，或删除它以用默认值（{default:,}）。",
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


#: What to do about an absolute path, by what it names (English, Chinese).
ABSOLUTE_FIX = {
    "table": ("copy the table into the scenario's folder and give its name, e.g. 'workers.csv' "
              f"(or allow its folder with {ENV_ALLOW_DIRS}).",
              f"把表格复制到方案文件夹并只写文件名，如 'workers.csv'（或用 {ENV_ALLOW_DIRS} 允许其所在文件夹）。"),
    "city": ("put the city's scenario folder beside the season's folder and write '../NAME' "
             f"(or allow its folder with {ENV_ALLOW_DIRS}).",
             f"把城市场景文件夹放在赛季文件夹旁边并写 '../名称'（或用 {ENV_ALLOW_DIRS} 允许其所在文件夹）。"),
}


def _real(written: str, base_dir: Path, *, file: str | None, field: str, what: str) -> tuple[Path, Path]:
    """(the scenario's folder, the real path ``written`` leads to): rules 1 and the following of symlinks."""
    where = _shown(written)
    if "\x00" in written:
        raise InputError(
            f"the path {where} holds a NUL character.",
            f"路径 {where} 含有 NUL 字符。",
            file=file,
            field=field,
            fix="retype the path.",
            fix_zh="重新输入路径。",
        )
    if Path(written).is_absolute() or written.startswith(("/", "\\")) or Path(written).drive:
        raise InputError(
            f"the path {where} is absolute; a {what} path is relative to the scenario's folder.",
            f"路径 {where} 是绝对路径；{'表格' if what == 'table' else '城市场景'}路径须相对于方案文件夹。",
            file=file,
            field=field,
            fix=ABSOLUTE_FIX[what][0],
            fix_zh=ABSOLUTE_FIX[what][1],
        )
    try:
        home = base_dir.resolve(strict=True)
        target = (home / written).resolve(strict=True)
    except FileNotFoundError:
        raise InputError(
            f"file not found: {where}.",
            f"找不到文件 {where}。",
            file=file,
            field=field,
            fix="check the path, relative to the scenario file.",
            fix_zh="检查路径（相对于方案文件 scenario.yaml）。",
        ) from None
    except (RuntimeError, OSError) as exc:  # a symlink loop: RuntimeError up to Python 3.12, OSError(ELOOP) after
        loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP
        reason = "is a symlink loop" if loop else f"cannot be followed ({cut(type(exc).__name__, 30)})"
        reason_zh = "是循环的符号链接" if loop else f"无法解析（{cut(type(exc).__name__, 30)}）"
        raise InputError(
            f"the path {where} {reason}.",
            f"路径 {where} {reason_zh}。",
            file=file,
            field=field,
            fix="point it at a real file in the scenario's folder.",
            fix_zh="改为指向方案文件夹中的真实文件。",
        ) from None
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
            raise InputError(
                f"the path {where} leads outside the scenario's folder; tables are read only from that folder "
                "(or, for shared tables, a .csv/.xlsx/.xls file directly in the folder above it).",
                f"路径 {where} 指向方案文件夹之外；表格只从方案文件夹读取"
                "（共用的表格也可以是上一级文件夹中的 .csv/.xlsx/.xls 文件）。",
                file=file,
                field=field,
                fix=f"copy the table into the scenario's folder, or allow its folder with {ENV_ALLOW_DIRS}.",
                fix_zh=f"把表格复制到方案文件夹，或用 {ENV_ALLOW_DIRS} 允许其所在文件夹。",
            )
    try:
        mode = target.stat().st_mode
    except OSError:
        mode = 0
    if not stat.S_ISREG(mode):
        what = "a folder" if stat.S_ISDIR(mode) else "not a regular file"
        what_zh = "是文件夹" if stat.S_ISDIR(mode) else "不是普通文件"
        raise InputError(
            f"the path {where} is {what}.",
            f"路径 {where} {what_zh}。",
            file=file,
            field=field,
            fix="give the path of a table file.",
            fix_zh="请给出表格文件的路径。",
        )
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
        raise InputError(
            f"the path {where} leads outside the season's folder; a city is read only from that folder or a "
            "scenario folder directly beside it.",
            f"路径 {where} 指向赛季文件夹之外；城市场景只从赛季文件夹或与其并列的场景文件夹读取。",
            file=file,
            field=field,
            fix=f"copy the city's scenario folder beside the season's (e.g. ../dingxi_qingdao_2023), or allow its "
            f"folder with {ENV_ALLOW_DIRS}.",
            fix_zh="把城市场景文件夹复制到赛季文件夹旁边（如 ../dingxi_qingdao_2023），"
            f"或用 {ENV_ALLOW_DIRS} 允许其所在文件夹。",
        )
    return target


def read_limited(
    path: Path, max_bytes: int, *, what: str, fix: str, shown_as: str | None = None, fix_zh: str | None = None
) -> bytes:
    """The bytes of a regular file of at most ``max_bytes``; never reads more than one byte past the limit."""
    name = shown_as if shown_as is not None else str(path)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(
            "file not found.",
            "找不到文件。",
            file=name,
            fix="check the path, relative to the scenario file.",
            fix_zh="检查路径（相对于方案文件 scenario.yaml）。",
        ) from None
    except OSError as exc:
        reason = cut(exc.strerror or type(exc).__name__, 40)
        raise InputError(
            f"cannot open the file ({reason}).",
            f"无法打开文件（{reason}）。",
            file=name,
            fix="check that the file exists and can be read.",
            fix_zh="检查文件是否存在、是否可读。",
        ) from None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise InputError(
                "not a regular file.",
                "不是普通文件。",
                file=name,
                fix="give the path of a file.",
                fix_zh="请给出文件路径。",
            )
        data = handle.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(
            f"the {what} is larger than the limit of {_size(max_bytes)}.",
            f"文件超过上限 {_size(max_bytes)}。",
            file=name,
            fix=fix,
            fix_zh=fix_zh or (TOO_BIG_FIX_ZH if fix == TOO_BIG_FIX else None),
        )
    return data


def check_table_size(path: Path, limits: TableLimits, *, shown_as: str | None = None) -> None:
    """Refuse a table of more than ``limits.max_bytes`` bytes or ``limits.max_rows`` lines, reading in chunks.

    The lines are counted as line breaks, so a quoted value spanning lines counts once per line: a table near the
    limit may be refused a few rows early, never accepted late.
    """
    name = shown_as if shown_as is not None else str(path)

    def too_big(en: str, zh: str) -> InputError:
        return InputError(en, zh, file=name, fix=TOO_BIG_FIX, fix_zh=TOO_BIG_FIX_ZH)

    size = path.stat().st_size
    if size > limits.max_bytes:
        limit = _size(limits.max_bytes)
        raise too_big(
            f"the table has {_size(size)}, more than the limit of {limit}.", f"表格有 {_size(size)}，超过上限 {limit}。"
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
                limit = _size(limits.max_bytes)
                raise too_big(f"the table has more than the limit of {limit}.", f"表格超过上限 {limit}。")
            if lines > limits.max_rows:
                rows = f"{limits.max_rows:,}"
                raise too_big(f"the table has more than the limit of {rows} lines.", f"表格超过上限 {rows} 行。")


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
