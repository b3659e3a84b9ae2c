"""The Spring Wind match of a season: candidates, units, deferred acceptance, repair of blocking pairs, the check.

    result = match_fair(sc, MatchPolicy())
    result.post_of          # post position of each seeker (-1: none)
    result.blocking.count   # blocking pairs counted by the independent checker
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from planning.match import da
from planning.match.candidates import Edges, candidates, extend
from planning.match.policy import MatchPolicy
from planning.match.score import Market, market
from planning.match.stability import Blocking, Index, check, index
from planning.match.units import Units, build_units, group_options
from scenarios.fair.model import FairScenario

#: Each longer list of a seeker left without a match is this many times as long as the one before.
EXTEND = 10


@dataclass(frozen=True)
class Matching:
    """A match and its check: who is at which post, the blocking pairs, and what repair did."""

    units: Units
    post_of: np.ndarray
    blocking: Blocking
    blocking_before_repair: int
    rounds_of_repair: int
    edges: Edges


@dataclass(frozen=True)
class GroupStats:
    """How groups fared: groups, matched whole in one enterprise, whole in one district (not one enterprise),
    split, unmatched."""

    groups: int
    one_enterprise: int
    one_district: int
    split: int
    unmatched: int

    @property
    def kept_whole(self) -> float:
        """Of the groups with someone matched, the share with every member matched in one enterprise or district
        (1.0 when there are none)."""
        whole = self.one_enterprise + self.one_district
        return whole / (whole + self.split) if whole + self.split else 1.0


def _repair(units: Units, places: np.ndarray, state: da.State, rounds: int, n_seekers: int,
            ix: Index) -> tuple[da.State, int]:
    """Let the units of blocking pairs propose again from their best blocking option, then resettle (see
    ``da``); keep the best match seen."""
    best = state.copy()
    blocking = check(units, places, da.assignment(units, state, n_seekers), ix)
    best_count = blocking.count
    done = 0
    while done < rounds and blocking.count:
        done += 1
        split = units.is_group & (state.ptr >= units.count) & ~state.held
        movable = state.awake[blocking.units] & ~split[blocking.units]
        unit, option = blocking.units[movable], blocking.options[movable]
        first = np.unique(unit, return_index=True)[1]  # options come sorted by unit, best first
        unit, option = unit[first], option[first]
        if not len(unit):
            break
        state.ptr[unit] = option - units.first[unit]
        state.held[unit] = False
        state = da.resettle(units, places, da.run(units, places, state))
        blocking = check(units, places, da.assignment(units, state, n_seekers), ix)
        if blocking.count < best_count:
            best, best_count = state.copy(), blocking.count
    return best, done


def solve(m: Market, e: Edges, w: MatchPolicy) -> Matching:
    """Deferred acceptance (then resettling and repair, when groups make blocking pairs) on the candidate pairs;
    seekers left without a match get longer lists (``EXTEND`` times as long, up to ``w.extend_rounds`` times) and
    the match is run again."""
    long = e
    if w.keep_groups != "none" and (m.group >= 0).any():
        long = candidates(m, w, only=np.flatnonzero(m.group >= 0), length=w.group_candidates, per_post=0)
    options = group_options(m, long, w)
    units = build_units(m, e, w, options=options)
    state = da.run(units, m.places)
    length = w.candidates
    for _ in range(w.extend_rounds):
        out = np.flatnonzero(da.assignment(units, state, m.n_seekers) < 0)
        length *= EXTEND
        longer = extend(m, w, e, out, length)
        if len(longer) == len(e):
            break
        e, old = longer, units
        units = build_units(m, e, w, options=options)
        # only lists of seekers without a match grew: they apply again from the top, everyone else goes on from where
        # they are (without groups the outcome of deferred acceptance does not depend on the order of proposals)
        grew = units.count != old.count
        state.ptr[grew], state.held[grew] = 0, False
        state = da.run(units, m.places, state)
    ix = index(units, m.n_posts)
    before = check(units, m.places, da.assignment(units, state, m.n_seekers), ix).count
    rounds = 0
    if before and w.repair_rounds:
        state = da.resettle(units, m.places, state)
        state, rounds = _repair(units, m.places, state, w.repair_rounds, m.n_seekers, ix)
    post_of = da.assignment(units, state, m.n_seekers)
    return Matching(units, post_of, check(units, m.places, post_of, ix), before, rounds, e)


def group_stats(m: Market, post_of: np.ndarray) -> GroupStats:
    """How each group was matched: every member in one enterprise, in one district, split, or none matched."""
    in_group = np.flatnonzero(m.group >= 0)
    if not len(in_group):
        return GroupStats(0, 0, 0, 0, 0)
    g, post = m.group[in_group], post_of[in_group]
    order = np.argsort(g, kind="stable")
    groups, starts = np.unique(g[order], return_index=True)

    def same(level: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        where = np.where(post >= 0, level[np.maximum(post, 0)], -1)[order]
        lo, hi = np.minimum.reduceat(where, starts), np.maximum.reduceat(where, starts)
        return (lo == hi) & (lo >= 0), (hi < 0)

    firm, none = same(m.enterprise)
    district, _ = same(m.post_district.astype(np.int64))
    one_district = district & ~firm
    return GroupStats(len(groups), int(firm.sum()), int(one_district.sum()),
                      int(len(groups) - firm.sum() - one_district.sum() - none.sum()), int(none.sum()))


@dataclass(frozen=True)
class FairMatch:
    """Everything a season's match made: the market, its candidate pairs and the matching."""

    sc: FairScenario
    policy: MatchPolicy
    market: Market
    edges: Edges
    matching: Matching
    groups: GroupStats

    @property
    def post_of(self) -> np.ndarray:
        return self.matching.post_of

    def summary(self, lang: str = "zh") -> str:
        from planning.match.texts import say

        n = self.market.n_seekers
        matched = int((self.post_of >= 0).sum())
        b = self.matching.blocking
        return say(lang, "summary", matched=matched, seekers=n, posts=self.market.n_posts,
                   blocking=b.count, groups=self.groups.groups, kept=self.groups.kept_whole * 100)


    def _repr_html_(self) -> str:
        from html import escape

        from planning.match.texts import say
        from present.html import display_lang

        lang = display_lang()
        g, b = self.groups, self.matching.blocking
        lines = [self.summary(lang),
                 say(lang, "groups_line", one_enterprise=g.one_enterprise, one_district=g.one_district, split=g.split,
                     unmatched=g.unmatched),
                 say(lang, "blocking_line", count=b.count, before=self.matching.blocking_before_repair,
                     groups=b.by_groups)]
        return "".join(f"<p>{escape(line)}</p>" for line in lines)


def match_fair(sc: FairScenario, policy: MatchPolicy | None = None) -> FairMatch:
    """Match a season's seekers to its posts (see the package docstring)."""
    policy = policy or MatchPolicy()
    m = market(sc, policy)
    e = candidates(m, policy)
    matching = solve(m, e, policy)
    return FairMatch(sc, policy, m, e, matching, group_stats(m, matching.post_of))
