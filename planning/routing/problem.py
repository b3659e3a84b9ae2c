"""The generic routing problem: one depot, customers with demand, a fleet of vehicle types, limits."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

OBJECTIVES = ("distance", "cost", "vehicles_then_ride", "vehicles_then_km", "vehicles_then_weighted")
#: Objectives that count vehicles first (a large fixed cost per route), then the named figure.
VEHICLES_FIRST = ("vehicles_then_ride", "vehicles_then_km", "vehicles_then_weighted")
#: Objectives that need travel times because the workers' ride minutes are in them.
RIDE_OBJECTIVES = ("vehicles_then_ride", "vehicles_then_weighted")


@dataclass(frozen=True)
class VehicleType:
    """A kind of vehicle: seats (capacity), fixed cost per use, cost per distance unit, fleet size."""

    id: str
    capacity: float
    fixed_cost: float = 0.0
    cost_per_distance: float = 1.0
    count: int | None = None

    def __post_init__(self) -> None:
        if self.capacity <= 0:
            raise ValueError(f"Expected capacity > 0 for vehicle type {self.id!r}, got {self.capacity}.")
        if self.fixed_cost < 0 or self.cost_per_distance < 0:
            raise ValueError(f"Expected non-negative costs for vehicle type {self.id!r}.")
        if self.count is not None and self.count < 0:
            raise ValueError(f"Expected count >= 0 (or None = unlimited) for {self.id!r}, got {self.count}.")


@dataclass(frozen=True, eq=False)
class RoutingProblem:
    """A routing problem with the depot at index 0.

    Arrival at a stop = departure + travel times + service times of the earlier stops; a passenger's ride
    time is the arrival time at their stop. Service at a stop takes ``service_fixed + service_per_unit * qty``.
    Objectives: "distance", "cost" (fixed plus per-distance), and vehicles first, then the passengers' ride
    minutes ("vehicles_then_ride"), the distance ("vehicles_then_km") or ride minutes + ``km_weight`` x distance
    ("vehicles_then_weighted").
    """

    demand: np.ndarray
    distance: np.ndarray
    vehicle_types: tuple[VehicleType, ...]
    travel_time: np.ndarray | None = None
    service_fixed: float = 0.0
    service_per_unit: float = 0.0
    max_stops: int | None = None
    max_ride: float | None = None
    deadline: float | None = None
    open_routes: bool = False
    split_delivery: bool = False
    objective: str = "distance"
    km_weight: float = 0.0
    name: str = "problem"
    labels: tuple[str, ...] | None = field(default=None)

    def __post_init__(self) -> None:
        demand = np.asarray(self.demand, dtype=float)
        dist = np.asarray(self.distance, dtype=float)
        object.__setattr__(self, "demand", demand)
        object.__setattr__(self, "distance", dist)
        n = demand.shape[0]
        if demand.ndim != 1 or n < 1:
            raise ValueError("Expected demand as a 1-D array with the depot at index 0.")
        if demand[0] != 0:
            raise ValueError(f"Expected demand[0] (the depot) to be 0, got {demand[0]}.")
        if (demand < 0).any():
            bad = int(np.flatnonzero(demand < 0)[0])
            raise ValueError(f"Expected non-negative demand, got {demand[bad]} at node {bad}.")
        if dist.shape != (n, n):
            raise ValueError(f"Expected a {n}x{n} distance matrix, got shape {dist.shape}.")
        if (dist < 0).any() or not np.isfinite(dist).all():
            raise ValueError("Expected finite, non-negative distances.")
        if self.travel_time is not None:
            tt = np.asarray(self.travel_time, dtype=float)
            object.__setattr__(self, "travel_time", tt)
            if tt.shape != (n, n) or (tt < 0).any() or not np.isfinite(tt).all():
                raise ValueError(f"Expected a finite, non-negative {n}x{n} travel time matrix.")
        elif self.max_ride is not None or self.deadline is not None or self.objective in RIDE_OBJECTIVES:
            raise ValueError("Expected a travel_time matrix: ride limits, deadlines and ride objectives need it.")
        if not self.vehicle_types:
            raise ValueError("Expected at least one vehicle type.")
        ids = [v.id for v in self.vehicle_types]
        if len(set(ids)) != len(ids):
            raise ValueError(f"Expected unique vehicle type ids, got {ids}.")
        if self.objective not in OBJECTIVES:
            raise ValueError(f"Expected objective in {OBJECTIVES}, got {self.objective!r}.")
        if self.max_stops is not None and self.max_stops < 1:
            raise ValueError(f"Expected max_stops >= 1 (or None), got {self.max_stops}.")
        for key in ("max_ride", "deadline", "service_fixed", "service_per_unit", "km_weight"):
            value = getattr(self, key)
            if value is not None and value < 0:
                raise ValueError(f"Expected {key} >= 0, got {value}.")
        if self.labels is not None and len(self.labels) != n:
            raise ValueError(f"Expected {n} labels, got {len(self.labels)}.")
        cap = self.max_capacity
        if not self.split_delivery and demand.max(initial=0) > cap:
            bad = int(np.argmax(demand))
            raise ValueError(
                f"Node {bad} has demand {demand[bad]} above the largest capacity {cap}; "
                "set split_delivery=True to split it over vehicles."
            )

    @property
    def vehicles_first(self) -> bool:
        """True when the objective counts vehicles before anything else."""
        return self.objective in VEHICLES_FIRST

    def route_cost(self, distance: float, ride: float, vtype: VehicleType) -> float:
        """The objective's cost of one route (without the vehicles-first count)."""
        if self.objective == "distance" or self.objective == "vehicles_then_km":
            return distance
        if self.objective == "cost":
            return vtype.fixed_cost + vtype.cost_per_distance * distance
        if self.objective == "vehicles_then_weighted":
            return ride + self.km_weight * distance
        return ride

    @property
    def n_nodes(self) -> int:
        """Number of nodes including the depot."""
        return int(self.demand.shape[0])

    @property
    def customers(self) -> list[int]:
        """Nodes with positive demand."""
        return [int(i) for i in np.flatnonzero(self.demand > 0)]

    @property
    def max_capacity(self) -> float:
        """The largest capacity of a usable vehicle type."""
        caps = [v.capacity for v in self.vehicle_types if v.count is None or v.count > 0]
        return max(caps) if caps else 0.0

    @property
    def times(self) -> np.ndarray:
        """Travel times, zeros when none were given."""
        if self.travel_time is None:
            return np.zeros_like(self.distance)
        return self.travel_time

    @property
    def ride_limit(self) -> float | None:
        """The tighter of max_ride and deadline (both measured from departure)."""
        limits = [x for x in (self.max_ride, self.deadline) if x is not None]
        return min(limits) if limits else None

    def service(self, qty: float) -> float:
        """Service minutes of one stop dropping ``qty``."""
        return self.service_fixed + self.service_per_unit * qty

    def vehicle_type(self, type_id: str) -> VehicleType:
        """The vehicle type with this id."""
        for v in self.vehicle_types:
            if v.id == type_id:
                return v
        raise KeyError(f"Unknown vehicle type {type_id!r}.")
