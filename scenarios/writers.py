"""The one writer for CSV and Excel output: nothing from data ever becomes a formula or a link.

Rosters come from other bureaus and from forms people filled in, so a worker named ``=HYPERLINK("http://x","x")``
or ``=cmd|' /C calc'!A0`` must stay a name on the planners' machines (OWASP "CSV Injection"):

- CSV: a text cell that a spreadsheet program would read as a formula (it starts with ``= + - @``, a tab or a
  carriage return) gets a leading apostrophe, the escape Excel, WPS and LibreOffice understand. Numbers stay numbers
  (``-3.5`` is not a formula), and text that is a plain number (``-12``) or a lone sign is left as it is.
- Workbooks: xlsxwriter with ``strings_to_formulas``, ``strings_to_urls`` and ``strings_to_numbers`` off, so every
  string is a string cell; a formula-like string also gets Excel's hidden quote prefix, so that editing the cell
  (F2, Enter) keeps it text. A workbook is dated by the caller (the scenario's date), never by the clock, so the
  same plan gives the same bytes.
"""

from __future__ import annotations

import contextlib
import datetime
import gzip
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import xlsxwriter

#: The characters that make a spreadsheet program read a cell as a formula (OWASP's list).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
#: xlsxwriter options for every workbook: strings are written as strings, never as formulas, links or numbers.
WORKBOOK_OPTIONS: dict[str, Any] = {
    "strings_to_formulas": False,
    "strings_to_urls": False,
    "strings_to_numbers": False,
}
#: A font that Chinese Windows, WPS and Office for Mac all have (宋体); LibreOffice substitutes a CJK font.
DEFAULT_FONT = "SimSun"


def formula_like(text: str) -> bool:
    """Whether a spreadsheet program would read ``text`` as a formula."""
    return text.startswith(FORMULA_START) and len(text) > 1 and not _PLAIN_NUMBER.fullmatch(text)


#: Control characters no output file carries (NUL ends a C string; ESC drives terminals that `cat` the file):
#: C0 but tab, newline and carriage return, DEL and C1.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
#: Excel's most characters in a cell.
CELL_CHARS = 32_767


def strip_controls(text: str) -> str:
    """``text`` without control characters (tab and line breaks kept)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def safe_text(text: str) -> str:
    """``text`` without control characters, with a leading apostrophe when it would otherwise be read as a
    formula."""
    text = strip_controls(text)
    return "'" + text if formula_like(text) else text


def safe_cell(value: object) -> object:
    """A CSV cell: strings escaped by :func:`safe_text`, everything else unchanged."""
    return safe_text(value) if isinstance(value, str) else value


def safe_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose text cells and column names are escaped; numeric columns are untouched."""
    out = frame.copy()
    for col in out.columns:
        if isinstance(out[col].dtype, pd.CategoricalDtype):  # the categories may hold formula-like text
            out[col] = out[col].astype(object)
        if out[col].dtype == object or isinstance(out[col].dtype, pd.StringDtype):
            out[col] = out[col].map(safe_cell)
    out.columns = [safe_cell(c) for c in out.columns]
    if out.index.dtype == object:
        out.index = out.index.map(safe_cell)
    return out


def csv_text(frame: pd.DataFrame, *, index: bool = False, header: bool = True) -> str:
    """The frame as CSV text with formula-like cells escaped."""
    return safe_frame(frame).to_csv(index=index, header=header, lineterminator="\n")


#: Rows a large table is escaped and written at a time: its text copy never has to be held whole.
CHUNK_ROWS = 25_000


