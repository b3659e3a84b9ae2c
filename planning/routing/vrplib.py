"""Read CVRPLIB ``.vrp``/``.sol`` files and DIMACS SDVRP files into routing problems."""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from planning.routing.problem import RoutingProblem, VehicleType


class VrplibFormatError(ValueError):
    """A malformed benchmark file; the message names the file and line."""

    def __init__(self, path: str | Path, line: int | None, message: str) -> None:
        where = f"{path}" if line is None else f"{path}, line {line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True)
class Solution:
    """Routes (as node indices, depot 0 implicit) and the stated cost of a ``.sol`` file."""

    routes: list[list[int]]
    cost: float | None


def nint_distances(xy: np.ndarray) -> np.ndarray:
    """Euclidean distances rounded to the nearest integer per arc (TSPLIB nint)."""
    diff = xy[:, None, :] - xy[None, :, :]
    return np.floor(np.sqrt((diff**2).sum(-1)) + 0.5)


def _explicit(path: Path, fmt: str, values: list[float], n: int) -> np.ndarray:
    """Build a full matrix from an EDGE_WEIGHT_SECTION."""
    mat = np.zeros((n, n))
    fmt = fmt.upper()
    if fmt == "FULL_MATRIX":
        if len(values) != n * n:
            raise VrplibFormatError(path, None, f"expected {n * n} edge weights, got {len(values)}")
        return np.array(values, dtype=float).reshape(n, n)
    cells: list[tuple[int, int]] = []
    if fmt == "LOWER_ROW":
        cells = [(i, j) for i in range(n) for j in range(i)]
    elif fmt == "LOWER_DIAG_ROW":
        cells = [(i, j) for i in range(n) for j in range(i + 1)]
    elif fmt == "UPPER_ROW":
        cells = [(i, j) for i in range(n) for j in range(i + 1, n)]
    elif fmt == "UPPER_DIAG_ROW":
        cells = [(i, j) for i in range(n) for j in range(i, n)]
    else:
        raise VrplibFormatError(path, None, f"unsupported EDGE_WEIGHT_FORMAT {fmt}")
    if len(values) != len(cells):
        raise VrplibFormatError(path, None, f"expected {len(cells)} edge weights for {fmt}, got {len(values)}")
    for (i, j), v in zip(cells, values, strict=True):
        mat[i, j] = mat[j, i] = v
    return mat


def read_vrp(path: str | Path) -> RoutingProblem:
    """Read a CVRPLIB ``.vrp`` file (EUC_2D or EXPLICIT); the fleet is free unless VEHICLES is given."""
    path = Path(path)
    header: dict[str, str] = {}
    sections: dict[str, list[tuple[int, list[str]]]] = {}
    current: str | None = None
    for lineno, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not line or line == "EOF":
            continue
        key = line.split()[0].rstrip(":")
        if key.endswith("_SECTION"):
            current = key
            sections[current] = []
            continue
        if (":" in line and current is None) or (":" in line and not line[0].isdigit() and line[0] != "-"):
            k, _, v = line.partition(":")
            header[k.strip().upper()] = v.strip().strip('"')
            current = None
            continue
        if current is None:
            raise VrplibFormatError(path, lineno, f"unexpected line {line!r} outside any section")
        sections[current].append((lineno, line.split()))
    try:
        n = int(header["DIMENSION"])
        cap = float(header["CAPACITY"])
    except (KeyError, ValueError) as exc:
        raise VrplibFormatError(path, None, f"missing or bad DIMENSION/CAPACITY ({exc})") from exc

    def numbers(section: str, width: int) -> np.ndarray:
        rows = sections.get(section)
        if rows is None:
            raise VrplibFormatError(path, None, f"missing {section}")
        if len(rows) != n:
            line = rows[-1][0] if rows else None
            raise VrplibFormatError(path, line, f"{section} has {len(rows)} rows, expected {n}")
        out = np.zeros((n, width))
        for lineno, toks in rows:
            try:
                idx = int(toks[0])
                vals = [float(t) for t in toks[1 : width + 1]]
            except (ValueError, IndexError) as exc:
                raise VrplibFormatError(path, lineno, f"bad {section} row {' '.join(toks)!r}") from exc
            if len(vals) != width or not 1 <= idx <= n:
                raise VrplibFormatError(path, lineno, f"bad {section} row {' '.join(toks)!r}")
            out[idx - 1] = vals
        return out

    ewt = header.get("EDGE_WEIGHT_TYPE", "EUC_2D").upper()
    if ewt == "EUC_2D":
        dist = nint_distances(numbers("NODE_COORD_SECTION", 2))
    elif ewt == "EXPLICIT":
        rows = sections.get("EDGE_WEIGHT_SECTION", [])
        values = [float(t) for _, toks in rows for t in toks]
        dist = _explicit(path, header.get("EDGE_WEIGHT_FORMAT", "FULL_MATRIX"), values, n)
    else:
        raise VrplibFormatError(path, None, f"unsupported EDGE_WEIGHT_TYPE {ewt}")
    demand = numbers("DEMAND_SECTION", 1)[:, 0]
    depot_rows = sections.get("DEPOT_SECTION", [(0, ["1"]), (0, ["-1"])])
    if depot_rows and int(depot_rows[0][1][0]) != 1:
        raise VrplibFormatError(path, depot_rows[0][0], "only depot = node 1 is supported")
    count = int(header["VEHICLES"]) if "VEHICLES" in header else None
    return RoutingProblem(
        demand=demand,
        distance=dist,
        vehicle_types=(VehicleType("vehicle", cap, count=count),),
        name=header.get("NAME", path.stem),
    )


