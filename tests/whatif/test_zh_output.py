"""Under zh the commands print no English word: only ids and names from the data, the scenario file's fields,
paths and numbers are Latin; the tables they write for people (placement.csv with its reasons, summary.csv with
its meanings, fleet.csv, season.csv, ...) likewise; the run log speaks of plans, not solvers."""

from __future__ import annotations

import re
from pathlib import Path

import openpyxl
import pandas as pd

import scenarios
from tests.scenarios.bureau import bureau_workbooks
from tests.whatif.small_season import two_night_season
from whatif.cli import main

LATIN = re.compile(r"[A-Za-z][A-Za-z_]+")
QUICK = ["--iterations", "300", "--time-limit", "5"]
#: Words of a solver's report that a run log for planners must not use.
SOLVER_WORDS = re.compile(r"求解|差距|下界|上界|目标值|solver|gap|MIP|optimal|feasible|bound", re.IGNORECASE)


def _english(text: str, allowed: set[str]) -> list[str]:
    """Latin words of ``text`` that are not paths, ids or names of the data (``allowed``)."""
    text = re.sub(r"\S*/\S*", " ", text)  # paths
    text = re.sub(r"\S+~\S+", " ", text)  # the simulation's vehicle ids (a standby in place of C01: C01~standby)
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


#: CSVs written as machine tables in both languages (none: every CSV a command writes is for people under zh).
MACHINE_CSV: set[str] = set()


def _tables(folder: Path, allowed: set[str]) -> dict[str, list[str]]:
    """The English words in the headers and cells of every CSV a command wrote into ``folder`` for people (by
    file)."""
    found = {}
    for path in sorted(p for p in folder.rglob("*.csv") if p.name not in MACHINE_CSV):
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        cells = " ".join([*frame.columns, *frame.to_numpy().ravel().tolist()])
        if words := _english(cells, allowed):
            found[path.name] = words
    return found


def _run_log(err: str) -> list[str]:
    """The run log's lines on stderr, each checked for a solver's words."""
    lines = [line for line in err.splitlines() if line.startswith("运行记录")]
    assert all(not SOLVER_WORDS.search(line) for line in lines), lines
    return lines


def test_plan_and_replan_speak_chinese(tmp_path: Path, capsys) -> None:
    sc = scenarios.load("tiny")
    allowed = _data_words(sc) | {f"C{k:02d}" for k in range(1, 20)}
    assert main(["plan", "tiny", "--out", str(tmp_path / "plan")]) == 0
    missing = sc.workers.index[0]  # a worker who missed the train keeps the post: the reason says so in Chinese
    assert main(["replan", "tiny", "--plan", str(tmp_path / "plan"), "--delay", "60", "--missing", missing,
                 "--out", str(tmp_path / "replan")]) == 0
    said = capsys.readouterr()
    assert not _english(said.out + said.err, allowed), said
    assert len(_run_log(said.err)) == 1  # the plan's (a re-plan solves nothing)
    assert not _tables(tmp_path, allowed)
    placement = pd.read_csv(tmp_path / "replan" / "placement.csv", dtype=str, encoding="utf-8-sig")
    assert placement.set_index("工号").at[missing, "安置说明"].startswith("缺席")


def test_pack_fleet_and_season_speak_chinese(tmp_path: Path, capsys) -> None:
    """The demo's command (pack) and simulate on tiny, a small fleet search and a two-night season: what they print
    and the tables they write for people (kpis.csv, summary.csv with its meanings, fleet.csv, season.csv, ...) have
    no English word."""
    sc = scenarios.load("tiny")
    allowed = _data_words(sc) | {f"C{k:02d}" for k in range(1, 20)} | {"A1", "A2", "north", "two"}
    allowed |= {"Lan", "DeMets", "Brien", "Fleming", "Pocock"}  # the fleet's verdict rule names its method's authors
    assert main(["pack", "tiny", "--out", str(tmp_path / "pack"), *QUICK, "--replications", "3", "--jobs", "1"]) == 0
    assert main(["simulate", "tiny", "--out", str(tmp_path / "sim"), *QUICK, "--replications", "3", "--jobs",
                 "1"]) == 0
    said = capsys.readouterr()
    assert not _english(said.out + said.err, allowed), said
    assert len(_run_log(said.err)) == 1  # the pack's plan (simulate logs no plan it makes)
    assert main(["fleet", "tiny", "--out", str(tmp_path / "fleet"), "--max-nights", "40", "--iterations", "300",
                 "--delays", "0,30"]) == 0
    season = two_night_season(tmp_path / "in")
    assert main(["season", str(season), "--out", str(tmp_path / "season"), "--replications", "2", "--jobs", "1",
                 "--iterations", "300"]) == 0
    said = capsys.readouterr()
    assert not _english(said.out + said.err, allowed), said
    _run_log(said.err)  # the fleet search and the season plan many nights: whatever log they give, no solver words
    assert not {name: words for out in ("pack", "sim", "fleet", "season") for name, words in
                _tables(tmp_path / out, allowed).items()}
    summary = pd.read_csv(tmp_path / "sim" / "summary.csv", encoding="utf-8-sig")
    assert summary["含义"].str.contains("[\u4e00-\u9fff]").all() and summary["含义"].str.contains("入住").any()


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
