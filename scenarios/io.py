"""Atomic output: a file or a whole folder is written beside its target, then renamed, so a failed run loses nothing."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from scenarios.errors import ScenarioError


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@contextlib.contextmanager
def atomic_path(target: str | Path) -> Iterator[Path]:
    """Yield a temporary path in the target's folder; on success it replaces ``target``, on error it is removed."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError) as err:
        raise ScenarioError(
            f"cannot make the folder {target.parent}: a file of that name is in the way.",
            field="out_dir",
            fix="give the path of a folder (it is made when missing), not of a file.",
        ) from err
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=target.suffix, dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        tmp_path.chmod(0o666 & ~_umask())  # mkstemp makes the file private; give it the usual permissions
        os.replace(tmp_path, target)
    finally:
        tmp_path.unlink(missing_ok=True)


def write_text_atomic(target: str | Path, text: str) -> None:
    """Write UTF-8 text atomically."""
    with atomic_path(target) as tmp:
        tmp.write_text(text, encoding="utf-8")


def _out_error(path: Path, exc: OSError, doing: str) -> ScenarioError:
    reason = exc.strerror or str(exc)[:100] or type(exc).__name__
    return ScenarioError(
        f"cannot {doing} {path} ({reason}).",
        field="out_dir",
        fix="give a folder you may write to, on a disk with room (earlier outputs there are kept as they were).",
    )


def check_writable(folder: str | Path, keep: bool = True) -> Path:
    """Make ``folder`` when missing and prove a file can be written in it, before any computing starts.

    With ``keep`` false the folders it made are removed again (empty), so a run that fails later leaves no empty
    output folder behind; the outputs' own writing makes them.
    """
    folder = Path(folder)
    made = [p for p in (folder, *folder.parents) if not p.exists()]
    if folder.exists() and not folder.is_dir():
        raise ScenarioError(
            f"cannot make the folder {folder}: a file of that name is in the way.",
            field="out_dir",
            fix="give the path of a folder (it is made when missing), not of a file.",
        )
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-test.", dir=folder)
        os.close(fd)
        os.unlink(probe)
    except (FileExistsError, NotADirectoryError) as err:
        raise ScenarioError(
            f"cannot make the folder {folder}: a file is in the way.",
            field="out_dir",
            fix="give the path of a folder (it is made when missing), not of a file.",
        ) from err
    except OSError as err:
        raise _out_error(folder, err, "write in") from None
    if not keep:
        for path in made:  # deepest first
            with contextlib.suppress(OSError):
                path.rmdir()
    return folder


#: Name parts of the folders a run stages its outputs in and moves earlier outputs to, beside the target.
STAGING, OLD = ".tmp-", ".old-"


def _siblings(target: Path, kind: str) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}{kind}*"), key=lambda p: p.stat().st_mtime)


def _carry_over(old: Path, target: Path) -> None:
    """Move what ``old`` holds and ``target`` does not (files that are not outputs of the run) into ``target``."""
    for entry in old.iterdir():
        if not (target / entry.name).exists():
            os.rename(entry, target / entry.name)


def clean_stale(target: str | Path) -> None:
    """Tidy what a killed run left beside ``target``: a staging folder is removed; earlier outputs moved aside are
    put back (when the swap was cut between its two renames) or their other files carried over, then removed."""
    target = Path(target)
    if not target.parent.is_dir():
        return
    for stage in _siblings(target, STAGING):
        shutil.rmtree(stage, ignore_errors=True)
    olds = _siblings(target, OLD)
    if olds and not target.exists():
        os.rename(olds.pop(), target)  # the newest earlier outputs come back whole
    for old in olds:
        _carry_over(old, target)
        shutil.rmtree(old, ignore_errors=True)


@contextlib.contextmanager
def atomic_folder(target: str | Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``target``; on success it replaces ``target`` whole, else it is removed.

    A reader sees the earlier outputs or the new ones, never a mix: the outputs are written into the staging
    folder, then two renames swap it in (a run killed between them leaves the earlier folder aside, put back by
    the next run's ``clean_stale``). Files in ``target`` that the run did not write are carried over. A full or
    read-only disk is a ScenarioError naming ``out_dir``, with the earlier outputs intact.
    """
    target = Path(target).absolute()
    check_writable(target.parent)
    clean_stale(target)
    try:
        stage = Path(tempfile.mkdtemp(prefix=f".{target.name}{STAGING}", dir=target.parent))
        stage.chmod(0o777 & ~_umask())
    except OSError as err:
        raise _out_error(target.parent, err, "write in") from None
    try:
        yield stage
        old = target.parent / f".{target.name}{OLD}{stage.name.rsplit(STAGING, 1)[-1]}"
        moved = target.exists()
        if moved:
            os.rename(target, old)
        try:
            os.rename(stage, target)
        except OSError:
            if moved:
                os.rename(old, target)
            raise
        if moved:
            _carry_over(old, target)
            shutil.rmtree(old)
    except OSError as err:
        raise _out_error(target, err, "write") from None
    finally:
        shutil.rmtree(stage, ignore_errors=True)
