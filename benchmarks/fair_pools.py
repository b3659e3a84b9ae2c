"""How wide must a seeker's pool be for spread lists, and what can any lists from it reach? Gini of post exposure in
the top-10 lists against NDCG@10 (hidden true preferences, as a ratio to the plain lists), for pools of each
seeker's best 60 candidates (the match's lists, as ``recommend`` uses them) and wider ones.

python benchmarks/fair_pools.py [--posts 100000] [--seekers 30000] [--fairs 330] [--seed 1] [--widths 60,200]
                                [--out benchmarks/results/fair_pools.txt]

For each pool it prints: posts in no seeker's pool; the plain lists; the spread lists (the default and the strongest
spread of ``benchmarks/fair.py``); the most even lists the pool allows (each seeker in a seeded order takes the posts
of their pool shown least so far, relative to places: a floor, at whatever quality, for any lists from that pool);
and the spread lists when the prices work on the true preferences themselves (an oracle no bureau has: if even it
cannot keep NDCG at 0.95 of plain with a low Gini, no ranking of these pools can). One run, CPU seconds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

from planning.match import MatchPolicy
from planning.match import spread as sp
from planning.match.candidates import candidates
from planning.match.pages import small_pages
from planning.match.score import Market, market, true_score
from scenarios.fair import generate_fair

#: Spreads (slack, floor, bonus): the default, and the strongest of ``benchmarks/fair.py``.
SPREADS = ((sp.SLACK, sp.FLOOR, sp.BONUS), (1.0, 1.0, 3.0))


def most_even(p: sp.Pool, m: Market, k: int, seed: int) -> np.ndarray:
    """Pool columns of lists as even as one pass can make them: each seeker (seeded order) takes the ``k`` posts of
    their pool shown least so far relative to their places (ties: the seeker's better first); own order."""
    shown = np.zeros(m.n_posts)
    places = np.maximum(m.places, 1).astype(np.float64)
    cols = np.full((m.n_seekers, k), -1)
    for s in np.random.default_rng(seed).permutation(m.n_seekers):
        ok = np.flatnonzero(p.valid[s])
        posts = p.post[s, ok]
        pick = np.sort(ok[np.lexsort((ok, shown[posts] / places[posts]))[:k]])
        cols[s, :len(pick)] = pick
        shown[p.post[s, pick]] += 1
    return cols


def judge(p: sp.Pool, cols: np.ndarray, truth: np.ndarray, n_posts: int, k: int) -> tuple[float, float]:
    return sp.gini(sp.exposure(p, cols, n_posts)), float(sp.ndcg(cols, p, truth, k).mean())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--seekers", type=int, default=30_000)
    parser.add_argument("--fairs", type=int, default=330)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--widths", default="60,200")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args()
    pages = small_pages()  # as the fair command does
    pages.__enter__()
    sc = generate_fair(args.posts, args.seekers, args.fairs, seed=args.seed)
    w = MatchPolicy(seed=args.seed)
    m = market(sc, w)
    lines = [" ".join(["$ python benchmarks/fair_pools.py", *sys.argv[1:]]),
             f"Spring Wind lists by pool width, {args.posts:,} posts, {args.seekers:,} seekers, seed {args.seed}; "
             f"Gini of post exposure in the top-{w.k} lists, NDCG@{w.k} against the hidden true preferences "
             "(ratio to the plain lists of the same pool)", ""]
    for width in (int(x) for x in args.widths.split(",")):
        t = time.process_time()
        e = candidates(m, w) if width <= sp.POOL else candidates(m, w, length=width)
        seconds = time.process_time() - t
        p = sp.pool(e, width)
        rows = np.repeat(np.arange(m.n_seekers), width)
        truth = true_score(m, sc, rows, np.maximum(p.post.ravel(), 0)).reshape(p.post.shape)
        listed = np.zeros(m.n_posts, dtype=bool)
        listed[e.p] = True
        pooled = np.zeros(m.n_posts, dtype=bool)
        pooled[p.post[p.valid]] = True
        g_plain, n_plain = judge(p, sp.plain(p, w.k), truth, m.n_posts, w.k)
        first = len(lines)
        lines += [f"pool of {width} (candidates: {len(e):,} pairs, {seconds:.1f} s CPU): posts in no pool "
                  f"{1 - pooled.mean():.1%} (in no candidate list {1 - listed.mean():.1%})",
                  f"  {'plain lists':<32}Gini {g_plain:.3f}  NDCG {n_plain:.4f}"]
        for slack, floor, bonus in SPREADS:
            t = time.process_time()
            cols, _ = sp.spread(p, m.places, w.k, w.spread_rounds, slack, floor, bonus)
            g, n = judge(p, cols, truth, m.n_posts, w.k)
            label = f"spread {slack:g}, {floor:g}, {bonus:g}"
            lines.append(f"  {label:<32}Gini {g:.3f}  ratio {n / n_plain:.4f}  ({time.process_time() - t:.1f} s CPU)")
        g, n = judge(p, most_even(p, m, w.k, args.seed), truth, m.n_posts, w.k)
        lines.append(f"  {'most even lists':<32}Gini {g:.3f}  ratio {n / n_plain:.4f}")
        oracle = sp.Pool(p.post, np.where(p.valid, truth, -np.inf))
        for slack, floor, bonus in SPREADS:
            cols, _ = sp.spread(oracle, m.places, w.k, w.spread_rounds, slack, floor, bonus)
            g, n = judge(p, cols, truth, m.n_posts, w.k)
            label = f"oracle spread {slack:g}, {floor:g}, {bonus:g}"
            lines.append(f"  {label:<32}Gini {g:.3f}  ratio {n / n_plain:.4f}")
        print("\n".join(lines[first:]), flush=True)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
