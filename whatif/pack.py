"""The meeting pack: place, route and simulate, then write the charts (PNG and one PDF) and the Excel plan."""

from __future__ import annotations

import math
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
from present.figure import figure
from present.fonts import rc
from present.kpis import KPI_LABELS, format_kpi
from present.labels import place_name
from present.lang import check_lang
from scenarios import Scenario, load
from scenarios.io import atomic_folder
from sim import SimResult, simulate
from whatif.sweep import SweepResult, sweep
from whatif.variants import check_paths, grid

COVER_KPIS = (
    "p_on_time",
    "late_checkins",
    "p_last_after_deadline",
    "p50_checkin_min",
    "p95_checkin_min",
    "last_checkin_min",
    "share_by_deadline",
    "longest_wait_min",
    "largest_crowd",
    "coaches_used",
    "seat_use",
    "not_delivered",
)
COVER_TEXT = {
    "zh": {
        "title": "点对点劳务输送 · 会商材料",
        "train": "{date} {number} 次列车，{origin} → {station}，{arrival} 到站",
        "plan": "计划：{workers} 名务工人员，{ents} 家企业，{coaches} 辆车 {trips} 车次（{seats} 座）",
        "status": "安置：{placement}；路线：{routing}",
        "sim": "仿真：{n} 次重复（随机种子 {seed}）；均值与 95% 置信区间",
        "kpi": "指标",
        "mean": "均值",
        "ci": "95% 置信区间",
        "spread": "各夜 5%–95%",
        "deadline": "最晚到达 {t}",
    },
    "en": {
        "title": "Point-to-point labor transfer: meeting pack",
        "train": "{date} train {number}, {origin} → {station}, due {arrival}",
        "plan": "Plan: {workers} workers, {ents} enterprises, {coaches} coaches on {trips} trips ({seats} seats)",
        "status": "Placement: {placement}; routing: {routing}",
        "sim": "Simulation: {n} replications (seed {seed}); mean and 95% confidence interval",
        "kpi": "KPI",
        "mean": "Mean",
        "ci": "95% CI",
        "spread": "nights' 5%-95%",
        "deadline": "latest arrival {t}",
    },
}


@dataclass(frozen=True, eq=False)
class Pack:
    """Everything the meeting pack shows, built in memory before anything is written."""

    scenario: Scenario
    plan: Plan
    result: SimResult
    lang: str
    figures: dict[str, Figure] = field(default_factory=dict)
    sweep: SweepResult | None = None


def cover_page(sc: Scenario, plan: Plan, result: SimResult, lang: str = "zh") -> Figure:
    """A page with the train, the plan and the key figures with their confidence intervals."""
    text, labels = COVER_TEXT[lang], KPI_LABELS[lang]
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(8.27, 11.69))  # A4 portrait
        fig.text(0.5, 0.94, text["title"], ha="center", fontsize=20)
        coaches = plan.coaches
        lines = [
            text["train"].format(
                date=sc.meta.date,
                number=sc.train.number,
                origin=place_name(sc.train.origin, lang),
                station=sc.station.name_zh if lang == "zh" else sc.station.name_en,
                arrival=sc.train.arrival,
            ),
            text["plan"].format(
                workers=len(plan.placed),
                ents=plan.placed["enterprise_id"].nunique(),
                coaches=coaches["coach_id"].nunique(),
                trips=len(coaches),
                seats=sum(sc.fleet[t].seats for t in coaches["coach_type"]),
            ),
            text["status"].format(
                placement=plan.placement_info.describe() if plan.placement_info else "-",
                routing=plan.routing_info.describe() if plan.routing_info else "-",
            ),
            text["sim"].format(n=result.replications, seed=result.seed),
            text["deadline"].format(t=sc.policy.latest_arrival),
        ]
        for i, line in enumerate(lines):
            fig.text(0.08, 0.87 - 0.035 * i, line, fontsize=10.5)
        summary = result.kpi_table().set_index("kpi")
        rows = []
        for kpi in COVER_KPIS:
            if kpi in summary.index:
                s = summary.loc[kpi]
                ci = f"{format_kpi(kpi, s['ci_low'])} – {format_kpi(kpi, s['ci_high'])}"
                spread = f"{format_kpi(kpi, s['p5'])} – {format_kpi(kpi, s['p95'])}" if math.isfinite(s["p5"]) else ""
                rows.append([labels[kpi], format_kpi(kpi, s["mean"]), ci, spread])
        ax = fig.add_axes((0.08, 0.2, 0.84, 0.45))
        ax.axis("off")
        table = ax.table(
            cellText=rows,
            colLabels=[text["kpi"], text["mean"], text["ci"], text["spread"]],
            loc="upper center",
            cellLoc="left",
            colWidths=[0.34, 0.16, 0.25, 0.25],
        )
        table.auto_set_font_size(False)
        table.set_fontsize(11)
        table.scale(1, 1.8)
    return fig


