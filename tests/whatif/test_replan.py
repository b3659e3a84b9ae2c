"""Re-planning on the night keeps the plan valid and changes few manifests."""

from __future__ import annotations

import pytest

import scenarios
from planning import make_plan
from planning.check import check_plan
from planning.plan import Plan
from scenarios import ScenarioError
from whatif.replan import Change, replan


@pytest.fixture(scope="module")
def night() -> tuple[scenarios.Scenario, Plan]:
    """The 2023 scenario with an optimised plan (a short iteration budget: fast and deterministic)."""
    sc = scenarios.load("dingxi_qingdao_2023")
    return sc, make_plan(sc, max_iterations=3000)


def _consistent(sc: scenarios.Scenario, plan: Plan) -> None:
    assert check_plan(sc, plan, strict=False) == []  # late arrivals are allowed (and reported) on the night
    m = plan.manifest
    per_stop = m.groupby(["coach_id", "trip", "enterprise_id"]).size().sort_index()
    planned = plan.routes.set_index(["coach_id", "trip", "enterprise_id"])["workers"].sort_index()
    assert per_stop.equals(planned.astype(per_stop.dtype))


def _fleet_of(plan: Plan, extra: int) -> dict[str, int]:
    """Overrides giving each coach type the coaches the plan uses, plus ``extra``."""
    used = plan.routes.groupby("coach_type")["coach_id"].nunique()
    return {f"fleet.{t}.count": int(n) + extra for t, n in used.items()}


def test_late_train_without_spares_moves_every_time_and_changes_manifests_only_to_bring_workers_in(night) -> None:
    _, plan = night
    exact = scenarios.load("dingxi_qingdao_2023", overrides=_fleet_of(plan, extra=0))
    result = replan(exact, plan, Change(delay_min=90))
    assert result.before is not None and result.after is not None and result.before.manifests == 0
    if result.changed:  # stops moved within a district or reordered: only when fewer workers are late for it
        assert result.after.late < result.before.late
    assert result.after.coaches == result.before.coaches  # no spare: no coach added
    before = plan.routes.groupby(["coach_id", "trip"])["depart_min"].first()
    after = result.plan.routes.groupby(["coach_id", "trip"])["depart_min"].first()
    assert (abs(after - before.reindex(after.index) - 90) < 1e-9).all()
    _consistent(exact, result.plan)


def test_late_train_sends_late_second_trips_to_spare_coaches() -> None:
    closed = {"policy.routes": "closed"}
    small = scenarios.load(
        "dingxi_qingdao_2023", overrides={**closed, "fleet.coach_53.count": 10, "fleet.coach_35.count": 4}
    )
    plan = make_plan(small, max_iterations=3000, strict=False)  # 14 coaches: some make second trips
    assert (plan.routes["trip"] > 1).any()
    spare = scenarios.load(
        "dingxi_qingdao_2023", overrides={**closed, "fleet.coach_53.count": 14, "fleet.coach_35.count": 8}
    )

    def late(sc: scenarios.Scenario) -> int:
        routes = replan(sc, plan, Change(delay_min=90)).plan.routes
        return int(routes.loc[routes["arrive_min"] > sc.latest_arrival_min, "workers"].sum())

    result = replan(spare, plan, Change(delay_min=90))
    assert result.changed and any(coach.startswith("S") for coach, _ in result.changed)
    assert late(spare) < late(small)
    _consistent(spare, result.plan)


def test_broken_coach_goes_to_a_spare_when_the_fleet_has_one(night) -> None:
    _, plan = night
    spare = scenarios.load("dingxi_qingdao_2023", overrides=_fleet_of(plan, extra=2))
    result = replan(spare, plan, Change(broken_coaches=("C02",)))
    assert len(result.changed) == 1 and result.changed[0][0].startswith("S")
    assert "C02" not in set(result.plan.routes["coach_id"])
    _consistent(spare, result.plan)


def test_broken_coach_without_spare_shares_its_stops(night) -> None:
    _, plan = night
    exact = scenarios.load("dingxi_qingdao_2023", overrides=_fleet_of(plan, extra=0))
    result = replan(exact, plan, Change(broken_coaches=("C07",)))
    assert "C07" not in set(result.plan.routes["coach_id"])
    assert not any(c.startswith("S") for c, _ in result.changed)
    assert 1 <= len(result.changed) <= 4
    _consistent(exact, result.plan)


def test_missing_workers_leave_the_manifests(night) -> None:
    sc, plan = night
    missing = tuple(plan.manifest["worker_id"][:12])
    result = replan(sc, plan, Change(missing_workers=missing))
    assert not result.plan.manifest["worker_id"].isin(missing).any()
    assert result.plan.placement.loc[list(missing), "reason"].str.startswith("absent:").all()
    _consistent(sc, result.plan)


