"""Bad scenarios: each gives one clear line naming the file, field or row and the fix, and exit code 2."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import scenarios
from tests.scenarios.conftest import edit_yaml
from whatif.cli import main


def _replace(name: str, old: str, new: str) -> Callable[[Path], None]:
    def change(folder: Path) -> None:
        path = folder / name
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {name}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    return change


def _yaml(change: Callable[[dict], None]) -> Callable[[Path], None]:
    return lambda folder: edit_yaml(folder, change)


def _write(name: str, text: str, encoding: str = "utf-8") -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(text.encode(encoding))


def _delete(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


WORKERS_HEADER = "id,name,county,village,car,gender,age,skills,returning_employer,wish_district,wish_job\n"

# (id, how to break the tiny scenario, words the one-line message must contain)
BAD: list[tuple[str, Callable[[Path], None], tuple[str, ...]]] = [
    ("missing roster file", _delete("workers.csv"), ("workers.csv", "file not found")),
    (
        "unknown key with suggestion",
        _yaml(lambda r: r["train"].update(arival="21:30")),
        ("train.arival", "did you mean 'arrival'"),
    ),
    (
        "typo in a district",
        _replace("enterprises.csv", ",chengyang,", ",chengyan,"),
        ("enterprises.csv", "chengyan", "did you mean 'chengyang'"),
    ),
    ("negative seats", _yaml(lambda r: r["fleet"]["minibus_12"].update(seats=-12)), ("fleet.minibus_12.seats", "-12")),
    ("time 25:00", _yaml(lambda r: r["train"].update(arrival="25:00")), ("train.arrival", "25:00")),
    (
        "more workers than train seats",
        _yaml(lambda r: r["train"].update(seats_per_car=5)),
        ("8 workers", "5 seats", "train.cars"),
    ),
    ("duplicated worker id", _replace("workers.csv", "W2,", "W1,"), ("workers.csv", "row 3", "duplicate id 'W1'")),
    ("empty roster", _write("workers.csv", WORKERS_HEADER), ("workers.csv", "no rows")),
    (
        "CSV missing a column",
        _replace("enterprises.csv", "id,name,district,lat,lon,", "id,name,district,lon,"),
        ("enterprises.csv", "missing column 'lat'"),
    ),
    (
        "CSV not UTF-8",
        _write("workers.csv", WORKERS_HEADER + "W1,王建国,tongwei,,1,M,34,general,,,\n", "gbk"),
        ("workers.csv", "not UTF-8", "line 2"),
    ),
    ("unknown section", _yaml(lambda r: r.update(polcy={})), ("polcy", "did you mean 'policy'")),
    (
        "returning employer does not exist",
        _replace("workers.csv", ",T1,,", ",T9,,"),
        ("workers.csv", "returning_employer", "T9"),
    ),
    (
        "skill that is not a job",
        _replace("workers.csv", "general;operator,T1", "general;welder,T1"),
        ("skills", "welder"),
    ),
    ("gender not M or F", _replace("workers.csv", ",M,34,", ",X,34,"), ("gender", "'X'")),
    ("ragged CSV row", _replace("workers.csv", "W3,张强,tongwei,", "W3,张强,"), ("workers.csv", "row 4", "values")),
    ("latitude not a number", _replace("enterprises.csv", "36.2900", "abc"), ("row 2", "lat", "'abc'")),
    (
        "latitude and longitude swapped",
        _replace("enterprises.csv", "36.2900,120.3900", "120.3900,36.2900"),
        ("T1", "km from the station", "swapped"),
    ),
    ("YAML syntax error", _replace("scenario.yaml", "  cars: 1", "  cars: [1"), ("scenario.yaml", "YAML syntax")),
    (
        "check-in closes before it opens",
        _replace("enterprises.csv", "18:00,02:00,coach,,\nT2", "18:00,17:00,coach,,\nT2"),
        ("checkin_close", "T1"),
    ),
    ("own pickup without seats", _replace("enterprises.csv", "02:30,coach,,", "02:30,own,,"), ("T3", "own_seats")),
    (
        "generator shares do not sum to 1",
        _yaml(lambda r: r.update(workers={"generate": {"count": 5, "county_shares": {"min": 0.5, "zhang": 0.3}}})),
        ("workers.generate.county_shares", "sum to 1"),
    ),
    (
        "unknown key in a coach type",
        _yaml(lambda r: r["fleet"]["minibus_12"].update(seat=12)),
        ("fleet.minibus_12.seat", "did you mean 'seats'"),
    ),
    ("zero stops", _yaml(lambda r: r["policy"].update(max_stops=0)), ("policy.max_stops",)),
    (
        "too few coach seats",
        _yaml(lambda r: r["fleet"]["minibus_12"].update(seats=5)),
        ("8 workers go by coach", "5 seats", "policy.routes: closed"),
    ),
    ("wished district unknown", _replace("workers.csv", ",jimo,", ",jimoo,"), ("wish_district", "jimoo")),
    ("negative coefficient of variation", _yaml(lambda r: r["travel"].update(cv=-0.1)), ("travel.cv",)),
    ("impossible date", _yaml(lambda r: r["meta"].update(date="2023-02-30")), ("meta.date", "2023-02-30")),
    ("yes for a number", _yaml(lambda r: r["train"].update(cars=True)), ("train.cars", "whole number")),
    (
        "unknown CSV column",
        _replace("workers.csv", "wish_job\n", "wish_jobs\n"),
        ("unknown column 'wish_jobs'", "did you mean 'wish_job'"),
    ),
    ("missing section", _yaml(lambda r: r.pop("fleet")), ("fleet", "missing")),
    ("roster and generator both", _yaml(lambda r: r["workers"].update(generate={"count": 3})), ("either",)),
    ("district table missing", _yaml(lambda r: r.update(districts="nowhere.csv")), ("nowhere.csv", "not found")),
    (
        "unclosed quote in a CSV",
        _replace("workers.csv", "W3,张强,", 'W3,"张强,'),
        ("workers.csv", "row 4", "never closed"),
    ),
    ("max ride not a number", _yaml(lambda r: r["policy"].update(max_ride_min="long")), ("policy.max_ride_min",)),
]


@pytest.mark.parametrize(("name", "breaker", "words"), BAD, ids=[b[0] for b in BAD])
def test_bad_scenario_gives_one_clear_line(tiny_dir: Path, name: str, breaker, words: tuple[str, ...]) -> None:
    breaker(tiny_dir)
    with pytest.raises(scenarios.ScenarioError) as info:
        scenarios.load(tiny_dir)
    message = str(info.value)
    assert "\n" not in message
    assert "Fix:" in message
    for word in words:
        assert word in message, f"{word!r} not in: {message}"


def test_at_least_twenty_distinct_bad_scenarios() -> None:
    assert len({name for name, _, _ in BAD}) >= 20


@pytest.mark.parametrize(("name", "breaker", "words"), BAD[:8], ids=[b[0] for b in BAD[:8]])
def test_cli_exit_code_two(tiny_dir: Path, capsys, name: str, breaker, words) -> None:
    breaker(tiny_dir)
    assert main(["check", str(tiny_dir)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and len(err.splitlines()) == 1


def test_cli_check_prints_summary(capsys) -> None:
    assert main(["check", "dingxi_qingdao_2023"]) == 0
    out = capsys.readouterr().out
    assert "531" in out and "Jiaozhou" in out and "coach seats in all" in out
