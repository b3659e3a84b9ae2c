"""plan.json: the Plan in machine-readable form (contract columns, minutes), so that a later command can read it.

The CSV and Excel exports are for people (clock times, names, Chinese or English headers); this file is for
``labor-transfer simulate --plan`` and ``labor-transfer replan --plan``. It lists the SHA-256 of every other file
of the plan folder, which ``read_plan`` verifies (a folder never passes as one plan when it holds files of two), and
the fingerprint of the scenario it was made for. It holds no solver seconds: the same seed gives the same bytes.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd

from planning.plan import MANIFEST_COLUMNS, PLACEMENT_COLUMNS, PLACEMENT_FLAGS, ROUTE_COLUMNS, Plan
from planning.solver import SolveInfo
from scenarios import ScenarioError
from scenarios.errors import Msg
from scenarios.io import clean_stale, write_text_atomic
from scenarios.scenario import Scenario

PLAN_FILE = "plan.json"
VERSION = 2
#: A plan.json larger than this is refused before it is parsed (the 2023 plan is about 0.1 MB).
MAX_BYTES = 50_000_000
#: Numbers in a plan (minutes, km, counts) are at most this large in size.
MAX_NUMBER = 1e7
#: The most standby coaches a plan may book (the fleet search tries 0..10).
MAX_STANDBY = 10
_INT_COLUMNS = {"trip", "stop_order", "workers", "boarding_order"}
_FLOAT_COLUMNS = {"depart_min", "arrive_min", "km"}
#: Columns whose cells may be messages (``Msg.to_json``) as well as text: a plan written before they were keyed holds
#: the English sentence, read as it is.
_MESSAGE_COLUMNS = {"reason"}


def _frame(frame: pd.DataFrame | None, columns: tuple[str, ...]) -> dict[str, list] | None:
    """The columns of ``frame`` as lists; a message (an unplaced worker's reason) as its key and parameters."""
    if frame is None:
        return None
    return {c: [v.to_json() if isinstance(v, Msg) else v for v in frame[c].tolist()] for c in columns}


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def scenario_fingerprint(sc: Scenario) -> str:
    """A hash of the scenario's document and tables: plans made for other scenarios (or versions) differ. The night
    model (``disruptions:``) is left out: a plan does not depend on it, and is simulated on any."""
    document = {k: v for k, v in sc.raw.items() if k != "disruptions"}
    h = hashlib.sha256(json.dumps(document, sort_keys=True, default=str, ensure_ascii=False).encode("utf-8"))
    for table in (sc.workers, sc.enterprises, sc.districts):
        h.update(table.to_csv().encode("utf-8"))
    return h.hexdigest()[:16]


def _info(info: SolveInfo | None) -> dict[str, Any] | None:
    if info is None:
        return None
    return {k: v for k, v in dataclasses.asdict(info).items() if k != "seconds"}


def save_plan(plan: Plan, out_dir: str | Path, sc: Scenario | None = None, strict: bool = True) -> Path:
    """Write ``plan.json`` into ``out_dir`` atomically, after the plan's other files (their hashes go in it).

    ``sc``: the scenario the plan was made for (its name and fingerprint are kept); ``strict``: whether the plan
    was checked with late stops refused (readers check it the same way).
    """
    out = Path(out_dir)
    placement = plan.placement.reset_index(names="worker_id")
    files = {p.name: file_hash(p) for p in sorted(out.iterdir())
             if p.is_file() and p.name != PLAN_FILE and not p.name.startswith(".")} if out.is_dir() else {}
    data: dict[str, Any] = {
        "version": VERSION,
        "scenario": {"name": sc.name, "fingerprint": scenario_fingerprint(sc)} if sc is not None else None,
        "strict": bool(strict),
        "files": files,
        "placement": _frame(placement, ("worker_id", *PLACEMENT_COLUMNS, *PLACEMENT_FLAGS)),
        "routes": _frame(plan.routes, ROUTE_COLUMNS),
        "manifest": _frame(plan.manifest, MANIFEST_COLUMNS),
        "placement_info": _info(plan.placement_info),
        "routing_info": _info(plan.routing_info),
        "warnings": [w.to_json() if isinstance(w, Msg) else str(w) for w in plan.warnings],
    }
    if plan.margin_min:  # only a plan made with a margin says so (a default plan's bytes stay as they were)
        data["margin_min"] = float(plan.margin_min)
    if plan.standby:  # likewise the standby coaches booked with the plan (their coach types)
        data["standby"] = list(plan.standby)
    path = out / PLAN_FILE
    write_text_atomic(path, json.dumps(data, ensure_ascii=False, default=float))
    return path


def _check_value(value: Any, column: str) -> None:
    if column in _INT_COLUMNS or column in _FLOAT_COLUMNS:
        number = isinstance(value, int | float) and not isinstance(value, bool)
        if not number or not math.isfinite(value) or abs(value) > MAX_NUMBER:
            shown = repr(value) if len(repr(value)) <= 30 else f"{repr(value)[:20]}... ({len(repr(value))} chars)"
            raise ValueError(f"{column} holds {shown}, not a number of at most {MAX_NUMBER:g}")
        if column in _INT_COLUMNS and value != int(value):
            raise ValueError(f"{column} holds {value!r}, not a whole number")
    elif column in _MESSAGE_COLUMNS and isinstance(value, dict):
        Msg.from_json(value)  # a stored message: its key and parameters (ValueError when not one)
    elif not isinstance(value, str):
        raise ValueError(f"{column} holds {type(value).__name__}, not text")


def _table(data: dict[str, Any], key: str, columns: tuple[str, ...]) -> pd.DataFrame | None:
    block = data.get(key)
    if block is None and key != "placement":
        return None
    if not isinstance(block, dict) or any(not isinstance(block.get(c), list) for c in columns):
        raise ValueError(f"'{key}' is not a table with the columns {', '.join(columns)}")
    rows = {len(block[c]) for c in columns}
    if len(rows) != 1:
        raise ValueError(f"the columns of '{key}' have different lengths")
    for c in columns:
        for value in block[c]:
            _check_value(value, c)
    frame = pd.DataFrame({c: pd.Series([Msg.from_json(v) for v in block[c]], dtype=object)
                          if c in _MESSAGE_COLUMNS else block[c] for c in columns})
    for c in columns:
        if c in _INT_COLUMNS:
            frame[c] = frame[c].astype(int)
        elif c in _FLOAT_COLUMNS:
            frame[c] = frame[c].astype(float)
    return frame


def _solve_info(data: dict[str, Any], key: str) -> SolveInfo | None:
    block = data.get(key)
    if not block:
        return None
    if not isinstance(block, dict):
        raise ValueError(f"'{key}' is not a mapping")
    for name in ("objective", "bound", "gap"):
        if block.get(name) is not None and (isinstance(block[name], bool) or not isinstance(block[name], int | float)):
            raise ValueError(f"{key}.{name} holds {type(block[name]).__name__}, not a number")
    if not isinstance(block.get("status"), str) or not isinstance(block.get("solver"), str):
        raise ValueError(f"{key} lacks its status or solver")
    if not isinstance(block.get("timed_out", False), bool):
        raise ValueError(f"{key}.timed_out is not true or false")
    return SolveInfo(block["status"], block["solver"], block.get("objective"), block.get("bound"), block.get("gap"),
                     math.nan, timed_out=block.get("timed_out", False))


def _parse(path: Path) -> dict[str, Any]:
    if path.stat().st_size > MAX_BYTES:
        raise ValueError(f"{path.stat().st_size} bytes, more than the {MAX_BYTES} a plan may have")
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"a {type(data).__name__} at the top, not a mapping")
    if data.get("version") != VERSION:
        raise ValueError(f"version {str(data.get('version'))[:20]!r}, expected {VERSION}")
    return data


