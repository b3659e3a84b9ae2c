"""Sweeps, comparisons and sliders: options in words, and a variant with no valid plan said as such."""

from __future__ import annotations

import pytest

import scenarios
from whatif.display import compare_table, sweep_table
from whatif.labels import variant_words
from whatif.option import try_option
from whatif.sweep import SweepResult, sweep

AXES = {"train.delay_min": [0, 60], "policy.latest_arrival": ["23:00", "01:30"]}


@pytest.fixture(scope="module")
def swept() -> SweepResult:
    """Tiny with a deadline of 23:00 that no coach can meet, and one of 01:30 that all meet."""
    return sweep("tiny", AXES, replications=3, seed=1, backend="serial", plan_time_limit=5)


def test_option_words_not_config_paths() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    overrides = {"train.delay_min": 60, "fleet.coach_53.count": 14}
    assert variant_words(overrides, "zh", sc) == "晚点 60 分钟 · 大巴（53座） 14 辆"
    assert variant_words(overrides, "en", sc) == "60 min late · 14 × 53-seat coach"
    assert variant_words({}, "zh") == "基准方案"
    assert variant_words({"policy.max_stops": 6, "station.bays": 3}, "zh") == "每车最多 6 站 · 上车位 3 个"


def test_a_deadline_no_coach_can_meet_is_no_valid_plan(swept: SweepResult) -> None:
    late = [v for v in swept.variants if "23:00" in v]
    assert set(swept.problems) == set(late) and len(late) == 2
    table = sweep_table(swept, "zh")
    for _, row in table.iterrows():
        if "最晚到达 23:00" in row["方案"]:
            assert row["说明"].startswith("无有效方案：") and "23:00" in row["说明"]
            assert set(row.iloc[1:-1]) == {"—"}  # no numbers shown as if it had a plan
        else:
            assert row["说明"] == "" and row["95% 入住"][2] == ":"
    assert "无有效方案" in swept._repr_html_()
    with pytest.raises(scenarios.ScenarioError, match="no valid plan"):
        swept.compare(late[0], swept.variants[1])


def test_options_chart_draws_no_numbers_for_a_variant_without_a_plan(swept: SweepResult) -> None:
    fig = swept.options_chart(["p95_checkin_min"], "zh")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == [swept.label(v, "zh") for v in swept.variants]
    assert sum(t.get_text() == "无有效方案" for t in ax.texts) == 2
    assert fig._repr_png_()[:4] == b"\x89PNG"


def test_comparison_in_words_and_units(swept: SweepResult) -> None:
    a, b = [v for v in swept.variants if swept.valid(v)]
    table = swept.compare(a, b)
    shown = compare_table(table, "zh").set_index("指标")
    assert list(shown.columns[:2]) == ["晚点 0 分钟 · 最晚到达 01:30", "晚点 60 分钟 · 最晚到达 01:30"]
    assert shown.loc["95% 入住", "差值（后者 − 前者）及 95% 区间"].startswith("+60.0 分钟")
    assert shown.loc["95% 入住", "较优"] == "晚点 0 分钟 · 最晚到达 01:30"
    assert shown.loc["列车晚点（分钟）", "较优"] == "（条件，不比较）"
    assert "两方案成对比较" in table._repr_html_()
    assert table.loc["p95_checkin_min", "better"] == a  # still the plain table underneath


def test_a_slider_option_without_a_valid_plan_shows_why() -> None:
    base = scenarios.load("tiny")
    bad = try_option(base, {"policy.latest_arrival": "23:00"}, replications=2, seed=1)
    assert not bad.valid and bad.result is None and "无有效方案" in bad._repr_html_()
    too_few = try_option(base, {"fleet.minibus_12.count": 0}, replications=2, seed=1)
    assert not too_few.valid and "无有效方案" in too_few._repr_html_()
    good = try_option(base, {"train.delay_min": 30}, replications=2, seed=1)
    assert good.valid and "95% 入住" in good._repr_html_() and good.label("en") == "30 min late"
