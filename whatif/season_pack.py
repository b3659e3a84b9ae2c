"""The season pack: tables, charts and each arrival's transport plan, written as one set."""

from __future__ import annotations

import io
from pathlib import Path

from whatif.season import SeasonResult

CHARTS = ("season_calendar.png", "season_risk.png", "season_posts.png")


def write_season(result: SeasonResult, out_dir: str | Path, lang: str = "zh") -> list[Path]:
    """season.csv (one row per arrival with its risk), coaches_per_day.csv, posts_filled.csv, unplaced.csv,
    nights.csv (every simulated night), the three charts, summary.txt, and ``nights/<arrival>/`` with each
    arrival's plan (placement.xlsx with its coach manifests, routes.csv, manifest.csv)."""
    from planning.export import write_plan
    from planning.store import save_plan
    from scenarios.io import atomic_path
    from scenarios.writers import write_csv
    from whatif.season_charts import calendar_chart, posts_chart, risk_chart

    out = Path(out_dir)
    sp = result.plan
    written: list[Path] = []
    tables = {"season.csv": result.per_night(), "coaches_per_day.csv": sp.coaches_per_day(),
              "posts_filled.csv": sp.posts_filled(), "unplaced.csv": sp.unplaced().reset_index(),
              "nights.csv": result.nights}
    for name, frame in tables.items():
        with atomic_path(out / name) as tmp:
            write_csv(frame, tmp)
        written.append(out / name)
    for name, fig in zip(CHARTS, (calendar_chart(sp, lang), risk_chart(result, lang), posts_chart(sp, lang)),
                         strict=True):
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
        with atomic_path(out / name) as tmp:
            tmp.write_bytes(buffer.getvalue())
        written.append(out / name)
    with atomic_path(out / "summary.txt") as tmp:
        tmp.write_text(result.summary(lang) + "\n", encoding="utf-8")
    written.append(out / "summary.txt")
    for night in sp.nights:
        folder = out / "nights" / night.arrival.id
        written += write_plan(night.scenario, night.plan, folder, lang=lang)
        written.append(save_plan(night.plan, folder))
    return written