def _verify_files(data: dict[str, Any], folder: Path) -> None:
    """Every file listed in plan.json is there with the same bytes (else the folder mixes two plans)."""
    files = data.get("files")
    if not isinstance(files, dict):
        raise ValueError("no list of the plan's files")
    for name, digest in sorted(files.items()):
        target = folder / str(name)
        if Path(str(name)).name != name or not target.is_file() or file_hash(target) != digest:
            raise ScenarioError("store.foreign_file", file=str(folder), name=name)


def read_plan(folder: str | Path, sc: Scenario | None = None, verify_files: bool = True) -> Plan:
    """The Plan saved in ``folder/plan.json`` (or the file itself), with errors that say how to fix them.

    The folder's files are checked against the hashes in plan.json (``verify_files=False`` skips it, for a reader
    that wants plan.json alone, e.g. beside a placement edited by hand). With ``sc``, the plan is also checked against
    the scenario by ``planning.check.check_plan`` and refused with the first violation and their count; a plan
    made for another scenario (or another version of it) is named as such.
    """
    path = Path(folder)
    if path.suffix.lower() != ".json":
        clean_stale(path)  # a plan folder whose writing was cut off is completed first
    if path.is_dir():
        path = path / PLAN_FILE
    if not path.is_file():
        raise ScenarioError("store.no_plan", file=str(path), name=PLAN_FILE)
    try:
        data = _parse(path)
        if verify_files:
            _verify_files(data, path.parent)
        placement = _table(data, "placement", ("worker_id", *PLACEMENT_COLUMNS))
        assert placement is not None
        warnings = data.get("warnings", [])
        if not isinstance(warnings, list) or not all(isinstance(w, str | dict) for w in warnings):
            raise ValueError("'warnings' is not a list of messages")
        warnings = [Msg.from_json(w) for w in warnings]
        margin = data.get("margin_min", 0.0)
        if isinstance(margin, bool) or not isinstance(margin, int | float) or not 0 <= margin <= 24 * 60:
            raise ValueError("'margin_min' is not minutes between 0 and 1440")
        standby = data.get("standby", [])
        if not isinstance(standby, list) or len(standby) > MAX_STANDBY or not all(
                isinstance(t, str) and (sc is None or t in sc.fleet) for t in standby):
            raise ValueError(f"'standby' is not a list of at most {MAX_STANDBY} coach types of the scenario's fleet")
        plan = Plan(placement=placement.set_index("worker_id").rename_axis(None),
                    routes=_table(data, "routes", ROUTE_COLUMNS), manifest=_table(data, "manifest", MANIFEST_COLUMNS),
                    placement_info=_solve_info(data, "placement_info"),
                    routing_info=_solve_info(data, "routing_info"), warnings=tuple(warnings),
                    margin_min=float(margin), standby=tuple(standby))
    except ScenarioError:
        raise
    except (ValueError, KeyError, TypeError, RecursionError, OverflowError, UnicodeDecodeError) as exc:
        reason = str(exc)[:200]
        raise ScenarioError("store.unreadable", file=str(path), reason=reason) from None
    if sc is not None:
        plan = _fits(sc, plan, data, path)
    return plan


