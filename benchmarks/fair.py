"""Benchmark Spring Wind matching at city scale: wall time, peak memory, stability, groups, congestion, quality.

python benchmarks/fair.py [--posts 100000] [--seekers 30000] [--fairs 330] [--seed 1] [--runs 2]
                          [--out benchmarks/results/fair.txt]

Each run is a fresh Python process (its peak resident memory is its own) that generates the season, then times the
pipeline a bureau would run on its tables: checking them and reading the free text (jieba), scoring candidates by
code, deferred acceptance with groups (with longer lists for those left without a match, then resettling and the
repair of blocking pairs), deferred acceptance without groups (for the count of blocking pairs without them), the
independent checks, and the plain and spread recommendation lists (each seeker's best ``MatchPolicy.pool``
acceptable posts, spread by the entropic optimal transport of ``planning.match.transport``). Besides the default
spread it prints the curve of spreads of other strengths (Gini of post exposure against NDCG@10 against the hidden
true preferences: the trade between congestion and quality) and the share of posts in no seeker's pool, a floor
under the Gini of any lists drawn from the pools.
Every run uses the same seed: the digest of the matches and lists must be the same in each (same seed, same bytes).
The machine is shared: the load average is printed beside the times, and the CPU seconds of the process beside each
wall time. Like ``labor-transfer fair``, the run keeps numpy's arrays on small memory pages
(``planning.match.pages``).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
#: Spread strengths (``tau`` of ``planning.match.transport``) of the curve, weakest first; inf holds every post's
#: exposure to its share.
FRONTIER = (0.1, 0.2, 0.5, 1.0, 2.0, 5.0, math.inf)
CHILD = r"""
import hashlib, json, resource, sys, time
import numpy as np
sys.path.insert(0, sys.argv[1])
posts, seekers, fairs, seed = (int(x) for x in sys.argv[2:6])
FRONTIER = json.loads(sys.argv[6])
from scenarios.fair import generate_fair
from scenarios.fair.columns import FAIR_COLUMNS, POST_COLUMNS, SEEKER_COLUMNS
from scenarios.fair.prepare import prepare
from planning.match import MatchPolicy
from planning.match.candidates import candidates
from planning.match.match import group_stats, solve
from planning.match.score import market, true_score
from planning.match import spread as sp
from planning.match.transport import transport
from planning.match.pages import small_pages
pages = small_pages()  # as the fair command does: numpy's huge pages are slow to fault in here
pages.__enter__()
times, cpu = {}, {}
class Stage:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        self.t, self.c = time.perf_counter(), time.process_time()
    def __exit__(self, *exc):
        times[self.name] = time.perf_counter() - self.t
        cpu[self.name] = time.process_time() - self.c
with Stage("generate"):
    sc = generate_fair(posts, seekers, fairs, seed=seed)
raw = [sc.fairs[[*FAIR_COLUMNS, "row"]], sc.posts[[*POST_COLUMNS, "row"]], sc.seekers[[*SEEKER_COLUMNS, "row"]]]
start, start_cpu = time.perf_counter(), time.process_time()
with Stage("check and read text"):
    sc = prepare(sc.name, *raw, sc.districts, truth=sc.truth)
w = MatchPolicy(seed=seed)
with Stage("candidates"):
    m = market(sc, w); e = candidates(m, w)
with Stage("match with groups"):
    grouped = solve(m, e, w)
with Stage("match without groups"):
    alone = solve(m, e, MatchPolicy(keep_groups="none", seed=seed))
with Stage("recommendations"):
    wide = candidates(m, w, length=w.pool, per_post=0, employer=False)
    pool = sp.pool(wide, w.pool); plain = sp.plain(pool, w.k)
    spread, _ = transport(pool, m.places, w.k, w.spread_eps, w.spread_tau, w.spread_rounds)
wall, wall_cpu = time.perf_counter() - start, time.process_time() - start_cpu
rows = np.repeat(np.arange(m.n_seekers), pool.post.shape[1])
truth = true_score(m, sc, rows, np.maximum(pool.post.ravel(), 0)).reshape(pool.post.shape)
n_plain, n_spread = sp.ndcg(plain, pool, truth, w.k).mean(), sp.ndcg(spread, pool, truth, w.k).mean()
g = group_stats(m, grouped.post_of)
e_plain, e_spread = sp.exposure(pool, plain, m.n_posts), sp.exposure(pool, spread, m.n_posts)
frontier = []
for tau in FRONTIER:
    cols, _ = transport(pool, m.places, w.k, w.spread_eps, tau, w.spread_rounds)
    frontier.append([tau, sp.gini(sp.exposure(pool, cols, m.n_posts)),
                     float(sp.ndcg(cols, pool, truth, w.k).mean() / n_plain)])
in_pool = np.zeros(m.n_posts, dtype=bool)
in_pool[pool.post[pool.valid]] = True
in_lists = np.zeros(m.n_posts, dtype=bool)
in_lists[e.p] = True
digest = hashlib.sha256()
for a in (grouped.post_of, alone.post_of, sp.posts_of(pool, plain), sp.posts_of(pool, spread)):
    digest.update(np.ascontiguousarray(a).tobytes())
