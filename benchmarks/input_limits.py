"""Benchmark the input limits: wall time and peak memory of ``labor-transfer check`` on big and hostile inputs.

python benchmarks/input_limits.py [--rows 10000,50000,100000,200000] [--out benchmarks/results/input_limits.txt]
python benchmarks/input_limits.py --xlsx-only       # only the .xlsx section

Each case runs in a fresh Python process (``scenarios.load`` on a copy of the tiny scenario with a generated
roster), so its peak resident memory (``ru_maxrss``) is its own. The largest accepted roster has 200,000 workers
(``scenarios.ranges.MAX_WORKERS``, a train of 1,000 cars of 200 seats); the refused ones are the issue's
2-million-row roster (before the limits: a peak of 3.6 GB before its error), two million short rows (under the byte
limit, over the line limit) and a file of nested YAML aliases of under 1 KB. The .xlsx section (``xlsx_section``)
loads the largest accepted roster as a workbook beside the same roster as CSV, and times the refusal of the issue's
oversized workbooks (a million rows, eight million shared strings, a row at the bottom of the sheet) in CPU seconds.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml

from scenarios.io import write_text_atomic
from scenarios.loader import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
HEADER = "id,name,county,village,car,gender,age,skills,returning_employer,wish_district,wish_job\n"
#: One roster row of about 120 bytes, like the issue's 238 MB / 2,000,000 rows.
ROW = "W{i:07d},王建国{i:07d},tongwei,tongwei:马家村{v:03d},{car},M,34,general;operator,T1,chengyang,operator\n"
#: A short row (about 20 bytes): two million of them stay under the byte limit and meet the line limit.
SHORT_ROW = "W{i:07d},x,t,,,,,,,,\n"
CHILD = """
import json, resource, sys, time
start = time.perf_counter()
import scenarios
try:
    sc = scenarios.load(sys.argv[1])
    outcome = f"accepted, {len(sc.workers):,} workers"
except scenarios.ScenarioError as exc:
    outcome = "refused: " + str(exc).split(": ", 1)[-1][:90]
seconds = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = usage.ru_maxrss / 1024
try:  # this process image's own high-water mark (ru_maxrss keeps the forking parent's size across exec)
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
except (OSError, StopIteration):
    hwm = peak
print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome, "cpu": usage.ru_utime + usage.ru_stime,
                  "hwm_mb": hwm}))
