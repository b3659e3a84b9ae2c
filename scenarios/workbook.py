"""Tables from ``.xlsx`` workbooks (Excel or WPS) and CSVs as one thing: a grid of cells with Excel row numbers.

openpyxl reads the workbooks (cell types as Excel stores them: numbers, text, dates, times; merged ranges; data
validation, which the template's tests read back). Old ``.xls``, password-protected and ``.numbers`` files are
recognised by their first bytes and refused with what to do. Nothing here evaluates a formula: a formula cell gives
the value Excel or WPS saved with it.
"""

from __future__ import annotations

import csv
import io
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from scenarios.encoding import NotText, decode
from scenarios.texts import TableError, hints

#: A workbook may unpack to at most this many bytes (a zip bomb is refused before it is parsed).
MAX_UNPACKED_BYTES = 400_000_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
TEXT_SUFFIXES = (".csv", ".txt", ".tsv", "")


@dataclass
class Grid:
    """The cells of one sheet (or CSV): ``rows[k]`` is Excel row ``k + 1``; merged ranges as 1-based bounds."""

    file: str
    sheet: str | None
    rows: list[list[object]]
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # (min_row, min_col, max_row, max_col)
    encoding: str | None = None  # for people, when a CSV was not plain UTF-8


def read_grid(path: Path, sheet: str | None = None, label: str | None = None) -> Grid:
    """The grid of ``path``: a CSV in any of the usual encodings, or a sheet of a workbook (the first by default)."""
    name = label or str(path)
    if not path.is_file():
        raise TableError("not_found", file=name)
    with path.open("rb") as handle:
        head = handle.read(8)
    suffix = path.suffix.lower()
    if head.startswith(OLE_MAGIC):
        raise TableError("xls", file=name)
    if suffix == ".numbers" or path.is_dir():
        raise TableError("numbers", file=name)
    if head.startswith(ZIP_MAGIC) or suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path, name, sheet)
    if suffix == ".xls":
        raise TableError("xls", file=name)
    if suffix not in TEXT_SUFFIXES:
        raise TableError("suffix", file=name, suffix=suffix)
    if sheet is not None:
        raise TableError("no_sheet", file=name, wanted=sheet, hint="a CSV has no sheets.", sheets="(none)")
    return _read_csv(path, name)


def _read_csv(path: Path, name: str) -> Grid:
    data = path.read_bytes()
    try:
        decoded = decode(data)
    except NotText as exc:
        raise TableError("not_text", file=name, byte=f"{exc.byte:02x}", line=exc.line) from None
    text = decoded.text
    first = text.split("\n", 1)[0]
    delimiter = "\t" if "\t" in first and "," not in first else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        rows: list[list[object]] = [list(r) for r in reader]
    except csv.Error as exc:
        raise TableError("bad_csv", file=name, line=reader.line_num, reason=str(exc)) from None
    return Grid(name, None, rows, encoding=None if decoded.plain_utf8 else decoded.name)


def _check_zip(path: Path, name: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise TableError("corrupt", file=name, reason=type(exc).__name__) from None
    if "xl/workbook.xml" not in names:
        if any(n.startswith("Index/") or n.endswith(".iwa") for n in names):
            raise TableError("numbers", file=name)
        raise TableError("corrupt", file=name, reason="no xl/workbook.xml inside")
    if size > MAX_UNPACKED_BYTES:
        raise TableError("too_big", file=name, size=size, limit=MAX_UNPACKED_BYTES)


def sheet_names(path: Path, label: str | None = None) -> list[str]:
    """The sheet names of a workbook, in order."""
    return [ws.title for ws in _open(path, label or str(path)).worksheets]


def _open(path: Path, name: str):
    import openpyxl

    _check_zip(path, name)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it drops; none matter here
            return openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files; all mean "cannot read"
        raise TableError("corrupt", file=name, reason=type(exc).__name__) from None


def _read_workbook(path: Path, name: str, sheet: str | None) -> Grid:
    book = _open(path, name)
    names = [ws.title for ws in book.worksheets]
    if sheet is None:
        ws = book.worksheets[0]
    else:
        found = [n for n in names if n == sheet] or [n for n in names if n.strip().lower() == sheet.strip().lower()]
        if not found:

            raise TableError("no_sheet", file=name, wanted=sheet, **hints(sheet, names), sheets=", ".join(names))
        ws = book[found[0]]
    cells = ws._cells  # only the cells that exist: a sheet formatted to column XFD is not 16,384 columns wide
    height = max((r for r, _ in cells), default=0)
    width = max((c for _, c in cells), default=0)
    rows: list[list[object]] = [[None] * width for _ in range(height)]
    for (r, c), cell in cells.items():
        rows[r - 1][c - 1] = cell.value
    merged = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    return Grid(name, ws.title, rows, merged)
