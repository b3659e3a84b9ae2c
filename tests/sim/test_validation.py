"""Outside truth: the model's queues against Ciw and queueing theory, the correlated roads against their formula."""

from __future__ import annotations

import numpy as np
import pytest

from sim.roads import as_weights, district_weights, leg_covariance, split_cv
from sim.stats import mean_ci
from sim.theory import (
    burst_statistics,
    burst_two_stages,
    ciw_burst_two_stages,
    ciw_mmc_mean_wait,
    erlang_c_wait,
    full_coach_mean_wait,
    leave_when_full_wait,
    mmc_mean_wait,
    trip_travel_samples,
)

ciw = pytest.importorskip("ciw")


def _overlap(a: tuple[float, float, float], b: tuple[float, float, float]) -> bool:
    return a[1] <= b[2] and b[1] <= a[2]


def test_mmc_desks_agree_with_ciw_and_erlang_c() -> None:
    lam, mu, c = 4.0, 1.0, 5
    ours = mean_ci(np.array([mmc_mean_wait(s, lam, mu, c, 4000, 500) for s in range(12)]))
    theirs = mean_ci(np.array([ciw_mmc_mean_wait(s, lam, mu, c, 4000, 500) for s in range(12)]))
    exact = erlang_c_wait(lam, mu, c)
    assert _overlap(ours, theirs), (ours, theirs)
    assert ours[1] <= exact <= ours[2] and theirs[1] <= exact <= theirs[2]


def test_a_whole_train_through_desks_and_a_second_stage_agrees_with_ciw() -> None:
    args = (531, 4, 3.0, 3, 1.0)  # 531 workers, 4 desks of 20 s, then 3 servers of 1 minute
    ours = np.array([burst_statistics(burst_two_stages(s, *args)) for s in range(30)])
    theirs = np.array([burst_statistics(ciw_burst_two_stages(s, *args)) for s in range(30)])
    for k, name in enumerate(("mean", "p95", "makespan")):
        a, b = mean_ci(ours[:, k]), mean_ci(theirs[:, k])
        assert _overlap(a, b), (name, a, b)


def test_leave_when_full_wait_is_k_minus_1_over_2_lambda() -> None:
    waits = np.array([full_coach_mean_wait(s, 2.0, 40, 50) for s in range(10)])
    _, lo, hi = mean_ci(waits)
    assert lo <= leave_when_full_wait(40, 2.0) <= hi


def test_correlated_travel_variance_matches_its_formula() -> None:
    """A trip S-A-B-C-S, then S-B-S and S-A again: legs share the night, districts, places and roads; the legs
    from and to the station drive partly through a district of their own."""
    legs = [("S", "A"), ("A", "B"), ("B", "C"), ("C", "S"), ("S", "B"), ("B", "S"), ("S", "A")]
    planned = np.array([30.0, 12.0, 8.0, 25.0, 20.0, 20.0, 30.0])
    district = np.eye(4)[[0, 1, 1, 2, 1, 1, 0]]
    district[[0, 3, 4, 5, 6]] = 0.7 * district[[0, 3, 4, 5, 6]] + 0.3 * np.eye(4)[3]
    cvs = split_cv(0.15, 0.7, 0.15)
    total = trip_travel_samples(6000, planned, district, legs, cvs)
    cov = leg_covariance(planned, district, np.array([a for a, _ in legs]), np.array([b for _, b in legs]), cvs)
    cv = np.sqrt(np.diag(cov)) / planned
    np.testing.assert_allclose(cv[[1, 2]], 0.15)  # a leg in one district keeps travel.cv
    assert (cv[[0, 3, 4, 5, 6]] < 0.15).all() and (cv > 0.145).all()  # one across two averages their factors
    var = float(cov.sum())
    assert total.mean() == pytest.approx(planned.sum(), rel=0.01)
    assert total.var(ddof=1) == pytest.approx(var, rel=0.08)  # about 4 standard errors of a variance at n=6000
    independent = float((planned ** 2).sum() * 0.15 ** 2)
    assert var > 2 * independent  # the shared factors more than double the variance of the trips


def test_a_leg_drives_through_the_districts_on_its_way() -> None:
    """Districts by their centres on a line: A at 0, B at 1, C at 2 (degrees of latitude)."""
    centres = np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])
    start, end = np.array([[0.0, 0.0], [0.1, 0.0], [0.0, 0.0]]), np.array([[2.0, 0.0], [0.2, 0.0], [0.4, 0.0]])
    w = district_weights(start, end, np.array([-1, 0, -1]), np.array([2, 0, 1]), centres)
    np.testing.assert_allclose(w.sum(axis=1), 1.0)
    assert w[0, 1] == pytest.approx(0.5, abs=0.07) and w[0, 0] == pytest.approx(0.25, abs=0.07)  # through B
    np.testing.assert_allclose(w[1], [1, 0, 0])  # a short leg inside A
    assert w[2, 1] > 0 and w[2, 0] > 0.8  # the end is in B by its own district, though nearer A's centre
    np.testing.assert_allclose(as_weights(np.array([2, 0])), [[0, 0, 1], [1, 0, 0]])
