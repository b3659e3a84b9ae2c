"""The fleet search's sequential rule against a fixed-sample test: its error at the target, its power, its nights.

    python benchmarks/sequential.py [--target 0.95] [--alpha 0.05] [--batch 40] [--cap 400] [--repeats 20000]
                                    [--out benchmarks/results/sequential.txt]

For a fleet whose true share of good nights is the target (a wrong "meets" there is the error) and the target plus
1, 2, 2.5, 3 and 4 points (power), it prints P(meets), P(fails early) and the mean nights spent:

- **exactly**, by the recursion over the binomial look schedule (``SequentialRule.operating``), for the rule with
  Lan-DeMets O'Brien-Fleming-type spending (the fleet search's), with Pocock-type spending, and for the fixed
  ``cap``-night one-sided exact test (the fewest good nights whose chance at the target is at most ``alpha``);
- **by repeats** (``repeats`` searches of independent binomial batches, seed 0) through the rule's own ``verdict``,
  as an independent check of the recursion: each simulated share with its 99% margin of simulation error.
"""

from __future__ import annotations

import argparse
import math
from pathlib import Path

import numpy as np
from report import emit

from whatif.sequential import SequentialRule, binom_tail, fixed_sample_bound

POINTS = (0.0, 0.01, 0.02, 0.025, 0.03, 0.04)


def by_repeats(rule: SequentialRule, p: float, repeats: int, rng: np.random.Generator) -> tuple[float, float]:
    """P(meets) and mean nights over ``repeats`` simulated searches, each settled by ``rule.verdict``."""
    draws = rng.binomial(rule.batch, p, size=(repeats, rule.max_batches)).cumsum(axis=1)
    met = 0
    nights = 0
    for row in draws:
        for k, good in enumerate(row, start=1):
            verdict = rule.verdict(int(good), k * rule.batch)
            if verdict is not None:
                met += verdict == "meets"
                nights += k * rule.batch
                break
    return met / repeats, nights / repeats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=0.95)
    parser.add_argument("--alpha", type=float, default=0.05)
    parser.add_argument("--batch", type=int, default=40)
    parser.add_argument("--cap", type=int, default=400)
    parser.add_argument("--repeats", type=int, default=20_000)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    t, a, looks = args.target, args.alpha, args.cap // args.batch
    rules = {s: SequentialRule(target=t, alpha=a, batch=args.batch, max_batches=looks, spending=s)
             for s in ("obrien_fleming", "pocock")}
    c = fixed_sample_bound(args.cap, t, a)
    lines = [f"# sequential rule: target {t:.1%}, one-sided error {a:.0%}, batches of {args.batch}, cap {args.cap} "
             f"nights ({looks} looks), early fail at the one-sided {1 - rules['obrien_fleming'].futility:.0%} "
             "upper bound (non-binding)",
             f"# fixed-sample test: {args.cap} nights, meets with at least {c} good nights",
             "# exact: recursion over the binomial look schedule; repeats: "
             f"{args.repeats:,} simulated searches through SequentialRule.verdict (seed 0), +- 99% simulation error",
             "",
             "| true share | O'Brien-Fleming P(meets) | P(fails early) | mean nights | repeats P(meets) | repeats "
             "mean nights | Pocock P(meets) | mean nights | fixed P(meets) | nights |",
             "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    rng = np.random.default_rng(0)
    for d in POINTS:
        p = t + d
        of, early, of_n = rules["obrien_fleming"].operating(p)
        rep, rep_n = by_repeats(rules["obrien_fleming"], p, args.repeats, rng)
        margin = 2.576 * math.sqrt(max(rep * (1 - rep), 1e-12) / args.repeats)
        po, _, po_n = rules["pocock"].operating(p)
        fixed = float(binom_tail(args.cap, p)[c]) if c <= args.cap else 0.0
        label = f"{p:.1%}" + (" (target)" if d == 0 else f" (+{100 * d:g})")
        lines.append(f"| {label} | {of:.2%} | {early:.2%} | {of_n:.0f} | {rep:.2%} +- {margin:.2%} | {rep_n:.0f} | "
                     f"{po:.2%} | {po_n:.0f} | {fixed:.2%} | {args.cap} |")
        print(lines[-1], flush=True)
    rule = rules["obrien_fleming"]
    lines += ["", "Bounds of the O'Brien-Fleming-type rule (meets at or above, fails early at or below; the lower "
              "bound's one-sided level):", "",
              "| nights | meets at | fails at | level |", "|---:|---:|---:|---:|"]
    for look in rule.looks:
        meets = str(look.meets_at) if look.meets_at <= look.nights else "-"
        fails = str(look.fails_at) if look.fails_at >= 0 else "-"
        lines.append(f"| {look.nights} | {meets} | {fails} | {look.level:.4%} |")
    emit(lines, args.out)


if __name__ == "__main__":
    main()
