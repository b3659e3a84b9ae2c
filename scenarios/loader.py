"""Load a scenario from YAML plus CSV tables (paths relative to the YAML file) and validate it."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from scenarios.build import build
from scenarios.clock import parse_clock
from scenarios.errors import ScenarioError, suggest
from scenarios.model import CoachType, Job, Meta, Policy, Station, Train, Travel, WorkerGenerator
from scenarios.scenario import Scenario
from scenarios.tables import (
    DISTRICT_COLUMNS,
    ENTERPRISE_COLUMNS,
    POSTS_PREFIX,
    WORKER_COLUMNS,
    read_table,
    read_text,
)

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


class _Loader(yaml.SafeLoader):
    """The safe loader, with a value it cannot construct (a date like 2023-02-30, '!!int abc') reported by line."""

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            return super().construct_object(node, deep)
        except (ValueError, TypeError, OverflowError, AttributeError, KeyError) as exc:  # PyYAML's own failures
            raise _BadValue(node, exc) from None


class _BadValue(yaml.YAMLError):
    """A scalar PyYAML recognised (by its form or tag) but could not turn into a value."""

    def __init__(self, node: yaml.Node, exc: Exception) -> None:
        self.line = node.start_mark.line + 1
        self.value = node.value if isinstance(node.value, str) else "..."
        self.kind = str(node.tag).rsplit(":", 1)[-1]
        self.reason = f" ({exc})" if isinstance(exc, ValueError) else ""
        super().__init__(str(exc))


def _value_error(path: Path, exc: _BadValue) -> ScenarioError:
    if exc.kind == "timestamp":
        return ScenarioError(
            f"'{exc.value}' on line {exc.line} is not a calendar date{exc.reason}.",
            file=str(path),
            fix="write a real date as YYYY-MM-DD, e.g. 2023-02-01.",
        )
    return ScenarioError(
        f"cannot read '{exc.value}' on line {exc.line} as {exc.kind}{exc.reason}.",
        file=str(path),
        fix=f"correct the value, or remove the '!!{exc.kind}' tag; quote text.",
    )


def read_yaml(path: Path) -> dict[str, Any]:
    """The YAML file's top-level mapping, with syntax errors and unreadable values reported by line."""
    text = read_text(path)
    try:
        data = yaml.load(text, Loader=_Loader)
    except _BadValue as exc:
        raise _value_error(path, exc) from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" on line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ScenarioError(
            f"YAML syntax error{line}: {problem}.", file=str(path), fix="check indentation and quoting near that line."
        ) from None
    if not isinstance(data, dict):
        raise ScenarioError(
            "expected a mapping of sections (meta:, train:, ...).",
            file=str(path),
            fix=f"start from a bundled scenario, e.g. {DATA_DIR / 'tiny' / SCENARIO_FILE}.",
        )
    return data


def load(name_or_path: str | Path, overrides: dict[str, Any] | None = None) -> Scenario:
    """Load and validate a scenario by bundled name or path; ``overrides`` maps dotted paths to new values."""
    path = resolve(name_or_path)
    raw = read_yaml(path)
    if overrides:
        from scenarios.overrides import apply_overrides

        raw = apply_overrides(raw, overrides)
    return from_dict(raw, base_dir=path.parent, file=str(path))


def _table_path(raw: dict[str, Any], key: str, base_dir: Path, file: str, default: str) -> Path:
    value = raw.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError(
            f"expected the name of a CSV file, got {value!r}.",
            file=file,
            field=key,
            fix=f"write e.g. '{key}: {default}'.",
        )
    return (base_dir / value).resolve()


