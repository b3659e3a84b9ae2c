"""The Spring Wind pack: tables for the bureau, a workbook per fair for the venue staff, and the charts.

    write_fair_pack(result, lists, out_dir, lang="zh")

Files: ``summary.txt``; ``matches.csv`` (every seeker: post or why not), ``recommendations.csv`` (the spread lists
with reasons), ``candidates_per_post.csv`` (each employer's list), ``posts.csv`` (filled places, why open),
``by_fair.csv``, ``by_district.csv``, ``by_occupation.csv``; ``fairs/<fair>.xlsx``; ``congestion.png``,
``districts.png``, ``open_posts.png``. Written into a staging folder and swapped in whole.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import numpy as np
import pandas as pd

from planning.match import spread as sp
from planning.match.match import FairMatch
from planning.match.report import (
    Lists,
    candidates_per_post,
    counts,
    matches,
    posts_filled,
    recommendations,
)
from planning.match.texts import header, say, sep
from present.catalog import text
from present.columns import show
from present.lang import column as lang_column
from scenarios.io import atomic_folder
from scenarios.writers import CellWriter, new_workbook, write_csv

#: How many recommendations of each seeker the fair's workbook shows.
SHOWN_IN_WORKBOOK = 3


def figures(result: FairMatch, lists: Lists, lang: str = "zh") -> dict[str, object]:
    """Every figure of the pack, computed once: exposure, Gini, NDCG (generated seasons), matches, groups."""
    m = result.market
    plain = sp.exposure(lists.pool, lists.plain, m.n_posts)
    spread = sp.exposure(lists.pool, lists.spread, m.n_posts)
    out: dict[str, object] = {
        "matched": int((result.post_of >= 0).sum()), "seekers": m.n_seekers, "posts": m.n_posts,
        "places": int(m.places.sum()), "blocking": result.matching.blocking.count,
        "blocking_before_repair": result.matching.blocking_before_repair, "groups": result.groups,
        "exposure_plain": plain, "exposure_spread": spread, "gini_plain": sp.gini(plain),
        "gini_spread": sp.gini(spread),
    }
    if result.sc.truth is not None:
        from planning.match.score import true_score

        pool = lists.pool
        rows = np.repeat(np.arange(m.n_seekers), pool.post.shape[1])
        truth = true_score(m, result.sc, rows, np.maximum(pool.post.ravel(), 0)).reshape(pool.post.shape)
        out["ndcg_plain"] = float(sp.ndcg(lists.plain, pool, truth, result.policy.k).mean())
        out["ndcg_spread"] = float(sp.ndcg(lists.spread, pool, truth, result.policy.k).mean())
    return out


def summary_lines(result: FairMatch, fig: dict[str, object], lang: str = "zh") -> list[str]:
    """The pack's closing lines."""
    g = result.groups
    lines = [result.sc.summary(lang), result.summary(lang),
             say(lang, "groups_line", one_enterprise=g.one_enterprise, one_district=g.one_district, split=g.split,
                 unmatched=g.unmatched),
             say(lang, "gini_line", k=result.policy.k, plain=fig["gini_plain"], spread=fig["gini_spread"])]
    if "ndcg_plain" in fig:
        lines.append(say(lang, "ndcg_line", k=result.policy.k, plain=fig["ndcg_plain"], spread=fig["ndcg_spread"],
                         ratio=fig["ndcg_spread"] / max(fig["ndcg_plain"], 1e-9)))  # type: ignore[operator]
    return lines


#: How the pack's columns are shown (``present.columns.show``): shares as percentages; a yes/no column is 是/否.
KINDS = {"fill_rate": "share"}


