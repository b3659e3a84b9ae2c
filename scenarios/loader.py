"""Load a scenario from YAML plus CSV tables (paths relative to the YAML file) and validate it."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from scenarios.build import build
from scenarios.clock import parse_clock
from scenarios.errors import ScenarioError, shown, suggest
from scenarios.files import (
    TableLimits,
    active_limits,
    allowed_dirs_from_env,
    check_table_size,
    resolve_table,
    use_limits,
)
from scenarios.model import CoachType, Job, Meta, Policy, Station, Train, Travel, WorkerGenerator
from scenarios.scenario import Scenario
from scenarios.tables import (
    DISTRICT_COLUMNS,
    ENTERPRISE_COLUMNS,
    POSTS_PREFIX,
    WORKER_COLUMNS,
    read_table,
)
from scenarios.yamlsafe import parse_yaml, read_yaml_text

DATA_DIR = Path(__file__).resolve().parent / "data"
SCENARIO_FILE = "scenario.yaml"
SECTIONS = ("meta", "train", "workers", "enterprises", "districts", "jobs", "fleet", "station", "travel", "policy")
DEFAULT_JOBS = {
    "general": {"name_zh": "普工", "name_en": "General worker"},
    "operator": {"name_zh": "操作工", "name_en": "Machine operator"},
    "technician": {"name_zh": "技术工", "name_en": "Technician"},
}


def bundled_names() -> list[str]:
    """Names of the bundled scenarios."""
    return sorted(p.parent.name for p in DATA_DIR.glob(f"*/{SCENARIO_FILE}"))


def resolve(name_or_path: str | Path) -> Path:
    """The YAML file for a bundled name, a scenario folder or a YAML path."""
    text = str(name_or_path)
    candidate = DATA_DIR / text / SCENARIO_FILE
    if "/" not in text and "\\" not in text and candidate.is_file():
        return candidate
    path = Path(text)
    if path.is_dir():
        path = path / SCENARIO_FILE
    if path.is_file():
        return path
    names = bundled_names()
    if "/" in text or "\\" in text or text.endswith((".yaml", ".yml")):
        raise ScenarioError(
            "file not found.", file=text, fix="check the path, or give a folder that holds scenario.yaml."
        )
    raise ScenarioError(
        f"no scenario '{text}': not a bundled name and no such file; {suggest(text, names)}",
        fix=f"give a bundled name ({', '.join(names)}) or the path of a scenario.yaml.",
    )


def read_yaml(path: Path) -> dict[str, Any]:
    """The YAML file's top-level mapping, read with limits (see ``scenarios.yamlsafe``); errors name the line."""
    data = parse_yaml(read_yaml_text(path), path)
    if not isinstance(data, dict):
        raise ScenarioError(
            "expected a mapping of sections (meta:, train:, ...).",
            file=str(path),
            fix=f"start from a bundled scenario, e.g. {DATA_DIR / 'tiny' / SCENARIO_FILE}.",
        )
    return data


def load(
    name_or_path: str | Path,
    overrides: dict[str, Any] | None = None,
    *,
    allow_dirs: Iterable[str | Path] | None = None,
    limits: TableLimits | None = None,
) -> Scenario:
    """Load and validate a scenario by bundled name or path; ``overrides`` maps dotted paths to new values.

    Tables are read only from the scenario's folder (see ``scenarios.files``); ``allow_dirs`` adds folders (default:
    LABOR_TRANSFER_ALLOW_DIRS) and ``limits`` sets the most rows and bytes of a table (default: from the environment).
    """
    path = resolve(name_or_path)
    raw = read_yaml(path)
    if overrides:
        from scenarios.overrides import apply_overrides

        raw = apply_overrides(raw, overrides)
    return from_dict(raw, base_dir=path.parent, file=str(path), allow_dirs=allow_dirs, limits=limits)


def _table_path(
    raw: dict[str, Any], key: str, base_dir: Path, file: str, default: str, allow_dirs: Iterable[str | Path]
) -> Path:
    """The checked path of the table named at ``key`` (see ``scenarios.files`` for the rules), within the limits."""
    value = raw.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(
            f"expected the name of a CSV file, got {shown(value)}.",
            file=file,
            field=key,
            fix=f"write e.g. '{key}: {default}'.",
        )
    path = resolve_table(value, base_dir, file=file, field=key, allow_dirs=allow_dirs)
    check_table_size(path, active_limits(), shown_as=str(base_dir / value))
    return path


def from_dict(
    raw: dict[str, Any],
    base_dir: Path,
    file: str = "<scenario>",
    *,
    allow_dirs: Iterable[str | Path] | None = None,
    limits: TableLimits | None = None,
) -> Scenario:
    """Build and validate a Scenario from the parsed YAML mapping; tables are read relative to ``base_dir``."""
    with use_limits(limits):
        return _from_dict(raw, base_dir, file, allowed_dirs_from_env() if allow_dirs is None else tuple(allow_dirs))


