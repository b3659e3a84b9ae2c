"""A season from a folder of tables: ``fairs``, ``posts`` and ``seekers`` (CSV or .xlsx; Chinese or English headers),
and ``districts`` (the city's; Qingdao's when absent). Every bad row of every table is told in one run.

``write_fair`` writes a season's tables (as the generator made them) so that it can be read back.
"""

from __future__ import annotations

import contextlib
import csv
from collections.abc import Iterator
from pathlib import Path

import pandas as pd

from present.lang import column as lang_column
from scenarios.aliases import shown_header
from scenarios.fair.columns import FAIR_COLUMNS, POST_COLUMNS, SEEKER_COLUMNS
from scenarios.fair.generate import DISTRICTS_CSV
from scenarios.fair.model import FairScenario
from scenarios.fair.prepare import prepare
from scenarios.files import active_limits
from scenarios.tables import DISTRICT_COLUMNS, read_table
from scenarios.texts import TableError
from scenarios.writers import write_csv

TABLES = {"fairs": ("fair", FAIR_COLUMNS), "posts": ("post", POST_COLUMNS), "seekers": ("seeker", SEEKER_COLUMNS)}
SUFFIXES = (".csv", ".xlsx")


def _find(folder: Path, stem: str) -> Path | None:
    for suffix in SUFFIXES:
        if (folder / f"{stem}{suffix}").is_file():
            return folder / f"{stem}{suffix}"
    return None


def _no_clock(text: str) -> float:
    raise ValueError(text)


@contextlib.contextmanager
def _long_cells() -> Iterator[None]:
    """Let a CSV cell be as long as the file may be (a form's 10 MB cell is then told by row and column, with the
    other problems, rather than stopping the reading)."""
    old = csv.field_size_limit(max(active_limits().max_bytes, 131_072))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def load_fair(folder: str | Path, name: str | None = None) -> FairScenario:
    """Read and check a season's tables; ``FairInputError`` (from ``prepare``) tells every problem found, one line
    each."""
    folder = Path(folder)
    problems: list[TableError] = []
    frames: dict[str, pd.DataFrame] = {}
    for stem, (what, columns) in TABLES.items():
        path = _find(folder, stem)
        if path is None:
            raise TableError("not_found", file=str(folder / f"{stem}.csv"))
        with _long_cells():
            frame = read_table(path, columns, parse_clock=_no_clock, what=what, bad=problems)
        # a row with a bad cell is told once, here, and left out of the further checks
        frames[stem] = frame[~frame["row"].isin(frame.attrs.get("bad_rows", set()))]
    districts_path = _find(folder, "districts") or DISTRICTS_CSV
    districts = read_table(districts_path, DISTRICT_COLUMNS, parse_clock=_no_clock, what="district")
    return prepare(name or folder.name, frames["fairs"], frames["posts"], frames["seekers"], districts,
                   problems=problems)


def write_fair(sc: FairScenario, folder: str | Path, lang: str = "zh") -> list[Path]:
    """The season's three tables as CSV (UTF-8 with BOM, for Excel) with headers in ``lang``."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for stem, (what, columns) in TABLES.items():
        frame = getattr(sc, stem)[list(columns)].copy()
        if stem == "posts":  # districts and codes as the enterprise wrote them
            frame["district"] = sc.districts["name_zh"].reindex(frame["district"]).to_numpy()
        if stem == "fairs":  # the fair's district by its name, as the bureau writes it (read back by name too)
            frame["district"] = sc.districts[lang_column(lang)].reindex(frame["district"]).to_numpy()
        frame.columns = [shown_header(what, c, lang) for c in columns]
        write_csv(frame, folder / f"{stem}.csv", encoding="utf-8-sig")
        written.append(folder / f"{stem}.csv")
    return written
