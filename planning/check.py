"""``check_plan``: verify a Plan against its scenario without trusting the solver that made it.

Each ``check_*`` function returns a list of violations (plain sentences naming the worker, enterprise or coach and
the numbers); ``check_plan`` gathers them. An empty list means the plan keeps every rule checked here.
"""

from __future__ import annotations

from collections import Counter

import pandas as pd

from planning.check_schedule import check_schedule
from planning.own import own_vehicle_capacity
from planning.plan import Plan, absent_workers
from scenarios.errors import Msg
from scenarios.scenario import Scenario

#: At most this many messages per kind of violation; the rest are summed up in one line.
MAX_PER_KIND = 20


def _zh(sc: Scenario, job: str) -> str:
    """A job type's Chinese name (its id when the scenario has no such job)."""
    return sc.jobs[job].name_zh if job in sc.jobs else job


def _skills(text: object) -> set[str]:
    return {s.strip() for s in str(text).split(";") if s.strip()}


def _capped(messages: list[str], kind: str) -> list[str]:
    if len(messages) <= MAX_PER_KIND:
        return messages
    return [*messages[:MAX_PER_KIND], Msg("chk.more", n=len(messages) - MAX_PER_KIND, kind=Msg(f"chk.kind_{kind}"))]


def check_rows(sc: Scenario, plan: Plan) -> list[str]:
    """Every worker has exactly one placement row; rows name known workers, enterprises and districts."""
    out = []
    p = plan.placement
    ids = p.index.astype(str)
    workers = set(sc.workers.index.astype(str))
    for w, k in Counter(ids).items():
        if k > 1:
            out.append(Msg("chk.rows_twice", w=w, k=k))
    out += [Msg("chk.stray_row", w=w) for w in sorted(set(ids) - workers)]
    out += [Msg("chk.no_row", w=w) for w in sorted(workers - set(ids))]
    district_of = sc.enterprises["district"].astype(str).to_dict()
    for w, e, d in zip(ids, p["enterprise_id"].astype(str), p["district"].astype(str), strict=True):
        if e == "":
            continue
        if e not in district_of:
            out.append(Msg("chk.unknown_ent", w=w, e=e))
        elif d != district_of[e]:
            out.append(Msg("chk.district", w=w, e=e, d=repr(d), real=district_of[e]))
    return _capped(out, "row")


def check_jobs(sc: Scenario, plan: Plan) -> list[str]:
    """Placed workers hold a post of a job type in their skills, at an enterprise with such posts."""
    out = []
    ent = sc.enterprises
    skills = sc.workers["skills"].map(_skills).to_dict()
    posts = {(e, c[len("posts_"):]): int(v) for c in ent.columns if c.startswith("posts_")
             for e, v in ent[c].items()}
    placed = plan.placed
    for w, e, j in zip(placed.index.astype(str), placed["enterprise_id"].astype(str), placed["job"].astype(str),
                       strict=True):
        if w not in skills or e not in ent.index:
            continue
        if j not in skills[w]:
            out.append(Msg("chk.skill", w=w, j=j or Msg("chk.no_job"), j_zh=_zh(sc, j) if j else Msg("chk.no_job"),
                               e=e, skills=";".join(sorted(skills[w])),
                               skills_zh="、".join(_zh(sc, s) for s in sorted(skills[w]))))
        elif posts.get((e, j), 0) <= 0:
            out.append(Msg("chk.no_posts", w=w, j=j, j_zh=_zh(sc, j), e=e))
    return _capped(out, "job")


def _usage(sc: Scenario, plan: Plan) -> tuple[Counter, Counter, Counter]:
    placed = plan.placed
    placed = placed[placed["enterprise_id"].isin(sc.enterprises.index)]
    posts = Counter(zip(placed["enterprise_id"], placed["job"], strict=True))
    gender = sc.workers["gender"].reindex(placed.index).fillna("")
    beds = Counter(zip(placed["enterprise_id"], gender, strict=True))
    districts = Counter(sc.enterprises.loc[placed["enterprise_id"], "district"])
    return posts, beds, districts


