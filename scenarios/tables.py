"""The CSV tables of a scenario: their columns written down once, read with row-level errors."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from scenarios.errors import ScenarioError, suggest
from scenarios.ranges import MAX_INT64, MAX_PER_ENTERPRISE, MAX_VEHICLE_SEATS


@dataclass(frozen=True)
class Column:
    """One column: its kind ('str', 'int', 'float', 'clock'), whether it is required, its default and meaning.

    Whole numbers given (not blank) must lie in [low, high]; without bounds, they must fit in 64 bits.
    """

    kind: str
    required: bool = False
    default: object = ""
    doc: str = ""
    low: int | None = None
    high: int | None = None


WORKER_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="unique worker id"),
    "name": Column("str", True, doc="full name"),
    "county": Column("str", True, doc="home county id, e.g. tongwei"),
    "village": Column("str", doc="home village (fellow villagers are kept together)"),
    "car": Column("int", default=0, doc="train car number; 0 = not known (assigned in roster order)"),
    "gender": Column("str", default="", doc="M or F; blank when not known"),
    "age": Column("int", default=0, doc="age in years; 0 = not known"),
    "skills": Column("str", default="general", doc="job types the worker can do, separated by ';'"),
    "returning_employer": Column("str", doc="enterprise id of last year's employer; blank if new"),
    "wish_district": Column("str", doc="district id the worker asked for; blank if none"),
    "wish_job": Column("str", doc="job type the worker asked for; blank if none"),
    "phone": Column("str", doc="mobile phone; printed only on the coach manifests for the station team"),
    "id_number": Column("str", doc="identity-card number; never printed in full (masked 6211**********1234)"),
}

ENTERPRISE_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="unique enterprise id"),
    "name": Column("str", True, doc="enterprise name"),
    "district": Column("str", True, doc="district id"),
    "lat": Column("float", True, doc="latitude, degrees"),
    "lon": Column("float", True, doc="longitude, degrees"),
    "max_female": Column(
        "int", default=-1, doc="beds for women in the dormitory; blank = no limit", low=0, high=MAX_PER_ENTERPRISE
    ),
    "max_male": Column(
        "int", default=-1, doc="beds for men in the dormitory; blank = no limit", low=0, high=MAX_PER_ENTERPRISE
    ),
    "checkin_open": Column("clock", default="18:00", doc="dormitory check-in opens (clock time)"),
    "checkin_close": Column("clock", default="03:00", doc="dormitory check-in closes (clock time)"),
    "pickup": Column("str", default="coach", doc="'coach' (city coaches) or 'own' (the enterprise's vehicle)"),
    "own_seats": Column(
        "int", default=0, doc="seats of the enterprise's vehicle when pickup is 'own'", low=0, high=MAX_VEHICLE_SEATS
    ),
    "own_arrival": Column("clock", default="", doc="when the enterprise's own vehicle is at the station"),
    "contact": Column("str", doc="who receives the workers at the enterprise (printed on the coach manifest)"),
    "contact_phone": Column("str", doc="that person's phone (printed only on the coach manifests)"),
}
#: Enterprises also have one column ``posts_<job>`` (whole number >= 0) per job type of the scenario.
POSTS_PREFIX = "posts_"

DISTRICT_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="district id, e.g. jiaozhou"),
    "name_zh": Column("str", True, doc="Chinese name"),
    "name_en": Column("str", True, doc="English name"),
    "lat": Column("float", True, doc="centre latitude"),
    "lon": Column("float", True, doc="centre longitude"),
    "meeting_point": Column("str", doc="where the district's sign stands at the station"),
}


def read_text(path: Path) -> str:
    """The file's text, or a ScenarioError that says how to fix a missing or non-UTF-8 file."""
    if not path.is_file():
        raise ScenarioError("file not found.", file=str(path), fix="check the path, relative to the scenario file.")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ScenarioError(
            f"not UTF-8 text (byte 0x{data[exc.start]:02x} on line {line}).",
            file=str(path),
            fix="save the file as 'CSV UTF-8' (Excel) or convert it with iconv -f GBK -t UTF-8.",
        ) from None


def _whole(text: str, spec: Column) -> int:
    """The whole number in ``text``, within the column's bounds (or 64 bits)."""
    try:
        value = int(text)
    except ValueError:
        number = float(text)
        if not math.isfinite(number) or number != int(number):
            raise ValueError(f"expected a whole number, got {text!r}.") from None
        value = int(number)
    if spec.low is not None and spec.high is not None and not spec.low <= value <= spec.high:
        raise ValueError(f"expected a whole number from {spec.low} to {spec.high:,}, got {text!r}.")
    if abs(value) > MAX_INT64:
        raise ValueError(f"value {text!r} is out of range (a whole number here must lie within +-2^63).")
    return value


