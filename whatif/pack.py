"""The meeting pack: place, route and simulate, then write the charts (PNG and one PDF) and the Excel plan.

The PDF is A4 throughout, numbered: the cover in plain words (``whatif.cover`` works out what it says), the key
figures over the simulated nights, then each chart on its own page. It carries no personal data. ``redact`` makes a
pack fit to share: in its workbook the names are reduced to surname plus 某 and phones are left out (ids kept).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import matplotlib as mpl
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from planning import Plan, PlanOptions, make_plan
from planning.make import ROUTING_ITERATIONS
from planning.map import routes_map
from planning.workbook import solve_words
from present.catalog import text
from present.fonts import rc
from present.lang import check_lang
from scenarios import Scenario, load
from scenarios.io import atomic_folder
from scenarios.personal import redact as redact_scenario
from scenarios.writers import write_csv
from sim import SimResult, simulate
from whatif.cover import SLOWER, cover_facts
from whatif.cover_page import COVER_LIST, chart_page, cover_pages, figures_page, list_page, number_pages
from whatif.cover_page import cover_page as _cover_page
from whatif.plan_risk import check_risk, verdict
from whatif.sweep import SweepResult, sweep
from whatif.variants import check_paths, grid

#: The PDF's metadata: no dates, so the same seed gives the same bytes.
PDF_METADATA = {"Creator": "labor-transfer", "Producer": "labor-transfer", "CreationDate": None, "ModDate": None}


@dataclass(frozen=True, eq=False)
class Pack:
    """Everything the meeting pack shows, built in memory before anything is written.

    ``figures``: the charts (each also written as PNG); ``pages``: the PDF's A4 pages, numbered. ``scenario`` is the
    scenario as the pack shows it (redacted when ``redacted``).
    """

    scenario: Scenario
    plan: Plan
    result: SimResult
    lang: str
    figures: dict[str, Figure] = field(default_factory=dict)
    sweep: SweepResult | None = None
    pages: list[Figure] = field(default_factory=list)
    redacted: bool = False
    #: The plan's risk check on the pack's simulated nights (``whatif.plan_risk``): its alternatives are on the cover.
    check: Any = None


def cover_page(sc: Scenario, plan: Plan, result: SimResult, lang: str = "zh") -> Figure:
    """The pack's cover for this plan and simulation (``whatif.cover_page`` draws it)."""
    return _cover_page(sc, cover_facts(sc, plan, result, lambda info: solve_words(info, lang)), result, lang)


def pack_pages(sc: Scenario, plan: Plan, result: SimResult, figures: dict[str, Figure], lang: str,
               slower: SimResult | None = None, check: Any = None) -> list[Figure]:
    """The PDF's pages: cover, key figures, one page per chart, and the full list of enterprises receiving nobody
    when the cover has no room for all of them; numbered 'page k of n'. ``slower``: the same nights with the roads
    10% slower (``whatif.cover.SLOWER``), said on the cover."""
    facts = cover_facts(sc, plan, result, lambda info: solve_words(info, lang), slower)
    pages = [*cover_pages(sc, facts, result, lang, check), figures_page(result, lang)]
    pages += [chart_page(name, fig, lang) for name, fig in figures.items()]
    if len(facts.unserved) > COVER_LIST:
        pages.append(list_page(text("cover.appendix", lang, n=len(facts.unserved)), list(facts.unserved), lang))
    number_pages(pages, lang)
    return pages


