"""The scenario YAML is read with limits: aliases, depth, size, duplicate keys, and short messages."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

import scenarios
from scenarios import yamlsafe
from scenarios.errors import ScenarioError
from scenarios.loader import read_yaml


def _laughs(levels: int = 9, width: int = 9) -> str:
    """A scenario whose meta.real stands for width**levels strings (387 million for 9 x 9), in about 1 KB."""
    lines = ["  l0: &l0 [" + ",".join(["lol"] * width) + "]"]
    lines += [f"  l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * width) + "]" for i in range(1, levels)]
    return "meta:\n" + "\n".join(lines) + f"\n  real: *l{levels - 1}\n"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "scenario.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_billion_laughs_refused_fast_and_small(tmp_path: Path) -> None:
    text = _laughs()
    assert len(text.encode()) < 1024
    path = _write(tmp_path, text)
    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(ScenarioError) as info:
        scenarios.load(path)
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert seconds < 10.0 and peak < 200 * 2**20, (seconds, peak)  # expanded, it would take hours and gigabytes
    message = str(info.value)
    assert "alias" in message and f"{yamlsafe.MAX_NODES:,}" in message and "line" in message
    assert "lol" not in message and len(message) < 400


def test_an_alias_used_a_few_times_is_fine(tmp_path: Path) -> None:
    text = "a: &x {p: 1, q: [1, 2, 3]}\nb: *x\nc: *x\n"
    assert yamlsafe.parse_yaml(text, tmp_path / "x.yaml") == {"a": {"p": 1, "q": [1, 2, 3]}} | {
        "b": {"p": 1, "q": [1, 2, 3]},
        "c": {"p": 1, "q": [1, 2, 3]},
    }


def test_recursive_alias_refused(tmp_path: Path) -> None:
    with pytest.raises(ScenarioError, match=r"alias \*x refers to a list or mapping that contains it \(line 1\)"):
        read_yaml(_write(tmp_path, "meta: &x [*x]\n"))


@pytest.mark.parametrize("depth", [65, 900, 5000])
def test_deep_nesting_refused_without_recursion_error(tmp_path: Path, depth: int) -> None:
    with pytest.raises(ScenarioError, match=r"nest more than 64 levels|maximum nesting depth"):  # libyaml's own limit
        read_yaml(_write(tmp_path, "meta: " + "[" * depth + "]" * depth + "\n"))
    with pytest.raises(ScenarioError, match="nest more than 64 levels"):
        block = "".join(" " * (i + 1) + f"k{i}:\n" for i in range(min(depth, 900)))
        read_yaml(_write(tmp_path, "meta:\n" + block))


def test_nesting_within_the_limit_reads(tmp_path: Path) -> None:
    assert read_yaml(_write(tmp_path, "meta: " + "[" * 60 + "]" * 60 + "\n"))["meta"]


def test_duplicate_key_names_both_lines(tmp_path: Path) -> None:
    text = "meta:\n  name: a\ntrain:\n  cars: 1\n  seats_per_car: 20\n  cars: 8\n"
    with pytest.raises(ScenarioError) as info:
        read_yaml(_write(tmp_path, text))
    assert "the key 'cars' appears twice in one mapping, on lines 4 and 6" in str(info.value)
    with pytest.raises(ScenarioError, match=r"'meta' appears twice.*lines 1 and 3"):
        read_yaml(_write(tmp_path, "meta: {}\ntrain: {}\nmeta: {}\n"))


def test_duplicate_key_in_the_bundled_tiny_scenario(tiny_dir: Path) -> None:
    path = tiny_dir / "scenario.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  cars: 1\n", "  cars: 1\n  cars: 2\n"), "utf-8")
    with pytest.raises(ScenarioError, match=r"'cars' appears twice.*lines 16 and 17"):
        scenarios.load(tiny_dir)


def test_merge_keys_still_work(tmp_path: Path) -> None:
    data = yamlsafe.parse_yaml("base: &b {x: 1, y: 2}\nmine:\n  <<: *b\n  y: 3\n", tmp_path / "x.yaml")
    assert data["mine"] == {"x": 1, "y": 3}


def test_file_size_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, "meta:\n  description: " + "x" * (yamlsafe.MAX_BYTES + 10) + "\n")
    with pytest.raises(ScenarioError, match=r"larger than the limit of 1\.0 MB") as info:
        read_yaml(path)
    assert "xxxxxxxx" not in str(info.value)


@pytest.mark.parametrize(
    "text",
    [
        "meta:\n  seed: !!int " + "9" * 5000 + "\n",
        "meta:\n  date: !!timestamp " + "2023-02-3" * 300 + "\n",
        "meta:\n  name: !!float " + "abc" * 500 + "\n",
    ],
)
def test_unreadable_values_are_cut(tmp_path: Path, text: str) -> None:
    with pytest.raises(ScenarioError) as info:
        read_yaml(_write(tmp_path, text))
    message = str(info.value)
    assert "line 2" in message and "characters)" in message and len(message) < 400, message


def test_messages_never_print_an_expanded_value(tiny_dir: Path) -> None:
    path = tiny_dir / "scenario.yaml"
    secret = "[" + ", ".join(["secretsecret"] * 300) + "]"
    text = path.read_text(encoding="utf-8").replace("  name: tiny\n", f"  name: &x {secret}\n  description: *x\n")
    path.write_text(text.replace("  description: Eight", "  # Eight"), encoding="utf-8")
    with pytest.raises(ScenarioError) as info:
        scenarios.load(tiny_dir)
    message = str(info.value)
    assert "meta.name" in message and message.count("secretsecret") <= 4 and len(message) < 400, message


@pytest.mark.parametrize("parser", ["libyaml", "python"])
def test_the_event_check_with_either_parser(monkeypatch, parser: str) -> None:
    """The limits hold with PyYAML's pure-Python parser too (used when libyaml is not installed)."""
    import yaml

    if parser == "python":
        monkeypatch.setattr(yamlsafe, "_PARSER", yaml.SafeLoader)
    yamlsafe.check_events("a: &x [1, 2]\nb: *x\nc: {d: *x}\n")
    with pytest.raises(yamlsafe.YamlLimitError, match="more than 100,000 values"):
        yamlsafe.check_events(_laughs())
    with pytest.raises(yamlsafe.YamlLimitError, match="nest more than 64"):
        yamlsafe.check_events("a: " + "[" * 65 + "]" * 65)
    with pytest.raises(yamlsafe.YamlLimitError, match="contains it"):
        yamlsafe.check_events("a: &x {b: *x}")


def test_anchor_sizes_count_nested_aliases() -> None:
    """An anchor of a list of aliases stands for all they stand for: 10 levels of 4 is about a million values."""
    lines = ["l0: &l0 [1, 2, 3, 4]"] + [
        f"l{i}: &l{i} [*l{i - 1}, *l{i - 1}, *l{i - 1}, *l{i - 1}]" for i in range(1, 10)
    ]
    yamlsafe.check_events("\n".join(lines[:7]))  # 4**7 = 16,384 values
    with pytest.raises(yamlsafe.YamlLimitError):
        yamlsafe.check_events("\n".join(lines))
