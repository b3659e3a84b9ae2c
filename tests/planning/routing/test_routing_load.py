"""Same seed, same bytes: the routes do not depend on how busy the machine is (no clock inside the search)."""

from __future__ import annotations

import multiprocessing as mp
import time

import pandas as pd

import scenarios
from planning.placement import place
from planning.routing.scenario import route_placement


def _busy(seconds: float) -> None:
    """Burn one CPU for ``seconds``."""
    end = time.perf_counter() + seconds
    x = 0
    while time.perf_counter() < end:
        x = (x * 31 + 7) % 1_000_003


def _routes_csv(sc: scenarios.Scenario, counts: pd.Series) -> tuple[bytes, bool]:
    res = route_placement(sc, counts, time_limit=900, seed=4, max_iterations=1500)
    return res.routes.to_csv(index=False).encode(), res.info.timed_out


def test_routes_byte_identical_with_two_busy_cpu_loops() -> None:
    """2025 (closed routes: PyVRP generator, district searches, fleet master with second trips), quiet and with
    two busy loops beside it: routes.csv bytes are the same, and neither run was stopped by the clock."""
    sc = scenarios.load("dingxi_qingdao_2025")
    placed = place(sc).placed
    coach = placed[placed["enterprise_id"].isin(sc.coach_enterprises.index)]
    counts = coach.groupby("enterprise_id").size()
    quiet, quiet_timed_out = _routes_csv(sc, counts)
    ctx = mp.get_context("spawn")
    loops = [ctx.Process(target=_busy, args=(120.0,), daemon=True) for _ in range(2)]
    for p in loops:
        p.start()
    try:
        busy, busy_timed_out = _routes_csv(sc, counts)
    finally:
        for p in loops:
            p.terminate()
            p.join()
    assert not quiet_timed_out and not busy_timed_out
    assert busy == quiet
    assert b"coach_id" in quiet and quiet.count(b"\n") > 20
