"""Why workers are unplaced, and which hard limits cannot all be met (and by how much).

Both are messages of the catalog (``present.catalog.placement``): a key with its parameters, names of job types and
districts in both languages, rendered by language where people read them."""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import pandas as pd

from planning.placement.data import scenario_data
from planning.placement.groups import worker_profiles
from present.lang import named
from scenarios.errors import Msg
from scenarios.scenario import Scenario


def shortfalls(sc: Scenario) -> list[str]:
    """The hard limits that cannot all be met, each with its shortage; empty when every worker can be placed.

    Checks, for every set of job types the workers' skills span, the workers who can only take those jobs against
    the posts for them (Hall's condition over skill sets); returning workers against their employer's posts;
    district quotas against the workers; and beds for women and for men.
    """
    data = scenario_data(sc)
    prof = worker_profiles(sc)
    notes: list[str] = []
    posts_by_job: dict[str, int] = defaultdict(int)
    for (_, j), p in data.posts.items():
        posts_by_job[j] += p
    skill_sets = {frozenset(s.split(";")) for s in prof["skills"].unique() if s}
    unions = {frozenset().union(*c) for r in range(1, len(skill_sets) + 1) for c in combinations(skill_sets, r)} \
        if len(skill_sets) <= 10 else skill_sets
    worker_sets = prof["skills"].map(lambda s: frozenset(s.split(";")) if s else frozenset())
    for jobs in sorted(unions, key=lambda s: (len(s), sorted(s))):
        demand = int(worker_sets.map(lambda s, jobs=jobs: s <= jobs).sum())
        supply = sum(posts_by_job[j] for j in jobs)
        if demand > supply:
            names = [j for j in data.jobs if j in jobs]
            notes.append(Msg("short.jobs", jobs="/".join(names), jobs_zh=_names(sc, names, "zh"), n=demand,
                             supply=supply, k=demand - supply))
    no_skill = int((prof["skills"] == "").sum())
    if no_skill:
        notes.append(Msg("short.skills", n=no_skill))
    ret = prof[prof["returning_employer"] != ""]
    for e, members in ret.groupby("returning_employer", sort=True):
        jobs = {j for s in members["skills"] for j in s.split(";") if j}
        room = sum(data.posts.get((e, j), 0) for j in jobs)
        if len(members) > room:
            notes.append(Msg("short.returning", ent=e, n=len(members), room=room, k=len(members) - room))
    if data.quotas:
        open_posts = sum(p for (e, _), p in data.posts.items() if data.ent_district[e] not in data.quotas)
        capacity = open_posts + sum(data.quotas.values())
        if len(prof) > capacity:
            notes.append(Msg("short.quotas", q=sum(data.quotas.values()), open=open_posts, room=capacity,
                             n=len(prof), k=len(prof) - capacity))
    posts_of = defaultdict(int)
    for (e, _), p in data.posts.items():
        posts_of[e] += p
    for gender, label in (("F", "women"), ("M", "men")):
        count = int((sc.workers["gender"] == gender).sum())
        room = sum(min(p, data.beds.get((e, gender), p)) for e, p in posts_of.items())
        if any(g == gender for _, g in data.beds) and count > room and room < sum(posts_of.values()):
            notes.append(Msg("short.beds", label=Msg(f"word.{label}"), count=count, room=room, k=count - room))
    return notes


def unplaced_reasons(sc: Scenario, placement: pd.DataFrame, solved_well: bool) -> pd.Series:
    """A reason for each unplaced worker, naming the limit that stopped them and the shortage behind it."""
    if not (placement["enterprise_id"] == "").any():
        return pd.Series({}, dtype=object)  # everyone placed: nothing to explain
    data = scenario_data(sc)
    prof = worker_profiles(sc)
    placed = placement[placement["enterprise_id"] != ""]
    used = placed.groupby(["enterprise_id", "job"]).size().to_dict()
    left = {ej: p - used.get(ej, 0) for ej, p in data.posts.items()}
    genders = sc.workers["gender"].astype(str)
    beds_used = placed.groupby(["enterprise_id", genders.reindex(placed.index)]).size().to_dict()
    beds_left = {es: cap - beds_used.get(es, 0) for es, cap in data.beds.items()}
    in_district = placed.groupby("district").size().to_dict()
    quota_left = {d: q - in_district.get(d, 0) for d, q in data.quotas.items()}
    demand_by_job: dict[str, int] = defaultdict(int)
    for s in prof["skills"]:
        for j in s.split(";"):
            if j:
                demand_by_job[j] += 1
    posts_by_job: dict[str, int] = defaultdict(int)
    for (_, j), p in data.posts.items():
        posts_by_job[j] += p

    reasons = {}
    known: dict[tuple[str, str, str], Msg] = {}  # workers alike share a reason
    for w in placement.index[placement["enterprise_id"] == ""]:
        key = (prof.at[w, "skills"], genders[w], prof.at[w, "wish_district"])
        if key not in known:
            known[key] = _reason(sc, *key, data, left, beds_left, quota_left, demand_by_job, posts_by_job,
                                 solved_well)
        reasons[w] = known[key]
    return pd.Series(reasons, dtype=object)


