"""The loader hands on the same objects as before it was made linear (issue 30): fingerprints recorded from the
loader as it was, on every bundled scenario and the bundled season's first nights."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd

import scenarios
from scenarios.loader import DATA_DIR
from tests.scenarios.load_fingerprint import RECORD, fingerprint, fingerprints


def test_bundled_nights_load_to_the_recorded_objects() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = fingerprints()
    assert set(now) == set(recorded)
    differ = {name: [p for p in parts if parts[p] != recorded[name].get(p)] for name, parts in now.items()}
    assert not any(differ.values()), (
        f"loaded objects differ from the record in {differ}; if the bundled data changed on purpose, "
        "re-record with `python -m tests.scenarios.load_fingerprint`"
    )


def test_loaded_tables_carry_no_reading_notes() -> None:
    """pandas deep-copies attrs into every derived table; a loaded scenario's tables have none to copy."""
    sc = scenarios.load("dingxi_qingdao_2025")
    assert sc.workers.attrs == {} and sc.enterprises.attrs == {} and sc.districts.attrs == {}


def test_returning_employers_by_exact_name_load_as_by_id(tmp_path: Path) -> None:
    """A roster naming returning workers' employers (as written by people) loads to the roster that gives ids."""
    target = tmp_path / "night"
    shutil.copytree(DATA_DIR / "dingxi_qingdao_2025", target)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp_path / "qingdao_districts.csv")
    ents = pd.read_csv(target / "enterprises.csv", dtype=str).set_index("id")
    roster = pd.read_csv(target / "workers.csv", dtype=str, keep_default_na=False)
    returning = roster["returning_employer"] != ""
    assert returning.sum() > 300
    roster.loc[returning, "returning_employer"] = roster.loc[returning, "returning_employer"].map(ents["name"])
    roster.to_csv(target / "workers.csv", index=False)
    by_name = fingerprint(scenarios.load(target))
    by_id = fingerprint(scenarios.load("dingxi_qingdao_2025"))
    assert by_name["workers"] == by_id["workers"]
