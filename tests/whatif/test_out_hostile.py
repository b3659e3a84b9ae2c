"""Every command that writes, against hostile output folders: no --out, the working or the scenario's folder, a
read-only or full disk, a run already writing there, an earlier run's files. One line, exit 2, the earlier set kept
whole; never a traceback, never a mix."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scenarios.loader import DATA_DIR
from scenarios.outdir import OWNER
from tests.whatif.small_season import two_night_season
from whatif.cli import main

ROOT = Path(__file__).resolve().parents[2]
QUICK = ["--iterations", "300", "--time-limit", "5"]


def _earlier(out: Path) -> dict[str, bytes]:
    """An earlier run's folder at ``out``; returns its files."""
    out.mkdir(parents=True, exist_ok=True)
    (out / OWNER).write_text("earlier")
    (out / "plan.json").write_text("earlier plan")
    (out / "notes.csv").write_text("earlier notes")
    return _files(out)


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _commands(plan: Path, season: Path) -> dict[str, list[str]]:
    return {
        "plan": ["plan", "tiny", *QUICK],
        "simulate": ["simulate", "tiny", "--plan", str(plan), "--replications", "2", "--jobs", "1"],
        "sweep": ["sweep", "tiny", "--set", "train.delay_min=0,60", "--replications", "2", "--fixed-plan",
                  "--jobs", "1"],
        "replan": ["replan", "tiny", "--plan", str(plan), "--delay", "30"],
        "pack": ["pack", "tiny", *QUICK, "--replications", "2", "--jobs", "1"],
        "fleet": ["fleet", "tiny", "--max-nights", "40", "--iterations", "300", "--delays", "0,30"],
        "season": ["season", str(season), "--replications", "2", "--jobs", "1", "--iterations", "300"],
        "template": ["template"],
    }


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> tuple[Path, Path]:
    """A tiny plan folder and a two-arrival season on tiny's enterprises."""
    root = tmp_path_factory.mktemp("inputs")
    assert main(["plan", "tiny", "--out", str(root / "plan"), *QUICK]) == 0
    return root / "plan", two_night_season(root)


def _one_line(capsys, *words: str) -> str:
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and len(captured.err.splitlines()) == 1, captured.err
    for word in words:
        assert word in captured.err, captured.err
    return captured.err


NAMES = ("plan", "simulate", "sweep", "replan", "pack", "fleet", "season", "template")