def _names(sc: Scenario, jobs: list[str], lang: str) -> str:
    """Job types by their names in ``lang`` ('General worker/Machine operator'); an unknown id as written."""
    return "/".join(named(sc.jobs[j], lang) if j in sc.jobs else j for j in jobs)


def _district(sc: Scenario, district: str) -> dict[str, str]:
    """A district's names as message parameters (``district``, ``district_zh``); an unknown id as written."""
    known = district in sc.districts.index
    return {f"district{suffix}": str(sc.districts.at[district, f"name_{lang}"]) if known else district
            for lang, suffix in (("en", ""), ("zh", "_zh"))}


def _jobs(sc: Scenario, jobs: list[str]) -> dict[str, str]:
    """Job types as message parameters (``jobs``, ``jobs_zh``)."""
    return {"jobs": _names(sc, jobs, "en"), "jobs_zh": _names(sc, jobs, "zh")}


def _reason(sc: Scenario, skill_text: str, gender: str, wish: str, data, left: dict, beds_left: dict,
            quota_left: dict, demand_by_job: dict, posts_by_job: dict, solved_well: bool) -> Msg:
    """The reason for one kind of unplaced worker (skills, gender, wished district): a catalog message."""
    skills = [j for j in skill_text.split(";") if j]
    if not skills:
        return Msg("unplaced.no_skill")
    free = [(e, j) for (e, j), k in left.items() if k > 0 and j in skills]
    parts = []
    if wish and not any(data.ent_district[e] == wish for e, _ in free):
        parts.append(Msg("unplaced.wish_full", **_district(sc, wish)))
    if not free:
        counts = [Msg("unplaced.job_count", job=_names(sc, [j], "en"), job_zh=_names(sc, [j], "zh"),
                      n=demand_by_job[j], posts=posts_by_job[j]) for j in skills]
        parts.append(Msg("unplaced.no_post", **_jobs(sc, skills), counts=counts))
    else:
        bedded = [(e, j) for e, j in free if beds_left.get((e, gender), 1) > 0]
        quota_ok = [(e, j) for e, j in bedded if quota_left.get(data.ent_district[e], 1) > 0]
        if not bedded:
            label = Msg("word.women" if gender == "F" else "word.men")
            parts.append(Msg("unplaced.no_beds", **_jobs(sc, skills), label=label, n=len(free)))
        elif not quota_ok:
            full = sorted({data.ent_district[e] for e, _ in bedded})
            parts.append(Msg("unplaced.quota", districts=[
                Msg("unplaced.quota_district", **_district(sc, d), quota=data.quotas[d]) for d in full]))
        elif not solved_well:
            parts.append(Msg("unplaced.stopped", n=len(quota_ok), **_jobs(sc, skills)))
        else:
            parts.append(Msg("unplaced.weights"))
    return parts[0] if len(parts) == 1 else Msg("unplaced.parts", parts=parts)


def unplaced_table(sc: Scenario, placement: pd.DataFrame) -> pd.DataFrame:
    """The unplaced workers by name: id (index), name, county, village, skills, wished district, reason."""
    out = placement[placement["enterprise_id"] == ""]
    w = sc.workers.reindex(out.index)
    return pd.DataFrame({"name": w["name"], "county": w["county"], "village": w["village"], "skills": w["skills"],
                         "wish_district": w["wish_district"], "reason": out["reason"]}, index=out.index)
