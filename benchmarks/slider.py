"""Notebook 05's slider: ten moves re-planned from the base plan (``whatif.slider.Slider``) against the same moves
re-planned from scratch (``whatif.option.try_option``, the reference), in one run.

    python benchmarks/slider.py [--scenario dingxi_qingdao_2023] [--iterations 2000] [--replications 5]
                                [--seed 1] [--out FILE]

Each move plans the variant (train delay, 53-seat coaches) and simulates ``--replications`` nights, as the notebook's
slider does. Prints per move the CPU seconds (this process and any children) and wall seconds of both, the coaches
of both plans, whether the plans' routes are the same, and what the slider kept; then the medians of the ten moves.
The base plan (made once, when the notebook opens the slider) is timed apart. Last, the plans of the notebook's
sweep grid (``whatif.sweep``: variants share placement and district searches exactly) against each variant planned
alone, and whether the plans are the same.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from report import emit

import scenarios
from whatif.option import Option, plan_or_problem, try_option
from whatif.slider import Slider
from whatif.sweep import SWEEP_ROUTING_ITERATIONS, _plans
from whatif.variants import grid

#: The notebook's sweep grid.
SWEEP_AXES = {"train.delay_min": [0, 60], "fleet.coach_53.count": [12, 14, 18]}
#: Ten moves of the two sliders (train delay in minutes, 53-seat coaches), as a planner drags them.
MOVES = ((0, 10), (0, 14), (15, 14), (30, 14), (30, 16), (45, 16), (60, 18), (90, 18), (120, 18), (0, 16))


def cpu_seconds() -> float:
    """CPU seconds of this process (all threads) and of its finished children."""
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + kids.ru_utime + kids.ru_stime


def timed(call: Callable[[], Any]) -> tuple[Any, float, float]:
    """``call()``, its CPU seconds and wall seconds."""
    cpu, wall = cpu_seconds(), time.perf_counter()
    out = call()
    return out, cpu_seconds() - cpu, time.perf_counter() - wall


def coaches(option: Option) -> str:
    if option.plan is None or option.plan.routes is None:
        return "-"
    n = option.plan.routes["coach_id"].nunique()
    return f"{n}" if option.valid else f"{n} (invalid)"


def same_routes(a: Option, b: Option) -> str:
    if a.plan is None or b.plan is None or a.plan.routes is None or b.plan.routes is None:
        return "both none" if a.plan is None and b.plan is None else "no"
    return "yes" if a.plan.routes.reset_index(drop=True).equals(b.plan.routes.reset_index(drop=True)) else "no"


def kept(reused: tuple[tuple[str, str], ...]) -> str:
    """What a move kept, in short: placement, then districts same / kept / searched."""
    place = dict(reused).get("placement", "-")
    counts = Counter(how for what, how in reused if what != "placement")
    return f"placement {place}; districts " + " / ".join(f"{counts[k]} {k}" for k in ("same", "kept", "searched"))


def sweep_plans(base: scenarios.Scenario, seed: int) -> str:
    """The sweep grid's plans made by the sweep (shared) and each alone: CPU and wall seconds, same plans."""
    variants = grid(SWEEP_AXES)
    built = [v.build(base) for v in variants]
    (shared, _), sc_, sw = timed(lambda: _plans(base, variants, built, True, seed, None, lambda: None))
    alone, ac, aw = timed(lambda: [plan_or_problem(sc, seed=seed, iterations=SWEEP_ROUTING_ITERATIONS)[0]
                                   for sc in built])
    frames = ("placement", "routes", "manifest")
    same = all(a is not None and b is not None and all(getattr(a, f).equals(getattr(b, f)) for f in frames)
               for a, b in zip(shared, alone, strict=True))
    return (f"sweep grid {SWEEP_AXES} ({len(variants)} plans, {SWEEP_ROUTING_ITERATIONS} iterations): shared "
            f"{sc_:.2f} CPU s ({sw:.2f} wall), each alone {ac:.2f} CPU s ({aw:.2f} wall); the same plans: {same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", default="dingxi_qingdao_2023")
    parser.add_argument("--iterations", type=int, default=2000)
    parser.add_argument("--replications", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    base = scenarios.load(args.scenario)
    settings = {"replications": args.replications, "seed": args.seed, "iterations": args.iterations}
    try_option(base, {}, **settings)  # warm up imports and caches, so the first move is not charged for them
    slider, base_cpu, base_wall = timed(lambda: Slider(base, **settings))
    lines = [f"# notebook 05 slider on {args.scenario}: {args.iterations} routing iterations, {args.replications} "
             f"nights a move, seed {args.seed}; load average {os.getloadavg()[0]:.1f} at start; {os.cpu_count()} "
             "cores", "",
             f"base plan (once, when the slider opens): {base_cpu:.2f} CPU s, {base_wall:.2f} wall s", "",
             "| move | delay min | 53-seat coaches | slider CPU s | slider wall s | scratch CPU s | scratch wall s "
             "| coaches slider / scratch | same routes | slider kept |",
             "|---:|---:|---:|---:|---:|---:|---:|---|---|---|"]
    warm_cpu, warm_wall, ref_cpu, ref_wall = [], [], [], []
    for k, (delay, n53) in enumerate(MOVES, 1):
        overrides = {"train.delay_min": delay, "fleet.coach_53.count": n53}
        warm, wc, ww = timed(lambda o=overrides: slider(o))
        reused = tuple(slider.reused)
        ref, rc, rw = timed(lambda o=overrides: try_option(base, o, **settings))
        if warm.valid and warm.plan is not None:
            from planning.check import check_plan

            assert not check_plan(warm.scenario, warm.plan, strict=False), f"move {k}: the slider's plan fails"
        warm_cpu.append(wc)
        warm_wall.append(ww)
        ref_cpu.append(rc)
        ref_wall.append(rw)
        lines.append(f"| {k} | {delay} | {n53} | {wc:.2f} | {ww:.2f} | {rc:.2f} | {rw:.2f} | "
                     f"{coaches(warm)} / {coaches(ref)} | {same_routes(warm, ref)} | {kept(reused)} |")
    med = statistics.median
    lines += [f"| median | | | {med(warm_cpu):.2f} | {med(warm_wall):.2f} | {med(ref_cpu):.2f} | "
              f"{med(ref_wall):.2f} | | | |", "", sweep_plans(base, args.seed), "",
              f"load average at the end: {os.getloadavg()[0]:.1f}"]
    emit(lines, args.out)


if __name__ == "__main__":
    main()
