"""The simulation against outside truth: Ciw and queueing theory, one table.

python benchmarks/validation.py [--out benchmarks/results/validation.txt]

Each row: what is checked, the model's estimate with its 95% interval, the reference (Ciw's estimate with its
interval, or the formula's exact value), and whether they agree (the intervals overlap, or the exact value lies
inside the model's interval). Needs the test extra (ciw). The same checks, smaller, are tests in
``tests/sim/test_validation.py``.
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import numpy as np

from scenarios.io import write_text_atomic
from sim.roads import leg_covariance, split_cv
from sim.stats import mean_ci
from sim.theory import (
    burst_statistics,
    burst_two_stages,
    ciw_burst_two_stages,
    ciw_mmc_mean_wait,
    erlang_c_wait,
    full_coach_mean_wait,
    leave_when_full_wait,
    mmc_mean_wait,
    trip_travel_samples,
)


def _ci(t: tuple[float, float, float]) -> str:
    return f"{t[0]:.3f} [{t[1]:.3f}, {t[2]:.3f}]"


def _overlap(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    return a[1] <= b[2] and b[1] <= a[2]


def rows(reps: int) -> list[tuple[str, str, str, str]]:
    out = []
    lam, mu, c = 4.0, 1.0, 5
    ours = mean_ci(np.array([mmc_mean_wait(s, lam, mu, c, 5000, 500) for s in range(reps)]))
    theirs = mean_ci(np.array([ciw_mmc_mean_wait(s, lam, mu, c, 5000, 500) for s in range(reps)]))
    exact = erlang_c_wait(lam, mu, c)
    out.append((f"M/M/5 desks, lambda 4, mu 1: mean wait (min) vs Ciw ({reps} runs of 5,000)", _ci(ours),
                _ci(theirs), "yes" if _overlap(ours, theirs) else "NO"))
    out.append(("M/M/5 desks: mean wait vs Erlang C", _ci(ours), f"{exact:.3f}",
                "yes" if ours[1] <= exact <= ours[2] else "NO"))
    args = (531, 4, 3.0, 3, 1.0)
    a = np.array([burst_statistics(burst_two_stages(s, *args)) for s in range(reps)])
    b = np.array([burst_statistics(ciw_burst_two_stages(s, *args)) for s in range(reps)])
    for k, name in enumerate(("mean exit", "95th percentile exit", "makespan")):
        x, y = mean_ci(a[:, k]), mean_ci(b[:, k])
        out.append((f"531 at once, 4 desks (mu 3) then 3 servers (mu 1): {name} (min) vs Ciw", _ci(x), _ci(y),
                    "yes" if _overlap(x, y) else "NO"))
    waits = mean_ci(np.array([full_coach_mean_wait(s, 2.0, 40, 50) for s in range(reps)]))
    exact = leave_when_full_wait(40, 2.0)
    out.append(("coach of 40 leaving when full, Poisson 2/min: mean wait vs (K-1)/(2 lambda)", _ci(waits),
                f"{exact:.3f}", "yes" if waits[1] <= exact <= waits[2] else "NO"))
    planned, district = np.array([30.0, 12.0, 8.0, 25.0]), np.array([0, 1, 1, 2])
    legs = [("S", "A"), ("A", "B"), ("B", "C"), ("C", "S")]
    cvs = split_cv(0.15, 0.7, 0.15)
    var = float(leg_covariance(planned, district, np.array([a for a, _ in legs]), np.array([b for _, b in legs]),
                               cvs).sum())
    groups = trip_travel_samples(200 * reps, planned, district, legs, cvs).reshape(reps, 200)
    v = mean_ci(groups.var(axis=1, ddof=1))
    out.append(("one trip of 4 legs (75 min), cv 0.15, night 0.7 / district 0.15 / places and roads 0.15: variance "
                "of its drive (min^2) vs the formula", _ci(v), f"{var:.3f}", "yes" if v[1] <= var <= v[2] else "NO"))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--replications", type=int, default=30)
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "results" / "validation.txt")
    args = parser.parse_args()
    import ciw

    lines = [f"# benchmarks/validation.py: Python {platform.python_version()}, Ciw {ciw.__version__}; "
             f"{args.replications} independent runs per row; 95% intervals (Student t over the runs)", "",
             "| check | model | reference | agree |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows(args.replications)]
    text = "\n".join(lines) + "\n"
    write_text_atomic(args.out, text)
    print(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
