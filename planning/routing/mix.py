"""The route search's mix: which searches run on a district and when each stops, as one option.

A district's search has two parts. PyVRP runs first as a route generator (its routes go to the pool and the start);
the project's own search follows: SISR feeding the pool, set-partitioning masters over it, and a local-search
polish. Each part stops on a count, never the clock, so the same seed gives the same routes on any machine:
``pyvrp`` stops after its share of the district's iterations, ``own`` after its share of what PyVRP left, and the
masters after their branch-and-bound nodes; ``Stop(share, stall)`` also ends a part once its best has not improved
for ``stall`` iterations (PyVRP's own NoImprovement count; ours whatever its routes). ``RouteSearch()`` is the
default mix (35% PyVRP, the rest ours); the benchmark's alternatives are ``RouteSearch(pyvrp=None)`` (own search
alone) and ``RouteSearch(own=None)`` (PyVRP alone, its routes recombined by the masters).
"""

from __future__ import annotations

import dataclasses
import math
from dataclasses import dataclass

from planning.routing.slices import Slices
from scenarios.errors import ScenarioError

#: Share of a district's iterations PyVRP gets as route generator before our own search (the rest is ours).
GENERATOR_SHARE = 0.35
#: Branch-and-bound nodes of the master in a search with an iteration budget: the middle masters, the last one.
#: A node count, not seconds, so that the same seed gives the same routes however busy the machine is.
MASTER_NODES = (300, 3000)
#: Nodes of the exact model (every feasible route enumerated) in a search with an iteration budget.
EXACT_NODES = 20_000
#: On the km objective (what PyVRP itself minimises): PyVRP's idle iterations before it stops, ours once the
#: district's routes are at its lower bound, and ours whatever its routes (benchmarks/results/routing_mixes.txt:
#: on the bundled nights the same coaches and km as the stops (300, 200) of c66ecf8, for 50-70% of their CPU; our
#: search confirmed PyVRP's km on 23 of 24 districts. Chosen on those nights: (300, 20, 100) gave 0.4% more km
#: on 2023).
KM_STALLS = (300, 40, 100)
#: The objective on which PyVRP's routes are what the search returns.
KM_OBJECTIVE = "vehicles_then_km"
#: The objectives PyVRP minimises itself (km, plain distance), and its share of the time on them when only a time
#: limit stops the search (elsewhere twice its share of the iterations, 70%): the rest is for our search and masters.
KM_OBJECTIVES = ("distance", KM_OBJECTIVE)
KM_CLOCK = 0.85
#: How a time-limited search on plain distance shares its time between PyVRP and ours (planning.routing.slices).
DEFAULT_SLICES = Slices()


def _fail(name: str, key: str, fix: str, **params: object) -> ScenarioError:
    return ScenarioError(key, field=f"search.{name}", fix=fix, **params)


