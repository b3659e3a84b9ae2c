"""Paired comparison of two options simulated with common random numbers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from present.catalog import Msg
from present.kpis import NEUTRAL, higher_is_better
from scenarios import ScenarioError
from sim.stats import mean_ci, t_cdf


class Comparison(pd.DataFrame):
    """``compare``'s table (one row per KPI) that shows itself in Jupyter in words, units and clock times.

    Otherwise a plain DataFrame; anything derived from it (a slice, a copy) is a plain DataFrame.
    """

    @property
    def _constructor(self) -> type[pd.DataFrame]:
        return pd.DataFrame

    def _repr_html_(self) -> str:
        from whatif.display import compare_html

        return compare_html(self)


def _kpi_frame(result: object) -> pd.DataFrame:
    """A per-replication KPI table (replications as rows, KPIs as numeric columns) from a result or a frame."""
    frame = getattr(result, "kpis", result)
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("compare() takes simulation results or per-replication KPI DataFrames")
    if "replication" in frame.columns:
        frame = frame.set_index("replication")
    return frame.select_dtypes("number")


def _span(index: pd.Index) -> str:
    return f"{index.min()}..{index.max()} ({len(index)})" if len(index) else "none"


def _check_paired(a: object, b: object, names: tuple[str, str]) -> None:
    """Results that say how they were simulated must share the seed and the replication count."""
    for attr, what in (("seed", Msg("compare.seed")), ("replications", Msg("compare.replications"))):
        va, vb = getattr(a, attr, None), getattr(b, attr, None)
        if va is not None and vb is not None and va != vb:
            raise ScenarioError("compare.unpaired", a=names[0], b=names[1], what=what, va=va, vb=vb)


def compare(a: object, b: object, level: float = 0.95, names: tuple[str, str] = ("A", "B")) -> Comparison:
    """Per KPI: mean of A, mean of B, the paired difference B - A with its confidence interval, which option is
    better and at what confidence (1 - the two-sided p-value of the paired t-test).

    A and B must be simulated with the same seed and replications, so that replication i of each shares its random
    numbers; the pairing is what makes the difference precise.
    """
    _check_paired(a, b, names)
    ka, kb = _kpi_frame(a), _kpi_frame(b)
    if not ka.index.equals(kb.index):
        raise ScenarioError("compare.other_nights", a=names[0], b=names[1], span_a=_span(ka.index),
                            span_b=_span(kb.index))
    rows = []
    for kpi in [c for c in ka.columns if c in kb.columns]:
        diff = (kb[kpi] - ka[kpi]).to_numpy(dtype=float)
        mean, low, high = mean_ci(diff, level)
        n = int(np.isfinite(diff).sum())
        sd = float(np.nanstd(diff, ddof=1)) if n > 1 else math.nan
        if n > 1 and sd > 0:
            t = mean / (sd / math.sqrt(n))
            confidence = 1.0 - 2.0 * (1.0 - t_cdf(abs(t), n - 1))
        else:
            confidence = 1.0 if n > 1 and mean != 0 else 0.0
        if kpi in NEUTRAL:
            better = "n/a"
        elif mean == 0 or not math.isfinite(mean):
            better = "same"
        else:
            b_better = (mean > 0) == higher_is_better(kpi)
            better = names[1] if b_better else names[0]
        rows.append(
            {
                "kpi": kpi,
                f"mean_{names[0]}": float(ka[kpi].mean()),
                f"mean_{names[1]}": float(kb[kpi].mean()),
                "diff": mean,
                "diff_low": low,
                "diff_high": high,
                "better": better,
                "confidence": confidence,
            }
        )
    return Comparison(pd.DataFrame(rows).set_index("kpi"))
