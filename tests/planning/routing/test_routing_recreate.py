"""SISR's insertion with kept arrays (``recreate.recreate_timed``) puts every item where ``Sisr.insert`` puts it."""

from __future__ import annotations

import numpy as np
import pytest

from planning.routing.items import build_items
from planning.routing.problem import VehicleType
from planning.routing.recreate import recreate_timed
from planning.routing.sisr import Sisr
from tests.planning.routing.conftest import grid_problem


@pytest.mark.parametrize(("objective", "stops", "fleet"), [
    ("vehicles_then_ride", 4, None), ("vehicles_then_km", 3, None), ("vehicles_then_weighted", None, 3)])
def test_kept_arrays_insert_as_insert_does(objective, stops, fleet) -> None:
    """Split pieces, a ride limit, stops, blinks and a fleet cap: the same tours, and the same random draws."""
    rng = np.random.default_rng(7)
    pts = [tuple(p) for p in rng.uniform(0, 30, size=(26, 2)).tolist()]
    demand = rng.integers(1, 30, size=25).astype(float).tolist()
    problem = grid_problem(pts, demand, (VehicleType("bus", 40),), service_fixed=1.0, service_per_unit=0.1,
                           max_stops=stops, max_ride=60.0, split_delivery=True, objective=objective, km_weight=2.0)
    it = build_items(problem, halve=True)
    assert it.pairs is not None and it.pairs.shape[0] > 0  # some enterprise is in two pieces
    one = Sisr(it, np.random.default_rng(3), stops, 60.0, fleet)
    other = Sisr(it, np.random.default_rng(3), stops, 60.0, fleet)
    seq = np.zeros(1, dtype=np.int64)
    everyone = np.arange(1, it.m)
    for k in range(60):
        partial, removed = (seq, everyone.tolist()) if k == 0 else one.ruin(one.state(seq))
        if k:
            assert np.array_equal(other.ruin(other.state(seq))[0], partial)
        rem = np.array(removed, dtype=np.int64)
        blink = k % 2 == 1
        by_insert = partial
        for c in rem.tolist():
            by_insert = one.insert(by_insert, c, blink)
        kept = recreate_timed(other, partial, rem, blink)
        assert np.array_equal(kept, by_insert)
        seq = kept
    assert one.rng.random() == other.rng.random()
