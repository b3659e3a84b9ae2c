"""The placement score of any per-worker placement, computed directly (independent of the model's groups)."""

from __future__ import annotations

import pandas as pd

from planning.placement.data import person_points, scenario_data
from planning.placement.groups import worker_profiles
from planning.placement.weights import Weights
from scenarios.scenario import Scenario


def score(sc: Scenario, placement: pd.DataFrame, weights: Weights | None = None) -> float:
    """The objective the placement model maximises, for a placement with columns enterprise_id and job.

    Used to test the model against exhaustive search over per-worker assignments.
    """
    weights = weights or Weights()
    data = scenario_data(sc)
    prof = worker_profiles(sc)
    total = 0.0
    placed = placement[placement["enterprise_id"] != ""]
    for w, e, j in placed[["enterprise_id", "job"]].itertuples(name=None):
        d = data.ent_district[e]
        total += person_points(weights, data, j, prof.at[w, "wish_district"], prof.at[w, "wish_job"], d)
        total -= weights.near_per_hour * data.hours[e]
        if prof.at[w, "returning_employer"] == e:
            total += weights.returning
    mode = sc.policy.keep_villagers
    if mode in ("district", "enterprise") and len(placed):
        village = prof["village"].reindex(placed.index)
        spread = pd.DataFrame({"v": village, "d": placed["enterprise_id"].map(data.ent_district)})
        total -= weights.village_district * float((spread.groupby("v")["d"].nunique() - 1).sum())
        if mode == "enterprise":
            spread["e"] = placed["enterprise_id"]
            total -= weights.village_enterprise * float((spread.groupby("v")["e"].nunique() - 1).sum())
    return total