def write_csv(frame: pd.DataFrame, path: str | Path, *, index: bool = False, encoding: str = "utf-8",
              shape: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> None:
    """Write the frame as CSV (``encoding="utf-8-sig"`` for files people open in Excel); ``.gz`` paths are gzipped
    with no name and mtime 0 in the header, so equal data gives equal bytes. A large frame is written
    ``CHUNK_ROWS`` rows at a time, each made ready by ``shape`` (e.g. codes to text) and escaped on its own; the
    bytes are those of the whole frame written at once."""
    path = Path(path)
    gz = path.name.endswith(".gz")
    with open(path, "wb") as raw, (gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) if gz
                                   else contextlib.nullcontext(raw)) as out:
        for start in range(0, max(len(frame), 1), CHUNK_ROWS):
            part = frame.iloc[start:start + CHUNK_ROWS]
            part = shape(part) if shape is not None else part
            text = csv_text(part, index=index, header=start == 0)
            out.write(text.encode(encoding if start == 0 else encoding.removesuffix("-sig")))


def new_workbook(path: str | Path, created: datetime.date | datetime.datetime, *, font: str = DEFAULT_FONT,
                 font_size: float = 10.5, title: str = "") -> xlsxwriter.Workbook:
    """An xlsxwriter workbook that writes strings as strings, in ``font``, dated ``created`` (not the clock)."""
    options = dict(WORKBOOK_OPTIONS)
    options["default_format_properties"] = {"font_name": font, "font_size": font_size}
    book = xlsxwriter.Workbook(str(path), options)
    when = created if isinstance(created, datetime.datetime) else datetime.datetime.combine(created, datetime.time())
    book.set_properties({"created": when, "title": title, "author": "labor-transfer"})
    return book


class CellWriter:
    """Writes cells to an xlsxwriter workbook: strings as string cells (formula-like ones with the quote prefix),
    numbers as numbers, datetimes as dates; formats given as property dicts and made once per distinct dict."""

    def __init__(self, book: xlsxwriter.Workbook) -> None:
        self.book = book
        self._formats: dict[tuple, Any] = {}

    def fmt(self, props: dict[str, Any] | None = None, **more: Any):
        """The workbook format for these properties (shared between cells with equal properties)."""
        merged = {**(props or {}), **more}
        if not merged:
            return None
        key = tuple(sorted(merged.items()))
        if key not in self._formats:
            self._formats[key] = self.book.add_format(merged)
        return self._formats[key]

    def write(self, sheet, row: int, col: int, value: object, props: dict[str, Any] | None = None) -> None:
        """One cell; a blank for None and NaN."""
        props = props or {}
        if value is None or (not isinstance(value, str) and pd.api.types.is_scalar(value) and pd.isna(value)):
            sheet.write_blank(row, col, None, self.fmt(props))
        elif isinstance(value, str):
            fmt = self.fmt(props, quote_prefix=True) if formula_like(value) else self.fmt(props)
            if len(value) > CELL_CHARS:  # Excel's limit: the cell says it is cut, and a note says by how much
                sheet.write_string(row, col, value[:CELL_CHARS - 1] + "…", fmt)
                sheet.write_comment(row, col, f"已截断：原文 {len(value):,} 个字符，单元格最多 {CELL_CHARS:,} 个。\n"
                                              f"Cut: {len(value):,} characters, a cell holds at most {CELL_CHARS:,}.")
            else:
                sheet.write_string(row, col, value, fmt)
        elif isinstance(value, bool):
            sheet.write_boolean(row, col, value, self.fmt(props))
        elif isinstance(value, datetime.datetime | datetime.date | pd.Timestamp):
            stamp = value.to_pydatetime() if isinstance(value, pd.Timestamp) else value
            sheet.write_datetime(row, col, stamp, self.fmt({"num_format": "yyyy-mm-dd hh:mm", **props}))
        elif isinstance(value, int | float) or hasattr(value, "dtype"):
            sheet.write_number(row, col, float(value) if isinstance(value, float) else value, self.fmt(props))
        else:
            self.write(sheet, row, col, str(value), props)

    def write_row(self, sheet, row: int, col: int, values: list[object],
                  props: dict[str, Any] | list[dict[str, Any] | None] | None = None) -> None:
        """A row of cells, with one format for all or one per cell."""
        for k, value in enumerate(values):
            p = props[k] if isinstance(props, list) else props
            self.write(sheet, row, col + k, value, p)
