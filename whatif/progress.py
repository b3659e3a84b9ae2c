"""Progress on long steps: a tqdm bar on stderr, only when stderr is a terminal (never in files or pipes)."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

from tqdm import tqdm


def shown() -> bool:
    """Whether progress is drawn: stderr is a terminal."""
    return bool(getattr(sys.stderr, "isatty", lambda: False)())


def bar(total: int, desc: str, **kwargs: Any) -> tqdm:
    """A tqdm bar on stderr, silent unless stderr is a terminal."""
    return tqdm(total=total, desc=desc, file=sys.stderr, disable=not shown(), leave=False, **kwargs)


@contextlib.contextmanager
def steps(names: list[str]) -> Iterator[Any]:
    """A bar over named steps; call the yielded function with the next step's name as it starts."""
    with bar(len(names), names[0] if names else "") as b:
        started = [False]

        def step(name: str) -> None:
            if started[0]:
                b.update(1)
            started[0] = True
            b.set_description_str(name)

        yield step
        if started[0]:
            b.update(1)
