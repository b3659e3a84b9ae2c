"""Under zh the commands print no English word: only ids and names from the data, the scenario file's fields,
paths and numbers are Latin."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl

import scenarios
from tests.scenarios.bureau import bureau_workbooks
from whatif.cli import main

LATIN = re.compile(r"[A-Za-z][A-Za-z_]+")


def _english(text: str, allowed: set[str]) -> list[str]:
    """Latin words of ``text`` that are not paths, ids or names of the data (``allowed``)."""
    text = re.sub(r"\S*/\S*", " ", text)  # paths
    text = re.sub(r"[A-Za-z_]+(\.[A-Za-z_<>]+)+", " ", text)  # fields of the scenario file (workers.counties)
    return sorted({w for w in LATIN.findall(text) if w not in allowed})


def _data_words(sc: scenarios.Scenario) -> set[str]:
    words = {sc.name, sc.train.number, *sc.fleet}
    for table in (sc.workers, sc.enterprises, sc.districts):
        for value in table.index.astype(str):
            words.update(LATIN.findall(value))
    for value in sc.workers["county"].astype(str):
        words.update(LATIN.findall(value))
    return words | {"xlsx", "csv", "yaml", "json", "pdf", "png"}  # file suffixes of names the data gave


def test_plan_and_replan_speak_chinese(tmp_path: Path, capsys) -> None:
    sc = scenarios.load("tiny")
    allowed = _data_words(sc) | {f"C{k:02d}" for k in range(1, 20)}
    assert main(["plan", "tiny", "--out", str(tmp_path / "plan")]) == 0
    assert main(["replan", "tiny", "--plan", str(tmp_path / "plan"), "--delay", "60", "--out",
                 str(tmp_path / "replan")]) == 0
    said = capsys.readouterr()
    assert not _english(said.out + said.err, allowed), said


def test_check_of_a_bad_bureau_roster_speaks_chinese(tmp_path: Path, capsys) -> None:
    folder = bureau_workbooks(tmp_path)
    wb = openpyxl.load_workbook(folder / "花名册.xlsx")
    ws = wb.worksheets[0]
    ws["E7"], ws["F6"], ws["D9"] = "三十", "天水县", "未知"
    wb.save(folder / "花名册.xlsx")
    assert main(["check", str(folder)]) == 2
    said = capsys.readouterr().err
    assert len(said.strip().splitlines()) == 3
    assert not _english(said, {"xlsx"}), said
