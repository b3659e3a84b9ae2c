"""make_plan: placement, then coach routing, then the independent checker."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from planning.options import ROUTING_ITERATIONS, PlanOptions  # noqa: F401 (ROUTING_ITERATIONS: for callers)
from planning.own import coach_riders
from planning.placement import place
from planning.plan import Plan
from planning.routing.scenario import manifest_for, route_placement
from present.catalog import Msg
from scenarios import Scenario, ScenarioError

if TYPE_CHECKING:
    from planning.memo import PlanMemo


class PlanCheckError(RuntimeError):
    """The checker found a violation in a plan the solvers produced: a bug, never a planner's mistake."""


#: The old keyword for ``iterations`` (None meant "search until the time limit"), still accepted.
_ALIASES = {"max_iterations": "iterations"}


def plan_options(options: PlanOptions | None = None, **changes: Any) -> PlanOptions:
    """``options`` (default ``PlanOptions()``) with keyword changes, checked; an unknown keyword is named."""
    base = options or PlanOptions()
    names = {f.name for f in dataclasses.fields(PlanOptions)}
    fixed = {}
    for key, value in changes.items():
        key = _ALIASES.get(key, key)
        if key not in names:
            raise TypeError(f"make_plan() got an unexpected keyword argument '{key}' (options: {', '.join(names)})")
        fixed[key] = value
    return dataclasses.replace(base, **fixed)


def make_plan(sc: Scenario, options: PlanOptions | None = None, *, memo: PlanMemo | None = None,
              **changes: Any) -> Plan:
    """Place every worker, route the coaches, and check the result without trusting the solvers.

    ``options`` (a PlanOptions) says how to search; keywords change single fields, e.g.
    ``make_plan(sc, seed=1, iterations=3000)``. See ``PlanOptions`` for the stop criterion. ``memo``
    (``planning.memo.PlanMemo``) lends the placement and district routes of earlier plans where they hold.
    """
    opts = plan_options(options, **changes)
    if memo is not None:
        memo.check(opts)
    if opts.objective is not None and opts.objective != sc.policy.objective:
        sc = sc.with_overrides({"policy.objective": opts.objective})
    if not opts.margin_min:
        return _make(sc, opts, memo)
    from planning.store import as_planned

    try:
        planned = _make(as_planned(sc, opts.margin_min), opts, memo)
    except ScenarioError as exc:  # the margin, not the scenario's latest arrival, is what to change
        if exc.field != "policy.latest_arrival":
            raise
        raise exc.retold(field="margin_min", fix=Msg("opts.margin.smaller", m=opts.margin_min)) from None
    return dataclasses.replace(planned, margin_min=float(opts.margin_min))


def route(sc: Scenario, plan: Plan, opts: PlanOptions, strict: bool | None = None, *,
          reuse: PlanMemo | None = None) -> Plan:
    """``plan``'s placement with coach routes and manifests (not checked); late arrivals noted in its warnings.

    ``strict`` (default: the options') makes a stop no coach can reach in time an error instead of a late one.
    ``reuse``: district routes held from earlier plans (``planning.routing.districts.Reuse``).
    """
    riding = coach_riders(sc, plan.placed)
    routed = route_placement(
        sc,
        riding.groupby("enterprise_id").size(),
        time_limit=opts.seconds,
        seed=opts.seed,
        max_iterations=opts.iterations,
        strict=opts.strict if strict is None else strict,
        mix=opts.search,
        n_jobs=opts.n_jobs,
        reuse=reuse,
    )
    late = routed.routes[routed.routes["arrive_min"] > sc.latest_arrival_min + 1e-9]
    notes = (
        (Msg("warn.late_arrivals", n=int(late["workers"].sum()), deadline=sc.policy.latest_arrival,
             last=sc.clock(late["arrive_min"].max())),)
        if len(late)
        else ()
    )
    routed.routes.attrs["coach_types"] = coach_type_names(sc)  # for the plan's display in Jupyter
    return plan.with_routes(routed.routes, manifest_for(routed.routes, riding), routed.info, notes + routed.warnings)


def coach_type_names(sc: Scenario) -> dict[str, dict[str, str]]:
    """Each coach type of the scenario as people name it, per language ("53座大巴", "53-seat coach")."""
    from present.labels import coach_type_name
    from present.lang import LANGS

    return {tid: {lang: coach_type_name(ct, lang) for lang in LANGS} for tid, ct in sc.fleet.items()}


def _make(sc: Scenario, opts: PlanOptions, memo: PlanMemo | None = None) -> Plan:
    from planning.check import check_plan, check_returning

    plan = None if memo is None else memo.placement(sc)
    if plan is None:
        plan = place(sc, solver=opts.solver, time_limit=opts.seconds)
        if memo is not None:
            memo.keep_placement(sc, plan)
    info = plan.placement_info
    if info is not None and info.status not in ("optimal", "feasible"):
        raise ScenarioError("plan.no_placement", field="time_limit", solver=info.solver, status=info.status,
                            seconds=f"{info.seconds:.1f}")
    plan = route(sc, plan, opts, reuse=memo)
    violations = check_plan(sc, plan, strict=opts.strict)
    if info is not None and info.status != "optimal":
        # A placement stopped at its time limit may leave returning workers away from an employer with room:
        # a shortfall of the search to report, not a broken plan.
        soft = check_returning(sc, plan)
        violations = [v for v in violations if v not in soft]
        plan = dataclasses.replace(plan, warnings=plan.warnings + tuple(soft))
    if violations:
        raise PlanCheckError(f"{len(violations)} violations in the plan: " + "; ".join(violations[:5]))
    return plan
