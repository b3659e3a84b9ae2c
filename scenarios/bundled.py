"""The bundled scenarios: real facts (dates, trains, counts, places) plus seeded synthetic tables.

Run ``python -m scenarios.bundled`` to rewrite them, or ``python -m scenarios.bundled city --workers 50000
--enterprises 5000 --out DIR`` to make a bigger synthetic city.
"""

from __future__ import annotations

import argparse
import dataclasses
import math
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from scenarios.disruptions import Disruptions
from scenarios.errors import InputError, ScenarioError
from scenarios.generate import COUNTY_SHARES, generate_enterprises, generate_workers
from scenarios.loader import DATA_DIR
from scenarios.model import Job, WorkerGenerator
from scenarios.ranges import MAX_PER_ENTERPRISE
from scenarios.sections import DEFAULT_JOBS
from scenarios.texts import render

#: From ../shared/facts/places.csv (approximate centres, within about 2 km).
DISTRICTS = pd.DataFrame(
    [
        ("shinan", "市南区", "Shinan", 36.071, 120.395),
        ("shibei", "市北区", "Shibei", 36.087, 120.375),
        ("licang", "李沧区", "Licang", 36.145, 120.433),
        ("laoshan", "崂山区", "Laoshan", 36.107, 120.469),
        ("chengyang", "城阳区", "Chengyang", 36.307, 120.396),
        ("huangdao", "黄岛区（西海岸新区）", "Huangdao (West Coast New Area)", 35.960, 120.198),
        ("jimo", "即墨区", "Jimo", 36.389, 120.447),
        ("jiaozhou", "胶州市", "Jiaozhou", 36.264, 120.034),
        ("pingdu", "平度市", "Pingdu", 36.787, 119.960),
        ("laixi", "莱西市", "Laixi", 36.888, 120.518),
    ],
    columns=["id", "name_zh", "name_en", "lat", "lon"],
)
DISTRICTS["meeting_point"] = [f"北广场 {i + 1} 号牌 / North square, sign {i + 1}" for i in range(len(DISTRICTS))]

STATION = {
    "name_zh": "青岛北站",
    "name_en": "Qingdao North railway station",
    "lat": 36.1706,
    "lon": 120.3750,
    "walk_m": 350,
    "desks": 8,
    "desk_service_s": 15,
    "bays": 4,
    "welcome_min": 15,
}
FLEET = {
    "coach_53": {
        "name_zh": "大巴（53座）",
        "name_en": "53-seat coach",
        "seats": 53,
        "count": 18,
        "fixed_cost": 1200,
        "cost_per_km": 5.5,
        "available_from": "21:00",
    },
    "coach_35": {
        "name_zh": "中巴（35座）",
        "name_en": "35-seat coach",
        "seats": 35,
        "count": 6,
        "fixed_cost": 900,
        "cost_per_km": 4.5,
        "available_from": "21:00",
    },
}

BUNDLED: dict[str, dict[str, Any]] = {
    "dingxi_qingdao_2023": dict(
        seed=2023,
        date="2023-02-01",
        train="G2093",
        arrival="21:30",
        workers=531,
        enterprises=127,
        returning=0.45,
        under40=0.70,
        own_pickup=(),
        reach_all=True,
        policy={"max_stops": 8},
        description="G2093 from Dingxi: 531 workers to 127 enterprises across Qingdao's ten districts.",
        real=[
            "date",
            "train number",
            "arrival time",
            "worker count",
            "enterprise count",
            "station and district locations",
            "origin counties",
        ],
    ),
    "dingxi_qingdao_2024": dict(
        seed=2024,
        date="2024-02-19",
        train="unreported",
        arrival="21:35",
        workers=530,
        enterprises=310,
        returning=0.5,
        under40=0.70,
        own_pickup=(),
        reach_all=True,
        p_big=0.01,
        p_mid=0.03,
        policy={"max_stops": 12, "max_ride_min": 180},
        fleet={
            "minibus_19": {
                "name_zh": "中巴（19座）",
                "name_en": "19-seat minibus",
                "seats": 19,
                "count": 15,  # the greedy baseline reaches all 310 enterprises by 02:00 with 39 coaches
                "fixed_cost": 600,
                "cost_per_km": 3.5,
                "available_from": "21:00",
            }
        },
        description="Shandong's first East-West cooperation train of 2024: 530 workers to 300+ enterprises.",
        real=["date", "arrival time", "worker count", "enterprise count (300+)", "station and district locations"],
    ),
    "dingxi_qingdao_2025": dict(
        seed=2025,
        date="2025-02-07",
        train="G2096",
        arrival="21:33",
        workers=530,
        enterprises=180,
        returning=345 / 530,
        under40=381 / 530,
        own_pickup=((35, "21:20"),),  # the one enterprise reported collecting its own workers (20+)
        own_returning=24,
        reach_all=True,
        policy={"max_stops": 8, "routes": "closed"},  # more trips than coaches: some come back
        fleet={"coach_35": {**FLEET["coach_35"], "count": 8}},  # the greedy baseline's 26 coaches by 02:00
        description="G2096: 530 workers, 345 returning (65%), 381 under 40 (72%); one enterprise collects 20+ "
        "of its workers with its own vehicle.",
        real=[
            "date",
            "train number",
            "arrival time",
            "worker count",
            "returning share",
            "under-40 share",
            "one enterprise collecting 20+ workers",
            "station and district locations",
        ],
    ),
}


