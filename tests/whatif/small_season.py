"""A two-night season of small trains on tiny's enterprises, for tests that run the ``season`` command quickly."""

from __future__ import annotations

import shutil
from pathlib import Path

import yaml

from scenarios.loader import DATA_DIR


def two_night_season(root: Path) -> Path:
    """Write under ``root`` a copy of tiny and a season of two 3-worker trains on it; the season's folder."""
    arrivals = [{"id": f"A{k}", "kind": "train", "date": f"2023-02-0{k}", "arrival": "21:30", "origin": "定西 Dingxi",
                 "point": "north", "cars": 1, "seats_per_car": 20,
                 "workers": {"generate": {"count": 3, "county_shares": {"tongwei": 1.0}}}} for k in (1, 2)]
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(DATA_DIR / "tiny", root / "tiny")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", root)
    doc = {"season": {"name": "two", "start": "2023-02-01", "end": "2023-02-03", "city": "../tiny",
                      "fleet_per_day": {"minibus_12": 3}},
           "points": {"north": {"kind": "station"}}, "arrivals": arrivals}
    (root / "season").mkdir()
    (root / "season" / "season.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return root / "season"
