"""The lock of an output folder: ``.NAME.lock`` beside it, held with ``flock`` by the run writing it, so a second run
into the same folder is refused in one line rather than mixed in (see ``scenarios.outdir``)."""

from __future__ import annotations

import contextlib
import errno
import os
import threading
from collections.abc import Iterator
from pathlib import Path

from scenarios.outdir_texts import busy, os_error, umask

LOCK = ".lock"

HELD: dict[str, list] = {}  # lock path -> [fd, depth]: the locks this process holds (a command and its library calls)
_GUARD = threading.Lock()


def lock_path(target: Path) -> Path:
    return target.parent / f".{target.name}{LOCK}"


@contextlib.contextmanager
def locked(target: Path) -> Iterator[None]:
    """Hold the lock of ``target`` (re-entrant in this process); another process holding it is one line. Where
    ``flock`` is missing (Windows) runs are not locked against each other."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    path = lock_path(target)
    key = str(path)
    with _GUARD:
        if key in HELD:
            HELD[key][1] += 1
            nested = True
        else:
            nested = False
    if nested:
        try:
            yield
        finally:
            with _GUARD:
                HELD[key][1] -= 1
        return
    while True:
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o666 & ~umask())
        except OSError as exc:
            raise os_error(target.parent, exc, "write_in") from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                raise busy(target) from None
            raise os_error(target.parent, exc, "write_in") from None
        try:
            same = os.path.samestat(os.fstat(fd), os.stat(path))
        except FileNotFoundError:
            same = False
        if same:
            break
        os.close(fd)  # the holder before us removed the file as we opened it: lock the new one
    with _GUARD:
        HELD[key] = [fd, 1]
    try:
        yield
    finally:
        with _GUARD:
            del HELD[key]
        with contextlib.suppress(OSError):
            os.unlink(path)
        os.close(fd)


