"""Fixtures for the routing tests: benchmark paths and small problems."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from planning.routing import RoutingProblem, VehicleType

BENCHMARKS = Path(__file__).resolve().parents[3] / ".." / "shared" / "benchmarks"


@pytest.fixture
def cvrplib_a() -> Path:
    """The CVRPLIB set A folder beside the repository (skipped when absent)."""
    folder = BENCHMARKS / "cvrplib" / "A"
    if not (folder / "A-n32-k5.vrp").exists():
        pytest.skip("shared benchmarks not present")
    return folder


def grid_problem(
    points: list[tuple[float, float]],
    demand: list[float],
    vehicles: tuple[VehicleType, ...],
    **kwargs: object,
) -> RoutingProblem:
    """A problem on points (depot first) with Euclidean distances and times = distances."""
    xy = np.array(points, dtype=float)
    dist = np.sqrt(((xy[:, None] - xy[None]) ** 2).sum(-1))
    return RoutingProblem(
        demand=np.array([0.0, *demand]),
        distance=dist,
        travel_time=dist,
        vehicle_types=vehicles,
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
def four_customers_two_seats() -> RoutingProblem:
    """Four customers on a line, demand 1 each, vehicles of capacity 2."""
    return grid_problem([(0, 0), (1, 0), (2, 0), (0, 1), (0, 2)], [1, 1, 1, 1], (VehicleType("bus", 2),))