def from_dict(raw: dict[str, Any], base_dir: Path, file: str = "<scenario>") -> Scenario:
    """Build and validate a Scenario from the parsed YAML mapping; tables are read relative to ``base_dir``."""
    raw = copy.deepcopy(raw)
    for key in raw:
        if key not in SECTIONS:
            raise ScenarioError(
                f"unknown section '{key}'; {suggest(str(key), SECTIONS)}",
                file=file,
                field=str(key),
                fix="correct the spelling or remove the section.",
            )
    for key in ("meta", "train", "station", "fleet"):
        if key not in raw:
            raise ScenarioError("section is missing.", file=file, field=key, fix=f"add a '{key}:' section.")
    sections = _sections(raw, file)
    meta, train, travel, jobs = sections["meta"], sections["train"], sections["travel"], sections["jobs"]

    anchor = train.arrival_min

    def clock(text: str) -> float:
        return parse_clock(text, "clock", anchor_min=anchor)

    districts = read_table(
        _table_path(raw, "districts", base_dir, file, "districts.csv"),
        DISTRICT_COLUMNS,
        parse_clock=clock,
        what="district",
    )
    enterprises = read_table(
        _table_path(raw, "enterprises", base_dir, file, "enterprises.csv"),
        ENTERPRISE_COLUMNS,
        extra_prefix=POSTS_PREFIX,
        extra_names=tuple(jobs),
        parse_clock=clock,
        what="enterprise",
    )
    _clock_minutes(enterprises, anchor)
    workers = _read_workers(raw.get("workers"), base_dir, file, meta, train, enterprises, districts, jobs, clock)
    matrix = None
    if travel.mode == "matrix":
        from scenarios.travel import read_matrix

        matrix = read_matrix((base_dir / str(travel.matrix)).resolve())
    scenario = Scenario(
        **sections,
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


#: The enterprises' clock columns, each with a ``<column>_min`` twin in minutes from midnight.
ENTERPRISE_CLOCKS = ("checkin_open", "checkin_close", "own_arrival")


def _clock_minutes(enterprises: pd.DataFrame, anchor: float) -> None:
    """Fill the ``*_min`` twins of the enterprises' clock columns, in place (times read near ``anchor``)."""
    for column in ENTERPRISE_CLOCKS:
        enterprises[f"{column}_min"] = [parse_clock(t, "clock", anchor_min=anchor) if t else np.nan
                                        for t in enterprises[column]]


def _sections(raw: dict[str, Any], file: str) -> dict[str, Any]:
    """The parameter sections (meta, train, station, travel, policy, jobs, fleet) built from the YAML mapping."""
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
    return {"meta": meta, "train": train, "station": station, "fleet": fleet, "travel": travel, "policy": policy,
            "jobs": jobs}


def rebuild(sc: Scenario, overrides: dict[str, Any]) -> Scenario:
    """``sc`` with dotted-path overrides applied to its raw document, rebuilt and validated again.

    The parameter sections are built anew; the tables are the scenario's own, as they are in memory (an edited
    roster stays edited), with their clock minutes re-read around a changed arrival. Nothing is read from disk
    but a travel matrix whose file name an override changes.
    """
    from scenarios.overrides import apply_overrides
    from scenarios.validate import validate

    raw = apply_overrides(sc.raw, overrides) if overrides else copy.deepcopy(sc.raw)
    file = str(sc.source) if sc.source is not None else "<scenario>"
    sections = _sections(raw, file)
    enterprises = sc.enterprises.copy()
    _clock_minutes(enterprises, sections["train"].arrival_min)
    matrix = sc.travel_matrix
    travel = sections["travel"]
    if travel.mode == "matrix" and (matrix is None or travel.matrix != sc.travel.matrix):
        from scenarios.travel import read_matrix

        base_dir = sc.source.parent if sc.source is not None else Path.cwd()
        matrix = read_matrix((base_dir / str(travel.matrix)).resolve())
    scenario = dataclasses.replace(
        sc, **sections, enterprises=enterprises, workers=sc.workers.copy(), districts=sc.districts.copy(),
        raw=raw, warnings=(), travel_matrix=matrix,
    )
    return dataclasses.replace(scenario, warnings=tuple(validate(scenario, file=file)))


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
                f"unknown key '{key}'; {suggest(str(key), ['roster', 'generate'])}",
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
        path = _table_path(spec, "roster", base_dir, file, "workers.csv")
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
