"""The route map: the scenario's own station, in both languages."""

from __future__ import annotations

import dataclasses

import scenarios
from planning import make_plan
from planning.map import routes_map


def test_routes_map_names_the_scenarios_station() -> None:
    sc = scenarios.load("tiny")
    sc = dataclasses.replace(sc, station=dataclasses.replace(sc.station, name_en="Somewhere Central"))
    plan = make_plan(sc, time_limit=5)
    labels = [t.get_text() for t in routes_map(sc, plan, "en").axes[0].get_legend().get_texts()]
    assert "Somewhere Central" in labels
    labels = [t.get_text() for t in routes_map(sc, plan, "zh").axes[0].get_legend().get_texts()]
    assert sc.station.name_zh in labels


def test_the_map_names_its_datum_and_converts_for_a_basemap() -> None:
    from planning.map import map_points

    sc = scenarios.load("tiny")
    plan = make_plan(sc, time_limit=5)
    assert sc.travel.crs == "wgs84"  # the default
    assert "WGS-84" in routes_map(sc, plan, "zh").axes[0].get_xlabel()
    same = map_points(sc, plan, "wgs84")
    assert same.loc[0, "kind"] == "station" and same.loc[0, "lon"] == sc.station.lon
    assert same.loc[same["kind"] == "enterprise", "workers"].sum() == len(plan.placed)
    amap = map_points(sc, plan, "gcj02")
    assert (amap["lon"] > same["lon"]).all()  # GCJ-02 lies east of WGS-84 in Qingdao
    gcj = sc.with_overrides({"travel.crs": "gcj02"})
    back = map_points(gcj, plan, "wgs84")
    assert (back["lon"] < same["lon"]).all() and "GCJ-02" in routes_map(gcj, plan, "en").axes[0].get_xlabel()


def test_district_names_do_not_cover_each_other() -> None:
    """The city's small central districts (Shinan, Shibei) lie close together: their names are moved apart."""
    sc = scenarios.load("dingxi_qingdao_2023")
    plan = make_plan(sc, max_iterations=200)
    for lang in ("zh", "en"):
        fig = routes_map(sc, plan, lang)
        fig.draw_without_rendering()
        names = set(sc.districts["name_zh" if lang == "zh" else "name_en"])
        boxes = [t.get_window_extent() for t in fig.axes[0].texts if t.get_text() in names]
        assert len(boxes) == len(names)
        assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1:]), lang
