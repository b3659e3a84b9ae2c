"""A copy of the tiny scenario whose data is hostile: formula-like names, phone and identity-card numbers."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

from scenarios.loader import DATA_DIR

#: Names that spreadsheet programs would run as formulas if written as they are (issue 12).
FORMULAS = ('=HYPERLINK("http://x","click")', "=cmd|' /C calc'!A0")
#: W1's identity-card number and phone (made up, in the usual shapes).
ID_NUMBER = "621121199001011234"
PHONE = "13912345678"


def _rewrite(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def hostile_tiny(root: Path, *, personal: bool = True) -> Path:
    """``root/hostile/scenario.yaml``: tiny with worker W3 and enterprise T2 named by :data:`FORMULAS`; with
    ``personal``, W1 has an identity-card number and a phone, T1 a contact person and phone."""
    folder = root / "hostile"
    shutil.copytree(DATA_DIR / "tiny", folder)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", root / "qingdao_districts.csv")

    def worker(row: dict) -> None:
        if personal:
            row["phone"] = PHONE if row["id"] == "W1" else ""
            row["身份证号"] = ID_NUMBER if row["id"] == "W1" else ""  # read by no one: ignored on input
        if row["id"] == "W3":
            row["name"] = FORMULAS[0]

    def enterprise(row: dict) -> None:
        if personal:
            row["contact"] = "孙经理" if row["id"] == "T1" else ""
            row["phone"] = "0532-88886666" if row["id"] == "T1" else ""
        if row["id"] == "T2":
            row["name"] = FORMULAS[1]

    _rewrite(folder / "workers.csv", worker)
    _rewrite(folder / "enterprises.csv", enterprise)
    return folder / "scenario.yaml"
