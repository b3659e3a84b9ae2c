"""What the risk check adds to `plan`: CPU seconds of the `plan` command without the check (`--risk-nights 0`) and
as run (the check and, below policy.target_on_time, its alternatives), per bundled night; median of ``--repeats``
runs.

    .venv/bin/python benchmarks/plan_risk.py --repeats 3 --out benchmarks/results/plan_risk.txt

Both commands run in this process (``whatif.cli.main``), so ``time.process_time`` counts all their work whatever
the machine's load (the check's nights are fewer than ``sim.config.SimConfig.parallel_min_replications``, so they
are simulated in this process too); the check's and the alternatives' shares are timed inside the as-run command.
The plans, figures and recommendations do not depend on the load; the seconds do a little (caches, memory).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
from report import emit

import whatif.plan_risk as plan_risk
from sim.config import SimConfig
from whatif.cli import main as cli

NIGHTS = ("dingxi_qingdao_2023", "dingxi_qingdao_2024", "dingxi_qingdao_2025")


class Timer:
    """CPU seconds spent inside a function of ``whatif.plan_risk`` while the command runs."""

    def __init__(self, name: str) -> None:
        self.name, self.seconds, self.last = name, 0.0, None
        self.inner: Callable = getattr(plan_risk, name)

    def __enter__(self) -> Timer:
        def timed(*args, **kwargs):
            start = time.process_time()
            try:
                self.last = self.inner(*args, **kwargs)
                return self.last
            finally:
                self.seconds += time.process_time() - start

        setattr(plan_risk, self.name, timed)
        return self

    def __exit__(self, *exc) -> None:
        setattr(plan_risk, self.name, self.inner)


def command(args: list[str]) -> float:
    """CPU seconds of one command, run in this process, its output discarded."""
    with tempfile.TemporaryDirectory() as folder, open(os.devnull, "w") as null:
        out, err = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = null
        start = time.process_time()
        try:
            assert cli([*args, "--out", str(Path(folder) / "out")]) == 0
        finally:
            sys.stdout, sys.stderr = out, err
        return time.process_time() - start


def measure(name: str, repeats: int, mode: str) -> dict[str, object]:
    alone, run, check, alts = [], [], [], []
    result = None
    for _ in range(repeats):
        alone.append(command(["plan", name, "--risk-nights", "0"]))
        with Timer("check_risk") as whole, Timer("_alternatives") as tried:
            run.append(command(["plan", name, "--alternatives", mode]))
        check.append(whole.seconds - tried.seconds)  # the check's own simulation and who fails
        alts.append(tried.seconds)
        assert result is None or result.table().equals(whole.last.table())  # the same on every run
        result = whole.last
    assert result is not None
    rec = result.recommended
    table = result.table()
    med = {k: statistics.median(v) for k, v in (("alone", alone), ("run", run), ("check", check), ("alts", alts))}
    return {"night": name, "alternatives": mode, "plan_alone_s": round(med["alone"], 1),
            "check_s": round(med["check"], 1), "alternatives_s": round(med["alts"], 1),
            "as_run_s": round(med["run"], 1), "ratio_as_run": round(med["run"] / med["alone"], 2),
            "p_on_time": f"{result.share.p:.3f} ({result.share.nights})",
            "tried": ",".join(f"{r.option}:{r.nights}" for r in table.itertuples() if r.option != "current"
                              and r.nights),
            "not_tried": ",".join(f"{r.option}:{r.not_tried}" for r in table.itertuples() if r.not_tried),
            "recommended": rec.key if rec is not None else ("(meets)" if result.meets else "-")}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--scenarios", nargs="+", default=list(NIGHTS))
    parser.add_argument("--alternatives", nargs="+", default=["auto"], choices=("auto", "quick", "all"))
    args = parser.parse_args()
    assert SimConfig().parallel_min_replications > plan_risk.RISK_NIGHTS  # the check runs in this process
    rows = [measure(name, args.repeats, mode) for mode in args.alternatives for name in args.scenarios]
    frame = pd.DataFrame(rows)
    shown = frame.drop(columns=["tried", "not_tried"]).to_string(index=False)
    detail = frame[["night", "alternatives", "tried", "not_tried"]].to_string(index=False)
    cmd = "python benchmarks/plan_risk.py " + " ".join(sys.argv[1:])
    text = (f"$ {cmd}\n`plan` with its risk check ({plan_risk.RISK_NIGHTS} nights, seed 0), CPU seconds of this "
            f"process, median of {args.repeats} runs; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} "
            f"cores\nplan_alone_s: `plan --risk-nights 0`; as_run_s: `plan` (check_s + alternatives_s inside it); "
            f"ratio_as_run = as_run_s / plan_alone_s\n{shown}\n\nalternatives tried (nights each) and not tried "
            f"(why):\n{detail}\n")
    emit(text, args.out)


if __name__ == "__main__":
    main()
