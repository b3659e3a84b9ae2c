"""t quantiles and confidence intervals against published table values."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sim.stats import mean_ci, t_cdf, t_quantile


@pytest.mark.parametrize(
    ("p", "df", "table"),
    [
        (0.975, 1, 12.7062),
        (0.975, 10, 2.2281),
        (0.975, 29, 2.0452),
        (0.995, 29, 2.7564),
        (0.95, 5, 2.0150),
        (0.975, 1e7, 1.9600),
    ],
)
def test_t_quantile_matches_tables(p: float, df: float, table: float) -> None:
    assert t_quantile(p, df) == pytest.approx(table, abs=1e-4)


@given(st.floats(0.01, 0.99), st.integers(1, 200))
def test_cdf_inverts_quantile(p: float, df: int) -> None:
    assert t_cdf(t_quantile(p, df), df) == pytest.approx(p, abs=1e-8)


def test_mean_ci_covers_the_mean_at_the_stated_rate() -> None:
    rng = np.random.default_rng(3)
    hits = 0
    for _ in range(2000):
        _, low, high = mean_ci(rng.normal(5.0, 2.0, 8))
        hits += low <= 5.0 <= high
    assert 0.935 <= hits / 2000 <= 0.965


def test_mean_ci_of_four_values() -> None:
    mean, low, high = mean_ci(np.array([1.0, 2.0, 3.0, 4.0]))
    assert mean == 2.5 and low == pytest.approx(2.5 - 3.182446 * np.sqrt(5 / 3) / 2, abs=1e-5) and high > mean


def test_single_value_has_no_interval() -> None:
    mean, low, high = mean_ci(np.array([3.0]))
    assert mean == 3.0 and np.isnan(low) and np.isnan(high)


@pytest.mark.parametrize(("p", "df"), [(0.99999, 1), (0.00001, 1), (0.99, 1), (0.9999999, 1), (0.99999, 2)])
def test_t_quantile_reaches_far_tails(p: float, df: int) -> None:
    """Exact forms: tan(pi (p - 1/2)) for 1 degree of freedom, (2p - 1) sqrt(2 / (1 - (2p - 1)^2)) for 2."""
    import math

    exact = math.tan(math.pi * (p - 0.5)) if df == 1 else (2 * p - 1) * math.sqrt(2 / (1 - (2 * p - 1) ** 2))
    assert t_quantile(p, df) == pytest.approx(exact, rel=1e-9)
