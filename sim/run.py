"""``simulate`` and ``simulate_day``: replications with seeds, in this process or in parallel, and the SimResult."""

from __future__ import annotations

import gzip
import operator
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from planning.plan import Plan
from present.clock import format_clock
from scenarios.errors import ScenarioError
from scenarios.io import atomic_path
from scenarios.scenario import Scenario
from scenarios.writers import write_csv
from sim.checks import assert_sound
from sim.config import SimConfig, as_config
from sim.events import (
    crowd,
    events_frame,
    timelines_from_events,
    timelines_from_recorders,
    trips_from_events,
)
from sim.kpis import district_table, replication_kpis, summarize
from sim.model import run_replication
from sim.night import NONE, Night, compile_night


@dataclass(frozen=True, eq=False)
class SimResult:
    """The replications of one simulation: KPIs per replication, the event log and what derives from it.

    ``events``: the event log: every event of the replications with a full log (``log`` says which; by default the
    first 20), train and vehicle rows of the others;
    ``timelines``: one row per worker and replication; ``trips``: one row per vehicle trip and replication.
    Times are minutes from midnight of the (first) scenario's date.
    """

    scenario_name: str  # `scenario` is always a Scenario object in this toolkit; a name is `scenario_name`
    seed: int
    replications: int
    config: SimConfig = field(repr=False)
    log: str
    kpis: pd.DataFrame = field(repr=False)
    events: pd.DataFrame = field(repr=False)
    timelines: pd.DataFrame = field(repr=False)
    trips: pd.DataFrame = field(repr=False)
    workers: pd.DataFrame = field(repr=False)  # worker_id, train, district, enterprise_id, deadline_min, planned
    arrival_min: float = field(repr=False)
    deadline_min: float = field(repr=False)
    wall_s: float
    sim_events: int = field(repr=False)
    info: dict[str, Any] = field(default_factory=dict, repr=False)

    def __str__(self) -> str:
        """A few lines: what was run and the headline KPIs with their 95% intervals."""
        k = self.summary().set_index("kpi")

        def clock(name: str) -> str:
            row = k.loc[name]
            return f"{format_clock(row['mean'])} [{format_clock(row['ci_low'])}-{format_clock(row['ci_high'])}]" \
                if pd.notna(row["ci_low"]) else format_clock(row["mean"])

        lines = [f"{self.scenario_name}: {self.replications} replications, seed {self.seed}, log {self.log}, "
                 f"{self.wall_s:.1f} s"]
        if k.loc["checked_in", "mean"] > 0:
            lines.append(f"last check-in {clock('last_checkin_min')}, 95% checked in by {clock('p95_checkin_min')}, "
                         f"share by {format_clock(self.deadline_min)}: {k.loc['share_by_deadline', 'mean']:.1%}")
        lines.append(f"longest wait {k.loc['longest_wait_min', 'mean']:.0f} min, largest crowd "
                     f"{k.loc['largest_crowd', 'mean']:.0f}, not delivered {k.loc['not_delivered', 'mean']:.1f}")
        return "\n".join(lines)

    def summary(self, level: float = 0.95) -> pd.DataFrame:
        """Per KPI: mean, confidence interval at ``level`` (Student t over replications), std, min, max."""
        return summarize(self.kpis, level)

    def by_district(self) -> pd.DataFrame:
        """Per district (placement), over all replications: workers per replication, mean, 95th percentile and
        latest check-in (minutes from midnight), share checked in by the deadline, mean and longest wait at the sign.
        """
        return district_table(self.timelines)

    def crowd(self, step_min: float = 1.0) -> pd.DataFrame:
        """People in the station per replication over time (replication, minutes, people)."""
        return crowd(self.timelines, step_min)

    def checkins(self, step_min: float = 5.0) -> pd.DataFrame:
        """Workers checked in by each time, per replication (replication, minutes, checked_in)."""
        from sim.charts import checkin_curves

        return checkin_curves(self, step_min)

    def gantt(self, replication: int = 0, lang: str = "zh"):
        """Coach Gantt chart of one replication (a matplotlib Figure)."""
        from sim.charts import gantt

        return gantt(self, replication, lang)

    def checkin_chart(self, lang: str = "zh"):
        """Workers checked in over clock time: the median over replications and the 5-95% band."""
        from sim.charts import checkin_chart

        return checkin_chart(self, lang)

    def crowd_chart(self, lang: str = "zh"):
        """People in the station over clock time: the median and the 5-95% band over replications."""
        from sim.charts import crowd_chart

        return crowd_chart(self, lang)

    def write(self, out_dir: str | Path, lang: str = "zh") -> list[Path]:
        """Write kpis.csv, summary.csv, events.csv.gz, timelines.csv.gz and the charts (PNG), each atomically.

        Returns the paths written. ``lang`` is "zh" (Chinese labels) or "en".
        """
        from sim.charts import labels, save_charts

        labels(lang)  # a bad language fails before anything is written
        out = Path(out_dir)
        written = []
        for name, frame in (("kpis.csv", self.kpis), ("summary.csv", self.summary()),
                            ("events.csv.gz", self.events), ("timelines.csv.gz", self.timelines),
                            ("trips.csv", self.trips)):
            with atomic_path(out / name) as tmp:
                write_csv(frame, tmp)  # formula-safe cells; .gz gzipped with mtime 0
            written.append(out / name)
        written.extend(save_charts(self, out, lang))
        return written


