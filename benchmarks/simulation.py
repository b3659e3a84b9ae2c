"""Benchmark the simulation: events per second against a bare SimPy loop, and wall times of the targets.

python benchmarks/simulation.py [--replications 1000] [--city /tmp/city] [--runs 5] [--rate-only]
    [--out benchmarks/results/simulation.txt]

Event rate (issue 28): the model's SimPy events per CPU second against bare SimPy, both a loop of 1,000 processes in
one environment and a per-night baseline (the night's 531 processes doing the model's kinds of waits, a fresh
environment per night, as many nights as the model's replications); target: the model at >= 0.5 of the latter.

Targets (issue 5): 1,000 replications of the 2023 scenario within 60 s on a 2-core machine; one replication of a
generated city day (30,000 workers on 50 trains) within 30 s. The city is made with
``python -m scenarios.bundled city --workers 30000 --enterprises 3000 --out /tmp/city`` when missing.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np
import simpy

import scenarios
from planning.baseline import baseline_plan
from scenarios.io import write_text_atomic
from scenarios.scenario import Scenario
from sim import SimConfig, simulate, simulate_day
from sim.model import run_replication
from sim.night import compile_night

TRAINS = 50
FIRST_TRAIN_MIN = 6 * 60  # 06:00, then one train every 20 minutes to 22:20
TRAIN_EVERY_MIN = 20


def bare_simpy(processes: int = 1000, steps: int = 200) -> tuple[int, float]:
    """Events and CPU seconds of a bare SimPy loop: ``processes`` processes each yielding ``steps`` timeouts."""
    env = simpy.Environment()

    def proc(k: int):
        for _ in range(steps):
            yield env.timeout(1 + k % 7)

    for k in range(processes):
        env.process(proc(k))
    start = time.process_time()
    env.run()
    seconds = time.process_time() - start
    return next(env._eid), seconds


def night_baseline(nights: int, workers: int, desks: int, desk_service_min: float, enterprises: int,
                   checkin_desks: int, seed: int = 1) -> tuple[int, float]:
    """Events and CPU seconds of bare SimPy doing a night's kinds of waits, a fresh environment per night.

    Per night: ``workers`` processes, each waiting for its arrival (a timeout), queueing for one of ``desks``
    desks (a Resource request, a timeout of exponential service around ``desk_service_min``, a release), riding to
    its enterprise (a timeout) and queueing there for check-in (one Resource of ``checkin_desks`` per enterprise:
    request, timeout, release). The times are drawn before the clock starts; creating the environment, resources
    and processes is timed, as the model's setup is.
    """
    rng = np.random.default_rng(seed)
    plans = [(rng.uniform(0.0, 20.0, workers).tolist(), rng.exponential(desk_service_min, workers).tolist(),
              rng.uniform(20.0, 150.0, workers).tolist(), rng.integers(0, enterprises, workers).tolist(),
              rng.uniform(0.5, 1.0, workers).tolist()) for _ in range(nights)]

    def worker(env: simpy.Environment, desk: simpy.Resource, checkin: simpy.Resource, arrive: float,
               service: float, ride: float, minutes: float):
        yield env.timeout(arrive)
        with desk.request() as req:
            yield req
            yield env.timeout(service)
        yield env.timeout(ride)
        with checkin.request() as req:
            yield req
            yield env.timeout(minutes)

    events = 0
    start = time.process_time()
    for arrive, service, ride, ent, minutes in plans:
        env = simpy.Environment()
        desk = simpy.Resource(env, desks)
        checkin = [simpy.Resource(env, checkin_desks) for _ in range(enterprises)]
        for i in range(workers):
            env.process(worker(env, desk, checkin[ent[i]], arrive[i], service[i], ride[i], minutes[i]))
        env.run()
        events += next(env._eid)
    return events, time.process_time() - start


def model_rate(sc: Scenario, plan, replications: int, full: bool) -> tuple[int, float]:
    """SimPy events and CPU seconds of the model alone (no post-processing), serial."""
    night = compile_night(sc, plan)
    config = SimConfig()
    start = time.process_time()
    events = sum(run_replication([night], config, 1, r, full).sim_events for r in range(replications))
    return events, time.process_time() - start


def median_rate(runs: int, measure) -> tuple[int, float]:
    """Events and the median CPU seconds of ``runs`` calls of ``measure`` (each returning events, seconds)."""
    results = [measure() for _ in range(runs)]
    return results[0][0], statistics.median(s for _, s in results)


def city_trains(city: Path) -> list[tuple[Scenario, object]]:
    """The city cut into 50 trains through one day, each with its greedy baseline plan.

    Train k carries the k-th 600 workers of the roster (in 8 cars) to the k-th 60 enterprises (returning
    employers elsewhere are dropped); trains arrive from 06:00 every 20 minutes; each train's coaches are at the
    station 30 minutes before it and its latest arrival is 5 hours after it; dormitories are open all day; the
    station is a hub in peak season (12 gift-pack desks, 12 coach bays), shared by all trains.
    """
    sc = scenarios.load(city / "scenario.yaml")
    station = dataclasses.replace(sc.station, desks=12, bays=12)
    per_train = len(sc.workers) // TRAINS
    per_ents = len(sc.enterprises) // TRAINS
    out = []
    for k in range(TRAINS):
        ents = sc.enterprises.iloc[k * per_ents:(k + 1) * per_ents].assign(checkin_open_min=0.0,
                                                                         checkin_close_min=2 * 1440.0)
        workers = sc.workers.iloc[k * per_train:(k + 1) * per_train].copy()
        workers["car"] = [i // 75 + 1 for i in range(len(workers))]
        workers.loc[~workers["returning_employer"].isin(ents.index), "returning_employer"] = ""
        arrival = FIRST_TRAIN_MIN + k * TRAIN_EVERY_MIN
        train = dataclasses.replace(sc.train, number=f"D{k + 1:02d}", arrival=sc.clock(arrival), cars=8)
        fleet = {name: dataclasses.replace(c, available_from=sc.clock(arrival - 30)) for name, c in sc.fleet.items()}
        policy = dataclasses.replace(sc.policy, latest_arrival=sc.clock(arrival + 300))
        part = dataclasses.replace(sc, workers=workers, train=train, enterprises=ents, station=station, fleet=fleet,
                                   policy=policy)
        out.append((part, baseline_plan(part)))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=1000)
    parser.add_argument("--city", type=Path, default=Path("/tmp/city"))
    parser.add_argument("--out", type=Path, default=None, help="also write the table to this file")
    parser.add_argument("--runs", type=int, default=5, help="runs of each event-rate measurement (median)")
    parser.add_argument("--rate-only", action="store_true", help="only the events-per-second table")
    args = parser.parse_args(argv)
    lines = [f"# benchmarks/simulation.py: {os.cpu_count()} CPUs, Python {platform.python_version()}, "
             f"SimPy {simpy.__version__}; load average at start {os.getloadavg()[0]:.1f} (other jobs share the CPUs: "
             "wall times grow with it, CPU seconds do not)"]

    def say(text: str) -> None:
        print(text, flush=True)
        lines.append(text)

    sc = scenarios.load("dingxi_qingdao_2023")
    plan = baseline_plan(sc)
    nights, config = 50, SimConfig()
    bare_events, bare_s = median_rate(args.runs, bare_simpy)
    night_events, night_s = median_rate(args.runs, lambda: night_baseline(
        nights, len(sc.workers), sc.station.desks, sc.station.desk_service_s / 60.0, len(sc.enterprises),
        config.checkin_desks))
    full_events, full_s = median_rate(args.runs, lambda: model_rate(sc, plan, nights, full=True))
    lean_events, lean_s = median_rate(args.runs, lambda: model_rate(sc, plan, nights, full=False))
    say("")
    say(f"Events per CPU second, median of {args.runs} runs (time.process_time):")
    say("")
    say("| what | events | CPU s | events/s | vs bare loop | vs per-night baseline |")
    say("|---|---:|---:|---:|---:|---:|")
    bare_rate, night_rate = bare_events / bare_s, night_events / night_s
    for name, ev, s in (
            ("bare SimPy loop (1,000 processes x 200 timeouts, one environment)", bare_events, bare_s),
            (f"per-night baseline: {nights} nights, each a fresh environment with {len(sc.workers)} processes "
             "(timeout, desk request/service/release, ride, check-in request/service/release)", night_events,
             night_s),
            (f"model, 2023 scenario, full log, {nights} replications", full_events, full_s),
            (f"model, 2023 scenario, lean log, {nights} replications", lean_events, lean_s)):
        say(f"| {name} | {ev:,} | {s:.2f} | {ev / s:,.0f} | {ev / s / bare_rate:.2f} | {ev / s / night_rate:.2f} |")
    if args.rate_only:
        if args.out:
            write_text_atomic(args.out, "\n".join(lines) + "\n")
        return 0

    say("")
    say("| run | wall s | CPU s (this process) | target wall s |")
    say("|---|---:|---:|---:|")
    start, cpu = time.perf_counter(), time.process_time()
    one = simulate(sc, plan, replications=1, seed=1)
    say(f"| 2023 scenario, 1 replication, full log, with KPIs | {time.perf_counter() - start:.2f} "
        f"| {time.process_time() - cpu:.2f} | |")
    start, cpu = time.perf_counter(), time.process_time()
    many = simulate(sc, plan, replications=args.replications, seed=1)
    say(f"| 2023 scenario, {args.replications:,} replications, {many.info['jobs']} processes (log: {many.log}) "
        f"| {time.perf_counter() - start:.2f} | {time.process_time() - cpu:.2f} (+ workers) | 60 |")
    start, cpu = time.perf_counter(), time.process_time()
    many_serial = simulate(sc, plan, replications=args.replications, seed=1, options={"n_jobs": 1})
    say(f"| same, in 1 process | {time.perf_counter() - start:.2f} | {time.process_time() - cpu:.2f} | |")
    assert many.kpis.equals(many_serial.kpis), "parallel and serial runs differ"

    if not (args.city / "scenario.yaml").exists():
        subprocess.run([sys.executable, "-m", "scenarios.bundled", "city", "--workers", "30000", "--enterprises",
                        "3000", "--out", str(args.city)], check=True, stdout=subprocess.DEVNULL)
    start = time.perf_counter()
    trains = city_trains(args.city)
    plans_s = time.perf_counter() - start
    workers = sum(len(s.workers) for s, _ in trains)
    for mode in ("lean", "full"):
        start, cpu = time.perf_counter(), time.process_time()
        day = simulate_day(trains, replications=1, seed=1, options={"log": mode})
        say(f"| city day: {workers:,} workers on {len(trains)} trains, 1 replication, {mode} log "
            f"({day.sim_events:,} SimPy events, {len(day.events):,} log rows) | {time.perf_counter() - start:.2f} "
            f"| {time.process_time() - cpu:.2f} | 30 |")
    say(f"| (making the city's 50 baseline plans, not simulated) | {plans_s:.2f} | | |")

    say("")
    k = many.kpi_table().set_index("kpi")
    say(f"2023 baseline plan, {args.replications} replications: last check-in "
        f"{sc.clock(k.at['last_checkin_min', 'mean'])} (95% CI {sc.clock(k.at['last_checkin_min', 'ci_low'])}-"
        f"{sc.clock(k.at['last_checkin_min', 'ci_high'])}), share by {sc.policy.latest_arrival} "
        f"{k.at['share_by_deadline', 'mean']:.3f}, largest crowd {k.at['largest_crowd', 'mean']:.0f}; "
        f"1-replication last check-in {sc.clock(one.kpis['last_checkin_min'].iloc[0])}.")
    d = day.kpis.iloc[0]
    say(f"City day: {int(d['checked_in']):,} checked in, {int(d['not_delivered'])} not delivered, largest crowd "
        f"{int(d['largest_crowd'])}, longest wait {d['longest_wait_min']:.0f} min.")
    say(f"load average at the end: {os.getloadavg()[0]:.1f}")
    if args.out:
        write_text_atomic(args.out, "\n".join(lines) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
