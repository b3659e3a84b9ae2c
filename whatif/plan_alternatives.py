"""The risk check's alternatives: tried in order of cost on common random numbers, each settled by a sequential rule.

**Nights.** Replication r of a seed is the same night for every way of planning (``sim.streams`` keys every draw by
seed, replication, stream and entity), so alternatives are compared on the same nights, and an alternative's figure
after n nights is exactly what ``simulate --plan`` of it gives with the same seed and ``--replications n``. Nights
are added in batches (``rule_for``: 20 a batch, up to the check's nights).

**Settled early.** Each alternative stops as soon as ``whatif.sequential.SequentialRule`` (with ``at_cap=
"estimate"``) settles it: "meets" early only past the O'Brien-Fleming bound, "fails" early when the one-sided 99%
upper bound is below the target, and at the check's own nights by the share against the target, as the check
judges the plan itself.

**Cheapest first.** The alternatives are tried in order of cost (coaches when prices are missing); once one meets,
those that cost more are not tried (they could not be the recommendation) and are listed as such. One more coach
of each type, booked to wait by the station, is tried on the safest plan tried so far, only when it would cost less
than the one that meets.

**Exact shortcuts, no approximation.** The desk order changes the night, not the routes: the plan is simulated on
the night with ``station.desk_order: coach`` (``simulate --plan ... --set station.desk_order=coach``). A booked
standby coach changes a night only when a coach does not come (``sim.disruptions``): on every other night the plan
with the standby has its base plan's outcome, so only the base's no-show nights are simulated again.

**Planned again.** The other route mode and a planning margin plan the routes again (about as long as the plan
itself each). The margin is the first step that binds (``margin_for``: a plan whose last coach leaves at 22:36
with a 180-minute ride limit keeps 24 minutes before 02:00, so 30 is tried); while a margin falls short, one step
more is tried (up to ``MARGIN_STEPS`` margins, until one has no plan).
``mode``: "all" tries both, "quick" lists them as not tried, "auto" (the default) tries the margin, and the other
route mode when at most ``REPLAN_RIDERS`` workers go by coach (a plan of seconds), listing it otherwise.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from planning.options import PlanOptions
from planning.plan import Plan
from scenarios.scenario import Scenario
from sim.risk import Share, night_ok_of_kpis
from whatif.sequential import MEETS, SequentialRule

#: Nights a batch of the sequential rule (the check's nights are cut in whole batches of about this many).
BATCH = 20
#: The most looks of the rule.
MAX_LOOKS = 100
#: An alternative fails early when the one-sided upper bound at 1 - FUTILITY of its share is below the target.
FUTILITY = 0.01
#: ``auto`` plans the routes again for the alternatives when at most this many workers go by coach.
REPLAN_RIDERS = 100
#: How many alternatives are tried: see the module's docstring.
MODES = ("auto", "quick", "all")
#: The planning margin tried as an alternative: at least MARGIN_MIN minutes before the latest arrival, and in steps
#: of MARGIN_STEP more than the plan already keeps (a margin the plan already has would change nothing).
MARGIN_MIN, MARGIN_STEP = 30, 15
#: Margins tried in all: while one falls short (and has a plan), the next step is tried, up to this many.
MARGIN_STEPS = 3
#: Why an alternative was not tried.
COSTLIER, REPLAN = "costlier", "replan"


def rule_for(nights: int, target: float) -> SequentialRule:
    """The sequential rule over ``nights`` (the check's): looks of about ``BATCH`` nights that cut them exactly."""
    looks = max(1, min(MAX_LOOKS, nights // BATCH))
    while nights % looks:
        looks -= 1
    return SequentialRule(target=min(target, 1.0 - 1e-9), alpha=0.05, batch=nights // looks, max_batches=looks,
                          futility=FUTILITY, at_cap="estimate")


@dataclass(eq=False)
class Book:
    """The nights of one way of planning (``plan`` on the night of ``night``), by replication: on time, and whether
    a coach did not come. ``base``: the same plan without its last booked standby (its nights are reused)."""

    night: Scenario
    plan: Plan
    seed: int
    n_jobs: int
    base: Book | None = None
    ok: dict[int, bool] = field(default_factory=dict)
    no_show: dict[int, bool] = field(default_factory=dict)
    #: Nights simulated for this book (the work it took).
    simulated: int = 0
    compiled: object = field(default=None, repr=False)

    def add(self, run) -> None:
        """Read a simulation of this plan on this night (``sim.SimResult``) into the book."""
        kpis = run.kpis.sort_values("replication")
        shows = set(run.events.loc[run.events["event"] == "no_show", "replication"].tolist())
        for r, good in zip(kpis["replication"].tolist(), night_ok_of_kpis(kpis).tolist(), strict=True):
            self.ok[int(r)], self.no_show[int(r)] = bool(good), int(r) in shows

    def nights(self, reps: Sequence[int]) -> np.ndarray:
        """On time per replication of ``reps``, simulating only what is not known (see the module's docstring)."""
        missing = [r for r in reps if r not in self.ok]
        if missing:
            need = missing
            if self.base is not None:
                self.base.nights(missing)
                need = [r for r in missing if self.base.no_show[r]]
                for r in missing:
                    if not self.base.no_show[r]:
                        self.ok[r], self.no_show[r] = self.base.ok[r], False
            if need:
                from sim.night import compile_night
                from sim.run import simulate_compiled

                if self.compiled is None:
                    self.compiled = compile_night(self.night, self.plan)
                self.add(simulate_compiled(self.night, self.compiled, self.seed, need,
                                           {"log": "lean", "n_jobs": self.n_jobs}))
                self.simulated += len(need)
        return np.array([self.ok[r] for r in reps], dtype=bool)


def settle(book: Book, rule: SequentialRule) -> tuple[Share, str]:
    """Add batches of nights until the rule settles: the share of good nights so far and the verdict. A standby's
    book first reads all the nights its base knows (one simulation of their no-show nights, not one a batch)."""
    if book.base is not None:
        book.nights(sorted(book.base.ok))
    good = nights = 0
    while True:
        good += int(book.nights(range(nights, nights + rule.batch)).sum())
        nights += rule.batch
        verdict = rule.verdict(good, nights)
        if verdict is not None:
            return Share(good, nights), verdict


@dataclass(frozen=True)
class Candidate:
    """An alternative to try: its key, cost (NaN: no prices), coaches, and its nights."""

    key: str
    cost: float
    coaches: int
    book: Book

    @property
    def order(self) -> tuple[float, int, str]:
        """Cheapest first: cost (coaches when prices are missing), then the key."""
        return (self.cost if math.isfinite(self.cost) else math.inf, self.coaches, self.key)


def margin_for(sc: Scenario, plan: Plan, margin_min: float = 0) -> int:
    """The planning margin to try as an alternative to ``plan``: the smallest step of ``MARGIN_STEP`` minutes, at
    least ``MARGIN_MIN``, that binds, i.e. more than the plan already keeps (the latest arrival less the latest a
    coach may arrive: its departure plus ``policy.max_ride_min``, for the coach that leaves last) and more than the
    margin it was planned with."""
    departs = plan.routes["depart_min"] if plan.routes is not None and len(plan.routes) else None
    free = sc.latest_arrival_min - (float(departs.max()) + sc.policy.max_ride_min) if departs is not None else 0.0
    kept = max(free, float(margin_min), float(plan.margin_min), 0.0)
    return max(MARGIN_MIN, MARGIN_STEP * (math.floor(kept / MARGIN_STEP) + 1))


def replanned(sc: Scenario, plan: Plan, margin_min: float = 0) -> list[tuple[str, Scenario, int]]:
    """(key, scenario to plan on, planning margin) of the alternatives that plan the routes again: the other route
    mode (with the plan's margin), and a margin more than the plan keeps (``margin_for``; key ``margin_<min>``)."""
    other = "open" if sc.policy.routes == "closed" else "closed"
    margin = margin_for(sc, plan, margin_min)
    return [(f"routes_{other}", sc.with_overrides({"policy.routes": other}), int(margin_min)),
            (f"margin_{margin}", sc, margin)]


def tries_replan(plan: Plan, mode: str, key: str) -> bool:
    """Whether the re-planned alternative ``key`` is tried (``mode``: see the module's docstring): under ``auto``
    the planning margin always (the one re-plan that can make a plan that ends too close to the deadline safer),
    the other route mode when at most ``REPLAN_RIDERS`` workers go by coach."""
    if mode == "auto":
        riders = int(plan.routes["workers"].sum()) if plan.routes is not None and len(plan.routes) else 0
        return key.startswith("margin") or riders <= REPLAN_RIDERS
    return mode == "all"


def try_in_order(candidates: Sequence[Candidate], rule: SequentialRule, made: Callable[..., object],
                 best: Candidate | None = None) -> tuple[list[object], Candidate | None]:
    """Settle the candidates cheapest first; once one meets, the costlier ones are listed as not tried. ``best``:
    the one that meets found before (only cheaper candidates are tried). ``made(candidate, share, skipped)`` makes
    the row. Returns the rows and the cheapest candidate that meets."""
    rows = []
    for cand in sorted(candidates, key=lambda c: c.order):
        if best is not None and cand.order >= best.order:
            rows.append(made(cand, None, COSTLIER))
            continue
        share, verdict = settle(cand.book, rule)
        rows.append(made(cand, share, ""))
        if verdict == MEETS:
            best = cand
    return rows, best


def standby_plans(sc: Scenario, plan: Plan) -> list[tuple[str, Plan, float]]:
    """(type, plan, fixed cost) of one more coach of each type of the fleet, booked as a standby by the station (it
    takes the trips of a coach that does not come, ``disruptions.coach_no_show.booked_standby_min`` later)."""
    return [(t, dataclasses.replace(plan, standby=(*plan.standby, t)), coach.fixed_cost)
            for t, coach in sc.fleet.items() if coach.count > 0]


def plan_options(options: PlanOptions) -> dict[str, object]:
    """The fields of ``options`` to plan an alternative with (not strict: a late stop is a reason, not an error)."""
    return {f.name: getattr(options, f.name) for f in dataclasses.fields(PlanOptions) if f.name != "strict"}
