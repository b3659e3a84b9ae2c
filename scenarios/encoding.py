"""The text of a CSV as Chinese Excel and WPS save it: UTF-8, UTF-8 with BOM, GBK/GB18030 or UTF-16, any line ends."""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

#: Encodings tried in order after the UTF-16 and UTF-8 byte-order marks; GB18030 is a superset of GBK and GB2312.
CANDIDATES = ("utf-8", "gbk", "gb18030")
NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 with BOM", "gbk": "GBK", "gb18030": "GB18030", "utf-16": "UTF-16"}


@dataclass(frozen=True)
class Decoded:
    """The text and the encoding it was read in (``name`` is for people: 'GBK', 'UTF-8 with BOM', ...)."""

    text: str
    encoding: str

    @property
    def name(self) -> str:
        return NAMES.get(self.encoding, self.encoding)

    @property
    def plain_utf8(self) -> bool:
        return self.encoding in ("utf-8", "utf-8-sig")


class NotText(ValueError):
    """The bytes are not text in any encoding tried; ``line`` is the line of the first bad byte as UTF-8."""

    def __init__(self, byte: int, line: int) -> None:
        self.byte, self.line = byte, line
        super().__init__(f"byte 0x{byte:02x} on line {line}")


def _plausible(text: str) -> bool:
    """No control characters (other than tab and line ends) and no private-use characters: not mis-decoded bytes."""
    for ch in text:
        if ch in "\t\r\n":
            continue
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Co", "Cs", "Cn"):
            return False
    return True


def decode(data: bytes) -> Decoded:
    """Detect the encoding of ``data`` (no hint needed) and decode it; line ends are normalised to '\\n'."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(_lines(data.decode("utf-16")), "utf-16")
        except UnicodeDecodeError:
            pass
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(_lines(data.decode("utf-8-sig")), "utf-8-sig")
        except UnicodeDecodeError as exc:
            raise NotText(data[exc.start], _line_of(data, exc.start)) from None
    furthest: UnicodeDecodeError | None = None  # the encoding that read furthest is the file's: its bad byte is told
    for encoding in CANDIDATES:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            if furthest is None or exc.start > furthest.start:
                furthest = exc
            continue
        if encoding == "utf-8" or _plausible(text):
            return Decoded(_lines(text), encoding)
    if furthest is None:  # decoded as GBK/GB18030 but full of control characters: binary, not text
        raise NotText(data[0] if data else 0, 1)
    raise NotText(data[furthest.start], _line_of(data, furthest.start))


def _line_of(data: bytes, at: int) -> int:
    """The line (1-based) of byte ``at``, with any line ends (CRLF, LF or CR alone)."""
    head = data[:at]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
