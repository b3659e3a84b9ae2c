"""Seeded seasons: the bundled Qingdao spring season and a stress season of 45,000 workers on 80 arrivals.

    python -m scenarios.season_generate                   # rewrites scenarios/data/qingdao_season_2023
    python -m scenarios.season_generate stress --out DIR  # 45,000 workers, 80 arrivals, ~60 days

What is real: the city (Qingdao's districts, Qingdao North station, the 2023 Dingxi train G2093 on 2023-02-01 at
21:30 with 531 workers), the partner regions (Dingxi and Longnan in Gansu, Anshun in Guizhou) and the means of
transport reported ("专列、包机和包车": chartered trains, charter flights and charter coaches), and the season's
length (the Spring Wind campaign, about two months after the Lunar New Year). Synthetic: the other arrivals' dates,
sizes and times, the season's enterprises and posts, the airport and coach terminal reception settings.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from scenarios.generate import generate_enterprises
from scenarios.loader import DATA_DIR
from scenarios.model import Job
from scenarios.sections import DEFAULT_JOBS

#: Origin counties beyond Dingxi's seven (names from the national administrative division list).
COUNTIES = {
    "longnan": {"wudu": ("武都区", "Wudu"), "chengxian": ("成县", "Cheng County"), "wenxian": ("文县", "Wen County"),
                "dangchang": ("宕昌县", "Dangchang"), "xihe": ("西和县", "Xihe"), "lixian": ("礼县", "Li County")},
    "anshun": {"xixiu": ("西秀区", "Xixiu"), "pingba": ("平坝区", "Pingba"), "puding": ("普定县", "Puding"),
               "zhenning": ("镇宁布依族苗族自治县", "Zhenning"), "guanling": ("关岭布依族苗族自治县", "Guanling")},
}
DINGXI = {"anding": 0.25, "tongwei": 0.18, "longxi": 0.2, "weiyuan": 0.1, "lintao": 0.15, "zhang": 0.05, "min": 0.07}
ORIGINS = {"dingxi": "定西 Dingxi", "longnan": "陇南 Longnan", "anshun": "安顺 Anshun"}
POINTS = {
    "qingdao_north": {"kind": "station", "max_arrivals_per_evening": 2},
    "airport": {"kind": "airport", "max_arrivals_per_evening": 2,
                "station": {"name_zh": "青岛胶东国际机场", "name_en": "Qingdao Jiaodong International Airport",
                            "lat": 36.362, "lon": 120.088, "walk_m": 600, "desks": 4, "bays": 3, "welcome_min": 10}},
    "coach_terminal": {"kind": "coach_terminal", "max_arrivals_per_evening": 3,
                       "station": {"name_zh": "青岛长途汽车站", "name_en": "Qingdao long-distance coach terminal",
                                   "lat": 36.176, "lon": 120.379, "walk_m": 150, "desks": 2, "bays": 3,
                                   "welcome_min": 5}},
}
TIMES = {"train": ["21:30", "20:40", "19:55"], "flight": ["20:10", "21:05", "22:15"], "coach": ["18:30", "19:40"]}


def _workers(rng: np.random.Generator, origin: str, count: int) -> dict[str, Any]:
    if origin == "dingxi":
        shares = DINGXI
        extra: dict[str, Any] = {}
    else:
        ids = list(COUNTIES[origin])
        w = rng.dirichlet(np.full(len(ids), 3.0))
        w = np.round(w, 3)
        w[-1] = round(1.0 - float(w[:-1].sum()), 3)
        shares = {i: float(x) for i, x in zip(ids, w, strict=True)}
        extra = {"counties": {i: {"name_zh": zh, "name_en": en} for i, (zh, en) in COUNTIES[origin].items()}}
    spec = {"count": int(count), "county_shares": shares, "returning_share": round(float(rng.uniform(0.3, 0.6)), 2),
            "under40_share": round(float(rng.uniform(0.6, 0.8)), 2)}
    return {"generate": spec, **extra}


def season_doc(name: str, start: dt.date, days: int, arrivals: int, workers: int, seed: int,
               city: str, fixed: list[dict[str, Any]] | None = None,
               fleet: dict[str, int] | None = None) -> tuple[dict[str, Any], int]:
    """The season.yaml document and the expected workers: ``arrivals`` over ``days`` days, ~``workers`` in all."""
    rng = np.random.default_rng(seed)
    kinds = rng.choice(["train", "flight", "coach"], size=arrivals, p=[0.55, 0.2, 0.25])
    sizes = {"train": (500, 560), "flight": (150, 180), "coach": (90, 200)}
    raw_n = np.array([rng.integers(*sizes[k]) for k in kinds], dtype=float)
    counts = np.maximum(20, np.round(raw_n * workers / raw_n.sum())).astype(int)
    day = np.sort(rng.integers(0, days, arrivals))
    items = list(fixed or [])
    used: dict[tuple[int, str], int] = {}
    for k in range(len(items), arrivals):
        kind = str(kinds[k])
        point = {"train": "qingdao_north", "flight": "airport", "coach": "coach_terminal"}[kind]
        d = int(day[k])
        while used.get((d, point), 0) >= POINTS[point]["max_arrivals_per_evening"]:
            d = (d + 1) % days
        used[(d, point)] = used.get((d, point), 0) + 1
        origin = str(rng.choice(list(ORIGINS), p=[0.5, 0.3, 0.2]))
        n = int(counts[k])
        car = {"train": (75, 2), "flight": (180, 2), "coach": (50, 1)}[kind]
        items.append({"id": f"A{k + 1:02d}", "kind": kind, "date": (start + dt.timedelta(days=d)).isoformat(),
                      "arrival": str(rng.choice(TIMES[kind])), "origin": ORIGINS[origin], "point": point,
                      "number": {"train": f"D{5000 + k}", "flight": f"CZ{6000 + k}", "coach": f"包车{k + 1}"}[kind],
                      "cars": max(1, -(-n // car[0])), "seats_per_car": car[0], "doors_per_car": car[1],
                      "workers": _workers(rng, origin, n)})
    total = sum(int(a["workers"]["generate"]["count"]) for a in items)
    doc = {"season": {"name": name, "start": start.isoformat(), "end": (start + dt.timedelta(days=days)).isoformat(),
                      "city": city, "enterprises": "enterprises.csv",
                      "fleet_per_day": fleet or {"coach_53": 40, "coach_35": 12}},
           "points": POINTS, "arrivals": items}
    return doc, total


def write_season(out: Path, doc: dict[str, Any], total: int, enterprises: int, seed: int, header: str) -> Path:
    """season.yaml and the season's enterprises (posts for ``total`` workers plus slack) into ``out``."""
    from scenarios.bundled import DISTRICTS

    rng = np.random.default_rng(seed + 1)
    jobs = {k: Job(**v) for k, v in DEFAULT_JOBS.items()}
    districts = DISTRICTS.set_index("id", drop=False).rename_axis(None)
    frame = generate_enterprises(rng, enterprises, total, districts, jobs, slack=0.25, prefix="S")
    out.mkdir(parents=True, exist_ok=True)
    frame.to_csv(out / "enterprises.csv", index=False)
    text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=110)
    (out / "season.yaml").write_text(header + text, encoding="utf-8")
    return out / "season.yaml"


