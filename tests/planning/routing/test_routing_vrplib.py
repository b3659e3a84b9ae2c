"""Reading CVRPLIB and SDVRP files."""

from __future__ import annotations

from pathlib import Path

import pytest

from planning.routing import VrplibFormatError, read_sdvrp, read_sol, read_vrp
from planning.routing.vrplib import nint_distances


def test_a_n32_k5_solution_cost_matches_bks(cvrplib_a: Path) -> None:
    """The .sol routes of A-n32-k5 recomputed with rounded EUC_2D cost exactly 784."""
    problem = read_vrp(cvrplib_a / "A-n32-k5.vrp")
    sol = read_sol(cvrplib_a / "A-n32-k5.sol")
    assert problem.n_nodes == 32 and problem.vehicle_types[0].capacity == 100
    cost = sum(problem.distance[[0, *r], [*r, 0]].sum() for r in sol.routes)
    assert cost == sol.cost == 784
    assert sorted(c for r in sol.routes for c in r) == list(range(1, 32))


def test_nint_rounds_each_arc() -> None:
    """0.5 rounds up, per arc."""
    import numpy as np

    d = nint_distances(np.array([[0.0, 0.0], [1.5, 0.0], [0.0, 2.4]]))
    assert d[0, 1] == 2 and d[0, 2] == 2


def test_malformed_vrp_names_file_and_line(tmp_path: Path) -> None:
    """A bad coordinate row is reported with the file and its line number."""
    bad = tmp_path / "bad.vrp"
    bad.write_text(
        "NAME : bad\nDIMENSION : 2\nCAPACITY : 10\nEDGE_WEIGHT_TYPE : EUC_2D\n"
        "NODE_COORD_SECTION\n1 0 0\n2 x 1\nDEMAND_SECTION\n1 0\n2 3\nDEPOT_SECTION\n1\n-1\nEOF\n"
    )
    with pytest.raises(VrplibFormatError, match=r"bad.vrp, line 7"):
        read_vrp(bad)


def test_malformed_sol_names_line(tmp_path: Path) -> None:
    """A route with a non-number is reported with its line."""
    bad = tmp_path / "bad.sol"
    bad.write_text("Route #1: 1 2\nRoute #2: 3 z\nCost 10\n")
    with pytest.raises(VrplibFormatError, match="line 2"):
        read_sol(bad)


def test_explicit_lower_row(tmp_path: Path) -> None:
    """EXPLICIT LOWER_ROW matrices are read symmetrically."""
    f = tmp_path / "e.vrp"
    f.write_text(
        "NAME : e\nDIMENSION : 3\nCAPACITY : 5\nEDGE_WEIGHT_TYPE : EXPLICIT\nEDGE_WEIGHT_FORMAT : LOWER_ROW\n"
        "EDGE_WEIGHT_SECTION\n4\n5 6\nDEMAND_SECTION\n1 0\n2 1\n3 1\nDEPOT_SECTION\n1\n-1\nEOF\n"
    )
    p = read_vrp(f)
    assert p.distance[1, 0] == 4 and p.distance[0, 2] == 5 and p.distance[2, 1] == 6


def test_sdvrp_format(tmp_path: Path) -> None:
    """DIMACS SDVRP: n Q, demands, depot and customer coordinates; splitting allowed."""
    f = tmp_path / "t.sd"
    f.write_text("2 10\n15 4\n0 0\n3 4\n6 8\n")
    p = read_sdvrp(f)
    assert p.split_delivery and list(p.demand) == [0, 15, 4] and p.distance[0, 1] == 5
    f.write_text("2 10\n15 4\n0 0\n3 4\n")
    with pytest.raises(VrplibFormatError, match="coordinates"):
        read_sdvrp(f)
