"""Workbooks crafted part by part: a sheet of a million rows or millions of shared strings in a few hundred KB."""

from __future__ import annotations

import zipfile
from collections.abc import Iterable
from pathlib import Path

_TYPES = (b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
          b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
          b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/'
          b'workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
          b'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
          b'officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType='
          b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
         b'2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
         b'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_BOOK = (b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
         b'2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
         b'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
_BOOK_RELS = (b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
              b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
              b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
              b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
              b'Target="sharedStrings.xml"/></Relationships>')
_NS = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def _cell(ref: str, text: str) -> bytes:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'.encode()


def row_xml(number: int, values: list[str]) -> bytes:
    """One row of inline-string cells (columns A, B, ...)."""
    cells = b"".join(_cell(f"{chr(65 + k)}{number}", v) for k, v in enumerate(values) if v)
    return f'<row r="{number}">'.encode() + cells + b"</row>"


def crafted_xlsx(path: Path, rows: Iterable[bytes], strings: Iterable[bytes] = (), dimension: str = "A1") -> Path:
    """A workbook whose one sheet holds ``rows`` (``row_xml`` parts) and whose shared strings are ``strings``
    (``<si>`` parts); ``dimension`` is what the sheet declares its size to be."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as z:
        z.writestr("[Content_Types].xml", _TYPES)
        z.writestr("_rels/.rels", _RELS)
        z.writestr("xl/workbook.xml", _BOOK)
        z.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with z.open("xl/sharedStrings.xml", "w") as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?><sst ' + _NS + b">")
            for item in strings:
                part.write(item)
            part.write(b"</sst>")
        with z.open("xl/worksheets/sheet1.xml", "w") as part:
            part.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet ' + _NS + b'><dimension ref="'
                       + dimension.encode() + b'"/><sheetData>')
            for row in rows:
                part.write(row)
            part.write(b"</sheetData></worksheet>")
    return path
