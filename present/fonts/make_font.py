"""Make ``NotoSansSC-LT.ttf``: a TrueType subset of Noto Sans SC (SIL OFL 1.1) for the charts.

Not run by the tests. Source: NotoSansSC-Regular.otf from the PyPI wheel ``pylopdf-fonts-zh-cn`` 0.1.1 (Noto Sans
CJK SC 2.004 by Adobe and Google). Steps: keep ASCII, Latin-1, general and CJK punctuation, arrows, maths operators,
geometric shapes, full-width forms, every GB2312 character (all 2-byte GB2312 code points, decoded) and every
character of the bundled scenarios and of the sources (chart and table words); convert the CFF outlines to
TrueType quadratic curves (cu2qu, as fontTools' ``otf2ttf`` snippet does), so matplotlib can embed the font in PDF
(Type 42) and PostScript; rename the family (the OFL asks that a modified font not pass for the original). Run::

    python present/fonts/make_font.py /tmp/dl/pylopdf-fonts-zh-cn/pylopdf_fonts_zh_cn-0.1.1-py3-none-any.whl

(or the path of NotoSansSC-Regular.otf taken out of the wheel).
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from pathlib import Path

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
FAMILY = "Noto Sans SC LT"
PS_NAME = "NotoSansSC-LT-Regular"
OUT = HERE / "NotoSansSC-LT.ttf"
MAX_ERR = 1.0  # font units; fontTools' otf2ttf default


def gb2312_chars() -> set[str]:
    """Every character GB2312 encodes (rows 0xA1-0xF7, cells 0xA1-0xFE)."""
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                continue
    return chars


def project_chars() -> set[str]:
    """Characters of the bundled scenario files and of the sources (chart and table words)."""
    chars: set[str] = set()
    patterns = ("scenarios/data/**/*.csv", "scenarios/data/**/*.yaml", "scenarios/*.py", "sim/**/*.py",
                "present/**/*.py", "planning/**/*.py", "whatif/**/*.py")
    for pattern in patterns:
        for path in ROOT.glob(pattern):
            chars.update(path.read_text(encoding="utf-8"))
    return {c for c in chars if ord(c) >= 0x20}


def wanted_codepoints() -> list[int]:
    ranges = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2190, 0x21FF), (0x2200, 0x22FF), (0x25A0, 0x25FF),
              (0x3000, 0x303F), (0xFF00, 0xFFEF)]
    points = {cp for lo, hi in ranges for cp in range(lo, hi + 1)}
    points |= {ord(c) for c in gb2312_chars() | project_chars()}
    return sorted(points)


def to_truetype(font: TTFont) -> None:
    """Replace CFF outlines by glyf quadratic outlines (fontTools Snippets/otf2ttf.py)."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    quad = {}
    for name in order:
        tt_pen = TTGlyphPen(glyph_set)
        glyph_set[name].draw(Cu2QuPen(tt_pen, MAX_ERR, reverse_direction=True))
        quad[name] = tt_pen.glyph()
    font["loca"] = newTable("loca")
    font["glyf"] = glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = quad
    for tag in ("CFF ", "VORG"):
        if tag in font:
            del font[tag]
    glyf.compile(font)
    hmtx = font["hmtx"]
    for name, glyph in glyf.glyphs.items():
        if hasattr(glyph, "xMin"):
            hmtx[name] = (hmtx[name][0], glyph.xMin)
    font["maxp"] = maxp = newTable("maxp")
    maxp.tableVersion = 0x00010000
    for field in ("maxZones",):
        setattr(maxp, field, 1)
    for field in ("maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs", "maxStackElements",
                  "maxSizeOfInstructions", "maxComponentElements"):
        setattr(maxp, field, 0)
    maxp.compile(font)
    post = font["post"]
    post.formatType = 2.0
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont) -> None:
    name = font["name"]
    for record in list(name.names):
        if record.nameID in (1, 4, 16, 18, 21):
            record.string = FAMILY
        elif record.nameID == 3:
            record.string = f"2.004;{PS_NAME};subset for labor-transfer"
        elif record.nameID == 6:
            record.string = PS_NAME
        elif record.nameID == 2:
            record.string = "Regular"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the pylopdf-fonts-zh-cn wheel, or NotoSansSC-Regular.otf")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if args.source.suffix == ".whl":
        with zipfile.ZipFile(args.source) as wheel:
            font = TTFont(io.BytesIO(wheel.read("pylopdf_fonts_zh_cn/NotoSansSC-Regular.otf")))
    else:
        font = TTFont(args.source)
    options = subset.Options()
    options.layout_features = ["kern", "liga", "locl", "vert", "fwid", "hwid", "pwid", "halt", "palt"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.hinting = False
    options.desubroutinize = True
    options.notdef_outline = True
    options.glyph_names = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=wanted_codepoints())
    subsetter.subset(font)
    to_truetype(font)
    rename(font)
    font.recalcTimestamp = False  # keep the source's timestamps: the same source gives the same bytes
    font.save(args.out)
    print(f"wrote {args.out} ({args.out.stat().st_size / 1e6:.1f} MB, {len(font.getGlyphOrder())} glyphs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
