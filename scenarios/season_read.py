"""Reading ``season.yaml``: every field checked, one clear line per mistake (file, field, fix)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from scenarios.clock import parse_clock
from scenarios.errors import FieldError, Msg, ScenarioError
from scenarios.season import KINDS, MAX_ARRIVALS, POINT_KINDS, SEASON_FILE, Arrival, Point, Season, check_capacity

DATA_DIR = Path(__file__).resolve().parent / "data"
SECTIONS = ("season", "points", "fleet_days", "arrivals")
#: The years a season may fall in (dates near 9999 would overflow the season's date arithmetic).
YEARS = (2000, 2100)
ARRIVAL_KEYS = ("id", "kind", "date", "arrival", "origin", "point", "workers", "number", "cars", "seats_per_car",
                "doors_per_car", "delay_min")
_ID = re.compile(r"^[A-Za-z0-9_]{1,32}$")


def resolve_season(name_or_path: str | Path) -> Path:
    """A bundled season's name, a folder holding season.yaml, or the file itself."""
    path = Path(name_or_path)
    if not path.suffix and not path.exists() and (DATA_DIR / str(name_or_path) / SEASON_FILE).is_file():
        return DATA_DIR / str(name_or_path) / SEASON_FILE
    if path.is_dir():
        path = path / SEASON_FILE
    if not path.is_file():
        raise ScenarioError("season.no_such", file=str(name_or_path))
    return path


def _date(value: Any, file: str, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value)[:40])
        except ValueError:
            raise ScenarioError("season.not_date", file=file, field=field, value=str(value)[:40]) from None
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise ScenarioError("season.year", file=file, field=field, value=value, low=YEARS[0], high=YEARS[1])
    return value


