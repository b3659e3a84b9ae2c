"""A "true" night for testing calibration by recovery: the project's own model played with known parameters that
differ from the scenario's (slower roads in some districts, slower desks, a later train), once.

    truth = TrueNight(district_factors={"huangdao": 1.15}, desk_service_s=20.0, delay_median_min=35.0)
    night = play_true_night(sc, plan, truth, seed=3)       # a one-replication SimResult of the true night
    write_records(night, sc, plan, "records/", seed=3)      # what that night leaves (sim.truth_records)

The plan is the one made on the scenario as it is; only the night differs, as on a real night.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any

from planning.plan import Plan
from scenarios.calibrated import Calibrated
from scenarios.scenario import Scenario
from sim.run import SimResult, simulate


@dataclass(frozen=True)
class TrueNight:
    """The parameters of the true nights. ``None`` keeps the scenario's value.

    The train's delay is lognormal with the given median and 95th percentile (``delay_p95_min``): a train always
    late, which a mean can be recovered from. Travel: per-district factors (multiplying planned minutes, as a
    calibrated scenario's do) and the variability ``cv`` with its night-wide and district shares. The true roads are
    the planned minutes times these factors and that luck, nothing more: the scenario's ``travel.bias`` (the
    planner's uncertain error, an estimate the model carries) is 1 with no spread in a true night, so the factors are
    the whole of the truth's departure from the plan, which is what a calibration is to recover.
    """

    district_factors: dict[str, float] = field(default_factory=dict)
    desk_service_s: float | None = None
    board_s_per_person: tuple[float, float] | None = None
    delay_median_min: float | None = None
    delay_p95_min: float | None = None
    cv: float | None = None
    night_share: float | None = None
    district_share: float | None = None

    def overrides(self) -> dict[str, Any]:
        """The scenario overrides (dotted paths) of these parameters."""
        out: dict[str, Any] = {"travel.bias": 1.0, "travel.bias_cv": 0.0}
        if self.desk_service_s is not None:
            out["station.desk_service_s"] = self.desk_service_s
        if self.board_s_per_person is not None:
            out["station.board_s_per_person"] = list(self.board_s_per_person)
        if self.delay_median_min is not None:
            p95 = self.delay_p95_min if self.delay_p95_min is not None else 1.3 * self.delay_median_min
            out.update({"train.delay.kind": "mixture", "train.delay.p_on_time": 0.0,
                        "train.delay.late_median_min": self.delay_median_min, "train.delay.late_p95_min": p95})
        for name in ("cv", "night_share", "district_share"):
            if getattr(self, name) is not None:
                out[f"travel.{name}"] = getattr(self, name)
        return out


#: The true nights of the calibration benchmark and tests: Huangdao 15% slower, Jiaozhou 8% faster, desks 20 s
#: (the scenario says 15), boarding 6-10 s (4-8), a train 35 minutes late (median; 95% by 45), and roads that vary
#: less from night to night than the scenario assumes (cv 0.10, 30% of it night-wide; the scenario: 0.15, 70%).
BENCH_TRUTH = TrueNight(district_factors={"huangdao": 1.15, "jiaozhou": 0.92}, desk_service_s=20.0,
                        board_s_per_person=(6.0, 10.0), delay_median_min=35.0, delay_p95_min=45.0, cv=0.10,
                        night_share=0.3, district_share=0.1)


def true_scenario(sc: Scenario, truth: TrueNight) -> Scenario:
    """The scenario of the true nights: ``sc`` with the truth's values, its district factors as a calibration."""
    true_sc = sc.with_overrides(truth.overrides())
    if truth.district_factors:
        calibrated = Calibrated(nights=("truth",), method="known", district_factors=dict(truth.district_factors))
        true_sc = dataclasses.replace(true_sc, calibrated=calibrated)
    return true_sc


def play_true_nights(sc: Scenario, plan: Plan, truth: TrueNight, seed: int, nights: int = 1) -> SimResult:
    """``nights`` true nights of ``plan`` (replications of the true scenario, full event log)."""
    return simulate(true_scenario(sc, truth), plan, replications=nights, seed=seed, options={"log": "full"})
