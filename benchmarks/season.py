"""The season at scale: the stress season (45,000 workers, 80 arrivals) planned and simulated 100 times.

    python benchmarks/season.py [--workers 45000] [--arrivals 80] [--replications 100] [--dask] [--out FILE]
                                [--save-plan FILE | --plan FILE]

Plans as ``labor-transfer season`` does by default (``SEASON_ITERATIONS``, seed 1, no time limit: nothing reads
the clock) on 2 processes, and prints the plan's wall and CPU seconds (this process and its worker processes: the
host is shared, so CPU is the steadier figure), coaches and km; then 100 season replications on 2 local
processes (wall and CPU), with ``--dask`` also on a Dask ``LocalCluster`` with 2 workers and 25 on one worker (time
per night-replication, to show how it would scale on a real cluster), each compared with the local run number for
number; events per second of a bare SimPy loop; peak memory (resident set of this process and its children).
One run of each (the plan alone takes minutes); the load average is printed at the start and the end.
``--save-plan`` pickles the plan; ``--plan`` loads it and times the replications alone (the same plan, so the same
replications as a full run).
"""

from __future__ import annotations

import argparse
import os
import pickle
import resource
import tempfile
import time
from pathlib import Path

import psutil
import simpy

from planning.options import PlanOptions
from planning.season import SEASON_ITERATIONS, plan_season
from scenarios.io import write_text_atomic
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


def model_rate(sp, replications: int = 20) -> tuple[float, str]:
    """Events per second of the night model alone (serial, lean log) on the season's largest arrival."""
    from sim import SimConfig
    from sim.model import run_replication
    from sim.night import compile_night

    big = max(sp.nights, key=lambda n: len(n.plan.placed))
    night = compile_night(big.scenario, big.plan)
    start = time.perf_counter()
    events = sum(run_replication([night], SimConfig(), 1, r, False).sim_events for r in range(replications))
    return events / (time.perf_counter() - start), f"{big.arrival.id}, {len(big.plan.placed)} workers"


def cpu_seconds() -> float:
    """CPU seconds of this process, its finished children and its living ones (the pools' workers)."""
    me = psutil.Process()
    total = sum(me.cpu_times()[:4])  # user, system, and of children waited for
    for child in me.children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.NoSuchProcess:
            continue
        total += times.user + times.system
    return total


def peak_mb() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, kids) / 1024


