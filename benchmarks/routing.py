"""Benchmark the routing engine on CVRPLIB (.vrp/.sol) or DIMACS SDVRP files, optionally beside PyVRP/OR-Tools.

python benchmarks/routing.py ../shared/benchmarks/cvrplib/A --time-limit 10 --csv out.csv
python benchmarks/routing.py ../shared/benchmarks/cvrplib/X --time-limit 20 --solvers ours,pyvrp --jobs 2

Time limits are CPU seconds of the solving process, for our engine and for PyVRP alike (``planning.routing.slices.cpu``;
PyVRP through a CPU-time stopping criterion), so a busy machine stretches the wall time, not the search; ``--jobs``
runs instances in parallel processes, each with its own CPU clock. OR-Tools' limit stays wall-clock (its own).
python benchmarks/routing.py --scenarios all --peer all --mixes --time-limit 900   # nights: mixes, PyVRP, VROOM
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import importlib.util
import math
import re
import sys
import time
from pathlib import Path

from joblib import Parallel, delayed

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from planning.routing import RoutingProblem, check_routes, read_sdvrp, read_sol, read_vrp, solve

SDVRP_SUFFIXES = {".sd", ".txt", ".cri"}


def instances(folder: Path, pattern: str) -> list[Path]:
    """Instance files in ``folder`` matching ``pattern``, sorted by size then name."""
    files = [p for p in folder.glob(pattern) if p.suffix == ".vrp" or p.suffix in SDVRP_SUFFIXES]
    files = [p for p in files if p.name.lower() not in {"readme.txt"}]
    return sorted(files, key=lambda p: (p.stat().st_size, p.name))


def load(path: Path, fix_k: bool = False) -> RoutingProblem:
    """Read a .vrp or an SDVRP file; with ``fix_k`` the fleet is the k of the name (A-n32-k5: 5 vehicles)."""
    problem = read_vrp(path) if path.suffix == ".vrp" else read_sdvrp(path)
    k = fleet_from_name(path) if fix_k else None
    if k is not None:
        vt = dataclasses.replace(problem.vehicle_types[0], count=k)
        problem = dataclasses.replace(problem, vehicle_types=(vt,))
    return problem


def fleet_from_name(path: Path) -> int | None:
    """The k of a CVRPLIB name such as P-n22-k8, or None."""
    match = re.search(r"-k(\d+)$", path.stem)
    return int(match.group(1)) if match else None


def best_known(path: Path) -> float | None:
    """The .sol cost beside the file, else the bks.csv value in this folder or a parent."""
    sol = path.with_suffix(".sol")
    if sol.exists():
        return read_sol(sol).cost
    for folder in (path.parent, path.parent.parent, path.parent.parent.parent):
        table = folder / "bks.csv"
        if table.exists():
            with table.open() as fh:
                for row in csv.DictReader(fh):
                    if row.get("instance") == path.stem:
                        return float(row["bks"])
    return None


def run_pyvrp(path: Path, seconds: float, seed: int, k: int | None = None) -> tuple[float, int] | None:
    """PyVRP's cost and route count, or None when unavailable or not applicable."""
    if path.suffix != ".vrp" or importlib.util.find_spec("pyvrp") is None:
        return None
    import pyvrp

    from planning.routing.generator import CpuTime

    data = pyvrp.read(str(path), round_func="round")
    if k is not None:
        vt = data.vehicle_type(0).replace(num_available=k)
        data = data.replace(vehicle_types=[vt])
    res = pyvrp.Model.from_data(data).solve(CpuTime(seconds), seed=seed, display=False)
    return (float(res.cost()), int(res.best.num_routes())) if res.is_feasible() else None


