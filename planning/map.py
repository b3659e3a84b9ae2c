"""The coach routes on a map: district centres, enterprises sized by their workers, every trip from the station.

The map is drawn in the scenario's own datum (``travel.crs``, named on the axes); ``map_points`` gives the points
converted for a basemap (WGS-84 for OpenStreetMap tiles, GCJ-02 for Chinese map services).
"""

from __future__ import annotations

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.transforms import Bbox, ScaledTranslation

from planning.plan import Plan
from present.catalog import text
from present.figure import Chart, figure
from present.fonts import rc
from present.geo import convert
from present.lang import column, named
from present.outlines import district_outlines
from scenarios import Scenario

CRS_NAMES = {"wgs84": "WGS-84", "gcj02": "GCJ-02"}


def map_points(sc: Scenario, plan: Plan, basemap_crs: str = "wgs84") -> pd.DataFrame:
    """The station, the districts and the enterprises (with their workers) for a basemap, in its datum.

    Coordinates are converted from the scenario's ``travel.crs`` to ``basemap_crs``: ``wgs84`` for OpenStreetMap
    tiles (folium, ipyleaflet), ``gcj02`` for AMap or Tencent tiles. Columns: kind, id, name_zh, name_en, district,
    workers, lon, lat.
    """
    ents = sc.enterprises
    workers = plan.workers_per_enterprise().reindex(ents.index).fillna(0).astype(int)
    rows = [("station", "station", sc.station.name_zh, sc.station.name_en, "", 0, sc.station.lon, sc.station.lat)]
    rows += [("district", d, r["name_zh"], r["name_en"], d, 0, r["lon"], r["lat"]) for d, r in sc.districts.iterrows()]
    rows += [("enterprise", e, r["name"], r["name"], r["district"], int(workers[e]), r["lon"], r["lat"])
             for e, r in ents.iterrows()]
    frame = pd.DataFrame(rows, columns=["kind", "id", "name_zh", "name_en", "district", "workers", "lon", "lat"])
    lon, lat = convert(frame["lon"].to_numpy(float), frame["lat"].to_numpy(float), sc.travel.crs, basemap_crs)
    return frame.assign(lon=lon, lat=lat)


def _t(key: str, lang: str, **kw: object) -> str:
    return text(f"map.{key}", lang, **kw)


def routes_map(sc: Scenario, plan: Plan, lang: str = "zh") -> Chart:
    """District centres, enterprises sized by their workers, and every coach trip as a line from the station."""
    with mpl.rc_context(rc(lang)):
        return _routes_map(sc, plan, lang)


def _routes_map(sc: Scenario, plan: Plan, lang: str) -> Chart:
    fig = figure(lang, figsize=(9, 9), layout="constrained")
    ax = fig.add_subplot()
    ents = sc.enterprises
    workers = plan.workers_per_enterprise().reindex(ents.index).fillna(0)
    districts = list(sc.districts.index)
    colors = {d: f"C{i % 10}" for i, d in enumerate(districts)}
    outlines = district_outlines(districts, sc.travel.crs)
    for d, rings in outlines.items():
        for ring in rings:
            ax.fill(ring[:, 0], ring[:, 1], facecolor=mpl.colors.to_rgba(colors[d], 0.08), edgecolor="#888888",
                    lw=0.7, zorder=0)
    if outlines:
        fig.text(0.01, 0.003, _t("source", lang), fontsize=7, color="#666666")
    if plan.routes is not None and not plan.routes.empty:
        for (_, _), trip in plan.routes.sort_values("stop_order").groupby(["coach_id", "trip"]):
            pts = ents.loc[trip["enterprise_id"], ["lon", "lat"]].to_numpy()
            line = np.vstack([[sc.station.lon, sc.station.lat], pts])
            ax.plot(line[:, 0], line[:, 1], color=colors.get(trip["district"].iloc[0], "grey"), lw=0.9, alpha=0.6)
        trips = plan.routes.groupby(["coach_id", "trip"]).ngroups
    else:
        trips = 0
    ax.scatter(
        ents["lon"],
        ents["lat"],
        s=8 + 6 * workers.to_numpy(),
        c=[colors[d] for d in ents["district"]],
        alpha=0.75,
        edgecolors="white",
        linewidths=0.4,
        label=_t("enterprise", lang),
        zorder=3,
    )
    for _, row in sc.districts.iterrows():
        ax.scatter(row["lon"], row["lat"], marker="s", s=40, color=colors[row.name], edgecolors="black", zorder=4)
    ax.scatter(
        [sc.station.lon],
        [sc.station.lat],
        marker="*",
        s=320,
        color="crimson",
        edgecolors="black",
        zorder=6,
        label=named(sc.station, lang),
    )
    ax.set_aspect(1.0 / np.cos(np.radians(sc.station.lat)))
    crs = CRS_NAMES[sc.travel.crs]
    ax.set_xlabel(_t("lon", lang, crs=crs))
    ax.set_ylabel(_t("lat", lang, crs=crs))
    ax.set_title(_t("routes", lang, n=trips))
    ax.legend(loc="lower right")
    ax.grid(alpha=0.3)
    _district_labels(fig, ax, sc, lang)
    return fig


