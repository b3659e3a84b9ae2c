"""pyproject.toml, environment.yml and environment-dev.yml list the same dependencies with the same floors."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _pins(requirement: str) -> dict[str, str]:
    """``name>=floor`` (``dask[distributed]`` also names distributed) -> {name: floor}."""
    match = re.fullmatch(r"\s*([A-Za-z0-9_.\-]+)(\[[^\]]*\])?\s*(?:>=\s*([0-9][0-9A-Za-z.]*))?\s*", requirement)
    assert match is not None, f"cannot read requirement {requirement!r}"
    name, extras, floor = match[1].lower(), match[2] or "", match[3] or ""
    pins = {name: floor}
    if name == "dask" and "distributed" in extras:
        pins["distributed"] = floor
    return pins


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def _conda(path: str) -> dict[str, str]:
    env = yaml.safe_load((ROOT / path).read_text(encoding="utf-8"))
    out: dict[str, str] = {}
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            out |= _pins(dep)
    out.pop("pip", None)
    out.pop("python", None)
    return out


def test_users_environment_matches_pyproject() -> None:
    project = _project()
    wanted: dict[str, str] = {}
    for req in [*project["dependencies"], *project["optional-dependencies"]["notebooks"],
                *project["optional-dependencies"]["scale"]]:
        wanted |= _pins(req)
    assert _conda("environment.yml") == wanted


def test_dev_environment_matches_test_extra() -> None:
    wanted: dict[str, str] = {}
    for req in _project()["optional-dependencies"]["test"]:
        wanted |= _pins(req)
    assert _conda("environment-dev.yml") == wanted


def test_planners_do_not_get_test_tools() -> None:
    users = _conda("environment.yml")
    assert not {"pytest", "ruff", "hypothesis", "papermill", "pypdf"} & set(users)


def test_every_runtime_dependency_has_a_floor() -> None:
    sys.path.insert(0, str(ROOT / ".ci"))
    try:
        import floors
    finally:
        sys.path.pop(0)
    pins = floors.pins()
    assert pins[0].startswith("setuptools==")
    assert len(pins) == 1 + len(_project()["dependencies"])