def write_gzip(path: Path, data: bytes) -> None:
    """Gzip ``data`` into ``path`` with no file name and mtime 0 in the header, so equal data gives equal bytes."""
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as gz:
        gz.write(data)


def _full_log_replications(config: SimConfig, replications: int) -> tuple[int, str]:
    """How many replications (the first ones) keep the full log, and a description of the log."""
    full = {"full": replications, "lean": 0}.get(config.log, min(config.full_log_replications, replications))
    if full == replications:
        return full, "full"
    return full, "lean" if full == 0 else f"full for replications 0-{full - 1}, lean after"


def _rosters(nights: list[Night]) -> tuple[pd.DataFrame, pd.DataFrame]:
    frames = []
    for night in nights:
        frames.append(pd.DataFrame({
            "worker_id": night.worker_ids,
            "train": night.prefix.rstrip("/") or night.name,
            "district": night.district,
            "enterprise_id": [night.enterprise_ids[e] if e >= 0 else "" for e in night.enterprise],
            "deadline_min": night.latest_arrival_min,
            "planned": night.mode != NONE,
        }))
    workers = pd.concat(frames, ignore_index=True)
    if workers["worker_id"].duplicated().any():
        raise ScenarioError("two trains carry the same worker id.", fix="give workers unique ids across trains.")
    return workers, workers[["worker_id", "train", "district", "enterprise_id", "deadline_min"]]


def _run_chunk(nights: list[Night], config: SimConfig, seed: int, reps: Sequence[int], full_below: int,
               roster: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, int, list[tuple[int, float]]]:
    """Run some replications (full log for those below ``full_below``); return (events, timelines, SimPy events,
    train delays)."""
    outs = [run_replication(nights, config, seed, r, r < full_below) for r in reps]
    events = events_frame([(o.replication, o.recorder.rows) for o in outs])
    parts = []
    full_reps = [o.replication for o in outs if o.recorder.full]
    if full_reps:
        parts.append(timelines_from_events(events[events["replication"].isin(full_reps)], roster))
    lean = [(o.replication, o.recorder) for o in outs if not o.recorder.full]
    if lean:
        parts.append(timelines_from_recorders(lean, roster))
    timelines = pd.concat(parts, ignore_index=True).sort_values("replication", kind="stable", ignore_index=True)
    delays = [(o.replication, d) for o in outs for d in o.train_delay_min]
    return events, timelines, sum(o.sim_events for o in outs), delays


def _whole(value: Any, low: int, name: str) -> int:
    """``value`` as an int (numpy integers too) >= ``low``, else a ScenarioError naming ``name``."""
    try:
        number = operator.index(value)
    except TypeError:
        number = None
    if number is None or isinstance(value, bool) or number < low:
        raise ScenarioError(f"expected a whole number >= {low}, got {value!r}.", field=name)
    return number


