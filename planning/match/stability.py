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
    """What the check needs of a market, sorted once: entries by (seeker, post), how many entries each option has
    and how many of its option's entries go to each entry's post, and the seekers of each unit (a row each, -1
    pad)."""

    key_order: np.ndarray
    key_sorted: np.ndarray
    size: np.ndarray
    same_post: np.ndarray
    members: np.ndarray
    n_posts: int


def index(units: Units, n_posts: int) -> Index:
    """The sorted structure of ``units`` for ``check`` (build once, check many matches)."""
    size = np.diff(units.entry_start)
    key = units.entry_s.astype(np.int64) * n_posts + units.entry_p
    order = np.argsort(key, kind="stable")
    key = key[order]
    # entries of an option are side by side: count, for each, those of its option at its post (d places apart)
    same = np.ones(len(key), dtype=np.int16)
    if len(size) and size.max() > 1:
        entry_option = np.repeat(np.arange(len(size), dtype=np.int32), size)
        for d in range(1, int(size.max())):
            pair = (entry_option[d:] == entry_option[:-d]) & (units.entry_p[d:] == units.entry_p[:-d])
            same[d:] += pair
            same[:-d] += pair
    lens = np.array([len(m) for m in units.members], dtype=np.int64)
    members = np.full((units.n_units, int(lens.max(initial=1))), -1, dtype=np.int64)
    at, unit = _ranges(np.zeros(len(lens), np.int64), lens)
    members[unit, at] = np.concatenate(units.members) if units.members else np.zeros(0, np.int64)
    return Index(order.astype(np.int32), key, size, same, members, n_posts)


def _holding(ix: Index, s: np.ndarray, p: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries of the pairs (seeker, post) (every pair must be an entry), and for each pair one of them."""
    key = s.astype(np.int64) * ix.n_posts + p
    lo = np.searchsorted(ix.key_sorted, key)
    hi = np.searchsorted(ix.key_sorted, key, side="right")
    if (hi <= lo).any():
        raise ValueError("Expected every matched pair to be among the candidate pairs.")
    return ix.key_order[_ranges(lo, hi)[0]], ix.key_order[lo]


def _own_correction(ix: Index, unit: np.ndarray, ep: np.ndarray, ev: np.ndarray, post_of: np.ndarray,
                    held_v: np.ndarray) -> np.ndarray:
    """For entries (of a group ``unit``, at post ``ep``, scored ``ev`` there): minus the places the group's own
    members hold at the post (they are freed), plus those of them ranked below the entry's seeker (they are not
    someone else's place to take). ``held_v``: the post's score of each seeker where they are."""
    out = np.zeros(len(unit), dtype=np.int64)
    for j in range(ix.members.shape[1]):
        s = ix.members[unit, j]
        here = (s >= 0) & (post_of[np.maximum(s, 0)] == ep)
        out -= here
        out += here & (held_v[np.maximum(s, 0)] < ev)
    return out


def _ranges(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The indices ``lo[i]:hi[i]`` of every ``i``, and for each the ``i`` it belongs to."""
    lens = hi - lo
    owner = np.repeat(np.arange(len(lo)), lens)
    return np.repeat(lo - np.cumsum(lens) + lens, lens) + np.arange(lens.sum()), owner


def check(units: Units, places: np.ndarray, post_of: np.ndarray, ix: Index | None = None) -> Blocking:
    """The blocking pairs of the match ``post_of`` (post of each seeker, -1 none)."""
    ix = index(units, len(places)) if ix is None else ix
    ep, ev = units.entry_p, units.entry_v
    matched = np.flatnonzero(post_of >= 0)
    held_post = post_of[matched]
    holding, one = _holding(ix, matched, held_post)
    held_v = ev[one].astype(np.float64)
    free = places - np.bincount(held_post, minlength=len(places))
    # each unit's current option score: the best of its options whose entries all hold
    options, n_ok = np.unique(np.searchsorted(units.entry_start, holding, side="right") - 1, return_counts=True)
    whole = options[n_ok == ix.size[options]]
    current = np.full(units.n_units, -np.inf)
    np.maximum.at(current, units.option_unit[whole], units.option_score[whole].astype(np.float64))
    active = (units.fallback_of < 0) | ~np.isfinite(current[np.maximum(units.fallback_of, 0)])
    # only options their unit prefers to what it has can block: look at their entries
    better = units.option_score.astype(np.float64) > current[units.option_unit] + EPS
    option = np.flatnonzero(better & active[units.option_unit])
    entry, owner = _ranges(units.entry_start[option], units.entry_start[option + 1])
    p, v, unit = ep[entry], ev[entry].astype(np.float64), units.option_unit[option[owner]]
    # an entry fits when its post has places for the option's members there: free places, places of the unit's own
    # members, and places of seekers it ranks below the entry's seeker (the d-th lowest held score below the entry's)
    need = ix.same_post[entry] - free[p]
    group = units.is_group[unit]
    if group.any():
        v_of = np.full(len(post_of), np.inf)
        v_of[matched] = held_v
        need[group] += _own_correction(ix, unit[group], p[group], v[group], post_of, v_of)
    by_post = np.lexsort((held_v, held_post))
    hp, hv = held_post[by_post], held_v[by_post]
    rank = np.arange(len(hp)) - np.searchsorted(hp, hp)
    lowest = np.full((len(places), MAX_DISPLACED), np.inf, dtype=np.float64)
    near = rank < MAX_DISPLACED
    lowest[hp[near], rank[near]] = hv[near]
    fits = (need <= 0) | ((need <= MAX_DISPLACED) & (lowest[p, np.clip(need - 1, 0, MAX_DISPLACED - 1)] < v))
    n_fit = np.bincount(owner, weights=fits, minlength=len(option))
    blocking = option[n_fit == ix.size[option]]
    unit = units.option_unit[blocking]
    return Blocking(unit, blocking, int(np.maximum(-free, 0).sum()), units.is_group[unit])
