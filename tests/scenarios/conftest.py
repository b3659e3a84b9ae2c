"""Fixtures: a writable copy of the tiny scenario to break in different ways."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from scenarios.loader import DATA_DIR


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A copy of the bundled tiny scenario (with its districts table beside it) in a temporary folder."""
    target = tmp_path / "tiny"
    shutil.copytree(DATA_DIR / "tiny", target)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp_path / "qingdao_districts.csv")
    return target


def edit_yaml(folder: Path, change) -> Path:
    """Apply ``change(raw)`` to the folder's scenario.yaml and write it back."""
    path = folder / "scenario.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
