"""One writer for every output folder: checked before computing, locked, staged beside it and swapped in whole.

How a run writes ``--out`` (every command: plan, pack, simulate, sweep, replan, fleet, season, template):

1. ``claim(out, scenario=...)`` before any computing: ``--out`` is refused when it is empty or ``.``, the working
   folder or a folder above it, the scenario's folder or one above it, a file, a folder of somebody's own files (one
   that this writer did not write), or a name too long for the disk; it is made and probed for writing; a run cut
   off before is completed (step 4) and a lock beside it (``.NAME.lock``, ``flock``) is held to the end, so a second
   run into the same folder is refused with one line rather than mixed in.
2. ``atomic_folder(out)`` yields an empty staging folder beside it (``.NAME.tmp-XXXX``); the command writes its
   whole set there.
3. The swap: with Linux ``renameat2(RENAME_EXCHANGE)`` the staging folder and ``--out`` trade places in one step
   (``--out`` is never missing) and the earlier set, now in the staging folder, is removed. Where the exchange is
   missing a marker (``.NAME.swap``) is written first, then ``--out`` is renamed aside (``.NAME.old-XXXX``) and the
   staging folder renamed in; a run killed between the two renames leaves the marker.
4. ``recover(out)`` (the next run, and any reader of the folder) completes what a killed run left: with a marker the
   swap is finished forward (the staged set is complete once the marker exists); without one a staging folder is
   an unfinished set and removed. The earlier set is never merged into the new one: a folder is one run's outputs.

Errors are one line naming ``out_dir`` (``--out`` on the command line) in English and Chinese.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from scenarios.errors import ScenarioError, cut
from scenarios.outdir_texts import error as _error
from scenarios.outdir_texts import os_error as _os_error
from scenarios.outdir_texts import shown as _shown
from scenarios.outdir_texts import umask as _umask
from scenarios.outlock import HELD, lock_path, locked

#: Name parts of what the writer keeps beside ``--out``: staging folders, earlier sets moved aside, the swap marker
#: (the lock is ``scenarios.outlock``'s).
STAGING, OLD, MARKER = ".tmp-", ".old-", ".swap"
#: The name part of the empty file ``check_writable`` writes and removes again; another run's probe seen in a folder
#: being written is not a planner's file.
PROBE = ".write-test."
#: The file in every folder this writer swaps in: a folder holding it (or an earlier run's plan.json) is an output
#: folder, replaced whole by the next run; any other non-empty folder is a planner's own and is refused.
OWNER = ".labor-transfer-output"
OWNER_TEXT = "written by labor-transfer; the next run into this folder replaces it whole\n"
LEGACY_OUTPUTS = ("plan.json", "placement.csv", "placement.xlsx", "kpis.csv", "sweep.csv", "fleet.csv", "season.csv",
                  "meeting_pack.pdf")
#: The longest folder name accepted: a name part may have 255 bytes, and the staging folder adds a prefix.
MAX_NAME_BYTES = 255 - 24

# --- the checks before computing ------------------------------------------------------------------------------------

def _scenario_dir(scenario: str | Path | None) -> Path | None:
    if scenario is None or str(scenario) == "":
        return None
    path = Path(scenario)
    try:
        if path.exists():
            return (path if path.is_dir() else path.parent).resolve()
        from scenarios.loader import DATA_DIR

        bundled = DATA_DIR / str(scenario)
        return bundled.resolve() if bundled.is_dir() else None
    except (OSError, RuntimeError, ValueError):
        return None


def _is_ours(folder: Path) -> bool:
    return (folder / OWNER).is_file() or any((folder / name).is_file() for name in LEGACY_OUTPUTS)


def check_target(target: str | Path, *, scenario: str | Path | None = None, fresh: bool = False) -> Path:
    """``target`` as an absolute path, after the checks of step 1 (no writing yet); ``fresh``: only a missing or
    empty folder is accepted (the template, which writes a planner's input files)."""
    if str(target).strip() in ("", "."):
        raise _error("empty", "empty.fix", shown=repr(str(target)))
    raw = Path(os.path.abspath(os.fspath(target)))
    for part in raw.parts[1:]:
        size = len(os.fsencode(part))
        if size > MAX_NAME_BYTES:
            raise _error("long", "long.fix", part=_shown(cut(part, 40)), n=size, limit=MAX_NAME_BYTES)
    try:
        real = raw.resolve()
        cwd = Path.cwd().resolve()
    except (OSError, RuntimeError) as exc:
        raise _os_error(raw, exc if isinstance(exc, OSError) else OSError(errno.ELOOP, "symlink loop"),
                        "write_in") from None
    if cwd == real or real in cwd.parents:
        raise _error("cwd", "cwd.fix", path=_shown(target))
    home = _scenario_dir(scenario)
    if home is not None and (home == real or real in home.parents):
        raise _error("scenario", "scenario.fix", path=_shown(target))
    if raw.exists() and not raw.is_dir():
        raise _error("file", "file.fix", path=_shown(raw))
    if raw.is_dir():
        try:
            names = sorted(p.name for p in raw.iterdir() if not p.name.startswith(PROBE))
        except OSError as exc:
            raise _os_error(raw, exc, "write_in") from None
        if names and (fresh or not _is_ours(raw)):
            listed = ", ".join(cut(n, 30) for n in names[:3]) + (", ..." if len(names) > 3 else "")
            raise _error("not_ours", "not_ours.fix", path=_shown(raw), names=_shown(listed))
    return raw


def check_writable(folder: str | Path, keep: bool = True) -> Path:
    """Make ``folder`` when missing and prove a file can be written in it (``keep`` false: remove what was made)."""
    folder = Path(folder)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    if folder.exists() and not folder.is_dir():
        raise _error("file", "file.fix", path=_shown(folder))
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=PROBE, dir=folder)
        os.close(fd)
        os.unlink(probe)
    except (FileExistsError, NotADirectoryError):
        raise _error("file", "file.fix", path=_shown(folder)) from None
    except OSError as err:
        raise _os_error(folder, err, "write_in") from None
    if not keep:
        for path in made:  # deepest first
            with contextlib.suppress(OSError):
                path.rmdir()
    return folder


