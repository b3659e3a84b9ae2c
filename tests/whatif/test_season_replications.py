"""The season's replications: the numbers of ``simulate``/``simulate_day`` on every evening, whatever the backend."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from planning.season import plan_season
from scenarios.season import load_season
from sim import simulate, simulate_day
from whatif.risk import night_ok_by_train
from whatif.season import _evenings, simulate_season


def _arrival(aid: str, day: str, time: str, count: int) -> dict:
    return {"id": aid, "kind": "train", "date": day, "arrival": time, "origin": "定西 Dingxi", "point": "north",
            "cars": 1, "seats_per_car": 20,
            "workers": {"generate": {"count": count, "county_shares": {"tongwei": 1.0}}}}


@pytest.fixture(scope="module")
def evening_of_two(tmp_path_factory: pytest.TempPathFactory):
    """Tiny's enterprises; two trains on one evening at one station (one simulation), a third alone later."""
    doc = {"season": {"name": "two", "start": "2023-02-01", "end": "2023-02-05", "city": "tiny",
                      "fleet_per_day": {"minibus_12": 3}},
           "points": {"north": {"kind": "station"}},
           "arrivals": [_arrival("A1", "2023-02-01", "21:30", 4), _arrival("A2", "2023-02-01", "21:40", 3),
                        _arrival("A3", "2023-02-03", "20:00", 3)]}
    root = tmp_path_factory.mktemp("two")
    (root / "season.yaml").write_text(yaml.safe_dump(doc, allow_unicode=True), encoding="utf-8")
    return plan_season(load_season(Path(root)), n_jobs=1)


def _as_simulated(sp, replications: int, seed: int) -> pd.DataFrame:
    """The season's nights as it computed them before ``sim.outcomes``: each evening through ``simulate`` (one
    arrival) or ``simulate_day`` (several) and ``night_ok_by_train`` on the full result."""
    groups = _evenings(sp)
    seeds = [int(s.generate_state(1)[0]) for s in np.random.SeedSequence(seed).spawn(len(groups))]
    options = {"season_seed": int(np.random.SeedSequence([seed, 23]).generate_state(1)[0]), "log": "lean",
               "n_jobs": 1}
    frames = []
    for group, s in zip(groups, seeds, strict=True):
        if len(group) == 1:
            run = simulate(group[0].scenario, group[0].plan, replications, seed=s, options=options)
        else:
            run = simulate_day([(n.scenario, n.plan) for n in group], replications, seed=s, options=options)
        frame = night_ok_by_train(run)
        frame["arrival"] = frame["train"].map(dict(zip(sorted(frame["train"].unique()),
                                                       [n.arrival.id for n in group], strict=True)))
        frames.append(frame.drop(columns=["train"]))
    return pd.concat(frames, ignore_index=True).sort_values(["arrival", "replication"], ignore_index=True)


def test_the_season_gives_the_full_simulations_numbers(evening_of_two) -> None:
    assert [len(g) for g in _evenings(evening_of_two)] == [2, 1]
    ours = simulate_season(evening_of_two, 8, seed=3, backend="serial")
    pd.testing.assert_frame_equal(ours.nights, _as_simulated(evening_of_two, 8, 3), check_exact=True)
    assert list(ours.nights.columns) == ["replication", "late", "last_checkin_min", "ok", "arrival"]


def test_two_processes_give_the_serial_numbers(evening_of_two) -> None:
    serial = simulate_season(evening_of_two, 6, seed=2, backend="serial")
    local = simulate_season(evening_of_two, 6, seed=2, backend="local", n_jobs=2)
    pd.testing.assert_frame_equal(serial.nights, local.nights, check_exact=True)