def scenario_yaml(name: str, spec: dict[str, Any], fleet: dict[str, Any], cars: int, seats_per_car: int) -> dict:
    """The YAML mapping of a bundled scenario."""
    return {
        "meta": {
            "name": name,
            "date": spec["date"],
            "timezone": "Asia/Shanghai",
            "seed": spec["seed"],
            "description": spec["description"],
            "real": spec["real"],
            "synthetic": [
                "worker names, ages, skills, villages, wishes",
                "enterprise names, locations, sizes and posts",
                "fleet",
                "station timings",
                *_choices(spec),
            ],
        },
        "train": {
            "number": spec["train"],
            "origin": "定西 Dingxi",
            "arrival": spec["arrival"],
            "cars": cars,
            "seats_per_car": seats_per_car,
            "doors_per_car": 2,
            "distance_km": 1700,
            "duration_h": 11,
        },
        "workers": {"roster": "workers.csv"},
        "enterprises": "enterprises.csv",
        "districts": "../qingdao_districts.csv",
        "jobs": DEFAULT_JOBS,
        "fleet": fleet,
        "station": spec.get("station", STATION),
        "travel": {"mode": "coordinates", "road_factor": 1.35, "cv": 0.15},
        "policy": {
            "max_stops": 8,
            "max_ride_min": 180,
            "latest_arrival": "02:00",
            "keep_villagers": "district",
            "one_district_per_coach": True,
            "objective": "coaches_then_ride",
            "routes": "open",
            **spec.get("policy", {}),
        },
        "disruptions": dataclasses.asdict(Disruptions()),  # the night model every command simulates, declared
    }


def _choices(spec: dict[str, Any]) -> list[str]:
    """The generator's choices that make the synthetic tables agree with the facts, said in ``meta.synthetic``."""
    out = []
    if spec.get("reach_all"):
        out.append(f"returning employers spread so that each of the {spec['enterprises']} enterprises has a returning "
                   "worker (the plan reaches every enterprise the facts count)")
    if spec.get("own_returning"):
        out.append(f"the enterprise with its own vehicle has {spec['own_returning']} returning workers to collect")
    return out


def write_scenario(
    out: Path, name: str, spec: dict[str, Any], fleet: dict[str, Any] | None = None, districts_file: str | None = None
) -> Path:
    """Write scenario.yaml, enterprises.csv and workers.csv for one generated scenario into ``out``."""
    rng = np.random.default_rng(spec["seed"])
    jobs = {k: Job(**v) for k, v in DEFAULT_JOBS.items()}
    districts = DISTRICTS.set_index("id", drop=False).rename_axis(None)
    enterprises = generate_enterprises(
        rng,
        spec["enterprises"],
        spec["workers"],
        districts,
        jobs,
        p_big=spec.get("p_big", 0.04),
        p_mid=spec.get("p_mid", 0.12),
        own_pickup=spec.get("own_pickup", ()),
    )
    most = int(enterprises.filter(like="posts_").to_numpy().max())
    if most > MAX_PER_ENTERPRISE:
        raise InputError("city.crowded", field="--enterprises", workers=f"{spec['workers']:,}",
                         enterprises=f"{spec['enterprises']:,}", most=f"{most:,}", limit=f"{MAX_PER_ENTERPRISE:,}")
    seats_per_car = spec.get("seats_per_car", 75)
    cars = max(8, math.ceil(spec["workers"] / seats_per_car))
    generator = WorkerGenerator(
        count=spec["workers"],
        county_shares=COUNTY_SHARES,
        returning_share=spec["returning"],
        under40_share=spec["under40"],
    )
    workers = generate_workers(rng, generator, enterprises.set_index("id", drop=False), districts, jobs, cars,
                               reach_all=spec.get("reach_all", False), own_returning=spec.get("own_returning", 0))
    out.mkdir(parents=True, exist_ok=True)
    enterprises.to_csv(out / "enterprises.csv", index=False)
    workers.drop(columns=["row"]).to_csv(out / "workers.csv", index=False)
    raw = scenario_yaml(name, spec, fleet or {**FLEET, **spec.get("fleet", {})}, cars, seats_per_car)
    if districts_file is None:
        DISTRICTS.to_csv(out / "districts.csv", index=False)
        raw["districts"] = "districts.csv"
    else:
        raw["districts"] = districts_file
    header = (
        f"# {name}: generated by `python -m scenarios.bundled` (seed {spec['seed']}); "
        "edit the generator, not this file.\n"
    )
    text = yaml.safe_dump(raw, allow_unicode=True, sort_keys=False, width=110)
    (out / "scenario.yaml").write_text(header + text, encoding="utf-8")
    return out / "scenario.yaml"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command")
    city = sub.add_parser("city", help="make a bigger synthetic city")
    city.add_argument("--workers", type=int, required=True)
    city.add_argument("--enterprises", type=int, required=True)
    city.add_argument("--seed", type=int, default=1)
    city.add_argument("--out", type=Path, required=True)
    city.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of messages (default zh)")
    args = parser.parse_args(argv)
    if args.command == "city":
        from scenarios.city import city_spec

        try:
            spec, fleet = city_spec(args.workers, args.enterprises, args.seed)
            print(write_scenario(args.out, args.out.name, spec, fleet))
        except ScenarioError as exc:
            print(render(exc, args.lang), file=sys.stderr)
            return 2
        return 0
    DISTRICTS.to_csv(DATA_DIR / "qingdao_districts.csv", index=False)
    for name, spec in BUNDLED.items():
        print(write_scenario(DATA_DIR / name, name, spec, districts_file="../qingdao_districts.csv"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
