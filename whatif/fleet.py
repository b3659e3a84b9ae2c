"""How many coaches to book: the cheapest fleet whose chance of a good night meets a target (simulation-optimisation).

``size_fleet`` starts from the fleet the deterministic plan uses when every bookable coach is offered, then walks
down: one coach fewer of a type, or a small coach in place of a big one, re-planning the routes for each candidate
fleet (``planning.make_plan``) and simulating its nights with common random numbers (batch k of every candidate
uses the same seeds). Each candidate is settled by the group-sequential one-sided rule of ``whatif.sequential``
(the error of a wrong "meets" spent across the looks by a Lan-DeMets O'Brien-Fleming-type function, an early
"fails" when clearly short, a fixed-sample test at the cap), so a clearly short fleet takes few nights, a close one
more, and every candidate ends as "meets" or "fails". Standby coaches (``standby``: 0..N, of the largest type,
booked but kept back and recorded in the plan; a booked standby waits in the coach park and is on a bay
``disruptions.coach_no_show.booked_standby_min`` after a missing coach is known, which is when it was due at the
station) and planning margins are tried together on each
fleet, cheapest first (``whatif.fleet_walk``). A good night is one in which every worker the plan carries reaches
an open dormitory before ``policy.latest_arrival`` (``night_ok``, ``sim.risk``'s one meaning of on time), on the
scenario's own night model (``scenarios.disruptions``), the one every command simulates.

A planning safety margin (``buffers``, minutes): the fewest-coach plan may schedule second trips (closed routes)
that arrive right at ``policy.latest_arrival``, often the dormitories' closing time, so any delay is a late
check-in, and more coaches booked only stand by. A fleet planned with margin ``b`` has the deadline moved ``b``
minutes earlier for planning only: every night is simulated against the scenario's own deadline and dormitory
hours. The recommendation is the cheapest candidate that meets the target over all fleets, standbys and margins
tried.

A booking is worth the best plan it allows. The planner uses the fewest coaches it can (``coaches_then_ride``), so
offered more it may leave some idle: such a booking (``IDLE``) is a dearer booking of the smaller fleet its plan
drives, judged by that fleet's routes, and is never simulated; that smaller fleet is tried instead, with this plan
when the planner offered exactly it finds none.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from planning import make_plan
from planning.plan import Plan
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario
from whatif.fleet_candidates import (
    BUFFERS,
    Candidate,
    booked,
    largest_type,
    margin_note,
    used_counts,
    with_margin,
)
from whatif.risk import failing_workers, night_ok
from whatif.sequential import FAILS, MEETS, SequentialRule

#: Routing iterations per candidate fleet: fewer than a final plan's 10,000, since many fleets are tried.
FLEET_ITERATIONS = 5_000
NO_PLAN = "no plan"
#: A booking whose plan leaves some booked coaches idle: the same routes on the coaches they drive cost less, so it is
#: never the answer and is not simulated (a booking is worth the plan it allows; the planner did not use the rest).
IDLE = "idle coaches"
#: The most looks of the sequential rule; a cap of more nights takes larger batches.
MAX_LOOKS = 100
@dataclass
class Evaluation:
    """One candidate fleet: its plan, cost and the nights simulated so far."""

    candidate: Candidate
    plan: Plan | None
    cost: float
    #: Why the candidate has no plan: the planner's error as one line per language ({"en": ..., "zh": ...}).
    why: dict[str, str] = field(default_factory=dict)
    good: int = 0
    nights: int = 0
    verdict: str = NO_PLAN
    #: The candidate (another margin) whose plan had the same routes: its nights are this one's, not simulated again.
    same_as: Candidate | None = None
    #: Per enterprise, the simulated nights in which a worker of it counted against the night (why nights fail).
    late_nights: dict[str, int] = field(default_factory=dict)
    #: The bounds the verdict used (``SequentialRule.interval`` at the last look; NaN before any night).
    low: float = float("nan")
    high: float = float("nan")
    #: With verdict ``IDLE``: the coaches per type the plan drives (fewer than booked).
    drives: tuple[tuple[str, int], ...] = ()

    def reason(self, lang: str) -> str:
        """Why there is no plan, in one short line in ``lang`` (the first example left out)."""
        line = self.why.get(lang, "")
        for cut in ("; for example", "；例如"):
            line = line.split(cut)[0]
        return line[:160]

    @property
    def p_on_time(self) -> float:
        return self.good / self.nights if self.nights else float("nan")

    def interval(self) -> tuple[float, float]:
        """The bounds the verdict used: the lower one-sided at the last look's level, the upper at the early fail's."""
        return self.low, self.high


@dataclass
class FleetSearch:
    """The state of one search; ``whatif.fleet_report.FleetResult`` presents it."""

    scenario: Scenario
    rule: SequentialRule
    seed: int
    iterations: int
    standby: Sequence[int]
    n_jobs: int = 2
    backend: str | Any = "local"
    options: dict[str, Any] = field(default_factory=dict)
    buffers: Sequence[int] = (0,)
    evaluations: dict[Candidate, Evaluation] = field(default_factory=dict)
    plans: dict[tuple[tuple[tuple[str, int], ...], int], tuple[Plan | None, dict[str, str]]] = field(
        default_factory=dict)
    #: Nights already simulated, by (the plan's routes and manifest, standby): a margin that leaves a fleet's plan
    #: unchanged is not simulated again (the same seeds would give the same nights).
    simulated: dict[tuple[str, int], Evaluation] = field(default_factory=dict)
    #: Plans of bookings with idle coaches, by (the coaches they drive, margin): a plan for that smaller booking
    #: when the planner, offered exactly it, finds none (the routing is a heuristic).
    driven: dict[tuple[tuple[tuple[str, int], ...], int], Plan] = field(default_factory=dict)

    def fleet_of(self, candidate: Candidate) -> Scenario:
        """The scenario with the candidate's counts as the bookable fleet (types left out: count 0); the night is
        simulated on it, with the scenario's own deadline whatever the candidate's planning margin."""
        return booked(self.scenario, candidate)

    def planning_scenario(self, candidate: Candidate) -> Scenario:
        """The scenario the candidate is planned on: its fleet, and the deadline moved earlier by its margin."""
        return with_margin(self.fleet_of(candidate), candidate.buffer)

    def cost(self, candidate: Candidate, plan: Plan | None) -> float:
        """Fixed cost of every booked coach (standbys included) plus cost per km of the plan's routes."""
        fleet = self.scenario.fleet
        total = sum(fleet[tid].fixed_cost * n for tid, n in candidate.counts)
        total += candidate.standby * fleet[largest_type(self.scenario)].fixed_cost
        if plan is not None and plan.routes is not None and len(plan.routes):
            per_km = plan.routes["coach_type"].map({tid: ct.cost_per_km for tid, ct in fleet.items()})
            total += float((plan.routes["km"] * per_km).sum())
        return round(total, 2)

    def plan(self, candidate: Candidate) -> Evaluation:
        """Plan the routes for the candidate's fleet and margin (once each; the standby does not change the plan)."""
        key = (candidate.counts, candidate.buffer)
        if key not in self.plans:
            try:
                # Stopped by iterations only, never by the clock: the same seed gives the same plans on a loaded
                # machine (a 30-s limit cut the routing short there, and a fleet it could chain became "no plan").
                made = make_plan(self.planning_scenario(candidate), seed=self.seed, max_iterations=self.iterations,
                                 time_limit=None)
                if candidate.buffer:
                    made = dataclasses.replace(made, warnings=(*made.warnings, margin_note(self.scenario,
                                                                                         candidate.buffer)),
                                               margin_min=float(candidate.buffer))
                self.plans[key] = (made, {})
            except ScenarioError as exc:
                if key in self.driven:  # a larger booking's plan drives exactly this fleet: it is a plan for it
                    self.plans[key] = (self.driven[key], {})
                else:
                    told = exc.retold(fix=None)  # the reason, not the planner's fix
                    self.plans[key] = (None, {lang: told.render(lang) for lang in ("en", "zh")})
        plan, why = self.plans[key]
        ev = Evaluation(candidate, plan, self.cost(candidate, plan), why, verdict=NO_PLAN if plan is None else "")
        if plan is not None and plan.routes is not None and len(plan.routes):
            drives = used_counts(self.scenario, plan)
            if drives != tuple((t, n) for t, n in candidate.counts if n > 0):
                ev.verdict, ev.drives = IDLE, drives
                self.driven.setdefault((drives, candidate.buffer), plan)
        return ev

    def evaluate(self, candidate: Candidate) -> Evaluation:
        """Plan, then simulate batches of nights until the sequential rule settles the candidate."""
        if candidate in self.evaluations:
            return self.evaluations[candidate]
        ev = self.plan(candidate)
        self.evaluations[candidate] = ev
        if ev.plan is None or ev.verdict == IDLE:  # no plan, or a dearer booking of a smaller fleet's routes
            return ev
        if candidate.standby:  # the plan books its standby coaches (plan.json keeps them; the simulation uses them)
            ev.plan = dataclasses.replace(ev.plan, standby=(largest_type(self.scenario),) * candidate.standby)
        key = (_plan_key(ev.plan), candidate.standby)
        if key in self.simulated:
            seen = self.simulated[key]
            ev.good, ev.nights, ev.verdict, ev.same_as = seen.good, seen.nights, seen.verdict, seen.candidate
            ev.low, ev.high = seen.low, seen.high
            ev.late_nights = dict(seen.late_nights)
            return ev
        variant = self.fleet_of(candidate)
        k = 0
        while ev.verdict == "":
            ok, late = self._batch(variant, ev.plan, k)
            for ent, n in late.items():
                ev.late_nights[ent] = ev.late_nights.get(ent, 0) + n
            ev.good += int(ok.sum())
            ev.nights += len(ok)
            ev.verdict = self.rule.verdict(ev.good, ev.nights) or ""
            k += 1
        ev.low, ev.high = self.rule.interval(ev.good, ev.nights)
        self.simulated[key] = ev
        return ev

    def _batch(self, sc: Scenario, plan: Plan, k: int) -> tuple[np.ndarray, dict[str, int]]:
        """Night outcomes of batch ``k`` (the same seed for every candidate: common random numbers), and per
        enterprise the nights in which one of its workers counted against the night."""
        from sim import simulate

        seed = batch_seed(self.seed, k)
        config = {**self.options, "n_jobs": self.n_jobs, "log": "lean"}
        if self.backend == "local" or self.backend == "serial":
            if self.backend == "serial":
                config["n_jobs"] = 1
            run = simulate(sc, plan, replications=self.rule.batch, seed=seed, options=config)
            return night_ok(run), late_nights(run)
        future = self.backend.submit(_remote_batch, sc, plan, self.rule.batch, seed, {**config, "n_jobs": 1},
                                     pure=False)
        return future.result()


