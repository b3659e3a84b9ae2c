"""``calibrate``: the parameters the records of one or more nights inform, with their uncertainty, as a scenario.

    cal = calibrate(sc, [("night1", plan1, records1), ("night2", plan2, records2)])
    cal.table()            # parameter, estimate, standard error, 90% interval, the scenario's value
    calibrated = cal.apply()   # the scenario with the estimates and a ``calibrated:`` section (plan, simulate, fleet)

How each is estimated is said in ``METHOD`` (and written into the scenario): the roads in ``sim.calibrate_roads``
(a mixed model on log leg-time ratios with a random night effect), the train, boarding and desks in
``sim.calibrate_station``. What the records do not inform (walking, the welcome, dwell at stops, dormitory check-in
desks) keeps the scenario's values.
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from planning.plan import Plan
from scenarios.calibrated import Calibrated
from scenarios.model import TrainDelay
from scenarios.records import Records
from scenarios.scenario import Scenario
from scenarios.travel import place_districts
from sim.calibrate_roads import RoadFit, fit_roads
from sim.calibrate_station import MIN_DELAY_NIGHTS, DeskFit, boarding_seconds, fit_delay, fit_desks

Z90 = Z95 = 1.6448536269514722  # a two-sided 90% interval is +-1.645 standard errors
METHOD = ("roads: linear mixed model on log(actual/planned leg minutes) with a random night effect and a district "
          "effect per night (Pinheiro & Bates 2000), factors by Gauss-Newton least squares, variance components by "
          "the method of moments; desks: simulated minimum distance on the coaches' first departures (McFadden 1989; "
          "an approximate Bayesian computation point estimate, Beaumont et al. 2002); train delay: lognormal fit of "
          "the nights' delays with a predictive 95th percentile; boarding: the log's boarding times over the workers "
          "aboard. Standard errors are asymptotic; intervals are estimate +- 1.645 SE.")


def road_legs(sc: Scenario, records: Records, night: str) -> pd.DataFrame:
    """Each leg the records time: its night, its ends' districts, the stop's district, planned and actual minutes."""
    where = place_districts(sc)
    st = records.stops.sort_values(["coach_id", "trip", "stop_order"], kind="stable")
    rows = []
    for (_coach, _trip), g in st.groupby(["coach_id", "trip"], sort=False):
        prev = None
        for r in g.itertuples(index=False):
            if prev is not None and r.stop_order == prev.stop_order + 1 and np.isfinite(prev.depart_min) \
                    and np.isfinite(r.arrive_min):
                minutes, _ = sc.travel_model.legs([prev.place], [r.place])
                rows.append((night, where.get(prev.place, ""), where.get(r.place, ""), where.get(r.place, ""),
                             float(minutes[0, 0]), float(r.arrive_min - prev.depart_min)))
            prev = r
    return pd.DataFrame(rows, columns=["night", "from_district", "to_district", "district", "planned", "actual"])


@dataclass
class Calibration:
    """Estimates from the records (see the module docstring)."""

    scenario: Scenario
    nights: list[str]
    delay: TrainDelay | None
    delay_mean: float
    delay_se: float
    n_delays: int
    board_mean_s: float
    board_se_s: float
    desks: DeskFit | None
    roads: RoadFit | None
    n_board: int = 0  # the coach trips whose boarding the log times (what the boarding estimate rests on)

    def table(self) -> pd.DataFrame:
        """One row per estimate: parameter, estimate, se, low and high (90%), the scenario's value, and how many
        records inform it (``records``) in what ``unit``: ``nights``, ``boardings`` (coach trips whose boarding the
        log times), ``departures`` (the first trips' recorded times at the station, reaching the bay and departing,
        which the desks are fitted to) or ``legs`` (recorded legs between stops)."""
        sc, rows = self.scenario, []

        def add(name: str, est: float, se: float, before: float, n: int, unit: str) -> None:
            rows.append((name, est, se, est - Z90 * se, est + Z90 * se, before, n, unit))

        if self.n_delays:  # the nights' mean delay, whether or not it is enough to replace the model
            d = sc.train.delay
            before = (d.p_on_time * d.on_time_max_min / 2 + (1 - d.p_on_time) * d.late_median_min
                      * math.exp((math.log(d.late_p95_min / d.late_median_min) / Z95) ** 2 / 2))
            add("train.delay_mean_min", self.delay_mean, self.delay_se, before, self.n_delays, "nights")
        if np.isfinite(self.board_mean_s):
            add("station.board_s_mean", self.board_mean_s, self.board_se_s,
                float(np.mean(sc.station.board_s_per_person)), self.n_board, "boardings")
        if self.desks is not None:
            add("station.desk_service_s", self.desks.desk_s, self.desks.se, sc.station.desk_service_s,
                self.desks.coaches, "departures")
        if self.roads is not None:
            r = self.roads
            for d in sorted(r.factors):
                add(f"district_factor.{d}", r.factors[d], r.se[d], 1.0, r.legs[d], "legs")
            add("travel.bias_cv", r.bias_cv, float("nan"), sc.travel.bias_cv, r.nights, "nights")
            if not r.assumed_shares:
                add("travel.cv", r.cv, float("nan"), sc.travel.cv, sum(r.legs.values()), "legs")
                add("travel.night_share", r.night_share, float("nan"), sc.travel.night_share, r.nights, "nights")
        return pd.DataFrame(rows, columns=["parameter", "estimate", "se", "low90", "high90", "scenario", "records",
                                           "unit"])

    def overrides(self) -> dict[str, Any]:
        """The scenario values the estimates replace (dotted paths)."""
        sc, out = self.scenario, {}
        if self.delay is not None:
            d = self.delay
            out.update({"train.delay.kind": "mixture", "train.delay.p_on_time": d.p_on_time,
                        "train.delay.late_median_min": d.late_median_min, "train.delay.late_p95_min": d.late_p95_min})
        if np.isfinite(self.board_mean_s):
            lo, hi = sc.station.board_s_per_person
            half = (hi - lo) / 2
            mid = max(self.board_mean_s, half + 0.1)
            out["station.board_s_per_person"] = [round(mid - half, 2), round(mid + half, 2)]
        if self.desks is not None:
            out["station.desk_service_s"] = round(self.desks.desk_s, 2)
        if self.roads is not None:  # the factors hold the measured level; what is left unknown of it, bias_cv
            out.update({"travel.bias": 1.0, "travel.bias_cv": round(self.roads.bias_cv, 4)})
        if self.roads is not None and not self.roads.assumed_shares:
            ns, ds = round(self.roads.night_share, 4), self.roads.district_share
            out.update({"travel.cv": round(min(self.roads.cv, 2.0), 4), "travel.night_share": ns,
                        "travel.district_share": round(min(ds, 1.0 - ns), 4)})
        return out

    def section(self) -> dict[str, Any]:
        """The ``calibrated:`` section: nights, method, district factors and every estimate as text."""
        old = self.scenario.calibrated.district_factors if self.scenario.calibrated else {}
        factors = dict(old)
        if self.roads is not None:
            for d, f in self.roads.factors.items():
                factors[d] = round(float(np.clip(f * old.get(d, 1.0), 0.3, 3.0)), 4)
        estimates = {}
        for r in self.table().itertuples(index=False):
            se = f" ± {r.se:.3g} (90%: {r.low90:.3g} to {r.high90:.3g})" if np.isfinite(r.se) else ""
            estimates[r.parameter] = f"{r.estimate:.4g}{se}; scenario {r.scenario:.4g}; from {r.records} {r.unit}"
        if self.delay is None and self.n_delays:
            estimates["train.delay"] = (f"{self.n_delays} night(s): the train's delay distribution kept from the "
                                        f"scenario (replaced from {MIN_DELAY_NIGHTS} nights on)")
        if self.roads is not None and self.roads.assumed_shares:
            estimates["travel.cv"] = "one night: travel.cv, night_share and district_share kept from the scenario"
        return {"nights": list(self.nights), "method": METHOD, "district_factors": factors, "estimates": estimates}

    def apply(self) -> Scenario:
        """The calibrated scenario: the estimates in place, the ``calibrated:`` section in its document."""
        new = self.scenario.with_overrides(self.overrides())
        section = self.section()
        raw = dict(new.raw)
        raw["calibrated"] = section
        return dataclasses.replace(new, raw=raw, calibrated=Calibrated(
            nights=tuple(section["nights"]), method=METHOD, district_factors=section["district_factors"],
            estimates=section["estimates"]))


def calibrate(sc: Scenario, nights: list[tuple[str, Plan, Records]], seed: int = 0) -> Calibration:
    """Estimate from the records of ``nights`` (name, the plan of that night, its records) for scenario ``sc``."""
    delays = [rec.train_arrival_min - sc.arrival_min for _, _, rec in nights if rec.train_arrival_min is not None]
    delay = fit_delay(sc, delays) if delays else None  # the mean delay from any night; the model from enough
    model = delay[0] if delay and len(delays) >= MIN_DELAY_NIGHTS else None
    board = [b for _, plan, rec in nights for b in boarding_seconds(plan, rec, sc.station.bay_pull_out_min)]
    board_mean = float(np.median(board)) if board else float("nan")  # the median: robust to a mis-noted time
    board_se = float(1.2533 * np.std(board, ddof=1) / math.sqrt(len(board))) if len(board) >= 2 else float("nan")
    lo, hi = sc.station.board_s_per_person
    range_ = (max(board_mean - (hi - lo) / 2, 0.0), max(board_mean - (hi - lo) / 2, 0.0) + (hi - lo)) if board \
        else (lo, hi)
    desks = fit_desks(sc, [(plan, rec) for _, plan, rec in nights], range_, seed)
    legs = pd.concat([road_legs(sc, rec, name) for name, _, rec in nights], ignore_index=True)
    legs = legs[(legs["from_district"] != "") & (legs["to_district"] != "")]
    roads = fit_roads(legs, sc.travel.cv, sc.travel.night_share, sc.travel.district_share) if len(legs) >= 3 else None
    return Calibration(sc, [n for n, _, _ in nights], model,
                       delay[1] if delay else float("nan"), delay[2] if delay else float("nan"), len(delays),
                       board_mean, board_se, desks, roads, len(board))


__all__ = ["METHOD", "Calibration", "calibrate", "road_legs"]
