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

from planning.placement.data import NEAR_ABOVE, Data, nearest, person_points, scenario_data
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


@dataclass
class _Flows:
    """The terms that the linking constraints collect, keyed by what they link."""

    group: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # g -> x and y
    posts: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))  # (e, j)
    beds: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))  # (e, gender)
    quota: dict[str, list] = field(default_factory=lambda: defaultdict(list))  # d
    village_district: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))  # (v, d)
    village_enterprise: dict[tuple[str, str], list] = field(default_factory=lambda: defaultdict(list))  # (v, e)
    # f per (district, job, gender) [district mode] or per (village, district, job, gender) [enterprise mode]
    to_slots: dict[Key, list] = field(default_factory=lambda: defaultdict(list))
    village_jobs: dict[Key, list] = field(default_factory=lambda: defaultdict(list))  # (v, j, gender) -> x
    wishers: dict[Key, list] = field(default_factory=lambda: defaultdict(list))  # (v, d, j, gender) -> wished x
    pooled: dict[Key, list] = field(default_factory=lambda: defaultdict(list))  # (d, j, gender) -> untracked pool


class _Builder:
    """Defines the variables and named constraints of the placement MILP, one ``_define_*`` step per family."""

    def __init__(self, sc: Scenario, groups: Groups, weights: Weights, near: bool = False) -> None:
        self.data = data = scenario_data(sc)
        self.mode = sc.policy.keep_villagers
        self.weights = weights
        problem = pulp.LpProblem(f"placement_{sc.name}".replace(" ", "_"), pulp.LpMaximize)
        self.m = PlacementModel(problem=problem, groups=groups, weights=weights, mode=self.mode)
        self.nearest = near and len(data.posts) > NEAR_ABOVE
        self._rival_counts: dict[tuple[str, str], int] = {}
        self.table = groups.table
        self.villages = groups.villages
        self.objective: list[tuple[pulp.LpVariable, float]] = []
        self.constant = 0.0
        self.flows = _Flows()
        self.gi = {g: k for k, g in enumerate(self.table.index)}
        self.ji = {j: k for k, j in enumerate(data.jobs)}
        self.districts = sorted({d for d, _ in data.district_posts})
        self.di = {d: k for k, d in enumerate(self.districts)}
        self.ei = {e: k for k, e in enumerate(data.ent_ids)}
        self.vi = {v: k for k, v in enumerate(self.villages.index)}
        self.enterprises_of: dict[tuple[str, str], list[str]] = defaultdict(list)  # (district, job) -> enterprises
        for e, j in data.posts:
            self.enterprises_of[(data.ent_district[e], j)].append(e)
        self.about = dict(zip(self.table.index, self.table[["village", "wish_district", "wish_job", "gender"]]
                              .itertuples(index=False, name=None), strict=True))

    def build(self) -> PlacementModel:
        self._define_group_jobs()
        self._define_village_districts()
        self._define_returning()
        self._define_enterprise_slots()
        self._define_capacities()
        self._define_village_links()
        self.m.problem.setObjective(pulp.LpAffineExpression(self.objective, constant=self.constant))
        return self.m

    def _var(self, name: str, up: float, low: float = 0) -> pulp.LpVariable:
        return self.m.problem.add_variable(name, low, up, pulp.LpInteger)

    def _define_group_jobs(self) -> None:
        """x: a group's workers per job, in their wished district (bonus) or anywhere; pooled per village and job."""
        data, flows = self.data, self.flows
        for g, n, v, skills, wd, wj, s in self.table[["n", "village", "skills", "wish_district", "wish_job",
                                                       "gender"]].itertuples(name=None):
            for j in skills.split(";") if skills else []:
                where = [""] + ([wd] if wd and (wd, j) in data.district_posts else [])
                for d in where:
                    if not d and not any((dd, j) in data.district_posts for dd in self.districts):
                        continue
                    cap = data.district_posts[(d, j)] if d else n
                    var = self._var(f"x_{self.gi[g]}_{self.ji[j]}_{self.di[d] if d else 'any'}", min(n, cap))
                    self.m.x[(g, d, j)] = var
                    self.objective.append((var, person_points(self.weights, data, j, wd, wj, d)))
                    flows.group[g].append((var, 1))
                    flows.village_jobs[(v, j, s)].append((var, 1))
                    if d:
                        flows.wishers[(v, d, j, s)].append((var, 1))

    def _define_village_districts(self) -> None:
        """f: a village's workers per district, job and gender, with ``wish[...]`` and ``village_jobs[...]``."""
        data, flows = self.data, self.flows
        for (v, j, s), pairs in flows.village_jobs.items():
            spread = []
            for d in self.districts:
                if (d, j) not in data.district_posts:
                    continue
                var = self._var(f"f_{self.vi[v]}_{self.di[d]}_{self.ji[j]}_{s or 'a'}",
                                min(int(self.villages[v]), data.district_posts[(d, j)]))
                self.m.f[(v, d, j, s)] = var
                spread.append((var, 1))
                flows.quota[d].append((var, 1))
                flows.village_district[(v, d)].append((var, 1))
                flows.to_slots[(v, d, j, s) if self.mode == "enterprise" else (d, j, s)].append((var, 1))
                if (v, d, j, s) in flows.wishers:
                    self._add(f"wish[{v},{d},{j},{s or 'any'}]", _expr(flows.wishers[(v, d, j, s)]) <= var)
            self._add(f"village_jobs[{v},{j},{s or 'any'}]", _expr(pairs) == _expr(spread))

    def _define_returning(self) -> None:
        """y: returning workers back to their employer per job, with ``returning[g,e]``."""
        data, flows, weights = self.data, self.flows, self.weights
        skills_of = self.table["skills"].to_dict()
        for g, e, n in self.m.groups.returning[["group", "enterprise", "n"]].itertuples(index=False, name=None):
            v, wd, wj, s = self.about[g]
            d = data.ent_district[e]
            pairs = []
            for j in skills_of[g].split(";") if skills_of[g] else []:
                if (e, j) not in data.posts:
                    continue
                var = self._var(f"y_{self.gi[g]}_{self.ei[e]}_{self.ji[j]}", min(n, data.posts[(e, j)]))
                self.m.y[(g, e, j)] = var
                pairs.append((var, 1))
                points = person_points(weights, data, j, wd, wj, d) + weights.returning
                self.objective.append((var, points - weights.near_per_hour * data.hours[e]))
                flows.group[g].append((var, 1))
                flows.posts[(e, j)].append((var, 1))
                if (e, s) in data.beds:
                    flows.beds[(e, s)].append((var, 1))
                flows.quota[d].append((var, 1))
                flows.village_district[(v, d)].append((var, 1))
                flows.village_enterprise[(v, e)].append((var, 1))
            if pairs:
                self._add(f"returning[{g},{e}]", _expr(pairs) <= n)

    def _rivals(self, j: str, s: str) -> int:
        """Workers who could take a post of job j or (with gender class s) a bed of gender s: an upper bound on
        how many can fill the posts and beds one more worker of (j, s) needs."""
        if (j, s) not in self._rival_counts:
            t = self.table
            can = t["skills"].map(lambda text: j in text.split(";")) | ((t["gender"] == s) if s else False)
            self._rival_counts[(j, s)] = int(t.loc[can, "n"].sum())
        return self._rival_counts[(j, s)]

    def _fill(self, e: str, j: str, s: str, var: pulp.LpVariable) -> None:
        """``var`` fills posts of job j at enterprise e (and beds of gender s): pays the ride, counts for both."""
        self.objective.append((var, -self.weights.near_per_hour * self.data.hours[e]))
        self.flows.posts[(e, j)].append((var, 1))
        if (e, s) in self.data.beds:
            self.flows.beds[(e, s)].append((var, 1))

    def _z_slots(self, d: str, j: str, s: str) -> list:
        """z per enterprise of district d with posts of job j, for workers of gender s (with ``nearest``, only the
        nearest of them that can hold every worker who could compete for their posts or beds; see ``nearest``)."""
        slots = []
        options = self.enterprises_of[(d, j)]
        if self.nearest:
            kept = nearest(options, self.data, j, s, self._rivals(j, s))
            options = [e for e in options if e in kept]
        for e in options:
            var = self._var(f"z_{self.ei[e]}_{self.ji[j]}_{s or 'a'}", self.data.posts[(e, j)])
            self.m.z[(e, j, s)] = var
            self._fill(e, j, s, var)
            slots.append((var, 1))
        return slots

    def _village_slots(self, v: str, d: str, j: str, s: str, returning_at: set[str]) -> list:
        """q per candidate enterprise of village v, and the untracked pool for the rest of the district."""
        data, villages = self.data, self.villages
        options = self.enterprises_of[(d, j)]
        chosen = candidates(options, j, data, returning_at)
        slots = []
        for e in chosen:
            var = self._var(f"q_{self.vi[v]}_{self.ei[e]}_{self.ji[j]}_{s or 'a'}",
                            min(int(villages[v]), data.posts[(e, j)]))
            self.m.q[(v, e, j, s)] = var
            self.flows.village_enterprise[(v, e)].append((var, 1))
            self._fill(e, j, s, var)
            slots.append((var, 1))
        if len(chosen) < len(options):
            var = self._var(f"p_{self.vi[v]}_{self.di[d]}_{self.ji[j]}_{s or 'a'}", int(villages[v]))
            self.m.pool[(v, d, j, s)] = var
            self.objective.append((var, -self.weights.village_enterprise if villages[v] >= 2 else 0.0))
            self.flows.pooled[(d, j, s)].append((var, 1))
            slots.append((var, 1))
        return slots

    def _define_enterprise_slots(self) -> None:
        """Enterprise-level flow with ``flow[...]`` (and ``pool[...]``): z per (enterprise, job, gender); with
        villagers kept in one enterprise, q per village for its candidate enterprises, the rest through a pool."""
        returning_at: dict[str, set[str]] = defaultdict(set)
        for g, e in self.m.groups.returning[["group", "enterprise"]].itertuples(index=False, name=None):
            returning_at[self.about[g][0]].add(e)
        for key, pairs in self.flows.to_slots.items():
            *head, d, j, s = key
            if self.mode != "enterprise":
                slots = self._z_slots(d, j, s)
            else:
                slots = self._village_slots(head[0], d, j, s, returning_at[head[0]])
            self._add("flow[" + ",".join([*head, d, j, s or "any"]) + "]", _expr(pairs) == _expr(slots))
        for (d, j, s), pairs in self.flows.pooled.items():
            self._add(f"pool[{d},{j},{s or 'any'}]", _expr(pairs) == _expr(self._z_slots(d, j, s)))

    def _define_capacities(self) -> None:
        """``group[g]``, ``posts[e,j]``, ``beds_female[e]``/``beds_male[e]`` and ``quota[d]``."""
        data, flows = self.data, self.flows
        sizes = self.table["n"].astype(int).to_dict()
        for g, pairs in flows.group.items():
            self._add(f"group[{g}]", _expr(pairs) <= sizes[g])
        for (e, j), pairs in flows.posts.items():
            self._add(f"posts[{e},{j}]", _expr(pairs) <= data.posts[(e, j)])
        for (e, s), pairs in flows.beds.items():
            self._add(f"beds_{'female' if s == 'F' else 'male'}[{e}]", _expr(pairs) <= data.beds[(e, s)])
        for d, quota in data.quotas.items():
            if flows.quota.get(d):
                self._add(f"quota[{d}]", _expr(flows.quota[d]) <= quota)

    def _define_village_links(self) -> None:
        """u (and w): which districts (enterprises) a village is in, each beyond the first paying its penalty."""
        data = self.data
        if self.mode in ("district", "enterprise"):
            district_posts: dict[str, int] = defaultdict(int)
            for (d, _), p in data.district_posts.items():
                district_posts[d] += p
            self._village_link(self.flows.village_district, "u", self.weights.village_district, district_posts,
                               self.di)
        if self.mode == "enterprise":
            ent_posts: dict[str, int] = defaultdict(int)
            for (e, _), p in data.posts.items():
                ent_posts[e] += p
            self._village_link(self.flows.village_enterprise, "w", self.weights.village_enterprise, ent_posts,
                               self.ei)

    def _village_link(self, flows: dict[tuple[str, str], list], prefix: str, penalty: float,
                      capacity: dict[str, int], index: dict[str, int]) -> None:
        """Binary ``prefix[v,place]`` >= share of village v at the place; pays ``penalty`` per place beyond the
        first (``district_of_village[v,d]``, ``u_some[v]``; ``enterprise_of_village[v,e]``, ``w_some[v]``)."""
        villages = self.villages
        by_village: dict[str, list] = defaultdict(list)
        for (v, place), pairs in flows.items():
            if villages[v] < 2 or not pairs:
                continue
            var = self.m.problem.add_variable(f"{prefix}_{self.vi[v]}_{index[place]}", cat=pulp.LpBinary)
            getattr(self.m, prefix)[(v, place)] = var
            big = min(int(villages[v]), int(capacity[place]))
            self._add(f"{'district' if prefix == 'u' else 'enterprise'}_of_village[{v},{place}]",
                      _expr(pairs) <= big * var)
            by_village[v].append((var, 1))
            self.objective.append((var, -penalty))
        for v, pairs in by_village.items():
            self._add(f"{prefix}_some[{v}]", _expr(pairs) >= 1)
            self.constant += penalty

    def _add(self, name: str, constraint: pulp.LpConstraint) -> None:
        self.m.problem.addConstraint(constraint, name)
        self.m.constraints[name] = constraint


def build_model(sc: Scenario, groups: Groups, weights: Weights | None = None, *,
                near: bool = False) -> PlacementModel:
    """The placement MILP for ``sc`` over ``groups`` (see the module docstring), its constraints named by family
    and key (``posts[E0001,general]``, ``quota[黄岛区]``) in ``PlacementModel.constraints``."""
    start = time.perf_counter()
    m = _Builder(sc, groups, weights or Weights(), near).build()
    m.seconds = time.perf_counter() - start
    return m