def read_sol(path: str | Path) -> Solution:
    """Read a CVRPLIB ``.sol`` file; customer ``i`` is node ``i`` (depot 0), i.e. node ``i+1`` in the file."""
    path = Path(path)
    routes: list[list[int]] = []
    cost: float | None = None
    for lineno, raw in enumerate(path.read_text().splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.lower().startswith("route"):
            _, _, rest = line.partition(":")
            try:
                routes.append([int(t) for t in rest.split()])
            except ValueError as exc:
                raise VrplibFormatError(path, lineno, f"bad route {line!r}") from exc
        elif line.lower().startswith("cost"):
            try:
                cost = float(line.split()[1])
            except (ValueError, IndexError) as exc:
                raise VrplibFormatError(path, lineno, f"bad cost line {line!r}") from exc
        else:
            raise VrplibFormatError(path, lineno, f"unexpected line {line!r}")
    if not routes:
        raise VrplibFormatError(path, None, "no 'Route #k:' lines")
    return Solution(routes, cost)


def read_sdvrp(path: str | Path) -> RoutingProblem:
    """Read a DIMACS SDVRP file: ``n Q``, n demands, then n+1 coordinates (depot first); splits allowed."""
    path = Path(path)
    lines = [(k, ln.split()) for k, ln in enumerate(path.read_text().splitlines(), 1) if ln.strip()]
    tokens = [(k, t) for k, toks in lines for t in toks]
    try:
        n, cap = int(tokens[0][1]), float(tokens[1][1])
        dem = [float(t) for _, t in tokens[2 : 2 + n]]
        coords = [float(t) for _, t in tokens[2 + n :]]
    except (ValueError, IndexError) as exc:
        raise VrplibFormatError(path, None, f"bad SDVRP header or demands ({exc})") from exc
    if len(coords) != 2 * (n + 1):
        line = tokens[-1][0] if tokens else None
        raise VrplibFormatError(path, line, f"expected {2 * (n + 1)} coordinates, got {len(coords)}")
    xy = np.array(coords).reshape(n + 1, 2)
    diff = xy[:, None, :] - xy[None, :, :]
    dist = np.floor(np.sqrt((diff**2).sum(-1)) + 0.5)
    if not math.isfinite(cap) or cap <= 0:
        raise VrplibFormatError(path, 1, f"bad capacity {cap}")
    return RoutingProblem(
        demand=np.array([0.0, *dem]),
        distance=dist,
        vehicle_types=(VehicleType("vehicle", cap),),
        split_delivery=True,
        name=path.stem,
    )
