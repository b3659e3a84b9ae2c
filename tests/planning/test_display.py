"""A plan's display in Jupyter: the figures that matter, clock times (never minutes since midnight), both languages."""

from __future__ import annotations

import re

import pytest

from planning.display import coach_table, plan_html
from present.html import display_lang, set_display_lang


def test_coach_table_shows_clock_times(tiny_routed) -> None:
    table = coach_table(tiny_routed, "zh")
    assert list(table.columns[:4]) == ["车号", "车型", "趟次", "发车时间"]
    assert table["发车时间"].str.fullmatch(r"\d\d:\d\d").all() and table["最后到达"].str.fullmatch(r"\d\d:\d\d").all()


@pytest.mark.parametrize(("lang", "words"), [("zh", ["运输计划", "已安置 / 未安置", "发车时间"]),
                                             ("en", ["Transport plan", "Placed / not placed", "Departs"])])
def test_plan_html_in_both_languages(tiny_routed, lang: str, words: list[str]) -> None:
    html = plan_html(tiny_routed, lang)
    assert all(w in html for w in words)
    depart = tiny_routed.coaches["depart_min"].iloc[0]
    assert f"{int(depart // 60) % 24:02d}:" in html
    assert not re.search(r"\b1[0-9]{3}\.\d", html)  # no minutes since midnight such as 1518.76


def test_the_plan_displays_itself_in_the_session_language(tiny_routed) -> None:
    assert display_lang() == "zh" and "运输计划" in tiny_routed._repr_html_()
    set_display_lang("en")
    try:
        assert "Transport plan" in tiny_routed._repr_html_()
    finally:
        set_display_lang("zh")
