"""What a benchmark does with its finished table: print it and, given ``--out``, write it there atomically."""

from __future__ import annotations

from pathlib import Path

from scenarios.io import write_text_atomic


def emit(text: str | list[str], out: Path | None) -> None:
    """Print ``text`` (lines are joined, one per line) and write it to ``out`` when given."""
    if not isinstance(text, str):
        text = "\n".join(text) + "\n"
    print(text)
    if out is not None:
        write_text_atomic(out, text)
