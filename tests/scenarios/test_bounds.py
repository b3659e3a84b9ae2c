"""Every number of a scenario is bounded, so that a scenario that passes ``check`` is one plan and simulate can run."""

from __future__ import annotations

import dataclasses
import shutil
import time
import tracemalloc
import typing
from pathlib import Path

import pytest
import yaml

import scenarios
from present.catalog import CATALOG
from scenarios import bounds, disruptions, model, policy, scale
from scenarios.errors import FieldError, ScenarioError
from scenarios.loader import DATA_DIR
from tests.scenarios.conftest import edit_yaml
from whatif.cli import main

SECTIONS = [c for m in (model, policy, disruptions) for c in vars(m).values()
            if dataclasses.is_dataclass(c) and c.__module__ == m.__name__]


def _numeric(hint: object) -> bool:
    text = str(hint)
    return ("int" in text or "float" in text) and hint is not bool


@pytest.mark.parametrize("cls", SECTIONS, ids=lambda c: c.__name__)
def test_every_numeric_field_has_a_bound_with_a_reason(cls: type) -> None:
    hints = typing.get_type_hints(cls)
    numeric = {f.name for f in dataclasses.fields(cls) if _numeric(hints[f.name])}
    table = bounds.FIELD_BOUNDS.get(cls.__name__, {})
    assert numeric <= set(table), f"{cls.__name__}: no bound for {sorted(numeric - set(table))}"
    for name in numeric:
        assert table[name].reason and table[name].low <= table[name].high


def test_every_reason_and_unit_has_chinese() -> None:
    for table in bounds.FIELD_BOUNDS.values():
        for bound in table.values():
            assert f"bound.reason.{bound.reason}" in CATALOG
            assert not bound.unit or f"bound.unit.{bound.unit}" in CATALOG


def test_bounds_admit_every_default_and_bundled_scenario() -> None:
    for name in scenarios.bundled_names():
        assert scenarios.load(name)


