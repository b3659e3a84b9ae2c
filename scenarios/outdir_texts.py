"""The words of the output-folder writer's errors (``scenarios.outdir``, ``scenarios.outlock``) in English and
Chinese, each naming ``out_dir`` (``--out`` on the command line)."""

from __future__ import annotations

import os
from pathlib import Path

from scenarios.errors import ScenarioError, cut

#: The writer's lines live in the one catalog (``present.catalog.outdir``), keyed ``outdir.<key>``.


def error(key: str, fix: str, **params: object) -> ScenarioError:
    return ScenarioError(f"outdir.{key}", field="out_dir", fix=f"outdir.{fix}", **params)


def shown(path: Path | str) -> str:
    return cut(str(path).encode("unicode_escape").decode("ascii") if not str(path).isprintable() else str(path), 120)


def os_error(path: Path, exc: OSError, key: str) -> ScenarioError:
    reason = exc.strerror or cut(str(exc), 100) or type(exc).__name__
    return error(key, "write.fix", path=shown(path), reason=reason)


def umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask




def busy(target: Path) -> ScenarioError:
    """Another run holds the lock of ``target``."""
    return error("busy", "busy.fix", path=shown(target))
