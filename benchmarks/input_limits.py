"""Benchmark the input limits: CPU time and peak memory of ``scenarios.load`` on big and hostile inputs.

python benchmarks/input_limits.py [--cities 5000x500,...,200000x5000] [--rows 10000,50000,100000,200000]
    [--runs 3] [--code DIR] [--profile 50000x5000] [--out benchmarks/results/input_limits.txt]
python benchmarks/input_limits.py --xlsx-only       # only the .xlsx section

Each load runs in a fresh Python process, so its peak resident memory (``ru_maxrss``) is its own; CPU seconds are
the process's (``time.process_time``) around ``scenarios.load`` alone, the median of ``--runs`` processes (the host
is shared, so CPU rather than wall time). Cities (workers x enterprises) are made by the bundled generator
(``python -m scenarios.bundled city``: returning workers, enterprise names, districts as it makes them); the
largest has 200,000 workers (``scenarios.ranges.MAX_WORKERS``) on 5,000 enterprises (``scenarios.scale``'s
limit). The rosters are a copy of the tiny scenario (3 enterprises) with a generated roster; the refused inputs are
the 2-million-row roster (before the limits: a peak of 3.6 GB before its error), two million short rows (under the
byte limit, over the line limit) and a file of nested YAML aliases of under 1 KB. The .xlsx section (``xlsx_section``)
loads the largest accepted roster as a workbook beside the same roster as CSV, and times the refusal of the issue's
oversized workbooks (a million rows, eight million shared strings, a row at the bottom of the sheet) in CPU seconds
(``--xlsx-only``: only that section). ``--code DIR`` loads with the
source tree in DIR (e.g. an export of an older commit) for a before/after table; ``--profile`` prints the top of a
cProfile of one city's load.
"""

from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import yaml

from scenarios.io import write_text_atomic
from scenarios.loader import DATA_DIR
from scenarios.ranges import MAX_WORKERS

