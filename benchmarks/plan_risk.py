"""What the risk check adds to `plan`: wall seconds of make_plan alone, of the check's simulation, and of the
alternatives (only when the plan is below policy.target_on_time), per bundled night; median of ``--repeats`` runs.

    .venv/bin/python benchmarks/plan_risk.py --repeats 3 --out benchmarks/results/plan_risk.txt

Times depend on the machine's load (the load average is printed with the table); the plans and figures do not.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

import pandas as pd

import scenarios
from planning import make_plan
from planning.options import PlanOptions
from whatif.plan_risk import RISK_NIGHTS, _simulate, check_risk

NIGHTS = ("dingxi_qingdao_2023", "dingxi_qingdao_2024", "dingxi_qingdao_2025")


def measure(name: str, repeats: int, nights: int) -> dict[str, object]:
    sc = scenarios.load(name)
    options = PlanOptions(seed=0)
    plan_s, sim_s, alt_s = [], [], []
    check = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        plan = make_plan(sc, options)
        t1 = time.perf_counter()
        run = _simulate(sc, plan, nights, 0, 2)
        t2 = time.perf_counter()
        check = check_risk(sc, plan, options, nights=nights, seed=0, run=run)
        t3 = time.perf_counter()
        plan_s.append(t1 - t0)
        sim_s.append(t2 - t1)
        alt_s.append(t3 - t2)
    assert check is not None
    plan_m, sim_m, alt_m = (statistics.median(x) for x in (plan_s, sim_s, alt_s))
    rec = check.recommended
    return {"night": name, "plan_s": round(plan_m, 1), "check_sim_s": round(sim_m, 1),
            "alternatives_s": round(alt_m, 1), "ratio_when_met": round((plan_m + sim_m) / plan_m, 2),
            "ratio_as_run": round((plan_m + sim_m + alt_m) / plan_m, 2), "p_on_time": round(check.share.p, 3),
            "meets": check.meets, "recommended": rec.key if rec is not None else "-"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--nights", type=int, default=RISK_NIGHTS)
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--scenarios", nargs="+", default=list(NIGHTS))
    args = parser.parse_args()
    rows = [measure(name, args.repeats, args.nights) for name in args.scenarios]
    table = pd.DataFrame(rows).to_string(index=False)
    text = (f"plan with its risk check ({args.nights} nights), median of {args.repeats} runs; load average "
            f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n{table}\n")
    print(text)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
