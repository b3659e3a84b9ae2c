"""Bad scenarios: each gives one clear line naming the file, field or row and the fix, and exit code 2."""

from __future__ import annotations

import itertools
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


def _matrix(*rows: str) -> Callable[[Path], None]:
    """Switch the scenario to a travel-time matrix times.csv with these rows."""

    def change(folder: Path) -> None:
        (folder / "times.csv").write_text("from,to,minutes,km\n" + "\n".join(rows) + "\n", encoding="utf-8")
        edit_yaml(folder, lambda r: r["travel"].update(mode="matrix", matrix="times.csv"))

    return change


def _column(name: str, table: str, first: str) -> Callable[[Path], None]:
    """Add a column to a table: ``first`` on its first row, blank below."""

    def change(folder: Path) -> None:
        lines = (folder / table).read_text(encoding="utf-8").splitlines()
        cells = [name, first] + [""] * (len(lines) - 2)
        text = "".join(f"{line},{c}\n" for line, c in zip(lines, cells, strict=True))
        (folder / table).write_text(text, encoding="utf-8")

    return change


#: Every leg between the station and tiny's three enterprises, one direction each (rows 2 to 7 of times.csv).
ALL_LEGS = [f"{a},{b},10,5" for a, b in itertools.combinations(["station", "T1", "T2", "T3"], 2)]

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
        "CSV in no known encoding",
        lambda folder: (folder / "workers.csv").write_bytes(
            WORKERS_HEADER.encode() + b"W1,\x81 \xff,tongwei,,1,M,34,general,,,\n"
        ),
        ("workers.csv", "not text in UTF-8, GBK or GB18030", "line 2"),
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
    (
        "impossible date, unquoted",
        _replace("scenario.yaml", "date: 2023-02-01", "date: 2023-02-30"),
        ("scenario.yaml", "'2023-02-30' on line 5", "not a calendar date", "YYYY-MM-DD"),
    ),
    ("month 13, unquoted", _replace("scenario.yaml", "date: 2023-02-01", "date: 2023-13-01"), ("2023-13-01", "line 5")),
    (
        "YAML tag that does not fit",
        _replace("scenario.yaml", "  cars: 1\n", "  cars: !!int abc\n"),
        ("scenario.yaml", "'abc' on line 16 as int", "'!!int' tag"),
    ),
    (
        "unknown place in the travel matrix",
        _matrix(*ALL_LEGS, "statoin,T1,10,5"),
        ("times.csv", "row 8", "from", "'statoin'", "did you mean 'station'"),
    ),
    (
        "bare district id in the travel matrix",
        _matrix(*ALL_LEGS, "station,jimo,30,20"),
        ("times.csv", "row 8", "to", "did you mean 'district:jimo'"),
    ),
    (
        "duplicate leg in the travel matrix",
        _matrix(*ALL_LEGS, "station,T1,12,6"),
        ("times.csv", "row 8", "duplicate leg from 'station' to 'T1'", "first on row 2"),
    ),
    (
        "enterprise id 'station'",
        _replace("enterprises.csv", "T2,", "station,"),
        ("enterprises.csv", "row 3", "id", "'station' is reserved"),
    ),
    (
        "enterprise id of a district centre",
        _replace("enterprises.csv", "T2,", "district:jimo,"),
        ("enterprises.csv", "row 3", "'district:jimo' is reserved"),
    ),
    (
        "car number beyond 64 bits",
        _replace("workers.csv", "马家村,1,M,34", "马家村,99999999999999999999999,M,34"),
        ("workers.csv", "row 2", "car", "out of range"),
    ),
    (
        "absurd number of posts",
        _replace("enterprises.csv", "120.3900,3,1", "120.3900,1e30,1"),
        ("enterprises.csv", "row 2", "posts_general", "0 to 100,000", "'1e30'"),
    ),
    (
        "absurd number of coaches",
        _yaml(lambda r: r["fleet"]["minibus_12"].update(count=10**23)),
        ("fleet.minibus_12.count", "0 to 10,000"),
    ),
    ("absurd number of cars", _yaml(lambda r: r["train"].update(cars=10**23)), ("train.cars", "1 to 1,000")),
    ("absurd coach seats", _yaml(lambda r: r["fleet"]["minibus_12"].update(seats=530)), ("seats", "1 to 100")),
    (
        "absurd generated roster",
        _yaml(lambda r: r.update(workers={"generate": {"count": 10**9, "county_shares": {"min": 1.0}}})),
        ("workers.generate.count", "1 to 200,000"),
    ),
    (
        "negative dormitory beds",
        _column("max_female", "enterprises.csv", "-5"),
        ("enterprises.csv", "row 2", "max_female", "'-5'", "blank = no limit"),
    ),
    (
        "own vehicle with absurd seats",
        _replace("enterprises.csv", "02:30,coach,,", "02:30,own,1e25,21:00"),
        ("enterprises.csv", "row 4", "own_seats", "0 to 100"),
    ),
    (
        "time zone that does not exist",
        _yaml(lambda r: r["meta"].update(timezone="Mars/Olympus")),
        ("meta.timezone", "'Mars/Olympus'", "IANA"),
    ),
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
    assert err.startswith("错误：") and len(err.splitlines()) == 1


def test_cli_check_prints_summary(capsys) -> None:
    assert main(["check", "dingxi_qingdao_2023", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "531" in out and "Jiaozhou" in out and "coach seats in all" in out
