"""Sweeps: a grid of variants times replications, on local processes or a Dask cluster, as one tidy table."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from planning import PlanCheckError, make_plan
from planning.memo import PlanMemo
from planning.options import PlanOptions
from planning.plan import Plan
from present.catalog import text
from present.lang import check_lang, of_pair
from scenarios import Scenario, ScenarioError, load
from sim.stats import mean_ci
from whatif.compare import Comparison, compare
from whatif.labels import variant_words
from whatif.option import Problem, deadline_problem, error_problem
from whatif.variants import Variant, grid

#: Routing iterations per variant in a sweep: a fixed count (not a wall-clock limit) keeps plans reproducible.
SWEEP_ROUTING_ITERATIONS = 3000
#: The KPIs of a sweep's text summary.
SUMMARY_KPIS = ("p95_checkin_min", "share_by_deadline", "longest_wait_min")
#: Seconds to wait for a Dask scheduler before giving up.
SCHEDULER_TIMEOUT_S = 10.0
#: The most nights a sweep simulates in all (variants x replications): about half an hour on two cores.
MAX_SWEEP_NIGHTS = 200_000


@dataclass(frozen=True, eq=False)
class SweepResult:
    """``table``: one row per variant, replication and KPI (columns: variant, the override paths, replication,
    kpi, value).

    ``problems``: the variants with no valid plan and why (no plan could be made, the checker failed, or the
    deadline cannot be met); a variant with no plan at all has no rows in ``table``. ``names``: each variant in
    words, (Chinese, English). ``order``: every variant, in the grid's order.
    """

    table: pd.DataFrame
    axes: tuple[str, ...]
    problems: dict[str, Problem] = field(default_factory=dict)
    names: dict[str, tuple[str, str]] = field(default_factory=dict)
    order: tuple[str, ...] = ()

    @property
    def variants(self) -> list[str]:
        return list(self.order) if self.order else list(dict.fromkeys(self.table["variant"]))

    def valid(self, variant: str) -> bool:
        """Whether the variant has a valid plan (its numbers can be shown)."""
        return variant not in self.problems

    def label(self, variant: str, lang: str = "zh") -> str:
        """The variant in words ("晚点 60 分钟 · 大巴（53座） 14 辆"); its config label when no words are known."""
        names = self.names.get(variant)
        return variant if names is None else of_pair(names, lang)

    def options_chart(self, kpis: Sequence[str] = ("p95_checkin_min", "share_by_deadline", "longest_wait_min"),
                      lang: str = "zh") -> Any:
        """The options side by side (a Chart): rows in words, the variants with no valid plan said as such."""
        from whatif.charts import options_chart

        names = {v: self.label(v, lang) for v in self.variants}
        return options_chart(self.summary_table(), list(kpis), lang, variants=self.variants, names=names,
                             invalid={v: p.text(lang) for v, p in self.problems.items()})

    def _repr_html_(self) -> str:
        """Jupyter's display: each option in words, its key KPIs, or why it has no valid plan."""
        from whatif.display import sweep_html

        return sweep_html(self)

    def kpis(self, variant: str) -> pd.DataFrame:
        """Per-replication KPIs of one variant (replications as rows)."""
        rows = self.table[self.table["variant"] == variant]
        return rows.pivot(index="replication", columns="kpi", values="value")

    def summary(self, lang: str = "en") -> str:
        """A few lines for people: per variant, the 95% check-in time, the share in by the deadline, the longest
        wait (means over the replications)."""
        from present.kpis import KPI_LABELS, format_kpi

        labels = KPI_LABELS[check_lang(lang)]
        table = self.summary_table().set_index(["variant", "kpi"])["mean"]
        n = int(self.table["replication"].nunique())
        lines = [text("sweep.head", lang, k=len(self.variants), n=n)]
        for variant in self.variants:
            name = self.label(variant, lang) + text("sep.colon", lang)
            if variant in self.problems:
                lines.append(name + text("sweep.no_valid", lang, why=self.problems[variant].text(lang)))
                continue
            shown = [f"{labels[k]} {format_kpi(k, table[(variant, k)])}" for k in SUMMARY_KPIS
                     if (variant, k) in table.index]
            lines.append(name + text("sep.comma", lang).join(shown))
        return "\n".join(lines)

    def summary_table(self, level: float = 0.95) -> pd.DataFrame:
        """Mean and confidence interval of every KPI for every variant (one row per variant and KPI)."""
        rows = []
        for (variant, kpi), group in self.table.groupby(["variant", "kpi"], sort=False):
            mean, low, high = mean_ci(group["value"].to_numpy(), level)
            axes = group.iloc[0][list(self.axes)].to_dict()
            rows.append(
                {
                    "variant": variant,
                    **axes,
                    "kpi": kpi,
                    "mean": mean,
                    "ci_low": low,
                    "ci_high": high,
                    "replications": len(group),
                }
            )
        return pd.DataFrame(rows)

    def compare(self, a: str, b: str) -> Comparison:
        """Paired differences B - A (the variants share random numbers replication by replication)."""
        for v in (a, b):
            if v in self.problems:
                raise ScenarioError("sweep.no_valid_plan", field="variant", option=v, why=self.problems[v].msg)
        table = compare(self.kpis(a), self.kpis(b), names=(a, b))
        table.attrs["words"] = {v: self.names[v] for v in (a, b) if v in self.names}
        return table


