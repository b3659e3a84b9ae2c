"""The scenario file's parameter sections built from its mapping (meta, train, station, travel, policy,
disruptions, jobs, fleet, calibrated), and the enterprises' clock columns in minutes."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from present.labels import JOBS
from scenarios.build import build
from scenarios.calibrated import Calibrated
from scenarios.clock import parse_clock
from scenarios.disruptions import Disruptions
from scenarios.errors import ScenarioError
from scenarios.model import CoachType, Job, Meta, Station, Train, Travel
from scenarios.policy import Policy

#: The job types of a scenario that names none: the names of ``present.labels.JOBS``.
DEFAULT_JOBS = {job: {"name_zh": zh, "name_en": en} for job, (zh, en) in JOBS.items()}

#: The enterprises' clock columns, each with a ``<column>_min`` twin in minutes from midnight.
ENTERPRISE_CLOCKS = ("checkin_open", "checkin_close", "own_arrival")


def clock_minutes(enterprises: pd.DataFrame, anchor: float) -> None:
    """Fill the ``*_min`` twins of the enterprises' clock columns, in place (times read near ``anchor``; each
    distinct text read once: a city's thousands of enterprises share a few opening times)."""
    for column in ENTERPRISE_CLOCKS:
        read: dict[tuple[type, Any], float] = {}  # by type too: True is not the number 1 here
        minutes = []
        for t in enterprises[column]:
            m = read.get((type(t), t))
            if m is None:
                m = read[(type(t), t)] = parse_clock(t, "clock", anchor_min=anchor) if t else np.nan
            minutes.append(m)
        enterprises[f"{column}_min"] = minutes


def build_sections(raw: dict[str, Any], file: str) -> dict[str, Any]:
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