def _cli_check(tiny_dir: Path, capsys) -> str:
    assert main(["check", str(tiny_dir), "--lang", "en"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and len(err.splitlines()) == 1 and "Traceback" not in err
    return err


@pytest.mark.parametrize(
    ("section", "key", "value", "words"),
    [
        ("travel", "road_factor", 1e11, ("travel.road_factor", "from 1 to 5", "detour")),
        ("station", "desk_service_s", 1e308, ("station.desk_service_s", "0 to 600 seconds", "gift pack")),
        ("station", "walk_m", 10**400, ("station.walk_m", "400 digits")),
        ("train", "cars", 10**400, ("train.cars", "400 digits")),
        ("train", "delay_min", 1e9, ("train.delay_min", "0 to 1,440 minutes")),
        ("travel", "cv", 1.5, ("travel.cv", "0 to 1")),
        ("travel", "urban_kmh", 0.001, ("travel.urban_kmh", "5 to 130 km/h")),
        ("policy", "max_stops", 10**6, ("policy.max_stops", "1 to 30")),
        ("policy", "max_ride_min", 1e7, ("policy.max_ride_min", "at most 1,440 minutes")),
        ("station", "desks", 10**9, ("station.desks", "1 to 1,000")),
        ("station", "walk_speed_mps", [0.0001, 1.2], ("station.walk_speed_mps[0]", "0.2 to 3 m/s")),
        ("meta", "seed", 2**64, ("meta.seed", "9,223,372,036,854,775,807")),
        ("train", "cars", "many", ("train.cars", "expected a whole number, got 'many'")),
        ("station", "walk_m", "far" * 200, ("station.walk_m", "characters)")),
    ],
)
def test_absurd_numbers_refused_by_check(tiny_dir: Path, capsys, section, key, value, words) -> None:
    edit_yaml(tiny_dir, lambda r: r.setdefault(section, {}).update({key: value}))
    err = _cli_check(tiny_dir, capsys)
    for word in words:
        assert word in err, f"{word!r} not in {err}"
    assert len(err) < 500


@pytest.mark.parametrize("text", ["9" * 400, "1" + "0" * 400 + ".5", "0." + "0" * 399 + "1e999", "1e400"])
def test_400_digit_numbers_in_the_yaml_text(tiny_dir: Path, capsys, text: str) -> None:
    path = tiny_dir / "scenario.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("  walk_m: 350", f"  walk_m: {text}"), "utf-8")
    err = _cli_check(tiny_dir, capsys)
    assert "station.walk_m" in err and (len(text) < 40 or text not in err) and len(err) < 500


@pytest.mark.parametrize("cell", ["9" * 400, "9" * 5000, "1" + "0" * 400 + ".5", "lots", "1e400"])
def test_400_digit_numbers_in_a_table(tiny_dir: Path, capsys, cell: str) -> None:
    text = (tiny_dir / "enterprises.csv").read_text(encoding="utf-8")
    (tiny_dir / "enterprises.csv").write_text(text.replace("120.3900,3,1", f"120.3900,{cell},1", 1), "utf-8")
    err = _cli_check(tiny_dir, capsys)
    assert "posts_general" in err and ("row 2" in err or "第 2 行" in err) and len(err) < 500
    assert len(cell) < 40 or cell not in err


def test_travel_matrix_minutes_bounded(tiny_dir: Path, capsys) -> None:
    rows = ["station,T1,1e308,5", "station,T2,10,5", "station,T3,10,5", "T1,T2,10,5", "T1,T3,10,5", "T2,T3,10,5"]
    (tiny_dir / "times.csv").write_text("from,to,minutes,km\n" + "\n".join(rows) + "\n", encoding="utf-8")
    edit_yaml(tiny_dir, lambda r: r["travel"].update(mode="matrix", matrix="times.csv"))
    err = _cli_check(tiny_dir, capsys)
    assert "times.csv" in err and "row 2" in err and "1,440 minutes" in err


def test_a_heavy_delay_tail_is_refused() -> None:
    model.TrainDelay(late_median_min=8, late_p95_min=60)  # a bad-weather night: one in a million is 2 days late
    with pytest.raises(FieldError, match=r"one train in a million .* days late"):
        model.TrainDelay(late_median_min=1, late_p95_min=1440)
    assert bounds.rare_delay_min(8, 30) == pytest.approx(364, rel=0.01)


def test_field_bounds_hold_for_dataclasses_built_in_code() -> None:
    """dataclasses.replace runs the same checks: the what-if layer cannot bypass them."""
    with pytest.raises(FieldError, match="road_factor"):
        dataclasses.replace(model.Travel(), road_factor=1e11)


def test_a_night_of_days_is_refused(tiny_dir: Path, capsys) -> None:
    edit_yaml(tiny_dir, lambda r: r["station"].update(desk_service_s=600, desks=1, welcome_min=240))
    roster = tiny_dir / "workers.csv"
    lines = roster.read_text(encoding="utf-8").splitlines()
    extra = [f"X{i},某{i},tongwei,,1,M,30,general,,," for i in range(600)]
    roster.write_text("\n".join([*lines, *extra]) + "\n", encoding="utf-8")
    edit_yaml(tiny_dir, lambda r: r["train"].update(cars=4, seats_per_car=200))
    edit_yaml(tiny_dir, lambda r: r["fleet"]["minibus_12"].update(count=60))
    err = _cli_check(tiny_dir, capsys)
    assert "night of" in err and "more than 72" in err and "gift-pack desks" in err


def test_a_long_station_phase_warns() -> None:
    sc = scenarios.load("tiny", overrides={"train.delay_min": 800})
    assert any("station phase may take" in w for w in sc.warnings)


def _worst_case(folder: Path) -> Path:
    """Tiny with every time-like field near its bound, still passing check."""
    shutil.copytree(DATA_DIR / "tiny", folder / "tiny")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", folder)
    path = folder / "tiny" / "scenario.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["train"].update(
        delay_min=1440,
        delay={"p_on_time": 0.0, "on_time_max_min": 60, "late_median_min": 720, "late_p95_min": 1440},
    )
    raw["station"].update(
        walk_m=5000,
        walk_speed_mps=[0.2, 0.2],
        alight_s_per_person=[120, 120],
        welcome_min=240,
        desk_service_s=600,
        board_s_per_person=[120, 120],
    )
    raw["travel"].update(road_factor=5, urban_kmh=5, suburban_kmh=5, expressway_kmh=5, cv=1, bias=2, bias_cv=0.5)
    raw["policy"].update(max_ride_min=600, max_coach_wait_min=720, latest_arrival="21:29", routes="closed")
    raw["fleet"]["minibus_12"].update(fixed_cost=1e6, cost_per_km=1000)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return folder / "tiny"


def test_the_worst_accepted_night_simulates_in_little_memory(tmp_path: Path) -> None:
    """The promise of check: fields at their bounds ask simulate for megabytes, not the 133 GiB of road_factor 1e11."""
    from planning.baseline import baseline_plan
    from sim import simulate

    sc = scenarios.load(_worst_case(tmp_path))
    assert scale.station_minutes(sc)["the known delay (train.delay_min)"] == 1440
    plan = baseline_plan(sc)
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = simulate(sc, plan, replications=20, seed=1)
        crowd = result.crowd()
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < 100 * 2**20 and time.perf_counter() - start < 60, (peak, time.perf_counter() - start)
    # Legs at 5 km/h with a coefficient of variation of 1, planned times half the real ones (travel.bias 2) and
    # uncertain by half: the longest of 20 such nights spans days, still well inside what the crowd counts hold.
    assert crowd["minutes"].max() - crowd["minutes"].min() < 30 * bounds.DAY_MIN


def test_the_bounds_message_names_the_reason() -> None:
    with pytest.raises(ScenarioError, match=r"station\.desk_service_s: expected a number from 0 to 600 seconds"):
        scenarios.load("tiny", overrides={"station.desk_service_s": 1e308})
