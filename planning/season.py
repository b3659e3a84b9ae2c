"""Planning a season: posts shared across arrivals in date order, each night routed on its day's fleet.

Placement is a **rolling horizon**: arrivals are placed one by one in the order they arrive, each with the
ordinary placement model (returning workers first, then skills, wishes, fellow villagers) on the posts and beds
the earlier arrivals left open. Each arrival's placement is optimal for that arrival given what came before; the
season as a whole is not optimised (a later train cannot take a post back from an earlier one), which is how a
bureau commits posts as each train is confirmed. Routing is the night engine, one night at a time; arrivals on
one evening share the day's coaches (the later one gets what the earlier left; routes are open, one trip each).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from planning.make import PlanCheckError, route
from planning.options import PlanOptions
from planning.placement import place
from planning.plan import Plan
from present.catalog import text
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario
from scenarios.season import Arrival, Season
from scenarios.tables import POSTS_PREFIX

#: Routing iterations per night in a season (a night plan uses 10,000; a season has dozens of nights).
SEASON_ITERATIONS = 3_000


@dataclass(frozen=True, eq=False)
class NightPlan:
    """One arrival: its night scenario (posts open when it came) and its checked plan."""

    arrival: Arrival
    scenario: Scenario
    plan: Plan

    @property
    def coaches(self) -> int:
        return 0 if self.plan.routes is None or not len(self.plan.routes) else self.plan.routes["coach_id"].nunique()

    @property
    def cost(self) -> float:
        """Fixed cost of the coaches driven plus cost per km of their routes."""
        routes = self.plan.routes
        if routes is None or not len(routes):
            return 0.0
        fleet = self.scenario.fleet
        fixed = routes.groupby("coach_id")["coach_type"].first().map(lambda t: fleet[t].fixed_cost).sum()
        per_km = (routes["km"] * routes["coach_type"].map(lambda t: fleet[t].cost_per_km)).sum()
        return float(fixed + per_km)


@dataclass(frozen=True, eq=False)
class SeasonPlan:
    """Every arrival's night plan, in date order, and the posts as they filled."""

    season: Season
    nights: tuple[NightPlan, ...]
    posts_left: pd.DataFrame = field(repr=False)  # the season's enterprises with the posts still open at the end

    def table(self) -> pd.DataFrame:
        """One row per arrival: date, kind, point, workers, placed, unplaced, coaches, km, cost."""
        rows = []
        for n in self.nights:
            routes = n.plan.routes
            rows.append({"arrival": n.arrival.id, "date": n.arrival.date, "kind": n.arrival.kind,
                         "point": n.arrival.point, "origin": n.arrival.origin, "time": n.arrival.arrival,
                         "workers": len(n.plan.placement), "placed": len(n.plan.placed),
                         "unplaced": len(n.plan.unplaced), "coaches": n.coaches,
                         "km": 0.0 if routes is None else round(float(routes["km"].sum()), 1),
                         "cost": round(n.cost, 0)})
        return pd.DataFrame(rows)

    def coaches_per_day(self) -> pd.DataFrame:
        """Coaches to book per day (by type), as the night plans drive them."""
        rows = []
        for n in self.nights:
            if n.plan.routes is not None and len(n.plan.routes):
                used = n.plan.routes.groupby("coach_id")["coach_type"].first().value_counts()
                rows += [{"date": n.arrival.date, "coach_type": t, "coaches": int(c)} for t, c in used.items()]
        frame = pd.DataFrame(rows, columns=["date", "coach_type", "coaches"])
        return frame.groupby(["date", "coach_type"], as_index=False)["coaches"].sum()

    def posts_filled(self) -> pd.DataFrame:
        """After each arrival: posts filled so far and their share of the season's posts."""
        total = int(_posts(self.season.enterprises).sum())
        rows, filled = [], 0
        for n in self.nights:
            filled += len(n.plan.placed)
            rows.append({"arrival": n.arrival.id, "date": n.arrival.date, "filled": filled,
                         "share": filled / total if total else 0.0})
        return pd.DataFrame(rows)

    def unplaced(self) -> pd.DataFrame:
        """Who could not be placed, and why (the placement's own reasons)."""
        frames = [n.plan.unplaced.assign(arrival=n.arrival.id) for n in self.nights if len(n.plan.unplaced)]
        return pd.concat(frames) if frames else pd.DataFrame(columns=["arrival", "reason"])

    def _repr_html_(self) -> str:
        """Jupyter's display: the summary, then the arrivals in words and Chinese headers (``present.columns``)."""
        from planning.season_display import season_plan_html

        return season_plan_html(self)

    def summary(self, lang: str = "zh") -> str:
        t = self.table()
        days = t["date"].nunique()
        return text("season.plan_summary", lang, name=self.season.name, arrivals=len(t), days=days,
                    workers=int(t["workers"].sum()), placed=int(t["placed"].sum()), unplaced=int(t["unplaced"].sum()),
                    trips=int(t["coaches"].sum()), cost=f"{t['cost'].sum():,.0f}")


def _posts(enterprises: pd.DataFrame) -> pd.Series:
    return enterprises[[c for c in enterprises.columns if c.startswith(POSTS_PREFIX)]].sum(axis=1)


def take_posts(posts: pd.DataFrame, plan: Plan) -> pd.DataFrame:
    """``posts`` less the posts and beds the plan's placed workers take."""
    out = posts.copy()
    placed = plan.placed
    taken = placed.groupby(["enterprise_id", "job"]).size()
    for job, counts in taken.groupby(level="job", sort=False):
        column = f"{POSTS_PREFIX}{job}"
        rows = out.index.get_indexer(counts.index.get_level_values("enterprise_id"))
        if column not in out.columns or (rows < 0).any():
            raise KeyError(f"{job}: posts of an enterprise the season does not have")
        left = out[column].to_numpy(copy=True)
        left[rows] -= counts.to_numpy()
        out[column] = left
    for column, gender in (("max_female", "F"), ("max_male", "M")):
        if column in out.columns and "gender" in placed.columns:
            beds = placed[placed["gender"] == gender].groupby("enterprise_id").size()
            have = out.loc[beds.index, column]
            out.loc[beds.index, column] = have.where(have.isna(), have - beds)
    return out


