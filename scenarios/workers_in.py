"""The workers section of a scenario: a roster read from its table (with ``workers.counties``, origin counties
beyond Dingxi's seven) or a roster generated from ``workers.generate``."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from scenarios.build import build
from scenarios.errors import ScenarioError, shown, suggest
from scenarios.files import table_path
from scenarios.model import Job, Meta, Train, WorkerGenerator
from scenarios.tables import WORKER_COLUMNS, read_table
from scenarios.values import resolve_workers


def read_workers(
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
        path, sheet, label = table_path(spec, "roster", base_dir, file, "workers.csv", allow_dirs)
        workers = read_table(path, WORKER_COLUMNS, parse_clock=clock, what="worker", sheet=sheet, label=label, bad=bad)
        if resolve:  # else another table failed: this one's cells are checked, its names wait for the others
            resolve_workers(workers, enterprises, districts, jobs, counties(spec.get("counties"), file))
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


def counties(spec: Any, file: str) -> dict[str, tuple[str, str]] | None:
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
