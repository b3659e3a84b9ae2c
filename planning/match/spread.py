"""Recommendation lists of ``k`` posts per seeker drawn from a pool of candidates, and how to judge them.

Plain scoring shows each seeker their ``k`` best-scored posts, so the same well-paid posts top thousands of lists
while most posts are in nobody's (congestion); ``planning.match.transport`` spreads them across posts by their
places. ``gini`` of post exposure and ``ndcg`` against the hidden true preferences judge the lists.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planning.match.candidates import Edges


@dataclass(frozen=True)
class Pool:
    """Each seeker's candidate posts as rows of a matrix (best first; -1 and -inf pad)."""

    post: np.ndarray
    score: np.ndarray

    @property
    def valid(self) -> np.ndarray:
        return self.post >= 0


def pool(e: Edges, width: int) -> Pool:
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


def top_columns(p: Pool, score: np.ndarray, k: int) -> np.ndarray:
    """Pool columns of each row's ``k`` best by ``score`` (-1 where the pool runs out), best first."""
    cols = _top(score, k)
    return np.where(np.isfinite(np.take_along_axis(score, cols, axis=1)), cols, -1)


def posts_of(p: Pool, cols: np.ndarray) -> np.ndarray:
    """The posts at pool columns ``cols`` (-1 stays -1)."""
    return np.where(cols >= 0, np.take_along_axis(p.post, np.maximum(cols, 0), axis=1), -1)


def plain(p: Pool, k: int) -> np.ndarray:
    """Pool columns of each seeker's ``k`` best-scored posts (-1 pad)."""
    return top_columns(p, p.score, k)


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
