"""season.yaml against hostile values: the city confined like tables, clocks and dates checked, each mistake one
line blamed on the season file."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from scenarios import ScenarioError
from scenarios.loader import DATA_DIR
from scenarios.season import load_season


def _doc(city: str = "tiny", **arrival: object) -> dict:
    first = {"id": "A1", "kind": "train", "date": "2023-02-01", "arrival": "21:30", "origin": "定西 Dingxi",
             "point": "north", "cars": 1, "seats_per_car": 20,
             "workers": {"generate": {"count": 3, "county_shares": {"tongwei": 1.0}}}, **arrival}
    return {"season": {"name": "m", "start": "2023-02-01", "end": "2023-02-10", "city": city,
                       "fleet_per_day": {"minibus_12": 3}},
            "points": {"north": {"kind": "station"}}, "arrivals": [first]}


def _write(folder: Path, doc: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "season.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return folder


def _one_line(folder: Path, match: str) -> ScenarioError:
    with pytest.raises(ScenarioError, match=match) as info:
        load_season(folder)
    assert "\n" not in str(info.value) and str(info.value).startswith(str(folder / "season.yaml"))
    zh = info.value.render("zh")
    assert re.search(r"[\u4e00-\u9fff]", zh) and "Fix:" not in zh, zh
    return info.value


@pytest.fixture
def beside(tmp_path: Path) -> Path:
    """A copy of tiny (and its shared districts table) beside the season's folder, and one far away."""
    shutil.copytree(DATA_DIR / "tiny", tmp_path / "tiny")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp_path)
    far = tmp_path / "elsewhere" / "deep"
    shutil.copytree(DATA_DIR / "tiny", far / "tiny")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", far)
    return tmp_path


def test_a_city_beside_the_season_or_bundled_is_read(beside: Path) -> None:
    assert load_season(_write(beside / "s1", _doc("../tiny"))).city.meta.name == "tiny"
    assert load_season(_write(beside / "s2", _doc("tiny"))).city.meta.name == "tiny"


@pytest.mark.parametrize("city", ["{far}/tiny", "../elsewhere/deep/tiny", "../../../../../../../../etc",
                                  "../s/../elsewhere/deep/tiny"])
def test_a_city_outside_is_refused_and_nothing_of_it_read(beside: Path, city: str, monkeypatch) -> None:
    monkeypatch.delenv("LABOR_TRANSFER_ALLOW_DIRS", raising=False)
    folder = _write(beside / "s", _doc(city.format(far=beside / "elsewhere" / "deep")))
    err = _one_line(folder, r"season\.city: the path .* (is absolute|leads outside the season's folder)")
    assert "T1" not in str(err)


def test_an_allowed_folder_opens_the_city(beside: Path, monkeypatch) -> None:
    monkeypatch.setenv("LABOR_TRANSFER_ALLOW_DIRS", str(beside / "elsewhere"))
    assert load_season(_write(beside / "s", _doc("../elsewhere/deep/tiny"))).city.meta.name == "tiny"


def test_a_city_symlink_loop_is_one_line(tmp_path: Path) -> None:
    folder = _write(tmp_path / "s", _doc("loop"))
    (folder / "loop").symlink_to(folder / "loop")
    _one_line(folder, r"season\.city: the path 'loop' is a symlink loop")


@pytest.mark.parametrize("clock", ["25:00", "12:60", "noon", "-1:00"])
def test_an_arrival_clock_that_is_no_time_is_one_line(tmp_path: Path, clock: str) -> None:
    _one_line(_write(tmp_path, _doc(arrival=clock)), r"arrivals\.A1\.arrival: ")


@pytest.mark.parametrize(("start", "end", "day"), [("9999-12-20", "9999-12-31", "9999-12-30"),
                                                   ("0001-01-01", "0001-01-05", "0001-01-02")])
def test_dates_at_the_ends_of_the_calendar_are_one_line(tmp_path: Path, start: str, end: str, day: str) -> None:
    doc = _doc(date=day)
    doc["season"].update(start=start, end=end)
    _one_line(_write(tmp_path, doc), r"season\.start: .* is not a year of a season \(2000 to 2100\)")


def test_a_bad_point_value_is_blamed_on_the_season_file(tmp_path: Path) -> None:
    from planning.season import plan_season

    doc = _doc()
    doc["points"]["north"]["station"] = {"walk_min": 5}
    season = load_season(_write(tmp_path, doc))
    with pytest.raises(ScenarioError, match=r"points\.north\.station\.walk_min: unknown key") as info:
        plan_season(season, n_jobs=1)
    assert info.value.file == str(tmp_path / "season.yaml")
