"""Seeker-proposing deferred acceptance with capacities and groups, in rounds over numpy arrays.

Every free unit proposes its next option; every post holds the entries it ranks best (by its score of the seeker)
up to its places and rejects the rest; a group whose member is rejected anywhere withdraws all its entries (they
free places for the rest of the round, which is settled again until no group falls out). A rejected unit moves to
its next option; a group with no options left is split (its members apply alone). Without groups this is Gale and
Shapley's algorithm with capacities (Roth and Sotomayor, *Two-Sided Matching*, 1990, ch. 5), whose result is the
seeker-optimal stable matching. With groups a stable matching may not exist (Roth 1984; Kojima, Pathak and Roth
2013). A group withdrawing frees places that seekers rejected there earlier would take: ``resettle`` keeps the groups
where they are and lets everyone alone apply again for the places left (as the residency match re-opens a post to
those it rejected when a couple leaves it, Roth and Peranson 1999); then the match's ``repair`` lets units of
blocking pairs propose again (Roth and Vande Vate's random paths to stability, in a fixed order), resettles, and
keeps the matching with the fewest blocking pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planning.match.units import Units

#: Options a free unit looks ahead in one round for one whose posts might take it.
LOOK_AHEAD = 32
#: ... and fewer when many are free (about this many options in all).
LOOK_ENTRIES = 60_000


@dataclass
class State:
    """Where each unit is in its list and whether its current option is held."""

    ptr: np.ndarray
    held: np.ndarray
    awake: np.ndarray

    def copy(self) -> State:
        return State(self.ptr.copy(), self.held.copy(), self.awake.copy())


def start(units: Units) -> State:
    return State(np.zeros(units.n_units, np.int64), np.zeros(units.n_units, bool), units.fallback_of < 0)


def _ranges(lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The indices ``lo[i]:hi[i]`` of every ``i``, and for each the ``i`` it belongs to."""
    lens = hi - lo
    owner = np.repeat(np.arange(len(lo)), lens)
    offsets = np.arange(lens.sum()) - np.repeat(np.cumsum(lens) - lens, lens)
    return np.repeat(lo, lens) + offsets, owner