def run_ortools(problem: RoutingProblem, path: Path, seconds: float) -> tuple[float, int] | None:
    """OR-Tools routing (guided local search) cost and route count, or None."""
    if path.suffix != ".vrp" or importlib.util.find_spec("ortools") is None:
        return None
    from ortools.constraint_solver import pywrapcp, routing_enums_pb2

    n = problem.n_nodes
    cap = int(problem.vehicle_types[0].capacity)
    k = math.ceil(problem.demand.sum() / cap)
    fixed = problem.vehicle_types[0].count
    vehicles = fixed if fixed is not None else k + max(2, k // 5)
    dist = problem.distance.astype(int).tolist()
    demand = problem.demand.astype(int).tolist()
    manager = pywrapcp.RoutingIndexManager(n, vehicles, 0)
    routing = pywrapcp.RoutingModel(manager)
    transit = routing.RegisterTransitCallback(lambda i, j: dist[manager.IndexToNode(i)][manager.IndexToNode(j)])
    routing.SetArcCostEvaluatorOfAllVehicles(transit)
    dem = routing.RegisterUnaryTransitCallback(lambda i: demand[manager.IndexToNode(i)])
    routing.AddDimensionWithVehicleCapacity(dem, 0, [cap] * vehicles, True, "load")
    params = pywrapcp.DefaultRoutingSearchParameters()
    params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.SAVINGS
    params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    params.time_limit.FromMilliseconds(int(seconds * 1000))
    sol = routing.SolveWithParameters(params)
    if sol is None:
        return None
    used = sum(1 for v in range(vehicles) if not routing.IsEnd(sol.Value(routing.NextVar(routing.Start(v)))))
    return float(sol.ObjectiveValue()), used


def run_instance(
    path: Path, fix_k: bool, seconds: float, seed: int, solvers: set[str]
) -> tuple[dict[str, object], list[str]]:
    """One instance's row (ours, PyVRP, OR-Tools as chosen) and the checker's errors on our routes."""
    problem = load(path, fix_k)
    bks = best_known(path)
    row: dict[str, object] = {"instance": path.stem, "customers": len(problem.customers), "bks": bks}
    errors: list[str] = []
    if "ours" in solvers:
        t0, c0 = time.perf_counter(), time.process_time()
        res = solve(problem, time_limit=seconds, seed=seed)
        elapsed, used = time.perf_counter() - t0, time.process_time() - c0
        errors = check_routes(problem, res)
        row |= {
            "cost": res.cost,
            "gap": gap(res.cost, bks),
            "time": elapsed,
            "cpu": used,
            "vehicles": res.vehicles,
            "check": "ok" if not errors else "FAIL",
            "status": res.status,
        }
    k = problem.vehicle_types[0].count
    c0 = time.process_time()
    py = run_pyvrp(path, seconds, seed, k) if "pyvrp" in solvers else None
    py_cpu = time.process_time() - c0 if py else None
    ot = run_ortools(problem, path, seconds) if "ortools" in solvers else None
    row |= {
        "pyvrp": py[0] if py else None,
        "pyvrp_gap": gap(py[0] if py else None, bks),
        "pyvrp_cpu": py_cpu,
        "ortools": ot[0] if ot else None,
        "ortools_gap": gap(ot[0] if ot else None, bks),
    }
    return row, errors


def gap(cost: float | None, bks: float | None) -> float | None:
    """Gap in percent to the best known."""
    if cost is None or bks is None or bks <= 0:
        return None
    return 100.0 * (cost - bks) / bks


def fmt(x: float | None, digits: int = 2) -> str:
    """Format a number or a dash."""
    return "-" if x is None else f"{x:.{digits}f}"


def run_scenarios(names: list[str], seconds: float, seed: int, peer: str | None = None, mixes: bool = False) -> int:
    """Place and route each bundled scenario (default objective and coaches_then_km), optionally beside PyVRP on
    the same district problems; every plan goes through the plan checker (strict)."""
    import scenarios
    from benchmarks.scenario_peer import scenario_rows

    print(f"# bundled scenarios, routing as make_plan does it (iterations, time cap {seconds:g} s), seed {seed}")
    print(f"# {_uptime()}")
    print(
        f"{'scenario':<22}{'solver':<50}{'coaches':>8}{'lb':>4}{'trips':>6}{'km':>8}{'km lb':>7}"
        f"{'ride min':>10}{'max ride':>9}"
        f"{'s':>7}{'cpu s':>7}  check",
        flush=True,
    )
    fails = 0
    if not names or names == ["all"]:
        names = [n for n in scenarios.bundled_names() if n != "tiny"]
    for name in names:
        rows = scenario_rows(name, seconds, seed, peer, mixes)
        print(f"# {name}: placement {rows[0]['placement_cpu']:.1f} cpu s (before every row's routing)", flush=True)
        for row in rows:
            fails += row["check"] != "ok"
            print(
                f"{name:<22}{row['solver']:<50}{row['coaches']:>8}{row['lb']:>4}{row['trips']:>6}{row['km']:>8.0f}"
                f"{row['km_lb']:>7.0f}{row['ride']:>10,.0f}{row['max_ride']:>9.0f}{row['seconds']:>7.1f}"
                f"{row['cpu']:>7.1f}  {row['check']}",
                flush=True,
            )
    print("km counts the drive back to the station on closed routes (not on open ones); km lb: a proven bound (a tree "
          "with a station leg per trip, planning.routing.bounds.km_bound); ride min = sum over workers")
    return 1 if fails else 0


def _uptime() -> str:
    """The machine's load, for the timings beside it."""
    try:
        return "load average " + Path("/proc/loadavg").read_text().split(" ", 3)[:3].__str__()
    except OSError:
        return "load unknown"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path, nargs="?", default=Path("."))
    ap.add_argument("--time-limit", type=float, default=10.0)
    ap.add_argument("--csv", type=Path)
    ap.add_argument("--instances", default="*")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--max-customers", type=int, default=None)
    ap.add_argument("--solvers", default="ours,pyvrp,ortools", help="comma list of ours, pyvrp, ortools")
    ap.add_argument("--fix-k", action="store_true", help="fleet = the k of the instance name (A and P sets)")
    ap.add_argument("--scenarios", nargs="*", default=None, help="route bundled scenarios instead (names or all)")
    ap.add_argument("--peer", choices=("pyvrp", "vroom", "all"), default=None,
                    help="with --scenarios: PyVRP, VROOM (pyvroom, the bench extra) or both on the same problems")
    ap.add_argument("--jobs", type=int, default=1, help="instances solved in parallel processes (CPU-time limits)")
    ap.add_argument("--mixes", action="store_true",
                    help="with --scenarios: also our own search alone and PyVRP alone (planning.routing.mix)")
    args = ap.parse_args(argv)
    if args.scenarios is not None:
        return run_scenarios(args.scenarios, args.time_limit, args.seed, args.peer, args.mixes)
    solvers = set(args.solvers.split(","))
    files = instances(args.folder, args.instances)
    header = f"{'instance':<14}{'n':>5}{'cost':>11}{'bks':>11}{'gap%':>8}{'cpu s':>8}{'wall s':>8}{'veh':>5}"
    header += f" {'check':<6}"
    header += f"{'pyvrp':>11}{'gap%':>7}{'cpu s':>7}{'ortools':>11}{'gap%':>7}"
    fleet = "fleet k from the name" if args.fix_k else "free fleet"
    print(f"# {args.folder} time limit {args.time_limit:g} CPU s seed {args.seed}, {fleet}, {args.jobs} jobs",
          flush=True)
    print(f"# {_uptime()}", flush=True)
    print(header, flush=True)
    chosen = []
    for path in files:
        problem = load(path, args.fix_k)
        if args.max_customers is None or len(problem.customers) <= args.max_customers:
            chosen.append(path)
    work = (delayed(run_instance)(path, args.fix_k, args.time_limit, args.seed, solvers) for path in chosen)
    rows: list[dict[str, object]] = []
    for row, errors in Parallel(n_jobs=args.jobs, return_as="generator")(work):
        for e in errors[:5]:
            print(f"  check: {e}", file=sys.stderr)
        rows.append(row)
        print(
            f"{row['instance']!s:<14}{row['customers']!s:>5}{fmt(row.get('cost'), 0):>11}{fmt(row['bks'], 0):>11}"
            f"{fmt(row.get('gap')):>8}{fmt(row.get('cpu'), 1):>8}{fmt(row.get('time'), 1):>8}"
            f"{row.get('vehicles', '-')!s:>5} {row.get('check', '-')!s:<6}"
            f"{fmt(row['pyvrp'], 0):>11}{fmt(row['pyvrp_gap']):>7}{fmt(row['pyvrp_cpu'], 1):>7}"
            f"{fmt(row['ortools'], 0):>11}{fmt(row['ortools_gap']):>7}",
            flush=True,
        )
    for key, label in (("gap", "ours"), ("pyvrp_gap", "pyvrp"), ("ortools_gap", "ortools")):
        gaps = [float(r[key]) for r in rows if r.get(key) is not None]  # type: ignore[arg-type]
        if gaps:
            print(f"mean gap {label}: {sum(gaps) / len(gaps):.2f}% over {len(gaps)} instances", flush=True)
    fails = sum(1 for r in rows if r.get("check") == "FAIL")
    print(f"checker failures: {fails}", flush=True)
    if args.csv is not None:
        fields = sorted({k for r in rows for k in r})
        tmp = args.csv.with_suffix(args.csv.suffix + ".tmp")
        with tmp.open("w", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)
        tmp.replace(args.csv)
    return 1 if fails else 0


if __name__ == "__main__":
    raise SystemExit(main())