def _simulate_variant(sc: Scenario, plan: Plan, replications: int, seed: int) -> pd.DataFrame:
    """One variant's per-replication KPIs (runs in a worker process, which gets the scenario itself, pickled)."""
    from sim import simulate

    result = simulate(sc, plan, replications=replications, seed=seed, options={"n_jobs": 1})
    return result.kpis


def _bar(total: int, key: str, lang: str | None) -> Any:
    """A progress bar on stderr (silent unless ``lang`` is given and stderr is a terminal)."""
    from tqdm import tqdm

    from whatif.messages import say
    from whatif.progress import bar

    if lang is None:
        return tqdm(total=total, disable=True)
    return bar(total, say(lang, key))


def _is_local(backend: str | Any) -> bool:
    return isinstance(backend, str) and backend in ("serial", "local")


async def _identity(address: str, timeout_s: float) -> Any:
    """Ask whatever listens at ``address`` who it is, within ``timeout_s`` in all (a plain TCP listener that
    accepts and says nothing would otherwise hold ``Client`` for minutes)."""
    from distributed.comm import connect as open_comm

    async def ask() -> Any:
        comm = await open_comm(address, timeout=timeout_s)
        try:
            await comm.write({"op": "identity", "reply": True})
            return await comm.read()
        finally:
            await comm.close()

    return await asyncio.wait_for(ask(), timeout_s)


def connect(address: str, timeout_s: float | None = None) -> Any:
    """A ``distributed.Client`` on the scheduler at ``address``; an unreachable one is a clean error, soon."""
    timeout_s = SCHEDULER_TIMEOUT_S if timeout_s is None else timeout_s
    try:
        from dask.distributed import Client
    except ImportError:
        raise ScenarioError("sweep.no_dask", field="scheduler") from None
    try:
        identity = asyncio.run(_identity(address, timeout_s))
        if not isinstance(identity, dict) or identity.get("type") != "Scheduler":
            raise ValueError(f"it answers, but not as a Dask scheduler: {str(identity)[:60]!r}")
        if not identity.get("workers"):
            identity = _await_workers(address, timeout_s)
        return Client(address, timeout=timeout_s)
    except NoWorkers:
        raise ScenarioError("sweep.no_workers", field="scheduler", address=address, seconds=f"{timeout_s:g}") from None
    except Exception as exc:  # whatever answers, if not as Dask, is one line (a server that speaks first makes
        # distributed read its bytes as a frame length: a MemoryError of exabytes)
        said = str(exc).splitlines()[0] if str(exc) else ""
        reason = (said[:120] if said and not isinstance(exc, MemoryError) else type(exc).__name__)
        raise ScenarioError("sweep.no_scheduler", field="scheduler", address=address, seconds=f"{timeout_s:g}",
                            reason=reason) from None


class NoWorkers(Exception):
    """The scheduler answers but has no worker to run anything."""


def _await_workers(address: str, timeout_s: float) -> dict:
    """The scheduler's identity once it has a worker, asked every half second for ``timeout_s`` at most."""
    import time

    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        time.sleep(0.5)
        identity = asyncio.run(_identity(address, timeout_s))
        if isinstance(identity, dict) and identity.get("workers"):
            return identity
    raise NoWorkers


def _run(tasks: list[tuple], backend: str | Any, n_jobs: int, tick: Any) -> list[pd.DataFrame]:
    """Every task on the backend: "serial", "local" (joblib processes) or a ``distributed.Client``, in order;
    ``tick()`` after each one that is done."""
    if backend == "serial":
        out = []
        for t in tasks:
            out.append(_simulate_variant(*t))
            tick()
        return out
    if backend == "local":
        from joblib import Parallel, delayed

        out = []
        for frame in Parallel(n_jobs=n_jobs, return_as="generator")(delayed(_simulate_variant)(*t) for t in tasks):
            out.append(frame)
            tick()
        return out
    futures = [backend.submit(_simulate_variant, *t, pure=False) for t in tasks]
    results = backend.gather(futures)
    tick(len(results))
    return results


