"""The plan as the record readers look things up in it: coaches and their trips' stops, workers, enterprises."""

from __future__ import annotations

import pandas as pd

from planning.plan import Plan
from scenarios.scenario import STATION_ID, Scenario


class PlanIndex:
    """Lookups from record values (as written) to the plan's ids."""

    def __init__(self, sc: Scenario, plan: Plan) -> None:
        routes = plan.routes if plan.routes is not None else pd.DataFrame(columns=["coach_id", "trip", "enterprise_id",
                                                                                   "stop_order"])
        routes = routes.sort_values(["coach_id", "trip", "stop_order"], kind="stable")
        self.trips_of: dict[str, dict[int, list[str]]] = {}
        for (coach, trip), g in routes.groupby(["coach_id", "trip"], sort=True):
            self.trips_of.setdefault(str(coach), {})[int(trip)] = [str(e) for e in g["enterprise_id"]]
        placed = plan.placement[plan.placement["enterprise_id"] != ""]
        self.enterprise_of = {str(w): str(e) for w, e in placed["enterprise_id"].items()}
        ents = sc.enterprises
        self.by_name = {str(n): str(e) for e, n in ents["name"].items()}
        self.ids = {str(e) for e in ents.index}
        st = sc.station
        self.station_names = {STATION_ID, "车站", st.name_zh, st.name_en.lower()}
        self.places = sc.travel_model.places

    def enterprise(self, written: str) -> str | None:
        """An enterprise id from its id or exact name, or None."""
        return written if written in self.ids else self.by_name.get(written)

    def place(self, coach: str, trip: int, written: str) -> str | None:
        """'station' or the enterprise id of one of this coach trip's stops, or None."""
        if written in self.station_names or written.lower() in self.station_names:
            return STATION_ID if trip in self.trips_of.get(coach, {}) else None
        eid = self.enterprise(written)
        return eid if eid is not None and eid in self.trips_of.get(coach, {}).get(trip, []) else None

    def order(self, coach: str, trip: int, place: str) -> int:
        """0 for the station, else the stop's place in the trip (1, 2, ...)."""
        if place == STATION_ID:
            return 0
        return self.trips_of[coach][trip].index(place) + 1

    def visits(self, coach: str) -> list[tuple[int, str]]:
        """(trip, place) in the order the coach makes them: the station, then each stop, for each trip."""
        return [(trip, p) for trip, stops in sorted(self.trips_of.get(coach, {}).items())
                for p in (STATION_ID, *stops)]
