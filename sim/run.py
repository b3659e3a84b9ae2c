"""``simulate`` and ``simulate_day``: replications with seeds, in this process or in parallel, and the SimResult."""

from __future__ import annotations

import itertools
import operator
import time
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd

from planning.plan import Plan
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario
from sim.checks import assert_sound
from sim.config import SimConfig, as_config, split_night
from sim.events import EVENT_TYPES, TIMELINE_TYPES, event_part, trips_from_events
from sim.events import timelines_from_events as _from_events
from sim.events import timelines_from_recorders as _from_recorders
from sim.kpis import replication_kpis
from sim.lean import Table, concat
from sim.model import run_replication
from sim.night import NONE, Night, compile_night
from sim.result import SimResult

#: Replications whose trips and KPIs are derived together (memory in passing, not the result).
KPI_BLOCK = 100


def _full_log_replications(config: SimConfig, replications: int) -> tuple[int, str]:
    """How many replications (the first ones) keep the full log, and a description of the log."""
    full = {"full": replications, "lean": 0}.get(config.log, min(config.full_log_replications, replications))
    if full == replications:
        return full, "full"
    return full, "lean" if full == 0 else f"full for replications 0-{full - 1}, lean after"


def _rosters(nights: list[Night]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = []
    for night in nights:
        planned_vehicle = [night.prefix + night.vehicles[night.trips[t].vehicle].id if t >= 0 else ""
                           for t in night.trip_of]
        planned_trip = [night.trips[t].number if t >= 0 else 0 for t in night.trip_of]
        frames.append(pd.DataFrame({
            "worker_id": night.worker_ids,
            "train": night.prefix.rstrip("/") or night.name,
            "district": night.district,
            "enterprise_id": [night.enterprise_ids[e] if e >= 0 else "" for e in night.enterprise],
            "deadline_min": night.latest_arrival_min,
            "max_ride_min": night.max_ride_min,
            "max_station_wait_min": night.max_station_wait_min,
            "planned": night.mode != NONE,
            "planned_vehicle": planned_vehicle,
            "planned_trip": planned_trip,
        }))
    workers = pd.concat(frames, ignore_index=True)
    if workers["worker_id"].duplicated().any():
        raise ScenarioError("sim.same_worker")
    return workers, workers[["worker_id", "train", "district", "enterprise_id", "deadline_min"]]


def _run_chunk(nights: list[Night], config: SimConfig, seed: int, reps: Sequence[int], full_below: int,
               roster: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int, list[tuple[int, float]]]:
    """Run some replications (full log for those below ``full_below``); return (events, timelines, SimPy events,
    train delays). Each replication's recorder is read into lean tables (``sim.lean``) as soon as it has run."""
    events, timelines = Table(EVENT_TYPES, 400 * len(reps)), Table(TIMELINE_TYPES, len(roster) * len(reps))
    sim_events, delays = 0, []
    for r in reps:
        out = run_replication(nights, config, seed, r, r < full_below)
        part = event_part(r, out.recorder.rows)
        events.add(part)
        if out.recorder.full:
            timelines.add(_from_events(pd.DataFrame(part), roster))
        else:
            timelines.add(_from_recorders([(r, out.recorder)], roster))
        sim_events += out.sim_events
        delays.extend((r, d) for d in out.train_delay_min)
    return events.frame(), timelines.frame(), sim_events, delays


def _whole(value: Any, low: int, name: str) -> int:
    """``value`` as an int (numpy integers too) >= ``low``, else a ScenarioError naming ``name``."""
    try:
        number = operator.index(value)
    except TypeError:
        number = None
    if number is None or isinstance(value, bool) or number < low:
        raise ScenarioError("sim.whole_at_least", field=name, low=low, value=repr(value))
    return number


def _blocks(frame: pd.DataFrame, bounds: np.ndarray) -> list[pd.DataFrame]:
    """The rows of each block of replications (``frame`` is sorted by replication)."""
    cut = np.searchsorted(frame["replication"].to_numpy(), bounds)
    return [frame.iloc[a:b] for a, b in itertools.pairwise(cut)]


def _derive(events: pd.DataFrame, timelines: pd.DataFrame, delays: pd.DataFrame,
            workers: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Trips and KPIs, checked (``sim.checks``), ``KPI_BLOCK`` replications at a time: each is a per-replication
    figure, so the blocks give the same tables as the whole would, with a fraction of the passing memory."""
    reps = np.unique(timelines["replication"].to_numpy())
    bounds = np.r_[reps[::KPI_BLOCK], reps[-1] + 1]
    planned = workers.set_index("worker_id")["planned"]
    trips, kpis = [], []
    for ev, tl in zip(_blocks(events, bounds), _blocks(timelines, bounds), strict=True):
        block = np.unique(tl["replication"].to_numpy())
        trip = trips_from_events(ev)
        assert_sound(tl, trip, len(workers), len(block))
        trips.append(trip)
        kpis.append(replication_kpis(tl, trip, planned, delays[delays["replication"].isin(block)], workers))
    ran = [t for t in trips if len(t)]
    trips_all = pd.concat(ran, ignore_index=True) if ran else trips[0]
    return trips_all, pd.concat(kpis, ignore_index=True)


def _simulate(nights: list[Night], scenario: Scenario, name: str, replications: int, seed: int, config: SimConfig,
              arrival_min: float, deadline_min: float, only: Sequence[int] | None = None) -> SimResult:
    if only is not None:
        reps = sorted({_whole(r, 0, "only") for r in only})
        replications = len(reps)
    replications = _whole(replications, 1, "replications")
    seed = _whole(seed, 0, "seed")
    start = time.perf_counter()
    full_below, mode = _full_log_replications(config, replications)
    workers, roster = _rosters(nights)
    if only is None:
        reps = list(range(replications))
    jobs = min(config.n_jobs, replications) if replications >= config.parallel_min_replications else 1
    if jobs > 1:
        from joblib import Parallel, delayed

        chunks = [reps[k::jobs * 4] for k in range(jobs * 4)]
        parts = Parallel(n_jobs=jobs)(delayed(_run_chunk)(nights, config, seed, c, full_below, roster)
                                      for c in chunks if c)
    else:
        parts = [_run_chunk(nights, config, seed, reps, full_below, roster)]
    events = concat([p[0] for p in parts])
    timelines = concat([p[1] for p in parts])
    if jobs > 1:
        events = events.sort_values("replication", kind="stable", ignore_index=True)
        timelines = timelines.sort_values("replication", kind="stable", ignore_index=True)
    delays = pd.DataFrame([d for p in parts for d in p[3]], columns=["replication", "train_delay_min"])
    trips, kpis = _derive(events, timelines, delays, workers)
    return SimResult(scenario=scenario, scenario_name=name, seed=seed, replications=replications, config=config,
                     log=mode, kpis=kpis, events=events, timelines=timelines, trips=trips, workers=workers,
                     arrival_min=arrival_min, deadline_min=deadline_min, wall_s=time.perf_counter() - start,
                     sim_events=sum(p[2] for p in parts), info={"jobs": jobs})


def _split(options: SimConfig | dict[str, Any] | None) -> tuple[SimConfig | dict[str, Any] | None, dict[str, Any]]:
    if isinstance(options, dict):
        return split_night(options)
    return options, {}


def _night_model(scenario: Scenario, options: SimConfig | dict[str, Any] | None) -> tuple[Scenario, SimConfig]:
    """The scenario with the night-model paths of ``options`` applied, and the simulation options."""
    sim_options, night = _split(options)
    return (scenario.with_night(night) if night else scenario), as_config(sim_options)


def simulate(scenario: Scenario, plan: Plan, replications: int = 100, seed: int = 0,
             options: SimConfig | dict[str, Any] | None = None, *, only: Sequence[int] | None = None) -> SimResult:
    """Play the plan out ``replications`` times on the night of the scenario's train.

    Parameters
    ----------
    scenario, plan
        The arrival event and the plan to simulate (routes and manifest are required).
    replications
        Independent replications; replication r uses ``SeedSequence(seed)``'s r-th child, spawned per random stream,
        so two plans or variants run with the same seed share their random numbers (common random numbers).
    seed
        Whole number >= 0; the same seed gives identical event logs.
    options
        A ``SimConfig`` or a dict of dotted-path overrides of it (``{"bay_call": "first_ready"}``). A path under
        ``disruptions.`` changes the scenario's night model for this run (``{"disruptions.missed_train.p_per_worker":
        0.01}``): the night model is the scenario's (``scenarios.disruptions``), the same in every command.
    only
        The replication numbers to run instead of ``0..replications-1`` (``replications`` is then their count):
        replication r is the same night whichever others run with it, so nights can be added in batches.

    Raises ScenarioError when the plan does not fit the scenario or an option is out of range.
    """
    scenario, config = _night_model(scenario, options)
    night = compile_night(scenario, plan)
    return _simulate([night], scenario, scenario.name, replications, seed, config, scenario.arrival_min,
                     scenario.latest_arrival_min, only)


def simulate_compiled(scenario: Scenario, night: Night, seed: int, only: Sequence[int],
                      options: SimConfig | dict[str, Any] | None = None) -> SimResult:
    """``simulate(scenario, plan, seed=seed, only=only, options=options)`` of a night already compiled from them
    (``sim.night.compile_night``): the same result, without compiling the plan again for every batch of nights.
    ``options`` are the simulation's only (the night model is the compiled night's)."""
    config = as_config(options)
    return _simulate([night], scenario, scenario.name, len(only), seed, config, scenario.arrival_min,
                     scenario.latest_arrival_min, only)


def _day_nights(arrivals: Sequence[tuple[Scenario, Plan]],
                options: SimConfig | dict[str, Any] | None) -> tuple[list[tuple[Scenario, Plan]], list[Night]]:
    """The arrivals with the night model of ``options`` applied, and their nights (ids prefixed ``T<k>/``)."""
    if not arrivals:
        raise ScenarioError("sim.no_trains", field="arrivals")
    arrivals = [(_night_model(sc, options)[0], plan) for sc, plan in arrivals]
    first = arrivals[0][0]
    width = len(str(len(arrivals)))
    nights = []
    for k, (sc, plan) in enumerate(arrivals):
        if sc.meta.date != first.meta.date:
            raise ScenarioError("sim.other_date", field="arrivals", k=k + 1, name=sc.name, date=sc.meta.date,
                                first=first.meta.date)
        nights.append(compile_night(sc, plan, prefix=f"T{k + 1:0{width}d}/"))
    return arrivals, nights


def compile_arrivals(arrivals: Sequence[tuple[Scenario, Plan]],
                     options: SimConfig | dict[str, Any] | None = None) -> tuple[list[Night], SimConfig]:
    """The nights one replication of these arrivals simulates, compiled once, and the simulation's options: one
    arrival as ``simulate`` has it, several as ``simulate_day`` has them (ids prefixed ``T<k>/``)."""
    config = as_config(_split(options)[0])
    if len(arrivals) == 1:
        sc, plan = arrivals[0]
        return [compile_night(_night_model(sc, options)[0], plan)], config
    return _day_nights(arrivals, options)[1], config


def simulate_day(arrivals: Sequence[tuple[Scenario, Plan]], replications: int = 1, seed: int = 0,
                 options: SimConfig | dict[str, Any] | None = None) -> SimResult:
    """Several trains on one day at one station, in one environment per replication.

    The trains share the station's desks and coach bays (the first scenario's station) and the enterprises'
    dormitory check-in desks; each train keeps its own plan and coaches. Entity ids get the prefix ``T<k>/``.
    All scenarios must share their date (times are minutes from its midnight).
    """
    if not arrivals:
        raise ScenarioError("sim.no_trains", field="arrivals")
    config = as_config(_split(options)[0])
    arrivals, nights = _day_nights(arrivals, options)
    first = arrivals[0][0]
    return _simulate(nights, first, f"{first.name} day ({len(arrivals)} trains)", replications, seed, config,
                     min(sc.arrival_min for sc, _ in arrivals), max(sc.latest_arrival_min for sc, _ in arrivals))
