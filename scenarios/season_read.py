"""Reading ``season.yaml``: every field checked, one clear line per mistake (file, field, fix)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from scenarios.clock import parse_clock
from scenarios.errors import FieldError, InputError, ScenarioError
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
        raise ScenarioError("no such season.", file=str(name_or_path),
                            fix="give a folder with season.yaml, its path, or a bundled season's name.")
    return path


def _date(value: Any, file: str, field: str) -> dt.date:
    if isinstance(value, dt.datetime):
        value = value.date()
    if not isinstance(value, dt.date):
        try:
            value = dt.date.fromisoformat(str(value)[:40])
        except ValueError:
            raise ScenarioError(f"'{str(value)[:40]}' is not a date.", file=file, field=field,
                                fix="write it as YYYY-MM-DD, e.g. 2023-02-01.") from None
    if not YEARS[0] <= value.year <= YEARS[1]:
        raise InputError(f"{value} is not a year of a season ({YEARS[0]} to {YEARS[1]}).",
                         f"{value} 不在赛季可用的年份内（{YEARS[0]} 至 {YEARS[1]} 年）。", file=file, field=field,
                         fix="check the year, e.g. 2023-02-01.", fix_zh="检查年份，例如 2023-02-01。")
    return value


def _mapping(value: Any, file: str, field: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise ScenarioError("expected a mapping.", file=file, field=field, fix="indent its keys below it.")
    return value


def _counts(value: Any, types: dict[str, Any], file: str, field: str) -> dict[str, int]:
    out = {}
    for tid, n in _mapping(value, file, field).items():
        if tid not in types:
            raise ScenarioError(f"unknown coach type '{tid}'.", file=file, field=f"{field}.{tid}",
                                fix=f"use one of the city's types: {', '.join(types)}.")
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= 1000:
            raise ScenarioError(f"{str(n)[:20]!r} coaches.", file=file, field=f"{field}.{tid}",
                                fix="give a whole number in 0..1000.")
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
            raise ScenarioError(f"unknown section '{key}'.", file=file, field=str(key),
                                fix=f"use {', '.join(SECTIONS)}.")
    head = _mapping(raw.get("season"), file, "season")
    for key in ("name", "start", "end", "city"):
        if key not in head:
            raise ScenarioError("missing.", file=file, field=f"season.{key}", fix=f"add season.{key}.")
    start, end = _date(head["start"], file, "season.start"), _date(head["end"], file, "season.end")
    if not start <= end <= start + dt.timedelta(days=366):
        raise ScenarioError(f"the season runs {start} to {end}.", file=file, field="season.end",
                            fix="give an end on or after the start, within a year.")
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
            raise ScenarioError(f"unknown kind '{str(kind)[:20]}'.", file=file, field=f"points.{pid}.kind",
                                fix=f"use one of {', '.join(POINT_KINDS)}.")
        cap = spec.get("max_arrivals_per_evening", 2)
        if isinstance(cap, bool) or not isinstance(cap, int) or not 1 <= cap <= 10:
            raise ScenarioError(f"{str(cap)[:20]!r}.", file=file, field=f"points.{pid}.max_arrivals_per_evening",
                                fix="give a whole number in 1..10.")
        points[str(pid)] = Point(str(pid), kind, dict(_mapping(spec.get("station", {}), file,
                                                               f"points.{pid}.station")), cap)
    items = raw.get("arrivals")
    if not isinstance(items, list) or not items:
        raise ScenarioError("no arrivals.", file=file, field="arrivals", fix="list the season's arrivals.")
    if len(items) > MAX_ARRIVALS:
        raise ScenarioError(f"{len(items)} arrivals.", file=file, field="arrivals",
                            fix=f"give at most {MAX_ARRIVALS} (split the season).")
    arrivals = [_arrival(item, k, file, points, start, end) for k, item in enumerate(items)]
    seen: set[str] = set()
    for a in arrivals:
        if a.id in seen:
            raise ScenarioError(f"arrival id {a.id} is given twice.", file=file, field=f"arrivals.{a.id}",
                                fix="give every arrival its own id.")
        seen.add(a.id)
    if enterprises.index.duplicated().any():
        dup = enterprises.index[enterprises.index.duplicated()][0]
        raise ScenarioError(f"enterprise {dup} is listed twice, so its posts would count twice.", file=file,
                            field="season.enterprises", fix="list each enterprise once with its season posts.")
    arrivals.sort(key=lambda a: (a.date, city.minutes(a.arrival), a.id))
    season = Season(str(head["name"]), start, end, city, enterprises, points, tuple(arrivals), per_day, fleet_days,
                    path.parent, file)
    check_capacity(season)
    return season


def _clock(enterprises: Any, city: Any) -> None:
    from scenarios.loader import _clock_minutes

    _clock_minutes(enterprises, city.train.arrival_min)


def _arrival(item: Any, k: int, file: str, points: dict[str, Point], start: dt.date, end: dt.date) -> Arrival:
    where = f"arrivals[{k}]"
    item = _mapping(item, file, where)
    aid = str(item.get("id", ""))
    if not _ID.match(aid):
        raise ScenarioError(f"id '{aid[:40]}'.", file=file, field=f"{where}.id",
                            fix="give an id of letters, digits and _ (at most 32), e.g. A01.")
    where = f"arrivals.{aid}"
    for key in item:
        if key not in ARRIVAL_KEYS:
            raise ScenarioError(f"unknown key '{str(key)[:40]}'.", file=file, field=f"{where}.{key}",
                                fix=f"use {', '.join(ARRIVAL_KEYS)}.")
    for key in ("kind", "date", "arrival", "point", "workers"):
        if key not in item:
            raise ScenarioError("missing.", file=file, field=f"{where}.{key}", fix=f"add {key}.")
    if item["kind"] not in KINDS:
        raise ScenarioError(f"unknown kind '{str(item['kind'])[:20]}'.", file=file, field=f"{where}.kind",
                            fix=f"use one of {', '.join(KINDS)}.")
    if item["point"] not in points:
        raise ScenarioError(f"unknown arrival point '{str(item['point'])[:40]}'.", file=file, field=f"{where}.point",
                            fix=f"use one of the season's points: {', '.join(points)}.")
    day = _date(item["date"], file, f"{where}.date")
    try:
        parse_clock(item["arrival"], f"{where}.arrival")
    except FieldError as exc:
        raise ScenarioError(exc.message, file=file, field=exc.field, fix=exc.fix, message_zh=exc.message_zh,
                            fix_zh=exc.fix_zh) from None
    if not start <= day <= end:
        raise ScenarioError(f"{day} is outside the season ({start} to {end}).", file=file, field=f"{where}.date",
                            fix="move the arrival into the season or widen season.start/end.")
    numbers = {}
    for key, low, high in (("cars", 1, 60), ("seats_per_car", 1, 200), ("doors_per_car", 1, 8)):
        value = item.get(key, Arrival.__dataclass_fields__[key].default)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ScenarioError(f"{str(value)[:20]!r}.", file=file, field=f"{where}.{key}",
                                fix=f"give a whole number in {low}..{high}.")
        numbers[key] = value
    delay = item.get("delay_min", 0.0)
    if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 24 * 60:
        raise ScenarioError(f"{str(delay)[:20]!r}.", file=file, field=f"{where}.delay_min",
                            fix="give minutes in 0..1440.")
    return Arrival(aid, item["kind"], day, str(item["arrival"]), str(item.get("origin", "")), item["point"],
                   _mapping(item["workers"], file, f"{where}.workers"), str(item.get("number", "")),
                   delay_min=float(delay), **numbers)
