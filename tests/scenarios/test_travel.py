"""The travel-time model: distances, speed bands, matrices, speed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import scenarios
from scenarios.model import Travel
from scenarios.travel import TravelModel, banded_minutes, haversine_km


def test_haversine_one_degree_of_latitude() -> None:
    assert haversine_km(36.0, 120.0, 37.0, 120.0) == pytest.approx(111.2, abs=0.2)


def test_speed_bands() -> None:
    t = Travel(urban_kmh=30, suburban_kmh=60, expressway_kmh=90, urban_km=5, suburban_km=25)
    assert banded_minutes(np.array([5.0]), t)[0] == pytest.approx(10.0)
    assert banded_minutes(np.array([25.0]), t)[0] == pytest.approx(30.0)
    assert banded_minutes(np.array([115.0]), t)[0] == pytest.approx(90.0)


def test_station_to_pingdu_is_about_two_hours() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    minutes, km = sc.travel_model.legs(["station"], ["district:pingdu"])
    assert 90 < km[0, 0] < 120 and 70 < minutes[0, 0] < 130


def test_matrix_is_symmetric_and_zero_on_diagonal() -> None:
    sc = scenarios.load("dingxi_qingdao_2023")
    ids = ["station", *sc.enterprises.index[:20]]
    minutes, km = sc.travel_model.legs(ids, ids)
    assert np.allclose(minutes, minutes.T) and np.allclose(np.diag(km), 0)


def test_500_by_500_is_vectorised() -> None:
    rng = np.random.default_rng(0)
    places = pd.DataFrame(
        {"lat": 36 + rng.random(500), "lon": 120 + rng.random(500)}, index=[f"p{i}" for i in range(500)]
    )
    model = TravelModel(Travel(), places)
    minutes, _km = model.legs(list(places.index), list(places.index))
    assert minutes.shape == (500, 500) and np.isfinite(minutes).all()


def test_travel_matrix_file(tiny_dir) -> None:
    from tests.scenarios.conftest import edit_yaml

    ids = ["station", "T1", "T2", "T3"]
    rows = [f"{a},{b},{10 + i + j},{5 + i + j}" for i, a in enumerate(ids) for j, b in enumerate(ids) if i < j]
    (tiny_dir / "times.csv").write_text("from,to,minutes,km\n" + "\n".join(rows) + "\n", encoding="utf-8")
    edit_yaml(tiny_dir, lambda raw: raw["travel"].update(mode="matrix", matrix="times.csv"))
    sc = scenarios.load(tiny_dir)
    assert not [w for w in sc.warnings if "travel-time matrix" in w]
    minutes, _km = sc.travel_model.legs(["station", "T2"], ["T1", "station"])
    assert minutes.tolist() == [[11.0, 0.0], [13.0, 12.0]]
    with pytest.raises(scenarios.ScenarioError, match="no leg from"):
        sc.travel_model.legs(["station"], ["district:jimo"])


def test_travel_matrix_missing_legs_are_a_warning(tiny_dir) -> None:
    """A partial matrix loads (a given plan may need only its legs) but says which legs planning lacks."""
    from tests.scenarios.conftest import edit_yaml

    (tiny_dir / "times.csv").write_text("from,to,minutes,km\nstation,T1,20,15\nT2,station,15,10\n", encoding="utf-8")
    edit_yaml(tiny_dir, lambda raw: raw["travel"].update(mode="matrix", matrix="times.csv"))
    sc = scenarios.load(tiny_dir)
    (warning,) = [w for w in sc.warnings if "travel-time matrix" in w]
    assert "times.csv" in warning and "no leg between 'station' and 'T3'" in warning
    assert "4 of the 6 legs" in warning and "Fix:" in warning


def test_needed_legs_follow_one_district_per_coach(tiny_dir) -> None:
    """By district, tiny's three enterprises (three districts) need only their legs to the station."""
    from scenarios.travel import needed_legs
    from tests.scenarios.conftest import edit_yaml

    edit_yaml(tiny_dir, lambda raw: raw["policy"].update(one_district_per_coach=True))
    assert needed_legs(scenarios.load(tiny_dir)) == [("station", "T1"), ("station", "T2"), ("station", "T3")]
