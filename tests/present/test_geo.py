"""WGS-84 and GCJ-02: the offset in Qingdao is a few hundred metres, the inverse undoes it, outside China nothing."""

from __future__ import annotations

import numpy as np
import pytest

from present.geo import convert, gcj02_to_wgs84, wgs84_to_gcj02

QINGDAO_NORTH = (120.374, 36.169)


def _metres(a: tuple, b: tuple) -> float:
    dx = (a[0] - b[0]) * 111_320 * np.cos(np.radians(a[1]))
    return float(np.hypot(dx, (a[1] - b[1]) * 110_540))


def test_the_offset_in_qingdao_is_hundreds_of_metres_to_the_east() -> None:
    g = wgs84_to_gcj02(*QINGDAO_NORTH)
    assert 300 < _metres(QINGDAO_NORTH, g) < 700 and g[0] > QINGDAO_NORTH[0]


def test_the_inverse_undoes_the_offset_to_a_centimetre() -> None:
    rng = np.random.default_rng(3)
    lon, lat = rng.uniform(119.5, 121.0, 200), rng.uniform(35.5, 37.0, 200)
    back = gcj02_to_wgs84(*wgs84_to_gcj02(lon, lat))
    assert np.abs(back[0] - lon).max() < 1e-7 and np.abs(back[1] - lat).max() < 1e-7


def test_outside_china_and_same_datum_nothing_moves() -> None:
    assert wgs84_to_gcj02(2.35, 48.85) == (2.35, 48.85)
    assert convert(120.0, 36.0, "gcj02", "gcj02") == (120.0, 36.0)
    with pytest.raises(ValueError, match="bd09"):
        convert(120.0, 36.0, "bd09", "wgs84")
