"""Fingerprints of the loaded bundled nights: what ``scenarios.load`` (and a season's ``night``) hands on.

``python -m tests.scenarios.load_fingerprint`` records them into ``load_fingerprints.json`` beside this file; the
test compares today's loader with the record. Re-record only when the bundled data or the loaded objects change on
purpose (say so in the commit). A table's fingerprint covers its columns, dtypes, index and every value (floats to
the last bit, through ``repr``); the sections are compared by their dataclass ``repr``. Table ``attrs`` (reading
notes kept while loading) are not part of a loaded scenario's contents and are left out.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

import pandas as pd

import scenarios
from scenarios.loader import DATA_DIR
from scenarios.scenario import Scenario

RECORD = Path(__file__).with_name("load_fingerprints.json")
#: The season whose first nights are fingerprinted too (a night is built by ``Season.night``).
SEASON, SEASON_NIGHTS = "qingdao_season_2023", 4


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


def table_digest(frame: pd.DataFrame | None) -> str:
    """Columns, dtypes, index and values of one table."""
    if frame is None:
        return "none"
    head = json.dumps([list(map(str, frame.columns)), [str(t) for t in frame.dtypes], str(frame.index.dtype)])
    return _digest(head + "\n" + frame.to_csv(lineterminator="\n"))


def _local(text: str) -> str:
    return text.replace(str(DATA_DIR), "<data>")


def fingerprint(sc: Scenario) -> dict[str, str]:
    """One digest per part of the scenario, so that a difference names its part."""
    parts = {
        name: _digest(repr(getattr(sc, name)))
        for name in ("meta", "train", "station", "fleet", "travel", "policy", "disruptions")
    }
    parts["jobs"] = _digest(repr(sc.jobs))
    for name in ("workers", "enterprises", "districts", "travel_matrix"):
        parts[name] = table_digest(getattr(sc, name))
    parts["raw"] = _digest(json.dumps(sc.raw, sort_keys=True, default=str, ensure_ascii=False))
    parts["source"] = _local(str(sc.source))
    parts["warnings"] = _digest(_local(json.dumps(sc.warnings, ensure_ascii=False)))
    return parts


def loaded_nights() -> dict[str, Scenario]:
    """Every bundled scenario, and the first nights of the bundled season."""
    from scenarios.season import load_season

    out = {name: scenarios.load(name) for name in scenarios.bundled_names()}
    season = load_season(SEASON)
    for arrival in season.arrivals[:SEASON_NIGHTS]:
        out[f"{SEASON}/{arrival.id}"] = season.night(arrival)
    return out


def fingerprints() -> dict[str, dict[str, str]]:
    return {name: fingerprint(sc) for name, sc in loaded_nights().items()}


def main() -> None:
    RECORD.write_text(json.dumps(fingerprints(), indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"recorded {RECORD}", file=sys.stderr)


if __name__ == "__main__":
    main()
