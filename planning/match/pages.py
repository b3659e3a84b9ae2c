"""Small memory pages for the match's large arrays.

numpy asks Linux for transparent huge pages (``madvise``) for every array of 4 MB or more. On virtual machines whose
huge-page faults are slow (this project's shared 2-core runner: about 5 s of system time in one city-scale match,
more than its arithmetic) ordinary pages are much faster; elsewhere the difference is small. ``small_pages`` turns
the advice off for the block it wraps and restores it after (numpy's documented switch, also set by the environment
variable ``NUMPY_MADVISE_HUGEPAGE=0``).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def small_pages() -> Iterator[None]:
    """No huge-page advice for numpy's arrays within the block (nothing changes where numpy has no such switch)."""
    try:
        from numpy._core.multiarray import _set_madvise_hugepage
    except ImportError:  # numpy before 2.0 or without the switch
        yield
        return
    before = _set_madvise_hugepage(False)
    try:
        yield
    finally:
        _set_madvise_hugepage(before)
