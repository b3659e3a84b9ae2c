"""Benchmark placement: build, solve and read-back times for the bundled scenarios and generated cities.

python benchmarks/placement.py                     # bundled + cities of 5k, 20k, 50k workers; HiGHS and CBC
python benchmarks/placement.py --sizes 5000:500 --runs 3 --out benchmarks/results/placement.txt

Times are wall seconds on this machine: groups + model build, the solver call (as timed by planning.solver),
read-back into one row per worker; the median over ``--runs`` runs for scenarios up to 5,000 workers, one run above.
Every plan is checked with planning.check_plan; "check" says how many violations were found (0 expected).
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import scenarios
from planning.check import check_plan
from planning.placement.groups import make_groups
from planning.placement.place import plan_of, solve_placement
from scenarios.bundled import write_scenario
from scenarios.city import city_spec
from scenarios.io import write_text_atomic
from scenarios.loader import bundled_names

COLUMNS = ("scenario", "workers", "ents", "groups", "vars", "cons", "solver", "build s", "solve s", "extract s",
           "total s", "status", "gap", "placed", "objective", "check", "runs")


def run_once(sc, solver: str, time_limit: float) -> dict:
    """One placement: times, size, status, objective and the checker's verdict."""
    start = time.perf_counter()
    model, info = solve_placement(sc, solver=solver, time_limit=time_limit)
    solved = time.perf_counter()
    plan = plan_of(sc, model, info)
    done = time.perf_counter()
    violations = check_plan(sc, plan)
    build = (solved - start) - info.seconds
    return {"groups": len(model.groups), "vars": model.problem.numVariables(),
            "cons": model.problem.numConstraints(), "build s": build, "solve s": info.seconds,
            "extract s": done - solved, "total s": done - start, "status": info.status,
            "gap": "-" if info.gap is None else f"{100 * info.gap:.3f}%", "placed": len(plan.placed),
            "objective": info.objective, "check": len(violations)}


def measure(name: str, sc, solver: str, runs: int, time_limit: float) -> dict:
    results = [run_once(sc, solver, time_limit) for _ in range(runs)]
    row = dict(results[len(results) // 2])
    for key in ("build s", "solve s", "extract s", "total s"):
        row[key] = statistics.median(r[key] for r in results)
    row.update(scenario=name, workers=len(sc.workers), ents=len(sc.enterprises), solver=solver, runs=runs)
    return row


def fmt(row: dict) -> list[str]:
    out = []
    for c in COLUMNS:
        v = row.get(c, "")
        if isinstance(v, float):
            v = f"{v:,.1f}" if c == "objective" else f"{v:.2f}"
        elif v is None:
            v = "-"
        out.append(str(v))
    return out


def table(rows: list[dict]) -> str:
    cells = [list(COLUMNS)] + [fmt(r) for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(COLUMNS))]
    lines = ["  ".join(c.rjust(w) if k else c.ljust(w) for k, (c, w) in enumerate(zip(r, widths, strict=True)))
             for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5000:500,20000:2000,50000:5000", help="workers:enterprises,...")
    parser.add_argument("--runs", type=int, default=5, help="runs per scenario up to 5,000 workers (median)")
    parser.add_argument("--solvers", default="highs,cbc")
    parser.add_argument("--time-limit", type=float, default=60.0, help="HiGHS time limit, seconds")
    parser.add_argument("--cbc-limit", type=float, default=120.0, help="CBC time limit, seconds")
    parser.add_argument("--no-bundled", action="store_true")
    parser.add_argument("--keep", choices=["", "none", "district", "enterprise"], default="",
                        help="override policy.keep_villagers in every scenario")
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    parser.add_argument("--append", action="store_true", help="append to --out instead of replacing it")
    args = parser.parse_args(argv)

    overrides = {"policy.keep_villagers": args.keep} if args.keep else None
    cases: list[tuple[str, object]] = []
    if not args.no_bundled:
        cases += [(name, scenarios.load(name, overrides)) for name in bundled_names()]
    tmp = tempfile.TemporaryDirectory(prefix="placement-bench-")
    for size in filter(None, args.sizes.split(",")):
        workers, enterprises = (int(x) for x in size.split(":"))
        spec, fleet = city_spec(workers, enterprises, seed=1)
        name = f"city_{workers // 1000}k" if workers >= 1000 else f"city_{workers}"
        write_scenario(Path(tmp.name) / name, name, spec, fleet)
        cases.append((name, scenarios.load(Path(tmp.name) / name, overrides)))

    header = [f"# placement benchmark, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}",
              f"# {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
              f"load average at start {os.getloadavg()[0]:.1f} (the machine is shared)",
              f"# HiGHS limit {args.time_limit:.0f} s, CBC limit {args.cbc_limit:.0f} s; keep_villagers: "
              + (args.keep or "as in each scenario (all 'district')")
              + "; gap = relative gap when the solver stopped before proving optimality"]
    if args.keep == "enterprise":
        header.append("# villagers in one enterprise: 'build s' includes the district-level plan that starts the "
                      "solver (a quarter of its time limit at most)")
    print("\n".join(header), flush=True)
    rows = []
    for name, sc in cases:
        runs = args.runs if len(sc.workers) <= 5000 else 1
        make_groups(sc)  # warm the caches (travel model) so that the first run is not penalised
        for solver in args.solvers.split(","):
            limit = args.cbc_limit if solver == "cbc" else args.time_limit
            row = measure(name, sc, solver, runs, limit)
            rows.append(row)
            print("  ".join(f"{c}={v}" for c, v in zip(COLUMNS, fmt(row), strict=True)), file=sys.stderr, flush=True)
    text = "\n".join([*header, "", table(rows),
                      f"\n# load average at end {os.getloadavg()[0]:.1f}"]) + "\n"
    print("\n" + table(rows))
    if args.out:
        if args.append and args.out.exists():
            text = args.out.read_text(encoding="utf-8") + "\n" + text
        write_text_atomic(args.out, text)
    tmp.cleanup()


if __name__ == "__main__":
    main()
