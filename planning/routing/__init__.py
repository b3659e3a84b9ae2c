"""Coach routing engine: CVRP-family problems, exact when small, SISR plus set partitioning when big."""

from planning.routing.check import check_routes
from planning.routing.problem import RoutingProblem, VehicleType
from planning.routing.result import RoutingResult
from planning.routing.solver import solve
from planning.routing.vrplib import VrplibFormatError, read_sdvrp, read_sol, read_vrp

__all__ = [
    "RoutingProblem",
    "RoutingResult",
    "VehicleType",
    "VrplibFormatError",
    "check_routes",
    "read_sdvrp",
    "read_sol",
    "read_vrp",
    "solve",
]
