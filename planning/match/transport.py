"""Spread lists from an entropic optimal transport between seekers and posts, the posts' places as their shares.

The lists are read off a transport plan ``pi`` between seekers (each sends ``k``, the length of a list) and posts
(each receives in proportion to its places) that maximises the seekers' total score of what they are sent plus
``eps`` times the plan's entropy: Bied et al., "Congestion-avoiding job recommendation with optimal transport" (on
the data of France's public employment service), and Mashayekhi, Kang, Lijffijt and De Bie, "ReCon: Reducing
Congestion in Job Recommendation using Optimal Transport" (RecSys 2023), recommend a seeker their posts of largest
``pi``. The posts' side is held by a Kullback-Leibler penalty of weight ``tau`` instead of exactly (unbalanced
transport: Chizat, Peyré, Schmitzer and Vialard, "Scaling algorithms for unbalanced optimal transport problems",
Math. Comp. 2018): ``tau = 0`` leaves the plain lists, a larger ``tau`` holds each post's exposure closer to its
share, ``inf`` exactly to it. The trade between exposure and quality is steep on a generated city season
(``benchmarks/fair.py`` prints the curve): the default strength keeps 96% of plain scoring's NDCG@10.

The plan is ``pi[s, p] = f[s] * exp(u[s, p] / eps) * g[p]``, found by the scaling (Sinkhorn) iterations
``f = k / (K g)`` and ``g = (share / (K' f)) ** (tau / (tau + eps))``. A seeker's ``k`` largest ``pi[s, p]`` are
their ``k`` best posts by score minus the post's price ``-eps * log g[p]`` (negative: a bonus for posts shown too
little), so the lists are the pool's top ``k`` under those prices, shown in the seeker's own order.
"""

from __future__ import annotations

import math

import numpy as np

from planning.match.spread import Pool, top_columns

#: Entropy weight, score units (1 = 1,000 yuan a month): the plan's softness.
EPS = 0.1
#: Weight of the posts' shares (the Kullback-Leibler penalty), score units; ``math.inf`` holds them exactly.
TAU = 0.3
#: Scaling iterations (20 settle the lists of a city season).
ROUNDS = 20
#: A kernel entry is at least exp(-FLOOR) and a post's log scaling within +-LIMIT: every product stays in float64's
#: range (a score more than FLOOR * eps below the seeker's best counts as that far below).
FLOOR = 300.0
LIMIT = 200.0


def shares(p: Pool, places: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """What each seeker sends (``k``, or their whole pool when shorter) and each post's share of it (in proportion
    to its places, over the posts in some pool; 0 for the others)."""
    ok = p.valid
    send = np.minimum(ok.sum(axis=1), k).astype(np.float64)
    reach = np.bincount(p.post[ok], minlength=len(places)) > 0
    share = np.where(reach, places, 0).astype(np.float64)
    return send, share * (send.sum() / max(share.sum(), 1.0))


def plan_scalings(p: Pool, places: np.ndarray, k: int, eps: float = EPS, tau: float = TAU,
                  rounds: int = ROUNDS) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The kernel ``exp((u - best) / eps)`` (pool shape; 0 off the pool), the seekers' scalings ``f`` and the posts'
    log scalings ``log g`` after ``rounds`` iterations."""
    if not eps > 0 or not tau >= 0 or not rounds >= 0:
        raise ValueError(f"Expected eps > 0, tau >= 0 and rounds >= 0, got {eps!r}, {tau!r}, {rounds!r}.")
    ok = p.valid
    n_posts = len(places)
    send, share = shares(p, places, k)
    best = np.where(ok, p.score, -np.inf).max(axis=1, keepdims=True)
    gap = np.where(ok, p.score - np.where(np.isfinite(best), best, 0.0), 0.0)
    kernel = np.where(ok, np.exp(np.maximum(gap / eps, -FLOOR)), 0.0)
    posts, safe = p.post[ok], np.where(ok, p.post, 0)
    power = 1.0 if math.isinf(tau) else tau / (tau + eps)
    log_share = np.log(np.where(share > 0, share, 1.0))
    log_g = np.zeros(n_posts)
    f = np.zeros(len(send))
    for done in range(rounds + 1):
        row = (kernel * np.exp(log_g)[safe]).sum(axis=1)
        f = np.divide(send, row, out=np.zeros_like(send), where=row > 0)
        if done == rounds:
            break
        col = np.bincount(posts, weights=(kernel * f[:, None])[ok], minlength=n_posts)
        log_col = np.log(np.where(col > 0, col, 1.0))
        log_g = np.where((col > 0) & (share > 0), np.clip(power * (log_share - log_col), -LIMIT, LIMIT), 0.0)
    return kernel, f, log_g


def transport(p: Pool, places: np.ndarray, k: int, eps: float = EPS, tau: float = TAU,
              rounds: int = ROUNDS) -> tuple[np.ndarray, np.ndarray]:
    """Pool columns of the lists read off the plan (see the module docstring; in the seeker's own order), and the
    posts' prices (score units; negative: a bonus)."""
    _, _, log_g = plan_scalings(p, places, k, eps, tau, rounds)
    price = -eps * log_g
    ok = p.valid
    cols = top_columns(p, np.where(ok, p.score - price[np.where(ok, p.post, 0)], -np.inf), k)
    own = np.where(cols >= 0, np.take_along_axis(p.score, np.maximum(cols, 0), axis=1), -np.inf)
    order = np.argsort(-own, axis=1, kind="stable")  # the seeker's own order
    return np.take_along_axis(cols, order, axis=1), price