def _localised(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """A table of the pack as a planner reads it: headers in ``lang``, yes/no as words (是/否), shares as
    percentages (7.8%), the way the toolkit's other CSVs show them (``present.columns.show``). Whole columns at a
    time: a city's candidates run to a million rows."""
    out = frame.copy()
    yes, no = text("word.yes", lang), text("word.no", lang)
    for column in out.columns:
        if out[column].dtype == bool:
            out[column] = np.where(out[column].to_numpy(), yes, no)
        elif column in KINDS:
            out[column] = [show(v, KINDS[column], lang) for v in out[column].tolist()]
    out.columns = [header(c, lang) for c in frame.columns]
    return out


def _workbook(path: Path, fair: pd.Series, posts: pd.DataFrame, seekers: pd.DataFrame, lang: str) -> None:
    """One fair's workbook: its posts (places, matched, why open) and its registered seekers (match or why not,
    first recommendations)."""
    book = new_workbook(path, dt.date.fromisoformat(str(fair["date"])), title=str(fair["name"]))
    cells = CellWriter(book)
    head = {"bold": True, "bg_color": "#DCE6F1", "border": 1, "text_wrap": True}
    for title, frame in ((say(lang, "sheet_posts"), posts), (say(lang, "sheet_seekers"), seekers)):
        sheet = book.add_worksheet(title)
        sheet.write_string(0, 0, f"{fair['name']}  {fair['date']}  {fair['venue']}")
        shown = _localised(frame, lang)
        cells.write_row(sheet, 2, 0, list(shown.columns), head)
        for i, row in enumerate(shown.itertuples(index=False), start=3):
            cells.write_row(sheet, i, 0, list(row))
        for j, column in enumerate(shown.columns):
            width = max([len(str(column))] + [len(str(v)) for v in shown[column].head(200)])
            sheet.set_column(j, j, min(max(width * 1.6, 8), 60))
        sheet.freeze_panes(3, 0)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
    book.close()


def _file_name(ident: str, taken: set[str]) -> str:
    """A file name for a fair id read from a table: letters, digits, CJK, '-' and '_' only, never twice."""
    base = re.sub(r"[^0-9A-Za-z_\-\u4e00-\u9fff]", "_", str(ident))[:60] or "fair"
    name, k = base, 1
    while name.lower() in taken:
        k += 1
        name = f"{base}_{k}"
    taken.add(name.lower())
    return name


def _png(fig) -> bytes:  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110, metadata={"Software": None})
    return buffer.getvalue()


def write_fair_pack(result: FairMatch, lists: Lists, out_dir: str | Path, lang: str = "zh",
                    fig: dict[str, object] | None = None, tables: bool = False) -> list[str]:
    """Write the pack (see the module docstring; with ``tables``, the season's own tables in ``tables/``, to be
    edited and matched again); returns its summary lines."""
    from whatif.fair_charts import congestion_chart, district_chart, open_posts_chart

    fig = fig or figures(result, lists, lang)
    lines = summary_lines(result, fig, lang)
    sc = result.sc
    match = matches(result, lang)
    recs = recommendations(result, lists, lang)
    filled = posts_filled(result, lang)
    tables = {"matches.csv": match, "recommendations.csv": recs,
              "candidates_per_post.csv": candidates_per_post(result), "posts.csv": filled,
              "by_fair.csv": counts(result, "fair", lang), "by_district.csv": counts(result, "district", lang),
              "by_occupation.csv": counts(result, "occupation", lang)}
    with atomic_folder(out_dir) as stage:
        for name, frame in tables.items():
            write_csv(_localised(frame, lang), stage / name, encoding="utf-8-sig")
        (stage / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
        names = dict(zip(sc.districts.index, sc.districts[lang_column(lang)], strict=True))
        charts = {"congestion.png": congestion_chart(fig["exposure_plain"], fig["exposure_spread"],  # type: ignore
                                                     (fig["gini_plain"], fig["gini_spread"]),  # type: ignore
                                                     result.policy.k, lang),
                  "districts.png": district_chart(counts(result, "district", lang), names, lang),
                  "open_posts.png": open_posts_chart(filled["why_open"], lang)}
        for name, chart in charts.items():
            (stage / name).write_bytes(_png(chart))
        if tables:
            from scenarios.fair.read import write_fair

            write_fair(sc, stage / "tables", lang=lang)
        (stage / "fairs").mkdir()
        first = recs[recs["rank"] <= SHOWN_IN_WORKBOOK].copy()
        first["shown"] = [say(lang, "shown_post", post=p, enterprise=e, title=t) for p, e, t in
                          zip(first["post"], first["enterprise_name"], first["title"], strict=True)]
        first = first.groupby("seeker", sort=False).agg(shown=("shown", sep(lang).join))
        match = match.join(first, on="id")
        taken: set[str] = set()
        for fair_id, fair in sc.fairs.iterrows():
            posts = filled[filled["fair"] == fair_id].drop(columns=["fair"])
            seekers = match[match["fair"] == fair_id][["id", "name", "home", "group", "enterprise_name",
                                                       "occupation", "wage", "reasons", "shown"]]
            _workbook(stage / "fairs" / f"{_file_name(str(fair_id), taken)}.xlsx", fair, posts, seekers.fillna(""),
                      lang)
    return lines