def check_capacity(sc: Scenario, plan: Plan) -> list[str]:
    """No enterprise over its posts per job type or its beds per gender; no district over its quota."""
    out = []
    ent = sc.enterprises
    posts, beds, districts = _usage(sc, plan)
    for (e, j), k in sorted(posts.items()):
        cap = int(ent.at[e, f"posts_{j}"]) if f"posts_{j}" in ent.columns else 0
        if k > cap:
            out.append(Msg("chk.over_posts", e=e, j=j, j_zh=_zh(sc, j), k=k, cap=cap))
    for (e, g), k in sorted(beds.items()):
        col = {"F": "max_female", "M": "max_male"}.get(g)
        if col and int(ent.at[e, col]) >= 0 and k > int(ent.at[e, col]):
            out.append(Msg("chk.over_beds", e=e, who=Msg("word.women" if g == "F" else "word.men"), k=k,
                           beds=int(ent.at[e, col])))
    for d, quota in sorted(sc.policy.district_quotas.items()):
        if districts.get(d, 0) > quota:
            out.append(Msg("chk.over_quota", d=d, k=districts[d], quota=quota))
    return _capped(out, "capacity")


def check_returning(sc: Scenario, plan: Plan) -> list[str]:
    """Returning workers are with their employer wherever it had room for one of their skills."""
    out = []
    ent = sc.enterprises
    posts, beds, districts = _usage(sc, plan)
    p = plan.placement
    at: dict[str, set[str]] = {}
    for wid, e in zip(p.index.astype(str), p["enterprise_id"].astype(str), strict=True):
        at.setdefault(wid, set()).add(e)
    w = sc.workers[sc.workers["returning_employer"] != ""]
    quotas = sc.policy.district_quotas
    post_cols = {c for c in ent.columns if c.startswith("posts_")}
    for wid, e, skills, gender in zip(w.index, w["returning_employer"].astype(str), w["skills"], w["gender"],
                                      strict=True):
        if wid not in at or e not in ent.index or e in at[wid]:
            continue
        free = {j: int(ent.at[e, f"posts_{j}"]) - posts.get((e, j), 0)
                for j in _skills(skills) if f"posts_{j}" in post_cols}
        free = {j: k for j, k in free.items() if k > 0}
        if not free:
            continue
        col = {"F": "max_female", "M": "max_male"}.get(str(gender))
        bed_room = not col or int(ent.at[e, col]) < 0 or beds.get((e, gender), 0) < int(ent.at[e, col])
        d = ent.at[e, "district"]
        quota_room = d not in quotas or districts.get(d, 0) < quotas[d]
        if bed_room and quota_room:
            room = ", ".join(f"{k} {j}" for j, k in sorted(free.items()))
            out.append(Msg("chk.returning", w=wid, e=e, room=room))
    return _capped(out, "returning")


def check_unplaced(sc: Scenario, plan: Plan) -> list[str]:
    """Every unplaced worker has a reason."""
    bad = plan.unplaced[plan.unplaced["reason"].astype(str).str.strip() == ""]
    return _capped([Msg("chk.no_reason", w=w) for w in bad.index], "reason")


