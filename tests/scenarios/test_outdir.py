"""The one writer of output folders: checked before computing, locked, staged, swapped in whole, never missing.

Kills are simulated by raising ``Killed`` (a BaseException, like a signal that leaves no ``except Exception`` to tidy
up) at each commit step of the writer, with the exchange (renameat2) and with the rename-and-marker fallback.
"""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from scenarios import ScenarioError, outdir
from scenarios.outdir import OWNER, atomic_folder, check_target, check_writable, claim, clean_stale, recover


class Killed(BaseException):
    """A kill at a commit step: no handler of the writer runs."""


def _fill(folder: Path, tag: str, names=("a.csv", "b.csv", "plan.json")) -> None:
    for name in names:
        (folder / name).write_text(f"{tag} {name}")


def _seen(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text() for p in folder.iterdir() if p.name != OWNER}


OLD = {"a.csv": "old a.csv", "b.csv": "old b.csv", "plan.json": "old plan.json"}
NEW = {"a.csv": "new a.csv", "c.csv": "new c.csv", "plan.json": "new plan.json"}


def _old_set(tmp_path: Path) -> Path:
    out = tmp_path / "plan"
    out.mkdir()
    _fill(out, "old")
    return out


def _write_new(out: Path) -> None:
    with atomic_folder(out) as stage:
        _fill(stage, "new", NEW)


def test_the_folder_is_replaced_whole_never_merged(tmp_path: Path) -> None:
    out = _old_set(tmp_path)
    (out / "names_and_phones.csv").write_text("an earlier run's file")
    with atomic_folder(out) as stage:
        _fill(stage, "new", NEW)
        assert _seen(out)["a.csv"] == "old a.csv"  # nothing changes until the end
    assert _seen(out) == NEW and (out / OWNER).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_a_failure_while_writing_leaves_the_earlier_folder(tmp_path: Path) -> None:
    out = _old_set(tmp_path)
    with pytest.raises(ScenarioError, match=r"out_dir: cannot write .*No space left on device"), \
            atomic_folder(out) as stage:
        (stage / "a.csv").write_text("new")
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    assert _seen(out) == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


STEPS = ("_exchange", "_rename", "_remove", "_mark")


def _cut_at(monkeypatch, n: int) -> list[str]:
    """Kill the run at the n-th call of a commit step (counting all of them); returns the steps called."""
    calls: list[str] = []
    for name in STEPS:
        real = getattr(outdir, name)

        def step(*args, _real=real, _name=name):
            calls.append(_name)
            if len(calls) == n:
                raise Killed(_name)
            return _real(*args)

        monkeypatch.setattr(outdir, name, step)
    return calls


@pytest.mark.parametrize("exchange", [True, False], ids=["renameat2", "rename+marker"])
def test_a_kill_at_each_commit_step_never_mixes_and_the_next_run_completes(tmp_path: Path, monkeypatch,
                                                                           exchange: bool) -> None:
    if not exchange:
        monkeypatch.setattr(outdir, "_EXCHANGE_OK", False)
    n, outcomes = 0, []
    while True:
        n += 1
        base = tmp_path / str(n)
        base.mkdir()
        out = _old_set(base)
        with monkeypatch.context() as m:
            calls = _cut_at(m, n)
            try:
                _write_new(out)
            except Killed:
                pass
            else:
                assert len(calls) < n
                break
        if exchange:
            assert out.is_dir(), f"--out missing after a kill at {calls[-1]}"  # the exchange never leaves it missing
            assert _seen(out) in (OLD, NEW), calls
        clean_stale(out)  # what the next run (or a reader) does first
        assert _seen(out) in (OLD, NEW), calls
        assert sorted(p.name for p in base.iterdir()) == ["plan"], calls
        outcomes.append("new" if _seen(out) == NEW else "old")
    assert n >= 2 and outcomes, "every step was cut at least once"
    if not exchange:
        assert "new" in outcomes  # a kill after the marker goes forward


def test_a_kill_while_writing_leaves_the_earlier_set_and_a_stage_the_next_run_removes(tmp_path: Path) -> None:
    out = _old_set(tmp_path)
    with pytest.raises(Killed), atomic_folder(out) as stage:
        (stage / "a.csv").write_text("half")
        raise Killed
    assert _seen(out) == OLD
    _write_new(out)
    assert _seen(out) == NEW and sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_the_exchange_is_used_where_linux_has_it(tmp_path: Path) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("renameat2 is Linux's")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x").write_text("a")
    assert outdir._exchange(a, b) and (b / "x").read_text() == "a" and not (a / "x").exists()


