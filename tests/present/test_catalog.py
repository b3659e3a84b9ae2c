"""The one message catalog: every key in both languages with the same placeholders; every raise site uses a key."""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from present.catalog import CATALOG, Msg, placeholders, text

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("present", "scenarios", "planning", "sim", "whatif")
#: The packages whose every raise site is already keyed (the others follow, package by package).
KEYED = PACKAGES
#: The project's error types and where their message (a catalog key) is among the positional arguments.
ERRORS = {
    "ScenarioError": 0, "InputError": 0, "TableError": 0, "FieldError": 1, "YamlLimitError": 0, "require": 2, "Msg": 0,
}
# PlanCheckError and SimulationInvariantError report a bug of the toolkit (a plan its own checker refuses), not input
# a planner can fix; they stay in English for the developers.


def _names(template: str) -> set[str]:
    return {name.removesuffix("_zh") for name in placeholders(template)}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_has_both_languages_with_the_same_placeholders(key: str) -> None:
    en, zh = CATALOG[key]
    assert isinstance(en, str) and isinstance(zh, str)
    assert (en == "") == (zh == ""), key
    assert _names(en) == _names(zh), (key, en, zh)


def test_chinese_texts_are_chinese() -> None:
    """A Chinese text with letters in it has Chinese in it too, or is a code sample (a path, a YAML line)."""
    english_only = [k for k, (en, zh) in CATALOG.items()
                    if re.search(r"[A-Za-z]{4,}", re.sub(r"\{[^}]*\}", "", zh))
                    and not re.search(r"[\u4e00-\u9fff]", zh) and zh != en]
    assert not english_only, english_only


def test_a_message_renders_in_both_languages() -> None:
    msg = Msg("num.number", value="'abc'")
    assert str(msg) == "expected a number, got 'abc'."
    assert msg.render("zh") == "应为数字，实际为 'abc'。"
    hint = Msg("hint.did_you_mean", word="train")
    said = text("scenario.unknown_section", "zh", name="'trian'", hint=hint)
    assert said == "未知的节 'trian'；是否应为“train”？"
    stored = Msg("scenario.unknown_section", name="x", hint=hint).to_json()
    assert Msg.from_json(stored).render("zh").endswith("“train”？")


def _sites() -> list[tuple[str, int, str, ast.AST | None]]:
    out = []
    for package in KEYED:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call):
                    continue
                func = node.func
                name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
                if name not in ERRORS:
                    continue
                index = ERRORS[name]
                arg = node.args[index] if len(node.args) > index else None
                out.append((f"{path.relative_to(ROOT)}:{node.lineno}", node.lineno, name, arg))
    return out


def _keys_of(arg: ast.AST) -> list[str] | None:
    """The catalog keys a message argument may take: a literal, or either branch of a literal choice."""
    if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
        return [arg.value]
    if isinstance(arg, ast.IfExp):
        body, other = _keys_of(arg.body), _keys_of(arg.orelse)
        return body + other if body is not None and other is not None else None
    if isinstance(arg, ast.BoolOp) and isinstance(arg.op, ast.Or):  # fix or "field.edit": a key passed on, or one
        return _keys_of(arg.values[-1])
    return None


#: Names of variables that hold a key or a message passed on (never a finished sentence).
PASSED_ON = {"key", "msg", "fix"}


def test_every_raise_site_uses_a_key() -> None:
    """The message of every project error (and every Msg) is a catalog key or a message passed on, never text."""
    from scenarios.scale import STAGES

    assert set(STAGES.values()) <= set(CATALOG)
    sites = _sites()
    assert len(sites) > 100
    bad = []
    for where, _, name, arg in sites:
        keys = _keys_of(arg) if arg is not None else None
        if keys is not None:
            bad.extend(f"{where}: {name}({k!r}) is not a catalog key" for k in keys if k not in CATALOG)
            continue
        if isinstance(arg, ast.Subscript) and isinstance(arg.value, ast.Name) and arg.value.id.isupper():
            continue  # a table of keys (checked above)
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if arg.value not in CATALOG:
                bad.append(f"{where}: {name}({arg.value!r}) is not a catalog key")
        elif isinstance(arg, ast.JoinedStr) and isinstance(arg.values[0], ast.Constant) \
                and "." in str(arg.values[0].value) and any(k.startswith(arg.values[0].value) for k in CATALOG):
            continue  # a key chosen among a namespace of the catalog: Msg(f"word.{what}"), f"outdir.{key}"
        elif isinstance(arg, ast.Name) and arg.id in PASSED_ON:
            continue  # a helper passing its caller's key on
        elif isinstance(arg, ast.Attribute) and arg.attr in ("msg", "key"):
            continue  # an error's message passed on (retold with another place)
        elif isinstance(arg, ast.Call) and getattr(arg.func, "id", "") == "Msg":
            continue  # checked as a Msg site of its own
        else:
            bad.append(f"{where}: {name} is given {ast.unparse(arg) if arg else 'nothing'}, not a catalog key")
    assert not bad, "\n".join(bad)


def test_no_inline_language_choices_and_no_line_translation() -> None:
    """No module picks between two finished sentences by language; present.zh_lines is gone."""
    pattern = re.compile(r"if zh else|if (\w+\.)?lang == .zh. else")
    found = [f"{p.relative_to(ROOT)}:{i}" for package in PACKAGES for p in sorted((ROOT / package).rglob("*.py"))
             for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1) if pattern.search(line)]
    assert not found, found
    cells = [(p, "".join(c["source"])) for p in sorted((ROOT / "notebooks").glob("*.ipynb"))
             for c in json.loads(p.read_text(encoding="utf-8"))["cells"] if c["cell_type"] == "code"]
    assert not [p.name for p, code in cells if pattern.search(code)]  # the notebooks' code too
    assert not (ROOT / "present" / "zh_lines.py").exists()
