"""Simulating a season: every arrival night many times, the chance each night goes right, and the whole season's.

The evenings are separate tasks (one per evening and arrival point: arrivals of one evening at one point share
its desks, bays and the evening's travel luck in one simulation, as ``sim.simulate_day`` runs them). A task compiles
its nights once and reads from each replication only what the season needs, the workers counting against each night
and its last check-in (``sim.outcomes``: the numbers of ``simulate_day`` and ``whatif.risk.night_ok_by_train``,
without their frames); the largest evenings go first so the processes finish together. Each task has its own seed,
drawn from the season seed and the task's position, so local processes and a Dask cluster give the same numbers;
the error of the planner's own times (``travel.bias``) is drawn from the season seed itself
(``SimConfig.season_seed``), so replication r of the season is replication r of every night under one shared error:
nights are not independent, and a season with slow roads is slow every night.

The season's headline is the number of nights that go wrong: its expected value with a 90% range over simulated
seasons, beside the chance that all go right, both under the shared error.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from planning.season import NightPlan, SeasonPlan
from present.catalog import text, words
from present.html import Table
from scenarios.errors import ScenarioError
from whatif.sequential import wilson


def _evenings(sp: SeasonPlan) -> list[list[NightPlan]]:
    groups: dict[tuple[dt.date, str], list[NightPlan]] = {}
    for n in sp.nights:
        groups.setdefault((n.arrival.date, n.arrival.point), []).append(n)
    return list(groups.values())


def _task(group: list[tuple[Any, Any, str]], replications: int, seed: int,
          options: dict[str, Any]) -> tuple[list[str], Any]:
    """Simulate one evening ``replications`` times: its arrival ids and their ``sim.outcomes.NightOutcomes``."""
    from sim.outcomes import night_outcomes
    from sim.run import compile_arrivals

    nights, config = compile_arrivals([(sc, plan) for sc, plan, _ in group], options)
    return [aid for _, _, aid in group], night_outcomes(nights, config, seed, range(replications))


def _frame(done: list[tuple[list[str], Any]]) -> pd.DataFrame:
    """One row per arrival and replication (replication, late, last_checkin_min, ok, arrival), by arrival."""
    ids = [aid for names, _ in done for aid in names]
    late = np.concatenate([o.late for _, o in done]).ravel()
    last = np.concatenate([o.last_checkin_min for _, o in done]).ravel()
    reps = np.concatenate([np.tile(o.replications, len(names)) for names, o in done])
    n = len(done[0][1].replications)
    frame = pd.DataFrame({"replication": reps, "late": late, "last_checkin_min": last, "ok": late == 0,
                          "arrival": np.repeat(np.array(ids, dtype=object), n)})
    return frame.sort_values(["arrival", "replication"], ignore_index=True)


@dataclass(frozen=True, eq=False)
class SeasonResult:
    """Per arrival and replication: whether the night went right; summaries per night and for the season."""

    plan: SeasonPlan
    replications: int
    seed: int
    nights: pd.DataFrame = field(repr=False)  # arrival, replication, ok, last_checkin_min, late
    wall_s: float = 0.0

    def per_night(self) -> pd.DataFrame:
        """One row per arrival: p_on_time with its Wilson interval, the last check-in's median and 95th percentile."""
        table = self.plan.table().set_index("arrival")
        g = self.nights.groupby("arrival")
        good, n = g["ok"].sum(), g["ok"].size()
        out = table.assign(p_on_time=good / n, nights=n)
        bounds = [wilson(int(good[a]), int(n[a])) for a in out.index]
        out["p_low"], out["p_high"] = [b[0] for b in bounds], [b[1] for b in bounds]
        out["last_p50_min"] = g["last_checkin_min"].median()
        out["last_p95_min"] = g["last_checkin_min"].quantile(0.95)
        return out.reset_index()

    def at_risk(self, k: int = 5) -> pd.DataFrame:
        """The ``k`` nights most at risk (lowest p_on_time, then latest last check-in)."""
        return self.per_night().sort_values(["p_on_time", "last_p95_min"], ascending=[True, False]).head(k)

    def season_ok(self) -> tuple[float, float, float]:
        """The share of season replications in which every night went right, with its Wilson interval."""
        ok = self.nights.groupby("replication")["ok"].all()
        low, high = wilson(int(ok.sum()), len(ok))
        return float(ok.mean()), low, high

    def bad_nights(self) -> tuple[float, int, int]:
        """Nights that go wrong in a season: the expected number, and the 5% and 95% points over simulated seasons
        (the 90% range), under the season's shared error of the planner's times."""
        bad = (~self.nights["ok"].astype(bool)).groupby(self.nights["replication"]).sum()
        return float(bad.mean()), int(np.floor(bad.quantile(0.05))), int(np.ceil(bad.quantile(0.95)))

    def summary(self, lang: str = "zh") -> str:
        p, low, high = self.season_ok()
        mean, lo, hi = self.bad_nights()
        t = self.per_night()
        w = words("seasonsum.", lang)
        sep = text("sep.list", lang)
        worst = sep.join(w["night"].format(arrival=r.arrival, date=r.date, p=f"{r.p_on_time:.0%}")
                         for r in self.at_risk(3).itertuples())
        return "\n".join([self.plan.summary(lang),
                          w["season"].format(n=self.replications, nights=len(t), mean=f"{mean:.1f}", lo=lo, hi=hi,
                                             p=f"{p:.0%}", low=f"{low:.0%}", high=f"{high:.0%}",
                                             median=f"{t['p_on_time'].median():.0%}"),
                          w["shared"], w["worst"].format(worst=worst)])

    def __str__(self) -> str:
        return self.summary("en")

    def risk_table(self, k: int = 5, lang: str | None = None) -> Table:
        """The ``k`` nights most at risk (``at_risk``) as people read them, a display in Jupyter (``.frame``: the
        table): risk with its interval, the last check-in's median and 95% in clock times, Chinese headers."""
        from planning.season_display import arrivals_for_people
        from present.html import display_lang

        shown = self.at_risk(k)[["arrival", "date", "kind", "point", "workers", "coaches", "p_on_time", "p_low",
                                 "p_high", "last_p50_min", "last_p95_min"]]
        return Table(arrivals_for_people(shown, self.plan, lang or display_lang()).reset_index(drop=True))

    def _repr_html_(self) -> str:
        """The summary, then one row per arrival: risk with its interval and the last check-in (clock times)."""
        from planning.season_display import arrivals_for_people
        from present.html import Page, display_lang
        from present.labels import words

        lang = display_lang()
        lines = self.summary(lang).splitlines()
        page = Page(lines[0])
        for line in lines[1:]:
            page.note(line)
        return page.table(arrivals_for_people(self.per_night(), self.plan, lang), max_rows=60,
                          more=words("more_rows", lang, n="{n}")).render()


