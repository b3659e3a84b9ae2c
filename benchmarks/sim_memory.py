"""Peak memory of many simulated nights in one process: the 2023 scenario's baseline plan, ``--nights`` replications
with ``n_jobs`` 1, each run in a fresh Python process; the median of ``--runs`` runs.

    .venv/bin/python benchmarks/sim_memory.py --nights 1000 --runs 3 --out benchmarks/results/sim_memory.txt
    .venv/bin/python benchmarks/sim_memory.py --repo /tmp/old-checkout   # the same run on another checkout

Columns: the process's resident memory once the scenario, the plan and the libraries are loaded (before simulate),
its peak (``ru_maxrss``, the whole process), the CPU seconds of ``simulate``, and the bytes pandas counts for the
result's ``events`` and ``timelines`` (``memory_usage(deep=True)``: it counts a Python string once per cell even
where cells share one string, so for text columns it overstates what strings really take; the peak is the measure).
Memory does not depend on the machine's load; CPU seconds a little.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import scenarios
from planning.baseline import baseline_plan
from sim import simulate

def rss_mb():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * resource.getpagesize() / 2**20

sc = scenarios.load("dingxi_qingdao_2023")
plan = baseline_plan(sc)
before = rss_mb()
cpu = time.process_time()
result = simulate(sc, plan, replications=int(sys.argv[2]), seed=1, options={"n_jobs": 1})
cpu = time.process_time() - cpu
print(json.dumps({"before": before, "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "cpu": cpu,
                  "events": result.events.memory_usage(deep=True).sum() / 2**20,
                  "timelines": result.timelines.memory_usage(deep=True).sum() / 2**20,
                  "rows": [len(result.events), len(result.timelines)],
                  "kpis": float(result.kpis["last_checkin_min"].sum())}))
"""


def one_run(repo: Path, nights: int) -> dict:
    out = subprocess.run([sys.executable, "-c", CHILD, str(repo), str(nights)], check=True, capture_output=True,
                         text=True, cwd=repo)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nights", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--repo", type=Path, default=REPO, help="the checkout to measure (default: this one)")
    parser.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    args = parser.parse_args(argv)
    runs = [one_run(args.repo.resolve(), args.nights) for _ in range(args.runs)]
    peaks = ", ".join(f"{r['peak']:.0f}" for r in runs)
    med = {k: statistics.median(r[k] for r in runs) for k in ("before", "peak", "cpu", "events", "timelines")}
    lines = [f"# benchmarks/sim_memory.py --nights {args.nights} --runs {args.runs} ({args.repo}); "
             f"load average {os.getloadavg()[0]:.1f}",
             "",
             "| nights | RSS before simulate MB | peak RSS MB | simulate CPU s | events MB (deep) "
             "| timelines MB (deep) | log rows | timeline rows |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|",
             f"| {args.nights:,} | {med['before']:.0f} | {med['peak']:.0f} | {med['cpu']:.1f} | {med['events']:.0f} "
             f"| {med['timelines']:.0f} | {runs[0]['rows'][0]:,} | {runs[0]['rows'][1]:,} |",
             "",
             f"peak RSS of each run (MB): {peaks}; "
             f"sum of the nights' last check-in minutes (the same in every run): {runs[0]['kpis']:.6f}"]
    print("\n".join(lines))
    if args.out:
        sys.path.insert(0, str(REPO))
        from scenarios.io import write_text_atomic

        write_text_atomic(args.out, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