def _plans(
    base: Scenario, variants: list[Variant], scenarios: list[Scenario], replan: bool, seed: int,
    time_limit: float | None, tick: Any,
) -> tuple[list[Plan | None], dict[str, Problem]]:
    """One plan per variant (made in order; variants with the same overrides, or all when not replanning, share),
    and the variants with no valid plan: no plan could be made, or the deadline cannot be met.

    Variants share what their plans have in common (``planning.memo``, exact reuse only): the placement when its
    inputs are alike, a district's search when the search sees the same problem (variants of one delay and other
    fleets share every search); each plan is the one it would be alone, to the byte."""
    plans: dict[Any, Plan | Problem] = {}
    out: list[Plan | None] = []
    problems: dict[str, Problem] = {}
    opts = PlanOptions(seed=seed, iterations=SWEEP_ROUTING_ITERATIONS, time_limit=time_limit, strict=False)
    memo = PlanMemo(opts)
    for variant, sc in zip(variants, scenarios, strict=True):
        key = tuple(sorted(variant.overrides.items())) if replan else ()
        if key not in plans:
            try:
                plans[key] = make_plan(sc if replan else base, opts, memo=memo)
            except (ScenarioError, PlanCheckError) as exc:
                plans[key] = error_problem(exc)
        made = plans[key]
        if isinstance(made, Problem):
            problems[variant.label] = made
            out.append(None)
            tick()
            continue
        late = deadline_problem(sc, made)
        if late is not None:
            problems[variant.label] = late
        out.append(made)
        tick()
    return out, problems


def sweep(
    base: Scenario | str | Path,
    axes: Mapping[str, Sequence[Any]],
    *,
    replications: int = 50,
    seed: int = 1,
    replan: bool = True,
    backend: str | Any = "local",
    n_jobs: int = 2,
    plan_time_limit: float | None = None,
    progress: str | None = None,
) -> SweepResult:
    """Simulate every combination of ``axes`` with common random numbers; one tidy table back.

    ``replan``: each variant gets its own plan (placement and routes); False holds the base scenario's plan fixed.
    ``backend``: "local" (joblib processes), "serial", or a Dask scheduler address / ``distributed.Client``.
    Plans are made here, in order, so every backend simulates the same plans and gives the same numbers.
    ``base`` is a Scenario (a name or path is loaded once); each worker gets its variant's Scenario, pickled, so
    a scenario edited in memory sweeps as it is and no worker needs the scenario's files. ``progress``: a language
    ("zh" or "en") to show progress bars in on stderr when it is a terminal; None shows none.
    """
    if not isinstance(base, Scenario):
        base = load(base)
    if isinstance(n_jobs, bool) or not isinstance(n_jobs, int) or n_jobs < 1:
        raise ScenarioError("sweep.n_jobs", field="n_jobs", value=repr(n_jobs))
    variants: list[Variant] = grid(axes)
    if len(variants) * replications > MAX_SWEEP_NIGHTS:
        raise ScenarioError("sweep.too_many", field="replications", k=f"{len(variants):,}", r=f"{replications:,}",
                            n=f"{len(variants) * replications:,}", limit=f"{MAX_SWEEP_NIGHTS:,}")
    scenarios = [v.build(base) for v in variants]  # validates every variant before any work starts
    # Reach the scheduler before the plans are made, so an unreachable one fails in seconds, not minutes.
    client = backend if _is_local(backend) or not isinstance(backend, str) else connect(backend)
    try:
        with _bar(len(variants), "sweep_plans", progress) as b:
            plans, problems = _plans(base, variants, scenarios, replan, seed, plan_time_limit, b.update)
        planned = [(v, sc, plan) for v, sc, plan in zip(variants, scenarios, plans, strict=True) if plan is not None]
        tasks = [(sc, plan, replications, seed) for _, sc, plan in planned]
        with _bar(len(tasks), "sweep_runs", progress) as b:
            results = _run(tasks, client, n_jobs, b.update) if tasks else []
    finally:
        if client is not backend:
            client.close()
    frames = []
    for (variant, _, _), kpis in zip(planned, results, strict=True):
        wide = kpis.reset_index() if "replication" not in kpis.columns else kpis
        long = wide.melt(id_vars="replication", var_name="kpi", value_name="value")
        long.insert(0, "variant", variant.label)
        for i, (path, value) in enumerate(variant.overrides.items()):
            long.insert(1 + i, path, value)
        frames.append(long)
    names = {v.label: (variant_words(v.overrides, "zh", base), variant_words(v.overrides, "en", base))
             for v in variants}
    columns = ["variant", *axes, "replication", "kpi", "value"]
    table = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    return SweepResult(table=table, axes=tuple(axes), problems=problems, names=names,
                       order=tuple(v.label for v in variants))
