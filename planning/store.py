"""plan.json: the Plan in machine-readable form (contract columns, minutes), so that a later command can read it.

The CSV and Excel exports are for people (clock times, names, Chinese or English headers); this file is for
``labor-transfer simulate --plan`` and ``labor-transfer replan --plan``.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pandas as pd

from planning.plan import MANIFEST_COLUMNS, PLACEMENT_COLUMNS, PLACEMENT_FLAGS, ROUTE_COLUMNS, Plan
from planning.solver import SolveInfo
from scenarios import ScenarioError
from scenarios.io import write_text_atomic

PLAN_FILE = "plan.json"
VERSION = 1


def _frame(frame: pd.DataFrame | None, columns: tuple[str, ...]) -> dict[str, list] | None:
    if frame is None:
        return None
    return {c: frame[c].tolist() for c in columns}


def save_plan(plan: Plan, out_dir: str | Path) -> Path:
    """Write ``plan.json`` into ``out_dir`` atomically."""
    placement = plan.placement.reset_index(names="worker_id")
    data: dict[str, Any] = {
        "version": VERSION,
        "placement": _frame(placement, ("worker_id", *PLACEMENT_COLUMNS, *PLACEMENT_FLAGS)),
        "routes": _frame(plan.routes, ROUTE_COLUMNS),
        "manifest": _frame(plan.manifest, MANIFEST_COLUMNS),
        "placement_info": dataclasses.asdict(plan.placement_info) if plan.placement_info else None,
        "routing_info": dataclasses.asdict(plan.routing_info) if plan.routing_info else None,
        "warnings": list(plan.warnings),
    }
    path = Path(out_dir) / PLAN_FILE
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, default=float))
    return path


def read_plan(folder: str | Path) -> Plan:
    """The Plan saved in ``folder/plan.json`` (or the file itself), with errors that say how to fix them."""
    path = Path(folder)
    if path.is_dir():
        path = path / PLAN_FILE
    if not path.is_file():
        raise ScenarioError(f"no {PLAN_FILE} here.", file=str(path),
                            fix="give the folder written by `labor-transfer plan --out DIR`.")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != VERSION:
            raise ValueError(f"version {data.get('version')!r}, expected {VERSION}")
        placement = pd.DataFrame(data["placement"]).set_index("worker_id").rename_axis(None)
        routes = pd.DataFrame(data["routes"]) if data.get("routes") is not None else None
        manifest = pd.DataFrame(data["manifest"]) if data.get("manifest") is not None else None
        infos = [SolveInfo(**data[k]) if data.get(k) else None for k in ("placement_info", "routing_info")]
        return Plan(placement=placement, routes=routes, manifest=manifest, placement_info=infos[0],
                    routing_info=infos[1], warnings=tuple(data.get("warnings", ())))
    except (ValueError, KeyError, TypeError) as exc:
        raise ScenarioError(f"not a plan file this version can read ({exc}).", file=str(path),
                            fix="make the plan again with `labor-transfer plan`.") from None
