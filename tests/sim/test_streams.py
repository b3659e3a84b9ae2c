"""Keyed random numbers: a function of (seed, replication, stream, entity, draw), uniform, and independent-looking."""

from __future__ import annotations

import numpy as np

from sim.streams import Draws, key_hash


def test_a_draw_depends_on_its_key_not_on_the_others() -> None:
    keys = key_hash(["worker|W1", "worker|W2", "worker|W3"])
    a = Draws(42, 3).uniform("desks", keys)
    b = Draws(42, 3).uniform("desks", keys[[2, 0]])
    assert b.tolist() == [a[2], a[0]]  # the same worker gets the same number whoever else is drawn
    assert Draws(42, 4).uniform("desks", keys)[0] != a[0]
    assert Draws(43, 3).uniform("desks", keys)[0] != a[0]
    assert Draws(42, 3).uniform("walking", keys)[0] != a[0]
    assert Draws(42, 3).uniform("desks", keys, draw=1)[0] != a[0]


def test_keyed_uniforms_and_normals_have_the_right_moments() -> None:
    keys = key_hash([f"worker|W{i}" for i in range(20_000)])
    u = Draws(1, 0).uniform("walking", keys)
    assert u.min() >= 0 and u.max() < 1
    assert abs(u.mean() - 0.5) < 0.01 and abs(u.var() - 1 / 12) < 0.003
    assert abs(np.corrcoef(u[:-1], u[1:])[0, 1]) < 0.03
    z = Draws(1, 0).normal("travel", keys)
    assert abs(z.mean()) < 0.03 and abs(z.std() - 1) < 0.02
    e = Draws(1, 0).exponential("coaches", keys)
    assert abs(e.mean() - 1) < 0.03
    v = Draws(1, 0).uniform("desks", keys)
    assert abs(np.corrcoef(u, v)[0, 1]) < 0.03  # streams are not copies of each other


def test_key_hash_is_stable() -> None:
    assert key_hash(["train|G2093"]).tolist() == key_hash(["train|G2093"]).tolist()
    assert len(set(key_hash([f"k{i}" for i in range(10_000)]).tolist())) == 10_000
