"""Load a scenario from YAML plus CSV tables (paths relative to the YAML file) and validate it."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from present.errors import ScenarioErrors
from present.labels import JOBS
from scenarios.aliases import post_aliases
from scenarios.build import build
from scenarios.calibrated import Calibrated
from scenarios.clock import parse_clock
from scenarios.disruptions import Disruptions
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
from scenarios.texts import TableError
from scenarios.values import resolve_enterprises, resolve_workers
from scenarios.yamlsafe import parse_yaml, read_yaml_text

DATA_DIR = Path(__file__).resolve().parent / "data"
SCENARIO_FILE = "scenario.yaml"
SECTIONS = ("meta", "train", "workers", "enterprises", "districts", "jobs", "fleet", "station", "travel", "policy",
            "disruptions", "calibrated")
#: The job types of a scenario that names none: the names of ``present.labels.JOBS``.
DEFAULT_JOBS = {job: {"name_zh": zh, "name_en": en} for job, (zh, en) in JOBS.items()}


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
        raise ScenarioError("scenario.not_found", file=text)
    raise ScenarioError("scenario.no_such", name=text, hint=suggest(text, names), names=", ".join(names))


def read_yaml(path: Path) -> dict[str, Any]:
    """The YAML file's top-level mapping, read with limits (see ``scenarios.yamlsafe``); errors name the line."""
    data = parse_yaml(read_yaml_text(path), path)
    if not isinstance(data, dict):
        raise ScenarioError("scenario.not_mapping", file=str(path), fix="scenario.start_from",
                            path=str(DATA_DIR / "tiny" / SCENARIO_FILE))
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
    raw: dict[str, Any], key: str, base_dir: Path, file: str, default: str, allow_dirs: Iterable[str | Path] = ()
) -> tuple[Path, str | None, str]:
    """The table file, its sheet (None: the first, or a CSV) and its name for messages, of ``key: FILE`` or
    ``key: {file: FILE.xlsx, sheet: NAME}``; the file follows the rules of ``scenarios.files`` and its limits."""
    value = raw.get(key, default)
    sheet = None
    if isinstance(value, dict):
        for k in value:
            if k not in ("file", "sheet"):
                raise ScenarioError(
                    "field.unknown_key", file=file, field=f"{key}.{k}", fix="scenario.table_key.fix",
                    name=shown(k), hint=suggest(str(k), ["file", "sheet"]), key=key,
                    default=default.replace(".csv", ".xlsx"),
                )
        sheet = value.get("sheet")
        if sheet is not None and (not isinstance(sheet, str | int) or not str(sheet).strip()):
            raise ScenarioError("scenario.sheet_name", file=file, field=f"{key}.sheet", value=shown(sheet))
        sheet = None if sheet is None else str(sheet)
        value = value.get("file")
    if not isinstance(value, str) or not value.strip():
        raise ScenarioError("scenario.table_name", file=file, field=key, value=shown(value), key=key,
                            default=default, stem=Path(default).stem)
    path = resolve_table(value, base_dir, file=file, field=key, allow_dirs=allow_dirs)
    label = str(base_dir / value)
    check_table_size(path, active_limits(), shown_as=label)
    return path, sheet, label


def from_dict(
    raw: dict[str, Any],
    base_dir: Path,
    file: str = "<scenario>",
    *,
    allow_dirs: Iterable[str | Path] | None = None,
    limits: TableLimits | None = None,
) -> Scenario:
    """Build and validate a Scenario from the parsed YAML mapping; tables are read relative to ``base_dir``.

    ``allow_dirs`` and ``limits`` as for ``load``.
    """
    with use_limits(limits):
        return _from_dict(raw, base_dir, file, allowed_dirs_from_env() if allow_dirs is None else tuple(allow_dirs))