def _from_dict(raw: dict[str, Any], base_dir: Path, file: str, allow_dirs: tuple[str | Path, ...]) -> Scenario:
    if not isinstance(raw, dict):
        raise ScenarioError("expected a mapping of sections (meta:, train:, ...).", file=file)
    raw = copy.deepcopy(raw)
    for key in raw:
        if key not in SECTIONS:
            raise ScenarioError(
                f"unknown section {shown(key)}; {suggest(str(key), SECTIONS)}",
                file=file,
                field=str(key),
                fix="correct the spelling or remove the section.",
            )
    for key in ("meta", "train", "station", "fleet"):
        if key not in raw:
            raise ScenarioError("section is missing.", file=file, field=key, fix=f"add a '{key}:' section.")
    meta = build(Meta, raw["meta"], "meta", file)
    train = build(Train, raw["train"], "train", file)
    station = build(Station, raw["station"], "station", file)
    travel = build(Travel, raw.get("travel"), "travel", file)
    policy = build(Policy, raw.get("policy"), "policy", file)
    jobs_raw = raw.get("jobs", DEFAULT_JOBS)
    if not isinstance(jobs_raw, dict) or not jobs_raw:
        raise ScenarioError(
            "expected a mapping of job ids to names.",
            file=file,
            field="jobs",
            fix="e.g. jobs: {general: {name_zh: 普工, name_en: General worker}}",
        )
    jobs = {str(k): build(Job, v, f"jobs.{k}", file) for k, v in jobs_raw.items()}
    fleet_raw = raw["fleet"]
    if not isinstance(fleet_raw, dict) or not fleet_raw:
        raise ScenarioError(
            "expected at least one coach type.",
            file=file,
            field="fleet",
            fix="e.g. fleet: {coach_53: {seats: 53, count: 10}}",
        )
    fleet = {str(k): build(CoachType, v, f"fleet.{k}", file) for k, v in fleet_raw.items()}

    anchor = train.arrival_min

    def clock(text: str) -> float:
        return parse_clock(text, "clock", anchor_min=anchor)

    districts = read_table(
        _table_path(raw, "districts", base_dir, file, "districts.csv", allow_dirs),
        DISTRICT_COLUMNS,
        parse_clock=clock,
        what="district",
    )
    enterprises = read_table(
        _table_path(raw, "enterprises", base_dir, file, "enterprises.csv", allow_dirs),
        ENTERPRISE_COLUMNS,
        extra_prefix=POSTS_PREFIX,
        extra_names=tuple(jobs),
        parse_clock=clock,
        what="enterprise",
    )
    for column in ("checkin_open", "checkin_close", "own_arrival"):
        enterprises[f"{column}_min"] = [clock(t) if t else np.nan for t in enterprises[column]]
    workers = _read_workers(
        raw.get("workers"), base_dir, file, meta, train, enterprises, districts, jobs, clock, allow_dirs
    )
    matrix = None
    if travel.mode == "matrix":
        from scenarios.travel import read_matrix

        where = {"travel.matrix": travel.matrix}
        matrix = read_matrix(_table_path(where, "travel.matrix", base_dir, file, "times.csv", allow_dirs))
    scenario = Scenario(
        meta=meta,
        train=train,
        station=station,
        fleet=fleet,
        travel=travel,
        policy=policy,
        jobs=jobs,
        workers=workers,
        enterprises=enterprises,
        districts=districts,
        source=Path(file) if file != "<scenario>" else None,
        raw=raw,
        travel_matrix=matrix,
    )
    from scenarios.validate import validate

    warnings = validate(scenario, file=file)
    return dataclasses.replace(scenario, warnings=tuple(warnings))


def _read_workers(
    spec: Any,
    base_dir: Path,
    file: str,
    meta: Meta,
    train: Train,
    enterprises: pd.DataFrame,
    districts: pd.DataFrame,
    jobs: dict[str, Job],
    clock: Any,
    allow_dirs: tuple[str | Path, ...],
) -> pd.DataFrame:
    if not isinstance(spec, dict) or not ({"roster", "generate"} & set(spec)):
        raise ScenarioError(
            "expected 'roster: FILE.csv' or 'generate: {count: ...}'.",
            file=file,
            field="workers",
            fix="add 'workers: {roster: workers.csv}'.",
        )
    for key in spec:
        if key not in ("roster", "generate"):
            raise ScenarioError(
                f"unknown key {shown(key)}; {suggest(str(key), ['roster', 'generate'])}",
                file=file,
                field=f"workers.{key}",
                fix="use 'roster' or 'generate'.",
            )
    if "roster" in spec and "generate" in spec:
        raise ScenarioError(
            "give either a roster or a generator, not both.",
            file=file,
            field="workers",
            fix="remove one of 'roster' and 'generate'.",
        )
    if "roster" in spec:
        path = _table_path(spec, "roster", base_dir, file, "workers.csv", allow_dirs)
        workers = read_table(path, WORKER_COLUMNS, parse_clock=clock, what="worker")
    else:
        from scenarios.generate import generate_workers

        generator = build(WorkerGenerator, spec["generate"], "workers.generate", file)
        rng = np.random.default_rng(meta.seed)
        workers = generate_workers(rng, generator, enterprises, districts, jobs, train.cars)
    unknown_car = workers["car"] == 0
    if unknown_car.any():
        order = np.flatnonzero(unknown_car.to_numpy())
        workers.loc[unknown_car, "car"] = order // train.seats_per_car + 1
    workers["car"] = workers["car"].astype(int)
    return workers
