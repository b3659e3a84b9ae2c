"""Deferred acceptance with capacities against outside truths on small random markets: the `matching` package
(Wilde, Knight and Gillard, JOSS 2020) and a textbook deferred acceptance written here; the independent checker
against a brute-force count of blocking pairs."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from planning.match import da
from planning.match.candidates import Edges
from planning.match.policy import MatchPolicy
from planning.match.stability import check
from planning.match.units import build_units


def random_market(seed: int) -> tuple[Edges, np.ndarray]:
    """A market of 3-14 seekers and 2-6 posts, each pair acceptable with probability 0.6 (and everyone on some
    list), strict random scores."""
    rng = np.random.default_rng(seed)
    n_s, n_p = int(rng.integers(3, 15)), int(rng.integers(2, 7))
    ok = rng.random((n_s, n_p)) < 0.6
    ok[np.arange(n_s), rng.integers(n_p, size=n_s)] = True  # every seeker and post on someone's list
    ok[rng.integers(n_s, size=n_p), np.arange(n_p)] = True
    s, p = np.nonzero(ok)
    u = rng.permutation(len(s)).astype(np.float32)
    v = rng.permutation(len(s)).astype(np.float32)
    order = np.lexsort((p, -u, s))
    s, p, u, v = s[order], p[order], u[order], v[order]
    edges = Edges(s.astype(np.int32), p.astype(np.int32), u, v, np.searchsorted(s, np.arange(n_s + 1)))
    return edges, rng.integers(1, 4, n_p).astype(np.int64)


def units_of(edges: Edges):
    market = SimpleNamespace(group=np.full(len(edges.start) - 1, -1), n_seekers=len(edges.start) - 1)
    return build_units(market, edges, MatchPolicy(keep_groups="none"))  # type: ignore[arg-type]


def ours(edges: Edges, places: np.ndarray) -> np.ndarray:
    units = units_of(edges)
    return da.assignment(units, da.run(units, places), len(edges.start) - 1)


def textbook(edges: Edges, places: np.ndarray) -> np.ndarray:
    """Gale and Shapley's seeker-proposing algorithm, one proposal at a time."""
    n_s = len(edges.start) - 1
    lists = [list(edges.p[edges.start[s]:edges.start[s + 1]]) for s in range(n_s)]
    score = {(int(a), int(b)): float(c) for a, b, c in zip(edges.s, edges.p, edges.v, strict=True)}
    held: dict[int, list[int]] = {int(p): [] for p in range(len(places))}
    nxt = [0] * n_s
    free = list(range(n_s))
    while free:
        s = free.pop()
        if nxt[s] >= len(lists[s]):
            continue
        p = int(lists[s][nxt[s]])
        nxt[s] += 1
        held[p].append(s)
        held[p].sort(key=lambda x: -score[(x, p)])
        if len(held[p]) > places[p]:
            free.append(held[p].pop())
    out = np.full(n_s, -1)
    for p, seekers in held.items():
        out[seekers] = p
    return out


def brute_blocking(edges: Edges, places: np.ndarray, post_of: np.ndarray) -> int:
    u = {(int(a), int(b)): float(c) for a, b, c in zip(edges.s, edges.p, edges.u, strict=True)}
    v = {(int(a), int(b)): float(c) for a, b, c in zip(edges.s, edges.p, edges.v, strict=True)}
    count = 0
    for (s, p), score in u.items():
        mine = u.get((s, int(post_of[s])), -np.inf) if post_of[s] >= 0 else -np.inf
        if score <= mine:
            continue
        holders = [x for x in range(len(post_of)) if post_of[x] == p]
        if len(holders) < places[p] or any(v[(x, p)] < v[(s, p)] for x in holders):
            count += 1
    return count


@pytest.mark.parametrize("seed", range(60))
def test_deferred_acceptance_agrees_with_textbook_and_the_matching_package(seed: int) -> None:
    from matching.games import HospitalResident

    edges, places = random_market(seed)
    mine = ours(edges, places)
    assert np.array_equal(mine, textbook(edges, places))
    n_s = len(edges.start) - 1
    residents = {f"s{s}": [f"p{p}" for p in edges.p[edges.start[s]:edges.start[s + 1]]] for s in range(n_s)}
    hospitals = {}
    for p in range(len(places)):
        at = np.flatnonzero(edges.p == p)
        hospitals[f"p{p}"] = [f"s{s}" for s in edges.s[at[np.argsort(-edges.v[at], kind="stable")]]]
    game = HospitalResident.create_from_dictionaries(residents, hospitals, {f"p{p}": int(c) for p, c in
                                                                            enumerate(places)})
    oracle = np.full(n_s, -1)
    for hospital, matched in game.solve(optimal="resident").items():
        for resident in matched:
            oracle[int(str(resident)[1:])] = int(str(hospital)[1:])
    assert np.array_equal(mine, oracle)
    blocking = check(units_of(edges), places, mine)
    assert blocking.count == 0 and blocking.over_capacity == 0


@pytest.mark.parametrize("seed", range(40))
def test_checker_counts_blocking_pairs_as_brute_force_does(seed: int) -> None:
    edges, places = random_market(seed)
    rng = np.random.default_rng(seed + 1000)
    n_s = len(edges.start) - 1
    post_of = np.full(n_s, -1)
    left = places.copy()
    for s in rng.permutation(n_s):  # a random feasible matching on the acceptable pairs
        options = [p for p in edges.p[edges.start[s]:edges.start[s + 1]] if left[p] > 0]
        if options and rng.random() < 0.8:
            p = int(rng.choice(options))
            post_of[s], left[p] = p, left[p] - 1
    assert check(units_of(edges), places, post_of).count == brute_blocking(edges, places, post_of)


def test_checker_finds_the_blocking_pair_of_a_swapped_match() -> None:
    """Two seekers, two posts of one place: both prefer post 0, post 0 prefers seeker 1."""
    s, p = np.array([0, 0, 1, 1], np.int32), np.array([0, 1, 0, 1], np.int32)
    u, v = np.array([2, 1, 2, 1], np.float32), np.array([1, 1, 2, 2], np.float32)
    edges = Edges(s, p, u, v, np.array([0, 2, 4]))
    places = np.array([1, 1])
    assert list(ours(edges, places)) == [1, 0]
    assert check(units_of(edges), places, np.array([0, 1])).count == 1
    assert check(units_of(edges), places, np.array([1, 0])).count == 0


@pytest.mark.parametrize("seed", range(20))
def test_resettling_without_groups_keeps_the_seeker_optimal_match(seed: int) -> None:
    edges, places = random_market(seed)
    units = units_of(edges)
    state = da.run(units, places)
    again = da.resettle(units, places, state.copy())
    n = len(edges.start) - 1
    assert np.array_equal(da.assignment(units, again, n), da.assignment(units, state, n))