def _from_dict(raw: dict[str, Any], base_dir: Path, file: str, allow_dirs: tuple[str | Path, ...]) -> Scenario:
    if not isinstance(raw, dict):
        raise ScenarioError("scenario.not_mapping", file=file, fix=None)
    raw = copy.deepcopy(raw)
    for key in raw:
        if key not in SECTIONS:
            raise ScenarioError("scenario.unknown_section", file=file, field=str(key), name=shown(key),
                                hint=suggest(str(key), SECTIONS))
    for key in ("meta", "train", "station", "fleet"):
        if key not in raw:
            raise ScenarioError("scenario.no_section", file=file, field=key, key=key)
    sections = _sections(raw, file)
    meta, train, travel, jobs = sections["meta"], sections["train"], sections["travel"], sections["jobs"]

    anchor = train.arrival_min

    def clock(text: str) -> float:
        return parse_clock(text, "clock", anchor_min=anchor)

    bad: list[ScenarioError] = []  # the bad cells of every table, told together

    def collected(read: Callable[[], Any]) -> Any:
        try:
            return read()
        except (TableError, ScenarioErrors) as exc:
            bad.append(exc)
            return None

    path, sheet, label = _table_path(raw, "districts", base_dir, file, "districts.csv", allow_dirs)
    districts = collected(lambda: read_table(path, DISTRICT_COLUMNS, parse_clock=clock, what="district", sheet=sheet,
                                             label=label, bad=bad))
    path, sheet, label = _table_path(raw, "enterprises", base_dir, file, "enterprises.csv", allow_dirs)
    enterprises = collected(lambda: read_table(
        path,
        ENTERPRISE_COLUMNS,
        extra_prefix=POSTS_PREFIX,
        extra_names=tuple(jobs),
        extra_aliases={f"{POSTS_PREFIX}{j}": post_aliases(j, job.name_zh, job.name_en) for j, job in jobs.items()},
        parse_clock=clock,
        what="enterprise",
        sheet=sheet,
        label=label,
        bad=bad,
    ))
    notes = []
    if districts is not None and enterprises is not None:
        notes = collected(lambda: resolve_enterprises(enterprises, districts, matrix=travel.mode == "matrix")) or []
    known = districts is not None and enterprises is not None  # names are resolved against both
    if known:
        _clock_minutes(enterprises, anchor)
    spec = raw.get("workers")
    if known or (isinstance(spec, dict) and "roster" in spec):  # a generator needs the enterprises read well
        workers = collected(lambda: _read_workers(spec, base_dir, file, meta, train, enterprises, districts, jobs,
                                                  clock, allow_dirs, resolve=known, bad=bad))
    if bad:
        raise ScenarioErrors.of(bad)
    tables = [districts, enterprises, workers]
    matrix = None
    if travel.mode == "matrix":
        from scenarios.travel import read_matrix

        matrix = read_matrix(_matrix_path(travel.matrix, base_dir, file, allow_dirs))
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

    try:
        warnings = validate(scenario, file=file)
    except ScenarioError as exc:
        raise as_written(exc, tables) from None
    notes = [n for t in tables for n in t.attrs.get("notes", [])] + notes
    settle(*tables, matrix)
    return dataclasses.replace(scenario, warnings=tuple(notes + warnings))


def settle(*tables: pd.DataFrame | None) -> None:
    """Drop the reading notes (``attrs``: file, sheet, headers as written) of tables that are read and checked.

    They serve the loader's messages only. pandas deep-copies a table's attrs into every frame and series derived
    from it, which made a season's validation and placement spend much of their time in ``copy.deepcopy``.
    """
    for table in tables:
        if table is not None:
            table.attrs.clear()


