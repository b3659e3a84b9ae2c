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
#: Most seekers one option may need to displace at a post (a group's size, with its own members counted).
MAX_DISPLACED = 16


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


@dataclass(frozen=True)
class Index:
    """What the check needs of a market, sorted once: entries by (seeker, post), each entry's option, and how many
    entries of its option go to its post."""

    key_order: np.ndarray
    key_sorted: np.ndarray
    entry_option: np.ndarray
    size: np.ndarray
    same_post: np.ndarray
    n_posts: int


def index(units: Units, n_posts: int) -> Index:
    """The sorted structure of ``units`` for ``check`` (build once, check many matches)."""
    size = np.diff(units.entry_start)
    entry_option = np.repeat(np.arange(len(units.option_unit)), size)
    key = units.entry_s.astype(np.int64) * n_posts + units.entry_p
    order = np.argsort(key, kind="stable")
    opt_post = entry_option.astype(np.int64) * n_posts + units.entry_p
    if (size == 1).all():
        same = np.ones(len(key), dtype=np.int64)
    else:
        _, inv, cnt = np.unique(opt_post, return_inverse=True, return_counts=True)
        same = cnt[inv]
    return Index(order, key[order], entry_option, size, same, n_posts)


def _lookup(ix: Index, s: np.ndarray, p: np.ndarray) -> np.ndarray:
    """Entry index of each pair (seeker, post); every pair must be an entry."""
    key = s.astype(np.int64) * ix.n_posts + p
    at = np.searchsorted(ix.key_sorted, key)
    if len(key) and (at.max() >= len(ix.key_sorted) or not np.array_equal(ix.key_sorted[at], key)):
        raise ValueError("Expected every matched pair to be among the candidate pairs.")
    return ix.key_order[at]


def _own_correction(units: Units, ix: Index, post_of: np.ndarray, groups: np.ndarray) -> np.ndarray:
    """For entries of group options: minus the places the group's own members hold at the post (they are freed),
    plus those of them ranked below the entry's seeker (they are not someone else's place to take)."""
    es, ep, ev = units.entry_s, units.entry_p, units.entry_v
    out = np.zeros(len(es), dtype=np.int64)
    members = pd.DataFrame({"unit": np.repeat(np.arange(units.n_units), [len(m) for m in units.members]),
                            "s": np.concatenate(units.members)})
    members = members[units.is_group[members["unit"].to_numpy()]]
    members["p"] = post_of[members["s"].to_numpy()]
    members = members[members["p"].to_numpy() >= 0]
    members["v"] = ev[_lookup(ix, members["s"].to_numpy(), members["p"].to_numpy())]
    g_idx = np.flatnonzero(groups)
    query = pd.DataFrame({"i": g_idx, "unit": units.option_unit[ix.entry_option[g_idx]], "p": ep[g_idx],
                          "v_e": ev[g_idx]})
    joined = query.merge(members, on=["unit", "p"], how="inner")
    own_all = joined.groupby("i").size()
    own_lower = joined[joined["v"] < joined["v_e"]].groupby("i").size()
    out[own_all.index.to_numpy()] -= own_all.to_numpy()
    out[own_lower.index.to_numpy()] += own_lower.to_numpy()
    return out


def check(units: Units, places: np.ndarray, post_of: np.ndarray, ix: Index | None = None) -> Blocking:
    """The blocking pairs of the match ``post_of`` (post of each seeker, -1 none)."""
    ix = index(units, len(places)) if ix is None else ix
    es, ep, ev = units.entry_s, units.entry_p, units.entry_v
    matched = np.flatnonzero(post_of >= 0)
    held_post = post_of[matched]
    held_v = ev[_lookup(ix, matched, held_post)].astype(np.float64)
    free = places - np.bincount(held_post, minlength=len(places))
    # each unit's current option score: the best of its options whose entries all hold
    n_ok = np.bincount(ix.entry_option, weights=post_of[es] == ep, minlength=len(units.option_unit))
    current = np.full(units.n_units, -np.inf)
    whole = np.flatnonzero(n_ok == ix.size)
    np.maximum.at(current, units.option_unit[whole], units.option_score[whole].astype(np.float64))
    active = (units.fallback_of < 0) | ~np.isfinite(current[np.maximum(units.fallback_of, 0)])
    # an entry fits when its post has places for the option's members there: free places, places of the unit's own
    # members, and places of seekers it ranks below the entry's seeker (the d-th lowest held score below the entry's)
    need = ix.same_post - free[ep]
    groups = units.is_group[units.option_unit[ix.entry_option]]
    if groups.any():
        need += _own_correction(units, ix, post_of, groups)
    by_post = np.lexsort((held_v, held_post))
    hp, hv = held_post[by_post], held_v[by_post]
    rank = np.arange(len(hp)) - np.searchsorted(hp, hp)
    lowest = np.full((len(places), MAX_DISPLACED), np.inf, dtype=np.float64)
    near = rank < MAX_DISPLACED
    lowest[hp[near], rank[near]] = hv[near]
    fits = (need <= 0) | ((need <= MAX_DISPLACED) & (lowest[ep, np.clip(need - 1, 0, MAX_DISPLACED - 1)] < ev))
    n_fit = np.bincount(ix.entry_option, weights=fits, minlength=len(units.option_unit))
    better = units.option_score.astype(np.float64) > current[units.option_unit] + EPS
    blocking = np.flatnonzero((n_fit == ix.size) & better & active[units.option_unit])
    unit = units.option_unit[blocking]
    return Blocking(unit, blocking, int(np.maximum(-free, 0).sum()), units.is_group[unit])
