"""Atomic output: a file is written beside its target, then renamed, so a failed run loses nothing.

Whole output folders are written by ``scenarios.outdir`` (re-exported here).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from scenarios.errors import ScenarioError
from scenarios.outdir import atomic_folder, check_writable, claim, clean_stale

__all__ = ["atomic_folder", "atomic_path", "check_writable", "claim", "clean_stale", "write_text_atomic"]


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
        raise ScenarioError("out.file_in_way", field="out_dir", folder=str(target.parent)) from err
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


