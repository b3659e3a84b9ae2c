"""Print the declared floors of the runtime dependencies as exact pins (``name>=1.2`` -> ``name==1.2``).

``make floors`` installs exactly these into a fresh virtual environment and plans and simulates ``tiny`` with them,
so a floor in pyproject.toml is one that has been run. Extras are not pinned: they are tools (tests, notebooks,
Dask) whose own floors are checked by the users' environments.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def pins() -> list[str]:
    """The runtime dependencies of pyproject.toml, each pinned to its floor; the build backend's floor first."""
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    out = []
    for req in [*data["build-system"]["requires"], *data["project"]["dependencies"]]:
        match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+(?:\[[^\]]*\])?)\s*>=\s*([0-9][0-9A-Za-z.]*)\s*", req)
        if match is None:
            sys.exit(f"pyproject.toml: dependency {req!r} has no '>=' floor; declare one that has been tested.")
        out.append(f"{match[1]}=={match[2]}")
    return out


if __name__ == "__main__":
    print("\n".join(pins()))
