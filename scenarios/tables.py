"""The tables of a scenario (CSV or ``.xlsx``): their columns written down once, read with row-level errors.

How a table is read: the header is the first row, among the first 30, in which at least two cells name known
columns (in Chinese or English, see ``scenarios.aliases``); rows above it (a merged title, a date line) are skipped,
and when no row has two known names the first non-blank row is the header (so its unknown names are reported).
Header cells that are merged are an error; a value merged down over several data rows (a county written once for
its group) applies to each of those rows. Blank rows are skipped. Rows are numbered as Excel shows them.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from present.catalog import Msg
from present.errors import ScenarioErrors
from scenarios.aliases import IGNORED, header_map, normal, shown_header
from scenarios.cells import MAX_SHOWN, CellProblem, Column, cell_text, convert
from scenarios.errors import ScenarioError
from scenarios.ranges import MAX_PER_ENTERPRISE, MAX_VEHICLE_SEATS
from scenarios.texts import TableError, what_zh
from scenarios.workbook import Grid, read_grid

__all__ = ["Column", "read_table"]


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
    "phone": Column("str", doc="phone number (printed on the coach manifest for the station team)"),
}

ENTERPRISE_COLUMNS: dict[str, Column] = {
    "id": Column("str", True, doc="unique enterprise id"),
    "name": Column("str", True, doc="enterprise name"),
    "district": Column("str", True, doc="district id"),
    "lat": Column("float", doc="latitude, degrees; blank = the district centre (times approximate)", default=math.nan),
    "lon": Column("float", doc="longitude, degrees; blank = the district centre", default=math.nan),
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
    "address": Column("str", doc="street address (kept for people; coordinates or a travel matrix place it)"),
    "contact": Column("str", doc="contact person"),
    "phone": Column("str", doc="contact phone number"),
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


#: The header is looked for in this many rows at the top of a sheet.
MAX_TITLE_ROWS = 30


def _blank(row: list[object]) -> bool:
    return not any(cell_text(c) for c in row)


def _cell_name(row: int, col: int) -> str:
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return f"{letters}{row}"


def _find_header(grid: Grid, names: dict[str, str]) -> int:
    """The index of the header row (see the module docstring)."""
    first = None
    for index, row in enumerate(grid.rows[:MAX_TITLE_ROWS]):
        if _blank(row):
            continue
        first = index if first is None else first
        if len({names[k] for k in (normal(c) for c in row if cell_text(c)) if k in names}) >= 2:
            return index
    return 0 if first is None else first


@dataclass(frozen=True)
class Header:
    """Where each known column is (index -> canonical name), how it is written, and the columns ignored."""

    at: dict[int, str]
    written: dict[str, str]
    ignored: tuple[str, ...]


def _header(grid: Grid, top: int, names: dict[str, str], what: str) -> Header:
    at: dict[int, str] = {}
    written: dict[str, str] = {}
    ignored: list[str] = []
    skip = {normal(n) for n in IGNORED}
    spelled = {key: column for key, column in names.items()}
    for index, cell in enumerate(grid.rows[top]):
        name = cell_text(cell)
        if not name:
            continue
        key = normal(name)
        where = {"file": grid.file, "sheet": grid.sheet, "row": top + 1, "column": name}
        if key in names:
            column = names[key]
            if column in written:
                raise TableError("twice", other=written[column], **where)
            at[index], written[column] = column, name
            continue
        cjk = any(ord(ch) > 0x2E80 for ch in key)
        close = [] if key in skip else difflib.get_close_matches(key, list(spelled), n=1, cutoff=0.5 if cjk else 0.7)
        if close:
            hint_word = _spelling(close[0], names, what)
            raise TableError(
                "near_header", hint=Msg("hint.did_you_mean", word=hint_word), **where
            )
        ignored.append(name)
    return Header(at, written, tuple(ignored))


def _spelling(key: str, names: dict[str, str], what: str) -> str:
    """The alias as written in ``scenarios.aliases`` for a normalised key (or the canonical column name)."""
    from scenarios.aliases import HEADERS

    column = names[key]
    for alias in (column, *HEADERS.get(what, {}).get(column, ())):
        if normal(alias) == key:
            return alias
    return column


def _merges(grid: Grid, top: int) -> None:
    """Refuse merged header cells; copy a value merged down a column into each of its rows."""
    for r1, c1, r2, c2 in grid.merged:
        if r2 < top + 1:
            continue  # a title above the header
        cells = f"{_cell_name(r1, c1)}:{_cell_name(r2, c2)}"
        if r1 <= top + 1 <= r2:
            raise TableError(
                "merged_header",
                file=grid.file,
                sheet=grid.sheet,
                row=r1,
                cells=cells,
                column=cell_text(grid.rows[top][c1 - 1]) if c1 - 1 < len(grid.rows[top]) else None,
            )
        if c2 > c1:
            raise TableError("merged_across", file=grid.file, sheet=grid.sheet, row=r1, cells=cells)
        value = grid.rows[r1 - 1][c1 - 1] if c1 - 1 < len(grid.rows[r1 - 1]) else None
        for r in range(r1 + 1, min(r2, len(grid.rows)) + 1):
            row = grid.rows[r - 1]
            row.extend([None] * (c1 - len(row)))  # Excel may leave the covered cells out of the file
            row[c1 - 1] = value


def read_table(
    path: Path,
    columns: dict[str, Column],
    *,
    extra_prefix: str | None = None,
    extra_names: tuple[str, ...] = (),
    extra_aliases: dict[str, tuple[str, ...]] | None = None,
    parse_clock: Callable[[str], float],
    what: str,
    keyed: bool = True,
    sheet: str | None = None,
    label: str | None = None,
    bad: list[ScenarioError] | None = None,
) -> pd.DataFrame:
    """Read one table (CSV or a workbook's sheet), checking the header, every row's values and unique ids.

    Indexed by ``id`` when keyed. Column ``row`` holds the row as Excel shows it. ``frame.attrs`` holds ``file``,
    ``sheet``, ``written`` (column -> header as written), ``ignored`` (headers not used) and ``notes`` (for people).
    Bad cells are raised together (``ScenarioErrors``), or, with a ``bad`` list, appended to it and the table returned
    with the columns' defaults in their place, so that the caller can go on to find the other tables' bad cells.
    """
    told_later = bad is not None
    all_columns = dict(columns)
    if extra_prefix:
        for n in extra_names:
            all_columns[f"{extra_prefix}{n}"] = Column(
                "int", default=0, doc=f"number of posts for job '{n}'", low=0, high=MAX_PER_ENTERPRISE
            )
    names = header_map(what, list(all_columns), extra_aliases)
    grid = read_grid(Path(path), sheet, label)
    while grid.rows and _blank(grid.rows[-1]):
        grid.rows.pop()
    where = {"file": grid.file, "sheet": grid.sheet}
    required = [c for c, s in columns.items() if s.required]
    if not grid.rows:
        header_line = ", ".join(shown_header(what, c, "en") for c in required)
        header_zh = "、".join(shown_header(what, c, "zh") for c in required)
        raise TableError(
            "empty", what=what, what_zh=what_zh(what), header=header_line, header_zh=header_zh, **where
        )
    top = _find_header(grid, names)
    _merges(grid, top)
    header = _header(grid, top, names, what)
    for name in required:
        if name not in header.written:
            zh, en = shown_header(what, name, "zh"), shown_header(what, name, "en")
            aliases = ", ".join(f"'{a}'" for a in dict.fromkeys((en, name)) if a != zh)
            raise TableError(
                "missing_column",
                name=name,
                name_zh=zh,
                doc=all_columns[name].doc,
                doc_zh="",
                aliases=aliases,
                row=top + 1,
                **where,
            )
    if ("lat" in header.written) != ("lon" in header.written) and {"lat", "lon"} <= set(all_columns):
        name = "lat" if "lat" not in header.written else "lon"
        raise TableError(
            "missing_column",
            name=name,
            name_zh=shown_header(what, name, "zh"),
            doc=all_columns[name].doc,
            doc_zh="",
            aliases=f"'{shown_header(what, name, 'en')}'",
            row=top + 1,
            **where,
        )
    body = grid.rows[top + 1 :]
    if all(_blank(r) for r in body):
        raise TableError("no_rows", what=what, what_zh=what_zh(what), **where)
    width = len(grid.rows[top])
    records: dict[str, list[object]] = {name: [] for name in all_columns}
    numbers: list[int] = []
    seen: dict[str, int] = {}
    bad = bad if bad is not None else []  # every bad cell of the table, told together (up to MAX_TOLD)
    told_before = len(bad)
    bad_rows: set[int] = set()  # rows with a bad cell: their defaults raise no further error
    for number, row in enumerate(body, start=top + 2):
        if _blank(row):
            continue
        if grid.sheet is None:
            _csv_row_shape(grid, row, number, width)
        values = {column: (row[i] if i < len(row) else None) for i, column in header.at.items()}
        for name, spec in all_columns.items():
            value = values.get(name)
            column = header.written.get(name, name)
            if spec.required and not cell_text(value):
                bad.append(TableError("required", doc=spec.doc, doc_zh=column, row=number, column=column, **where))
                bad_rows.add(number)
                records[name].append(spec.default)
                continue
            try:
                records[name].append(convert(spec, value, parse_clock))
            except CellProblem as exc:
                bad.append(TableError(exc.key, fix="v.fix", doc=spec.doc or name, doc_zh=column, row=number,
                                      column=column, **exc.params, **where))
                bad_rows.add(number)
                records[name].append(spec.default)
        numbers.append(number)
        if keyed:
            ident = str(records["id"][-1])
            if ident in seen and ident:
                bad.append(TableError("duplicate_id", ident=ident[:MAX_SHOWN], first=seen[ident], row=number,
                                      column=header.written["id"], **where))
            seen.setdefault(ident, number)
    if bad and not told_later:
        raise ScenarioErrors.of(bad)
    frame = pd.DataFrame(records)
    frame["row"] = numbers
    notes = []
    if grid.encoding:
        notes.append(Msg("warn.encoding", file=grid.file, encoding=grid.encoding))
    if header.ignored:
        shown = [n if len(n) <= MAX_SHOWN else n[: MAX_SHOWN - 3] + "..." for n in header.ignored[:20]]
        more = Msg("warn.more", n=len(header.ignored) - 20) if len(header.ignored) > 20 else ""
        notes.append(Msg("warn.unused_columns", where=_where(grid), columns=", ".join(shown), more=more))
    frame = frame.set_index("id", drop=False).rename_axis(None) if keyed else frame
    frame.attrs.update(file=grid.file, sheet=grid.sheet, written=header.written, ignored=header.ignored, notes=notes,
                       bad_rows=bad_rows if len(bad) > told_before else set())
    return frame


def _where(grid: Grid) -> str:
    return f"{grid.file}, sheet '{grid.sheet}'" if grid.sheet else grid.file


def _csv_row_shape(grid: Grid, row: list[object], number: int, width: int) -> None:
    where = {"file": grid.file, "row": number}
    if any("\n" in str(cell) for cell in row):
        raise ScenarioError("csv.open_quote", **where)
    if len(row) != width:
        raise ScenarioError(
            "csv.width",
            width=width,
            found=len(row),
            **where,
        )
