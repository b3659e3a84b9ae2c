"""Re-planning on the night, as the what-if layer and the command line offer it.

The repair itself lives in ``planning.repair``: a broken coach's trip goes whole to a spare coach when there is one,
else its stops join other trips of its district, else the coach back first makes a further trip. Here the change
is checked (each bad value named), the revised plan checked again, and the result described for the station team.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass, field

from planning.check import check_plan
from planning.make import PlanCheckError
from planning.plan import Plan
from planning.repair import Change, mark_absent, repair
from planning.revision import Note, Revision, revision_of
from scenarios import Scenario, ScenarioError


@dataclass(frozen=True, eq=False)
class Replan:
    """The revised plan, the coach trips whose manifests changed, and notes for the station team."""

    plan: Plan
    changed: tuple[tuple[str, int], ...]
    notes: tuple[Note, ...] = field(default=())

    @property
    def revision(self) -> Revision:
        """Why the plan was revised, the changed manifests, the workers and dormitories affected (new times)."""
        assert self.plan.revision is not None
        return self.plan.revision

    def summary(self, lang: str = "zh") -> str:
        """A few lines for the station team: why, the changed manifests, who is affected, the notes."""
        rev = self.revision
        late = int(rev.dormitories["after_close"].sum())
        if lang == "zh":
            changed = "、".join(f"{c} 第 {t} 趟" for c, t in self.changed) or "无"
            head = [f"调整原因：{rev.why('zh')}", f"乘车名单有变的车次：{len(self.changed)} 个（{changed}）",
                    f"涉及 {len(rev.workers)} 人、{len(rev.dormitories)} 处宿舍"
                    + (f"，其中 {late} 处到达时已过入住截止" if late else "")]
        else:
            changed = ", ".join(f"{c} trip {t}" for c, t in self.changed) or "none"
            head = [f"revised: {rev.why('en')}", f"changed manifests: {len(self.changed)} ({changed})",
                    f"affected: {len(rev.workers)} workers at {len(rev.dormitories)} dormitories"
                    + (f", {late} of them reached after check-in closes" if late else "")]
        return "\n".join([*head, *(n.text(lang) for n in self.notes)])


def _check_change(plan: Plan, change: Change) -> None:
    assert plan.routes is not None and plan.manifest is not None
    coaches = set(plan.routes["coach_id"])
    for coach in change.broken_coaches:
        if coach not in coaches:
            raise ScenarioError(
                f"coach '{coach}' is not in the plan.",
                field="broken_coaches",
                fix=f"name a coach of the plan: {', '.join(sorted(coaches)[:8])}, ...",
            )
    workers = set(plan.placement.index)
    for worker in change.missing_workers:
        if worker not in workers:
            raise ScenarioError(
                f"worker '{worker}' is not on the roster.",
                field="missing_workers",
                fix="give worker ids as in the roster's id column.",
            )
    if not math.isfinite(change.delay_min) or change.delay_min < 0:
        raise ScenarioError(f"a delay of {change.delay_min} minutes.", field="delay_min", fix="give minutes >= 0.")


def replan(sc: Scenario, plan: Plan, change: Change) -> Replan:
    """A revised plan for ``change`` that keeps as many coach manifests as possible."""
    if plan.routes is None or plan.manifest is None:
        raise ScenarioError(
            "the plan has no routes to revise.", fix="make a plan with routes first (labor-transfer plan)."
        )
    _check_change(plan, change)
    trips = repair(sc, plan, change)
    routes, notes = trips.routes, list(trips.notes)
    late = routes[routes["arrive_min"] > sc.latest_arrival_min]
    if len(late):
        n, last = int(late["workers"].sum()), sc.clock(late["arrive_min"].max())
        notes.append(Note(f"{n} 人晚于 {sc.policy.latest_arrival} 到达（最晚 {last}）：请通知其宿舍。",
                          f"{n} workers arrive after {sc.policy.latest_arrival} (last at {last}): call their "
                          "dormitories."))
    placement = mark_absent(plan.placement, set(change.missing_workers))
    new = dataclasses.replace(plan, placement=placement, routes=routes, manifest=trips.manifest)
    violations = check_plan(sc, new, strict=False)  # late arrivals are reported above, not errors
    if violations:
        raise PlanCheckError(f"{len(violations)} violations in the revised plan: " + "; ".join(violations[:5]))
    changed = tuple(sorted(trips.changed))
    revision = revision_of(sc, plan, new, change.delay_min, change.broken_coaches, change.missing_workers, changed,
                           tuple(notes))
    return Replan(plan=dataclasses.replace(new, revision=revision), changed=changed, notes=tuple(notes))


__all__ = ["Change", "Replan", "replan"]
