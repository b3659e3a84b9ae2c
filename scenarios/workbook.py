"""Tables from ``.xlsx`` workbooks (Excel or WPS) and CSVs as one thing: a grid of cells with Excel row numbers.

openpyxl reads the workbooks (cell types as Excel stores them: numbers, text, dates, times; merged ranges; data
validation, which the template's tests read back). Old ``.xls``, password-protected and ``.numbers`` files are
recognised by their first bytes and refused with what to do. Nothing here evaluates a formula: a formula cell gives
the value Excel or WPS saved with it.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from scenarios.encoding import NotText, decode
from scenarios.files import TOO_BIG_FIX, active_limits, read_limited
from scenarios.texts import TableError, hints

#: A workbook may unpack to at most this many bytes (a zip bomb is refused before it is parsed).
MAX_UNPACKED_BYTES = 400_000_000
#: Distinct texts (shared strings) a workbook may hold, per row of the row limit: openpyxl reads them all when it
#: opens the workbook, so they are counted first (a roster row has about a dozen cells, most of them repeated).
STRINGS_PER_ROW = 8
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and encrypted .xlsx
ZIP_MAGIC = b"PK\x03\x04"
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm")
#: A document type (where XML entities are declared: "billion laughs", external files) sits before the root
#: element; Excel and WPS never write one, so a part whose first bytes hold one is refused before any parsing.
#: openpyxl also parses through defusedxml (a declared dependency), which forbids entities, as a second guard.
PROLOG_BYTES = 65_536
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
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
    data = read_limited(path, active_limits().max_bytes, what="table", fix=TOO_BIG_FIX, shown_as=name)
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
    with zipfile.ZipFile(path) as archive:
        for member in sorted(n for n in names if n.endswith((".xml", ".rels"))):
            with archive.open(member) as handle:
                if _DOCTYPE.search(handle.read(PROLOG_BYTES)):
                    raise TableError("xml_doctype", file=name, member=member)


def sheet_names(path: Path, label: str | None = None) -> list[str]:
    """The sheet names of a workbook, in order."""
    book = _open(path, label or str(path))
    try:
        return [ws.title for ws in book.worksheets]
    finally:
        book.close()


_TAIL = 16  # bytes carried between chunks: longer than any match of the patterns below
_STRING = re.compile(rb"<(?:\w{1,8}:)?si[\s>/]")
_ROW = re.compile(rb"<(?:\w{1,8}:)?row[\s>/]")
_ROW_NUMBER = re.compile(rb"\sr=\"(\d{1,9})\"")


def _scan(path: Path, member: str, pattern: re.Pattern[bytes], stop: int) -> tuple[int, int]:
    """(matches of ``pattern``, the largest ``r="N"`` within 200 bytes after one) in one part of the package,
    read in chunks; the scan ends once the matches pass ``stop``."""
    found = largest = 0
    with zipfile.ZipFile(path) as archive:
        if member not in archive.namelist():
            return 0, 0
        with archive.open(member) as handle:
            tail = b""
            while found <= stop:
                chunk = handle.read(1 << 20)
                data = tail + chunk
                end = len(data) - _TAIL if chunk else len(data)
                for match in pattern.finditer(data):
                    if match.start() >= end:
                        break
                    found += 1
                    if pattern is _ROW and (number := _ROW_NUMBER.search(data, match.end(), match.end() + 200)):
                        largest = max(largest, int(number.group(1)))
                if not chunk:
                    break
                tail = data[end:]
    return found, largest


def _check_rows(path: Path, name: str, member: str, limit: int) -> None:
    """Refuse a sheet of more than ``limit`` rows, counted in its XML (row elements, and their numbers: a row far
    down makes every row above it a row) before openpyxl reads a cell: a sheet of a million rows is refused in
    about a second, not after minutes."""
    count, largest = _scan(path, member, _ROW, limit)
    if count > limit or largest > limit:
        raise TableError("too_many_rows", file=name, limit=limit)


def _open(path: Path, name: str):
    import openpyxl

    _check_zip(path, name)
    most = active_limits().max_rows * STRINGS_PER_ROW
    if _scan(path, "xl/sharedStrings.xml", _STRING, most)[0] > most:
        raise TableError("too_many_strings", file=name, limit=most)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles and extensions it drops; none matter here
            return openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for damaged files; all mean "cannot read"
        raise TableError("corrupt", file=name, reason=type(exc).__name__) from None


_MERGE = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Za-z]+[0-9]+)(?::([A-Za-z]+[0-9]+))?\"")


def _merged(path: Path, member: str) -> list[tuple[int, int, int, int]]:
    """The merged ranges of one sheet, read from its XML in chunks (read-only openpyxl does not give them)."""
    from openpyxl.utils.cell import coordinate_to_tuple

    found = []
    with zipfile.ZipFile(path) as archive, archive.open(member) as handle:
        tail = b""
        while chunk := handle.read(1 << 20):
            data = tail + chunk
            last = 0
            for match in _MERGE.finditer(data):
                r1, c1 = coordinate_to_tuple(match.group(1).decode().upper())
                r2, c2 = coordinate_to_tuple((match.group(2) or match.group(1)).decode().upper())
                found.append((r1, c1, r2, c2))
                last = match.end()
            tail = data[max(last, len(data) - 200):]
    return sorted(set(found))


def _read_workbook(path: Path, name: str, sheet: str | None) -> Grid:
    book = _open(path, name)
    try:
        names = [ws.title for ws in book.worksheets]
        if not names:
            raise TableError("corrupt", file=name, reason="no worksheet")
        if sheet is None:
            ws = book.worksheets[0]
        else:
            found = [n for n in names if n == sheet] or [n for n in names if n.strip().lower() == sheet.strip().lower()]
            if not found and sheet.strip().isdigit() and 1 <= int(sheet) <= len(names):
                found = [names[int(sheet) - 1]]  # sheet: 2 is the second sheet
            if not found:
                raise TableError("no_sheet", file=name, wanted=sheet, **hints(sheet, names), sheets=", ".join(names))
            ws = book[found[0]]
        ws.reset_dimensions()  # a sheet formatted to column XFD is not read as 16,384 columns wide
        member = ws._worksheet_path  # the sheet's part in the package (openpyxl keeps it for read-only sheets)
        limit = active_limits().max_rows
        _check_rows(path, name, member, limit)
        rows: list[list[object]] = []
        try:
            for row in ws.iter_rows(values_only=True):  # row by row, stopping at the limit
                rows.append(list(row))
                if len(rows) > limit:
                    raise TableError("too_many_rows", file=name, limit=limit)
        except TableError:
            raise
        except Exception as exc:  # a damaged sheet
            raise TableError("corrupt", file=name, reason=type(exc).__name__) from None
        title = ws.title
    finally:
        book.close()
    return Grid(name, title, rows, _merged(path, member))
