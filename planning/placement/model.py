"""Build the placement MILP over groups of identical workers.

Variables (all integer counts unless said otherwise):

- ``x[g,d,j]``: workers of group g placed in a post of job j, in their wished district d (``d == ""``: anywhere);
- ``y[g,e,j]``: returning workers of group g going back to their employer e for job j;
- ``f[v,d,j,s]``: workers of village group v and gender class s placed in district d for job j (the pooled ``x``;
  ``wish`` constraints keep room in the wished districts);
- ``z[e,j,s]``: posts of job j at enterprise e filled by workers of gender class s through ``f``
  (when villagers are kept in one enterprise, ``q[v,e,j,s]`` per village group v for its candidate enterprises,
  and ``pool[v,d,j,s]`` for the rest, which fill ``z`` and pay the enterprise penalty per worker);
- ``u[v,d]`` (binary): village group v has workers in district d; ``w[v,e]`` likewise per enterprise.

Only wishes and the village tell a group's districts apart and only the ride tells enterprises in a district
apart, so per (village, job, gender) the ``x`` flow equals the ``f`` flow and per (district, job, gender) the ``f``
flow equals the ``z`` flow: every solution splits into persons exactly (see ``extract``), and the model stays small.
Constraints carry names such as ``posts[E0001,general]`` and ``group[g0012]``.
"""

from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field

import pulp

from planning.placement.data import Data, person_points, scenario_data
from planning.placement.groups import Groups
from planning.placement.weights import Weights
from scenarios.scenario import Scenario

Key = tuple[str, ...]


@dataclass(eq=False)
class PlacementModel:
    """The PuLP problem and its variables, keyed as in the module docstring."""

    problem: pulp.LpProblem
    groups: Groups
    weights: Weights
    mode: str
    x: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    y: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    f: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    z: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    q: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    pool: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    u: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    w: dict[Key, pulp.LpVariable] = field(default_factory=dict)
    constraints: dict[str, pulp.LpConstraint] = field(default_factory=dict)
    seconds: float = 0.0

    def size(self) -> str:
        return (f"{len(self.groups)} groups, {self.problem.numVariables()} variables, "
                f"{self.problem.numConstraints()} constraints")


#: With villagers kept in one enterprise, a village's own variables go to this many enterprises per district and
#: job (the largest by posts, plus its workers' returning employers); other enterprises are reached through an
#: untracked pool that pays the village-enterprise penalty for every worker (never less than the true penalty).
ENTERPRISE_CANDIDATES = 6


def candidates(options: list[str], job: str, data: Data, returning: set[str]) -> list[str]:
    """The enterprises a village gets its own variables for (all of them when there are few)."""
    if len(options) <= ENTERPRISE_CANDIDATES:
        return list(options)
    ranked = sorted(options, key=lambda e: (-data.posts[(e, job)], e))
    keep = set(ranked[:ENTERPRISE_CANDIDATES]) | (returning & set(options))
    return [e for e in options if e in keep]


def _expr(pairs: list[tuple[pulp.LpVariable, float]]) -> pulp.LpAffineExpression:
    return pulp.LpAffineExpression(pairs)


