"""The independent checker with groups against a brute-force reading of its definition, on a small generated season:
a unit and one of its options block when the unit (awake) prefers the option to what it holds and, at each post of
the option, the free places, the places its own members hold there and the places of others the post ranks below
the entry's seeker are at least the members the option sends there."""

from __future__ import annotations

import numpy as np
import pytest

from planning.match import MatchPolicy, match_fair
from planning.match.stability import EPS, check
from scenarios.fair import generate_fair


def brute_force(units, places: np.ndarray, post_of: np.ndarray) -> list[int]:
    """The blocking options, one (unit, option) at a time."""
    v = {(int(s), int(p)): float(x) for s, p, x in zip(units.entry_s, units.entry_p, units.entry_v, strict=True)}
    entries = [range(units.entry_start[o], units.entry_start[o + 1]) for o in range(len(units.option_unit))]
    holders: dict[int, list[int]] = {}
    for s in np.flatnonzero(post_of >= 0):
        holders.setdefault(int(post_of[s]), []).append(int(s))
    current = np.full(units.n_units, -np.inf)
    for o, es in enumerate(entries):
        if all(post_of[units.entry_s[i]] == units.entry_p[i] for i in es):
            u = units.option_unit[o]
            current[u] = max(current[u], float(units.option_score[o]))
    out = []
    for o, es in enumerate(entries):
        u = int(units.option_unit[o])
        fallback = units.fallback_of[u]
        if fallback >= 0 and np.isfinite(current[fallback]):
            continue  # asleep: its group holds an option
        if not units.option_score[o] > current[u] + EPS:
            continue
        mine = set(units.members[u].tolist())
        fits = True
        for i in es:
            p, ve = int(units.entry_p[i]), float(units.entry_v[i])
            sent = sum(1 for j in es if units.entry_p[j] == p)
            there = holders.get(p, [])
            room = places[p] - len(there) + sum(1 for s in there if s in mine)
            room += sum(1 for s in there if s not in mine and v[(s, p)] < ve)
            fits &= room >= sent
        if fits:
            out.append(o)
    return out


@pytest.fixture(scope="module")
def small():
    season = generate_fair(400, 150, 4, seed=5, group_share=0.4)
    return match_fair(season, MatchPolicy(group_options=30, group_candidates=40))


def test_the_checker_counts_group_blocking_pairs_as_brute_force_does(small) -> None:
    units, places = small.matching.units, small.market.places
    rng = np.random.default_rng(3)
    post_of = small.post_of.copy()
    assert units.is_group.any() and (post_of >= 0).any()
    for trial in range(4):
        got = check(units, places, post_of)
        want = brute_force(units, places, post_of)
        assert got.options.tolist() == want
        assert trial or got.count == small.matching.blocking.count
        # another matching on the units' entries: some seekers leave, some move to another of their entries
        post_of = post_of.copy()
        post_of[rng.choice(len(post_of), 10, replace=False)] = -1
        for s in rng.choice(np.unique(units.entry_s), 10, replace=False):
            posts = units.entry_p[units.entry_s == s]
            post_of[s] = rng.choice(posts)
    assert any(check(units, places, post_of).is_group)
