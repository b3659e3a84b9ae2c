"""Chart figures that show themselves: in JupyterLab as an image with no ``%matplotlib`` magic, saved with the font.

A pyplot-free ``matplotlib.figure.Figure`` has no rich display of its own (Jupyter prints ``<Figure size ...>``
unless the inline backend was switched on). ``Chart`` adds ``_repr_png_``, and saves (PNG, PDF, ``PdfPages``)
under the vendored CJK font's settings, so every chart of the library, made by ``figure()``, looks the same in a
notebook, a PNG and the meeting pack's PDF.
"""

from __future__ import annotations

import io
from typing import Any

import matplotlib as mpl
from matplotlib.figure import Figure

from present.fonts import rc
from present.lang import check_lang

#: Resolution of the image shown in a notebook (pixels per inch; an 11-inch chart is 1100 pixels wide).
NOTEBOOK_DPI = 100


class Chart(Figure):
    """A matplotlib Figure in a language (``lang``) that displays inline in Jupyter and saves with the font."""

    def __init__(self, *args: Any, lang: str = "zh", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang = check_lang(lang)

    def savefig(self, *args: Any, **kwargs: Any) -> None:
        """``Figure.savefig`` under the chart's font settings (the vendored font, embedded in PDF as TrueType)."""
        with mpl.rc_context(rc(self.lang)):
            super().savefig(*args, **kwargs)

    def png(self, dpi: float = NOTEBOOK_DPI) -> bytes:
        """The chart as PNG bytes."""
        buffer = io.BytesIO()
        self.savefig(buffer, format="png", dpi=dpi)
        return buffer.getvalue()

    def _repr_png_(self) -> bytes:
        return self.png()


def figure(lang: str = "zh", **kwargs: Any) -> Chart:
    """A new ``Chart`` (keyword arguments as for ``matplotlib.figure.Figure``: figsize, layout, ...)."""
    return Chart(lang=lang, **kwargs)
