"""The risk check's alternatives: cheapest first, settled early by the sequential rule, with exact shortcuts."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

import scenarios
from planning import make_plan
from sim import simulate
from sim.risk import night_ok
from whatif.plan_alternatives import (
    COSTLIER,
    Book,
    Candidate,
    rule_for,
    settle,
    standby_plans,
    try_in_order,
)
from whatif.sequential import FAILS, MEETS, SequentialRule


class FixedBook(Book):
    """A book whose nights are given (no simulation): night r is on time when ``good[r]``."""

    def __init__(self, good: np.ndarray) -> None:
        super().__init__(night=None, plan=None, seed=0, n_jobs=1)  # type: ignore[arg-type]
        self.good = good
        self.asked = 0

    def nights(self, reps):
        self.asked = max(self.asked, max(reps) + 1)
        return self.good[list(reps)]


def _row(cand: Candidate, share, skipped: str) -> tuple[str, object, str]:
    return cand.key, share, skipped


def test_the_rule_cuts_the_check_nights_in_whole_batches_and_judges_the_share_at_the_cap() -> None:
    rule = rule_for(60, 0.95)
    assert (rule.batch, rule.max_batches) == (20, 3)
    assert rule.looks[-1].meets_at == 57  # 95% of 60 nights, as the check judges the plan itself
    assert (rule_for(100, 0.95).batch, rule_for(101, 0.95).max_batches, rule_for(7, 0.95).batch) == (20, 1, 7)
    # the early looks are the fleet rule's own (only the cap differs)
    test = SequentialRule(target=0.95, batch=20, max_batches=3, futility=rule.futility)
    assert rule.looks[:-1] == test.looks[:-1]
    # a target of 1 (every night) is a rule too: one bad night fails it
    assert rule_for(60, 1.0).verdict(59, 60) == FAILS


def test_the_early_stop_never_recommends_what_fails_on_the_check_nights() -> None:
    """Whatever the nights, an alternative settled "meets" early has at least the target's share of good nights
    where it stopped, and one settled "fails" early is below it: the early stop never turns a verdict around on
    the nights the rule looked at; and at the cap the verdict is the share against the target."""
    rule = rule_for(60, 0.95)
    rng = np.random.default_rng(7)
    for p in (0.80, 0.90, 0.94, 0.96, 0.99, 1.0):
        for _ in range(200):
            book = FixedBook(rng.random(60) < p)
            share, verdict = settle(book, rule)
            assert share.nights == book.asked
            assert (verdict == MEETS) == (share.p >= 0.95)
            if share.nights == 60:
                assert (verdict == MEETS) == (book.good.sum() >= 57)


def test_cheapest_first_and_the_costlier_ones_are_not_tried_once_one_meets() -> None:
    good, bad = np.ones(60, dtype=bool), np.zeros(60, dtype=bool)
    books = {"a": FixedBook(bad), "b": FixedBook(good), "c": FixedBook(good), "d": FixedBook(bad)}
    candidates = [Candidate("c", 300.0, 5, books["c"]), Candidate("a", 100.0, 5, books["a"]),
                  Candidate("d", 300.0, 4, books["d"]), Candidate("b", 200.0, 5, books["b"])]
    rows, best = try_in_order(candidates, rule_for(60, 0.95), _row)
    assert [r[0] for r in rows] == ["a", "b", "d", "c"]  # cost, then coaches, then key
    assert best is not None and best.key == "b"
    assert [r[2] for r in rows] == ["", "", COSTLIER, COSTLIER]
    assert books["a"].asked == 20 and books["c"].asked == 0 and books["d"].asked == 0  # "a" failed in one batch
    # a cheaper candidate found later (a standby on the safest plan) is still tried against the one that meets
    more, better = try_in_order([Candidate("e", 150.0, 6, FixedBook(good)), Candidate("f", 250.0, 6,
                                                                                      FixedBook(good))],
                                rule_for(60, 0.95), _row, best)
    assert [(r[0], r[2]) for r in more] == [("e", ""), ("f", COSTLIER)] and better.key == "e"
    # without prices, fewer coaches first
    assert Candidate("x", math.nan, 3, books["a"]).order < Candidate("y", math.nan, 4, books["a"]).order


@pytest.fixture(scope="module")
def tiny():
    """The tiny scenario with its one minibus failing to come on half the nights (a depot standby four hours
    later: those nights fail), and a small plan of it."""
    sc = scenarios.load("tiny").with_overrides({"disruptions.coach_no_show.p": 0.5,
                                                "disruptions.coach_no_show.standby_delay_min": 240})
    return sc, make_plan(sc, iterations=200)


def test_simulating_some_nights_gives_those_nights_of_the_whole_run(tiny) -> None:
    sc, plan = tiny
    whole = simulate(sc, plan, replications=12, seed=4, options={"log": "lean", "n_jobs": 1})
    some = simulate(sc, plan, seed=4, options={"log": "lean", "n_jobs": 1}, only=[9, 2, 5])
    assert some.replications == 3
    expected = whole.kpis.set_index("replication").loc[[2, 5, 9]].reset_index()
    assert some.kpis.reset_index(drop=True).equals(expected)


def test_a_standby_reads_its_base_nights_and_simulates_only_the_no_show_nights_exactly(tiny) -> None:
    """The shortcut is exact: the standby's nights are those of simulating the plan with the standby on every
    night, and only the nights a coach did not come were simulated again."""
    sc, plan = tiny
    base = Book(sc, plan, seed=3, n_jobs=1)
    kind, with_standby, _ = standby_plans(sc, plan)[0]
    assert with_standby.standby == (*plan.standby, kind)
    book = Book(sc, with_standby, seed=3, n_jobs=1, base=base)
    got = book.nights(range(40))
    full = night_ok(simulate(sc, with_standby, replications=40, seed=3, options={"log": "lean", "n_jobs": 1}))
    assert np.array_equal(got, full)
    shows = sum(base.no_show.values())
    assert 0 < shows < 40 and book.simulated == shows and base.simulated == 40
    # asked again, nothing is simulated again
    book.nights(range(40))
    assert book.simulated == shows


def test_an_alternatives_figure_is_what_simulate_gives_on_as_many_nights(tiny) -> None:
    """One meaning: an alternative settled after n nights reads exactly as ``simulate --replications n`` of its
    plan with the same seed."""
    sc, plan = tiny
    desk = sc.with_overrides({"station.desk_order": "coach"})
    share, _ = settle(Book(desk, plan, seed=2, n_jobs=1), rule_for(60, 0.95))
    again = night_ok(simulate(desk, plan, replications=share.nights, seed=2, options={"log": "lean", "n_jobs": 1}))
    assert share.count == int(again.sum())


def test_the_order_and_the_rows_are_the_same_on_every_run(tiny) -> None:
    from whatif.plan_risk import check_risk

    sc, plan = tiny
    one, two = (check_risk(sc, plan, nights=40, seed=1, n_jobs=1, alternatives="quick") for _ in range(2))
    assert one.table().equals(two.table())
    assert dataclasses.asdict(one.share) == dataclasses.asdict(two.share)
    table = one.table().set_index("option")
    from whatif.plan_alternatives import margin_for

    margin = f"margin_{margin_for(sc, plan)}"  # the first margin that binds on tiny's plan
    assert list(table.index) == ["current", "desk_coach", "routes_closed", margin, "standby_minibus_12"]
    assert table.loc["routes_closed", "not_tried"] == "replan" and table.loc[margin, "nights"] == 0
    assert table.loc["desk_coach", "nights"] == 20  # clearly below the target after one batch
    # auto plans the routes again on a city this small, and tries them cheapest first
    auto = check_risk(sc, plan, nights=40, seed=1, n_jobs=1).table()
    assert set(auto["not_tried"]) == {""} and set(auto["option"].tolist()[1:3]) == {"routes_closed", margin}
    tried = auto.iloc[1:3]
    assert list(zip(tried["cost"], tried["coaches"], tried["option"], strict=True)) == sorted(
        zip(tried["cost"], tried["coaches"], tried["option"], strict=True))


def test_the_recommendation_reads_the_same_in_simulate_and_holds_on_more_nights(tiny) -> None:
    from whatif.plan_risk import check_risk

    sc, plan = tiny
    check = check_risk(sc, plan, nights=40, seed=1, n_jobs=1)
    rec = check.recommended
    assert not check.meets and rec is not None and rec.key == "standby_minibus_12" and rec.plan.standby
    again = night_ok(simulate(sc, rec.plan, replications=rec.share.nights, seed=1,
                              options={"log": "lean", "n_jobs": 1}))
    assert int(again.sum()) == rec.share.count
    more = night_ok(simulate(sc, rec.plan, replications=2 * rec.share.nights, seed=1,
                             options={"log": "lean", "n_jobs": 1}))
    assert more.mean() >= sc.policy.target_on_time


def test_the_margin_tried_is_the_first_step_that_binds(tiny) -> None:
    """A margin the plan already keeps would change nothing: the one tried is the smallest 15-minute step, at least
    30 minutes, beyond what the last coach to leave keeps under the ride limit, and beyond the plan's own margin."""
    from whatif.plan_alternatives import margin_for

    sc, plan = tiny
    sc = sc.with_overrides({"policy.max_ride_min": 180, "policy.latest_arrival": "02:00"})

    def leaving(clock_min: float, margin: float = 0.0):
        routes = plan.routes.assign(depart_min=clock_min)
        return dataclasses.replace(plan, routes=routes, margin_min=margin)

    assert margin_for(sc, leaving(22 * 60 + 36)) == 30  # 2023's last coach: 22:36 + 180 min keeps 24 before 02:00
    assert margin_for(sc, leaving(22 * 60 + 10)) == 60  # keeps 50
    assert margin_for(sc, leaving(23 * 60 + 30)) == 30  # the ride limit does not even reach 02:00
    assert margin_for(sc, leaving(22 * 60 + 36, margin=45)) == 60
    assert margin_for(sc, leaving(22 * 60 + 36), margin_min=30) == 45