def simulate_season(sp: SeasonPlan, replications: int = 100, seed: int = 0, *, backend: str | Any = "local",
                    n_jobs: int = 2, options: dict[str, Any] | None = None) -> SeasonResult:
    """Every evening of the season ``replications`` times; ``backend`` "local", "serial" or a ``distributed.Client``."""
    import time

    if isinstance(replications, bool) or not isinstance(replications, int) or not 1 <= replications <= 100_000:
        raise ScenarioError("season.replications", field="replications", value=repr(replications))
    start = time.perf_counter()
    groups = _evenings(sp)
    seeds = [int(s.generate_state(1)[0]) for s in np.random.SeedSequence(seed).spawn(len(groups))]
    shared = {"season_seed": int(np.random.SeedSequence([seed, 23]).generate_state(1)[0]), **(options or {})}
    tasks = [([(n.scenario, n.plan, n.arrival.id) for n in g], replications, s, dict(shared))
             for g, s in zip(groups, seeds, strict=True)]
    # The largest evenings first, so the processes finish together; results are sorted by arrival afterwards.
    tasks.sort(key=lambda t: -sum(len(sc.workers) for sc, _, _ in t[0]))
    if backend == "serial" or (backend == "local" and n_jobs == 1):
        done = [_task(*t) for t in tasks]
    elif backend == "local":
        from joblib import Parallel, delayed

        done = Parallel(n_jobs=n_jobs)(delayed(_task)(*t) for t in tasks)
    else:
        done = backend.gather([backend.submit(_task, *t, pure=False) for t in tasks])
    return SeasonResult(sp, replications, seed, _frame(done), time.perf_counter() - start)
