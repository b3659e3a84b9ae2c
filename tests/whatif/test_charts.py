"""What-if charts: clock-time KPIs on a clock axis around the data."""

from __future__ import annotations

import pandas as pd
import pytest

from whatif.charts import options_chart


def _summary(kpi: str, means: list[float]) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "variant": [f"option {i}" for i in range(len(means))],
            "kpi": kpi,
            "mean": means,
            "ci_low": [m - 5 for m in means],
            "ci_high": [m + 5 for m in means],
        }
    )


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_clock_kpis_sit_on_a_clock_axis_near_the_data(lang: str) -> None:
    """01:38 and 05:21 (next morning: 1538 and 1761 minutes) must not look alike on an axis from midnight."""
    summary = _summary("p95_checkin_min", [1440 + 98, 1440 + 321])
    ax = options_chart(summary, ["p95_checkin_min"], lang).axes[0]
    low, high = ax.get_xlim()
    assert 1440 + 40 < low < 1440 + 98 - 5 and 1440 + 321 + 5 < high < 1440 + 400
    label = ax.xaxis.get_major_formatter()
    assert label(1440 + 120, 0) == "02:00" and label(21 * 60 + 30, 0) == "21:30"


def test_other_kpis_keep_their_bars_from_zero() -> None:
    ax = options_chart(_summary("longest_wait_min", [30.0, 60.0]), ["longest_wait_min"], "en").axes[0]
    assert ax.get_xlim()[0] == 0
