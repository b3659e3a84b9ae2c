"""Sweeps: tidy results, common random numbers, and identical numbers on every backend."""

from __future__ import annotations

import dataclasses
import time

import pandas as pd
import pytest

from scenarios import ScenarioError
from whatif.sweep import SweepResult, sweep

AXES = {"train.delay_min": [0, 60], "fleet.minibus_12.count": [1, 2]}


@pytest.fixture(scope="module")
def serial() -> SweepResult:
    """The tiny scenario swept in this process."""
    return sweep("tiny", AXES, replications=3, seed=5, backend="serial", plan_time_limit=5)


def test_table_is_tidy(serial: SweepResult) -> None:
    t = serial.table
    assert list(t.columns[:3]) == ["variant", "train.delay_min", "fleet.minibus_12.count"]
    assert {"replication", "kpi", "value"} <= set(t.columns)
    assert t["variant"].nunique() == 4 and t["replication"].nunique() == 3
    assert not t.duplicated(["variant", "replication", "kpi"]).any()


def test_delay_moves_check_in_later_on_shared_random_numbers(serial: SweepResult) -> None:
    a = serial.kpis("train.delay_min=0, fleet.minibus_12.count=1")
    b = serial.kpis("train.delay_min=60, fleet.minibus_12.count=1")
    assert (b["train_delay_min"] - a["train_delay_min"]).round(9).eq(60).all()
    assert (b["last_checkin_min"] > a["last_checkin_min"]).all()
    table = serial.compare(a="train.delay_min=0, fleet.minibus_12.count=1",
                           b="train.delay_min=60, fleet.minibus_12.count=1")
    assert table.loc["p95_checkin_min", "diff"] > 0


def test_summary_is_text_for_people(serial: SweepResult) -> None:
    text = serial.summary()
    assert text.splitlines()[0] == "4 options, 3 simulated nights each" and len(text.splitlines()) == 5
    assert "60 min late · 1 × 12-seat minibus: 95% checked in " in text  # the option in words, not config paths
    assert serial.summary("zh").startswith("4 个方案")
    assert "晚点 60 分钟 · 中巴（12座） 1 辆：95% 入住 " in serial.summary("zh")


def test_summary_table_has_intervals(serial: SweepResult) -> None:
    s = serial.summary_table()
    assert {"variant", "kpi", "mean", "ci_low", "ci_high"} <= set(s.columns)
    assert (s["ci_low"] <= s["mean"] + 1e-9).all()


def test_local_processes_give_identical_numbers(serial: SweepResult) -> None:
    local = sweep("tiny", AXES, replications=3, seed=5, backend="local", plan_time_limit=5)
    pd.testing.assert_frame_equal(local.table, serial.table)


def test_dask_local_cluster_gives_identical_numbers(serial: SweepResult) -> None:
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster, \
            Client(cluster) as client:
        on_dask = sweep("tiny", AXES, replications=3, seed=5, backend=client, plan_time_limit=5)
    pd.testing.assert_frame_equal(on_dask.table, serial.table)


def test_unknown_path_fails_before_any_work() -> None:
    with pytest.raises(ScenarioError, match=r"did you mean 'train\.delay_min'"):
        sweep("tiny", {"train.dealy_min": [0, 1]}, replications=2, backend="serial")


def test_a_value_twice_on_an_axis_fails_before_any_work() -> None:
    """Identical variants would be pooled under one label, with a falsely narrow interval."""
    with pytest.raises(ScenarioError, match="twice"):
        sweep("tiny", {"train.delay_min": [0, 0]}, replications=2, backend="serial")


def test_unreachable_scheduler_fails_fast_before_any_plan(monkeypatch) -> None:
    def no_planning(*args, **kwargs):
        raise AssertionError("plans were made before the scheduler was reached")

    monkeypatch.setattr("whatif.sweep.SCHEDULER_TIMEOUT_S", 1.0)
    monkeypatch.setattr("whatif.sweep.make_plan", no_planning)
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match=r"scheduler: cannot reach .*tcp://127\.0\.0\.1:1"):
        sweep("tiny", AXES, replications=2, backend="tcp://127.0.0.1:1")
    assert time.perf_counter() - start < 8


