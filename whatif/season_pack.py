"""The season pack: tables, charts and each arrival's transport plan, written as one set."""

from __future__ import annotations

from pathlib import Path

from whatif.season import SeasonResult

CHARTS = ("season_calendar.png", "season_risk.png", "season_posts.png")


def write_season(result: SeasonResult, out_dir: str | Path, lang: str = "zh") -> list[Path]:
    """season.csv (one row per arrival with its risk), coaches_per_day.csv, posts_filled.csv, unplaced.csv,
    nights.csv (every simulated night), the three charts, summary.txt, and ``nights/<arrival>/`` with each
    arrival's plan (placement.xlsx with its coach manifests, routes.csv, manifest.csv)."""
    from planning.export import write_plan
    from planning.store import save_plan
    from scenarios.io import atomic_folder
    from scenarios.writers import write_csv
    from whatif.season_charts import calendar_chart, posts_chart, risk_chart

    out = Path(out_dir)
    sp = result.plan
    tables = {"season.csv": result.per_night(), "coaches_per_day.csv": sp.coaches_per_day(),
              "posts_filled.csv": sp.posts_filled(), "unplaced.csv": sp.unplaced().reset_index(),
              "nights.csv": result.nights}
    charts = zip(CHARTS, (calendar_chart(sp, lang), risk_chart(result, lang), posts_chart(sp, lang)), strict=True)
    with atomic_folder(out) as stage:  # the whole set, swapped in at once: never a mix of two seasons
        for name, frame in tables.items():
            write_csv(frame, stage / name)
        for name, fig in charts:
            fig.savefig(stage / name, format="png", dpi=110, metadata={"Software": None})
        (stage / "summary.txt").write_text(result.summary(lang) + "\n", encoding="utf-8")
        for night in sp.nights:
            folder = stage / "nights" / night.arrival.id
            write_plan(night.scenario, night.plan, folder, lang=lang)
            save_plan(night.plan, folder)
        written = sorted(p.relative_to(stage) for p in stage.rglob("*") if p.is_file())
    return [out / p for p in written]
