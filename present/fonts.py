"""The vendored CJK font (a subset of Noto Sans SC, SIL OFL 1.1; see ``present/fonts/OFL.txt``) for matplotlib.

Charts draw Chinese on a machine with no CJK font installed: ``register()`` adds the font file to matplotlib's font
manager, and ``rc(lang)`` gives the settings to draw with it (font fallback: the vendored font, then DejaVu Sans).
``present/fonts/make_font.py`` rebuilds the font file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from present.lang import check_lang

FONT_DIR = Path(__file__).resolve().parent / "fonts"
FONT_FILE = FONT_DIR / "NotoSansSC-LT.ttf"
FAMILY = "Noto Sans SC LT"
FALLBACK = "DejaVu Sans"
_registered = False


def register() -> str:
    """Add the vendored font to matplotlib's font manager (once) and return its family name."""
    global _registered
    if not _registered:
        from matplotlib import font_manager

        font_manager.fontManager.addfont(str(FONT_FILE))
        _registered = True
    return FAMILY


def rc(lang: str = "zh") -> dict[str, Any]:
    """matplotlib rcParams for the charts: the vendored font first (CJK and Latin), DejaVu Sans as fallback.

    PDF and PostScript embed the font as Type 42 (TrueType), so saved PDFs show the same glyphs everywhere.
    """
    check_lang(lang)
    register()
    return {"font.family": [FAMILY, FALLBACK], "axes.unicode_minus": False, "pdf.fonttype": 42, "ps.fonttype": 42}