"""


def roster_scenario(folder: Path, rows: int, row: str = ROW) -> Path:
    """A copy of tiny with ``rows`` workers on a train and fleet big enough for them."""
    if folder.exists():
        shutil.rmtree(folder)
    shutil.copytree(DATA_DIR / "tiny", folder / "tiny")
    shutil.copy(DATA_DIR / "qingdao_districts.csv", folder / "qingdao_districts.csv")
    seats_per_car = 200
    cars = max(1, math.ceil(rows / seats_per_car))
    with (folder / "tiny" / "workers.csv").open("w", encoding="utf-8") as out:
        out.write(HEADER)
        for start in range(0, rows, 10_000):
            out.write(
                "".join(
                    row.format(i=i, v=i % 500, car=min(cars, i // seats_per_car + 1))
                    for i in range(start, min(rows, start + 10_000))
                )
            )
    path = folder / "tiny" / "scenario.yaml"
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["train"].update(cars=min(cars, 1000), seats_per_car=seats_per_car)
    raw["fleet"]["minibus_12"].update(seats=100, count=min(10_000, math.ceil(rows / 100) + 1))
    raw["station"].update(desks=200)
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def laughs_scenario(folder: Path) -> Path:
    """A scenario.yaml of about 450 bytes whose meta.real stands for 9**9 strings."""
    folder.mkdir(parents=True, exist_ok=True)
    lines = ["  l0: &l0 [" + ",".join(["lol"] * 9) + "]"]
    lines += [f"  l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    path = folder / "scenario.yaml"
    path.write_text("meta:\n" + "\n".join(lines) + "\n  real: *l8\n", encoding="utf-8")
    return path


def run_case(path: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env, check=True, timeout=3600
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- .xlsx rosters (issue 29): the largest accepted one beside the CSV, and oversized ones refused -----------------

XLSX_HEADER = HEADER.strip().split(",")


def _xlsx_rows(rows: int, cars: int) -> tuple[list[bytes], list[bytes]]:
    """(sheet rows, shared strings) of a roster like ROW's, every text a shared string as Excel writes it."""
    from xml.sax.saxutils import escape

    index: dict[str, int] = {}

    def ref(text: str) -> int:
        if text not in index:
            index[text] = len(index)
        return index[text]

    def row(number: int, values: list[str]) -> bytes:
        cells = "".join(f'<c r="{chr(65 + k)}{number}" t="s"><v>{ref(v)}</v></c>' for k, v in enumerate(values) if v)
        return f'<row r="{number}">{cells}</row>'.encode()

    out = [row(1, XLSX_HEADER)]
    for i in range(rows):
        out.append(row(i + 2, ROW.format(i=i, v=i % 500, car=min(cars, i // 200 + 1)).strip().split(",")))
    strings = [f"<si><t>{escape(t)}</t></si>".encode() for t in index]
    return out, strings


def xlsx_scenario(folder: Path, rows: int) -> Path:
    """``roster_scenario`` with its roster as ``workers.xlsx`` (crafted part by part, shared strings as Excel)."""
    from tests.scenarios.crafted import crafted_xlsx

    path = roster_scenario(folder, 0)
    cars = max(1, math.ceil(rows / 200))
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    raw["train"].update(cars=min(cars, 1000), seats_per_car=200)
    raw["fleet"]["minibus_12"].update(seats=100, count=min(10_000, math.ceil(rows / 100) + 1))
    raw["workers"]["roster"] = "workers.xlsx"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")
    sheet, strings = _xlsx_rows(rows, cars)
    crafted_xlsx(path.parent / "workers.xlsx", sheet, strings, dimension=f"A1:K{rows + 1}")
    (path.parent / "workers.csv").unlink()
    return path


def _hostile_xlsx(folder: Path, kind: str) -> Path:
    """The issue's oversized workbooks, small on disk: 1,048,576 rows; 8 million shared strings; one row at the
    bottom of the sheet under a declared dimension of the whole sheet."""
    from tests.scenarios.crafted import crafted_xlsx, row_xml

    path = xlsx_scenario(folder, 1)
    book = path.parent / "workers.xlsx"
    header = row_xml(1, XLSX_HEADER)
    if kind == "rows":
        rows = (row_xml(i, [f"W{i:07d}", "x", "tongwei"]) for i in range(2, 1_048_577))
        crafted_xlsx(book, itertools.chain([header], rows))
    elif kind == "strings":
        strings = (f"<si><t>{i:07d}</t></si>".encode() for i in range(8_000_000))
        crafted_xlsx(book, [header, row_xml(2, ["W1", "x", "tongwei"])], strings)
    else:
        crafted_xlsx(book, [header, row_xml(1_048_576, ["W1", "x", "tongwei"])], dimension="A1:XFD1048576")
    return path


def xlsx_section(tmp: Path, rows: int = 200_000) -> list[str]:
    """Lines of the .xlsx table: the CSV and .xlsx rosters of ``rows`` workers, then the refused workbooks with
    the CPU seconds they took (the child process's own, imports included)."""
    lines = ["", f".xlsx rosters (the CSV of the same {rows:,} workers beside; CPU s: the process's user + system; "
             "peak MB: its VmHWM)",
             f"{'case':<40} {'MB on disk':>10} {'seconds':>8} {'CPU s':>6} {'peak MB':>8}  outcome"]
    cases = [(f"CSV roster of {rows:,} rows", lambda f: roster_scenario(f, rows), "workers.csv"),
             (f".xlsx roster of {rows:,} rows", lambda f: xlsx_scenario(f, rows), "workers.xlsx"),
             (".xlsx of 1,048,576 rows", lambda f: _hostile_xlsx(f, "rows"), "workers.xlsx"),
             (".xlsx of 8,000,000 shared strings", lambda f: _hostile_xlsx(f, "strings"), "workers.xlsx"),
             (".xlsx row 1,048,576, dimension A1:XFD…", lambda f: _hostile_xlsx(f, "far"), "workers.xlsx")]
    for label, make, table in cases:
        path = make(tmp / "xlsx")
        size = (path.parent / table).stat().st_size / 2**20
        r = run_case(path)
        lines.append(f"{label:<40} {size:>10.1f} {r['seconds']:>8.2f} {r['cpu']:>6.2f} {r['hwm_mb']:>8.0f}  "
                     f"{r['outcome']}")
        print(lines[-1], flush=True)
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="10000,50000,100000,200000")
    parser.add_argument("--out", type=Path, default=None)
    parser.add_argument("--xlsx-only", action="store_true", help="only the .xlsx section")
    args = parser.parse_args(argv)
    lines = [
        f"input limits: {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} "
        f"at start, {time.strftime('%Y-%m-%d')}",
    ]
    if not args.xlsx_only:
        lines.append(f"{'case':<40} {'MB on disk':>10} {'seconds':>8} {'peak MB':>8}  outcome")
    with tempfile.TemporaryDirectory() as tmp:
        if args.xlsx_only:
            lines += xlsx_section(Path(tmp))[1:]
        cases = [] if args.xlsx_only else [(f"roster of {int(n):,} rows", int(n), ROW) for n in args.rows.split(",")]
        if not args.xlsx_only:
            cases.append(("roster of 2,000,000 rows (the issue's)", 2_000_000, ROW))
            cases.append(("roster of 2,000,000 short rows", 2_000_000, SHORT_ROW))
        for label, rows, row in cases:
            path = roster_scenario(Path(tmp) / "case", rows, row)
            size = (path.parent / "workers.csv").stat().st_size / 2**20
            result = run_case(path)
            lines.append(
                f"{label:<40} {size:>10.1f} {result['seconds']:>8.2f} {result['peak_mb']:>8.0f}  {result['outcome']}"
            )
            print(lines[-1], flush=True)
        if not args.xlsx_only:
            path = laughs_scenario(Path(tmp) / "laughs")
            result = run_case(path)
            size = path.stat().st_size / 2**20
            label = "YAML of nested aliases (9**9 strings)"
            lines.append(
                f"{label:<40} {size:>10.4f} {result['seconds']:>8.2f} {result['peak_mb']:>8.0f}  {result['outcome']}"
            )
            lines += xlsx_section(Path(tmp))
    lines.append(f"load {os.getloadavg()[0]:.1f} at the end"
                 + ("" if args.xlsx_only else "; peak MB is the process's ru_maxrss (Python ~60 MB)"))
    text = "\n".join(lines) + "\n"
    print(text)
    if args.out:
        write_text_atomic(args.out, text)


if __name__ == "__main__":
    main()
