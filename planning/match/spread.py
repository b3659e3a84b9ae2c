"""Recommendation lists of ``k`` posts per seeker, spread across posts by their places, and how to judge them.

Plain scoring shows each seeker their ``k`` best-scored posts, so the same well-paid posts top thousands of lists
while most posts are in nobody's (congestion). The spread lists solve the exposure problem of ReCon (Mashayekhi,
Kang, Lijffijt and De Bie, "ReCon: Reducing Congestion in Job Recommendation using Optimal Transport", RecSys 2023):
maximise the seekers' total score of what they are shown, each post shown at most in proportion to its places. It is
solved by its dual: each post gets a price, raised while it is shown more than its share and lowered (to 0) while
less; each seeker's list is their ``k`` best posts by score minus price, within their candidate pool (Su, Bayoumi
and Joachims, "Optimizing Rankings for Recommendation in Matching Markets", WWW 2022, make the same point about
congestion). Lists are shown in the seeker's own order.

``gini`` of post exposure and ``ndcg`` against the hidden true preferences judge the lists.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planning.match.candidates import Edges

#: A seeker's pool: at most this many of their candidate posts, best first.
POOL = 60
#: Price step (score units) per round, scaled by how far a post is over or under its share.
STEP = 0.5
#: A post is priced only when shown more than this many times its share (its places' part of all the showing).
SLACK = 3.0
#: A post shown less than this many times its share gets a negative price (a bonus), down to -BONUS.
FLOOR = 0.5
BONUS = 1.0


@dataclass(frozen=True)
class Pool:
    """Each seeker's candidate posts as rows of a matrix (best first; -1 and -inf pad)."""

    post: np.ndarray
    score: np.ndarray

    @property
    def valid(self) -> np.ndarray:
        return self.post >= 0


def pool(e: Edges, width: int = POOL) -> Pool:
    """The first ``width`` candidates of each seeker."""
    n = len(e.start) - 1
    lens = np.minimum(np.diff(e.start), width)
    rows = np.repeat(np.arange(n), lens)
    cols = np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
    src = np.repeat(e.start[:-1], lens) + cols
    post = np.full((n, width), -1, dtype=np.int64)
    score = np.full((n, width), -np.inf, dtype=np.float64)
    post[rows, cols], score[rows, cols] = e.p[src], e.u[src]
    return Pool(post, score)


def _top(score: np.ndarray, k: int) -> np.ndarray:
    """Column indices of the ``k`` best of each row, best first."""
    k = min(k, score.shape[1])
    part = np.argpartition(-score, k - 1, axis=1)[:, :k] if score.shape[1] > k else np.tile(
        np.arange(score.shape[1]), (len(score), 1))
    order = np.argsort(-np.take_along_axis(score, part, axis=1), axis=1, kind="stable")
    return np.take_along_axis(part, order, axis=1)


def _cols(p: Pool, score: np.ndarray, k: int) -> np.ndarray:
    """Pool columns of each row's ``k`` best by ``score`` (-1 where the pool runs out), best first."""
    cols = _top(score, k)
    return np.where(np.isfinite(np.take_along_axis(score, cols, axis=1)), cols, -1)


def posts_of(p: Pool, cols: np.ndarray) -> np.ndarray:
    """The posts at pool columns ``cols`` (-1 stays -1)."""
    return np.where(cols >= 0, np.take_along_axis(p.post, np.maximum(cols, 0), axis=1), -1)


def plain(p: Pool, k: int) -> np.ndarray:
    """Pool columns of each seeker's ``k`` best-scored posts (-1 pad)."""
    return _cols(p, p.score, k)


def spread(p: Pool, places: np.ndarray, k: int, rounds: int, slack: float = SLACK, floor: float = FLOOR,
           bonus: float = BONUS) -> tuple[np.ndarray, np.ndarray]:
    """Pool columns of the lists under post prices (see the module docstring; in the seeker's own order), and the
    prices."""
    n_posts = len(places)
    ok = p.valid
    reachable = np.zeros(n_posts, dtype=bool)
    reachable[p.post[ok]] = True
    shown = np.minimum(ok.sum(axis=1), k).sum()
    share = np.where(reachable, places, 0).astype(np.float64)
    share *= shown / max(share.sum(), 1.0)
    share = np.maximum(share, 0.5)
    price = np.zeros(n_posts)
    safe = np.where(ok, p.post, 0)
    for r in range(rounds):
        step = STEP * 4 / (4 + r)  # decreasing steps: the prices settle
        lists = posts_of(p, _cols(p, np.where(ok, p.score - price[safe], -np.inf), k))
        shown_now = np.bincount(lists[lists >= 0], minlength=n_posts)
        over = np.clip((shown_now - slack * share) / share, 0.0, 1.0)
        under = np.clip((floor * share - shown_now) / share, 0.0, 1.0)
        price = np.maximum(-bonus, price + step * (over - under))
    cols = _cols(p, np.where(ok, p.score - price[safe], -np.inf), k)
    own = np.where(cols >= 0, np.take_along_axis(p.score, np.maximum(cols, 0), axis=1), -np.inf)
    order = np.argsort(-own, axis=1, kind="stable")  # the seeker's own order
    return np.take_along_axis(cols, order, axis=1), price


def exposure(p: Pool, cols: np.ndarray, n_posts: int) -> np.ndarray:
    """How many lists each post is in."""
    posts = posts_of(p, cols)
    return np.bincount(posts[posts >= 0], minlength=n_posts)


def gini(values: np.ndarray) -> float:
    """The Gini coefficient (0: all equal, 1: one has everything)."""
    x = np.sort(np.asarray(values, dtype=np.float64))
    n, total = len(x), x.sum()
    if n == 0 or total == 0:
        return 0.0
    return float((2 * np.arange(1, n + 1) - n - 1) @ x / (n * total))


def ndcg(cols: np.ndarray, p: Pool, truth: np.ndarray, k: int) -> np.ndarray:
    """NDCG@k of each seeker's list (pool columns) against the true scores of their pool (``truth``, the pool's
    shape): gains are the true scores rescaled to [0, 1] within the pool; the ideal is the pool's ``k`` truly best."""
    ok = p.valid
    lo = np.where(ok, truth, np.inf).min(axis=1, keepdims=True)
    hi = np.where(ok, truth, -np.inf).max(axis=1, keepdims=True)
    gain = np.where(ok, (truth - lo) / np.where(hi > lo, hi - lo, 1.0), 0.0)
    k = min(k, gain.shape[1])
    discount = 1.0 / np.log2(np.arange(2, k + 2))
    ideal = -np.sort(-gain, axis=1)[:, :k] @ discount
    got = np.where(cols >= 0, np.take_along_axis(gain, np.maximum(cols, 0), axis=1), 0.0)
    dcg = got[:, :k] @ discount[: got.shape[1]]
    return np.where(ideal > 0, dcg / np.where(ideal > 0, ideal, 1.0), 1.0)
