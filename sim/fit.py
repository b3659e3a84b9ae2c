"""Does the plan fit the scenario? One cheap check before a night is compiled, so a plan made for another fleet,
roster or city fails with one clear line instead of being simulated as if it fitted.

Checked: the plan is routed; every planned worker is on the roster and every roster worker has a placement row;
every enterprise named exists; every coach type is in the fleet and no type is used by more coaches than the fleet
has; no trip carries more workers than its coach's seats; every manifest row rides a routed trip.
"""

from __future__ import annotations

import pandas as pd

from planning.plan import Plan
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario

REPLAN = "re-plan for this scenario (sweep without --fixed-plan, or planning.make_plan)."


def _examples(items: list[str]) -> str:
    return ", ".join(items[:3]) + (f" and {len(items) - 3} more" if len(items) > 3 else "")


def check_fit(sc: Scenario, plan: Plan) -> None:
    """Raise a ScenarioError naming the first way ``plan`` does not fit ``sc``; return quietly when it fits."""
    if plan.routes is None or plan.manifest is None:
        raise ScenarioError("the plan has placement but no routes.", field="plan",
                            fix="route it first (planning.make_plan does both).")
    routes = plan.routes.astype({"coach_id": str, "coach_type": str, "enterprise_id": str, "trip": int})
    manifest = plan.manifest.astype({"worker_id": str, "coach_id": str, "enterprise_id": str, "trip": int})
    _check_roster(sc, plan, manifest)
    _check_enterprises(sc, plan, routes, manifest)
    _check_fleet(sc, routes, manifest)


def _check_roster(sc: Scenario, plan: Plan, manifest: pd.DataFrame) -> None:
    roster = set(sc.workers.index.astype(str))
    placed = [str(w) for w in plan.placement.index]
    for where, ids in (("plan.placement", placed), ("plan.manifest", list(manifest["worker_id"]))):
        stray = sorted(set(ids) - roster)
        if stray:
            raise ScenarioError(f"the plan names {len(stray)} workers not on the scenario's roster: "
                                f"{_examples(stray)}.", field=where, fix=REPLAN)
    doubled = plan.placement.index[plan.placement.index.duplicated()]
    if len(doubled):
        raise ScenarioError(f"worker {doubled[0]} has more than one placement row.", field="plan.placement",
                            fix="give every worker one placement row.")
    missing = sorted(roster - set(placed))
    if missing:
        raise ScenarioError(f"{len(missing)} roster workers have no placement row: {_examples(missing)}.",
                            field="plan.placement", fix=f"place (or list as unplaced) every roster worker; {REPLAN}")
    twice = manifest["worker_id"][manifest["worker_id"].duplicated()]
    if len(twice):
        raise ScenarioError(f"worker {twice.iloc[0]} is on more than one coach trip.", field="plan.manifest",
                            fix="give every worker one manifest row.")


def _check_enterprises(sc: Scenario, plan: Plan, routes: pd.DataFrame, manifest: pd.DataFrame) -> None:
    known = set(sc.enterprises.index.astype(str))
    for where, ids in (("plan.placement", plan.placement["enterprise_id"].astype(str)),
                       ("plan.routes", routes["enterprise_id"]), ("plan.manifest", manifest["enterprise_id"])):
        unknown = sorted(set(ids) - known - {""})
        if unknown:
            raise ScenarioError(f"the plan names {len(unknown)} enterprises not in the scenario: "
                                f"{_examples(unknown)}.", field=where, fix=REPLAN)


def _check_fleet(sc: Scenario, routes: pd.DataFrame, manifest: pd.DataFrame) -> None:
    unknown = sorted(set(routes["coach_type"]) - set(sc.fleet))
    if unknown:
        raise ScenarioError(f"the plan uses coach type '{unknown[0]}', which is not in the scenario's fleet "
                            f"({', '.join(sc.fleet)}).", field="plan.routes", fix=REPLAN)
    types = routes.groupby("coach_id", sort=True)["coach_type"].unique()
    mixed = [c for c, t in types.items() if len(t) > 1]
    if mixed:
        raise ScenarioError(f"coach {mixed[0]} appears with types {', '.join(types[mixed[0]])}.",
                            field="plan.routes", fix="give each coach id one coach type.")
    used = routes.drop_duplicates("coach_id")["coach_type"].value_counts()
    for ctype, coaches in sorted(used.items()):
        if coaches > sc.fleet[ctype].count:
            raise ScenarioError(f"the plan uses {coaches} coaches of type {ctype} but the scenario's fleet has "
                                f"{sc.fleet[ctype].count}.", field=f"fleet.{ctype}.count", fix=REPLAN)
    trips = set(zip(routes["coach_id"], routes["trip"], strict=True))
    loads = manifest.groupby(["coach_id", "trip"], sort=True).size()
    for (coach, trip), aboard in loads.items():
        if (coach, trip) not in trips:
            raise ScenarioError(f"the manifest puts {aboard} workers on coach {coach} trip {trip}, which has no "
                                "route.", field="plan.manifest", fix=REPLAN)
        ctype = types[coach][0]
        if aboard > sc.fleet[ctype].seats:
            raise ScenarioError(f"coach {coach} trip {trip} carries {aboard} workers but a {ctype} has "
                                f"{sc.fleet[ctype].seats} seats.", field=f"fleet.{ctype}.seats", fix=REPLAN)
