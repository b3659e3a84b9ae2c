"""Hostile scenario folders, each made from a copy of tiny: (name, how to break it). Shared by the sweep test.

Every case must end, through ``labor-transfer check`` and ``plan``, in one line on stderr and exit code 2 (or a
clean run when the input is odd but valid), never a traceback, and never echo what the files named hold.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import yaml

#: Text planted in files outside the scenario: it must never appear in any output.
SECRET = "e1-s3cr3t-c0ntents"


def _yaml_text(folder: Path, old: str, new: str) -> None:
    path = folder / "scenario.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _edit(change: Callable[[dict], None]) -> Callable[[Path], None]:
    def run(folder: Path) -> None:
        path = folder / "scenario.yaml"
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        change(raw)
        path.write_text(yaml.safe_dump(raw, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return run


def _text(old: str, new: str) -> Callable[[Path], None]:
    return lambda folder: _yaml_text(folder, old, new)


def _file(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _roster(value: object) -> Callable[[Path], None]:
    return _edit(lambda r: r["workers"].update(roster=value))


def _secret_outside(folder: Path) -> Path:
    outside = folder.parent.parent / "outside"
    outside.mkdir(exist_ok=True)
    target = outside / "roster.csv"
    target.write_text(f"{SECRET},x\n{SECRET},y\n", encoding="utf-8")
    return target


def _symlink_out(folder: Path) -> None:
    (folder / "linked.csv").symlink_to(_secret_outside(folder))
    _roster("linked.csv")(folder)


def _symlink_loop(folder: Path) -> None:
    (folder / "a.csv").symlink_to(folder / "b.csv")
    (folder / "b.csv").symlink_to(folder / "a.csv")
    _roster("a.csv")(folder)


def _fifo(folder: Path) -> None:
    os.mkfifo(folder / "pipe.csv")
    _roster("pipe.csv")(folder)


def _laughs(folder: Path) -> None:
    lines = ["  l0: &l0 [" + ",".join(["lol"] * 9) + "]"]
    lines += [f"  l{i}: &l{i} [" + ",".join([f"*l{i - 1}"] * 9) + "]" for i in range(1, 9)]
    (folder / "scenario.yaml").write_text("meta:\n" + "\n".join(lines) + "\n  real: *l8\n", encoding="utf-8")


def _laughs_in_a_field(folder: Path) -> None:
    lines = "".join(f"x{i}: &x{i} [" + ",".join([f"*x{i - 1}"] * 9) + "]\n" for i in range(1, 7))
    text = (folder / "scenario.yaml").read_text(encoding="utf-8")
    text = text.replace("  name: tiny\n", "  name: *x6\n")
    (folder / "scenario.yaml").write_text("x0: &x0 [lol, lol]\n" + lines + text, encoding="utf-8")


def _sparse(folder: Path) -> None:
    with (folder / "workers.csv").open("r+b") as handle:
        handle.truncate(1 << 40)


def _long_lines(folder: Path) -> None:
    (folder / "enterprises.csv").write_bytes(b"id," + b"x" * 5_000_000 + b"\n")


CASES: list[tuple[str, Callable[[Path], None]]] = [
    ("roster /etc/passwd", _roster("/etc/passwd")),
    ("roster /etc/shadow", _roster("/etc/shadow")),
    ("roster /proc/self/environ", _roster("/proc/self/environ")),
    ("roster ../../../../../../etc/passwd", _roster("../../../../../../etc/passwd")),
    ("roster ../", _roster("../")),
    ("roster .", _roster(".")),
    ("roster /dev/zero", _roster("/dev/zero")),
    ("roster symlink out", _symlink_out),
    ("roster symlink loop", _symlink_loop),
    ("roster fifo", _fifo),
    ("roster NUL in path", _roster("workers\x00.csv")),
    ("roster a list", _roster(["workers.csv"])),
    ("roster a 5000-char name", _roster("w" * 5000 + ".csv")),
    ("districts ../../x.csv", _edit(lambda r: r.update(districts="../../x.csv"))),
    ("matrix /etc/passwd", _edit(lambda r: r["travel"].update(mode="matrix", matrix="/etc/passwd"))),
    ("billion laughs", _laughs),
    ("aliases in a field", _laughs_in_a_field),
    ("recursive alias", _text("  name: tiny\n", "  name: &r [*r]\n")),
    ("nesting 900 deep", _text("  name: tiny\n", "  name: " + "[" * 900 + "]" * 900 + "\n")),
    ("nesting 100000 deep", _text("  name: tiny\n", "  name: " + "[" * 100_000 + "]" * 100_000 + "\n")),
    ("duplicate key", _text("  cars: 1\n", "  cars: 1\n  cars: 99\n")),
    ("duplicate section", _text("policy:\n", "station: {}\npolicy:\n")),
    ("yaml 2 MB", _text("  description: ", "  description: " + "x" * 2_000_000 + " ")),
    ("yaml binary", _file("scenario.yaml", bytes(range(256)) * 4)),
    ("yaml NUL", _file("scenario.yaml", b"meta:\x00\n")),
    ("yaml only a list", _file("scenario.yaml", b"- 1\n- 2\n")),
    ("yaml empty", _file("scenario.yaml", b"")),
    ("yaml python tag", _text("  name: tiny\n", "  name: !!python/object/apply:os.system ['true']\n")),
    ("yaml unknown tag", _text("  name: tiny\n", "  name: !secret x\n")),
    ("yaml 5000-digit int", _text("  cars: 1\n", "  cars: " + "9" * 5000 + "\n")),
    ("yaml 400-digit int", _text("  cars: 1\n", "  cars: " + "9" * 400 + "\n")),
    ("yaml 400-digit float", _text("  walk_m: 350\n", "  walk_m: 1" + "0" * 400 + ".0\n")),
    ("yaml .inf", _text("  walk_m: 350\n", "  walk_m: .inf\n")),
    ("yaml .nan", _text("  walk_m: 350\n", "  walk_m: .nan\n")),
    ("yaml text for number", _text("  walk_m: 350\n", "  walk_m: far\n")),
    ("road_factor 1e11", _edit(lambda r: r["travel"].update(road_factor=1e11))),
    ("desk_service_s 1e308", _edit(lambda r: r["station"].update(desk_service_s=1e308))),
    ("max_stops 1e6", _edit(lambda r: r["policy"].update(max_stops=10**6))),
    ("count 1e23", _edit(lambda r: r["fleet"]["minibus_12"].update(count=10**23))),
    ("seed -1", _edit(lambda r: r["meta"].update(seed=-1))),
    ("seed 2**64", _edit(lambda r: r["meta"].update(seed=2**64))),
    ("quota 1e30", _edit(lambda r: r["policy"].update(district_quotas={"jimo": 10**30}))),
    ("quotas a list", _edit(lambda r: r["policy"].update(district_quotas=[1, 2]))),
    ("jobs 100k", _edit(lambda r: r.update(jobs={f"j{i}": {"name_zh": "x", "name_en": "x"} for i in range(20_000)}))),
    ("fleet a string", _edit(lambda r: r.update(fleet="coaches"))),
    ("date 9999-99-99", _text("  date: 2023-02-01\n", "  date: 9999-99-99\n")),
    ("arrival 99:99", _edit(lambda r: r["train"].update(arrival="99:99"))),
    ("latest arrival 1e9", _edit(lambda r: r["policy"].update(latest_arrival=10**9))),
    ("csv 1 TB sparse", _sparse),
    ("csv one 5 MB line", _long_lines),
    ("csv binary", _file("workers.csv", bytes(range(256)) * 100)),
    ("csv NULs", _file("workers.csv", b"id,name,county\n\x00\x00\x00,\x00,\x00\n")),
    ("csv 400-digit lat", lambda f: _csv_cell(f, "enterprises.csv", "36.2900", "9" * 400)),
    ("csv text lat", lambda f: _csv_cell(f, "enterprises.csv", "36.2900", "north")),
    ("csv formula name", lambda f: _csv_cell(f, "workers.csv", "王建国", '"=HYPERLINK(""http://x"",""click"")"')),
    ("csv 10k columns", lambda f: _csv_cell(f, "workers.csv", "wish_job\n", "wish_job" + ",x" * 10_000 + "\n")),
]


def _csv_cell(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
