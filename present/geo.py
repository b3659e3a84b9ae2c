"""Map coordinates: WGS-84 (GPS, OpenStreetMap tiles) and GCJ-02 (the offset datum of Chinese map services).

Coordinates that bureaus copy from Chinese map services (AMap, Tencent) are GCJ-02; GPS and OpenStreetMap are WGS-84.
A scenario says which it uses (``travel.crs``: ``wgs84``, the default, or ``gcj02``); what is drawn on a basemap
is converted to the basemap's datum. The forward formula is the published one (as in the public-domain
``prcoords`` and ``eviltransform``); the inverse is solved by fixed-point iteration to about 1e-7 degrees (1 cm).
Outside mainland China's bounding box both datums are the same.
"""

from __future__ import annotations

import numpy as np

CRS = ("wgs84", "gcj02")
DEFAULT_CRS = "wgs84"
_A = 6378245.0  # semi-major axis of Krasovsky 1940, as the formula uses
_EE = 0.00669342162296594323


def _in_china(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    return (lon > 73.66) & (lon < 135.05) & (lat > 3.86) & (lat < 53.55)


def _delta(lon: np.ndarray, lat: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    x, y = lon - 105.0, lat - 35.0
    dlat = (-100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * np.sqrt(np.abs(x))
            + (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
            + (20.0 * np.sin(y * np.pi) + 40.0 * np.sin(y / 3.0 * np.pi)) * 2.0 / 3.0
            + (160.0 * np.sin(y / 12.0 * np.pi) + 320.0 * np.sin(y * np.pi / 30.0)) * 2.0 / 3.0)
    dlon = (300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * np.sqrt(np.abs(x))
            + (20.0 * np.sin(6.0 * x * np.pi) + 20.0 * np.sin(2.0 * x * np.pi)) * 2.0 / 3.0
            + (20.0 * np.sin(x * np.pi) + 40.0 * np.sin(x / 3.0 * np.pi)) * 2.0 / 3.0
            + (150.0 * np.sin(x / 12.0 * np.pi) + 300.0 * np.sin(x / 30.0 * np.pi)) * 2.0 / 3.0)
    rad = lat / 180.0 * np.pi
    magic = 1.0 - _EE * np.sin(rad) ** 2
    sqrt_magic = np.sqrt(magic)
    dlat = dlat * 180.0 / ((_A * (1.0 - _EE)) / (magic * sqrt_magic) * np.pi)
    dlon = dlon * 180.0 / (_A / sqrt_magic * np.cos(rad) * np.pi)
    inside = _in_china(lon, lat)
    return np.where(inside, dlon, 0.0), np.where(inside, dlat, 0.0)


def wgs84_to_gcj02(lon: object, lat: object) -> tuple[np.ndarray, np.ndarray]:
    """GCJ-02 longitude and latitude (arrays) of WGS-84 points."""
    lon, lat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    dlon, dlat = _delta(lon, lat)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon: object, lat: object, tol: float = 1e-9, max_iter: int = 30) -> tuple[np.ndarray, np.ndarray]:
    """WGS-84 longitude and latitude of GCJ-02 points (the forward formula inverted by iteration)."""
    glon, glat = np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    wlon, wlat = glon.copy(), glat.copy()
    for _ in range(max_iter):
        flon, flat = wgs84_to_gcj02(wlon, wlat)
        elon, elat = flon - glon, flat - glat
        wlon, wlat = wlon - elon, wlat - elat
        if np.all(np.abs(elon) < tol) and np.all(np.abs(elat) < tol):
            break
    return wlon, wlat


def convert(lon: object, lat: object, source: str, target: str) -> tuple[np.ndarray, np.ndarray]:
    """Points from datum ``source`` to ``target`` (each ``wgs84`` or ``gcj02``)."""
    for name, value in (("source", source), ("target", target)):
        if value not in CRS:
            raise ValueError(f"{name}(={value!r}) must be one of {CRS}.")
    if source == target:
        return np.asarray(lon, dtype=float), np.asarray(lat, dtype=float)
    return wgs84_to_gcj02(lon, lat) if source == "wgs84" else gcj02_to_wgs84(lon, lat)
