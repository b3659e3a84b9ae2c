"""check_fit: simulate refuses a plan made for another fleet, roster or city, naming the field and the fix."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

import pandas as pd
import pytest

import scenarios
from planning.plan import Plan
from scenarios.errors import ScenarioError
from scenarios.scenario import Scenario
from sim import simulate, simulate_day
from sim.fit import check_fit
from sim.night import compile_night
from tests.sim.conftest import hand_plan


def _two_coaches(sc: Scenario) -> Plan:
    """W1 on C01 to T1 and W5 on C02 to T2: two minibuses, where tiny has one."""
    a, b = hand_plan(sc, [("T1", ["W1"])]), hand_plan(sc, [("T2", ["W5"])], coach_id="C02")
    placement = a.placement.copy()
    placement.loc["W5"] = b.placement.loc["W5"]
    return Plan(placement=placement, routes=pd.concat([a.routes, b.routes], ignore_index=True),
                manifest=pd.concat([a.manifest, b.manifest], ignore_index=True))


def _extra_placement_row(sc: Scenario) -> Plan:
    plan = hand_plan(sc, [("T1", ["W1"])])
    plan.placement.loc["W99"] = ("", "", "", "unplaced", False)
    return plan


def _placed_twice(sc: Scenario) -> Plan:
    plan = hand_plan(sc, [("T1", ["W1"])])
    return dataclasses.replace(plan, placement=pd.concat([plan.placement, plan.placement.loc[["W2"]]]))


def _unknown_stop(sc: Scenario) -> Plan:
    plan = hand_plan(sc, [("T1", ["W1"])])
    plan.routes.loc[0, "enterprise_id"] = "T9"
    return plan


def _manifest_without_route(sc: Scenario) -> Plan:
    plan = hand_plan(sc, [("T1", ["W1", "W2"])])
    plan.manifest.loc[1, "trip"] = 2
    return plan


MISFITS: dict[str, tuple[Callable[[Scenario], Plan], str]] = {
    "fleet_count": (_two_coaches, r"fleet\.minibus_12\.count: the plan uses 2 coaches of type minibus_12 but the "
                                  r"scenario's fleet has 1\. Fix: re-plan for this scenario"),
    "coach_type": (lambda sc: hand_plan(sc, [("T1", ["W1"])], coach_type="coach_99"),
                   r"plan\.routes: the plan uses coach type 'coach_99', which is not in the scenario's fleet"),
    "roster": (_extra_placement_row, r"plan\.placement: the plan names 1 workers not on the scenario's roster: W99"),
    "placed_twice": (_placed_twice, r"plan\.placement: worker W2 has more than one placement row"),
    "enterprise": (_unknown_stop, r"plan\.routes: the plan names 1 enterprises not in the scenario: T9"),
    "manifest_trip": (_manifest_without_route, r"plan\.manifest: .* coach C01 trip 2, which has no route"),
}


@pytest.mark.parametrize("name", MISFITS)
def test_a_plan_that_does_not_fit_is_one_clean_error(tiny, name: str) -> None:
    make, message = MISFITS[name]
    plan = make(tiny)
    with pytest.raises(ScenarioError, match=message) as caught:
        simulate(tiny, plan, replications=1)
    assert "\n" not in str(caught.value) and "Fix:" in str(caught.value)


def test_trip_over_its_seats(tiny) -> None:
    small = dataclasses.replace(tiny, fleet={"minibus_12": dataclasses.replace(tiny.fleet["minibus_12"], seats=3)})
    with pytest.raises(ScenarioError, match=r"fleet\.minibus_12\.seats: coach C01 trip 1 carries 4 workers but a "
                                            r"minibus_12 has 3 seats"):
        compile_night(small, hand_plan(small, [("T1", ["W1", "W2", "W3", "W4"])]))


def test_a_fitting_plan_passes(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    two = dataclasses.replace(sc, fleet={"minibus_12": dataclasses.replace(sc.fleet["minibus_12"], count=2)})
    assert check_fit(sc, plan) is None
    assert check_fit(two, _two_coaches(two)) is None


def test_every_train_of_a_day_is_checked(two_enterprises_one_coach) -> None:
    sc, plan = two_enterprises_one_coach
    with pytest.raises(ScenarioError, match="coaches of type minibus_12"):
        simulate_day([(sc, plan), (sc, _two_coaches(sc))], replications=1)


def test_a_fixed_plan_on_a_smaller_fleet_override(bundled_2023) -> None:
    plan = bundled_2023[1]
    used = int(plan.routes.drop_duplicates("coach_id")["coach_type"].value_counts()["coach_53"])
    smaller = scenarios.load("dingxi_qingdao_2023", overrides={"fleet.coach_53.count": used - 2})
    with pytest.raises(ScenarioError, match=f"uses {used} coaches of type coach_53 but the scenario's fleet has "
                                            f"{used - 2}"):
        simulate(smaller, plan, replications=1)