ROOT = Path(__file__).resolve().parents[1]
HEADER = "id,name,county,village,car,gender,age,skills,returning_employer,wish_district,wish_job\n"
#: One roster row of about 120 bytes, like the issue's 238 MB / 2,000,000 rows.
ROW = "W{i:07d},王建国{i:07d},tongwei,tongwei:马家村{v:03d},{car},M,34,general;operator,T1,chengyang,operator\n"
#: A short row (about 20 bytes): two million of them stay under the byte limit and meet the line limit.
SHORT_ROW = "W{i:07d},x,t,,,,,,,,\n"
CHILD = """
import json, resource, sys, time
wall = time.perf_counter()
import scenarios
cpu = time.process_time()
try:
    sc = scenarios.load(sys.argv[1])
    outcome = f"accepted, {len(sc.workers):,} workers"
except scenarios.ScenarioError as exc:
    outcome = "refused: " + str(exc).split(": ", 1)[-1][:90]
load_cpu = time.process_time() - cpu
seconds = time.perf_counter() - wall
usage = resource.getrusage(resource.RUSAGE_SELF)
peak = usage.ru_maxrss / 1024
try:  # this process image's own high-water mark (ru_maxrss keeps the forking parent's size across exec)
    hwm = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmHWM")) / 1024
except (OSError, StopIteration):
    hwm = peak
print(json.dumps({"seconds": seconds, "peak_mb": peak, "outcome": outcome, "cpu": usage.ru_utime + usage.ru_stime,
                  "hwm_mb": hwm, "load_cpu": load_cpu}))
"""
PROFILE = """
import cProfile, pstats, sys
import scenarios
cProfile.run("scenarios.load(sys.argv[1])", sys.argv[2])
stats = pstats.Stats(sys.argv[2])
stats.sort_stats("cumulative").print_stats(int(sys.argv[3]))
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


def city_scenario(folder: Path, workers: int, enterprises: int) -> Path:
    """A city made by ``python -m scenarios.bundled city`` (seed 1)."""
    subprocess.run(
        [sys.executable, "-m", "scenarios.bundled", "city", "--workers", str(workers), "--enterprises",
         str(enterprises), "--out", str(folder)],
        cwd=ROOT, capture_output=True, text=True, check=True, timeout=3600,
    )
    return folder / "scenario.yaml"


def run_case(path: Path, code: Path = ROOT) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(code))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env, check=True, timeout=3600,
        cwd=code,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def run_cases(path: Path, runs: int, code: Path) -> dict[str, object]:
    """The median CPU and wall seconds of ``runs`` fresh processes, and the largest peak."""
    results = [run_case(path, code) for _ in range(runs)]
    return {
        "load_cpu": statistics.median(r["load_cpu"] for r in results),
        "seconds": statistics.median(r["seconds"] for r in results),
        "hwm_mb": max(r["hwm_mb"] for r in results),
        "outcome": results[0]["outcome"],
    }


def profile(path: Path, code: Path, top: int = 18) -> str:
    """The top of a cProfile of one load (cumulative time), as pstats prints it."""
    env = dict(os.environ, PYTHONPATH=str(code))
    with tempfile.NamedTemporaryFile(suffix=".prof") as out:
        done = subprocess.run(
            [sys.executable, "-c", PROFILE, str(path), out.name, str(top)], capture_output=True, text=True,
            env=env, check=True, timeout=7200, cwd=code,
        )
    lines = done.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "function calls" in line)
    return "\n".join(line.replace(str(code) + "/", "").rstrip() for line in lines[start:] if line.strip())


def sizes(text: str) -> list[tuple[int, int]]:
    """'5000x500,10000x1000' -> [(5000, 500), (10000, 1000)]."""
    return [(int(w), int(e)) for w, e in (part.split("x") for part in text.split(",") if part)]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cities", default="5000x500,10000x1000,20000x2000,50000x5000,100000x5000,200000x5000")
    parser.add_argument("--rows", default="10000,50000,100000,200000", help="roster cases ('' for none)")
    parser.add_argument("--refused", action=argparse.BooleanOptionalAction, default=True,
                        help="also the inputs the limits refuse")
    parser.add_argument("--runs", type=int, default=3, help="fresh processes per case (median CPU)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the source tree whose loader is measured")
    parser.add_argument("--profile", default="", help="WORKERSxENTERPRISES: print a cProfile of that city's load")
    parser.add_argument("--xlsx-only", action="store_true", help="only the .xlsx section")
    parser.add_argument("--out", type=Path, default=None)
    args = parser.parse_args(argv)
    code = args.code.resolve()
    if args.xlsx_only:
        with tempfile.TemporaryDirectory() as tmp:
            lines = [f"input limits: {platform.python_version()}, {os.cpu_count()} cores, load "
                     f"{os.getloadavg()[0]:.1f} at start, {time.strftime('%Y-%m-%d')}", *xlsx_section(Path(tmp))[1:],
                     f"load {os.getloadavg()[0]:.1f} at the end"]
        print("\n".join(lines))
        if args.out:
            write_text_atomic(args.out, "\n".join(lines) + "\n")
        return
    lines = [
        f"input limits: {platform.python_version()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f} "
        f"at start, {time.strftime('%Y-%m-%d')}, loader of {code}, median of {args.runs} processes",
        f"{'case':<40} {'MB on disk':>10} {'CPU s':>7} {'ms/1k w':>7} {'wall s':>7} {'peak MB':>8}  outcome",
    ]
    print(lines[0], lines[1], sep="\n", flush=True)

    def add(label: str, size: float, result: dict[str, object], workers: int | None = None) -> None:
        per = f"{1e6 * result['load_cpu'] / workers:>7.1f}" if workers else f"{'':>7}"
        lines.append(
            f"{label:<40} {size:>10.1f} {result['load_cpu']:>7.2f} {per} {result['seconds']:>7.2f} "
            f"{result['hwm_mb']:>8.0f}  {result['outcome']}"
        )
        print(lines[-1], flush=True)

    with tempfile.TemporaryDirectory() as tmp:
        for workers, enterprises in sizes(args.cities):
            path = city_scenario(Path(tmp) / f"city_{workers}_{enterprises}", workers, enterprises)
            size = sum(f.stat().st_size for f in path.parent.iterdir()) / 2**20
            add(f"city of {workers:,} x {enterprises:,}", size, run_cases(path, args.runs, code), workers)
            shutil.rmtree(path.parent)
        cases = [(f"roster of {int(n):,} rows (3 enterprises)", int(n), ROW) for n in args.rows.split(",") if n]
        if args.refused:
            cases.append(("roster of 2,000,000 rows (the issue's)", 2_000_000, ROW))
            cases.append(("roster of 2,000,000 short rows", 2_000_000, SHORT_ROW))
        for label, rows, row in cases:
            path = roster_scenario(Path(tmp) / "case", rows, row)
            size = (path.parent / "workers.csv").stat().st_size / 2**20
            add(label, size, run_cases(path, 1 if rows > MAX_WORKERS else args.runs, code),
                rows if rows <= MAX_WORKERS else None)
        if args.refused:
            path = laughs_scenario(Path(tmp) / "laughs")
            add("YAML of nested aliases (9**9 strings)", path.stat().st_size / 2**20, run_cases(path, 1, code))
            lines += xlsx_section(Path(tmp))
        if args.profile:
            (workers, enterprises), = sizes(args.profile)
            path = city_scenario(Path(tmp) / "profiled", workers, enterprises)
            lines += ["", f"cProfile of scenarios.load, city of {workers:,} x {enterprises:,} (top by cumulative time)",
                      profile(path, code)]
            print("\n".join(lines[-3:]), flush=True)
    lines.append(
        f"load {os.getloadavg()[0]:.1f} at the end; CPU s of scenarios.load alone, wall s of the whole process "
        "(imports included); ms/1k w = CPU ms per 1,000 workers; peak MB is the process's VmHWM (Python ~60 MB)"
    )
    text = "\n".join(lines) + "\n"
    print(lines[-1])
    if args.out:
        write_text_atomic(args.out, text)


if __name__ == "__main__":
    main()
