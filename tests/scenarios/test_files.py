"""Table paths stay inside the scenario's folder; sizes are checked before parsing; messages quote no contents."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import scenarios
from scenarios import files
from scenarios.errors import ScenarioError
from scenarios.files import TableLimits
from tests.scenarios.conftest import edit_yaml

#: Text that must never appear in a message: the contents of the files named.
SECRET = "s3cr3t-contents"


def _load_error(folder: Path, **kwargs) -> str:
    with pytest.raises(ScenarioError) as info:
        scenarios.load(folder, **kwargs)
    message = str(info.value)
    assert "\n" not in message and "Fix:" in message
    return message


def _roster(folder: Path, path: str) -> None:
    edit_yaml(folder, lambda r: r["workers"].update(roster=path))


@pytest.mark.parametrize("path", ["/etc/passwd", "/proc/self/environ", "/etc/shadow", "/dev/zero"])
def test_absolute_paths_refused(tiny_dir: Path, path: str) -> None:
    _roster(tiny_dir, path)
    message = _load_error(tiny_dir)
    assert f"'{path}' is absolute" in message and "roster" in message
    assert "root:" not in message and "PATH=" not in message and "HOME=" not in message


@pytest.mark.parametrize("depth", [2, 3, 12])
def test_dot_dot_out_of_the_folder_refused(tiny_dir: Path, depth: int) -> None:
    written = "../" * depth + "etc/passwd"
    _roster(tiny_dir, written)
    message = _load_error(tiny_dir)
    assert f"'{written}'" in message and ("outside the scenario's folder" in message or "not found" in message)
    assert "root:" not in message


def test_proc_environ_by_relative_path_refused(tiny_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv("E1_SECRET", SECRET)
    written = "../" * 30 + "proc/self/environ"
    _roster(tiny_dir, written)
    message = _load_error(tiny_dir)
    assert "outside the scenario's folder" in message and SECRET not in message and "E1_SECRET" not in message


def test_dot_dot_to_a_sibling_scenario_refused(tiny_dir: Path) -> None:
    other = tiny_dir.parent / "other"
    other.mkdir()
    (other / "workers.csv").write_text((tiny_dir / "workers.csv").read_text(encoding="utf-8"), encoding="utf-8")
    _roster(tiny_dir, "../other/workers.csv")
    assert "outside the scenario's folder" in _load_error(tiny_dir)


def test_shared_table_in_the_folder_above_is_read(tiny_dir: Path) -> None:
    assert len(scenarios.load(tiny_dir).districts) == 10  # districts: ../qingdao_districts.csv


def test_hidden_or_non_table_file_in_the_folder_above_refused(tiny_dir: Path) -> None:
    for name in (".bashrc", "notes.txt"):
        (tiny_dir.parent / name).write_text(f"{SECRET}\n", encoding="utf-8")
        edit_yaml(tiny_dir, lambda r, name=name: r.update(districts=f"../{name}"))
        message = _load_error(tiny_dir)
        assert "outside the scenario's folder" in message and SECRET not in message


def test_symlink_out_of_the_folder_refused(tiny_dir: Path, tmp_path_factory) -> None:
    outside = tmp_path_factory.mktemp("outside") / "roster.csv"
    outside.write_text(f"{SECRET},x\n1,2\n", encoding="utf-8")
    (tiny_dir / "linked.csv").symlink_to(outside)
    _roster(tiny_dir, "linked.csv")
    message = _load_error(tiny_dir)
    assert "'linked.csv' leads outside the scenario's folder" in message and SECRET not in message


def test_symlink_to_etc_passwd_refused(tiny_dir: Path) -> None:
    (tiny_dir / "passwd.csv").symlink_to("/etc/passwd")
    _roster(tiny_dir, "passwd.csv")
    message = _load_error(tiny_dir)
    assert "outside the scenario's folder" in message and "root:" not in message


def test_symlink_inside_the_folder_is_read(tiny_dir: Path) -> None:
    (tiny_dir / "data").mkdir()
    (tiny_dir / "workers.csv").rename(tiny_dir / "data" / "roster.csv")
    (tiny_dir / "workers.csv").symlink_to(tiny_dir / "data" / "roster.csv")
    assert len(scenarios.load(tiny_dir).workers) == 8


def test_symlink_loop_refused(tiny_dir: Path) -> None:
    (tiny_dir / "a.csv").symlink_to(tiny_dir / "b.csv")
    (tiny_dir / "b.csv").symlink_to(tiny_dir / "a.csv")
    _roster(tiny_dir, "a.csv")
    assert "'a.csv' is a symlink loop" in _load_error(tiny_dir)


def test_folder_and_pipe_refused(tiny_dir: Path) -> None:
    (tiny_dir / "dir.csv").mkdir()
    _roster(tiny_dir, "dir.csv")
    assert "'dir.csv' is a folder" in _load_error(tiny_dir)
    os.mkfifo(tiny_dir / "pipe.csv")
    _roster(tiny_dir, "pipe.csv")
    assert "'pipe.csv' is not a regular file" in _load_error(tiny_dir)


def test_nul_in_a_path_refused(tiny_dir: Path) -> None:
    _roster(tiny_dir, "workers.csv\x00.txt")
    assert "NUL" in _load_error(tiny_dir)


def test_opt_in_folder(tiny_dir: Path, tmp_path_factory, monkeypatch) -> None:
    shared = tmp_path_factory.mktemp("shared")
    (tiny_dir / "workers.csv").rename(shared / "roster.csv")
    _roster(tiny_dir, str(shared / "roster.csv"))
    assert "absolute" in _load_error(tiny_dir), "absolute paths stay refused even with an allowed folder"
    written = os.path.relpath(shared / "roster.csv", tiny_dir)
    _roster(tiny_dir, written)
    assert "outside" in _load_error(tiny_dir)
    assert len(scenarios.load(tiny_dir, allow_dirs=[shared]).workers) == 8
    monkeypatch.setenv(files.ENV_ALLOW_DIRS, str(shared))
    assert len(scenarios.load(tiny_dir).workers) == 8


def test_the_scenario_file_cannot_opt_itself_in(tiny_dir: Path) -> None:
    edit_yaml(tiny_dir, lambda r: r["meta"].update(allow_outside=["/etc"]))
    assert "unknown key 'allow_outside'" in _load_error(tiny_dir)


def test_matrix_path_follows_the_same_rules(tiny_dir: Path) -> None:
    edit_yaml(tiny_dir, lambda r: r["travel"].update(mode="matrix", matrix="/etc/passwd"))
    message = _load_error(tiny_dir)
    assert "travel.matrix" in message and "absolute" in message and "root:" not in message


def test_header_names_are_cut_and_no_row_is_quoted(tiny_dir: Path) -> None:
    long_name = "h" * 300
    (tiny_dir / "workers.csv").write_text(f"{long_name},id\n{SECRET},1\n", encoding="utf-8")
    message = _load_error(tiny_dir)
    assert "column" in message and long_name not in message
    assert SECRET not in message and len(message) < 500


def test_long_cell_values_are_cut(tiny_dir: Path) -> None:
    text = (tiny_dir / "enterprises.csv").read_text(encoding="utf-8")
    (tiny_dir / "enterprises.csv").write_text(text.replace("36.2900", "9" * 5000, 1), encoding="utf-8")
    message = _load_error(tiny_dir)
    assert "lat" in message and "9" * 100 not in message and len(message) < 500, message


def test_byte_limit_before_parsing(tiny_dir: Path) -> None:
    roster = tiny_dir / "workers.csv"
    roster.write_text(roster.read_text(encoding="utf-8") + "\n" * 600, encoding="utf-8")  # blank lines are skipped
    size = roster.stat().st_size
    message = _load_error(tiny_dir, limits=TableLimits(max_bytes=1000))
    assert f"the table has {size:,} bytes, more than the limit of 1,000 bytes" in message
    assert "workers.csv" in message and files.ENV_MAX_MB in message
    assert len(scenarios.load(tiny_dir, limits=TableLimits(max_bytes=size, max_rows=1000)).workers) == 8


def test_row_limit_before_parsing(tiny_dir: Path, monkeypatch) -> None:
    message = _load_error(tiny_dir, limits=TableLimits(max_rows=5))  # the districts have 11 lines
    assert "qingdao_districts.csv" in message and "more than the limit of 5 lines" in message
    assert files.ENV_MAX_ROWS in message
    monkeypatch.setenv(files.ENV_MAX_ROWS, "5")
    assert "limit of 5 lines" in _load_error(tiny_dir)
    monkeypatch.setenv(files.ENV_MAX_ROWS, "11")
    assert len(scenarios.load(tiny_dir).workers) == 8


def test_bad_limit_in_the_environment(tiny_dir: Path, monkeypatch) -> None:
    monkeypatch.setenv(files.ENV_MAX_MB, "lots")
    assert files.ENV_MAX_MB in _load_error(tiny_dir)


def test_huge_table_refused_without_reading_it(tiny_dir: Path) -> None:
    """A sparse file of 1 TB: refused from its size, in no time and no memory."""
    big = tiny_dir / "workers.csv"
    with big.open("r+b") as handle:
        handle.truncate(1 << 40)
    message = _load_error(tiny_dir)
    assert "1,048,576.0 MB" in message and "64.0 MB" in message