def as_written(exc: ScenarioError, tables: list[pd.DataFrame]) -> ScenarioError:
    """A cross-check's error on a table, with the table's sheet and the column as its header wrote it."""
    for table in tables:
        attrs = table.attrs
        if exc.file and exc.file == attrs.get("file") and not isinstance(exc, TableError):
            written = attrs.get("written", {}).get(exc.field or "", exc.field)
            return TableError(exc.msg, file=exc.file, sheet=attrs.get("sheet"), row=exc.row, column=written,
                              fix=exc.fix_msg)
    return exc


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
    disruptions = build(Disruptions, raw.get("disruptions"), "disruptions", file)
    jobs_raw = raw.get("jobs", DEFAULT_JOBS)
    if not isinstance(jobs_raw, dict) or not jobs_raw:
        raise ScenarioError("scenario.jobs", file=file, field="jobs")
    jobs = {str(k): build(Job, v, f"jobs.{k}", file) for k, v in jobs_raw.items()}
    fleet_raw = raw["fleet"]
    if not isinstance(fleet_raw, dict) or not fleet_raw:
        raise ScenarioError("scenario.no_coach_type", file=file, field="fleet")
    fleet = {str(k): build(CoachType, v, f"fleet.{k}", file) for k, v in fleet_raw.items()}
    calibrated = build(Calibrated, raw["calibrated"], "calibrated", file) if raw.get("calibrated") else None
    return {"meta": meta, "train": train, "station": station, "fleet": fleet, "travel": travel, "policy": policy,
            "jobs": jobs, "calibrated": calibrated, "disruptions": disruptions}


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
        matrix = read_matrix(_matrix_path(travel.matrix, base_dir, file, allowed_dirs_from_env()))
    scenario = dataclasses.replace(
        sc, **sections, enterprises=enterprises, workers=sc.workers.copy(), districts=sc.districts.copy(),
        raw=raw, warnings=(), travel_matrix=matrix,
    )
    return dataclasses.replace(scenario, warnings=tuple(validate(scenario, file=file)))


def _matrix_path(name: str | None, base_dir: Path, file: str, allow_dirs: Iterable[str | Path]) -> Path:
    """The checked path of ``travel.matrix`` (the same rules and limits as every table)."""
    return _table_path({"travel.matrix": name}, "travel.matrix", base_dir, file, "times.csv", allow_dirs)[0]


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
    allow_dirs: tuple[str | Path, ...] = (),
    resolve: bool = True,
    bad: list[ScenarioError] | None = None,
) -> pd.DataFrame:
    if not isinstance(spec, dict) or not ({"roster", "generate"} & set(spec)):
        raise ScenarioError("scenario.workers", file=file, field="workers")
    for key in spec:
        if key not in ("roster", "generate", "counties"):
            raise ScenarioError("field.unknown_key", file=file, field=f"workers.{key}", fix="scenario.workers_key.fix",
                                name=shown(key), hint=suggest(str(key), ["roster", "generate", "counties"]))
    if "roster" in spec and "generate" in spec:
        raise ScenarioError("scenario.roster_and_generator", file=file, field="workers")
    if "roster" in spec:
        path, sheet, label = _table_path(spec, "roster", base_dir, file, "workers.csv", allow_dirs)
        workers = read_table(path, WORKER_COLUMNS, parse_clock=clock, what="worker", sheet=sheet, label=label, bad=bad)
        if resolve:  # else another table failed: this one's cells are checked, its names wait for the others
            resolve_workers(workers, enterprises, districts, jobs, _counties(spec.get("counties"), file))
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
    if "phone" not in workers.columns:
        workers["phone"] = ""
    return workers


def _counties(spec: Any, file: str) -> dict[str, tuple[str, str]] | None:
    """``workers.counties``: origin counties beyond Dingxi's seven, as {id: {name_zh: .., name_en: ..}}."""
    if spec is None:
        return None
    if not isinstance(spec, dict) or not spec:
        raise ScenarioError("scenario.counties", file=file, field="workers.counties")
    out = {}
    for key, names in spec.items():
        names = names if isinstance(names, dict) else {"name_zh": names}
        out[str(key)] = (str(names.get("name_zh", key)), str(names.get("name_en", key)))
    return out