G2093 = {"id": "A00", "kind": "train", "date": "2023-02-01", "arrival": "21:30", "origin": "定西 Dingxi",
         "point": "qingdao_north", "number": "G2093", "cars": 8, "seats_per_car": 75, "doors_per_car": 2,
         "workers": {"generate": {"count": 531, "county_shares": DINGXI, "returning_share": 0.45,
                                  "under40_share": 0.7}}}


def bundled(out: Path = DATA_DIR / "qingdao_season_2023") -> Path:
    """The bundled Qingdao spring season: 24 arrivals over 60 days, G2093 among them."""
    doc, total = season_doc("qingdao_season_2023", dt.date(2023, 1, 28), 60, 24, 7000, 2023,
                            "../dingxi_qingdao_2023", fixed=[G2093])
    header = ("# qingdao_season_2023: generated by `python -m scenarios.season_generate` (seed 2023); edit the "
              "generator, not this file.\n# Real: G2093 (2023-02-01 21:30, 531 workers), the city, the partner "
              "regions; synthetic: the other arrivals and the posts.\n")
    return write_season(out, doc, total, 700, 2023, header)


def stress(out: Path, workers: int = 45_000, arrivals: int = 80, seed: int = 45) -> Path:
    """A stress season: ``workers`` on ``arrivals`` arrivals over 60 days (city: the bundled 2023 scenario)."""
    city = "dingxi_qingdao_2023"  # a bundled scenario's name: read from the package wherever ``out`` is
    doc, total = season_doc(f"stress_{workers}", dt.date(2023, 1, 28), 60, arrivals, workers, seed, city,
                            fleet={"coach_53": 200, "coach_35": 60})
    return write_season(out, doc, total, max(600, workers // 12), seed, f"# stress season: {workers} workers, "
                        f"{arrivals} arrivals (seed {seed}).\n")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Write the bundled season, or a stress season.")
    parser.add_argument("which", nargs="?", choices=("bundled", "stress"), default="bundled")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--workers", type=int, default=45_000)
    parser.add_argument("--arrivals", type=int, default=80)
    args = parser.parse_args(argv)
    if args.which == "bundled":
        print(bundled(args.out or DATA_DIR / "qingdao_season_2023"))
    else:
        print(stress(args.out or Path("out/stress_season"), args.workers, args.arrivals))


if __name__ == "__main__":
    main()
