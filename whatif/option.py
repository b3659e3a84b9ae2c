"""One option tried as a planner tries it (a slider): build the variant, plan it, say when there is no valid plan.

A variant has no valid plan when it cannot be built or planned (too few seats, no placement), when the plan checker
fails, or when the deadline cannot be met (a worker arrives after the latest arrival). Its numbers are then not
shown as if it had one: ``Option`` displays the reason instead.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from planning import PlanCheckError, make_plan
from planning.plan import Plan
from present.catalog import Msg, text
from present.clock import format_clock
from present.html import Page, display_lang
from present.labels import words
from present.lang import check_lang
from scenarios import Scenario, ScenarioError
from whatif.labels import variant_words
from whatif.variants import Variant

if TYPE_CHECKING:
    from planning.memo import PlanMemo


@dataclass(frozen=True)
class Problem:
    """Why an option has no valid plan: a catalog message, told in Chinese or English."""

    msg: Msg

    def text(self, lang: str = "zh") -> str:
        return self.msg.render(check_lang(lang))

    @property
    def zh(self) -> str:
        return self.text("zh")

    @property
    def en(self) -> str:
        return self.text("en")


def deadline_problem(sc: Scenario, plan: Plan) -> Problem | None:
    """The deadline cannot be met: some coach stop is reached after the policy's latest arrival."""
    if plan.routes is None or plan.routes.empty:
        return None
    late = plan.routes[plan.routes["arrive_min"] > sc.latest_arrival_min + 1e-9]
    if late.empty:
        return None
    n, last = int(late["workers"].sum()), format_clock(late["arrive_min"].max())
    deadline = format_clock(sc.latest_arrival_min)
    return Problem(Msg("option.late", n=n, deadline=deadline, last=last))


def error_problem(exc: Exception) -> Problem:
    """A planning failure as a reason (the checker's, or a clear ScenarioError's message)."""
    if isinstance(exc, PlanCheckError):
        return Problem(Msg("option.check_failed", detail=str(exc)))
    fix = getattr(exc, "fix_msg", None)
    inner = getattr(exc, "msg", None) or str(exc)
    return Problem(Msg("option.no_plan", inner=inner, fix=Msg("option.fix", fix=fix) if fix else ""))


def plan_or_problem(sc: Scenario, *, memo: PlanMemo | None = None,
                    **plan_options: Any) -> tuple[Plan | None, Problem | None]:
    """``make_plan(sc, strict=False, ...)`` and the reason the plan is not valid (None when it is); ``memo`` lends
    what earlier plans hold (``planning.memo``)."""
    try:
        plan = make_plan(sc, strict=False, memo=memo, **plan_options)
    except (ScenarioError, PlanCheckError) as exc:
        return None, error_problem(exc)
    return plan, deadline_problem(sc, plan)


@dataclass(frozen=True, eq=False)
class Option:
    """One option tried: its words, its plan and simulation, or why it has no valid plan."""

    overrides: dict[str, Any]
    words: tuple[str, str]
    plan: Plan | None = None
    result: Any = None  # a sim.SimResult when the option has a valid plan
    problem: Problem | None = None
    scenario: Scenario | None = field(default=None, repr=False)

    @property
    def valid(self) -> bool:
        return self.problem is None

    def label(self, lang: str = "zh") -> str:
        return self.words[0 if check_lang(lang) == "zh" else 1]

    def html(self, lang: str | None = None) -> str:
        """HTML: the option in words, then its KPIs, or why it has no valid plan (in red, no numbers)."""
        lang = lang or display_lang()
        page = Page(f"{words('option', lang)}{text('sep.colon', lang)}{self.label(lang)}")
        if self.problem is not None:
            return page.warnings([words("no_valid_plan", lang, why=self.problem.text(lang))]).render()
        from sim.display import kpi_display_table

        return page.table(kpi_display_table(self.result, lang), max_rows=40).render()

    def _repr_html_(self) -> str:
        return self.html()


def try_option(base: Scenario, overrides: Mapping[str, Any], *, replications: int = 5, seed: int = 0,
               iterations: int = 2000, time_limit: float | None = None, memo: PlanMemo | None = None) -> Option:
    """Build the variant, plan it (a seeded search of ``iterations``), and simulate it when the plan is valid.

    ``memo`` (``planning.memo.PlanMemo``, made for the same seed, iterations and time limit with ``strict=False``)
    lends the placement and district routes of earlier plans; ``whatif.slider.Slider`` holds one for a slider.
    """
    overrides = dict(overrides)
    names = (variant_words(overrides, "zh", base), variant_words(overrides, "en", base))
    try:
        sc = Variant(overrides).build(base)
    except ScenarioError as exc:
        return Option(overrides, names, problem=error_problem(exc))
    plan, problem = plan_or_problem(sc, memo=memo, seed=seed, iterations=iterations, time_limit=time_limit)
    if problem is not None:
        return Option(overrides, names, plan=plan, problem=problem, scenario=sc)
    from sim import simulate

    result = simulate(sc, plan, replications=replications, seed=seed)
    return Option(overrides, names, plan=plan, result=result, scenario=sc)
