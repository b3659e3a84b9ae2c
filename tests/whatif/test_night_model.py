"""One night model, the scenario's: simulate, fleet and check read the same disruptions and the same risk."""

from __future__ import annotations

import dataclasses

import pytest

import planning
import scenarios
import sim
from planning.store import read_plan, save_plan
from sim.risk import on_time
from whatif.cli import main
from whatif.fleet import batch_seed, night_ok, size_fleet

#: tiny, tight (four-seat minibuses, two stops, dormitories closing at 23:15) with a coach that fails to come on
#: most nights, written in the scenario's night model (not as a simulation option).
TIGHT = {"fleet.minibus_12.seats": 4, "fleet.minibus_12.count": 3, "policy.max_stops": 2,
         "policy.latest_arrival": "23:15", "disruptions.coach_no_show.p": 0.9,
         "disruptions.coach_no_show.standby_delay_min": 10.0, "disruptions.missed_train.p_per_worker": 0.05}


@pytest.fixture(scope="module")
def tight() -> scenarios.Scenario:
    """tiny, made tight, its night model in the scenario."""
    base = scenarios.load("tiny")
    return dataclasses.replace(base, enterprises=base.enterprises.assign(checkin_close="23:15")).with_overrides(TIGHT)


@pytest.fixture(scope="module")
def tiny() -> tuple[scenarios.Scenario, planning.Plan]:
    """tiny and its plan."""
    sc = scenarios.load("tiny")
    return sc, planning.make_plan(sc, max_iterations=500)


def test_fleet_and_simulate_read_the_same_risk_of_one_plan(tight: scenarios.Scenario, tmp_path) -> None:
    """Every candidate's p_on_time in the fleet table is what ``simulate`` gives its plan (read back from the plan
    folder ``fleet`` writes: standby and margin recorded) on the same seed and nights."""
    result = size_fleet(tight, 0.85, standby=1, seed=3, iterations=2000, batch=40, max_nights=40, buffers=(0,),
                        backend="serial")
    simulated = [ev for ev in result.evaluations if ev.nights]
    assert {ev.candidate.standby for ev in simulated} == {0, 1}
    for ev in simulated:
        run = sim.simulate(tight, ev.plan, ev.nights, seed=batch_seed(3, 0), options={"log": "lean"})
        assert on_time(run.kpis).headline.p == ev.p_on_time
        assert int(night_ok(run).sum()) == ev.good
    rec = result.recommended
    assert rec is not None and rec.candidate.standby == 1 and rec.p_on_time > 0
    result.write(tmp_path / "fleet", lang="en")
    plan = read_plan(tmp_path / "fleet" / "plan", tight)
    assert plan.standby == ("minibus_12",)
    run = sim.simulate(tight, plan, rec.nights, seed=batch_seed(3, 0))
    assert on_time(run.kpis).headline.p == rec.p_on_time
    # the same plan without its booked standby: the depot's coach (the scenario's rule) is another night
    bare = sim.simulate(tight, dataclasses.replace(plan, standby=()), rec.nights, seed=batch_seed(3, 0))
    assert on_time(bare.kpis).headline.p < rec.p_on_time


def test_a_night_model_option_is_a_change_of_the_scenario(tiny) -> None:
    """``options={"disruptions...."}`` and the scenario with that value simulate the same nights."""
    sc, plan = tiny
    change = {"disruptions.coach_no_show.p": 1.0, "disruptions.coach_no_show.rule": "standby"}
    a = sim.simulate(sc, plan, 5, seed=2, options=change)
    b = sim.simulate(sc.with_overrides(change), plan, 5, seed=2)
    assert a.kpis.equals(b.kpis) and (a.events["event"] == "no_show").sum() == 5
    quiet = sc.with_overrides({"disruptions.coach_no_show.enabled": False, "disruptions.missed_train.enabled": False,
                               "disruptions.coach_late.p": 0.0})
    assert (sim.simulate(quiet, plan, 5, seed=2).events["event"] == "no_show").sum() == 0


def test_check_lists_the_night_model_and_set_changes_it(capsys) -> None:
    assert main(["check", "tiny", "--lang", "en", "--set", "disruptions.missed_train.enabled=false"]) == 0
    out = capsys.readouterr().out
    assert "night model" in out and "coach_no_show): on, p 5% a night" in out
    assert "missed_train): off" in out and "late_train): off" in out
    assert main(["check", "tiny", "--set", "disruptions.late_train.enabled=true"]) == 0
    assert "列车长时间晚点 late_train：开" in capsys.readouterr().out


def test_the_plan_does_not_depend_on_the_night_model(tiny, tmp_path) -> None:
    """A plan made on one night model is read on another without a word (the fingerprint leaves it out)."""
    sc, plan = tiny
    save_plan(dataclasses.replace(plan, standby=("minibus_12", "minibus_12")), tmp_path / "p", sc=sc)
    other = sc.with_overrides({"disruptions.coach_no_show.p": 0.5})
    back = read_plan(tmp_path / "p", other)
    assert back.standby == ("minibus_12", "minibus_12") and not any("another version" in w for w in back.warnings)
