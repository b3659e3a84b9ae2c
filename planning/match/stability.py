"""An independent check of a match: capacities kept, and its blocking pairs counted from the matching alone.

It reads only the market (units, their options and scores, the posts' scores of seekers, places) and who is at
which post; it knows nothing of how the match was found. A unit and one of its options block the match when the
unit prefers the option to what it has, and every post of the option would take the unit's members there: its free
places, plus the places of seekers it ranks lower, plus places the unit's own members hold there, are at least the
members the option sends. For a seeker alone that is the textbook blocking pair (Gale and Shapley 1962): the seeker
prefers the post, and the post has a free place or holds someone it ranks lower. Members of a split group count as
seekers alone; the group itself blocks with any option its members could take together.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from planning.match.units import Units

EPS = 1e-6


@dataclass(frozen=True)
class Blocking:
    """The blocking (unit, option) pairs of a match, and whether it kept every post's places."""

    units: np.ndarray
    options: np.ndarray
    over_capacity: int
    is_group: np.ndarray

    @property
    def count(self) -> int:
        return len(self.units)

    @property
    def by_groups(self) -> int:
        return int(self.is_group.sum())

    @property
    def by_seekers_alone(self) -> int:
        return int((~self.is_group).sum())


def check(units: Units, places: np.ndarray, post_of: np.ndarray) -> Blocking:
    """The blocking pairs of the match ``post_of`` (post of each seeker, -1 none)."""
    n_posts = len(places)
    entry_option = np.repeat(np.arange(len(units.option_unit)), np.diff(units.entry_start))
    es, ep, ev = units.entry_s.astype(np.int64), units.entry_p.astype(np.int64), units.entry_v
    key = es * n_posts + ep
    order = np.argsort(key, kind="stable")
    matched = np.flatnonzero(post_of >= 0)
    held_key = matched * n_posts + post_of[matched]
    at = order[np.searchsorted(key[order], held_key)]
    if not np.array_equal(key[at], held_key):
        raise ValueError("Expected every matched pair to be among the candidate pairs.")
    held_v = ev[at]
    held_post = post_of[matched]
    taken = np.bincount(held_post, minlength=n_posts)
    free = places - taken
    # each unit's current option score: the best of its options whose entries all hold
    ok = post_of[es] == ep
    n_ok = np.bincount(entry_option, weights=ok, minlength=len(units.option_unit))
    size = np.diff(units.entry_start)
    current = np.full(units.n_units, -np.inf)
    whole = np.flatnonzero(n_ok == size)
    np.maximum.at(current, units.option_unit[whole], units.option_score[whole].astype(np.float64))
    active = (units.fallback_of < 0) | ~np.isfinite(current[np.maximum(units.fallback_of, 0)])
    # places a post would give an entry: free, below the entry's seeker, and the unit's own members there
    all_v = np.concatenate([held_v, ev])
    _, rank = np.unique(all_v, return_inverse=True)
    big = len(all_v) + 1
    held_c = np.sort(held_post * big + rank[: len(held_v)])
    lower = np.searchsorted(held_c, ep * big + rank[len(held_v):]) - np.searchsorted(held_c, ep * big)
    unit_of_entry = units.option_unit[entry_option]
    own = np.zeros(len(es), dtype=np.int64)
    groups = units.is_group[unit_of_entry]
    if groups.any():
        members = pd.DataFrame({"unit": np.repeat(np.arange(units.n_units), [len(m) for m in units.members]),
                                "s": np.concatenate(units.members)})
        members = members[units.is_group[members["unit"].to_numpy()]]
        members["p"] = post_of[members["s"].to_numpy()]
        members = members[members["p"].to_numpy() >= 0]
        members["v"] = ev[order[np.searchsorted(key[order], members["s"].to_numpy() * n_posts + members["p"])]]
        g_idx = np.flatnonzero(groups)
        query = pd.DataFrame({"i": g_idx, "unit": unit_of_entry[g_idx], "p": ep[g_idx], "v_e": ev[g_idx]})
        joined = query.merge(members, on=["unit", "p"], how="inner")
        own_all = joined.groupby("i").size()
        own_lower = joined[joined["v"] < joined["v_e"]].groupby("i").size()
        own[own_all.index.to_numpy()] += own_all.to_numpy()
        lower[own_lower.index.to_numpy()] -= own_lower.to_numpy()
    avail = free[ep] + lower + own
    opt_post = entry_option.astype(np.int64) * n_posts + ep
    _, inv, cnt = np.unique(opt_post, return_inverse=True, return_counts=True)
    fits = avail >= cnt[inv]
    n_fit = np.bincount(entry_option, weights=fits, minlength=len(units.option_unit))
    better = units.option_score.astype(np.float64) > current[units.option_unit] + EPS
    blocking = np.flatnonzero((n_fit == size) & better & active[units.option_unit])
    unit = units.option_unit[blocking]
    return Blocking(unit, blocking, int(np.maximum(-free, 0).sum()), units.is_group[unit])
