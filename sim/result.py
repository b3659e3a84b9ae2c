"""SimResult: the replications of one simulation, its tables, its text for people and its files."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from scenarios.io import atomic_path
from scenarios.scenario import Scenario
from scenarios.writers import write_csv
from sim.config import SimConfig
from sim.events import crowd, written_events
from sim.kpis import district_table, summarize
from sim.lean import plain


@dataclass(frozen=True, eq=False)
class SimResult:
    """The replications of one simulation: KPIs per replication, the event log and what derives from it.

    ``scenario``: the Scenario simulated (the first train's for a day of trains); ``scenario_name`` says what was
    run (the scenario's name, or the day's).
    ``events``: the event log: every event of the replications with a full log (``log`` says which; by default the
    first 20), train and vehicle rows of the others;
    ``timelines``: one row per worker and replication; ``trips``: one row per vehicle trip and replication.
    Times are minutes from midnight of the (first) scenario's date. The text columns of ``events`` and
    ``timelines`` are categoricals (``sim.lean``: a fraction of the memory of strings); ``sim.lean.plain`` makes
    them text, and the files hold text and the events' clock times.
    """

    scenario: Scenario = field(repr=False)
    scenario_name: str
    seed: int
    replications: int
    config: SimConfig = field(repr=False)
    log: str
    kpis: pd.DataFrame = field(repr=False)
    events: pd.DataFrame = field(repr=False)
    timelines: pd.DataFrame = field(repr=False)
    trips: pd.DataFrame = field(repr=False)
    #: worker_id, train, district, enterprise_id, deadline_min, planned, planned_vehicle, planned_trip
    workers: pd.DataFrame = field(repr=False)
    arrival_min: float = field(repr=False)
    deadline_min: float = field(repr=False)
    wall_s: float
    sim_events: int = field(repr=False)
    info: dict[str, Any] = field(default_factory=dict, repr=False)

    def __str__(self) -> str:
        return self.summary(lang="en") + f"\n({self.wall_s:.1f} s)"

    def _repr_html_(self) -> str:
        """Jupyter's display: the headline KPIs in clock times, their intervals and the spread over the nights."""
        from sim.display import sim_html

        return sim_html(self)

    def summary(self, lang: str = "zh", level: float = 0.95) -> str:
        """A few lines for people: what was run and the headline risk figures with their intervals."""
        from sim.summary import summary_text

        return summary_text(self, lang, level)

    def kpi_table(self, level: float = 0.95) -> pd.DataFrame:
        """One row per KPI: the mean with its confidence interval at ``level``, the nights' spread and meaning."""
        return summarize(self.kpis, level, self.deadline_min)

    def by_district(self) -> pd.DataFrame:
        """Per district (placement): the KPIs of each replication's district, then summarised over replications."""
        return district_table(self.timelines)

    def crowd(self, step_min: float = 1.0) -> pd.DataFrame:
        """People in the station per replication over time (replication, minutes, people)."""
        return crowd(self.timelines, step_min)

    def checkins(self, step_min: float = 5.0) -> pd.DataFrame:
        """Workers checked in by each time, per replication (replication, minutes, checked_in)."""
        from sim.charts import checkin_curves

        return checkin_curves(self, step_min)

    def manifest(self, replication: int = 0) -> pd.DataFrame:
        """The planned coach manifests as they played out in one replication: one row per worker the plan puts on
        a vehicle, with ``absent`` (not off the train: known at alighting, the vehicle did not wait), the vehicle
        taken, and the boarding, departure and check-in times."""
        w = self.workers[self.workers["planned_vehicle"] != ""]
        tl = self.timelines[self.timelines["replication"] == replication].set_index("worker_id")
        tl = tl.reindex(w["worker_id"])
        return pd.DataFrame({
            "worker_id": w["worker_id"].to_numpy(),
            "planned_vehicle": w["planned_vehicle"].to_numpy(),
            "planned_trip": w["planned_trip"].to_numpy(),
            "enterprise_id": w["enterprise_id"].to_numpy(),
            "absent": tl["absent"].to_numpy(dtype=bool),
            "vehicle": tl["vehicle"].to_numpy(),
            "boarded": tl["boarded"].to_numpy(),
            "departed": tl["departed"].to_numpy(),
            "checked_in": tl["checked_in"].to_numpy(),
        })

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

    def nights_chart(self, lang: str = "zh"):
        """The spread of the nights: a histogram of the last check-in with its 5/50/95% and the deadline."""
        from sim.charts import nights_chart

        return nights_chart(self, lang)

    def tables(self, lang: str = "zh") -> dict[str, tuple[pd.DataFrame, Any]]:
        """The tables ``write`` writes, by file name, each with how a block of its rows is made ready for the file:
        kpis.csv, summary.csv and trips.csv for people in ``lang`` (``present.columns``: Chinese headers, clock
        times and words; in English the machine tables), the event log (clock strings added) and the timelines
        (text columns as text), the last two made ready a block at a time so that no text copy is held whole."""
        from present.columns import csv_table, kpi_summary_for_people

        summary = self.kpi_table()
        return {"kpis.csv": (csv_table(self.kpis, lang, kinds={"replication": "count"}), None),
                "summary.csv": (summary if lang == "en" else kpi_summary_for_people(summary, lang), None),
                "events.csv.gz": (self.events, written_events), "timelines.csv.gz": (self.timelines, plain),
                "trips.csv": (csv_table(self.trips, lang, table="trips", words={"kind": "vehicle."},
                                        kinds=dict.fromkeys(("at_station", "bay", "departed", "last_stop", "back"),
                                                            "clock")), None)}

    def write(self, out_dir: str | Path, lang: str = "zh") -> list[Path]:
        """Write kpis.csv, summary.csv, summary.txt, events.csv.gz, timelines.csv.gz, trips.csv and the charts
        (PNG), each atomically. Returns the paths written. ``lang`` is "zh" (Chinese headers, clock times and
        labels) or "en" (the machine column names and minutes from midnight)."""
        from sim.charts import labels, save_charts

        labels(lang)  # a bad language fails before anything is written
        out = Path(out_dir)
        written = []
        for name, (frame, shape) in self.tables(lang).items():
            with atomic_path(out / name) as tmp:  # formula-safe cells; .gz gzipped with mtime 0; a BOM for Excel
                write_csv(frame, tmp, encoding="utf-8" if name.endswith(".gz") else "utf-8-sig", shape=shape)
            written.append(out / name)
        with atomic_path(out / "summary.txt") as tmp:
            tmp.write_text(self.summary(lang) + "\n", encoding="utf-8")
        written.append(out / "summary.txt")
        written.extend(save_charts(self, out, lang))
        return written
