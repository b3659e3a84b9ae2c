"""``read_records``: a folder of a night's record tables in, the sound rows kept, every skipped row told.

Tables go through the scenarios' table machinery (CSV in UTF-8, GBK or UTF-16, or ``.xlsx``; Chinese or English
headers; see ``scenarios.records.columns``), after a size check on the file itself, so a 2 GB track is refused
before a byte of it is read. A table that cannot be read at all (too big, no header, not text) stops with one line;
a row that cannot be used (a formula, a time that is not one or not on this night, a coach, plate, place or worker
the plan does not know, a repeated fix) is skipped and told.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from planning.plan import Plan
from scenarios.cells import cell_text
from scenarios.errors import Msg, ScenarioError, cut
from scenarios.files import active_limits, check_table_size
from scenarios.records.columns import ALIASES, COLUMNS, STEMS
from scenarios.records.gps import find_stops
from scenarios.records.model import STOP_COLUMNS, Problem, Records
from scenarios.records.plan_index import PlanIndex
from scenarios.records.times import TimeProblem, number, record_minutes
from scenarios.scenario import Scenario
from scenarios.tables import read_table

SUFFIXES = (".csv", ".xlsx", ".xls")
#: A GPS fix farther than this many degrees from the station is not in the city.
CITY_DEG = 2.0
REQUIRED = {"station_log": ("coach", "place"), "checkins": ("time",), "train": ("arrival",),
            "gps": ("plate", "time", "lat", "lon")}


def _files(folder: Path) -> dict[str, Path]:
    found: dict[str, Path] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in SUFFIXES or path.name.startswith("."):
            continue
        for table, stems in STEMS.items():
            if path.stem.lower() in stems:
                if table in found:
                    raise ScenarioError("records.twice", file=str(folder), table=Msg(f"records.table.{table}"),
                                        first=found[table].name, second=path.name)
                found[table] = path
    return found


def _table(path: Path, table: str) -> pd.DataFrame:
    check_table_size(path, active_limits(), shown_as=path.name)
    frame = read_table(path, COLUMNS[table], extra_aliases=ALIASES[table], parse_clock=lambda _t: 0.0,
                       what=table, keyed=False, label=path.name)
    written = frame.attrs.get("written", {})
    for name in REQUIRED[table]:
        if name not in written:
            heads = ALIASES[table][name]
            raise ScenarioError("records.no_column", file=path.name, head=heads[1], head_zh=heads[0],
                                doc=COLUMNS[table][name].doc)
    return frame


class _Reader:
    def __init__(self, sc: Scenario, plan: Plan, name: str) -> None:
        self.sc, self.index = sc, PlanIndex(sc, plan)
        self.out = Records(name)
        self.anchor = sc.arrival_min
        self.date = sc.meta.date

    def skip(self, file: str, row: int, key: str, **params: object) -> None:
        self.out.problems.append(Problem(file, row, key, tuple((k, v if isinstance(v, Msg) else cut(str(v)))
                                                               for k, v in params.items())))

    def minutes(self, text: str) -> float:
        return record_minutes(text, self.date, self.anchor)

    def station_log(self, frame: pd.DataFrame, file: str) -> None:
        rows, plates, numbers = [], {}, []
        seen: set[tuple[str, int, str]] = set()
        for r in frame.itertuples(index=False):
            coach = cell_text(r.coach)
            if coach not in self.index.trips_of:
                self.skip(file, r.row, "formula" if coach[:1] == "=" else "unknown_coach", value=coach)
                continue
            try:
                trip = int(_value(number, r.trip or "1"))
                times = [_value(self.minutes, v) for v in (r.arrive, r.depart, r.board_start)]
            except _Bad as bad:
                self.skip(file, r.row, bad.key, value=bad.value, date=self.date)
                continue
            place = self.index.place(coach, trip, cell_text(r.place))
            if place is None:
                self.skip(file, r.row, "unknown_place", value=r.place)
                continue
            if (coach, trip, place) in seen:
                self.skip(file, r.row, "duplicate", value=f"{coach}/{trip}/{r.place}")
                continue
            seen.add((coach, trip, place))
            plate = _plate(r.plate)
            if plate:
                plates.setdefault(plate, set()).add(coach)
            order = self.index.order(coach, trip, place)
            rows.append((coach, trip, order, place, *times, "log"))
            numbers.append(r.row)
        stops = pd.DataFrame(rows, columns=list(STOP_COLUMNS))
        if len(stops):  # a stop reached before the coach left the station: a clock set wrong
            left = stops[stops["stop_order"] == 0].set_index(["coach_id", "trip"])["depart_min"]
            start = left.reindex(pd.MultiIndex.from_frame(stops[["coach_id", "trip"]])).to_numpy()
            backwards = (stops["stop_order"] > 0).to_numpy() & (stops["arrive_min"].to_numpy() < start)
            for row, r, bad in zip(numbers, stops.itertuples(index=False), backwards, strict=True):
                if bad:
                    self.skip(file, row, "backwards", value=f"{r.coach_id}/{r.trip}")
            stops = stops[~backwards].reset_index(drop=True)
        self.out.stops = stops
        for plate, coaches in plates.items():
            if len(coaches) > 1:
                self.out.problems.append(Problem(file, None, "plate_two_coaches",
                                                 (("plate", plate), ("coaches", ", ".join(sorted(coaches))))))
            else:
                self.out.plates[plate] = next(iter(coaches))

    def gps(self, frame: pd.DataFrame, file: str) -> None:
        fixes = []
        station = (float(self.sc.station.lat), float(self.sc.station.lon))
        for r in frame.itertuples(index=False):
            plate = _plate(r.plate)
            coach = self.out.plates.get(plate)
            if coach is None:
                from scenarios.texts import hints

                near = hints(plate, self.out.plates)["hint"] if self.out.plates else None
                self.skip(file, r.row, "formula" if plate[:1] == "=" else "unknown_plate", value=r.plate,
                          hint=Msg("records.in_parens", inner=near) if near else "")
                continue
            try:
                t = _value(self.minutes, r.time)
                lat, lon = _value(number, r.lat), _value(number, r.lon)
                speed = _value(number, r.speed)
            except _Bad as bad:
                self.skip(file, r.row, bad.key, value=bad.value, date=self.date)
                continue
            if t != t:
                self.skip(file, r.row, "no_time")
                continue
            if abs(lat - station[0]) > CITY_DEG or abs(lon - station[1]) > CITY_DEG:
                self.skip(file, r.row, "bad_position", value=f"{r.lat}, {r.lon}")
                continue
            fixes.append((coach, t, lat, lon, speed, plate, r.row))
        track = pd.DataFrame(fixes, columns=["coach_id", "minutes", "lat", "lon", "speed", "plate", "row"])
        dup = track.duplicated(["coach_id", "minutes"])
        for _, r in track[dup].iterrows():
            self.skip(file, int(r["row"]), "duplicate_fix", value=r["plate"])
        track = track[~dup]
        self.out.fixes = len(track)
        found = [find_stops(g, self.index.visits(coach), self.index.places).assign(coach_id=coach)
                 for coach, g in track.groupby("coach_id", sort=True)]
        gps = pd.concat(found, ignore_index=True) if found else pd.DataFrame()
        self.out.gps_stops = len(gps)
        if len(gps):
            self._merge(gps)

    def _merge(self, gps: pd.DataFrame) -> None:
        """GPS times (to the second) replace the log's (to the minute); the log keeps what the track lacks."""
        rows = {(r[0], r[1], r[3]): list(r) for r in self.out.stops.itertuples(index=False, name=None)}
        arrive, depart, source = STOP_COLUMNS.index("arrive_min"), STOP_COLUMNS.index("depart_min"), -1
        for r in gps.itertuples(index=False):
            key = (r.coach_id, int(r.trip), r.place)
            row = rows.get(key)
            if row is None:
                order = self.index.order(r.coach_id, int(r.trip), r.place)
                row = rows[key] = [r.coach_id, int(r.trip), order, r.place, float("nan"), float("nan"),
                                   float("nan"), "gps"]
            if r.place != "station" and np.isfinite(r.arrive_min):
                row[arrive] = r.arrive_min
            if np.isfinite(r.depart_min):
                row[depart] = r.depart_min
            row[source] = "gps"
        frame = pd.DataFrame(list(rows.values()), columns=list(STOP_COLUMNS))
        self.out.stops = frame.sort_values(["coach_id", "trip", "stop_order"], kind="stable", ignore_index=True)

    def checkins(self, frame: pd.DataFrame, file: str) -> None:
        rows, seen = [], set()
        for r in frame.itertuples(index=False):
            worker, ent = cell_text(r.worker), cell_text(r.enterprise)
            try:
                t = _value(self.minutes, r.time)
            except _Bad as bad:
                self.skip(file, r.row, bad.key, value=bad.value, date=self.date)
                continue
            if t != t:
                self.skip(file, r.row, "no_time")
                continue
            if worker:
                if worker not in self.index.enterprise_of:
                    self.skip(file, r.row, "formula" if worker[:1] == "=" else "unknown_worker", value=worker)
                    continue
                if worker in seen:
                    self.skip(file, r.row, "duplicate", value=worker)
                    continue
                seen.add(worker)
                rows.append((worker, self.index.enterprise_of[worker], t))
            else:
                eid = self.index.enterprise(ent)
                if eid is None:
                    self.skip(file, r.row, "unknown_enterprise", value=ent)
                    continue
                rows.append(("", eid, t))
        self.out.checkins = pd.DataFrame(rows, columns=["worker_id", "enterprise_id", "minutes"])

    def train(self, frame: pd.DataFrame, file: str) -> None:
        number_ = self.sc.train.number
        rows = frame[frame["train"].map(cell_text).isin(["", number_])] if "train" in frame else frame
        for r in rows.itertuples(index=False):
            try:
                self.out.train_arrival_min = _value(self.minutes, r.arrival)
                return
            except _Bad as bad:
                self.skip(file, r.row, bad.key, value=bad.value, date=self.date)


