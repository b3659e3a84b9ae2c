"""Travel times and distances at night between the station, enterprises and district centres.

From coordinates: great-circle distance times the road factor, driven at urban speed for the first ``urban_km``,
suburban speed up to ``suburban_km`` and expressway speed beyond. Or from a matrix CSV (from, to, minutes, km).
Places are named 'station', an enterprise id, or 'district:<id>' for a district centre; ``check_place_ids`` and
``check_travel_matrix`` are the cross-checks ``validate()`` runs on them.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from scenarios.calibrated import leg_factors, nearest_district
from scenarios.errors import Msg, ScenarioError, quoted, suggest
from scenarios.model import Travel
from scenarios.scenario import STATION_ID
from scenarios.tables import Column, read_table

if TYPE_CHECKING:
    from scenarios.scenario import Scenario

EARTH_RADIUS_KM = 6371.0088
#: A district centre is the place 'district:<district id>'.
DISTRICT_PREFIX = "district:"

#: The longest leg of a travel-time matrix: a day's drive, and twice the road km a day's drive at 100 km/h covers.
MAX_LEG_MIN = 24 * 60
MAX_LEG_KM = 5_000
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
    bad = ~(table["minutes"].between(0, MAX_LEG_MIN) & table["km"].between(0, MAX_LEG_KM))
    if bad.any():
        raise ScenarioError("travel.leg_range", file=str(path), row=int(table.loc[bad, "row"].iloc[0]),
                            minutes=MAX_LEG_MIN, km=MAX_LEG_KM)
    first: dict[tuple[str, str], int] = {}
    for leg, row in zip(zip(table["from"], table["to"], strict=True), table["row"], strict=True):
        if leg in first:
            raise ScenarioError("travel.leg_twice", file=str(path), row=int(row), a=quoted(leg[0]), b=quoted(leg[1]),
                                first=first[leg])
        first[leg] = int(row)
    return table


def place_ids(sc: Scenario) -> set[str]:
    """The names of the places of the scenario: the station, its enterprises and its district centres."""
    return {STATION_ID, *map(str, sc.enterprises.index), *(f"{DISTRICT_PREFIX}{d}" for d in sc.districts.index)}


def needed_legs(sc: Scenario) -> list[tuple[str, str]]:
    """The legs planning asks the travel model for, one direction each.

    The station to every enterprise (placement), and every pair of coach enterprises with posts that one coach
    trip may serve together (routing): those of one district when ``policy.one_district_per_coach``, else all.
    """
    ents = sc.enterprises
    legs = [(STATION_ID, str(e)) for e in ents.index]
    served = ents[(ents["pickup"] == "coach") & (sc.posts.sum(axis=1) > 0)]
    groups = served.groupby("district").groups.values() if sc.policy.one_district_per_coach else [served.index]
    for ids in groups:
        legs.extend(itertools.combinations(sorted(map(str, ids)), 2))
    return legs


def check_place_ids(sc: Scenario, file: str) -> list[str]:
    """No enterprise id is a name the travel model keeps for the station or a district centre."""
    for ent in map(str, sc.enterprises.index):
        if ent == STATION_ID or ent.startswith(DISTRICT_PREFIX):
            raise ScenarioError("travel.reserved_id", file=sc.table_file("enterprises"),
                                row=int(sc.enterprises.at[ent, "row"]), field="id", ident=ent, station=STATION_ID,
                                prefix=DISTRICT_PREFIX)
    return []


def check_travel_matrix(sc: Scenario, file: str) -> list[str]:
    """The matrix names only known places; a warning lists the legs planning needs that it lacks."""
    matrix = sc.travel_matrix
    if matrix is None:
        return []
    path = sc.table_file("travel")
    known = place_ids(sc)
    for column in ("from", "to"):
        bad = ~matrix[column].isin(known).to_numpy()
        if bad.any():
            i = int(bad.argmax())
            name = str(matrix[column].iat[i])
            near = f"{DISTRICT_PREFIX}{name}"
            hint = Msg("hint.did_you_mean", word=near) if near in known else suggest(name, known)
            raise ScenarioError("travel.unknown_place", file=path, row=int(matrix["row"].iat[i]), field=column,
                                fix=Msg("travel.place.fix", station=STATION_ID, prefix=DISTRICT_PREFIX),
                                name=quoted(name), hint=hint)
    given = set(zip(matrix["from"], matrix["to"], strict=True))
    needed = needed_legs(sc)
    missing = [(a, b) for a, b in needed if (a, b) not in given and (b, a) not in given]
    if not missing:
        return []
    a, b = missing[0]
    return [Msg("travel.legs_missing", path=path, a=a, b=b, n=len(missing), total=len(needed))]


@dataclass(frozen=True, eq=False)
class TravelModel:
    """Minutes and km between named places; ``legs(a, b)`` is vectorised over id sequences."""

    travel: Travel
    places: pd.DataFrame  # index: place id; columns lat, lon
    matrix: pd.DataFrame | None = None
    #: Calibrated district factors (``scenarios.calibrated``) and each place's district, when there are factors.
    district_factors: dict[str, float] = field(default_factory=dict)
    place_district: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_scenario(cls, sc: Scenario) -> TravelModel:
        """Places: 'station', every enterprise id and every district id (district centres)."""
        places = pd.concat(
            [
                pd.DataFrame({"lat": [sc.station.lat], "lon": [sc.station.lon]}, index=[STATION_ID]),
                sc.enterprises[["lat", "lon"]],
                sc.districts[["lat", "lon"]].rename(index=lambda d: f"{DISTRICT_PREFIX}{d}"),
            ]
        )
        factors = sc.calibrated.district_factors if sc.calibrated is not None else {}
        return cls(sc.travel, places.astype(float), sc.travel_matrix, factors, place_districts(sc) if factors else {})

    def legs(self, origins: Sequence[str], destinations: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(minutes, km) matrices of shape (len(origins), len(destinations)); minutes times the calibrated
        district factors when the scenario has them."""
        if self.matrix is not None:
            minutes, km = self._from_matrix(origins, destinations)
        else:
            a = self._coords(origins)
            b = self._coords(destinations)
            km = self.travel.road_factor * haversine_km(a[:, None, 0], a[:, None, 1], b[None, :, 0], b[None, :, 1])
            minutes = banded_minutes(km, self.travel)
        if self.district_factors:
            where = self.place_district
            minutes = minutes * leg_factors([where.get(o, "") for o in origins],
                                            [where.get(d, "") for d in destinations], self.district_factors)
        return minutes, km

    @functools.cached_property
    def _rows(self) -> tuple[dict[str, int], np.ndarray]:
        """Each place's row and the (lat, lon) array: a trip's few stops looked up without a pandas ``loc``."""
        return {p: k for k, p in enumerate(self.places.index)}, self.places[["lat", "lon"]].to_numpy(dtype=float)

    def _coords(self, ids: Sequence[str]) -> np.ndarray:
        rows, coords = self._rows
        try:
            return coords[[rows[i] for i in ids]].reshape(-1, 2)
        except KeyError:
            missing = [i for i in ids if i not in self.places.index]
            raise ScenarioError("travel.no_coordinates", places=str(missing[:5]),
                                fix=Msg("travel.place.fix", station=STATION_ID, prefix=DISTRICT_PREFIX)) from None

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
            raise ScenarioError("travel.no_leg", field="travel.matrix", a=o, b=d, n=int(missing.sum()))
        shape = (len(origins), len(destinations))
        return found["minutes"].to_numpy().reshape(shape), found["km"].to_numpy().reshape(shape)

    def from_station(self, ids: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
        """(minutes, km) from the station to each place."""
        minutes, km = self.legs(["station"], ids)
        return minutes[0], km[0]


def place_districts(sc: Scenario) -> dict[str, str]:
    """Each place's district: an enterprise's own, a centre's, and the station's nearest centre."""
    ids = [str(d) for d in sc.districts.index]
    centres = sc.districts[["lat", "lon"]].to_numpy(dtype=float)
    out = {str(e): str(d) for e, d in sc.enterprises["district"].items()}
    out.update({f"{DISTRICT_PREFIX}{d}": d for d in ids})
    out[STATION_ID] = nearest_district(float(sc.station.lat), float(sc.station.lon), centres, ids)
    return out
