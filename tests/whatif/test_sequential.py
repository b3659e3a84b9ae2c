"""The fleet search's sequential rule: its error at the target and power computed exactly, checked by repeats."""

from __future__ import annotations

import numpy as np
import pytest

from whatif.sequential import (
    FAILS,
    MEETS,
    SequentialRule,
    binom_tail,
    fixed_sample_bound,
    lower_bound,
    upper_bound,
)


@pytest.mark.parametrize("spending", ["obrien_fleming", "pocock"])
@pytest.mark.parametrize(("target", "batch", "looks"), [(0.95, 40, 10), (0.9, 25, 8), (0.8, 10, 5)])
def test_a_wrong_meets_at_the_target_is_at_most_alpha(spending: str, target: float, batch: int, looks: int) -> None:
    rule = SequentialRule(target=target, alpha=0.05, batch=batch, max_batches=looks, spending=spending)
    meets, _, nights = rule.operating(target)
    assert 0.02 < meets <= 0.05  # the error is spent (up to the steps of a count), not thrown away
    assert nights <= batch * looks
    # Just below the target the chance of a wrong "meets" is smaller still.
    assert rule.operating(target - 0.01)[0] < meets


def test_power_at_target_plus_two_and_a_half_points_with_a_400_night_cap() -> None:
    rule = SequentialRule(target=0.95, alpha=0.05, batch=40, max_batches=10)
    assert rule.operating(0.975)[0] >= 0.70
    # ... and a clearly short or clearly safe fleet is settled in fewer nights than the fixed 400.
    assert rule.operating(0.90)[2] < 250 and rule.operating(0.99)[2] < 250
    assert fixed_sample_bound(400, 0.95, 0.05) == rule.looks[-1].meets_at == 388


def test_exact_recursion_agrees_with_repeats_through_verdict() -> None:
    rule = SequentialRule(target=0.95, alpha=0.05, batch=40, max_batches=10)
    rng = np.random.default_rng(5)
    repeats = 4000
    draws = rng.binomial(40, 0.975, size=(repeats, 10)).cumsum(axis=1)
    met = 0
    for row in draws:
        for k, good in enumerate(row, start=1):
            v = rule.verdict(int(good), 40 * k)
            if v is not None:
                met += v == MEETS
                break
    exact = rule.operating(0.975)[0]
    assert abs(met / repeats - exact) < 4 * np.sqrt(exact * (1 - exact) / repeats)


def test_the_verdict_is_the_interval_shown_and_the_cap_settles_every_candidate() -> None:
    rule = SequentialRule(target=0.95, alpha=0.05, batch=40, max_batches=10)
    for look in rule.looks:
        for good in range(look.nights + 1):
            verdict = rule.verdict(good, look.nights)
            low, high = rule.interval(good, look.nights)
            assert (verdict == MEETS) == (low >= 0.95), (good, look.nights)
            if look.nights < 400:
                assert (verdict == FAILS) == (high < 0.95), (good, look.nights)
            else:
                assert verdict in (MEETS, FAILS)
    assert rule.verdict(40, 40) is None  # 40 of 40 is no proof yet: the O'Brien-Fleming bound spends little early
    assert rule.verdict(160, 160) == MEETS
    assert rule.verdict(30, 40) == FAILS
    assert rule.verdict(388, 400) == MEETS and rule.verdict(387, 400) == FAILS


def test_one_sided_bounds_match_known_values() -> None:
    # The 95% one-sided Clopper-Pearson bounds of 95 of 100 (the two-sided 90% interval's ends, as R's binom.test),
    # and what defines them: the chance of 95 or more at the lower, of 95 or fewer at the upper, is 5%.
    low, high = lower_bound(95, 100, 0.95), upper_bound(95, 100, 0.95)
    assert low == pytest.approx(0.89775, abs=1e-4) and high == pytest.approx(0.98009, abs=1e-4)
    assert binom_tail(100, low)[95] == pytest.approx(0.05, abs=1e-9)
    assert 1 - binom_tail(100, high)[96] == pytest.approx(0.05, abs=1e-9)
    assert lower_bound(0, 10, 0.95) == 0.0 and upper_bound(10, 10, 0.95) == 1.0


def test_rule_refuses_nonsense() -> None:
    with pytest.raises(ValueError, match="target"):
        SequentialRule(target=1.0)
    with pytest.raises(ValueError, match="spending"):
        SequentialRule(spending="bonferroni")
    with pytest.raises(ValueError):
        SequentialRule(at_cap="median")
    with pytest.raises(ValueError, match="whole number of batches"):
        SequentialRule().verdict(10, 50)