class _Bad(Exception):
    def __init__(self, key: str, value: str) -> None:
        self.key, self.value = key, value
        super().__init__(key)


def _value(parse: Callable[[str], float], cell: object) -> float:
    """A cell parsed (NaN when blank); a _Bad naming the reason and the cell's text."""
    text = cell_text(cell)
    if not text:
        return float("nan")
    try:
        return parse(text)
    except TimeProblem as exc:
        raise _Bad(exc.key, text) from None


def _plate(value: object) -> str:
    return "".join(cell_text(value).split()).upper()


def records_folder(path: str | Path) -> Path:
    """``path`` as a records folder; one line when there is none."""
    folder = Path(path)
    if not folder.is_dir():
        raise ScenarioError("records.no_folder", file=str(folder))
    return folder


def read_records(path: str | Path, sc: Scenario, plan: Plan) -> Records:
    """Read a night's records (a folder of tables) against the scenario and its routed plan."""
    folder = records_folder(path)
    files = _files(folder)
    if not files:
        raise ScenarioError("records.no_tables", file=str(folder), fix="records.no_folder.fix")
    reader = _Reader(sc, plan, folder.name)
    for table in ("station_log", "train", "checkins", "gps"):
        if table in files:
            frame = _table(files[table], table)
            before = reader.out.skipped
            getattr(reader, table)(frame, files[table].name)
            kept = len(frame) - (reader.out.skipped - before)
            if kept <= 0 and len(frame):
                raise ScenarioError("records.nothing_sound", file=files[table].name,
                                    table=Msg(f"records.table.{table}"), skipped=len(frame))
    return reader.out
