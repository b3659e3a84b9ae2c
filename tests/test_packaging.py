"""pyproject.toml and environment.yml list the same dependencies."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def _name(requirement: str) -> set[str]:
    base = re.split(r"[<>=!~ ;]", requirement.strip(), maxsplit=1)[0].lower()
    name, _, extras = base.partition("[")
    names = {name}
    if name == "dask" and "distributed" in extras:
        names.add("distributed")
    return names


def test_environment_yml_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted: set[str] = set()
    for req in project["dependencies"]:
        wanted |= _name(req)
    for extra in ("test", "notebooks", "scale"):
        for req in project["optional-dependencies"][extra]:
            wanted |= _name(req)
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    conda: set[str] = set()
    for dep in env["dependencies"]:
        if isinstance(dep, str):
            conda |= _name(dep)
    conda -= {"python", "pip"}
    assert wanted == conda, f"only in pyproject: {wanted - conda}; only in environment.yml: {conda - wanted}"