def test_a_scenario_edited_in_memory_is_swept_as_it_is(tmp_path) -> None:
    """Its files are gone and its table edited: the workers get the scenario itself, never a path."""
    import shutil

    import scenarios
    from scenarios.loader import DATA_DIR

    folder = tmp_path / "data" / "copy"
    shutil.copytree(DATA_DIR / "tiny", folder)
    shutil.copy(DATA_DIR / "qingdao_districts.csv", folder.parent)
    sc = scenarios.load(folder)
    shutil.rmtree(tmp_path / "data")
    first = sc.enterprises.index[0]
    edited = sc.workers[sc.workers["returning_employer"] != first].iloc[:-1]  # one worker fewer
    edited_sc = dataclasses.replace(sc, workers=edited)
    result = sweep(edited_sc, {"train.delay_min": [0, 30]}, replications=2, seed=3, backend="local",
                   plan_time_limit=5)
    delivered = result.table[result.table["kpi"] == "checked_in"]
    assert (delivered["value"] == len(edited)).all()
    assert len(edited) < len(sc.workers)


def test_with_overrides_matches_loading_with_overrides() -> None:
    import scenarios

    sc = scenarios.load("tiny")
    a = sc.with_overrides({"train.arrival": "22:30", "fleet.minibus_12.count": 1})
    b = scenarios.load("tiny", overrides={"train.arrival": "22:30", "fleet.minibus_12.count": 1})
    assert a.train == b.train and a.fleet == b.fleet and a.raw == b.raw
    pd.testing.assert_frame_equal(a.enterprises, b.enterprises)
    assert sc.train.arrival != "22:30"  # the original is untouched
    with pytest.raises(ScenarioError, match=r"did you mean 'train\.delay_min'"):
        sc.with_overrides({"train.dealy_min": 5})


def test_a_listener_that_is_not_a_scheduler_fails_within_the_timeout(monkeypatch) -> None:
    """A plain TCP listener accepts and says nothing: the sweep gives up within the stated timeout."""
    import socket
    import threading

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    held = []
    threading.Thread(target=lambda: held.extend(listener.accept() for _ in range(3)), daemon=True).start()
    monkeypatch.setattr("whatif.sweep.SCHEDULER_TIMEOUT_S", 2.0)
    monkeypatch.setattr("whatif.sweep.make_plan", lambda *a, **k: pytest.fail("planned before the scheduler"))
    start = time.perf_counter()
    with pytest.raises(ScenarioError, match=r"scheduler: cannot reach a Dask scheduler at .* within 2 s"):
        sweep("tiny", AXES, replications=2, backend=f"tcp://127.0.0.1:{listener.getsockname()[1]}")
    assert time.perf_counter() - start < 6
    listener.close()


def test_variants_share_their_searches_and_each_plan_is_its_own() -> None:
    """The sweep's variants reuse each other's placement and district searches (``planning.memo``), and each plan
    is, frame for frame, the one the variant gets alone."""
    from planning import PlanOptions, make_plan
    from scenarios import load
    from whatif.sweep import SWEEP_ROUTING_ITERATIONS, _plans
    from whatif.variants import grid

    base = load("tiny")
    variants = grid({"train.delay_min": [0, 30], "fleet.minibus_12.count": [1, 2]})
    built = [v.build(base) for v in variants]
    plans, _ = _plans(base, variants, built, True, 1, None, lambda: None)
    opts = PlanOptions(seed=1, iterations=SWEEP_ROUTING_ITERATIONS, strict=False)
    for sc, plan in zip(built, plans, strict=True):
        alone = make_plan(sc, opts)
        assert plan.placement.equals(alone.placement) and plan.routes.equals(alone.routes)
        assert plan.manifest.equals(alone.manifest)
