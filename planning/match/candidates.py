"""Candidate pairs: occupation codes first, then scores within each code's block of seekers and posts.

For each code, the seekers who named it meet the posts of that code in blocks of a few million pairs; each seeker
keeps the ``candidates`` posts it scores best among those acceptable to it (wage floor, age, certificates), and each
post keeps the ``per_post`` seekers who score it best (so that every acceptable post can be shown to someone). The
result is the list of acceptable pairs the match and the recommendations work on, sorted by seeker, best first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planning.match.policy import MatchPolicy
from planning.match.score import Market, acceptable, post_score, seeker_score

#: Pairs scored at once (memory: about 20 bytes each).
BLOCK_PAIRS = 2_000_000


@dataclass(frozen=True)
class Edges:
    """Acceptable pairs, sorted by seeker then by the seeker's score (best first); ``start[s]:start[s+1]`` are
    seeker ``s``'s. ``u``: the seeker's score of the post, ``v``: the post's score of the seeker."""

    s: np.ndarray
    p: np.ndarray
    u: np.ndarray
    v: np.ndarray
    start: np.ndarray

    def __len__(self) -> int:
        return len(self.s)


def _top(values: np.ndarray, k: int, axis: int) -> np.ndarray:
    """Indices of the ``k`` largest values along ``axis`` (unordered)."""
    n = values.shape[axis]
    if n <= k:
        shape = [1, 1]
        shape[axis] = n
        return np.broadcast_to(np.arange(n).reshape(shape), values.shape)
    return np.argpartition(-values, k - 1, axis=axis).take(np.arange(k), axis=axis)


def _block(m: Market, w: MatchPolicy, seekers: np.ndarray, posts: np.ndarray, length: int, per_post: int,
           out_s: list[np.ndarray], out_p: list[np.ndarray]) -> None:
    """The pairs one code contributes (see the module docstring)."""
    rows = max(1, BLOCK_PAIRS // len(posts))
    k_post = min(per_post, len(seekers))
    best_v = np.full((k_post, len(posts)), -np.inf, dtype=np.float32)
    best_s = np.zeros((k_post, len(posts)), dtype=np.int64)
    for at in range(0, len(seekers), rows):
        s = seekers[at:at + rows]
        u = seeker_score(m, s[:, None], posts[None, :], w)
        u = np.where(acceptable(m, s[:, None], posts[None, :]), u, np.float32(-np.inf))
        idx = _top(u, length, 1)
        val = np.take_along_axis(u, idx, axis=1)
        keep = np.isfinite(val)
        out_s.append(np.broadcast_to(s[:, None], idx.shape)[keep].astype(np.int32))
        out_p.append(posts[idx[keep]].astype(np.int32))
        if k_post:
            top = _top(u, k_post, 0)
            both_v = np.concatenate([best_v, np.take_along_axis(u, top, axis=0)])
            both_s = np.concatenate([best_s, s[top]])
            pick = _top(both_v, k_post, 0)
            best_v, best_s = np.take_along_axis(both_v, pick, axis=0), np.take_along_axis(both_s, pick, axis=0)
    keep = np.isfinite(best_v)
    out_s.append(best_s[keep].astype(np.int32))
    out_p.append(np.broadcast_to(posts[None, :], best_v.shape)[keep].astype(np.int32))


def candidates(m: Market, w: MatchPolicy, only: np.ndarray | None = None, length: int | None = None,
               per_post: int | None = None, employer: bool = True) -> Edges:
    """The candidate pairs of a season (of the seekers ``only``, ``length`` posts each, when given); without
    ``employer`` the posts' scores of the seekers are left at 0 (the recommendation pools do not read them)."""
    length = w.candidates if length is None else length
    per_post = w.per_post if per_post is None else per_post
    pairs_s = np.repeat(np.arange(m.n_seekers), [len(c) for c in m.codes])
    pairs_c = np.concatenate(m.codes) if m.codes else np.zeros(0, np.int32)
    if only is not None:
        mine = np.isin(pairs_s, only)
        pairs_s, pairs_c = pairs_s[mine], pairs_c[mine]
    by_code = np.argsort(m.post_code, kind="stable")
    bounds = np.searchsorted(m.post_code[by_code], np.arange(len(m.code_names) + 1))
    order = np.argsort(pairs_c, kind="stable")
    s_bounds = np.searchsorted(pairs_c[order], np.arange(len(m.code_names) + 1))
    out_s: list[np.ndarray] = [np.zeros(0, np.int32)]
    out_p: list[np.ndarray] = [np.zeros(0, np.int32)]
    for c in range(len(m.code_names)):
        posts = by_code[bounds[c]:bounds[c + 1]].astype(np.int64)
        seekers = pairs_s[order[s_bounds[c]:s_bounds[c + 1]]].astype(np.int64)
        if len(posts) and len(seekers):
            _block(m, w, seekers, posts, length, per_post, out_s, out_p)
    return _edges(m, w, np.concatenate(out_s), np.concatenate(out_p), employer)


def _edges(m: Market, w: MatchPolicy, s: np.ndarray, p: np.ndarray, employer: bool = True) -> Edges:
    """The edges of the pairs (seeker ``s``, post ``p``), duplicates dropped, scored and sorted."""
    key = np.sort(s.astype(np.int64) * m.n_posts + p)
    key = key[np.concatenate([[True], key[1:] != key[:-1]])] if len(key) else key
    s, p = (key // m.n_posts).astype(np.int32), (key % m.n_posts).astype(np.int32)
    del key
    u = seeker_score(m, s, p, w)
    # by seeker, best score first, ties by post (the keys are sorted by seeker then post; u is bounded, so one
    # float key keeps every distinct score apart)
    order = np.argsort(s * 4096.0 - np.clip(u.astype(np.float64), -1000, 1000), kind="stable")
    s, p, u = s[order], p[order], u[order]
    v = post_score(m, s, p, w) if employer else np.zeros(len(s), np.float32)
    start = np.searchsorted(s, np.arange(m.n_seekers + 1))
    return Edges(s.astype(np.int32), p.astype(np.int32), u.astype(np.float32), v.astype(np.float32), start)


def extend(m: Market, w: MatchPolicy, e: Edges, seekers: np.ndarray, length: int) -> Edges:
    """``e`` with the lists of ``seekers`` lengthened to their ``length`` best acceptable posts (the pairs already
    there are kept)."""
    more = candidates(m, w, only=seekers, length=length, per_post=0)
    theirs = np.isin(e.s, seekers)  # only their pairs can be there already
    new = ~np.isin(more.s.astype(np.int64) * m.n_posts + more.p,
                   e.s[theirs].astype(np.int64) * m.n_posts + e.p[theirs])
    cols = ((e.s, more.s), (e.p, more.p), (e.u, more.u), (e.v, more.v))
    mine = [np.concatenate([a[theirs], b[new]]) for a, b in cols]
    order = np.lexsort((mine[1], -mine[2], mine[0]))  # by seeker, best score first, ties by post (as ``_edges``)
    both = [np.concatenate([a[~theirs], x[order]]) for (a, _), x in zip(cols, mine, strict=True)]
    merge = np.argsort(both[0], kind="stable")  # two sorted runs, each seeker's pairs in one of them
    s, p, u, v = (x[merge] for x in both)
    return Edges(s, p, u, v, np.searchsorted(s, np.arange(m.n_seekers + 1)))
