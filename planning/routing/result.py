"""The result of a routing solve."""

from __future__ import annotations

from dataclasses import dataclass, field

Stop = tuple[int, float]


@dataclass(frozen=True)
class RoutingResult:
    """Routes as lists of (node, quantity), with the objective value and an honest status.

    ``cost`` is the objective value: total distance ("distance"), fixed plus per-distance cost ("cost"), or
    total passenger ride minutes ("vehicles_then_ride", where ``vehicles`` is compared first).
    """

    routes: list[list[Stop]]
    route_types: list[str]
    cost: float
    vehicles: int
    distance: float
    ride_minutes: float
    status: str
    lower_bound: float | None
    gap: float | None
    runtime: float
    objective: str = "distance"
    vehicles_lower_bound: int | None = None
    #: True when the time limit stopped the search before its iteration budget (or a master before its nodes).
    timed_out: bool = False
    #: The search's route pool as (items, stops), the chosen routes first (only when asked for, for a master over
    #: several problems); item keys are the solve's own, the first ``direct_routes`` routes (full loads) are not in it.
    pool: tuple[tuple[tuple[int, ...], list[Stop]], ...] = field(default=(), repr=False)
    direct_routes: int = 0

    def summary(self) -> str:
        """A few lines for people."""
        gap = "unknown" if self.gap is None else f"{100 * self.gap:.2f}%"
        lb = "none" if self.lower_bound is None else f"{self.lower_bound:.6g}"
        lines = [
            f"status {self.status}, objective {self.objective}, cost {self.cost:.6g}, lower bound {lb}, gap {gap}",
            f"vehicles {self.vehicles} (lower bound {self.vehicles_lower_bound}), distance {self.distance:.6g}, "
            f"ride minutes {self.ride_minutes:.6g}, runtime {self.runtime:.1f} s"
            + (", stopped at the time limit" if self.timed_out else ""),
        ]
        for k, (route, vt) in enumerate(zip(self.routes, self.route_types, strict=True), 1):
            stops = " ".join(f"{n}x{q:g}" for n, q in route)
            lines.append(f"  route {k} [{vt}]: {stops}")
        return "\n".join(lines)
