"""Travel times and distances at night between the station, enterprises and district centres.

From coordinates: great-circle distance times the road factor, driven at urban speed for the first ``urban_km``,
suburban speed up to ``suburban_km`` and expressway speed beyond. Or from a matrix CSV (from, to, minutes, km).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from scenarios.errors import ScenarioError
from scenarios.model import Travel
from scenarios.tables import Column, read_table

if TYPE_CHECKING:
    from scenarios.scenario import Scenario

EARTH_RADIUS_KM = 6371.0088

MATRIX_COLUMNS = {
    "from": Column("str", True, doc="place id the leg starts at (station, an enterprise or a district)"),
    "to": Column("str", True, doc="place id the leg ends at"),
    "minutes": Column("float", True, doc="driving minutes at night"),
    "km": Column("float", True, doc="road km"),
}


def haversine_km(
    lat1: np.ndarray | float, lon1: np.ndarray | float, lat2: np.ndarray | float, lon2: np.ndarray | float
) -> np.ndarray:
    """Great-circle distance in km, broadcasting over arrays."""
    p1, p2 = np.radians(lat1), np.radians(lat2)
    dphi = p2 - p1
    dlmb = np.radians(np.asarray(lon2) - np.asarray(lon1))
    a = np.sin(dphi / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(a, 0.0, 1.0)))


def banded_minutes(km: np.ndarray, travel: Travel) -> np.ndarray:
    """Minutes to drive ``km`` road km: urban speed first, then suburban, then expressway."""
    km = np.asarray(km, dtype=float)
    urban = np.minimum(km, travel.urban_km)
    suburban = np.clip(km - travel.urban_km, 0.0, travel.suburban_km - travel.urban_km)
    express = np.maximum(km - travel.suburban_km, 0.0)
    hours = urban / travel.urban_kmh + suburban / travel.suburban_kmh + express / travel.expressway_kmh
    return 60.0 * hours


def read_matrix(path: Path) -> pd.DataFrame:
    """A long travel-time table with columns from, to, minutes, km."""
    table = read_table(path, MATRIX_COLUMNS, parse_clock=float, what="travel-time", keyed=False)
    bad = (table["minutes"] < 0) | (table["km"] < 0)
    if bad.any():
        raise ScenarioError(
            "negative minutes or km.",
            file=str(path),
            row=int(table.loc[bad, "row"].iloc[0]),
            fix="give minutes and km >= 0.",
        )
    return table


@dataclass(frozen=True, eq=False)
class TravelModel:
    """Minutes and km between named places; ``legs(a, b)`` is vectorised over id sequences."""

    travel: Travel
    places: pd.DataFrame  # index: place id; columns lat, lon
    matrix: pd.DataFrame | None = None

    @classmethod
    def for_scenario(cls, sc: Scenario) -> TravelModel:
        """Places: 'station', every enterprise id and every district id (district centres)."""
        places = pd.concat(
            [
                pd.DataFrame({"lat": [sc.station.lat], "lon": [sc.station.lon]}, index=["station"]),
                sc.enterprises[["lat", "lon"]],
                sc.districts[["lat", "lon"]].rename(index=lambda d: f"district:{d}"),
            ]
        )
        return cls(sc.travel, places.astype(float), sc.travel_matrix)

    def legs(self, origins: Sequence[str], destinations: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(minutes, km) matrices of shape (len(origins), len(destinations))."""
        if self.matrix is not None:
            return self._from_matrix(origins, destinations)
        a = self._coords(origins)
        b = self._coords(destinations)
        km = self.travel.road_factor * haversine_km(a[:, None, 0], a[:, None, 1], b[None, :, 0], b[None, :, 1])
        return banded_minutes(km, self.travel), km

    def _coords(self, ids: Sequence[str]) -> np.ndarray:
        try:
            return self.places.loc[list(ids), ["lat", "lon"]].to_numpy(dtype=float)
        except KeyError:
            missing = [i for i in ids if i not in self.places.index]
            raise ScenarioError(
                f"no coordinates for place(s) {missing[:5]}.", fix="use 'station', an enterprise id or 'district:<id>'."
            ) from None

    def _from_matrix(self, origins: Sequence[str], destinations: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        assert self.matrix is not None
        table = self.matrix.set_index(["from", "to"])[["minutes", "km"]]
        reverse = table.copy()
        reverse.index = reverse.index.swaplevel()
        table = pd.concat([table, reverse[~reverse.index.isin(table.index)]])
        pairs = pd.MultiIndex.from_product([list(origins), list(destinations)])
        found = table.reindex(pairs)
        same = np.array([o == d for o, d in pairs])
        found.loc[same, ["minutes", "km"]] = 0.0
        missing = found["minutes"].isna().to_numpy()
        if missing.any():
            o, d = pairs[int(np.flatnonzero(missing)[0])]
            raise ScenarioError(
                f"the travel-time matrix has no leg from '{o}' to '{d}' ({int(missing.sum())} legs missing).",
                field="travel.matrix",
                fix="add a row for every pair of places the coaches may drive between.",
            )
        shape = (len(origins), len(destinations))
        return found["minutes"].to_numpy().reshape(shape), found["km"].to_numpy().reshape(shape)

    def from_station(self, ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(minutes, km) from the station to each place."""
        minutes, km = self.legs(["station"], ids)
        return minutes[0], km[0]