@contextlib.contextmanager
def claim(target: str | Path, *, scenario: str | Path | None = None, fresh: bool = False) -> Iterator[Path]:
    """Hold ``target`` for a whole command: checked (step 1), its parent probed, the lock taken, a cut-off run
    completed; the folders made for the probe are removed again when the command writes nothing."""
    path = check_target(target, scenario=scenario, fresh=fresh)
    made = [p for p in path.parents if not p.exists()]  # deepest first
    try:
        check_writable(path.parent)
        with locked(path):
            recover(path)
            yield path
    finally:
        for folder in made:
            with contextlib.suppress(OSError):
                folder.rmdir()


# --- the swap and its recovery -------------------------------------------------------------------------------------
# Each commit step is a function of its own, so that tests can cut a run at any of them.

_AT_FDCWD, _RENAME_EXCHANGE = -100, 2
_EXCHANGE_OK = True


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2); False where the system or the disk cannot."""
    global _EXCHANGE_OK
    if not _EXCHANGE_OK:
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError, TypeError):  # no C library to ask (Windows), or no renameat2 in it
        _EXCHANGE_OK = False
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


def _rename(src: Path, dst: Path) -> None:
    os.rename(src, dst)


def _remove(folder: Path) -> None:
    shutil.rmtree(folder, ignore_errors=True)


def _mark(target: Path, stage: Path, old: Path) -> None:
    """The recovery marker: the staged set is complete; finish the swap forward."""
    marker = target.parent / f".{target.name}{MARKER}"
    tmp = marker.with_name(marker.name + ".new")
    tmp.write_text(f"{stage.name}\n{old.name}\n", encoding="utf-8")
    os.rename(tmp, marker)


def _siblings(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}{kind}*"), key=lambda p: (p.stat().st_mtime, p.name))


def recover(target: str | Path) -> None:
    """Complete what a run cut off while writing ``target`` left beside it (see step 4); the caller holds the lock."""
    target = Path(target)
    if not target.parent.is_dir():
        return
    marker = target.parent / f".{target.name}{MARKER}"
    if marker.is_file():
        names = [n for n in marker.read_text(encoding="utf-8").split("\n") if n.startswith(f".{target.name}")]
        if not target.exists():
            for name in names:  # the staged set first: it was complete, so the swap goes forward
                if (target.parent / name).is_dir():
                    os.rename(target.parent / name, target)
                    break
        marker.unlink()
    (target.parent / f".{target.name}{MARKER}.new").unlink(missing_ok=True)
    for stage in _siblings(target, STAGING):
        _remove(stage)
    olds = _siblings(target, OLD)
    if olds and not target.exists():
        os.rename(olds.pop(), target)  # an earlier set moved aside by a run of an older version comes back
    for old in olds:
        _remove(old)


def clean_stale(target: str | Path) -> None:
    """``recover`` under the lock, for a reader of the folder (no-op while another run holds it)."""
    target = Path(target).absolute()
    if not target.parent.is_dir():
        return
    try:
        with locked(target):
            recover(target)
    except ScenarioError:
        return  # being written right now, or not ours to tidy


def _swap(stage: Path, target: Path) -> None:
    """Put the complete set in ``stage`` at ``target`` (step 3)."""
    if not target.exists():
        _rename(stage, target)
        return
    if _exchange(stage, target):
        _remove(stage)  # it holds the earlier set now
        return
    old = target.parent / f".{target.name}{OLD}{stage.name.rsplit(STAGING, 1)[-1]}"
    _mark(target, stage, old)
    _rename(target, old)
    _rename(stage, target)
    _remove(old)
    (target.parent / f".{target.name}{MARKER}").unlink()


@contextlib.contextmanager
def atomic_folder(target: str | Path, *, owned: bool = True, fresh: bool = False) -> Iterator[Path]:
    """Yield an empty staging folder beside ``target``; on success it replaces ``target`` whole, else it is removed.

    ``owned``: mark the folder as an output folder (not for the template, which writes a planner's input files).
    Outside ``claim`` (a notebook's ``write``) the checks (``fresh``: see ``check_target``) and the lock are taken
    here.
    """
    target = Path(os.path.abspath(os.fspath(target)))
    with contextlib.ExitStack() as hold:
        if str(lock_path(target)) not in HELD:
            hold.enter_context(claim(target, fresh=fresh))
        try:
            stage = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING}", dir=target.parent))
            stage.chmod(0o777 & ~_umask())
        except OSError as err:
            raise _os_error(target.parent, err, "write_in") from None
        try:
            yield stage
            if owned:
                (stage / OWNER).write_text(OWNER_TEXT, encoding="utf-8")
            _swap(stage, target)
        except OSError as err:
            with contextlib.suppress(OSError):
                recover(target)  # the earlier set back in place, or the complete new one: never missing
            _remove(stage)
            raise _os_error(target, err, "write") from None
        except (Exception, KeyboardInterrupt):
            _remove(stage)
            raise
