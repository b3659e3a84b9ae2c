"""Into the transfer: matched seekers from a partner region become the roster of an arrival night.

``roster_scenario(result, out_dir)`` writes a scenario folder beside a base night (by default the bundled
``dingxi_qingdao_2023``: its train, fleet, station and policy): ``workers.csv`` holds the matched seekers whose home
county is one of the base's counties (first registered first, up to the train's seats), each with their matched
enterprise as ``returning_employer`` (the placement sends them there) and its district as ``wish_district``;
``enterprises.csv`` holds those enterprises with one post per matched worker. ``labor-transfer plan`` then places
and routes them.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from planning.match.match import FairMatch
from scenarios.aliases import COUNTIES, normal
from scenarios.io import atomic_folder
from scenarios.loader import DATA_DIR
from scenarios.writers import write_csv

BASE = "dingxi_qingdao_2023"
JOB = "general"


def roster_tables(result: FairMatch, max_workers: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(workers, enterprises) of the night: matched seekers from the base's counties and their employers."""
    county_of = {normal(zh): ident for ident, (zh, _) in COUNTIES.items()}
    seekers = result.sc.seekers.reset_index(drop=True)
    county = seekers["home"].map(lambda h: county_of.get(normal(h), ""))
    post = result.post_of
    chosen = np.flatnonzero((post >= 0) & (county != "").to_numpy())[:max_workers]
    posts = result.sc.posts.reset_index(drop=True)
    employer = posts["enterprise"].to_numpy()[post[chosen]]
    gender = seekers["gender"].map({"男": "M", "女": "F"}).fillna("")
    workers = pd.DataFrame({
        "id": seekers["id"].to_numpy()[chosen], "name": seekers["name"].to_numpy()[chosen],
        "county": county.to_numpy()[chosen],
        "village": [f"{c}:{v}" if v else "" for c, v in zip(county.to_numpy()[chosen],
                                                              seekers["village"].to_numpy()[chosen], strict=True)],
        "car": 0, "gender": gender.to_numpy()[chosen], "age": seekers["age"].to_numpy()[chosen], "skills": JOB,
        "returning_employer": employer, "wish_district": posts["district"].to_numpy()[post[chosen]], "wish_job": "",
        "phone": seekers["phone"].to_numpy()[chosen],
    })
    firms = posts.iloc[post[chosen]].groupby("enterprise", sort=True).agg(
        name=("enterprise_name", "first"), district=("district", "first"), lat=("lat", "first"),
        lon=("lon", "first"), **{f"posts_{JOB}": ("id", "size")}).reset_index().rename(columns={"enterprise": "id"})
    return workers, firms


def roster_scenario(result: FairMatch, out_dir: str | Path, base: str = BASE, max_workers: int | None = None) -> Path:
    """Write the night's scenario folder (see the module docstring); returns its ``scenario.yaml``."""
    folder = DATA_DIR / base
    raw = yaml.safe_load((folder / "scenario.yaml").read_text(encoding="utf-8"))
    seats = int(raw["train"]["cars"]) * int(raw["train"]["seats_per_car"])
    workers, firms = roster_tables(result, seats if max_workers is None else min(max_workers, seats))
    raw["workers"] = {"roster": "workers.csv"}
    raw["enterprises"] = "enterprises.csv"
    raw["districts"] = "districts.csv"
    raw["jobs"] = {JOB: raw.get("jobs", {}).get(JOB, {"name_zh": "普工", "name_en": "General worker"})}
    raw["meta"]["name"] = f"{raw['meta'].get('name', base)}_spring_wind"
    raw["meta"]["description"] = f"Matched Spring Wind seekers ({len(workers)}) on the night of {base}."
    with atomic_folder(out_dir) as stage:
        write_csv(workers, stage / "workers.csv")
        write_csv(firms, stage / "enterprises.csv")
        (stage / "districts.csv").write_bytes((DATA_DIR / "qingdao_districts.csv").read_bytes())
        (stage / "scenario.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False),
                                             encoding="utf-8")
    return Path(out_dir) / "scenario.yaml"