#: Where a district's name may go, in points from its centre (tried in turn): beside it first, then further out
#: with a leader line.
LABEL_OFFSETS = ((6, 5), (24, -26), (-24, -26), (24, 24), (-24, 24), (44, -46), (-44, -46), (44, 44), (-44, 44),
                 (64, -10), (-64, -10), (64, -64), (-64, -64))


def _district_labels(fig: Chart, ax, sc: Scenario, lang: str) -> None:
    """Each district's name near its centre where it covers no other name, district centre or the station (the
    city's small central districts lie close together), with a leader line when it had to move away."""
    fig.draw_without_rendering()  # fixes the axes' limits and layout, so label boxes can be measured
    name = column(lang)
    points = np.vstack([sc.districts[["lon", "lat"]].to_numpy(float), [[sc.station.lon, sc.station.lat]]])
    pad = 7 * fig.dpi / 72  # a marker's half width, in pixels
    centres = ax.transData.transform(points)
    placed = [Bbox.from_extents(x - pad, y - pad, x + pad, y + pad) for x, y in centres]
    for i in np.argsort(-sc.districts["lat"].to_numpy(float), kind="stable"):
        row = sc.districts.iloc[i]
        others = placed[:i] + placed[i + 1:]  # every box but the district's own marker
        for k, (dx, dy) in enumerate(LABEL_OFFSETS):
            shift = ScaledTranslation(dx / 72, dy / 72, fig.dpi_scale_trans)
            label = ax.text(row["lon"], row["lat"], row[name], transform=ax.transData + shift, fontsize=10,
                            ha="left" if dx > 0 else "right", va="bottom" if dy > 0 else "top", zorder=7,
                            bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.8})
            box = label.get_window_extent().expanded(1.04, 1.1)
            corner = np.array([box.x0 if dx > 0 else box.x1, box.y0 if dy > 0 else box.y1])
            # A leader line (from the centre to the label's nearest corner) must not pass another centre.
            crossed = k > 0 and any(_near_segment(c, centres[i], corner, pad) for j, c in enumerate(centres)
                                    if j != i)
            if not (crossed or any(box.overlaps(other) for other in others)) or k == len(LABEL_OFFSETS) - 1:
                placed.append(box)
                if k:
                    end = ax.transData.inverted().transform(corner)
                    ax.plot([row["lon"], end[0]], [row["lat"], end[1]], color="black", lw=0.7, zorder=6)
                break
            label.remove()


def _near_segment(point: np.ndarray, a: np.ndarray, b: np.ndarray, distance: float) -> bool:
    """Whether ``point`` lies within ``distance`` of the segment from ``a`` to ``b`` (display pixels)."""
    ab = b - a
    t = float(np.clip(np.dot(point - a, ab) / max(float(np.dot(ab, ab)), 1e-12), 0.0, 1.0))
    return float(np.linalg.norm(point - (a + t * ab))) < distance