def build_model(sc: Scenario, groups: Groups, weights: Weights | None = None) -> PlacementModel:
    """The placement MILP for ``sc`` over ``groups`` (see the module docstring)."""
    start = time.perf_counter()
    weights = weights or Weights()
    data = scenario_data(sc)
    mode = sc.policy.keep_villagers
    problem = pulp.LpProblem(f"placement_{sc.name}".replace(" ", "_"), pulp.LpMaximize)
    m = PlacementModel(problem=problem, groups=groups, weights=weights, mode=mode)
    table = groups.table
    objective: list[tuple[pulp.LpVariable, float]] = []
    constant = 0.0

    gi = {g: k for k, g in enumerate(table.index)}
    ji = {j: k for k, j in enumerate(data.jobs)}
    districts = sorted({d for d, _ in data.district_posts})
    di = {d: k for k, d in enumerate(districts)}
    ei = {e: k for k, e in enumerate(data.ent_ids)}
    villages = groups.villages
    vi = {v: k for k, v in enumerate(villages.index)}

    # Flows that the linking constraints collect.
    group_flow: dict[str, list] = defaultdict(list)
    posts_flow: dict[tuple[str, str], list] = defaultdict(list)
    beds_flow: dict[tuple[str, str], list] = defaultdict(list)
    quota_flow: dict[str, list] = defaultdict(list)
    village_district_flow: dict[tuple[str, str], list] = defaultdict(list)
    village_enterprise_flow: dict[tuple[str, str], list] = defaultdict(list)
    # x flow per (district, job, gender) [district mode] or per (village, district, job, gender) [enterprise mode]
    class_flow: dict[Key, list] = defaultdict(list)

    enterprises_of: dict[tuple[str, str], list[str]] = defaultdict(list)  # (district, job) -> enterprises
    for (e, j) in data.posts:
        enterprises_of[(data.ent_district[e], j)].append(e)

    # x: a group's workers per job, in their wished district (bonus) or anywhere; pooled per village and job.
    pool: dict[Key, list] = defaultdict(list)  # (village, job, gender) -> x
    wishers: dict[Key, list] = defaultdict(list)  # (village, district, job, gender) -> x in the wished district
    for g, n, v, skills, wd, wj, s in table[["n", "village", "skills", "wish_district", "wish_job",
                                              "gender"]].itertuples(name=None):
        for j in skills.split(";") if skills else []:
            where = [""] + ([wd] if wd and (wd, j) in data.district_posts else [])
            for d in where:
                if not d and not any((dd, j) in data.district_posts for dd in districts):
                    continue
                cap = data.district_posts[(d, j)] if d else n
                var = problem.add_variable(f"x_{gi[g]}_{ji[j]}_{di[d] if d else 'any'}", 0, min(n, cap),
                                           pulp.LpInteger)
                m.x[(g, d, j)] = var
                objective.append((var, person_points(weights, data, j, wd, wj, d)))
                group_flow[g].append((var, 1))
                pool[(v, j, s)].append((var, 1))
                if d:
                    wishers[(v, d, j, s)].append((var, 1))

    # f: a village's workers per district, job and gender; they fill enterprise slots (z, or q per village).
    for (v, j, s), pairs in pool.items():
        spread = []
        for d in districts:
            if (d, j) not in data.district_posts:
                continue
            var = problem.add_variable(f"f_{vi[v]}_{di[d]}_{ji[j]}_{s or 'a'}", 0,
                                       min(int(villages[v]), data.district_posts[(d, j)]), pulp.LpInteger)
            m.f[(v, d, j, s)] = var
            spread.append((var, 1))
            quota_flow[d].append((var, 1))
            village_district_flow[(v, d)].append((var, 1))
            class_flow[(v, d, j, s) if mode == "enterprise" else (d, j, s)].append((var, 1))
            if (v, d, j, s) in wishers:
                _add(m, f"wish[{v},{d},{j},{s or 'any'}]", _expr(wishers[(v, d, j, s)]) <= var)
        _add(m, f"village_jobs[{v},{j},{s or 'any'}]", _expr(pairs) == _expr(spread))

    skills_of = table["skills"].to_dict()
    about = dict(zip(table.index, table[["village", "wish_district", "wish_job", "gender"]].itertuples(
        index=False, name=None), strict=True))
    for g, e, n in groups.returning[["group", "enterprise", "n"]].itertuples(index=False, name=None):
        v, wd, wj, s = about[g]
        d = data.ent_district[e]
        pairs = []
        for j in skills_of[g].split(";") if skills_of[g] else []:
            if (e, j) not in data.posts:
                continue
            var = problem.add_variable(f"y_{gi[g]}_{ei[e]}_{ji[j]}", 0, min(n, data.posts[(e, j)]), pulp.LpInteger)
            m.y[(g, e, j)] = var
            pairs.append((var, 1))
            points = person_points(weights, data, j, wd, wj, d) + weights.returning
            objective.append((var, points - weights.near_per_hour * data.hours[e]))
            group_flow[g].append((var, 1))
            posts_flow[(e, j)].append((var, 1))
            if (e, s) in data.beds:
                beds_flow[(e, s)].append((var, 1))
            quota_flow[d].append((var, 1))
            village_district_flow[(v, d)].append((var, 1))
            village_enterprise_flow[(v, e)].append((var, 1))
        if pairs:
            _add(m, f"returning[{g},{e}]", _expr(pairs) <= n)

    # Enterprise-level flow: z per (enterprise, job, gender); with villagers kept in one enterprise, q per village
    # for its candidate enterprises, and the rest through an untracked pool at the price of one enterprise each.
    pool_flow: dict[Key, list] = defaultdict(list)
    returning_at: dict[str, set[str]] = defaultdict(set)
    for g, e in groups.returning[["group", "enterprise"]].itertuples(index=False, name=None):
        returning_at[about[g][0]].add(e)

    def fill(e: str, j: str, s: str, var: pulp.LpVariable) -> None:
        objective.append((var, -weights.near_per_hour * data.hours[e]))
        posts_flow[(e, j)].append((var, 1))
        if (e, s) in data.beds:
            beds_flow[(e, s)].append((var, 1))

    def z_slots(d: str, j: str, s: str) -> list:
        slots = []
        for e in enterprises_of[(d, j)]:
            var = problem.add_variable(f"z_{ei[e]}_{ji[j]}_{s or 'a'}", 0, data.posts[(e, j)], pulp.LpInteger)
            m.z[(e, j, s)] = var
            fill(e, j, s, var)
            slots.append((var, 1))
        return slots

    for key, pairs in class_flow.items():
        *head, d, j, s = key
        if mode != "enterprise":
            slots = z_slots(d, j, s)
        else:
            v = head[0]
            slots = []
            options = enterprises_of[(d, j)]
            chosen = candidates(options, j, data, returning_at[v])
            for e in chosen:
                var = problem.add_variable(f"q_{vi[v]}_{ei[e]}_{ji[j]}_{s or 'a'}", 0,
                                           min(int(villages[v]), data.posts[(e, j)]), pulp.LpInteger)
                m.q[(v, e, j, s)] = var
                village_enterprise_flow[(v, e)].append((var, 1))
                fill(e, j, s, var)
                slots.append((var, 1))
            if len(chosen) < len(options):
                var = problem.add_variable(f"p_{vi[v]}_{di[d]}_{ji[j]}_{s or 'a'}", 0, int(villages[v]),
                                           pulp.LpInteger)
                m.pool[(v, d, j, s)] = var
                objective.append((var, -weights.village_enterprise if villages[v] >= 2 else 0.0))
                pool_flow[(d, j, s)].append((var, 1))
                slots.append((var, 1))
        name = "flow[" + ",".join([*head, d, j, s or "any"]) + "]"
        _add(m, name, _expr(pairs) == _expr(slots))
    for (d, j, s), pairs in pool_flow.items():
        _add(m, f"pool[{d},{j},{s or 'any'}]", _expr(pairs) == _expr(z_slots(d, j, s)))

    sizes = table["n"].astype(int).to_dict()
    for g, pairs in group_flow.items():
        _add(m, f"group[{g}]", _expr(pairs) <= sizes[g])
    for (e, j), pairs in posts_flow.items():
        _add(m, f"posts[{e},{j}]", _expr(pairs) <= data.posts[(e, j)])
    for (e, s), pairs in beds_flow.items():
        _add(m, f"beds_{'female' if s == 'F' else 'male'}[{e}]", _expr(pairs) <= data.beds[(e, s)])
    for d, quota in data.quotas.items():
        if quota_flow.get(d):
            _add(m, f"quota[{d}]", _expr(quota_flow[d]) <= quota)

    if mode in ("district", "enterprise"):
        constant += _village_links(m, village_district_flow, villages, "u", weights.village_district, objective,
                                   lambda d: sum(p for (dd, _), p in data.district_posts.items() if dd == d), di)
    if mode == "enterprise":
        ent_posts: dict[str, int] = defaultdict(int)
        for (e, _), p in data.posts.items():
            ent_posts[e] += p
        constant += _village_links(m, village_enterprise_flow, villages, "w", weights.village_enterprise, objective,
                                   lambda e: ent_posts[e], ei)

    problem.setObjective(pulp.LpAffineExpression(objective, constant=constant))
    m.seconds = time.perf_counter() - start
    return m