def _mapping(value: Any, file: str, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ScenarioError("season.mapping", file=file, field=field)
    return value


def _counts(value: Any, types: dict[str, Any], file: str, field: str) -> dict[str, int]:
    out = {}
    for tid, n in _mapping(value, file, field).items():
        if tid not in types:
            raise ScenarioError("season.coach_type", file=file, field=f"{field}.{tid}", tid=tid, types=", ".join(types))
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 1000:
            raise ScenarioError("season.coaches", file=file, field=f"{field}.{tid}", value=repr(str(n)[:20]),
                                fix=Msg("season.whole.fix", low=0, high=1000))
        out[str(tid)] = n
    return out


def read_season(name_or_path: str | Path) -> Season:
    """Parse, build and check a season; the city is loaded as a night scenario."""
    from scenarios.aliases import post_aliases
    from scenarios.loader import load, read_yaml, settle
    from scenarios.tables import ENTERPRISE_COLUMNS, POSTS_PREFIX, read_table
    from scenarios.values import resolve_enterprises

    path = resolve_season(name_or_path)
    file = str(path)
    raw = read_yaml(path)
    for key in raw:
        if key not in SECTIONS:
            raise ScenarioError("season.section", file=file, field=str(key), key=key, choices=", ".join(SECTIONS))
    head = _mapping(raw.get("season"), file, "season")
    for key in ("name", "start", "end", "city"):
        if key not in head:
            raise ScenarioError("season.missing", file=file, field=f"season.{key}", key=f"season.{key}")
    start, end = _date(head["start"], file, "season.start"), _date(head["end"], file, "season.end")
    if not start <= end <= start + dt.timedelta(days=366):
        raise ScenarioError("season.span", file=file, field="season.end", start=start, end=end)
    from scenarios.files import allowed_dirs_from_env, resolve_city

    city_path = resolve_city(str(head["city"]), path.parent, file=file, field="season.city",
                             allow_dirs=allowed_dirs_from_env())
    city = load(city_path)
    enterprises = city.enterprises
    if "enterprises" in head:
        jobs = city.jobs
        from scenarios.files import resolve_table

        table = resolve_table(str(head["enterprises"]), path.parent, file=file, field="season.enterprises")
        enterprises = read_table(table, ENTERPRISE_COLUMNS,
                                 extra_prefix=POSTS_PREFIX, extra_names=tuple(jobs),
                                 extra_aliases={f"{POSTS_PREFIX}{j}": post_aliases(j, job.name_zh, job.name_en)
                                                for j, job in jobs.items()},
                                 parse_clock=lambda t: city.minutes(t), what="enterprise")
        resolve_enterprises(enterprises, city.districts, matrix=city.travel.mode == "matrix")
        _clock(enterprises, city)
        settle(enterprises)
    per_day = _counts(head.get("fleet_per_day", {t: ct.count for t, ct in city.fleet.items()}), city.fleet, file,
                      "season.fleet_per_day")
    fleet_days = {_date(d, file, f"fleet_days.{d}"): _counts(v, city.fleet, file, f"fleet_days.{d}")
                  for d, v in _mapping(raw.get("fleet_days", {}), file, "fleet_days").items()}
    points = {}
    for pid, spec in _mapping(raw.get("points"), file, "points").items():
        spec = _mapping(spec, file, f"points.{pid}")
        kind = spec.get("kind", "station")
        if kind not in POINT_KINDS:
            raise ScenarioError("season.kind", file=file, field=f"points.{pid}.kind", kind=str(kind)[:20],
                                choices=", ".join(POINT_KINDS))
        cap = spec.get("max_arrivals_per_evening", 2)
        if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= 10:
            raise ScenarioError("season.value", file=file, field=f"points.{pid}.max_arrivals_per_evening",
                                value=repr(str(cap)[:20]), fix=Msg("season.whole.fix", low=1, high=10))
        points[str(pid)] = Point(str(pid), kind, dict(_mapping(spec.get("station", {}), file,
                                                               f"points.{pid}.station")), cap)
    items = raw.get("arrivals")
    if not isinstance(items, list) or not items:
        raise ScenarioError("season.no_arrivals", file=file, field="arrivals")
    if len(items) > MAX_ARRIVALS:
        raise ScenarioError("season.arrivals", file=file, field="arrivals", n=len(items), limit=MAX_ARRIVALS)
    arrivals = [_arrival(item, k, file, points, start, end) for k, item in enumerate(items)]
    seen: set[str] = set()
    for a in arrivals:
        if a.id in seen:
            raise ScenarioError("season.id_twice", file=file, field=f"arrivals.{a.id}", aid=a.id)
        seen.add(a.id)
    if enterprises.index.duplicated().any():
        dup = enterprises.index[enterprises.index.duplicated()][0]
        raise ScenarioError("season.ent_twice", file=file, field="season.enterprises", ent=dup)
    arrivals.sort(key=lambda a: (a.date, city.minutes(a.arrival), a.id))
    season = Season(str(head["name"]), start, end, city, enterprises, points, tuple(arrivals), per_day, fleet_days,
                    path.parent, file)
    check_capacity(season)
    return season


def _clock(enterprises: Any, city: Any) -> None:
    from scenarios.sections import clock_minutes

    clock_minutes(enterprises, city.train.arrival_min)


def _arrival(item: Any, k: int, file: str, points: dict[str, Point], start: dt.date, end: dt.date) -> Arrival:
    where = f"arrivals[{k}]"
    item = _mapping(item, file, where)
    aid = str(item.get("id", ""))
    if not _ID.match(aid):
        raise ScenarioError("season.id", file=file, field=f"{where}.id", aid=aid[:40])
    where = f"arrivals.{aid}"
    for key in item:
        if key not in ARRIVAL_KEYS:
            raise ScenarioError("season.key", file=file, field=f"{where}.{key}", key=str(key)[:40],
                                choices=", ".join(ARRIVAL_KEYS))
    for key in ("kind", "date", "arrival", "point", "workers"):
        if key not in item:
            raise ScenarioError("season.missing", file=file, field=f"{where}.{key}", key=key)
    if item["kind"] not in KINDS:
        raise ScenarioError("season.kind", file=file, field=f"{where}.kind", kind=str(item["kind"])[:20],
                            choices=", ".join(KINDS))
    if item["point"] not in points:
        raise ScenarioError("season.point", file=file, field=f"{where}.point", point=str(item["point"])[:40],
                            points=", ".join(points))
    day = _date(item["date"], file, f"{where}.date")
    try:
        parse_clock(item["arrival"], f"{where}.arrival")
    except FieldError as exc:
        raise ScenarioError(exc.msg, file=file, field=exc.field, fix=exc.fix_msg) from None
    if not start <= day <= end:
        raise ScenarioError("season.outside", file=file, field=f"{where}.date", day=day, start=start, end=end)
    numbers = {}
    for key, low, high in (("cars", 1, 60), ("seats_per_car", 1, 200), ("doors_per_car", 1, 8)):
        value = item.get(key, Arrival.__dataclass_fields__[key].default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ScenarioError("season.value", file=file, field=f"{where}.{key}", value=repr(str(value)[:20]),
                                fix=Msg("season.whole.fix", low=low, high=high))
        numbers[key] = value
    delay = item.get("delay_min", 0.0)
    if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 24 * 60:
        raise ScenarioError("season.value", file=file, field=f"{where}.delay_min", value=repr(str(delay)[:20]),
                            fix="season.minutes.fix")
    return Arrival(aid, item["kind"], day, str(item["arrival"]), str(item.get("origin", "")), item["point"],
                   _mapping(item["workers"], file, f"{where}.workers"), str(item.get("number", "")),
                   delay_min=float(delay), **numbers)