@pytest.mark.parametrize("name", NAMES)
def test_no_out_or_the_working_folder_is_refused_before_any_work(name, inputs, tmp_path, monkeypatch,
                                                                 capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mine.txt").write_text("the planner's own")
    args = _commands(*inputs)[name]
    for out in ("", ".", str(tmp_path), ".."):
        assert main([*args, "--out", out, "--lang", "en"]) == 2
        _one_line(capsys, "error: --out: ")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.txt"]


@pytest.mark.parametrize("name", NAMES)
def test_a_read_only_out_is_one_line_before_any_work(name, inputs, tmp_path, monkeypatch, capsys) -> None:
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("scenarios.outdir.tempfile.mkstemp", read_only)
    out = tmp_path / "out"
    before = _earlier(out) if name != "template" else {}
    assert main([*_commands(*inputs)[name], "--out", str(out), "--lang", "en"]) == 2
    _one_line(capsys, "error: --out: cannot write in ", "Read-only file system")
    assert (_files(out) if out.exists() else {}) == before


@pytest.mark.parametrize("name", [n for n in NAMES if n != "pack"])  # pack: tests/whatif/test_pack.py
def test_a_full_disk_while_writing_keeps_the_earlier_set(name, inputs, tmp_path, monkeypatch, capsys) -> None:
    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("scenarios.writers.csv_text", full)
    monkeypatch.setattr("scenarios.outdir._swap", full)  # pack writes no CSV: its disk fills at the swap
    monkeypatch.setattr("shutil.copyfile", full)  # the template's districts
    out = tmp_path / "out"
    before = _earlier(out) if name != "template" else {}
    if name == "template":
        out = tmp_path / "new"
    assert main([*_commands(*inputs)[name], "--out", str(out), "--lang", "en"]) == 2
    _one_line(capsys, "error: --out: cannot write ", "No space left on device")
    assert (_files(out) if out.exists() else {}) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == (["out"] if name != "template" else []), "nothing beside"
    if name == "template":  # and it runs again: no half template in the way
        monkeypatch.undo()
        assert main(["template", "--out", str(out)]) == 0


def test_the_scenario_folder_is_refused(tmp_path, capsys) -> None:
    shutil.copytree(DATA_DIR / "tiny", tmp_path / "tiny")
    before = _files(tmp_path / "tiny")
    for out in (tmp_path / "tiny", tmp_path):
        assert main(["plan", str(tmp_path / "tiny"), "--out", str(out), "--lang", "en"]) == 2
        _one_line(capsys, "holds the scenario's own files")
    assert _files(tmp_path / "tiny") == before


def test_two_plans_into_one_folder_at_once_never_mix(tmp_path) -> None:
    """Two `plan` processes started together into one --out: each ends 0 or with one line (the lock); the folder
    is one whole plan."""
    code = "import sys; from whatif.cli import main; sys.exit(main(sys.argv[1:]))"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    out = tmp_path / "plan"
    runs = [subprocess.Popen([sys.executable, "-c", code, "plan", "tiny", "--out", str(out), "--lang", "en", *QUICK,
                              "--seed", str(seed)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                             text=True) for seed in (1, 2)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    for run in runs:
        run.stderr.close()
    assert all(rc in (0, 2) for rc, _ in results) and any(rc == 0 for rc, _ in results), results
    for rc, err in results:
        assert "Traceback" not in err
        if rc == 2:
            assert "another run is writing" in err and len(err.splitlines()) == 1, err
    from planning.store import read_plan

    read_plan(out)  # its files match its plan.json: one plan, not two
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_a_second_run_while_one_writes_is_one_line(tmp_path, capsys) -> None:
    from tests.scenarios.test_outdir import _HOLD

    out = tmp_path / "plan"
    with subprocess.Popen([sys.executable, "-c", _HOLD, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            assert main(["plan", "tiny", "--out", str(out), "--lang", "en"]) == 2
            _one_line(capsys, "another run is writing")
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)


def test_check_completes_a_scenario_folder_cut_between_the_fallback_renames(tmp_path, monkeypatch, capsys) -> None:
    """A scenario folder written by a run (e.g. calibrate) killed between its two renames: `check` puts the new
    folder in place first, then reads it."""
    from scenarios import outdir

    class Killed(BaseException):
        pass

    shutil.copytree(DATA_DIR / "tiny", tmp_path / "sc")
    (tmp_path / "sc" / OWNER).write_text("an earlier run's")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp_path)
    monkeypatch.setattr(outdir, "_EXCHANGE_OK", False)
    renames = []

    def rename(src, dst):
        renames.append(src)
        if len(renames) == 2:
            raise Killed
        os.rename(src, dst)

    monkeypatch.setattr(outdir, "_rename", rename)
    with pytest.raises(Killed), outdir.atomic_folder(tmp_path / "sc") as stage:
        for path in (DATA_DIR / "tiny").iterdir():
            shutil.copy(path, stage)
    assert not (tmp_path / "sc").exists()  # the fallback's window: the marker says how to finish
    monkeypatch.undo()
    assert main(["check", str(tmp_path / "sc"), "--lang", "en"]) == 0
    assert (tmp_path / "sc" / OWNER).read_text() == outdir.OWNER_TEXT  # the new folder, put in place
    assert sorted(p.name for p in tmp_path.iterdir()) == ["qingdao_districts.csv", "sc"]