def _convert(spec: Column, raw: str, parse_clock: Callable[[str], float]) -> object:
    kind = spec.kind
    text = raw.strip()
    if text == "":
        return spec.default
    if kind == "str":
        return text
    if kind == "int":
        return _whole(text, spec)
    if kind == "float":
        number = float(text)
        if not math.isfinite(number):
            raise ValueError(f"expected a finite number, got {text!r}.")
        return number
    if kind == "clock":
        parse_clock(text)
        return text
    raise AssertionError(kind)


def read_table(
    path: Path,
    columns: dict[str, Column],
    *,
    extra_prefix: str | None = None,
    extra_names: tuple[str, ...] = (),
    parse_clock: Callable[[str], float],
    what: str,
    keyed: bool = True,
) -> pd.DataFrame:
    """Read one table, checking the header, every row's values and unique ids; indexed by ``id`` when keyed."""
    text = read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        rows = list(reader)
    except csv.Error as exc:
        raise ScenarioError(
            f"cannot read line {reader.line_num} as CSV ({exc}).",
            file=str(path),
            fix="check quotes and line breaks on that line; save the file again as CSV UTF-8.",
        ) from None
    while rows and not any(cell.strip() for cell in rows[-1]):
        rows.pop()
    if not rows:
        raise ScenarioError(
            f"the {what} table is empty (no header).",
            file=str(path),
            fix=f"start with a header line: {','.join(c for c, s in columns.items() if s.required)}",
        )
    header = [h.strip() for h in rows[0]]
    known = set(columns) | {f"{extra_prefix}{n}" for n in extra_names} if extra_prefix else set(columns)
    for name in header:
        if name not in known:
            raise ScenarioError(
                f"unknown column '{name}'; {suggest(name, known)}", file=str(path), fix="rename or remove the column."
            )
    if len(set(header)) != len(header):
        dup = next(h for h in header if header.count(h) > 1)
        raise ScenarioError(f"column '{dup}' appears twice.", file=str(path), fix="keep one of them.")
    for name, spec in columns.items():
        if spec.required and name not in header:
            raise ScenarioError(
                f"missing column '{name}' ({spec.doc}).",
                file=str(path),
                fix=f"add a '{name}' column to the header line.",
            )
    if len(rows) == 1:
        raise ScenarioError(
            f"the {what} table has a header but no rows.", file=str(path), fix=f"add at least one {what} row."
        )
    all_columns = dict(columns)
    if extra_prefix:
        for n in extra_names:
            all_columns[f"{extra_prefix}{n}"] = Column(
                "int", default=0, doc=f"number of posts for job '{n}'", low=0, high=MAX_PER_ENTERPRISE
            )
    records: dict[str, list[object]] = {name: [] for name in all_columns}
    seen: dict[str, int] = {}
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if any("\n" in cell for cell in row):
            raise ScenarioError(
                'a quote (") opened on this row is never closed, so the rest of the file is read as one value.',
                file=str(path),
                row=number,
                fix="close the quote, or remove it (quotes are only needed around values with commas).",
            )
        if len(row) != len(header):
            raise ScenarioError(
                f"expected {len(header)} values, found {len(row)}.",
                file=str(path),
                row=number,
                fix="check for a missing or extra comma (quote values that contain commas).",
            )
        values = dict(zip(header, row, strict=True))
        for name, spec in all_columns.items():
            raw = values.get(name, "")
            if spec.required and not raw.strip():
                raise ScenarioError("is empty.", file=str(path), row=number, field=name, fix=f"give the {spec.doc}.")
            try:
                records[name].append(_convert(spec, raw, parse_clock))
            except ValueError as exc:
                message = (
                    str(exc).split(": ", 1)[-1]
                    if "could not convert" not in str(exc)
                    else (f"expected a number, got {raw.strip()!r}.")
                )
                raise ScenarioError(
                    message, file=str(path), row=number, field=name, fix=f"give the {spec.doc or name}."
                ) from None
        ident = str(records["id"][-1]) if keyed else str(number)
        if ident in seen:
            raise ScenarioError(
                f"duplicate id '{ident}' (first on row {seen[ident]}).",
                file=str(path),
                row=number,
                field="id",
                fix="give every row its own id.",
            )
        seen[ident] = number
    frame = pd.DataFrame(records)
    frame["row"] = list(seen.values())
    return frame.set_index("id", drop=False).rename_axis(None) if keyed else frame
