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
import pandas as pd

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

    @cached_property
    def by_post(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Entries sorted by post, where each post's begin (``start[p]:start[p + 1]``), and each entry's option."""
        order = np.argsort(self.entry_p, kind="stable")
        start = np.searchsorted(self.entry_p[order], np.arange(int(self.entry_p.max(initial=-1)) + 2))
        option = np.repeat(np.arange(len(self.option_unit)), np.diff(self.entry_start))
        return order, start, option


def _options_by(frame: pd.DataFrame, key: np.ndarray, size: pd.Series, limit: int, variants: int) -> pd.DataFrame:
    """Each group's options at one level (enterprise or district): under each key that every member has candidates
    in, the members' best posts there, then their second best, ... (``variants`` of them; a member who runs out of
    posts there stays at their last), best mean score first, at most ``limit``."""
    g, s, p, u = (frame[c].to_numpy() for c in ("g", "s", "p", "u"))
    k = key[p].astype(np.int64)
    # by (group, seeker, key), then as the pairs come (each seeker's best first, ties by post): one stable sort
    order = np.argsort((g.astype(np.int64) * (int(s.max(initial=0)) + 1) + s) * (int(key.max(initial=0)) + 1) + k,
                       kind="stable")
    g, s, p, u, k, rows = g[order], s[order], p[order], u[order], k[order], order
    # blocks of (seeker, key): their posts there, best first
    new = np.concatenate([[True], (s[1:] != s[:-1]) | (k[1:] != k[:-1])])
    b_start = np.flatnonzero(new)
    b_count = np.minimum(np.diff(np.append(b_start, len(s))), variants)
    b_g, b_k = g[b_start], k[b_start]
    # (group, key) of each block; keep the keys where every member has a block
    gk = np.lexsort((b_k, b_g))
    b_start, b_count, b_g, b_k = b_start[gk], b_count[gk], b_g[gk], b_k[gk]
    first = np.concatenate([[True], (b_g[1:] != b_g[:-1]) | (b_k[1:] != b_k[:-1])])
    gk_id = np.cumsum(first) - 1
    members = np.bincount(gk_id)
    depth = np.maximum.reduceat(b_count, np.flatnonzero(first)) if len(b_count) else np.zeros(0, np.int64)
    whole = members == size.reindex(b_g[first]).to_numpy()
    keep = whole[gk_id]
    b_start, b_g, b_k, b_count, gk_id = b_start[keep], b_g[keep], b_k[keep], b_count[keep], gk_id[keep]
    # each block once per variant r < depth of its (group, key), at its r-th post or its last
    reps = depth[gk_id]
    blk = np.repeat(np.arange(len(b_start)), reps)
    r = np.arange(reps.sum()) - np.repeat(np.cumsum(reps) - reps, reps)
    at = b_start[blk] + np.minimum(r, b_count[blk] - 1)
    opt = gk_id[blk] * (variants + 1) + r  # one option per (group, key, variant)
    opt_ids, opt_of, n = np.unique(opt, return_inverse=True, return_counts=True)
    score = np.bincount(opt_of, weights=u[at]) / n
    o_g = b_g[blk][np.unique(opt_of, return_index=True)[1]]
    o_k = b_k[blk][np.unique(opt_of, return_index=True)[1]]
    o_r = opt_ids % (variants + 1)
    rank_order = np.lexsort((o_r, o_k, -score, o_g))
    rank = np.empty(len(opt_ids), np.int64)
    g_sorted = o_g[rank_order]
    rank[rank_order] = np.arange(len(opt_ids)) - np.searchsorted(g_sorted, g_sorted)
    chosen = rank[opt_of] < limit
    src = rows[at[chosen]]
    return pd.DataFrame({"g": frame["g"].to_numpy()[src], "s": frame["s"].to_numpy()[src],
                         "p": frame["p"].to_numpy()[src], "u": frame["u"].to_numpy()[src],
                         "v": frame["v"].to_numpy()[src], "rank": rank[opt_of][chosen],
                         "score": score[opt_of][chosen]})


def group_options(m: Market, e: Edges, w: MatchPolicy) -> pd.DataFrame:
    """Rows (group, option rank, seeker, post, u, v, score) of every group's options among the pairs ``e``, best
    option first: one enterprise (when ``keep_groups`` is "enterprise"), then one district."""
    group_seekers = np.flatnonzero(m.group >= 0) if w.keep_groups != "none" else np.zeros(0, np.int64)
    if not len(group_seekers):
        return pd.DataFrame({c: np.zeros(0) for c in ("g", "rank", "s", "p", "u", "v", "score")})
    mine = np.isin(e.s, group_seekers)
    frame = pd.DataFrame({"s": e.s[mine], "p": e.p[mine], "u": e.u[mine], "v": e.v[mine]})
    frame["g"] = m.group[frame["s"].to_numpy()]
    size = pd.Series(m.group[group_seekers]).value_counts()
    parts = [_options_by(frame, m.post_district, size, w.group_options, DISTRICT_VARIANTS)]
    if w.keep_groups == "enterprise":
        firms = _options_by(frame, m.enterprise, size, w.group_options, VARIANTS)
        parts[0]["rank"] += w.group_options
        parts[0]["score"] -= DISTRICT_PENALTY  # any one-enterprise option comes first
        parts.insert(0, firms)
    rows = pd.concat(parts, ignore_index=True)
    return rows.sort_values(["g", "rank", "s"], kind="stable")


def build_units(m: Market, e: Edges, w: MatchPolicy, long: Edges | None = None,
                options: pd.DataFrame | None = None) -> Units:
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
    # group options: option id per (g, rank)
    if len(options):
        opt_key = options["g"].map(group_no).to_numpy() * 100_000 + options["rank"].to_numpy()
        opt_keys, opt_of_row, opt_sizes = np.unique(opt_key, return_inverse=True, return_counts=True)
        g_of_opt = (opt_keys // 100_000).astype(np.int64)
        g_opt_count = np.bincount(g_of_opt, minlength=n_groups)
        g_score = options.groupby(opt_of_row)["score"].first().to_numpy(np.float32)
    else:
        opt_sizes = np.zeros(0, np.int64)
        g_of_opt = np.zeros(0, np.int64)
        g_opt_count = np.zeros(n_groups, np.int64)
        g_score = np.zeros(0, np.float32)
    count = np.concatenate([lens, g_opt_count]).astype(np.int64)
    first = np.concatenate([[0], np.cumsum(count)[:-1]]).astype(np.int64)
    entry_sizes = np.concatenate([np.ones(len(edge_idx), np.int64), opt_sizes])
    entry_start = np.concatenate([[0], np.cumsum(entry_sizes)]).astype(np.int64)
    unit_of_single = np.repeat(np.arange(len(single)), lens)
    option_unit = np.concatenate([unit_of_single, g_units[g_of_opt] if n_groups else np.zeros(0, np.int64)])
    members = [np.array([s]) for s in single] + [np.sort(group_seekers[m.group[group_seekers] == g]) for g in groups]
    size = np.array([len(x) for x in members], dtype=np.int64)
    size[: len(single)] = 1
    return Units(
        first=first, count=count, size=size, fallback_of=fallback,
        option_unit=option_unit.astype(np.int64),
        option_score=np.concatenate([e.u[edge_idx], g_score]).astype(np.float32),
        entry_start=entry_start,
        entry_s=np.concatenate([e.s[edge_idx], options["s"].to_numpy(np.int32)]).astype(np.int32),
        entry_p=np.concatenate([e.p[edge_idx], options["p"].to_numpy(np.int32)]).astype(np.int32),
        entry_v=np.concatenate([e.v[edge_idx], options["v"].to_numpy(np.float32)]).astype(np.float32),
        members=members,
    )
