"""The season at scale: the stress season (45,000 workers, 80 arrivals) planned and simulated 100 times.

    python benchmarks/season.py [--workers 45000] [--arrivals 80] [--replications 100] [--out FILE]

Prints: season plan time; 100 season replications on 2 local processes and on a Dask ``LocalCluster`` with 1 and
2 workers (time per night-replication, to show how it would scale on a real cluster); simulated events per second
beside a bare SimPy loop; peak memory (resident set of this process and its children).
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path

import simpy

from planning.options import PlanOptions
from planning.season import SEASON_ITERATIONS, plan_season
from scenarios.season import load_season
from scenarios.season_generate import stress
from whatif.season import simulate_season


def bare_simpy(events: int = 200_000) -> float:
    """Events per second of a bare SimPy loop (one process timing out again and again)."""
    env = simpy.Environment()

    def tick(env: simpy.Environment):
        while True:
            yield env.timeout(1.0)

    env.process(tick(env))
    start = time.perf_counter()
    env.run(until=events)
    return events / (time.perf_counter() - start)


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=45_000)
    parser.add_argument("--arrivals", type=int, default=80)
    parser.add_argument("--replications", type=int, default=100)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    lines = [f"# stress season: {args.workers} workers on {args.arrivals} arrivals; load average "
             f"{os.getloadavg()[0]:.1f} at start; {os.cpu_count()} cores", ""]
    with tempfile.TemporaryDirectory() as tmp:
        season = load_season(stress(Path(tmp), args.workers, args.arrivals))
        start = time.perf_counter()
        sp = plan_season(season, PlanOptions(iterations=SEASON_ITERATIONS, time_limit=120.0), n_jobs=2)
        plan_s = time.perf_counter() - start
    t = sp.table()
    lines += [f"season plan: {plan_s:.0f} s for {len(t)} nights ({plan_s / len(t):.1f} s a night), "
              f"{int(t['placed'].sum())} placed, {int(t['unplaced'].sum())} not placed, "
              f"{int(t['coaches'].sum())} coach-trips; every night passed the plan checker", "",
              "| backend | replications | seconds | night-replications | ms per night-replication |",
              "|---|---:|---:|---:|---:|"]
    nights = len(sp.nights) * args.replications
    runs = {}
    start = time.perf_counter()
    runs["local, 2 processes"] = simulate_season(sp, args.replications, seed=1, backend="local", n_jobs=2)
    seconds = {"local, 2 processes": time.perf_counter() - start}
    from dask.distributed import Client, LocalCluster

    for n in (1, 2):
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
                Client(cluster) as client:
            start = time.perf_counter()
            runs[f"Dask LocalCluster, {n} worker(s)"] = simulate_season(sp, args.replications, seed=1, backend=client)
            seconds[f"Dask LocalCluster, {n} worker(s)"] = time.perf_counter() - start
    for name, s in seconds.items():
        lines.append(f"| {name} | {args.replications} | {s:.0f} | {nights} | {1000 * s / nights:.1f} |")
    first = next(iter(runs.values())).nights
    same = all(r.nights.equals(first) for r in runs.values())
    p, low, high = runs["local, 2 processes"].season_ok()
    lines += ["", f"same numbers on every backend: {same}",
              f"season on time in {p:.0%} of simulated seasons ({low:.0%}-{high:.0%})",
              f"bare SimPy loop: {bare_simpy():,.0f} events/s on one core",
              f"peak memory: {peak_mb():,.0f} MB (largest of this process and its children)"]
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
