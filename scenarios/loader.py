"""Load a scenario from YAML plus CSV tables (paths relative to the YAML file) and validate it."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pandas as pd

from present.errors import ScenarioErrors
from scenarios.aliases import post_aliases
from scenarios.clock import parse_clock
from scenarios.errors import ScenarioError, shown, suggest
from scenarios.files import (
    TableLimits,
    allowed_dirs_from_env,
    table_path,
    use_limits,
)
from scenarios.scenario import Scenario
from scenarios.sections import build_sections, clock_minutes
from scenarios.tables import (
    DISTRICT_COLUMNS,
    ENTERPRISE_COLUMNS,
    POSTS_PREFIX,
    read_table,
)
from scenarios.texts import TableError
from scenarios.values import resolve_enterprises
from scenarios.workers_in import read_workers
from scenarios.yamlsafe import parse_yaml, read_yaml_text

DATA_DIR = Path(__file__).resolve().parent / "data"
SCENARIO_FILE = "scenario.yaml"
SECTIONS = ("meta", "train", "workers", "enterprises", "districts", "jobs", "fleet", "station", "travel", "policy",
            "disruptions", "calibrated")


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
    sections = build_sections(raw, file)
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

    path, sheet, label = table_path(raw, "districts", base_dir, file, "districts.csv", allow_dirs)
    districts = collected(lambda: read_table(path, DISTRICT_COLUMNS, parse_clock=clock, what="district", sheet=sheet,
                                             label=label, bad=bad))
    path, sheet, label = table_path(raw, "enterprises", base_dir, file, "enterprises.csv", allow_dirs)
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
        clock_minutes(enterprises, anchor)
    spec = raw.get("workers")
    if known or (isinstance(spec, dict) and "roster" in spec):  # a generator needs the enterprises read well
        workers = collected(lambda: read_workers(spec, base_dir, file, meta, train, enterprises, districts, jobs,
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
    sections = build_sections(raw, file)
    enterprises = sc.enterprises.copy()
    clock_minutes(enterprises, sections["train"].arrival_min)
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
    return table_path({"travel.matrix": name}, "travel.matrix", base_dir, file, "times.csv", allow_dirs)[0]
