"""make_plan: placement, then coach routing, then the independent checker."""

from __future__ import annotations

import dataclasses

from planning.placement import place
from planning.plan import Plan
from planning.routing.scenario import manifest_for, route_placement
from scenarios import Scenario, ScenarioError

#: Routing search iterations by default: a count, not a clock, so the same seed gives the same plan on any machine.
#: On the bundled scenarios 20,000 take 8 to 13 s and find plans as good as 30 s of time-bound search.
ROUTING_ITERATIONS = 20_000


class PlanCheckError(RuntimeError):
    """The checker found a violation in a plan the solvers produced: a bug, never a planner's mistake."""


def make_plan(
    sc: Scenario,
    *,
    time_limit: float = 30.0,
    seed: int = 0,
    solver: str = "highs",
    max_iterations: int | None = ROUTING_ITERATIONS,
    strict: bool = True,
) -> Plan:
    """Place every worker, route the coaches, and check the result without trusting the solvers.

    ``time_limit`` bounds each of placement and routing (seconds). ``max_iterations`` sets the routing search's
    length, so that the same seed gives the same plan on any machine (the time limit is then only a safety cap);
    ``None`` searches until the time limit instead, which may find other plans on other runs. With ``strict``, a
    stop no coach can reach before the latest arrival is an error; otherwise it is served late and listed in
    ``plan.warnings``.
    """
    from planning.check import check_plan, check_returning

    plan = place(sc, solver=solver, time_limit=time_limit)
    info = plan.placement_info
    if info is not None and info.status not in ("optimal", "feasible"):
        raise ScenarioError(
            f"the placement solver ({info.solver}) found no placement: status {info.status} after "
            f"{info.seconds:.1f} s.",
            field="--time-limit",
            fix="give the solver more time (time_limit / --time-limit).",
        )
    own = set(sc.enterprises.index[sc.enterprises["pickup"] == "own"])
    riding = plan.placed[~plan.placed["enterprise_id"].isin(own)]
    routed = route_placement(
        sc,
        riding.groupby("enterprise_id").size(),
        time_limit=time_limit,
        seed=seed,
        max_iterations=max_iterations,
        strict=strict,
    )
    late = routed.routes[routed.routes["arrive_min"] > sc.latest_arrival_min + 1e-9]
    summary = (
        (
            f"{int(late['workers'].sum())} workers arrive after {sc.policy.latest_arrival} "
            f"(the last at {sc.clock(late['arrive_min'].max())})",
        )
        if len(late)
        else ()
    )
    plan = plan.with_routes(routed.routes, manifest_for(routed.routes, riding), routed.info, summary + routed.warnings)
    violations = check_plan(sc, plan, strict=strict)
    if info is not None and info.status != "optimal":
        # A placement stopped at its time limit may leave returning workers away from an employer with room:
        # a shortfall of the search to report, not a broken plan.
        soft = check_returning(sc, plan)
        violations = [v for v in violations if v not in soft]
        plan = dataclasses.replace(plan, warnings=plan.warnings + tuple(soft))
    if violations:
        raise PlanCheckError(f"{len(violations)} violations in the plan: " + "; ".join(violations[:5]))
    return plan
