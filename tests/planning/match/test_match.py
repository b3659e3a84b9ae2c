"""The Spring Wind match on a small generated season: places kept, stable without groups, groups kept together,
recommendations spread with their reasons, same seed same result."""

from __future__ import annotations

import numpy as np
import pytest

from planning.match import MatchPolicy, match_fair
from planning.match import spread as sp
from planning.match.report import matches, recommend, recommendations
from planning.match.score import true_score
from scenarios.fair import generate_fair


@pytest.fixture(scope="module")
def season():
    """A generated season of 3,000 posts and 900 seekers (about 12% in groups)."""
    return generate_fair(3000, 900, 10, seed=11)


@pytest.fixture(scope="module")
def with_groups(season):
    return match_fair(season, MatchPolicy())


def test_every_post_keeps_its_places_and_each_seeker_has_at_most_one(with_groups) -> None:
    m = with_groups.market
    post = with_groups.post_of
    assert (np.bincount(post[post >= 0], minlength=m.n_posts) <= m.places).all()
    assert with_groups.matching.blocking.over_capacity == 0
    assert (post >= 0).mean() > 0.9


def test_without_groups_the_match_is_stable(season, with_groups) -> None:
    alone = match_fair(season, MatchPolicy(keep_groups="none"))
    assert alone.matching.blocking.count == 0 and alone.matching.blocking_before_repair == 0


def test_groups_are_kept_together_and_repair_never_adds_blocking_pairs(with_groups) -> None:
    g = with_groups.groups
    assert g.groups > 0 and g.kept_whole >= 0.9
    assert with_groups.matching.blocking.count <= with_groups.matching.blocking_before_repair
    m, post = with_groups.market, with_groups.post_of
    for group in np.unique(m.group[m.group >= 0])[:20]:
        members = np.flatnonzero(m.group == group)
        if (post[members] >= 0).all() and len(set(m.enterprise[post[members]])) == 1:
            assert len(members) >= 2


def test_matches_respect_wage_floors_ages_and_certificates(with_groups) -> None:
    m, post = with_groups.market, with_groups.post_of
    s = np.flatnonzero(post >= 0)
    p = post[s]
    assert (m.wage_high[p] >= m.floor[s]).all()
    assert ((m.cert_req[p] & ~m.certs[s]) == 0).all()
    assert np.isin(m.post_code[p], np.concatenate(m.codes)).all()
    assert all(m.post_code[pp] in m.codes[ss] for ss, pp in zip(s, p, strict=True))


def test_spread_lists_are_less_congested_and_keep_most_of_the_quality(with_groups, season) -> None:
    lists = recommend(with_groups)
    m = with_groups.market
    g_plain = sp.gini(sp.exposure(lists.pool, lists.plain, m.n_posts))
    g_spread = sp.gini(sp.exposure(lists.pool, lists.spread, m.n_posts))
    assert g_spread < g_plain - 0.05
    pool = lists.pool
    rows = np.repeat(np.arange(m.n_seekers), pool.post.shape[1])
    truth = true_score(m, season, rows, np.maximum(pool.post.ravel(), 0)).reshape(pool.post.shape)
    ratio = sp.ndcg(lists.spread, pool, truth, 10).mean() / sp.ndcg(lists.plain, pool, truth, 10).mean()
    assert 0.85 <= ratio <= 1.0
    counts = (sp.posts_of(pool, lists.spread) >= 0).sum(axis=1)
    assert (counts == np.minimum(pool.valid.sum(axis=1), 10)).all()


def test_reasons_are_in_chinese_and_name_skill_distance_and_wage(with_groups) -> None:
    frame = matches(with_groups, "zh")
    got = frame[frame["matched"]]
    assert got["reasons"].str.startswith("技能对口：").all()
    assert got["reasons"].str.contains("月薪 ").all() and got["reasons"].str.contains("元").all()
    assert got["reasons"].str.contains("公里|在意向区市内").all()
    assert (frame.loc[~frame["matched"], "reasons"] != "").all()
    recs = recommendations(with_groups, recommend(with_groups), "en")
    assert recs["reasons"].str.startswith("skill fits: ").all()


def test_gini_and_ndcg_on_known_values() -> None:
    assert sp.gini(np.array([1, 1, 1, 1])) == 0.0
    assert sp.gini(np.array([0, 0, 0, 4])) == pytest.approx(0.75)
    pool = sp.Pool(np.array([[0, 1, 2]]), np.array([[3.0, 2.0, 1.0]]))
    truth = np.array([[1.0, 2.0, 0.0]])
    best = sp.ndcg(np.array([[1, 0]]), pool, truth, 2)
    worse = sp.ndcg(np.array([[0, 1]]), pool, truth, 2)
    assert best[0] == pytest.approx(1.0) and worse[0] < 1.0


def test_ndcg_is_measured_against_the_truly_best_posts_of_the_pool() -> None:
    """By hand, on random pools with padding: gains are the true scores rescaled within the seeker's pool, the ideal
    is the pool's k truly best posts (whatever the model's scores say), the list counts in its own order."""
    rng = np.random.default_rng(4)
    for _ in range(20):
        n, width, k = 5, 8, 3
        valid = rng.random((n, width)) < 0.8
        valid[:, 0] = True
        post = np.where(valid, rng.integers(0, 50, (n, width)), -1)
        score = np.where(valid, rng.normal(size=(n, width)), -np.inf)
        truth = rng.normal(size=(n, width))
        cols = np.array([rng.permutation(np.flatnonzero(v))[:k].tolist() + [-1] * (k - min(k, v.sum()))
                         for v in valid])
        got = sp.ndcg(cols, sp.Pool(post, score), truth, k)
        for s in range(n):
            t = truth[s, valid[s]]
            gain = {c: (truth[s, c] - t.min()) / (t.max() - t.min()) for c in np.flatnonzero(valid[s])}
            dcg = sum(gain[c] / np.log2(i + 2) for i, c in enumerate(cols[s]) if c >= 0)
            ideal = sum(g / np.log2(i + 2) for i, g in enumerate(sorted(gain.values(), reverse=True)[:k]))
            assert got[s] == pytest.approx(dcg / ideal if ideal > 0 else 1.0)


def test_same_seed_same_match(season, with_groups) -> None:
    again = match_fair(season, MatchPolicy())
    assert np.array_equal(again.post_of, with_groups.post_of)


def test_longer_lists_match_no_fewer_and_resettling_lowers_blocking_pairs(season, with_groups) -> None:
    short = match_fair(season, MatchPolicy(extend_rounds=0))
    assert (with_groups.post_of >= 0).sum() >= (short.post_of >= 0).sum()
    m = with_groups.market
    units = with_groups.matching.units
    s = np.flatnonzero(with_groups.post_of >= 0)
    key = units.entry_s.astype(np.int64) * m.n_posts + units.entry_p
    assert np.isin(s * m.n_posts + with_groups.post_of[s], key).all()  # every match is one of the units' pairs
    assert with_groups.matching.blocking.count <= with_groups.matching.blocking_before_repair