def build_pack(
    scenario: Scenario | str | Path,
    *,
    lang: str = "zh",
    replications: int = 100,
    seed: int = 1,
    plan_time_limit: float = 30.0,
    plan_iterations: int | None = ROUTING_ITERATIONS,
    plan_options: PlanOptions | None = None,
    n_jobs: int = 2,
    axes: Mapping[str, Sequence[Any]] | None = None,
    sweep_replications: int = 30,
) -> Pack:
    """Place, route and simulate (and sweep, when ``axes`` are given); all figures in memory.

    ``scenario`` is a Scenario (a name or path is loaded once); the sweep gets the same object. ``plan_options``
    (default: ``seed``, ``plan_time_limit`` and ``plan_iterations``) says how the plan is searched for;
    ``n_jobs`` is the number of worker processes of the simulation and the sweep.
    """
    check_lang(lang)
    sc = scenario if isinstance(scenario, Scenario) else load(scenario)
    if axes:  # bad axes fail now, not after the plan and the simulation
        grid(axes)
        check_paths(sc, axes)
    options = plan_options or PlanOptions(seed=seed, time_limit=plan_time_limit, iterations=plan_iterations)
    plan = make_plan(sc, options)
    result = simulate(sc, plan, replications=replications, seed=seed, options={"n_jobs": n_jobs})
    figures = {
        "cover": cover_page(sc, plan, result, lang),
        "coach_gantt": result.gantt(lang=lang),
        "checkins": result.checkin_chart(lang=lang),
        "station_crowd": result.crowd_chart(lang=lang),
        "last_checkin_nights": result.nights_chart(lang=lang),
        "routes_map": routes_map(sc, plan, lang),
    }
    swept = None
    if axes:
        swept = sweep(sc, axes, replications=sweep_replications, seed=seed, n_jobs=n_jobs)
        kpis = ["p95_checkin_min", "share_by_deadline", "longest_wait_min"]
        figures["options"] = swept.options_chart(kpis, lang)
    return Pack(scenario=sc, plan=plan, result=result, lang=lang, figures=figures, sweep=swept)


def write_pack(pack: Pack, out_dir: str | Path) -> list[Path]:
    """Write ``transport_plan.xlsx``, the PNG charts, ``sweep.csv`` and ``meeting_pack.pdf``.

    The files are written into a staging folder beside ``out_dir``, which replaces it whole only when all of them
    are written (``scenarios.io.atomic_folder``), so a failure anywhere leaves the earlier pack as it was.
    """
    from planning.export import manifest_table, placement_table, routes_table, write_workbook

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
            manifest_table(sc, plan, lang),
            lang,
        )
        for name, fig in pack.figures.items():
            if name != "cover":
                fig.savefig(stage(f"{name}.png"), dpi=130, format="png")
        if pack.sweep is not None:
            pack.sweep.table.to_csv(stage("sweep.csv"), index=False)
        metadata = {"Title": COVER_TEXT[pack.lang]["title"], "Creator": "labor-transfer", "CreationDate": None}
        with mpl.rc_context(rc(pack.lang)), PdfPages(stage("meeting_pack.pdf"), metadata=metadata) as pdf:
            for fig in pack.figures.values():
                pdf.savefig(fig)
    return written