def plan_scenario(folder: str | Path, sc: Scenario) -> None:
    """Refuse a plan made for another scenario (its name, or its fingerprint, differs from ``sc``'s)."""
    path = Path(folder)
    path = path / PLAN_FILE if path.is_dir() else path
    if not path.is_file():
        raise ScenarioError("store.no_plan", file=str(path), name=PLAN_FILE)
    try:
        made_for = _parse(path).get("scenario")
    except (ValueError, UnicodeDecodeError, RecursionError):
        return  # not a plan this version reads: read_plan says so, with its fix
    if not isinstance(made_for, dict):
        return
    name, recorded = made_for.get("name"), made_for.get("fingerprint")
    if (name is not None and name != sc.name) or (recorded is not None and recorded != scenario_fingerprint(sc)):
        raise ScenarioError("store.base_other", file=str(path), other=str(name)[:60], name=sc.name)


def as_planned(sc: Scenario, margin_min: float) -> Scenario:
    """``sc`` as a plan with ``margin_min`` minutes of margin was made on: the latest arrival that much earlier."""
    if not margin_min:
        return sc
    from present.clock import format_clock

    return sc.with_overrides({"policy.latest_arrival": format_clock(sc.latest_arrival_min - margin_min)})


def _fits(sc: Scenario, plan: Plan, data: dict[str, Any], path: Path) -> Plan:
    """The plan, checked against ``sc`` the way it was made (strict or not, with its margin)."""
    from planning.check import check_plan, check_returning

    made_for = data.get("scenario") if isinstance(data.get("scenario"), dict) else {}
    recorded = made_for.get("fingerprint")
    same = recorded is None or recorded == scenario_fingerprint(sc)  # None: saved without its scenario
    strict = data.get("strict", True) is not False
    planned = as_planned(sc, plan.margin_min)  # a plan made with a margin is checked against the deadline it met
    violations = check_plan(planned, plan, strict=strict)
    if plan.placement_info is not None and plan.placement_info.status != "optimal":
        soft = check_returning(planned, plan)  # a time-limited placement's shortfall, as make_plan treats it
        violations = [v for v in violations if v not in soft]
    other = f"'{made_for.get('name')}'" if made_for.get("name") else Msg("store.another_scenario")
    if violations:
        raise ScenarioError("store.breaks" if same else "store.other_breaks", file=str(path),
                            fix=Msg("store.make_for.fix", name=sc.name), n=len(violations), first=violations[0],
                            other=other, name=sc.name)
    if not same:
        note = Msg("store.other_version", other=other, name=sc.name)
        plan = dataclasses.replace(plan, warnings=(*plan.warnings, note))
    return plan
