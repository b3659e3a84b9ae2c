"""How wide must a seeker's pool be for spread lists, and what can any lists from it reach? Gini of post exposure in
the top-10 lists against NDCG@10 (hidden true preferences, as a ratio to the plain lists of the same pool), for pools
of each seeker's best 60 and 200 acceptable posts (``MatchPolicy.pool``; the fair command's lists use 200).

python benchmarks/fair_pools.py [--posts 100000] [--seekers 30000] [--fairs 330] [--seed 1] [--widths 60,200]
                                [--out benchmarks/results/fair_pools.txt]

For each pool it prints: posts in no seeker's pool; the plain lists; the spread lists (the entropic optimal
transport of ``planning.match.transport`` at several strengths ``tau``); the most even lists the pool allows (each
seeker in a seeded order takes the posts of their pool shown least so far, relative to places: a floor, at whatever
quality, for any lists from that pool); the same spreads on the seekers' hidden weights without the pair noise (what
a perfect score of the registration form could know: a bound for any scoring of the form); and on the true
preferences themselves (an oracle no bureau has). It first says how much of the true preferences the form can
explain at all: the spread, within a seeker's pool, of the part their hidden weights give against the pair's own
noise; and last, what re-weighting the score to the generator's average hidden weights would gain. One run, CPU
seconds.
"""

from __future__ import annotations

import argparse
import math
import sys
import time
from pathlib import Path

import numpy as np

from planning.match import MatchPolicy
from planning.match import spread as sp
from planning.match.candidates import candidates
from planning.match.pages import small_pages
from planning.match.score import Market, market, true_score
from planning.match.transport import transport
from scenarios.fair import generate_fair
from scenarios.fair.model import FairScenario

#: Spread strengths (``tau``): the default, and stronger ones (inf: every post's exposure held to its share).
SPREADS = (MatchPolicy().spread_tau, 1.0, math.inf)


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


def within_sd(p: sp.Pool, values: np.ndarray) -> float:
    """The mean over seekers of the standard deviation of ``values`` across their pool."""
    ok = p.valid
    n = ok.sum(axis=1)
    mean = np.where(ok, values, 0.0).sum(axis=1) / np.maximum(n, 1)
    var = np.where(ok, (values - mean[:, None]) ** 2, 0.0).sum(axis=1) / np.maximum(n, 1)
    return float(np.sqrt(var)[n > 1].mean())


def judge(p: sp.Pool, cols: np.ndarray, truth: np.ndarray, n_posts: int, k: int) -> tuple[float, float]:
    return sp.gini(sp.exposure(p, cols, n_posts)), float(sp.ndcg(cols, p, truth, k).mean())


def refit(sc: FairScenario, m: Market, width: int, seed: int) -> str:
    """The plain and spread lists when the score's weights are the generator's average hidden weights (wage 1.05,
    km 0.57, dormitory and nights 1.5 for those who ask, no preference between the occupations named): the most a
    re-weighting of what the form shows could gain, in that score's own pools."""
    w = MatchPolicy(wage=1.05, km=0.57, dorm=1.5, night=1.5, wish=0.0, seed=seed)
    p = sp.pool(candidates(m, w, length=width, per_post=0, employer=False), width)
    rows = np.repeat(np.arange(m.n_seekers), width)
    truth = true_score(m, sc, rows, np.maximum(p.post.ravel(), 0)).reshape(p.post.shape)
    _, n_plain = judge(p, sp.plain(p, w.k), truth, m.n_posts, w.k)
    parts = []
    for tau in SPREADS[:2]:
        g, n = judge(p, transport(p, m.places, w.k, w.spread_eps, tau, w.spread_rounds)[0], truth, m.n_posts, w.k)
        parts.append(f"spread tau {tau:g}: Gini {g:.3f}, ratio {n / n_plain:.4f}")
    return (f"score re-weighted to the generator's average hidden weights (wage 1.05, km 0.57, dormitory and nights "
            f"1.5, no preference between the occupations named; pools of {width}): plain NDCG {n_plain:.4f}; "
            + "; ".join(parts))


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
        e = candidates(m, w, length=width, per_post=0, employer=False)
        seconds = time.process_time() - t
        p = sp.pool(e, width)
        rows = np.repeat(np.arange(m.n_seekers), width)
        truth = true_score(m, sc, rows, np.maximum(p.post.ravel(), 0)).reshape(p.post.shape)
        known = true_score(m, sc, rows, np.maximum(p.post.ravel(), 0), noise=False).reshape(p.post.shape)
        pooled = np.zeros(m.n_posts, dtype=bool)
        pooled[p.post[p.valid]] = True
        g_plain, n_plain = judge(p, sp.plain(p, w.k), truth, m.n_posts, w.k)
        first = len(lines)
        lines += [f"pool of {width} (candidates: {len(e):,} pairs, {seconds:.1f} s CPU): posts in no pool "
                  f"{1 - pooled.mean():.1%}; within a seeker's pool the "
                  f"true utility varies by sd {within_sd(p, known):.2f} from the seeker's hidden weights and by sd "
                  f"{within_sd(p, truth - known):.2f} from the pair's own noise (no form carries the noise)",
                  f"  {'plain lists':<44}Gini {g_plain:.3f}  NDCG {n_plain:.4f}"]
        for label, score in (("", p.score), ("hidden weights, no noise: ", known), ("oracle: ", truth)):
            scored = sp.Pool(p.post, np.where(p.valid, score, -np.inf))
            if label:
                g, n = judge(p, sp.plain(scored, w.k), truth, m.n_posts, w.k)
                lines.append(f"  {label + 'plain':<44}Gini {g:.3f}  ratio {n / n_plain:.4f}")
            for tau in SPREADS:
                t = time.process_time()
                cols, _ = transport(scored, m.places, w.k, w.spread_eps, tau, w.spread_rounds)
                g, n = judge(p, cols, truth, m.n_posts, w.k)
                name = f"{label}spread tau {tau:g}"
                seconds = time.process_time() - t
                lines.append(f"  {name:<44}Gini {g:.3f}  ratio {n / n_plain:.4f}  ({seconds:.1f} s CPU)")
            if not label:
                g, n = judge(p, most_even(p, m, w.k, args.seed), truth, m.n_posts, w.k)
                lines.append(f"  {'most even lists':<44}Gini {g:.3f}  ratio {n / n_plain:.4f}")
        print("\n".join(lines[first:]), flush=True)
    lines.append(refit(sc, m, max(int(x) for x in args.widths.split(",")), args.seed))
    print(lines[-1], flush=True)
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