def _village_links(m: PlacementModel, flows: dict[tuple[str, str], list], villages, prefix: str, penalty: float,
                   objective: list, capacity, index: dict[str, int]) -> float:
    """Binary ``prefix[v,place]`` >= share of village v at the place; pays ``penalty`` per place beyond the first."""
    by_village: dict[str, list] = defaultdict(list)
    vi = {v: k for k, v in enumerate(villages.index)}
    for (v, place), pairs in flows.items():
        if villages[v] < 2 or not pairs:
            continue
        var = m.problem.add_variable(f"{prefix}_{vi[v]}_{index[place]}", cat=pulp.LpBinary)
        getattr(m, prefix)[(v, place)] = var
        big = min(int(villages[v]), int(capacity(place)))
        _add(m, f"{'district' if prefix == 'u' else 'enterprise'}_of_village[{v},{place}]",
             _expr(pairs) <= big * var)
        by_village[v].append((var, 1))
        objective.append((var, -penalty))
    constant = 0.0
    for v, pairs in by_village.items():
        _add(m, f"{prefix}_some[{v}]", _expr(pairs) >= 1)
        constant += penalty
    return constant


def _add(m: PlacementModel, name: str, constraint: pulp.LpConstraint) -> None:
    m.problem.addConstraint(constraint, name)
    m.constraints[name] = constraint
