"""atomic_folder: a folder of outputs is replaced whole or not at all; a killed run's leftovers are tidied."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from scenarios import ScenarioError
from scenarios.io import atomic_folder, check_writable, clean_stale


def _fill(folder: Path, tag: str) -> None:
    for name in ("a.csv", "b.csv", "plan.json"):
        (folder / name).write_text(f"{tag} {name}")


def test_the_folder_is_replaced_whole_and_other_files_stay(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    out.mkdir()
    _fill(out, "old")
    (out / "notes.txt").write_text("the planner's own")
    with atomic_folder(out) as stage:
        _fill(stage, "new")
        assert (out / "a.csv").read_text() == "old a.csv"  # nothing changes until the end
    assert {p.name: p.read_text() for p in out.iterdir()} == {
        "a.csv": "new a.csv", "b.csv": "new b.csv", "plan.json": "new plan.json", "notes.txt": "the planner's own"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_a_failure_while_writing_leaves_the_earlier_folder(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    out.mkdir()
    _fill(out, "old")
    with pytest.raises(ScenarioError, match=r"out_dir: cannot write .*No space left on device"), \
            atomic_folder(out) as stage:
        (stage / "a.csv").write_text("new")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert {p.name: p.read_text() for p in out.iterdir()} == {
        "a.csv": "old a.csv", "b.csv": "old b.csv", "plan.json": "old plan.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_a_run_killed_between_the_renames_is_put_right_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    aside = tmp_path / ".plan.old-x1"
    aside.mkdir()
    _fill(aside, "old")
    stage = tmp_path / ".plan.tmp-x1"
    stage.mkdir()
    (stage / "a.csv").write_text("half")
    clean_stale(out)
    assert {p.name: p.read_text() for p in out.iterdir()} == {
        "a.csv": "old a.csv", "b.csv": "old b.csv", "plan.json": "old plan.json"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_a_folder_that_cannot_be_written_is_found_before_any_work(tmp_path: Path, monkeypatch) -> None:
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("scenarios.io.tempfile.mkstemp", read_only)
    with pytest.raises(ScenarioError, match=r"out_dir: cannot write in .*Read-only file system"):
        check_writable(tmp_path / "out")
