"""Why a returning worker does not go back to their employer: the limit that binds, read from the model's data.

In order, the first that holds is the reason (``away_*`` codes, words in ``present.labels``):

- ``away_no_post``: the employer has no post for any job the worker can do;
- ``away_full``: every post there of the worker's jobs is taken;
- ``away_beds_f`` / ``away_beds_m``: its women's (men's) beds are all taken;
- ``away_quota``: the employer's district has reached its quota;
- ``away_group``: a post and a bed were free, and the worker goes with fellow villagers (the policy keeps them
  together) — the placement chose the group over the return;
- ``away_other``: none of these (a time-limited solve's shortfall, or the edit of a planner).
"""

from __future__ import annotations

import pandas as pd

from planning.placement.data import scenario_data
from planning.placement.groups import village_key
from scenarios.scenario import Scenario

AWAY = ("away_no_post", "away_full", "away_beds_f", "away_beds_m", "away_quota", "away_group", "away_other")


def away_reasons(sc: Scenario, placement: pd.DataFrame) -> pd.Series:
    """worker id -> the ``away_*`` code of every returning worker placed elsewhere or not placed."""
    data = scenario_data(sc)
    w = sc.workers.reindex(placement.index.astype(str))
    ent = placement["enterprise_id"].astype(str)
    employer = w["returning_employer"].fillna("").astype(str)
    away = employer.index[(employer != "") & (ent != employer)]
    taken_posts = placement[ent != ""].groupby(["enterprise_id", "job"]).size()
    gender = w["gender"].astype(str)
    taken_beds = pd.Series(1, index=placement.index)[ent != ""].groupby([ent[ent != ""], gender[ent != ""]]).sum()
    district = ent.map(sc.enterprises["district"]).fillna("")
    in_district = district[ent != ""].value_counts()
    village = pd.Series([village_key(str(c), str(v)) for c, v in zip(w["county"], w["village"], strict=True)],
                        index=w.index)
    mode = sc.policy.keep_villagers
    out = {}
    for wid in away:
        e = employer[wid]
        jobs = [j for j in str(w.at[wid, "skills"]).split(";") if j]
        open_jobs = [j for j in jobs if data.posts.get((e, j), 0) > 0]
        g = gender[wid]
        cap = data.beds.get((e, g))
        d = str(sc.enterprises.at[e, "district"]) if e in sc.enterprises.index else ""
        quota = data.quotas.get(d)
        if not open_jobs:
            code = "away_no_post"
        elif all(int(taken_posts.get((e, j), 0)) >= data.posts[(e, j)] for j in open_jobs):
            code = "away_full"
        elif cap is not None and int(taken_beds.get((e, g), 0)) >= cap:
            code = "away_beds_f" if g == "F" else "away_beds_m"
        elif quota is not None and int(in_district.get(d, 0)) >= quota:
            code = "away_quota"
        elif ent[wid] and _with_villagers(wid, village, ent, district, mode):
            code = "away_group"
        else:
            code = "away_other"
        out[wid] = code
    return pd.Series(out, dtype=object)


def _with_villagers(wid: str, village: pd.Series, ent: pd.Series, district: pd.Series, mode: str) -> bool:
    """Whether fellow villagers are placed where the worker is (same district, or enterprise when the policy keeps
    them in one)."""
    if mode not in ("district", "enterprise"):
        return False
    where = ent if mode == "enterprise" else district
    mates = village.index[(village == village[wid]) & (village.index != wid)]
    return bool((where.reindex(mates) == where[wid]).any())


def with_away_reasons(sc: Scenario, placement: pd.DataFrame) -> pd.DataFrame:
    """The placement with each away returning worker's code first in their reason."""
    codes = away_reasons(sc, placement)
    if codes.empty:
        return placement
    out = placement.copy()
    for wid, code in codes.items():
        rest = [c for c in str(out.at[wid, "reason"]).split(";") if c and not c.startswith("away_")]
        out.at[wid, "reason"] = ";".join([code, *rest]) if out.at[wid, "enterprise_id"] else out.at[wid, "reason"]
    return out
