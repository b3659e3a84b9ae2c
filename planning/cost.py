"""What a plan's coaches cost: the one figure the terminal, the cover, the workbook and every command print."""

from __future__ import annotations

import math

from planning.plan import Plan
from scenarios import Scenario


def prices_missing(sc: Scenario, plan: Plan) -> bool:
    """True when no coach type the plan uses has a price (fixed cost and per-km cost all 0): a cost of 0 would lie."""
    used = set(plan.coaches["coach_type"]) if not plan.coaches.empty else set()
    return bool(used) and all(sc.fleet[t].fixed_cost == 0 and sc.fleet[t].cost_per_km == 0 for t in used
                              if t in sc.fleet)


def trip_cost(sc: Scenario, plan: Plan) -> float:
    """The coaches' cost: each coach's fixed cost once (and each standby coach the plan books), plus its price per
    km over every trip (NaN when the fleet has no prices: ``prices_missing``)."""
    c = plan.coaches
    if c.empty:
        return 0.0
    if prices_missing(sc, plan):
        return math.nan
    fixed = c.drop_duplicates("coach_id")["coach_type"].map(lambda t: sc.fleet[t].fixed_cost if t in sc.fleet else 0)
    per_km = c["coach_type"].map(lambda t: sc.fleet[t].cost_per_km if t in sc.fleet else 0) * c["km"]
    standby = sum(sc.fleet[t].fixed_cost for t in plan.standby if t in sc.fleet)
    return float(fixed.sum() + per_km.sum() + standby)
