"""make_plan: placement, then coach routing, then the independent checker."""

from __future__ import annotations

from planning.baseline import baseline_routes
from planning.placement import place
from planning.plan import Plan
from scenarios import Scenario


class PlanCheckError(RuntimeError):
    """The checker found a violation in a plan the solvers produced: a bug, never a planner's mistake."""


def make_plan(
    sc: Scenario, *, time_limit: float = 30.0, seed: int = 0, solver: str = "highs", max_iterations: int | None = None
) -> Plan:
    """Place every worker, route the coaches, and check the result without trusting the solvers.

    ``time_limit`` bounds each of placement and routing (seconds); ``max_iterations`` caps the routing search so
    that the same seed gives the same plan on any machine (use it for sweeps).
    """
    from planning.check import check_plan

    plan = place(sc, solver=solver, time_limit=time_limit)
    routes, manifest = baseline_routes(sc, plan.placement)
    plan = plan.with_routes(routes, manifest, None)
    violations = check_plan(sc, plan)
    if violations:
        raise PlanCheckError(f"{len(violations)} violations in the plan: " + "; ".join(violations[:5]))
    return plan
