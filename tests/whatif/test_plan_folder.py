"""A plan folder is always one plan: a full disk or a killed `plan` never leaves two plans mixed."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest

import scenarios
from planning.store import read_plan
from scenarios.io import clean_stale
from whatif.cli import main

ROOT = Path(__file__).resolve().parents[2]


def _plan_cmd(out: Path, lang: str) -> list[str]:
    code = "import sys; from whatif.cli import main; sys.exit(main(sys.argv[1:]))"
    return [sys.executable, "-c", code, "plan", "tiny", "--out", str(out), "--lang", lang, "--time-limit", "5",
            "--iterations", "300"]


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def two_plans(tmp_path_factory) -> tuple[dict[str, bytes], dict[str, bytes]]:
    """The files of the tiny plan written in Chinese (A) and in English (B)."""
    base = tmp_path_factory.mktemp("plans")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for lang in ("zh", "en"):
        subprocess.run(_plan_cmd(base / lang, lang), check=True, env=env, capture_output=True, timeout=120)
    return _files(base / "zh"), _files(base / "en")


def test_a_killed_plan_never_leaves_a_mix_of_two_plans(two_plans, tmp_path: Path) -> None:
    """SIGKILL at random points of `plan --lang en` over the Chinese plan: the folder is A or B, never a mix."""
    a, b = two_plans
    sc = scenarios.load("tiny")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = np.random.default_rng(12)
    out = tmp_path / "plan"
    seen = set()
    start = time.perf_counter()
    subprocess.run(_plan_cmd(out, "en"), check=True, env=env, capture_output=True, timeout=120)
    whole = time.perf_counter() - start
    for delay in rng.uniform(0.3 * whole, 1.1 * whole, size=6):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir()
        for name, data in a.items():
            (out / name).write_bytes(data)
        proc = subprocess.Popen(_plan_cmd(out, "en"), env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        clean_stale(out)  # what the next run does first
        files = _files(out)
        assert files in (a, b), sorted(files)
        seen.add("A" if files == a else "B")
        read_plan(out, sc)  # what `simulate --plan` reads: it accepts the folder as one plan
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan"], "no staging folders left"
    print("outcomes seen:", sorted(seen))


def test_simulate_refuses_a_folder_with_files_of_two_plans(two_plans, tmp_path: Path, capsys) -> None:
    a, b = two_plans
    for name, data in a.items():
        (tmp_path / name).write_bytes(b[name] if name == "routes.csv" else data)
    assert main(["simulate", "tiny", "--plan", str(tmp_path), "--out", str(tmp_path / "sim")]) == 2
    err = capsys.readouterr().err
    assert "routes.csv 不属于这个 plan.json" in err and len(err.splitlines()) == 1


def test_a_full_disk_while_writing_keeps_the_earlier_plan(two_plans, tmp_path: Path, monkeypatch, capsys) -> None:
    a, _ = two_plans
    for name, data in a.items():
        (tmp_path / name).write_bytes(data)

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("planning.store.write_text_atomic", full)
    assert main(["plan", "tiny", "--out", str(tmp_path), "--lang", "en", "--time-limit", "5"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --out: cannot write ") and "No space left on device" in err
    assert len(err.splitlines()) == 1 and _files(tmp_path) == a


def test_a_read_only_out_is_one_line_before_any_work(tmp_path: Path, monkeypatch, capsys) -> None:
    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr("scenarios.io.tempfile.mkstemp", read_only)
    monkeypatch.setattr("planning.make_plan", lambda *a, **k: pytest.fail("planned before --out was checked"))
    assert main(["plan", "tiny", "--out", str(tmp_path / "out"), "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: --out: cannot write in ")


def test_replan_refuses_a_plan_of_another_scenario(two_plans, tmp_path: Path, capsys) -> None:
    a, _ = two_plans
    for name, data in a.items():
        (tmp_path / name).write_bytes(data)
    assert main(["replan", "dingxi_qingdao_2023", "--plan", str(tmp_path), "--out", str(tmp_path / "r")]) == 2
    err = capsys.readouterr().err
    assert "该计划是为 'tiny' 制定的，不是为这一版“dingxi_qingdao_2023”" in err
    assert len(err.splitlines()) == 1


def test_replan_with_every_coach_broken_is_one_line(two_plans, tmp_path: Path, capsys) -> None:
    a, _ = two_plans
    for name, data in a.items():
        (tmp_path / name).write_bytes(data)
    assert main(["replan", "tiny", "--plan", str(tmp_path), "--broken", "C01", "--out", str(tmp_path / "r"),
                 "--lang", "en"]) == 2
    assert capsys.readouterr().err.startswith("error: --broken: every coach of the plan is broken")


def test_same_seed_same_bytes(two_plans, tmp_path: Path) -> None:
    """plan.json and the workbook carry no solver seconds: a second run writes the same bytes."""
    a, _ = two_plans
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    subprocess.run(_plan_cmd(tmp_path / "again", "zh"), check=True, env=env, capture_output=True, timeout=120)
    assert _files(tmp_path / "again") == a



def test_a_run_that_fails_leaves_no_empty_out_folder(tmp_path: Path, capsys) -> None:
    out = tmp_path / "new" / "run"
    assert main(["simulate", "tiny", "--plan", str(tmp_path / "nowhere"), "--out", str(out)]) == 2
    assert "plan.json" in capsys.readouterr().err
    assert not (tmp_path / "new").exists()  # neither the folder nor the parent the probe made
