"""Coaches: leave-when-full against theory, seats, no-shows and the maximum wait for a missing worker."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest
import simpy

from sim import simulate
from sim.coaches import board_trip
from sim.state import TripBoard
from sim.stats import mean_ci
from sim.theory import full_coach_mean_wait, leave_when_full_wait


def test_leave_when_full_mean_wait_is_k_minus_1_over_2_lambda() -> None:
    lam, seats = 2.0, 10
    seeds = np.random.SeedSequence(531).generate_state(30)
    means = [full_coach_mean_wait(int(s), lam, seats, coaches=200) for s in seeds]
    _mean, lo, hi = mean_ci(np.array(means), level=0.99)
    theory = leave_when_full_wait(seats, lam)
    assert lo <= theory <= hi, f"(K-1)/(2 lambda) = {theory} outside the 99% CI [{lo:.4f}, {hi:.4f}]"


def test_boarding_takes_each_worker_in_turn() -> None:
    env = simpy.Environment()
    board = TripBoard(present=3)
    seated = []

    def coach():
        aboard = yield from board_trip(env, board, [1.0, 2.0, 4.0], lambda i, t: seated.append((i, t)))
        seated.append(("left", env.now, aboard))

    def arrive():
        board.arrive(0)
        board.arrive(1)
        yield env.timeout(10)
        board.arrive(2)

    env.process(coach())
    env.process(arrive())
    env.run()
    assert seated == [(0, 1.0), (1, 3.0), (2, 14.0), ("left", 14.0, [0, 1, 2])]


def test_no_coach_over_its_seats(bundled_2023) -> None:
    sc, plan = bundled_2023
    result = simulate(sc, plan, replications=3, seed=5)
    assert (result.trips["aboard"] <= result.trips["seats"]).all()
    assert result.trips["departed"].notna().all()


def _options(rule: str) -> dict:
    return {"disruptions.coach_no_show.enabled": True, "disruptions.coach_no_show.p": 1.0,
            "disruptions.coach_no_show.rule": rule}


def test_no_show_standby_coach_carries_its_workers(bundled_2023) -> None:
    sc, plan = bundled_2023
    result = simulate(sc, plan, replications=2, seed=2, options=_options("standby"))
    ev = result.events
    assert (ev["event"] == "no_show").sum() == 2
    standby = result.trips[result.trips["kind"] == "standby"]
    assert len(standby) >= 2 and (standby["aboard"] > 0).all()
    assert (result.kpis["not_delivered"] == 0).all()
    late = result.timelines[result.timelines["vehicle"].str.endswith("~standby")]
    due = sc.minutes(sc.fleet[plan.routes["coach_type"].iloc[0]].available_from)
    known = result.events[result.events["event"] == "no_show"]
    assert np.allclose(known["minutes"], due)  # known when the coach is due at the station
    assert (late["departed"] >= due + 45).all()  # the standby comes 45 minutes after that


def test_no_show_second_trip_of_another_coach(bundled_2023) -> None:
    sc, plan = bundled_2023
    result = simulate(sc, plan, replications=2, seed=2, options=_options("second_trip"))
    rule = result.events.loc[result.events["event"] == "no_show", "detail"]
    assert rule.str.startswith("second_trip:").all()
    assert (result.kpis["not_delivered"] == 0).all()
    helper = rule.iloc[0].split(":", 1)[1]
    trips = result.trips[(result.trips["replication"] == 0) & (result.trips["vehicle"] == helper)]
    assert len(trips) >= 2 and trips["back"].notna().any()


@pytest.mark.parametrize("bay_call", ["all_ready", "first_ready"])
def test_missing_worker_holds_the_coach_only_up_to_the_maximum_wait(two_enterprises_one_coach, bay_call) -> None:
    """The old practice (``wait_for_missing``): nobody knew who had missed the train."""
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=12, seed=4, options={"disruptions.missed_train.enabled": True,
                                                                  "disruptions.missed_train.p_per_worker": 0.3,
                                                                  "bay_call": bay_call, "wait_for_missing": True})
    tl = result.timelines
    missed = (tl["not_delivered"] == "missed_train").groupby(tl["replication"]).sum()
    first = tl.groupby("replication")["gathered"].min()  # the group starts forming at the sign
    last = tl.groupby("replication")["boarded"].max()
    trips = result.trips.set_index("replication")
    wait = sc.policy.max_coach_wait_min
    assert ((missed > 0) & (missed < 8)).any() and (missed == 0).any()
    for r in missed.index:
        if 0 < missed[r] < 8:  # it waits for the absent worker(s) the maximum wait from the first at the sign
            assert trips.loc[r, "aboard"] == 8 - missed[r]
            if bay_call == "first_ready":
                assert trips.loc[r, "departed"] == pytest.approx(first[r] + wait)
            else:  # the whole present group is called to the bay once the wait is over, boards, and goes
                assert trips.loc[r, "bay"] == pytest.approx(first[r] + wait)
                assert trips.loc[r, "departed"] == pytest.approx(last[r])
        elif missed[r] == 0:  # everyone aboard: it goes at once
            assert trips.loc[r, "departed"] == pytest.approx(last[r])
            assert trips.loc[r, "departed"] < first[r] + wait
    everyone_missed = simulate(sc, plan, 1, 0, {"disruptions.missed_train.enabled": True,
                                                "disruptions.missed_train.p_per_worker": 1.0})
    assert (everyone_missed.timelines["not_delivered"] == "missed_train").all()
    assert (everyone_missed.events["event"] == "cancelled").sum() == 1


def test_workers_who_missed_the_train_are_known_at_alighting_and_not_waited_for(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=12, seed=4, options={"disruptions.missed_train.enabled": True,
                                                                  "disruptions.missed_train.p_per_worker": 0.3})
    tl = result.timelines
    assert (tl["absent"] == (tl["not_delivered"] == "missed_train")).all()
    last = tl.groupby("replication")["boarded"].max()
    trips = result.trips.set_index("replication")
    for r in last.index:
        if np.isfinite(last[r]):
            assert trips.loc[r, "departed"] == pytest.approx(last[r])  # it leaves once the present are aboard
    r = int(tl.loc[tl["absent"], "replication"].iloc[0])
    manifest = result.manifest(r)
    assert set(manifest.loc[manifest["absent"], "worker_id"]) == set(tl.loc[tl["absent"] & (tl["replication"] == r),
                                                                              "worker_id"])
    assert (manifest.loc[manifest["absent"], "vehicle"] == "").all()
    assert manifest.loc[~manifest["absent"], "checked_in"].notna().all()


def test_bays_take_pull_in_and_pull_out_minutes(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    slow = dataclasses.replace(sc, station=dataclasses.replace(sc.station, bay_pull_in_min=2.0, bay_pull_out_min=1.5))
    a = simulate(sc, plan, replications=1, seed=0, options={"random": False})
    b = simulate(slow, plan, replications=1, seed=0, options={"random": False})
    assert b.trips["departed"].iloc[0] - a.trips["departed"].iloc[0] == pytest.approx(3.5)
    assert b.trips["bay"].iloc[0] - a.trips["bay"].iloc[0] == pytest.approx(2.0)


def test_leg_times_are_planned_times_a_lognormal_factor_with_the_scenarios_cv(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    result = simulate(sc, plan, replications=300, seed=6, options={"log": "lean", "n_jobs": 1})
    ev = result.events[result.events["kind"] == "vehicle"]
    departed = ev[ev["event"] == "departed"].set_index("replication")["minutes"]
    at_first = ev[(ev["event"] == "stop_arrive") & (ev["place"] == "T2")].set_index("replication")["minutes"]
    legs = (at_first - departed).to_numpy()
    planned = sc.travel_model.legs(["station"], ["T2"])[0][0, 0]
    assert legs.mean() == pytest.approx(planned, rel=0.03)
    assert legs.std(ddof=1) / legs.mean() == pytest.approx(sc.travel.cv, rel=0.15)  # night, district, leg together
