"""Benchmark the season's placement phase: each night built and validated, then placed, in date order.

python benchmarks/season_placement.py [--workers 9000] [--arrivals 16] [--runs 3] [--code DIR] [--out FILE]

This is the part of ``planning.plan_season`` before routing. It prints the CPU seconds of building and validating
the nights (``Season.night``) and of placing them (``planning.placement.place`` and the posts they take), the
number of times pandas deep-copied a table's ``attrs`` into a derived frame or series (pandas' ``__finalize__``),
and a digest of every night's placement, so that two source trees (``--code DIR``, e.g. an export of an older
commit) can be compared number for number. Each run is a fresh process on the stress season of
``scenarios.season_generate.stress``; CPU seconds are the median of ``--runs``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scenarios.io import write_text_atomic

ROOT = Path(__file__).resolve().parents[1]
CHILD = """
import copy, hashlib, json, sys, tempfile, time
from pathlib import Path
import pandas.core.generic as generic

copies = 0
def counted(value, memo=None):
    global copies
    copies += 1
    return copy.deepcopy(value, memo)
generic.deepcopy = counted

from planning.placement import place
from planning.season import _with_gender, take_posts
from scenarios.season import load_season
from scenarios.season_generate import stress

workers, arrivals = int(sys.argv[1]), int(sys.argv[2])
with tempfile.TemporaryDirectory() as tmp:
    season = load_season(stress(Path(tmp), workers, arrivals))
copies = 0
nights = placing = 0.0
digest = hashlib.sha256()
placed = 0
posts = season.enterprises.copy()
for arrival in season.arrivals:
    start = time.process_time()
    night = season.night(arrival, posts)
    built = time.process_time()
    plan = place(night)
    posts = take_posts(posts, _with_gender(plan, night))
    done = time.process_time()
    nights += built - start
    placing += done - built
    digest.update(plan.placement.to_csv(lineterminator="\\n").encode())
    placed += len(plan.placed)
print(json.dumps({"nights": nights, "placing": placing, "copies": copies, "placed": placed,
                  "digest": digest.hexdigest()[:16]}))
"""


def run(code: Path, workers: int, arrivals: int) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run([sys.executable, "-c", CHILD, str(workers), str(arrivals)], capture_output=True,
                          text=True, env=env, check=True, timeout=7200, cwd=code)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, default=9_000)
    parser.add_argument("--arrivals", type=int, default=16)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--code", type=Path, action="append", default=None,
                        help="a source tree to measure (repeat for several; default this one)")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    lines = [
        f"season placement phase: stress season of {args.workers:,} workers on {args.arrivals} arrivals; "
        f"{platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} at start, "
        f"{time.strftime('%Y-%m-%d')}; CPU s median of {args.runs} processes",
        "",
        "| code | nights built + validated, CPU s | placed, CPU s | attrs deep copies | workers placed | "
        "placements digest |",
        "|---|---:|---:|---:|---:|---|",
    ]
    print("\n".join(lines), flush=True)
    for code in args.code or [ROOT]:
        results = [run(code.resolve(), args.workers, args.arrivals) for _ in range(args.runs)]
        first = results[0]
        assert all(r["digest"] == first["digest"] and r["copies"] == first["copies"] for r in results)
        nights = statistics.median(r["nights"] for r in results)
        placing = statistics.median(r["placing"] for r in results)
        lines.append(f"| {code} | {nights:.2f} | {placing:.2f} | {first['copies']:,} | {first['placed']:,} | "
                     f"{first['digest']} |")
        print(lines[-1], flush=True)
    lines.append(f"\nload {os.getloadavg()[0]:.1f} at the end")
    if args.out:
        write_text_atomic(args.out, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
