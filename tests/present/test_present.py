"""The presentation layer: one language check, one clock format, one KPI registry, and no import of any layer."""

from __future__ import annotations

import ast
import math
from pathlib import Path

import pytest

from present import ScenarioError, check_lang, format_clock
from present.kpis import HIGHER_IS_BETTER, KPI_LABELS, KPIS, NEUTRAL, NIGHT_KPIS, format_kpi, kpi_label
from sim.kpis import KPI_COLUMNS

ROOT = Path(__file__).resolve().parents[2]
LAYERS = ("scenarios", "planning", "sim", "whatif")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_known_languages_pass(lang: str) -> None:
    assert check_lang(lang) == lang


@pytest.mark.parametrize("lang", ["fr", "ZH", "", None, 1])
def test_an_unknown_language_names_the_field_and_the_choices(lang: object) -> None:
    with pytest.raises(ScenarioError, match=r"lang: unknown language .* Fix: use 'zh' \(Chinese\) or 'en'"):
        check_lang(lang)
    with pytest.raises(ScenarioError, match=r"^language: "):
        check_lang(lang, field="language")


def test_the_scenarios_error_is_the_one_error_type() -> None:
    import scenarios

    assert scenarios.ScenarioError is ScenarioError


@pytest.mark.parametrize(("minutes", "text"), [(0, "00:00"), (1290, "21:30"), (1518.76, "01:19"), (1439.6, "00:00"),
                                                (1478, "00:38"), (math.nan, "-")])
def test_clock_times_for_people(minutes: float, text: str) -> None:
    assert format_clock(minutes) == text


def test_clock_with_the_day() -> None:
    assert format_clock(1440 + 78, with_day=True) == "01:18+1" and format_clock(78, with_day=True) == "01:18"


def test_registry_covers_the_simulations_kpi_table_in_order() -> None:
    assert ("replication", *NIGHT_KPIS) == KPI_COLUMNS
    for key, kpi in KPIS.items():
        assert kpi.key == key and kpi.zh and kpi.en and kpi.doc


def test_labels_carry_units_of_durations_only() -> None:
    assert kpi_label("longest_wait_min", "zh") == "站内最长等候（分钟）"
    assert kpi_label("longest_wait_min", "en") == "Longest wait at station (min)"
    assert kpi_label("p95_checkin_min", "zh") == "95% 入住" and KPI_LABELS["en"]["seat_use"] == "Seat use"
    assert kpi_label("not_a_kpi", "en") == "not_a_kpi"
    with pytest.raises(ScenarioError, match="lang"):
        kpi_label("seat_use", "fr")


def test_values_as_people_read_them() -> None:
    assert format_kpi("p95_checkin_min", 1518.76) == "01:19"
    assert format_kpi("share_by_deadline", 0.9741) == "97.4%"
    assert format_kpi("longest_wait_min", 12.345) == "12.3"
    assert format_kpi("coaches_used", 14.0) == "14"
    assert format_kpi("last_checkin_min", math.nan) == "-"


def test_which_way_is_better() -> None:
    assert {"checked_in", "share_by_deadline", "seat_use", "p_on_time"} == HIGHER_IS_BETTER
    assert {"train_delay_min"} == NEUTRAL


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_present_imports_no_layer() -> None:
    for path in (ROOT / "present").rglob("*.py"):
        assert not _imports(path) & set(LAYERS), path
