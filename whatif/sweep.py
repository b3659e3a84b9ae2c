"""Sweeps: a grid of variants times replications, on local processes or a Dask cluster, as one tidy table."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from planning import make_plan
from planning.options import PlanOptions
from planning.plan import Plan
from scenarios import Scenario, ScenarioError, load
from sim.stats import mean_ci
from whatif.compare import compare
from whatif.variants import Variant, grid

#: Routing iterations per variant in a sweep: a fixed count (not a wall-clock limit) keeps plans reproducible.
SWEEP_ROUTING_ITERATIONS = 3000
#: The KPIs of a sweep's text summary.
SUMMARY_KPIS = ("p95_checkin_min", "share_by_deadline", "longest_wait_min")
#: Seconds to wait for a Dask scheduler before giving up.
SCHEDULER_TIMEOUT_S = 10.0


@dataclass(frozen=True, eq=False)
class SweepResult:
    """``table``: one row per variant, replication and KPI (columns: variant, the override paths, replication,
    kpi, value)."""

    table: pd.DataFrame
    axes: tuple[str, ...]

    @property
    def variants(self) -> list[str]:
        return list(dict.fromkeys(self.table["variant"]))

    def kpis(self, variant: str) -> pd.DataFrame:
        """Per-replication KPIs of one variant (replications as rows)."""
        rows = self.table[self.table["variant"] == variant]
        return rows.pivot(index="replication", columns="kpi", values="value")

    def summary(self, lang: str = "en") -> str:
        """A few lines for people: per variant, the 95% check-in time, the share in by the deadline, the longest
        wait (means over the replications)."""
        from present.kpis import KPI_LABELS, format_kpi

        labels = KPI_LABELS["zh" if lang == "zh" else "en"]
        table = self.summary_table().set_index(["variant", "kpi"])["mean"]
        n = int(self.table["replication"].nunique())
        head = (f"{len(self.variants)} 个方案，每个 {n} 次重复" if lang == "zh"
                else f"{len(self.variants)} variants, {n} replications each")
        lines = [head]
        for variant in self.variants:
            shown = [f"{labels[k]} {format_kpi(k, table[(variant, k)])}" for k in SUMMARY_KPIS
                     if (variant, k) in table.index]
            lines.append(f"{variant}: " + ", ".join(shown))
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

    def compare(self, a: str, b: str) -> pd.DataFrame:
        """Paired differences B - A (the variants share random numbers replication by replication)."""
        return compare(self.kpis(a), self.kpis(b), names=(a, b))


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
        raise ScenarioError(
            "Dask is not installed.", field="scheduler", fix="pip install 'dask[distributed]', or leave it out."
        ) from None
    try:
        identity = asyncio.run(_identity(address, timeout_s))
        if not isinstance(identity, dict) or identity.get("type") != "Scheduler":
            raise ValueError(f"it answers, but not as a Dask scheduler: {str(identity)[:60]}")
        return Client(address, timeout=timeout_s)
    except (OSError, ValueError, TypeError) as exc:  # TimeoutError is an OSError
        reason = str(exc).splitlines()[0][:120] if str(exc) else type(exc).__name__
        raise ScenarioError(
            f"cannot reach a Dask scheduler at '{address}' within {timeout_s:g} s ({reason}).",
            field="scheduler",
            fix="start one (dask scheduler) and give its address, e.g. tcp://host:8786, or leave the scheduler out.",
        ) from None


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
    base: Scenario, variants: list[Variant], scenarios: list[Scenario], replan: bool, seed: int, time_limit: float,
    tick: Any,
) -> list[Plan]:
    """One plan per variant (made in order; variants with the same overrides, or all when not replanning, share)."""
    plans: dict[Any, Plan] = {}
    out = []
    for variant, sc in zip(variants, scenarios, strict=True):
        key = tuple(sorted(variant.overrides.items())) if replan else ()
        if key not in plans:
            plans[key] = make_plan(
                sc if replan else base,
                PlanOptions(seed=seed, iterations=SWEEP_ROUTING_ITERATIONS, time_limit=time_limit, strict=False),
            )
        out.append(plans[key])
        tick()
    return out


def sweep(
    base: Scenario | str | Path,
    axes: Mapping[str, Sequence[Any]],
    *,
    replications: int = 50,
    seed: int = 1,
    replan: bool = True,
    backend: str | Any = "local",
    n_jobs: int = 2,
    plan_time_limit: float = 30.0,
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
        raise ScenarioError(f"expected at least 1 worker process, got {n_jobs!r}.", field="n_jobs", fix="give e.g. 2.")
    variants: list[Variant] = grid(axes)
    scenarios = [v.build(base) for v in variants]  # validates every variant before any work starts
    # Reach the scheduler before the plans are made, so an unreachable one fails in seconds, not minutes.
    client = backend if _is_local(backend) or not isinstance(backend, str) else connect(backend)
    try:
        with _bar(len(variants), "sweep_plans", progress) as b:
            plans = _plans(base, variants, scenarios, replan, seed, plan_time_limit, b.update)
        tasks = [(sc, plan, replications, seed) for sc, plan in zip(scenarios, plans, strict=True)]
        with _bar(len(tasks), "sweep_runs", progress) as b:
            results = _run(tasks, client, n_jobs, b.update)
    finally:
        if client is not backend:
            client.close()
    frames = []
    for variant, kpis in zip(variants, results, strict=True):
        wide = kpis.reset_index() if "replication" not in kpis.columns else kpis
        long = wide.melt(id_vars="replication", var_name="kpi", value_name="value")
        long.insert(0, "variant", variant.label)
        for i, (path, value) in enumerate(variant.overrides.items()):
            long.insert(1 + i, path, value)
        frames.append(long)
    return SweepResult(table=pd.concat(frames, ignore_index=True), axes=tuple(axes))