def batch_seed(seed: int, k: int) -> int:
    """The simulation seed of batch ``k`` of every candidate of a search with ``seed``: ``simulate`` with it reads
    the same nights (the night model is the scenario's, the booked standbys the plan's)."""
    return int(np.random.SeedSequence([seed, 7919, k]).generate_state(1)[0])


def _plan_key(plan: Plan) -> str:
    """A fingerprint of what the simulation reads from a plan: its routes and manifest."""
    assert plan.routes is not None
    parts = [pd.util.hash_pandas_object(frame.reset_index(drop=True), index=False).to_numpy()
             for frame in (plan.routes, plan.manifest) if frame is not None]
    return hashlib.sha1(np.concatenate(parts).tobytes()).hexdigest()


def _remote_batch(sc: Scenario, plan: Plan, nights: int, seed: int,
                  config: dict[str, Any]) -> tuple[np.ndarray, dict[str, int]]:
    """One batch on a Dask worker (the scenario and plan travel pickled)."""
    from sim import simulate

    run = simulate(sc, plan, replications=nights, seed=seed, options=config)
    return night_ok(run), late_nights(run)


def late_nights(run: Any) -> dict[str, int]:
    """Per enterprise, the nights of ``run`` in which a worker of it counted against the night."""
    bad = failing_workers(run)
    return {str(e): int(n) for e, n in bad.groupby("enterprise_id", observed=True)["replication"].nunique().items()}