def build_pack(
    scenario: Scenario | str | Path,
    *,
    lang: str = "zh",
    replications: int = 100,
    seed: int = 1,
    plan_time_limit: float | None = None,
    plan_iterations: int | None = ROUTING_ITERATIONS,
    plan_options: PlanOptions | None = None,
    n_jobs: int = 2,
    axes: Mapping[str, Sequence[Any]] | None = None,
    sweep_replications: int | None = None,
    redact: bool = False,
    alternatives: str = "auto",
    standby: Sequence[str] = (),
) -> Pack:
    """Place, route and simulate (and sweep, when ``axes`` are given); all figures in memory.

    ``scenario`` is a Scenario (a name or path is loaded once); the sweep gets the same object. ``plan_options``
    (default: ``seed``, ``plan_time_limit`` and ``plan_iterations``) says how the plan is searched for;
    ``n_jobs`` is the number of worker processes of the simulation and the sweep; ``sweep_replications`` the
    nights per option of the sweep (default: ``replications``). ``redact``: a pack fit to share
    (names reduced to surname plus 某, no phones, ids kept). ``alternatives``: which the risk check tries
    (``whatif.plan_alternatives``: auto, quick or all). ``standby``: coach types booked, one each, to wait at the
    station (``pack --standby-coach``).
    """
    check_lang(lang)
    sc = scenario if isinstance(scenario, Scenario) else load(scenario)
    if axes:  # bad axes fail now, not after the plan and the simulation
        grid(axes)
        check_paths(sc, axes)
    options = plan_options or PlanOptions(seed=seed, time_limit=plan_time_limit, iterations=plan_iterations)
    plan = make_plan(sc, options)
    if standby:
        plan = dataclasses.replace(plan, standby=(*plan.standby, *standby))
    result = simulate(sc, plan, replications=replications, seed=seed, options={"n_jobs": n_jobs})
    # The same nights with the roads 10% slower than planned (common random numbers): for the cover.
    slower = simulate(sc.with_overrides(SLOWER), plan, replications=replications, seed=seed,
                      options={"n_jobs": n_jobs, "log": "lean"})
    shown = redact_scenario(sc) if redact else sc
    figures = {
        "coach_gantt": result.gantt(lang=lang),
        "checkins": result.checkin_chart(lang=lang),
        "station_crowd": result.crowd_chart(lang=lang),
        "last_checkin_nights": result.nights_chart(lang=lang),
        "routes_map": routes_map(sc, plan, lang),
    }
    swept = None
    if axes:
        swept = sweep(sc, axes, replications=sweep_replications or replications, seed=seed, n_jobs=n_jobs)
        kpis = ["p95_checkin_min", "share_by_deadline", "longest_wait_min"]
        figures["options"] = swept.options_chart(kpis, lang)
    check = check_risk(sc, plan, options, seed=seed, n_jobs=n_jobs, run=result,  # on the pack's own nights
                       alternatives=alternatives)
    pages = pack_pages(sc, plan, result, figures, lang, slower, check)
    return Pack(scenario=shown, plan=plan, result=result, lang=lang, figures=figures, sweep=swept, pages=pages,
                redacted=redact, check=check)


def write_pack(pack: Pack, out_dir: str | Path) -> list[Path]:
    """Write ``transport_plan.xlsx``, the PNG charts, ``sweep.csv`` and ``meeting_pack.pdf``.

    The files are written into a staging folder beside ``out_dir``, which replaces it whole only when all of them
    are written (``scenarios.io.atomic_folder``), so a failure anywhere leaves the earlier pack as it was.
    """
    from planning.export import manifest_table, placement_table, routes_table
    from planning.workbook import write_workbook

    out = Path(out_dir)
    written: list[Path] = []
    with atomic_folder(out) as staged:

        def stage(name: str) -> Path:
            written.append(out / name)
            return staged / name

        sc, plan, lang = pack.scenario, pack.plan, pack.lang
        write_workbook(
            stage("transport_plan.xlsx"),
            sc,
            plan,
            placement_table(sc, plan, lang),
            routes_table(sc, plan, lang),
            manifest_table(sc, plan, lang, phones=not pack.redacted),
            lang,
            None if pack.check is None else verdict(pack.check, sc, lang, plan, changes_scenario=False),
        )
        for name, fig in pack.figures.items():
            fig.savefig(stage(f"{name}.png"), dpi=130, format="png")
        if pack.sweep is not None:
            write_csv(pack.sweep.table, stage("sweep.csv"))
        metadata = {"Title": text("cover.title", lang), **PDF_METADATA}
        with mpl.rc_context(rc(lang)), PdfPages(stage("meeting_pack.pdf"), metadata=metadata) as pdf:
            for page in pack.pages:
                pdf.savefig(page)
    return written
