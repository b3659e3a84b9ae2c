"""The command line against hostile data and environments: one line and exit 2, never a traceback; the terminal
never obeys control characters from the data; what is cut is said; output files carry no NUL or ESC."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from whatif.cli import main

ROOT = Path(__file__).resolve().parents[2]
QUICK = ["--iterations", "300", "--time-limit", "5"]
ESC_NAME = "\x1b]0;pwned\x07\x1b[2J王\x00建国\x9b31m"


@pytest.fixture
def tiny_dir(tmp_path: Path) -> Path:
    """A copy of the bundled tiny scenario (with its districts table beside it)."""
    import shutil

    from scenarios.loader import DATA_DIR

    shutil.copytree(DATA_DIR / "tiny", tmp_path / "tiny")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", tmp_path)
    return tmp_path / "tiny"


def _edit(path: Path, change) -> None:
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        change(row)
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def _no_control(text: str) -> None:
    assert not any(ch in text for ch in "\x00\x07\x1b\x9b"), repr(text)


def test_escape_codes_in_a_value_are_shown_not_obeyed(tiny_dir: Path, capsys) -> None:
    _edit(tiny_dir / "enterprises.csv", lambda r: r.update(district=ESC_NAME) if r["id"] == "T2" else None)
    assert main(["check", str(tiny_dir), "--lang", "en"]) == 2
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 1 and "Traceback" not in captured.err
    _no_control(captured.err)
    assert "\\x1b" in captured.err


def test_control_characters_in_names_never_reach_output_csvs_or_the_terminal(tiny_dir: Path, tmp_path: Path,
                                                                            capsys) -> None:
    long_name = "长" * 40_000
    _edit(tiny_dir / "workers.csv", lambda r: r.update(name=ESC_NAME) if r["id"] == "W1" else None)
    _edit(tiny_dir / "enterprises.csv", lambda r: r.update(name=long_name) if r["id"] == "T3" else None)
    out = tmp_path / "plan"
    assert main(["plan", str(tiny_dir), "--out", str(out), *QUICK]) == 0
    _no_control(capsys.readouterr().out)
    for path in out.glob("*.csv"):
        _no_control(path.read_text(encoding="utf-8-sig"))
    names = pd.read_csv(out / "placement.csv", encoding="utf-8-sig").iloc[:, 1].astype(str)
    assert "]0;pwned[2J王建国31m" in set(names)  # the name kept, its control characters dropped
    with zipfile.ZipFile(out / "placement.xlsx") as book:
        parts = {n: book.read(n).decode("utf-8") for n in book.namelist()}
    notes = "".join(v for n, v in parts.items() if "comments" in n)
    assert "Cut: 40,000 characters, a cell holds at most 32,767" in notes and "已截断" in notes
    import openpyxl

    cells = [c.value for s in openpyxl.load_workbook(out / "placement.xlsx").worksheets for r in s.iter_rows()
             for c in r if isinstance(c.value, str) and c.value.startswith("长长长")]
    assert cells and all(len(v) == 32_767 and v.endswith("…") for v in cells)


def test_a_broken_gbk_byte_is_told_on_its_own_line(tiny_dir: Path, capsys) -> None:
    text = (tiny_dir / "workers.csv").read_text(encoding="utf-8")
    data = text.encode("gbk").splitlines(keepends=True)
    data[4] = data[4].replace("刘".encode("gbk"), b"\xff\xfe") if "刘".encode("gbk") in data[4] else \
        data[4][:10] + b"\xff" + data[4][10:]
    (tiny_dir / "workers.csv").write_bytes(b"".join(data))
    assert main(["check", str(tiny_dir), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "on line 5" in err and len(err.splitlines()) == 1, err


@pytest.mark.parametrize("line_end", [b"\r\n", b"\r"])
def test_the_bad_byte_line_counts_any_line_end(line_end: bytes) -> None:
    from scenarios.encoding import NotText, decode

    rows = ["id,name", "W1,王建国", "W2,李丽", "W3,张"]
    data = line_end.join(r.encode("gbk") for r in rows) + line_end + b"W4,\xff" + line_end
    with pytest.raises(NotText) as info:
        decode(data)
    assert info.value.line == 5


def test_a_path_part_over_255_bytes_is_one_line(capsys) -> None:
    long = "/tmp/" + "x" * 300 + "/scenario.yaml"
    assert main(["check", long, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "Traceback" not in err, err
    assert main(["plan", "tiny", "--out", "/tmp/" + "y" * 300, "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "more than the 231 a folder name may have" in err and len(err.splitlines()) == 1


def test_an_ascii_terminal_gets_escapes_not_a_traceback(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    code = "import sys; from whatif.cli import main; sys.exit(main(sys.argv[1:]))"
    ok = subprocess.run([sys.executable, "-c", code, "check", "tiny"], env=env, capture_output=True, timeout=120)
    assert ok.returncode == 0 and b"Traceback" not in ok.stderr and b"\\u" in ok.stdout
    bad = subprocess.run([sys.executable, "-c", code, "check", str(tmp_path / "none")], env=env, capture_output=True,
                         timeout=120)
    assert bad.returncode == 2 and b"Traceback" not in bad.stderr and len(bad.stderr.splitlines()) == 1
