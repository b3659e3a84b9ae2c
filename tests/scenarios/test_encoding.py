"""CSV text as Chinese Excel and WPS save it: the encoding is found without a hint; line ends do not matter."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from scenarios.cells import CellProblem, clock_text
from scenarios.encoding import NotText, decode

TEXT = "工号,姓名,县区\r\n1001,王建国,安定区\r\n1002,李丽,通渭县\r\n"


@pytest.mark.parametrize(("data", "name"), [
    (TEXT.encode("utf-8"), "UTF-8"),
    (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "UTF-8 with BOM"),
    (TEXT.encode("gbk"), "GBK"),
    ((TEXT + "1003,𠮷祥,岷县\r\n").encode("gb18030"), "GB18030"),  # 𠮷 is not in GBK
    (TEXT.encode("utf-16"), "UTF-16"),  # Excel's "Unicode text"
])
def test_encodings_found(data: bytes, name: str) -> None:
    decoded = decode(data)
    assert decoded.name == name
    assert decoded.text.startswith("工号,姓名,县区\n1001,王建国,安定区\n")
    assert "\r" not in decoded.text


def test_bytes_that_are_no_text_are_refused_with_the_line() -> None:
    with pytest.raises(NotText) as info:
        decode("工号\n1001\n".encode() + b"\x81\x20\xff\n")
    assert info.value.line == 3 and info.value.byte == 0x81


@pytest.mark.parametrize(("cell", "clock"), [
    (dt.time(18, 0), "18:00"), ("18:00:00", "18:00"), ("18：30", "18:30"), (" 7:05 ", "07:05"), (0.75, "18:00"),
    (dt.datetime(2023, 2, 1, 19, 30), "19:30"), (dt.timedelta(hours=2, minutes=15), "02:15"), ("01:30+1", "01:30+1"),
])
def test_clock_cells(cell: object, clock: str) -> None:
    assert clock_text(cell) == clock


@pytest.mark.parametrize("cell", ["25:00", "18:60", "晚上六点", dt.date(2023, 2, 1), dt.datetime(2023, 2, 1),
                                  dt.timedelta(hours=25), dt.datetime(1900, 1, 1, 1, 0)])
def test_not_clock_cells(cell: object) -> None:
    with pytest.raises(CellProblem):
        clock_text(cell)
