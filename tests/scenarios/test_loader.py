"""Loading the bundled scenarios: the facts they must hold."""

from __future__ import annotations

import pytest

import scenarios
from scenarios.loader import bundled_names


def test_bundled_names() -> None:
    assert set(bundled_names()) >= {"tiny", "dingxi_qingdao_2023", "dingxi_qingdao_2024", "dingxi_qingdao_2025"}


@pytest.mark.parametrize("name", ["tiny", "dingxi_qingdao_2023", "dingxi_qingdao_2024", "dingxi_qingdao_2025"])
def test_bundled_scenarios_load_and_validate(name: str) -> None:
    sc = scenarios.load(name)
    assert len(sc.workers) >= 1
    assert sc.workers.index.is_unique and sc.enterprises.index.is_unique
    assert set(sc.enterprises["district"]) <= set(sc.districts.index)
    assert len(sc.workers) <= sc.train.seats


def test_default_scenario_holds_the_reported_facts() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    assert (len(sc.workers), len(sc.enterprises)) == (531, 127)
    assert sc.train.number == "G2093" and sc.train.arrival == "21:30" and str(sc.meta.date) == "2023-02-01"
    assert len(sc.districts) == 10
    assert set(sc.workers["county"]) == {"anding", "tongwei", "longxi", "weiyuan", "lintao", "zhang", "min"}
    assert (sc.station.lat, sc.station.lon) == (36.1706, 120.3750)


def test_2024_and_2025_facts() -> None:
    sc24 = scenarios.load("dingxi_qingdao_2024")
    assert len(sc24.workers) == 530 and len(sc24.enterprises) >= 300 and sc24.train.arrival == "21:35"
    sc25 = scenarios.load("dingxi_qingdao_2025")
    w = sc25.workers
    assert len(w) == 530 and sc25.train.number == "G2096" and sc25.train.arrival == "21:33"
    assert (w["returning_employer"] != "").sum() == 345
    assert (w["age"] < 40).sum() == 381
    own = sc25.enterprises[sc25.enterprises["pickup"] == "own"]
    assert (own["own_seats"] >= 20).any()


def test_enterprise_sizes_look_real() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    posts = sc.posts.sum(axis=1)
    assert (posts <= 6).mean() > 0.6, "most enterprises take 1 to 5 workers"
    assert 1 <= (posts >= 20).sum() <= 12, "a few take 20 to 40"


def test_generated_roster_is_reproducible(tiny_dir) -> None:
    from tests.scenarios.conftest import edit_yaml

    edit_yaml(tiny_dir, lambda raw: raw.update(workers={"generate": {"count": 12, "county_shares": {"min": 1.0}}}))
    a = scenarios.load(tiny_dir)
    b = scenarios.load(tiny_dir)
    assert a.workers.equals(b.workers)
    assert len(a.workers) == 12 and set(a.workers["county"]) == {"min"}


def test_overrides_change_the_scenario() -> None:
    sc = scenarios.load("dingxi_qingdao_2023", overrides={"train.delay_min": 60, "fleet.coach_53.count": 8})
    assert sc.train.delay_min == 60 and sc.fleet["coach_53"].count == 8


def test_unknown_override_names_nearest_paths() -> None:
    with pytest.raises(scenarios.ScenarioError, match=r"did you mean 'train\.delay_min'"):
        scenarios.load("dingxi_qingdao_2023", overrides={"train.delay_mn": 60})


def test_windows_line_endings_load(tiny_dir) -> None:
    for name in ("workers.csv", "enterprises.csv"):
        path = tiny_dir / name
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert len(scenarios.load(tiny_dir).workers) == 8


def test_output_folder_that_is_a_file_is_a_clear_error(tmp_path) -> None:
    """--out naming a file gives the project's error, not a FileExistsError traceback."""
    from scenarios import ScenarioError
    from scenarios.io import write_text_atomic

    (tmp_path / "plan").write_text("not a folder")
    with pytest.raises(ScenarioError, match="a file of that name is in the way"):
        write_text_atomic(tmp_path / "plan" / "routes.csv", "x")
