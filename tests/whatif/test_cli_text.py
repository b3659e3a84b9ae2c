"""The command line's language: errors from their keys, argparse's own words through the catalog's gettext."""

from __future__ import annotations

import re

import pytest

from present import ScenarioError
from present.catalog import Msg, text
from present.catalog.args import GETTEXT
from whatif.cli import lang_of, main

CJK = re.compile(r"[\u4e00-\u9fff]")


def test_an_error_is_told_in_both_languages_from_its_key() -> None:
    exc = ScenarioError("num.non_negative", field="train.delay_min", fix=None, value="-5")
    assert exc.render("zh") == "train.delay_min：应为不小于 0 的数，实际为 -5。"
    assert exc.render("en") == str(exc) == "train.delay_min: expected a number >= 0, got -5."


def test_a_hint_inside_a_message_is_told_in_its_language_too() -> None:
    hint = Msg("hint.did_you_mean", word="tiny")
    said = text("scenario.no_such", "zh", name="x", hint=hint)
    assert said == "没有方案“x”：既不是内置方案名，也没有这个文件；是否应为“tiny”？"


def test_the_language_is_known_before_parsing() -> None:
    assert lang_of(["plan", "tiny", "--lang", "en"]) == "en"
    assert lang_of(["plan", "tiny", "--lang=en"]) == "en"
    assert lang_of(["plan", "tiny"]) == lang_of(["plan", "--lang"]) == "zh"


def test_argparse_gettext_keeps_argparse_placeholders() -> None:
    """Named placeholders may be left out (argparse fills them by name), positional ones must all be there."""
    for english, chinese in GETTEXT.items():
        assert set(re.findall(r"%\(\w+\)[sr]", chinese)) <= set(re.findall(r"%\(\w+\)[sr]", english)), english
        assert re.findall(r"%[sr]", chinese) == re.findall(r"%[sr]", english), english
        assert CJK.search(chinese), english


@pytest.mark.parametrize(("argv", "zh", "en"), [
    (["simulate", "tiny"], "错误：labor-transfer simulate：缺少必需的参数：", "the following arguments are required"),
    (["frobnicate"], "无效的选项 'frobnicate'", "invalid choice: 'frobnicate'"),
    (["simulate", "tiny", "--out", "x", "--seed", "abc"], "参数 --seed：应为 0 到", "argument --seed: expected a"),
])
def test_a_bad_argument_is_one_line_in_the_language_asked(argv: list[str], zh: str, en: str,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and zh in said, said
    assert main([*argv, "--lang", "en"]) == 2
    said = capsys.readouterr().err
    assert said.count("\n") == 1 and en in said and not CJK.search(said.replace("labor-transfer", "")), said


def test_python_m_whatif_cli_knows_every_command() -> None:
    """``python -m whatif.cli`` runs the same command list as ``labor-transfer`` (not only ``check``)."""
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "whatif.cli", "plan", "--help", "--lang", "en"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "--out" in done.stdout and "usage: labor-transfer plan" in done.stdout


def _helps(lang: str) -> dict[str, str]:
    """Every help text the parser holds (program, commands, arguments), built as ``main`` builds it for ``lang``."""
    import argparse

    from whatif.cli import build_parser
    from whatif.cli_text import install

    install(lang)
    try:
        parser = build_parser()
    finally:
        install("zh")
    found = {"program": parser.description or ""}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                found[choice.dest] = choice.help or ""
            for name, sub in action.choices.items():
                for arg in sub._actions:
                    if arg.help != argparse.SUPPRESS:
                        found[f"{name} {'/'.join(arg.option_strings) or arg.dest}"] = arg.help or ""
        elif action.help != argparse.SUPPRESS:
            found["/".join(action.option_strings)] = action.help or ""
    return found


def test_every_help_line_is_chinese_by_default_and_english_with_lang_en() -> None:
    """``labor-transfer --help`` and each command's ``--help`` speak Chinese; with ``--lang en``, English."""
    zh, en = _helps("zh"), _helps("en")
    assert zh.keys() == en.keys() and len(zh) > 80
    assert not [k for k, v in zh.items() if not CJK.search(v)]
    assert not [k for k, v in en.items() if CJK.search(v.replace("某", "").replace("站", ""))]


def test_help_runs_in_both_languages(capsys) -> None:
    assert main(["fleet", "--help"]) == 0
    assert "所有工人都按时入住的夜晚比例目标" in capsys.readouterr().out
    assert main(["fleet", "--help", "--lang", "en"]) == 0
    assert "confidence of the verdict" in capsys.readouterr().out
