"""A re-plan on the night that repairs (issue 24): spares, splits, moves within a district and reorders bring more
workers in before their dormitory closes and the latest arrival, counted here independently of the repair."""

from __future__ import annotations

import pandas as pd
import pytest

import scenarios
from planning import make_plan
from planning.check import check_plan
from planning.plan import Plan
from whatif.replan import Change, replan

SC = scenarios.load("dingxi_qingdao_2023")


@pytest.fixture(scope="module")
def plan() -> Plan:
    """The 2023 plan (a short iteration budget: fast and deterministic)."""
    return make_plan(SC, max_iterations=3000)


def _late(routes: pd.DataFrame) -> tuple[int, int]:
    """Workers in after their dormitory closes or the latest arrival, and after the latest arrival alone."""
    close = routes["enterprise_id"].map(SC.enterprises["checkin_close_min"]).astype(float)
    limit = close.clip(upper=SC.latest_arrival_min)
    return (int(routes.loc[routes["arrive_min"] > limit + 1e-6, "workers"].sum()),
            int(routes.loc[routes["arrive_min"] > SC.latest_arrival_min + 1e-6, "workers"].sum()))


def _shifted_only(plan: Plan, delay: float, broken: tuple[str, ...]) -> pd.DataFrame:
    """The plan's routes only shifted by the delay, broken coaches' trips left where they are (what happens
    without re-planning, as if a spare took each broken coach's place)."""
    r = plan.routes
    return r.assign(depart_min=r["depart_min"] + delay, arrive_min=r["arrive_min"] + delay)


@pytest.mark.parametrize(("delay", "broken"), [(90.0, ("C07",)), (60.0, ("C03", "C11"))])
def test_repair_brings_more_workers_in_time(plan: Plan, delay: float, broken: tuple[str, ...]) -> None:
    result = replan(SC, plan, Change(delay, broken))
    new = result.plan
    assert check_plan(SC, new, strict=False) == []  # seats, stops, ride limit, districts, every worker once
    riders = plan.manifest["worker_id"].astype(str)
    assert sorted(new.manifest["worker_id"].astype(str)) == sorted(riders)
    assert not set(broken) & set(new.routes["coach_id"])
    late, after = _late(new.routes)
    shifted_late, shifted_after = _late(_shifted_only(plan, delay, broken))
    assert (late, after) == (result.after.late, result.after.after_deadline)
    assert after <= shifted_after and late <= shifted_late
    assert late <= result.before.late
    if delay == 90:  # dozens late when only shifted: the repair must bring some of them in
        assert after < shifted_after and late < shifted_late
    # every trip not listed as changed carries the same riders in the same order, at the same stops
    old = plan.manifest.set_index("worker_id")
    kept = new.manifest[~new.manifest.apply(lambda r: (r["coach_id"], r["trip"]) in result.changed, axis=1)]
    for w, row in kept.set_index("worker_id").iterrows():
        assert (old.at[w, "coach_id"], old.at[w, "trip"], old.at[w, "boarding_order"]) == \
            (row["coach_id"], row["trip"], row["boarding_order"]), w
    reprint = set(new.changes.reprint)
    assert reprint >= {k for k in result.changed if k[0] in set(new.routes["coach_id"])}
    lines = "\n".join(result.comparison(SC))
    assert "23:00（原定 21:30，晚点 90 分钟）" in lines if delay == 90 else "22:30（原定 21:30" in lines
    if late:  # not everyone in: the planner is told what would do it
        assert "要做到需要" in lines and "宿舍开放至" in lines
    else:
        assert "要做到需要" not in lines


def test_the_revised_workbook_shows_the_new_arrival_and_lists_only_who_moved(plan: Plan, tmp_path) -> None:
    import openpyxl

    from planning.export import write_plan

    result = replan(SC, plan, Change(90, ("C07",)))
    write_plan(SC, result.plan, tmp_path)
    book = openpyxl.load_workbook(tmp_path / "placement.xlsx", read_only=True)
    summary = [r for r in book["汇总"].iter_rows(values_only=True)]
    assert any("23:00（原定 21:30，晚点 90 分钟）" in str(v) for r in summary for v in r)
    revision = [r for r in book["修订说明"].iter_rows(values_only=True)]
    listed = [r for r in revision if r[0] and str(r[0]).startswith("W")]
    assert len(listed) == len(result.plan.changes.moved) < 200  # not all 531 riders
    changes = [r for r in book["变更"].iter_rows(values_only=True)]
    assert {str(r[0]) for r in changes if r[0] and str(r[0]).startswith("W")} == \
        set(result.plan.changes.moved["worker_id"])


def test_every_coach_broken_is_refused(plan: Plan) -> None:
    from scenarios import ScenarioError

    with pytest.raises(ScenarioError, match="every coach of the plan is broken") as caught:
        replan(SC, plan, Change(30, tuple(sorted(set(plan.routes["coach_id"])))))
    assert "全部故障" in caught.value.render("zh") and "\n" not in caught.value.render("zh")