def _entries(units: Units, options: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Entry indices of the options, and for each entry the index of its option in ``options``."""
    return _ranges(units.entry_start[options], units.entry_start[options + 1])


def _round(units: Units, places: np.ndarray, state: State, active: np.ndarray) -> np.ndarray:
    """Settle one round among ``active`` units; returns the mask (over ``active``) of those held."""
    options = units.first[active] + state.ptr[active]
    entry, owner = _entries(units, options)
    post, v = units.entry_p[entry], units.entry_v[entry]
    group = units.is_group[active]
    alive = np.ones(len(active), dtype=bool)
    order = np.lexsort((-v, post))
    post_sorted = post[order]
    while True:
        keep = alive[owner[order]]
        idx = order[keep]
        p_sorted = post_sorted[keep]
        first_of_post = np.searchsorted(p_sorted, p_sorted, side="left")
        rank = np.arange(len(idx)) - first_of_post
        over = np.zeros(len(entry), dtype=bool)
        over[idx] = rank >= places[p_sorted]
        losers = np.unique(owner[over])
        falling = losers[group[losers] & alive[losers]]
        if not len(falling):
            alive[losers] = False
            return alive
        alive[falling] = False


def _involved(units: Units, state: State, free: np.ndarray, n_posts: int, held: np.ndarray,
              held_entries: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    """The proposing units and the ``held`` units (those not frozen, with their current ``held_entries``) with an
    entry at a post proposed to: only those posts can change (elsewhere nothing new arrives and holders stay within
    places)."""
    entry, _ = _entries(units, units.first[free] + state.ptr[free])
    touched = np.zeros(n_posts, dtype=bool)
    touched[units.entry_p[entry]] = True
    active = np.zeros(units.n_units, dtype=bool)
    active[free] = True
    entry, owner = held_entries
    active[held[owner[touched[units.entry_p[entry]]]]] = True
    return np.flatnonzero(active)


def _skip(units: Units, places: np.ndarray, state: State, free: np.ndarray, held_entry: np.ndarray) -> None:
    """Move free units past the options with an entry at a post full of entries (``held_entry``, the current entries
    of the held units not frozen) it ranks above that entry's seeker: the post would reject it (without groups a full
    post's lowest entry only rises, so this is exactly what proposing there would do, in fewer rounds)."""
    post, v = units.entry_p[held_entry], units.entry_v[held_entry]
    full = np.bincount(post, minlength=len(places)) >= places
    if not full.any():
        return
    lowest = np.full(len(places), np.inf, dtype=np.float32)  # a post with no places left takes nobody
    np.minimum.at(lowest, post, v)
    bar = np.where(full, lowest, np.float32(-np.inf))
    ptr, count = state.ptr[free], units.count[free]
    ahead = ptr[:, None] + np.arange(min(LOOK_AHEAD, max(2, LOOK_ENTRIES // len(free))))
    valid = ahead < count[:, None]
    option = (units.first[free, None] + np.minimum(ahead, count[:, None] - 1)).ravel()
    entry, owner = _entries(units, option)
    hopeless = np.bincount(owner, weights=units.entry_v[entry] < bar[units.entry_p[entry]], minlength=len(option))
    worth = valid & (hopeless == 0).reshape(valid.shape)
    step = np.where(worth.any(axis=1), worth.argmax(axis=1), worth.shape[1])
    state.ptr[free] = np.minimum(ptr + step, count)


def run(units: Units, places: np.ndarray, state: State | None = None, max_rounds: int = 1_000_000,
        frozen: np.ndarray | None = None) -> State:
    """Deferred acceptance from ``state`` (the start by default) until no unit can propose; ``frozen`` units keep
    what they hold and take no part (``places`` are then the places they leave)."""
    state = start(units) if state is None else state
    frozen = np.zeros(units.n_units, dtype=bool) if frozen is None else frozen
    for _ in range(max_rounds):
        exhausted = units.is_group & ~state.held & (state.ptr >= units.count)
        woken = np.isin(units.fallback_of, np.flatnonzero(exhausted)) & ~state.awake
        state.awake |= woken
        free = state.awake & ~state.held & (state.ptr < units.count) & ~frozen
        if not free.any():
            return state
        held = np.flatnonzero(state.held & ~frozen)
        held_entries = _entries(units, units.first[held] + state.ptr[held])
        _skip(units, places, state, np.flatnonzero(free), held_entries[0])
        free &= state.ptr < units.count
        if not free.any():
            continue
        active = _involved(units, state, np.flatnonzero(free), len(places), held, held_entries)
        kept = _round(units, places, state, active)
        state.held[active] = kept
        state.ptr[active[~kept]] += 1
    raise RuntimeError("deferred acceptance did not end (a bug: every round moves a pointer)")


def resettle(units: Units, places: np.ndarray, state: State) -> State:
    """The groups holding places keep them; everyone applying alone applies again from the top of their list for
    the places left. Places freed when a group withdrew during the run go to those rejected there before."""
    fixed = units.is_group & state.held
    held = np.flatnonzero(fixed)
    entry, _ = _entries(units, units.first[held] + state.ptr[held])
    left = places - np.bincount(units.entry_p[entry], minlength=len(places))
    again = state.copy()
    alone = ~units.is_group
    again.ptr[alone], again.held[alone] = 0, False
    return run(units, left, again, frozen=fixed)


def assignment(units: Units, state: State, n_seekers: int) -> np.ndarray:
    """Post of each seeker (-1: none)."""
    post = np.full(n_seekers, -1, dtype=np.int64)
    held = np.flatnonzero(state.held)
    entry, _ = _entries(units, units.first[held] + state.ptr[held])
    post[units.entry_s[entry]] = units.entry_p[entry]
    return post
