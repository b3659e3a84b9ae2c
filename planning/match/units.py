"""Who applies together, and to what: units (a seeker alone, or a group that wants one employer or one district)
and each unit's options in order of preference, each option a set of (seeker, post) entries.

A seeker alone has one option per candidate post. A group (couples, fellow villagers: the seekers sharing a group
id) has options per enterprise (or district, by ``keep_groups``) where every member has a candidate post: the
members' best posts there, then their second best, and so on (a member with fewer posts there stays at their last,
so that one member's short list does not cut the group's); the group's score of an option is its members' mean.
After those come options per district: a group kept by enterprise that cannot stay in one still stays in one
district. Each member of a group also has a dormant unit of their own, woken when the group has run out of options
(the group is then split). With ``keep_groups="none"`` everyone applies alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

import numpy as np

from planning.match.candidates import Edges
from planning.match.policy import MatchPolicy
from planning.match.score import Market

#: A group kept by enterprise scores its one-district options this much lower: it prefers any enterprise first.
DISTRICT_PENALTY = 1000.0
#: Options per enterprise or district: the members' best posts there, their second best, ...
VARIANTS = 8
#: A district has many posts: more of them per district.
DISTRICT_VARIANTS = 60


@dataclass(frozen=True)
class Units:
    """Units and their options. Options of unit ``u`` are ``first[u]:first[u] + count[u]``, best first; entries of
    option ``o`` are ``entry_start[o]:entry_start[o + 1]``. ``fallback_of[u]`` is the group unit whose split wakes
    ``u`` (-1: awake from the start); ``members[u]`` the seekers of the unit."""

    first: np.ndarray
    count: np.ndarray
    size: np.ndarray
    fallback_of: np.ndarray
    option_unit: np.ndarray
    option_score: np.ndarray
    entry_start: np.ndarray
    entry_s: np.ndarray
    entry_p: np.ndarray
    entry_v: np.ndarray
    members: list[np.ndarray]

    @property
    def n_units(self) -> int:
        return len(self.first)

    @cached_property
    def is_group(self) -> np.ndarray:
        return self.size > 1


@dataclass(frozen=True)
class GroupOptions:
    """Every group's options, by group and best first: the group and score of option ``j``, and its entries
    ``start[j]:start[j + 1]`` (seeker, post, the post's score of the seeker)."""

    group: np.ndarray
    score: np.ndarray
    start: np.ndarray
    s: np.ndarray
    p: np.ndarray
    v: np.ndarray

    def __len__(self) -> int:
        return len(self.group)


def _span(lo: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The indices ``lo[i]:lo[i] + n[i]`` of every ``i``, and for each the ``i`` it belongs to."""
    owner = np.repeat(np.arange(len(lo)), n)
    return np.repeat(lo - np.cumsum(n) + n, n) + np.arange(n.sum()), owner


def _options_by(g: np.ndarray, s: np.ndarray, p: np.ndarray, u: np.ndarray, key: np.ndarray, size: np.ndarray,
                limit: int, variants: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Each group's options at one level (enterprise or district) among the pairs (``g``: the seeker's group, ``s``,
    ``p``, ``u``; ``size``: members of each group): under each key that every member has candidates in, the
    members' best posts there, then their second best, ... (``variants`` of them; a member who runs out of posts
    there stays at their last), best mean score first, at most ``limit``. Returns the options by group and rank
    (group, rank, score) and their entries (the pairs, in option order, each option's by seeker; ``n``: how many)."""
    k = key[p].astype(np.int64)
    # by (group, seeker, key), then as the pairs come (each seeker's best first, ties by post): one stable sort
    order = np.argsort((g.astype(np.int64) * (int(s.max(initial=0)) + 1) + s) * (int(key.max(initial=0)) + 1) + k,
                       kind="stable")
    g, s, k = g[order], s[order], k[order]
    # blocks of (seeker, key): their posts there, best first
    new = np.concatenate([[True], (s[1:] != s[:-1]) | (k[1:] != k[:-1])])
    b_start = np.flatnonzero(new)
    b_count = np.minimum(np.diff(np.append(b_start, len(s))), variants)
    b_g, b_k = g[b_start], k[b_start]
    # (group, key) of each block; keep the keys where every member has a block
    gk = np.lexsort((b_k, b_g))
    b_start, b_count, b_g, b_k = b_start[gk], b_count[gk], b_g[gk], b_k[gk]
    first = np.concatenate([[True], (b_g[1:] != b_g[:-1]) | (b_k[1:] != b_k[:-1])]) if len(b_g) else np.zeros(0, bool)
    gk_first = np.flatnonzero(first)
    gk_id = np.cumsum(first) - 1
    members = np.bincount(gk_id)
    depth = np.maximum.reduceat(b_count, gk_first) if len(b_count) else np.zeros(0, np.int64)
    depth = np.where(members == size[b_g[gk_first]], depth, 0)  # 0 options where someone has no candidate
    # one option per (group, key, variant r < depth), in that order; its score: the mean of its entries' u
    opt_first = np.cumsum(depth) - depth
    reps = depth[gk_id]
    blk = np.repeat(np.arange(len(b_start)), reps)
    r = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    at = b_start[blk] + np.minimum(r, b_count[blk] - 1)
    opt_of = opt_first[gk_id[blk]] + r
    n_opt = int(depth.sum())
    o_gk = np.repeat(np.arange(len(depth)), depth)
    score = np.bincount(opt_of, weights=u[order[at]], minlength=n_opt) / np.repeat(members, depth)
    o_g = b_g[gk_first][o_gk]
    # options come by (group, key, variant): a stable sort by (group, best score) ranks each group's
    rank_order = np.lexsort((-score, o_g))
    g_sorted = o_g[rank_order]
    rank = np.arange(n_opt) - np.searchsorted(g_sorted, g_sorted)
    chosen = rank_order[rank < limit]  # by group, best first
    o_r = np.arange(n_opt) - opt_first[o_gk]
    c_gk = o_gk[chosen]
    blocks, owner = _span(gk_first[c_gk], members[c_gk])
    src = order[b_start[blocks] + np.minimum(o_r[chosen][owner], b_count[blocks] - 1)]
    return o_g[chosen], rank[rank < limit], score[chosen], src, members[c_gk]


def group_options(m: Market, e: Edges, w: MatchPolicy) -> GroupOptions:
    """Every group's options among the pairs ``e``, best option first: one enterprise (when ``keep_groups`` is
    "enterprise"), then one district."""
    group_seekers = np.flatnonzero(m.group >= 0) if w.keep_groups != "none" else np.zeros(0, np.int64)
    if not len(group_seekers):
        return GroupOptions(np.zeros(0, np.int64), np.zeros(0), np.zeros(1, np.int64), np.zeros(0, np.int32),
                            np.zeros(0, np.int32), np.zeros(0, np.float32))
    mine = np.flatnonzero(np.isin(e.s, group_seekers))
    s, p, u = e.s[mine], e.p[mine], e.u[mine]
    g = m.group[s]
    size = np.bincount(m.group[group_seekers])
    levels = [(m.post_district, DISTRICT_VARIANTS, w.group_options if w.keep_groups == "enterprise" else 0,
               DISTRICT_PENALTY if w.keep_groups == "enterprise" else 0.0)]
    if w.keep_groups == "enterprise":
        levels.insert(0, (m.enterprise, VARIANTS, 0, 0.0))  # any one-enterprise option comes first
    parts = [_options_by(g, s, p, u, key, size, w.group_options, variants) for key, variants, _, _ in levels]
    o_g = np.concatenate([x[0] for x in parts])
    o_rank = np.concatenate([x[1] + shift for x, (_, _, shift, _) in zip(parts, levels, strict=True)])
    o_score = np.concatenate([x[2] - penalty for x, (*_, penalty) in zip(parts, levels, strict=True)])
    src = np.concatenate([x[3] for x in parts])
    n = np.concatenate([x[4] for x in parts])
    order = np.lexsort((o_rank, o_g))
    at, _ = _span((np.cumsum(n) - n)[order], n[order])
    rows = mine[src[at]]
    return GroupOptions(o_g[order].astype(np.int64), o_score[order], np.concatenate([[0], np.cumsum(n[order])]),
                        e.s[rows], e.p[rows], e.v[rows])


def build_units(m: Market, e: Edges, w: MatchPolicy, long: Edges | None = None,
                options: GroupOptions | None = None) -> Units:
    """The units of a season under the policy's ``keep_groups``; groups choose among ``options`` (by default
    ``group_options`` of ``long``, longer lists of their members' candidates, by default ``e``)."""
    grouped = (m.group >= 0) if w.keep_groups != "none" else np.zeros(m.n_seekers, dtype=bool)
    alone = np.flatnonzero(~grouped)
    group_seekers = np.flatnonzero(grouped)
    groups = np.unique(m.group[group_seekers])
    if options is None:
        options = group_options(m, long or e, w)
    n_alone, n_groups = len(alone), len(groups)
    # singles: awake ones, then the dormant ones of group members (in group order)
    dormant = group_seekers[np.lexsort((group_seekers, m.group[group_seekers]))]
    single = np.concatenate([alone, dormant]).astype(np.int64)
    lens = (e.start[single + 1] - e.start[single]).astype(np.int64)
    edge_idx = np.repeat(e.start[single] - np.cumsum(lens) + lens, lens) + np.arange(lens.sum())
    group_no = {g: k for k, g in enumerate(groups)}
    g_units = len(single) + np.arange(n_groups)
    fallback = np.concatenate([np.full(n_alone, -1), len(single) + np.array(
        [group_no[g] for g in m.group[dormant]], dtype=np.int64), np.full(n_groups, -1)]).astype(np.int64)
    # group options: each option's group unit and size
    g_of_opt = np.searchsorted(groups, options.group)
    g_opt_count = np.bincount(g_of_opt, minlength=n_groups)
    opt_sizes = np.diff(options.start)
    g_score = options.score.astype(np.float32)
    count = np.concatenate([lens, g_opt_count]).astype(np.int64)
    first = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
    # a single's option has one entry: the entries of the singles' options are numbered as the options
    entry_start = np.concatenate([np.arange(len(edge_idx) + 1), len(edge_idx) + np.cumsum(opt_sizes)])
    option_unit = np.concatenate([np.repeat(np.arange(len(single)), lens), g_units[g_of_opt]])
    members = [np.array([s]) for s in single] + [np.sort(group_seekers[m.group[group_seekers] == g]) for g in groups]
    size = np.array([len(x) for x in members], dtype=np.int64)
    size[: len(single)] = 1
    return Units(
        first=first, count=count, size=size, fallback_of=fallback,
        option_unit=option_unit.astype(np.int64, copy=False),
        option_score=np.concatenate([e.u[edge_idx], g_score], dtype=np.float32),
        entry_start=entry_start.astype(np.int64, copy=False),
        entry_s=np.concatenate([e.s[edge_idx], options.s], dtype=np.int32),
        entry_p=np.concatenate([e.p[edge_idx], options.p], dtype=np.int32),
        entry_v=np.concatenate([e.v[edge_idx], options.v], dtype=np.float32),
        members=members,
    )
