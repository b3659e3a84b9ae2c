"""Chinese for English lines of bad input (present.zh_lines) and what a planner sees on the command line."""

from __future__ import annotations

import re

import pytest

from present import ScenarioError
from present.zh_lines import LINES, to_zh
from whatif.cli import lang_of

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize(("english", "chinese"), LINES, ids=[e[:40] for e, _ in LINES])
def test_every_template_translates_its_own_example_with_its_values(english: str, chinese: str) -> None:
    names = re.findall(r"\{(\w+)\}", english)
    said = re.findall(r"\{(\w+)\}", chinese)
    assert set(said) <= set(names)  # only values the English line carries
    values = {n: f"V{i}x" for i, n in enumerate(names)}
    assert to_zh(english.format(**values)) == chinese.format(**values)


def test_a_hint_inside_a_message_is_translated_too() -> None:
    line = "no scenario 'x': not a bundled name and no such file; did you mean 'tiny'?"
    assert to_zh(line) == "没有方案“x”：既不是内置方案名，也没有这个文件；是否应为“tiny”？"
    assert to_zh("a line no template knows.") is None


def test_an_error_without_its_own_chinese_is_told_in_chinese() -> None:
    exc = ScenarioError("expected a number >= 0, got -5.", field="train.delay_min",
                        fix="give another value for train.delay_min.")
    assert exc.render("zh") == "train.delay_min：应为不小于 0 的数，实际为 -5。修改：请给 train.delay_min 换一个值。"
    assert exc.render("en") == str(exc) == ("train.delay_min: expected a number >= 0, got -5. Fix: give another value "
                                            "for train.delay_min.")
    unknown = ScenarioError("something new happened.")
    assert unknown.render("zh") == "something new happened."  # English rather than a wrong guess


def test_the_language_is_known_before_parsing() -> None:
    assert lang_of(["plan", "tiny", "--lang", "en"]) == "en"
    assert lang_of(["plan", "tiny", "--lang=en"]) == "en"
    assert lang_of(["plan", "tiny"]) == lang_of(["plan", "--lang"]) == "zh"