def test_everything_at_once(night) -> None:
    """A late train, two broken coaches and twelve missing workers in one re-plan: a consistent plan (its speed is
    no test's business: the machine is shared; the repair stops on its own work limits, not on the clock)."""
    sc, plan = night
    result = replan(sc, plan, Change(90, ("C07", "C03"), tuple(plan.manifest["worker_id"][20:32])))
    _consistent(sc, result.plan)


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (Change(broken_coaches=("C99",)), "C99"),
        (Change(missing_workers=("nobody",)), "nobody"),
        (Change(delay_min=-5), "delay"),
        (Change(delay_min=float("nan")), "delay"),
        (Change(delay_min=float("inf")), "delay"),
    ],
)
def test_bad_changes_are_named(night, change: Change, words: str) -> None:
    sc, plan = night
    with pytest.raises(ScenarioError, match=words):
        replan(sc, plan, change)


@pytest.mark.parametrize("broken", [("C07",), ("C08", "C10", "C13")])
def test_broken_coaches_keep_their_fleet_places_and_no_coach_is_in_two_places(night, broken) -> None:
    """A broken coach still counts against its type's fleet; later trips leave after the coach is back."""
    _, plan = night
    exact = scenarios.load("dingxi_qingdao_2023", overrides=_fleet_of(plan, extra=0))
    result = replan(exact, plan, Change(90, broken))
    routes = result.plan.routes
    out = plan.routes[plan.routes["coach_id"].isin(broken)].groupby("coach_type")["coach_id"].nunique()
    used = routes.groupby("coach_type")["coach_id"].nunique()
    for ctype, spec in exact.fleet.items():
        assert used.get(ctype, 0) + out.get(ctype, 0) <= spec.count, ctype
    _consistent(exact, result.plan)  # check_plan's schedule checks: trips of a coach in order, rides, stops


def test_the_revised_plan_says_why_and_who_is_affected_with_new_times(night) -> None:
    """90 min late and C07 broken: the revision names both, the changed manifests, every rider's new arrival (90 min
    later, or on a new coach) and each dormitory's new last arrival, and the missing as absent."""
    sc, plan = night
    missing = tuple(plan.manifest["worker_id"][:2])
    result = replan(sc, plan, Change(90, ("C07",), missing))
    rev = result.plan.revision
    assert rev is result.revision and rev.changed == result.changed
    assert rev.why("zh") == "列车晚点 90 分钟，C07 号车故障，2 人未到站"
    assert rev.why("en") == "train 90 min late, coach C07 broken, 2 workers missing"
    assert result.summary("en").startswith("revised: train 90 min late, coach C07 broken")
    assert result.summary().startswith("调整原因：列车晚点 90 分钟，C07 号车故障")
    assert "列车晚点 90 分钟：所有发车顺延 90 分钟。" in result.summary()
    assert "every departure moves 90 min later" in result.summary("en")
    workers = rev.workers.set_index("worker_id")
    assert set(workers.index) == set(plan.manifest["worker_id"])  # a 90-minute delay moves everyone
    assert (workers.loc[list(missing), "status"] == "absent").all()
    c07 = plan.manifest.loc[plan.manifest["coach_id"] == "C07", "worker_id"]
    assert (workers.loc[c07, "status"] == "moved").all() and (workers.loc[c07, "coach_before"] == "C07").all()
    later = workers[workers["status"] == "later"]
    kept = later[[(c, int(t)) not in result.changed for c, t in zip(later["coach_id"], later["trip"], strict=True)]]
    assert len(kept) and ((kept["arrive_min"] - kept["arrive_before_min"] - 90).abs() < 1e-6).all()
    new_stops = result.plan.routes.set_index(["coach_id", "trip", "enterprise_id"])["arrive_min"]
    for w, row in workers[workers["status"] != "absent"].iterrows():
        assert row["arrive_min"] == new_stops[(row["coach_id"], int(row["trip"]), row["enterprise_id"])], w
    dorms = rev.dormitories.set_index("enterprise_id")
    riding = workers[workers["status"] != "absent"]
    assert set(dorms.index) == set(riding["enterprise_id"])
    assert (dorms["arrive_min"] == riding.groupby("enterprise_id")["arrive_min"].max().reindex(dorms.index)).all()
    assert (dorms["after_close"] == (dorms["arrive_min"] > dorms["checkin_close_min"])).all()
    assert rev.changed_manifest(result.changed[0][0]) and not rev.changed_manifest("C07")


def test_the_revised_workbook_is_titled_revised_and_marks_changed_manifests(night, tmp_path) -> None:
    """The workbook of a revised plan: the summary title says revised and why, a revision sheet lists the affected,
    and exactly the changed coaches' manifests carry the mark."""
    import re
    import zipfile

    from planning.export import write_plan

    sc, plan = night
    result = replan(sc, plan, Change(90, ("C07",)))
    write_plan(sc, result.plan, tmp_path)
    with zipfile.ZipFile(tmp_path / "placement.xlsx") as book:
        strings = book.read("xl/sharedStrings.xml").decode()
        sheets = book.read("xl/workbook.xml").decode()
    assert "修订版：列车晚点 90 分钟，C07 号车故障" in strings and 'name="修订说明"' in sheets
    marked = set(re.findall(r"(\w+) · [^<·]* · 已修订", strings))
    assert marked == {c for c, _ in result.changed}
    write_plan(sc, plan, tmp_path / "before")
    with zipfile.ZipFile(tmp_path / "before" / "placement.xlsx") as book:
        assert "已修订" not in book.read("xl/sharedStrings.xml").decode()