def check_manifest(sc: Scenario, plan: Plan) -> list[str]:
    """Every placed coach-worker rides exactly once, on a trip to their enterprise; an own vehicle's workers ride a
    coach only beyond what it brings before the dormitory closes, and then it brings that many."""
    if plan.manifest is None and plan.routes is None:
        return []
    out = []
    man = plan.manifest if plan.manifest is not None else pd.DataFrame(columns=["worker_id", "coach_id", "trip",
                                                                             "boarding_order", "enterprise_id"])
    routes = plan.routes if plan.routes is not None else pd.DataFrame(columns=["coach_id", "trip", "enterprise_id"])
    ent = sc.enterprises
    placed = plan.placed["enterprise_id"].astype(str)
    placed = placed[~placed.index.duplicated()]
    own = set(ent.index[ent["pickup"] == "own"])
    rides = Counter(man["worker_id"].astype(str))
    absent = absent_workers(plan.placement)
    for w, e in placed.items():
        if e in own or e not in ent.index:
            continue
        if rides.get(w, 0) == 0 and absent.get(w, False):
            continue  # keeps the post, rides no coach tonight
        if rides.get(w, 0) == 0:
            out.append(Msg("chk.no_coach", w=w, e=e))
        elif rides[w] > 1:
            out.append(Msg("chk.many_trips", w=w, k=rides[w]))
    stops = set(zip(routes["coach_id"].astype(str), routes["trip"].astype(int),
                    routes["enterprise_id"].astype(str), strict=True))
    for w, c, t, e in man[["worker_id", "coach_id", "trip", "enterprise_id"]].astype(
            {"worker_id": str, "coach_id": str, "enterprise_id": str}).itertuples(index=False, name=None):
        if w not in placed.index:
            out.append(Msg("chk.not_placed", w=w, c=c))
            continue
        if e != placed[w]:
            out.append(Msg("chk.other_ent", w=w, c=c, e=e, placed=placed[w]))
        if (c, int(t), placed[w]) not in stops:
            out.append(Msg("chk.no_stop", w=w, c=c, t=t, placed=placed[w]))
    cap = own_vehicle_capacity(sc)
    on_coach = Counter(placed[w] for w in rides if w in placed.index)
    present = Counter(x for w, x in placed.items() if x in own and not absent.get(w, False))
    for e in sorted(own):
        by_own = present[e] - on_coach.get(e, 0)
        room = min(cap[e], present[e])
        if on_coach.get(e, 0) and by_own < room:
            out.append(Msg("chk.own_room", k=on_coach[e], e=e, by_own=by_own, cap=cap[e]))
        if by_own > cap[e]:
            out.append(Msg("chk.own_over", e=e, by_own=by_own, cap=cap[e]))
    order = man.groupby(["coach_id", "trip"])["boarding_order"]
    for (c, t), dup in (order.apply(lambda s: s.duplicated().any())).items():
        if dup:
            out.append(Msg("chk.boarding", c=c, t=t))
    return _capped(out, "manifest")


def check_coaches(sc: Scenario, plan: Plan) -> list[str]:
    """No trip over its coach type's seats; routes' workers match the manifest; fleet counts kept."""
    if plan.routes is None:
        return []
    out = []
    routes = plan.routes.astype({"coach_id": str, "coach_type": str, "enterprise_id": str})
    for t in sorted(set(routes["coach_type"]) - set(sc.fleet)):
        out.append(Msg("chk.type", t=t))
    types = routes.groupby("coach_id")["coach_type"].nunique()
    out += [Msg("chk.types", c=c, k=k) for c, k in types.items() if k > 1]
    loads = routes.groupby(["coach_id", "trip"]).agg(coach_type=("coach_type", "first"), workers=("workers", "sum"))
    man = plan.manifest
    carried = (man.astype({"coach_id": str}).groupby(["coach_id", "trip"]).size()
               if man is not None else pd.Series(dtype=int))
    for (c, t), row in loads.iterrows():
        seats = sc.fleet[row["coach_type"]].seats if row["coach_type"] in sc.fleet else None
        load = max(int(row["workers"]), int(carried.get((c, t), 0)))
        if seats is not None and load > seats:
            out.append(Msg("chk.over_seats", c=c, t=t, load=load, seats=seats, ctype=row["coach_type"]))
    if man is not None:
        by_stop = routes.groupby(["coach_id", "trip", "enterprise_id"])["workers"].sum()
        listed = man.astype({"coach_id": str, "enterprise_id": str}).groupby(
            ["coach_id", "trip", "enterprise_id"]).size()
        for key in sorted(set(by_stop.index) | set(listed.index)):
            a, b = int(by_stop.get(key, 0)), int(listed.get(key, 0))
            if a != b:
                c, t, e = key
                out.append(Msg("chk.drops", c=c, t=t, a=a, e=e, b=b))
    used = routes.groupby("coach_type")["coach_id"].nunique()
    for t, k in used.items():
        if t in sc.fleet and k > sc.fleet[t].count:
            out.append(Msg("chk.fleet", k=k, t=t, count=sc.fleet[t].count))
    return _capped(out, "coach")


CHECKS = (check_rows, check_jobs, check_capacity, check_returning, check_unplaced, check_manifest, check_coaches)


def check_plan(sc: Scenario, plan: Plan, strict: bool = True) -> list[str]:
    """All violations of the plan against the scenario; empty when the plan is sound.

    Not ``strict``: late trips and second trips on open routes are allowed (see ``check_schedule``).
    """
    found = [message for check in CHECKS for message in check(sc, plan)]
    return found + _capped(check_schedule(sc, plan, strict), "schedule")