def _with_gender(plan: Plan, sc: Scenario) -> Plan:
    placement = plan.placement.assign(gender=sc.workers["gender"].reindex(plan.placement.index).to_numpy())
    return dataclasses.replace(plan, placement=placement)


def plan_season(season: Season, options: PlanOptions | None = None, *, n_jobs: int = 2,
                progress: Callable[[str], None] | None = None) -> SeasonPlan:
    """Place every arrival in date order on the posts left; route and check each evening as soon as its arrivals
    are placed, on ``n_jobs`` processes while the next are placed (the same plan, to the byte, for any number).

    An evening's routes depend on its own arrivals' placements and the day's fleet only, so it is routed in
    another process while this one places the next; placement stays in order (each arrival takes the posts the
    earlier ones left). The processes are kept busy (one evening more handed out than there are processes),
    the largest waiting (workers) first, so the season does not end on one large evening while a process idles.
    Results are collected in date order, whichever process finishes first.
    """
    opts = options or PlanOptions(iterations=SEASON_ITERATIONS)
    posts = season.enterprises.copy()
    pool = _pool(n_jobs) if n_jobs > 1 and len({a.date for a in season.arrivals}) > 1 else None
    routing = _Evenings(pool, n_jobs)
    group: list[tuple[Arrival, Scenario, Plan]] = []
    arrivals = season.arrivals
    for k, arrival in enumerate(arrivals):
        night = season.night(arrival, posts)
        plan = place(night, solver=opts.solver, time_limit=opts.seconds, near=True)
        posts = take_posts(posts, _with_gender(plan, night))
        group.append((arrival, night, plan))
        if progress:
            progress(arrival.id)
        routing.poll()
        if k + 1 == len(arrivals) or arrivals[k + 1].date != arrival.date:  # arrivals are in date order
            routing.add((season.fleet_on(arrival.date), season.file, group, opts))
            group = []
    return SeasonPlan(season, routing.nights(), posts)


class _Evenings:
    """The evenings to route, in date order: at once without a pool; else handed to the pool's processes, one more
    than there are processes, the largest waiting first (an evening's routes do not depend on the order, so
    neither does the plan)."""

    def __init__(self, pool: Any, n_jobs: int) -> None:
        self.pool, self.slots = pool, n_jobs + 1
        self.done: dict[int, list[NightPlan]] = {}
        self.waiting: list[tuple[int, tuple[Any, ...]]] = []
        self.running: dict[int, Any] = {}

    def add(self, task: tuple[Any, ...]) -> None:
        k = len(self.done) + len(self.waiting) + len(self.running)
        if self.pool is None:
            self.done[k] = _route_evening(*task)
            return
        self.waiting.append((k, task))
        self._hand_out()

    def poll(self) -> None:
        """Collect the evenings routed so far and hand out waiting ones to the processes freed."""
        if self.pool is not None:
            self._hand_out()

    def _hand_out(self) -> None:
        for k in [k for k, future in self.running.items() if future.done()]:
            self.done[k] = self.running.pop(k).result()
        while self.waiting and len(self.running) < self.slots:
            sizes = [(sum(len(plan.placed) for _, _, plan in task[2]), -k) for k, task in self.waiting]
            k, task = self.waiting.pop(sizes.index(max(sizes)))
            self.running[k] = self.pool.submit(_route_evening, *task)

    def nights(self) -> tuple[NightPlan, ...]:
        """Every evening's night plans in date order, once all are routed."""
        from concurrent.futures import FIRST_COMPLETED, wait

        while self.running:
            wait(list(self.running.values()), return_when=FIRST_COMPLETED)
            self._hand_out()
        return tuple(n for k in sorted(self.done) for n in self.done[k])


def _pool(n_jobs: int) -> Any:
    """joblib's reusable process pool (loky): the same workers later serve ``simulate_season``'s joblib calls."""
    from joblib.executor import get_memmapping_executor

    return get_memmapping_executor(n_jobs)


def _route_evening(fleet: dict[str, int], file: str, group: list[tuple[Arrival, Scenario, Plan]],
                   opts: PlanOptions) -> list[NightPlan]:
    """Route the arrivals of one day in arrival order, each later one getting the coaches the earlier left
    (``fleet``: the day's bookable coaches); check every night with the independent checker."""
    from planning.check import check_plan

    left = dict(fleet)
    out = []
    for arrival, night, plan in group:
        if left != {t: ct.count for t, ct in night.fleet.items()}:
            night = night.with_overrides({f"fleet.{t}.count": n for t, n in left.items()})
        try:
            routed = route(night, plan, opts)
        except ScenarioError as exc:
            raise ScenarioError("season.arrival_error", file=file, field=exc.field or "season.fleet_per_day",
                                fix=exc.fix_msg, aid=arrival.id, date=arrival.date, inner=exc.msg) from None
        violations = check_plan(night, routed, strict=opts.strict)
        if violations:
            raise PlanCheckError(f"{arrival.id}: {len(violations)} violations: " + "; ".join(violations[:3]))
        if routed.routes is not None and len(routed.routes):
            used = routed.routes.groupby("coach_id")["coach_type"].first().value_counts()
            for t, n in used.items():
                left[t] = max(0, left.get(t, 0) - int(n))
        out.append(NightPlan(arrival, night, routed))
    return out
