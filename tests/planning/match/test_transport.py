"""The spread lists' transport plan, checked against a textbook dense Sinkhorn in log space, its marginals and the
fixed point of unbalanced scaling; tau 0 leaves the plain lists; lists are whole, distinct, in the seeker's order and
the same bytes each time."""

from __future__ import annotations

import math

import numpy as np
import pytest

from planning.match import spread as sp
from planning.match.transport import plan_scalings, shares, transport


def _pool(rng: np.random.Generator, seekers: int, posts: int, width: int, full: bool = False) -> sp.Pool:
    """Random pools (some short, padded with -1 and -inf unless ``full``), best first."""
    post = np.full((seekers, width), -1)
    score = np.full((seekers, width), -np.inf)
    for s in range(seekers):
        n = width if full else int(rng.integers(1, width + 1))
        mine = rng.choice(posts, size=n, replace=False)
        u = np.sort(rng.normal(0, 1, n))[::-1] + rng.normal(0, 0.3)
        post[s, :n], score[s, :n] = mine, u
    return sp.Pool(post, score)


def _dense_log_sinkhorn(p: sp.Pool, places: np.ndarray, k: int, eps: float, tau: float,
                        rounds: int) -> np.ndarray:
    """Textbook unbalanced Sinkhorn on the dense seeker x post matrix in log space (log-sum-exp), the posts' log
    scalings relative to the same kernel; written apart from ``plan_scalings``."""
    n_posts = len(places)
    u = np.full((len(p.post), n_posts), -np.inf)
    for s in range(len(p.post)):
        ok = p.valid[s]
        u[s, p.post[s, ok]] = p.score[s, ok]
    best = u.max(axis=1, keepdims=True)
    log_k = u - best
    log_k = np.where(np.isfinite(log_k), log_k / eps, -np.inf)
    a = np.minimum(p.valid.sum(axis=1), k).astype(float)
    seen = np.isfinite(log_k).any(axis=0)
    b = np.where(seen, places, 0).astype(float)
    b *= a.sum() / b.sum()
    lam = 1.0 if math.isinf(tau) else tau / (tau + eps)
    log_g = np.zeros(n_posts)

    def lse(x: np.ndarray, axis: int) -> np.ndarray:
        m = np.max(np.where(np.isfinite(x), x, -1e300), axis=axis, keepdims=True)
        return (m + np.log(np.exp(x - m).sum(axis=axis, keepdims=True))).squeeze(axis)

    for _ in range(rounds):
        log_f = np.log(a) - lse(log_k + log_g[None, :], 1)
        log_col = lse(log_k + log_f[:, None], 0)
        log_g = np.where(seen, lam * (np.log(np.where(seen, b, 1.0)) - log_col), 0.0)
    return log_g


@pytest.mark.parametrize("tau", [0.3, 2.0, math.inf])
def test_scalings_agree_with_a_dense_log_space_sinkhorn(tau: float) -> None:
    rng = np.random.default_rng(5)
    p = _pool(rng, 40, 25, 8)
    places = rng.integers(1, 6, 25)
    _, _, log_g = plan_scalings(p, places, 3, eps=0.2, tau=tau, rounds=60)
    want = _dense_log_sinkhorn(p, places, 3, 0.2, tau, 60)
    assert np.allclose(log_g, want, atol=1e-8)


def test_the_plan_meets_its_marginals() -> None:
    """Rows send k each; with tau = inf every post receives its share of places; with a finite tau a post receives
    share ** lam * (K' f) ** (1 - lam) (the fixed point of the scaling, lam = tau / (tau + eps))."""
    rng = np.random.default_rng(8)
    p = _pool(rng, 60, 12, 12, full=True)
    places = rng.integers(1, 8, 12)
    k, eps = 4, 0.5
    send, share = shares(p, places, k)
    assert send.sum() == pytest.approx(share.sum())
    for tau in (math.inf, 1.0):
        kernel, f, log_g = plan_scalings(p, places, k, eps=eps, tau=tau, rounds=400)
        plan = f[:, None] * kernel * np.exp(log_g)[p.post]
        assert np.allclose(plan.sum(axis=1), send)
        received = np.bincount(p.post.ravel(), weights=plan.ravel(), minlength=12)
        if math.isinf(tau):
            assert np.allclose(received, share, rtol=1e-6)
        else:
            lam = tau / (tau + eps)
            kf = np.bincount(p.post.ravel(), weights=(kernel * f[:, None]).ravel(), minlength=12)
            assert np.allclose(received, share ** lam * kf ** (1 - lam), rtol=1e-6)


def test_tau_zero_leaves_the_plain_lists_and_stronger_spreads_even_out_exposure() -> None:
    rng = np.random.default_rng(3)
    p = _pool(rng, 300, 60, 20)
    places = rng.integers(1, 6, 60)
    cols, price = transport(p, places, 5, tau=0.0)
    assert np.array_equal(sp.posts_of(p, cols), sp.posts_of(p, sp.plain(p, 5))) and not price.any()
    gini = [sp.gini(sp.exposure(p, transport(p, places, 5, tau=t)[0], 60) / places) for t in (0.0, 1.0, math.inf)]
    assert gini[2] < gini[1] < gini[0]


def test_lists_are_whole_distinct_from_the_pool_and_in_the_seekers_order() -> None:
    rng = np.random.default_rng(4)
    p = _pool(rng, 200, 50, 15)
    places = rng.integers(1, 5, 50)
    cols, price = transport(p, places, 6, tau=1.0)
    again, price_again = transport(p, places, 6, tau=1.0)
    assert again.tobytes() == cols.tobytes() and price_again.tobytes() == price.tobytes()
    posts = sp.posts_of(p, cols)
    assert ((posts >= 0).sum(axis=1) == np.minimum(p.valid.sum(axis=1), 6)).all()
    for s in range(len(posts)):
        mine = posts[s][posts[s] >= 0]
        assert len(set(mine)) == len(mine) and set(mine) <= set(p.post[s][p.valid[s]])
        own = p.score[s, cols[s][cols[s] >= 0]]
        assert (np.diff(own) <= 0).all()


def test_bad_knobs_are_refused() -> None:
    p = _pool(np.random.default_rng(1), 5, 5, 3)
    with pytest.raises(ValueError, match="eps"):
        transport(p, np.ones(5, int), 2, eps=0.0)