def _simulate(nights: list[Night], name: str, replications: int, seed: int, config: SimConfig,
              arrival_min: float, deadline_min: float) -> SimResult:
    replications = _whole(replications, 1, "replications")
    seed = _whole(seed, 0, "seed")
    start = time.perf_counter()
    full_below, mode = _full_log_replications(config, replications)
    workers, roster = _rosters(nights)
    reps = list(range(replications))
    jobs = min(config.n_jobs, replications) if replications >= config.parallel_min_replications else 1
    if jobs > 1:
        from joblib import Parallel, delayed

        chunks = [reps[k::jobs * 4] for k in range(jobs * 4)]
        parts = Parallel(n_jobs=jobs)(delayed(_run_chunk)(nights, config, seed, c, full_below, roster)
                                      for c in chunks if c)
    else:
        parts = [_run_chunk(nights, config, seed, reps, full_below, roster)]
    events = pd.concat([p[0] for p in parts], ignore_index=True)
    timelines = pd.concat([p[1] for p in parts], ignore_index=True)
    if jobs > 1:
        events = events.sort_values("replication", kind="stable", ignore_index=True)
        timelines = timelines.sort_values("replication", kind="stable", ignore_index=True)
    delays = pd.DataFrame([d for p in parts for d in p[3]], columns=["replication", "train_delay_min"])
    trips = trips_from_events(events)
    assert_sound(timelines, trips, len(workers), replications)
    kpis = replication_kpis(timelines, trips, workers.set_index("worker_id")["planned"], delays)
    return SimResult(scenario_name=name, seed=seed, replications=replications, config=config, log=mode, kpis=kpis,
                     events=events, timelines=timelines, trips=trips, workers=workers, arrival_min=arrival_min,
                     deadline_min=deadline_min, wall_s=time.perf_counter() - start,
                     sim_events=sum(p[2] for p in parts), info={"jobs": jobs})


def simulate(scenario: Scenario, plan: Plan, replications: int = 100, seed: int = 0,
             options: SimConfig | dict[str, Any] | None = None) -> SimResult:
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
        A ``SimConfig`` or a dict of dotted-path overrides of it (``{"disruptions.missed_train.enabled": True}``).

    Raises ScenarioError when the plan does not fit the scenario or an option is out of range.
    """
    config = as_config(options)
    night = compile_night(scenario, plan)
    return _simulate([night], scenario.name, replications, seed, config, scenario.arrival_min,
                     scenario.latest_arrival_min)


def simulate_day(arrivals: Sequence[tuple[Scenario, Plan]], replications: int = 1, seed: int = 0,
                 options: SimConfig | dict[str, Any] | None = None) -> SimResult:
    """Several trains on one day at one station, in one environment per replication.

    The trains share the station's desks and coach bays (the first scenario's station) and the enterprises'
    dormitory check-in desks; each train keeps its own plan and coaches. Entity ids get the prefix ``T<k>/``.
    All scenarios must share their date (times are minutes from its midnight).
    """
    if not arrivals:
        raise ScenarioError("no trains given.", field="arrivals", fix="pass a list of (scenario, plan) pairs.")
    config = as_config(options)
    first = arrivals[0][0]
    width = len(str(len(arrivals)))
    nights = []
    for k, (sc, plan) in enumerate(arrivals):
        if sc.meta.date != first.meta.date:
            raise ScenarioError(f"train {k + 1} ({sc.name}) is on {sc.meta.date}, not {first.meta.date}.",
                                field="arrivals", fix="simulate one date at a time.")
        nights.append(compile_night(sc, plan, prefix=f"T{k + 1:0{width}d}/"))
    return _simulate(nights, f"{first.name} day ({len(arrivals)} trains)", replications, seed, config,
                     min(sc.arrival_min for sc, _ in arrivals), max(sc.latest_arrival_min for sc, _ in arrivals))