def test_an_earlier_version_cut_between_its_renames_is_put_back(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    aside = tmp_path / ".plan.old-x1"
    aside.mkdir()
    _fill(aside, "old")
    stage = tmp_path / ".plan.tmp-x1"
    stage.mkdir()
    (stage / "a.csv").write_text("half")
    recover(out)
    assert _seen(out) == OLD and sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


@pytest.mark.parametrize("given", ["", ".", "./", " "])
def test_no_folder_or_the_current_one_is_refused(given: str) -> None:
    with pytest.raises(ScenarioError, match=r"out_dir: (no output folder given|.* is the working folder)"):
        check_target(given)


def test_the_working_folder_and_its_parents_are_refused(tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "a" / "b"
    work.mkdir(parents=True)
    monkeypatch.chdir(work)
    for given in (work, tmp_path / "a", tmp_path, "..", "../b"):
        with pytest.raises(ScenarioError, match="is the working folder or a folder above it"):
            check_target(given)
    assert check_target("out") == work / "out"


def test_the_scenario_folder_and_its_parents_are_refused(tmp_path: Path) -> None:
    home = tmp_path / "sc"
    home.mkdir()
    (home / "scenario.yaml").write_text("x")
    for given in (home, tmp_path):
        with pytest.raises(ScenarioError, match="holds the scenario's own files"):
            check_target(given, scenario=home / "scenario.yaml")
    with pytest.raises(ScenarioError, match="holds the scenario's own files"):
        check_target(outdir._scenario_dir("tiny"), scenario="tiny")
    check_target(home / "out", scenario=home / "scenario.yaml")


def test_a_folder_of_somebody_s_files_is_refused_an_output_folder_is_not(tmp_path: Path) -> None:
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "thesis.docx").write_text("x")
    with pytest.raises(ScenarioError, match=r"holds files that labor-transfer did not write \(thesis.docx\)"):
        check_target(tmp_path / "mine")
    _write_new(tmp_path / "ours")
    check_target(tmp_path / "ours")
    with pytest.raises(ScenarioError, match="did not write"):
        check_target(tmp_path / "ours", fresh=True)  # the template takes only a new or empty folder


def test_a_name_part_too_long_for_the_disk_is_one_line(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"has 300 bytes, more than the 231"):
        check_target(tmp_path / ("x" * 300) / "out")
    with pytest.raises(ScenarioError, match=r"has 240 bytes"):
        check_target(tmp_path / ("名" * 80))


def test_another_runs_write_probe_is_not_a_planners_file(tmp_path: Path) -> None:
    """A run holding the lock probes --out by writing a file in it; a second run checking the folder at that moment is
    refused by the lock (busy), not told the folder holds somebody's files."""
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / f"{outdir.PROBE}abc123").write_bytes(b"")
    assert check_target(tmp_path / "out") == tmp_path / "out"
    (tmp_path / "out" / "mine.xlsx").write_bytes(b"")
    with pytest.raises(ScenarioError, match=r"did not write \(mine.xlsx\)"):
        check_target(tmp_path / "out")


def test_a_folder_that_cannot_be_written_is_found_before_any_work(tmp_path: Path, monkeypatch) -> None:
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("scenarios.outdir.tempfile.mkstemp", read_only)
    with pytest.raises(ScenarioError, match=r"out_dir: cannot write in .*Read-only file system"):
        check_writable(tmp_path / "out")


def test_a_really_read_only_parent_is_one_line(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root writes anywhere")
    tmp_path.chmod(0o555)
    try:
        with pytest.raises(ScenarioError, match=r"cannot write in .*Permission denied"), claim(tmp_path / "out"):
            pass
    finally:
        tmp_path.chmod(0o755)


_HOLD = textwrap.dedent("""
    import sys
    from scenarios.outdir import locked
    from pathlib import Path
    with locked(Path(sys.argv[1])):
        print("held", flush=True)
        sys.stdin.read()
""")


def test_a_second_run_into_the_same_folder_is_refused_while_the_first_writes(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen([sys.executable, "-c", _HOLD, str(out)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          text=True, env={**os.environ, "PYTHONPATH": str(root)}) as holder:
        try:
            assert holder.stdout.readline().strip() == "held"
            with pytest.raises(ScenarioError, match=r"out_dir: another run is writing .*plan"), claim(out):
                pass
            clean_stale(out)  # a reader leaves a folder being written alone
        finally:
            holder.stdin.close()
            holder.wait(timeout=30)
    with claim(out):  # free again: the lock file went with its holder
        _write_new(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]


def test_the_lock_is_taken_once_per_process_and_nests(tmp_path: Path) -> None:
    out = tmp_path / "plan"
    with claim(out), claim(out):
        _write_new(out)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"]
