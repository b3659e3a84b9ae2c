"""The season pack: tables, charts and each arrival's transport plan, written as one set."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from planning.season_display import arrivals_for_people
from present.columns import csv_table
from present.labels import reason_text
from whatif.season import SeasonResult

CHARTS = ("season_calendar.png", "season_risk.png", "season_posts.png")


def season_tables(result: SeasonResult, lang: str = "zh") -> dict[str, pd.DataFrame]:
    """The pack's tables by file name, for people in ``lang`` (``present.columns``: Chinese headers, clock times,
    words for kinds, points and coach types; in English the machine tables with their column names)."""
    from whatif.labels import coach_name

    sp = result.plan
    city = sp.nights[0].scenario if sp.nights else None
    unplaced = sp.unplaced().rename_axis("worker_id").reset_index()
    arrival = {"table": "season"}
    return {
        "season.csv": result.per_night() if lang == "en" else arrivals_for_people(result.per_night(), sp, lang),
        "coaches_per_day.csv": csv_table(sp.coaches_per_day(), lang,
                                         words={"coach_type": lambda t: coach_name(city, str(t), lang)}),
        "posts_filled.csv": csv_table(sp.posts_filled(), lang, **arrival, kinds={"share": "share"}),
        "unplaced.csv": csv_table(unplaced, lang, **arrival, words={"reason": lambda r: reason_text(r, lang)}),
        "nights.csv": csv_table(result.nights, lang, **arrival, kinds={"replication": "count"}),
    }


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
    tables = season_tables(result, lang)
    charts = zip(CHARTS, (calendar_chart(sp, lang), risk_chart(result, lang), posts_chart(sp, lang)), strict=True)
    with atomic_folder(out) as stage:  # the whole set, swapped in at once: never a mix of two seasons
        for name, frame in tables.items():
            write_csv(frame, stage / name, encoding="utf-8-sig")  # a BOM: Excel on Chinese Windows reads it
        for name, fig in charts:
            fig.savefig(stage / name, format="png", dpi=110, metadata={"Software": None})
        (stage / "summary.txt").write_text(result.summary(lang) + "\n", encoding="utf-8")
        for night in sp.nights:
            folder = stage / "nights" / night.arrival.id
            write_plan(night.scenario, night.plan, folder, lang=lang)
            save_plan(night.plan, folder)
        written = sorted(p.relative_to(stage) for p in stage.rglob("*") if p.is_file())
    return [out / p for p in written]