def replications(sp, replications: int, dask: bool) -> list[str]:
    """The replication half: ``replications`` seasons on 2 local processes (and on Dask with ``dask``), wall and CPU,
    the Dask runs compared number for number, the season's risk, SimPy's and the model's event rates, memory."""
    lines = ["| backend | replications | seconds | CPU s | night-replications | ms per night-replication |",
             "|---|---:|---:|---:|---:|---:|"]
    per_season = len(sp.nights)
    runs, seconds, counts, cpus = {}, {}, {}, {}
    cpu, start = cpu_seconds(), time.perf_counter()
    runs["local, 2 processes"] = simulate_season(sp, replications, seed=1, backend="local", n_jobs=2)
    seconds["local, 2 processes"], counts["local, 2 processes"] = time.perf_counter() - start, replications
    cpus["local, 2 processes"] = cpu_seconds() - cpu
    from dask.distributed import Client, LocalCluster

    # One Dask worker gets a quarter of the replications: enough for its time per night-replication.
    for n, reps in ((2, replications), (1, max(1, replications // 4))) if dask else ():
        name = f"Dask LocalCluster, {n} worker{'s' if n > 1 else ''}"
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
                Client(cluster) as client:
            cpu, start = cpu_seconds(), time.perf_counter()
            runs[name] = simulate_season(sp, reps, seed=1, backend=client)
            seconds[name], counts[name] = time.perf_counter() - start, reps
            cpus[name] = cpu_seconds() - cpu
    for name, s in seconds.items():
        done = per_season * counts[name]
        lines.append(f"| {name} | {counts[name]} | {s:.0f} | {cpus[name]:.0f} | {done} | {1000 * s / done:.1f} |")
    first = runs["local, 2 processes"].nights
    lines.append("")
    for name, r in runs.items():
        if name == "local, 2 processes":
            continue
        mine = first[first["replication"] < counts[name]].reset_index(drop=True)
        theirs = r.nights.reset_index(drop=True)
        same = mine.equals(theirs)
        if not same and len(mine) == len(theirs):
            differ = int((mine.ne(theirs) & ~(mine.isna() & theirs.isna())).any(axis=1).sum())
            lines.append(f"{name}: {differ} of {len(mine)} rows differ from the local run, e.g.\n"
                         + mine[mine.ne(theirs).any(axis=1)].head(3).to_string())
        lines.append(f"same numbers as the local run ({counts[name]} replications): {same}")
    p, low, high = runs["local, 2 processes"].season_ok()
    mean, lo, hi = runs["local, 2 processes"].bad_nights()
    bare = bare_simpy()
    rate, which = model_rate(sp)
    summary = [f"season on time in {p:.0%} of simulated seasons ({low:.0%}-{high:.0%}); nights that go wrong in a "
               f"season: {mean:.2f} (90% of seasons: {lo}-{hi}); {replications:,} seasons of {per_season} nights",
               f"bare SimPy loop: {bare:,.0f} events/s on one core; the night model: {rate:,.0f} events/s "
               f"({rate / bare:.2f} of it; {which}, lean log, serial)",
               f"peak memory: {peak_mb():,.0f} MB (largest of this process and its children)",
               f"load average at the end: {os.getloadavg()[0]:.1f}"]
    return [*lines, *summary]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=45_000)
    parser.add_argument("--arrivals", type=int, default=80)
    parser.add_argument("--replications", type=int, default=100)
    parser.add_argument("--dask", action="store_true", help="also on a Dask LocalCluster (2 workers, then 1)")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--save-plan", type=Path, default=None, help="pickle the season plan to this file")
    parser.add_argument("--plan", type=Path, default=None,
                        help="a plan pickled by --save-plan: time the replications alone (no planning)")
    args = parser.parse_args()
    lines = [f"# stress season: {args.workers} workers on {args.arrivals} arrivals; load average "
             f"{os.getloadavg()[0]:.1f} at start; {os.cpu_count()} cores", ""]
    if args.plan is not None:  # the benchmark's own plan, from an earlier run: replications only
        sp = pickle.loads(args.plan.read_bytes())
        t = sp.table()
        lines = [f"# season plan loaded from {args.plan} (pickled by --save-plan; not planned in this run): "
                 f"{int(t['workers'].sum())} workers on {len(t)} arrivals; load average {os.getloadavg()[0]:.1f} "
                 f"at start; {os.cpu_count()} cores", ""]
        return _finish(lines + replications(sp, args.replications, args.dask), args.out)
    with tempfile.TemporaryDirectory() as tmp:
        season = load_season(stress(Path(tmp), args.workers, args.arrivals))
        cpu, start = cpu_seconds(), time.perf_counter()
        sp = plan_season(season, PlanOptions(iterations=SEASON_ITERATIONS, seed=1), n_jobs=2)
        plan_s, plan_cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if args.save_plan is not None:
        args.save_plan.write_bytes(pickle.dumps(sp))
    t = sp.table()
    lines += [f"season plan ({SEASON_ITERATIONS} routing iterations a night, seed 1, no time limit, 2 processes): "
              f"{plan_s:.0f} s wall, {plan_cpu:.0f} s CPU for {len(t)} nights ({plan_s / len(t):.2f} s a night), "
              f"{int(t['placed'].sum())} placed, {int(t['unplaced'].sum())} not placed, "
              f"{int(t['coaches'].sum())} coach-trips, {t['km'].sum():,.1f} km; every night passed the plan checker",
              f"load average after the plan: {os.getloadavg()[0]:.1f}", ""]
    _finish(lines + replications(sp, args.replications, args.dask), args.out)


def _finish(lines: list[str], out: Path | None) -> None:
    text = "\n".join(lines) + "\n"
    print(text)
    if out:
        write_text_atomic(out, text)


if __name__ == "__main__":
    main()
