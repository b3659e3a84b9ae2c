"""Paired comparison: common random numbers make a small difference visible."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from scenarios import ScenarioError
from whatif.compare import compare


def _kpis(values: np.ndarray, share: np.ndarray) -> pd.DataFrame:
    return pd.DataFrame({"replication": np.arange(len(values)), "last_checkin_min": values, "share_by_deadline": share})


def test_paired_difference_and_winner() -> None:
    rng = np.random.default_rng(0)
    common = rng.normal(300, 20, 40)  # the shared randomness dwarfs the effect
    a = _kpis(common, np.full(40, 0.90))
    b = _kpis(common - 3 + rng.normal(0, 1, 40), np.full(40, 0.95))
    table = compare(a, b)
    row = table.loc["last_checkin_min"]
    assert row["diff_low"] < -3 < row["diff_high"] or abs(row["diff"] + 3) < 0.5
    assert row["better"] == "B" and row["confidence"] > 0.999
    assert table.loc["share_by_deadline", "better"] == "B"


def test_no_difference_is_not_called_better() -> None:
    a = _kpis(np.arange(10.0), np.ones(10))
    table = compare(a, a.copy())
    assert (table["better"] == "same").all()


def test_mismatched_replications_are_refused() -> None:
    with pytest.raises(ValueError, match="same replications"):
        compare(_kpis(np.arange(5.0), np.ones(5)), _kpis(np.arange(6.0), np.ones(6)))


@pytest.mark.parametrize(("seeds", "counts", "words"), [((1, 2), (5, 5), "seed 1"), ((1, 1), (5, 6), "replications")])
def test_results_of_different_seeds_or_counts_are_refused(seeds, counts, words) -> None:
    """Paired differences need common random numbers: the same seed and the same replications."""
    a = SimpleNamespace(kpis=_kpis(np.arange(5.0), np.ones(5)), seed=seeds[0], replications=counts[0])
    b = SimpleNamespace(kpis=_kpis(np.arange(5.0), np.ones(5)), seed=seeds[1], replications=counts[1])
    with pytest.raises(ScenarioError, match=words):
        compare(a, b)
    a_same = SimpleNamespace(kpis=a.kpis, seed=seeds[0], replications=counts[0])
    assert (compare(a, a_same)["better"] == "same").all()