def _count(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


@dataclass(frozen=True)
class Stop:
    """When one part of the route search stops: after ``share`` (0 < share <= 1) of the iterations it is offered
    (with only a time limit set, of the time), or earlier once its best has not improved for ``stall`` iterations
    (None: never earlier). Both are counts, so the same seed stops at the same iteration on any machine."""

    share: float
    stall: int | None = None

    def __post_init__(self) -> None:
        ok = isinstance(self.share, int | float) and not isinstance(self.share, bool)
        if not ok or not math.isfinite(self.share) or not 0 < self.share <= 1:
            raise _fail("share", "mix.share", "mix.share.fix", value=repr(self.share))
        if self.stall is not None and not _count(self.stall):
            raise _fail("stall", "mix.count", "mix.stall.fix", value=repr(self.stall))

    def of(self, iterations: int) -> int:
        """The iterations this part runs out of ``iterations`` offered."""
        return int(self.share * iterations)


@dataclass(frozen=True)
class RouteSearch:
    """The parts of a district's route search and their stops; None switches a part off (not both).

    ``pyvrp``: PyVRP's share of the district's iterations; ``own``: our search's share of the iterations PyVRP
    leaves; ``master_nodes``: nodes of the middle masters and of the last one; ``exact_nodes``: nodes of the exact
    model of a small district; ``stall`` (None: off): our own search stops on a district once its routes are at
    the district's lower bound and its best has not improved for that many iterations (the masters still run).
    ``km`` (PyVRP's idle count, ours at the bound, ours whatever the routes; None: off): on the km objective,
    PyVRP already minimises what the plan is judged by, so it stops after that many idle iterations and our search
    confirms its routes with those stalls, where it did not set its own (``for_objective``); on ride minutes our
    search is what pays and runs its share. ``clock`` (None: twice PyVRP's share of the iterations, ``KM_CLOCK`` on
    the km objectives unless ``km`` is None): PyVRP's share of the time when only a time limit stops the search.
    ``slices`` (None: off): with only a time limit, on plain distance, the time goes to PyVRP and our search in
    slices by what each returns (``planning.routing.slices``) instead of the ``clock`` split.
    """

    pyvrp: Stop | None = Stop(GENERATOR_SHARE)
    own: Stop | None = Stop(1.0)
    master_nodes: tuple[int, int] = MASTER_NODES
    exact_nodes: int = EXACT_NODES
    stall: int | None = None
    km: tuple[int, int, int] | None = KM_STALLS
    clock: float | None = None
    slices: Slices | None = DEFAULT_SLICES

    def __post_init__(self) -> None:
        for name in ("pyvrp", "own"):
            part = getattr(self, name)
            if part is not None and not isinstance(part, Stop):
                raise _fail(name, "mix.stop", "mix.stop.fix", value=repr(part))
        if self.pyvrp is None and self.own is None:
            raise _fail("own", "mix.both_off", "mix.both_off.fix")
        nodes = self.master_nodes
        if not isinstance(nodes, tuple) or len(nodes) != 2 or not all(_count(n) for n in nodes):
            raise _fail("master_nodes", "mix.nodes", "mix.nodes.fix", value=repr(nodes))
        if self.stall is not None and not _count(self.stall):
            raise _fail("stall", "mix.count", "mix.stall.fix", value=repr(self.stall))
        if not _count(self.exact_nodes):
            raise _fail("exact_nodes", "mix.count", "mix.exact.fix", value=repr(self.exact_nodes))
        km = self.km
        if km is not None and (not isinstance(km, tuple) or len(km) != 3 or not all(_count(n) for n in km)):
            raise _fail("km", "mix.km", "mix.km.fix", value=repr(km))
        clock = self.clock
        if clock is not None and (not isinstance(clock, int | float) or isinstance(clock, bool)
                                  or not math.isfinite(clock) or not 0 < clock <= 1):
            raise _fail("clock", "mix.share", "mix.clock.fix", value=repr(clock))
        if self.slices is not None and not isinstance(self.slices, Slices):
            raise _fail("slices", "mix.slices", "mix.slices.fix", value=repr(self.slices))

    def for_objective(self, objective: str) -> RouteSearch:
        """The mix a district with ``objective`` is searched with: on the km objectives PyVRP's ``clock`` share, and
        on coaches-then-km the ``km`` stops too (a stall set by hand is kept); otherwise this one."""
        if objective not in KM_OBJECTIVES or self.km is None:
            return self
        clock = KM_CLOCK if self.clock is None else self.clock
        if objective != KM_OBJECTIVE:
            return dataclasses.replace(self, clock=clock, km=None)
        pyvrp, own = self.pyvrp, self.own
        if pyvrp is not None and pyvrp.stall is None:
            pyvrp = Stop(pyvrp.share, self.km[0])
        if own is not None and own.stall is None:
            own = Stop(own.share, self.km[2])
        return dataclasses.replace(self, pyvrp=pyvrp, own=own, stall=self.stall or self.km[1], clock=clock, km=None)


DEFAULT_SEARCH = RouteSearch()
#: The most processes for the districts' searches.
MAX_JOBS = 64


def check_search(search: object, n_jobs: object) -> None:
    """``PlanOptions.search`` and ``PlanOptions.n_jobs`` checked (a ScenarioError names the field)."""
    if not isinstance(search, RouteSearch):
        raise ScenarioError("mix.search", field="search", fix="mix.search.fix", value=repr(search)[:40])
    if not _count(n_jobs) or n_jobs > MAX_JOBS:  # type: ignore[operator]
        raise ScenarioError("opts.whole", field="n_jobs", fix="opts.jobs.fix", low=1, high=MAX_JOBS,
                            value=repr(n_jobs)[:40])

__all__ = ["DEFAULT_SEARCH", "EXACT_NODES", "GENERATOR_SHARE", "KM_CLOCK", "KM_OBJECTIVE", "KM_OBJECTIVES", "KM_STALLS",
           "MASTER_NODES", "MAX_JOBS", "RouteSearch", "Stop", "check_search"]
