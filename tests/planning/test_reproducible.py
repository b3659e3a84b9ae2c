"""Same seed, same bytes, whatever the machine's load: a default plan never reads the clock to decide anything."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from whatif.cli import main

#: The smallest bundled night whose plan runs every MIP (placement, the districts' masters, the split master and the
#: fleet master with second trips): 2025 has closed routes. A short search keeps the test fast; the count is the
#: same on both runs, which is all that reproducibility needs. The risk check is seeded too, but it is a simulation
#: (and, below the target, more plans): left out here to keep the test short.
ARGS = ["plan", "dingxi_qingdao_2025", "--iterations", "300", "--seed", "3", "--risk-nights", "0"]
FILES = ("routes.csv", "manifest.csv", "plan.json", "placement.xlsx")


def _plan(out: Path) -> dict[str, bytes]:
    assert main([*ARGS, "--out", str(out)]) == 0
    return {name: (out / name).read_bytes() for name in FILES}


@pytest.fixture(scope="module")
def quiet_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """The plan's files, made once as the machine happens to be."""
    return _plan(tmp_path_factory.mktemp("quiet"))


@pytest.fixture
def busy_cpu() -> Iterator[None]:
    """Two busy loops (as many as the CI machine's cores) for the length of the test."""
    loops = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(2)]
    try:
        yield
    finally:
        for p in loops:
            p.kill()
            p.wait()


def test_a_busy_machine_writes_the_same_plan_bytes(quiet_run, busy_cpu, tmp_path) -> None:
    """With the CPU saturated, routes, manifest, plan.json and the placement workbook are the same bytes, coach
    types included (once, a 30 s cap stopped the search under load and changed half the coaches' types)."""
    busy = _plan(tmp_path)
    assert [name for name in FILES if busy[name] != quiet_run[name]] == []


def test_a_clock_that_races_changes_nothing(quiet_run, tmp_path, monkeypatch) -> None:
    """A clock that jumps an hour at every reading (a machine slower than any real one) gives the same bytes: no
    decision inside a default plan depends on time."""
    ticks = iter(range(10**9))
    hour = 3600.0
    for name in ("perf_counter", "monotonic", "time"):
        real = getattr(time, name)
        monkeypatch.setattr(time, name, lambda real=real: real() + hour * next(ticks))
    raced = _plan(tmp_path)
    monkeypatch.undo()
    assert [name for name in FILES if raced[name] != quiet_run[name]] == []


def test_a_time_limit_that_fires_says_so(tmp_path, capsys) -> None:
    """Opt-in --time-limit: a plan the clock stopped says so in the run log and in plan.json."""
    import json

    assert main(["plan", "tiny", "--iterations", "0", "--time-limit", "1", "--out", str(tmp_path)]) == 0
    err = capsys.readouterr().err
    assert "到达时间上限而停止：再运行一次结果可能不同" in err
    saved = json.loads((tmp_path / "plan.json").read_text(encoding="utf-8"))
    assert saved["routing_info"]["timed_out"] is True