print(json.dumps({
    "times": times, "cpu": cpu, "wall": wall, "wall_cpu": wall_cpu,
    "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    "places": int(m.places.sum()), "pairs": len(e), "matched": int((grouped.post_of >= 0).sum()),
    "matched_alone": int((alone.post_of >= 0).sum()), "blocking_alone": alone.blocking.count,
    "blocking_groups_before": grouped.blocking_before_repair, "blocking_groups": grouped.blocking.count,
    "blocking_by_groups": grouped.blocking.by_groups, "repair_rounds": grouped.rounds_of_repair,
    "over_capacity": grouped.blocking.over_capacity + alone.blocking.over_capacity,
    "groups": g.groups, "one_enterprise": g.one_enterprise, "one_district": g.one_district, "split": g.split,
    "unmatched_groups": g.unmatched, "kept_whole": g.kept_whole,
    "gini_plain": sp.gini(e_plain), "gini_spread": sp.gini(e_spread), "max_plain": int(e_plain.max()),
    "max_spread": int(e_spread.max()), "unseen_plain": float((e_plain == 0).mean()),
    "unseen_spread": float((e_spread == 0).mean()), "ndcg_plain": float(n_plain), "ndcg_spread": float(n_spread),
    "frontier": frontier, "pool": w.pool, "eps": w.spread_eps, "tau": w.spread_tau,
    "outside_pools": float(1 - in_pool.mean()), "outside_lists": float(1 - in_lists.mean()),
    "digest": digest.hexdigest()[:16]}))
"""


def run(args: argparse.Namespace) -> dict:
    load_before = os.getloadavg()[0]
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(args.posts), str(args.seekers),
                           str(args.fairs), str(args.seed), json.dumps(FRONTIER)],
                          capture_output=True, text=True, check=True)
    out = json.loads(done.stdout.strip().splitlines()[-1])
    out["load"] = (load_before + os.getloadavg()[0]) / 2
    return out


def report(runs: list[dict], args: argparse.Namespace) -> str:
    med = statistics.median
    first = runs[0]
    loads = ", ".join(f"{r['load']:.1f}" for r in runs)
    command = " ".join(["python benchmarks/fair.py", *sys.argv[1:]])
    lines = [f"$ {command}",
             f"Spring Wind matching, {args.posts:,} posts ({first['places']:,} places), {args.seekers:,} seekers, "
             f"{args.fairs} fairs, seed {args.seed}; {len(runs)} runs (median), {platform.processor() or 'cpu'}, "
             f"{os.cpu_count()} cores, shared: load average {loads}", "",
             f"{'stage':<28}{'wall s (median)':>16}{'cpu s (median)':>16}{'wall runs':>20}"]
    for stage in first["times"]:
        values = [r["times"][stage] for r in runs]
        cpus = [r["cpu"][stage] for r in runs]
        lines.append(f"{stage:<28}{med(values):>16.1f}{med(cpus):>16.1f}{', '.join(f'{v:.1f}' for v in values):>20}")
    walls = [r["wall"] for r in runs]
    cpus = [r["wall_cpu"] for r in runs]
    good = [g for _, g, r in first["frontier"] + [[0, first["gini_spread"], first["ndcg_spread"]
                                                   / first["ndcg_plain"]]] if r >= 0.95]
    kept = f"{min(good):.3f}" if good else "none"
    lines += [f"{'wall (tables to lists)':<28}{med(walls):>16.1f}{med(cpus):>16.1f}"
              f"{', '.join(f'{v:.1f}' for v in walls):>20}",
              f"{'peak memory, MB':<28}{med([r['peak_mb'] for r in runs]):>16.0f}", "",
              f"candidate pairs: {first['pairs']:,}",
              f"matched: {first['matched']:,} of {args.seekers:,} with groups, {first['matched_alone']:,} without",
              f"blocking pairs without groups: {first['blocking_alone']:,} (over capacity: {first['over_capacity']})",
              f"blocking pairs with groups: {first['blocking_groups']:,} after repair "
              f"({first['repair_rounds']} rounds; "
              f"{first['blocking_groups_before']:,} before; {first['blocking_by_groups']:,} of them by groups)",
              f"groups: {first['groups']:,}; kept whole {first['kept_whole']:.1%} (one enterprise "
              f"{first['one_enterprise']:,}, one district {first['one_district']:,}, split {first['split']:,}, "
              f"unmatched {first['unmatched_groups']:,})",
              f"Gini of post exposure in the top-10 lists: plain {first['gini_plain']:.3f}, spread "
              f"{first['gini_spread']:.3f} (most lists one post is in: {first['max_plain']} -> {first['max_spread']}; "
              f"posts in no list: {first['unseen_plain']:.1%} -> {first['unseen_spread']:.1%})",
              f"NDCG@10 against the hidden true preferences: plain {first['ndcg_plain']:.4f}, spread "
              f"{first['ndcg_spread']:.4f}, ratio {first['ndcg_spread'] / first['ndcg_plain']:.4f} (spread: entropic "
              f"optimal transport, eps {first['eps']:g}, tau {first['tau']:g}, pools of {first['pool']})",
              "curve of spreads (tau: Gini, NDCG ratio): " + "; ".join(
                  f"{t:g}: {g:.3f}, {r:.4f}" for t, g, r in first["frontier"]),
              f"lowest Gini of the spreads keeping NDCG@10 at 0.95 of plain: {kept}; posts in no seeker's pool (their "
              f"best {first['pool']} candidates): {first['outside_pools']:.1%} (no list can show them: the Gini of "
              f"any lists is at least that share); posts in no seeker's candidates of the match: "
              f"{first['outside_lists']:.1%}; what any ranking from the registration form could reach: "
              "benchmarks/fair_pools.py",
              f"same seed, same bytes: {'yes' if len({r['digest'] for r in runs}) == 1 else 'NO'} "
              f"(digests {', '.join(r['digest'] for r in runs)})"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seekers", type=int, default=30_000)
    parser.add_argument("--fairs", type=int, default=330)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    runs = []
    for k in range(args.runs):
        runs.append(run(args))
        print(f"run {k + 1}: wall {runs[-1]['wall']:.1f} s", file=sys.stderr)
    text = report(runs, args)
    print(text)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