def size_fleet(scenario: Scenario | str, target: float = 0.95, *, confidence: float = 0.95,
               standby: int | Iterable[int] = 1, batch: int = 40, max_nights: int = 400, seed: int = 0,
               iterations: int = FLEET_ITERATIONS, n_jobs: int = 2, backend: str | Any = "local",
               overrides: dict[str, Any] | None = None, options: dict[str, Any] | None = None,
               buffers: int | Iterable[int] = BUFFERS):
    """The cheapest fleet whose share of good nights is at least ``target`` with ``confidence``.

    ``standby``: the most standby coaches to consider (0..N, default 1) or the levels to try; ``batch`` nights per
    look and at most ``max_nights`` per candidate; ``backend``: "local" (processes), "serial", or a
    ``distributed.Client``;
    ``overrides``: dotted paths of the scenario (``{"train.delay_min": 60}``); ``options``: of the simulation
    (``{"bay_call": "first_ready"}``; a path under ``disruptions.`` changes the scenario's night model, better given
    in ``overrides``); ``buffers``: the planning margins
    in minutes tried in turn when no fleet meets the target (default ``BUFFERS``; ``0`` or ``[0]``: none), each
    moving ``policy.latest_arrival`` earlier for planning only.
    Returns a ``whatif.fleet_report.FleetResult`` (``summary()``, ``table()``, ``fleet_chart()``, ``write()``).
    """
    from scenarios import load
    from whatif.fleet_report import FleetResult
    from whatif.fleet_walk import search

    sc = load(scenario) if isinstance(scenario, str) else scenario
    if overrides:
        sc = sc.with_overrides(overrides)
    levels = list(range(int(standby) + 1)) if isinstance(standby, int | np.integer) else sorted(set(standby))
    if not levels or min(levels) < 0 or max(levels) > 10:
        raise ScenarioError("fleet.standby", field="standby", value=repr(standby))
    if not 1 <= batch <= max_nights <= min(100_000, 1000 * batch):
        raise ScenarioError("fleet.batch", field="max_nights", batch=batch, max_nights=max_nights,
                            limit=f"{min(100_000, 1000 * batch):,}")
    margins = [int(buffers)] if isinstance(buffers, int | np.integer) else list(buffers)
    if not margins or any(int(b) != b or not 0 <= b <= 240 for b in margins) or len(set(margins)) != len(margins):
        raise ScenarioError("fleet.buffers", field="buffers", value=repr(buffers))
    looks = max(1, max_nights // batch)
    if looks > MAX_LOOKS:  # a long cap: larger batches, so the rule's bounds stay a quick recursion
        batch, looks = -(-max_nights // MAX_LOOKS), MAX_LOOKS
    rule = SequentialRule(target=target, alpha=1.0 - confidence, batch=batch, max_batches=looks)
    fs = FleetSearch(sc, rule, seed, iterations, levels, n_jobs=n_jobs, backend=backend, options=dict(options or {}),
                     buffers=sorted(int(b) for b in margins))
    best, evaluated = search(fs)
    return FleetResult(scenario=sc, rule=rule, seed=seed, evaluations=evaluated, recommended=best)


__all__ = ["BUFFERS", "FAILS", "IDLE", "MEETS", "NO_PLAN", "Candidate", "Evaluation", "size_fleet",
           "with_margin"]
