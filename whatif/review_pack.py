"""The review pack: the tables as CSV with headers in the planner's language, the planned-against-actual Gantt,
the records' skipped rows, and a few lines to read aloud (``review.txt``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.patches import Patch

from present.catalog import text
from present.clock import format_clock
from present.figure import Chart, figure
from present.fonts import rc
from present.lang import column as lang_column
from scenarios.io import atomic_path, write_text_atomic
from scenarios.writers import write_csv
from whatif.review_stats import percentile_of
from whatif.review_texts import header, word

if TYPE_CHECKING:
    from scenarios.scenario import Scenario
    from whatif.review import Review

TIME_COLUMNS = ("planned", "p5", "p50", "p95", "actual", "reached", "closed")
WORD_VALUES = ("measure", "seen_by")


def district_names(sc: Scenario, lang: str) -> dict[str, str]:
    """District id -> its name in ``lang`` (黄岛区（西海岸新区）, or Huangdao with ``lang='en'``)."""
    return dict(zip(map(str, sc.districts.index), sc.districts[lang_column(lang)].astype(str), strict=True))


def enterprise_names(sc: Scenario) -> dict[str, str]:
    """Enterprise id -> its name, as the scenario's enterprises table writes it."""
    return dict(zip(map(str, sc.enterprises.index), sc.enterprises["name"].astype(str), strict=True))


def shown(frame: pd.DataFrame, lang: str, sc: Scenario | None = None) -> pd.DataFrame:
    """Clock times as HH:MM, percentiles rounded, measures, yes/no and headers in ``lang``; with the scenario
    ``sc``, districts by their names and each enterprise id with the enterprise's name beside it."""
    out = frame.copy()
    for c in TIME_COLUMNS:
        if c in out:
            out[c] = [format_clock(v) for v in out[c]]
    for c in WORD_VALUES:
        if c in out:
            out[c] = [word(lang, "m_last_stop" if v == "last_stop" else v) for v in out[c]]
    for c in out.columns:
        if out[c].dtype == bool:
            out[c] = [text("word.yes" if v else "word.no", lang) for v in out[c]]
    if "percentile" in out:
        out["percentile"] = out["percentile"].round(0).astype("Int64")  # 95, not 95.0; none where no record
    districts = district_names(sc, lang) if sc is not None else {}
    if sc is not None and "district" in out:
        out["district"] = [districts.get(str(d), d) for d in out["district"]]
    if sc is not None and "enterprise_id" in out:
        names = enterprise_names(sc)
        out.insert(out.columns.get_loc("enterprise_id") + 1, "enterprise_name",
                   [names.get(str(e), "") for e in out["enterprise_id"]])
    out.columns = [header(lang, str(c), districts) for c in out.columns]
    return out


def stage_table(rv: Review, lang: str) -> pd.DataFrame:
    totals = rv.stage_totals()
    names = district_names(rv.scenario, lang)
    return pd.DataFrame({header(lang, "stage"): [header(lang, str(k), names) for k in totals.index],
                         header(lang, "minutes"): totals.round(1).to_numpy()})


def stages_by_trip(rv: Review, lang: str) -> pd.DataFrame:
    """Each coach trip's lateness split into stages, as people read it: the stages in the order of the night
    (train, station, the roads by district, stops), then the lateness and how far the records go."""
    st = rv.stages
    roads = sorted(c for c in st.columns if str(c).startswith("roads:"))
    first = [c for c in ("coach_id", "trip", "train", "station") if c in st.columns]
    order = [*first, *roads, *(c for c in st.columns if c not in first and c not in roads)]
    return shown(st[order].round(2), lang, rv.scenario)


def summary_lines(rv: Review, lang: str = "zh") -> list[str]:
    sc, rec = rv.scenario, rv.records
    lines = [rec.summary(lang)]
    if rec.train_arrival_min is not None:
        delays = rv.sim.kpis["train_delay_min"].to_numpy(dtype=float)
        late = rec.train_arrival_min - sc.arrival_min
        lines.append(word(lang, "s_train", planned=format_clock(sc.arrival_min),
                          actual=format_clock(rec.train_arrival_min), late=late, pct=percentile_of(late, delays)))
    if len(rec.checkins):
        last = float(rec.checkins["minutes"].max())
        sims = rv.sim.kpis["last_checkin_min"].to_numpy(dtype=float)
        p5, p95 = np.nanquantile(sims, [0.05, 0.95])
        lines.append(word(lang, "s_last", actual=format_clock(last), p5=format_clock(p5), p95=format_clock(p95),
                          pct=percentile_of(last, sims)))
        deadline = sc.latest_arrival_min
        after = int((rec.checkins["minutes"] > deadline).sum())
        if after:
            lines.append(word(lang, "s_deadline_missed", deadline=format_clock(deadline), n=after,
                              late=last - deadline))
        else:
            lines.append(word(lang, "s_deadline_met", deadline=format_clock(deadline)))
    c = rv.coaches.dropna(subset=["actual"])
    outside = c[(c["actual"] < c["p5"]) | (c["actual"] > c["p95"])]
    which = text("sep.list", lang).join(
        f"{r.coach_id}/{r.trip} {word(lang, 'm_last_stop' if r.measure == 'last_stop' else r.measure)}"
        for r in outside.head(6).itertuples(index=False)) or word(lang, "none")
    lines.append(word(lang, "s_outside", n=len(outside), which=which + (" …" if len(outside) > 6 else "")))
    if len(rv.closed):
        per = rv.closed.groupby("enterprise_id").size().sort_values(ascending=False)
        names = enterprise_names(sc)
        where = text("sep.semi", lang).join(word(lang, "s_closed_at", enterprise=names.get(str(e), e), n=n)
                                            for e, n in per.head(5).items()) + (" …" if len(per) > 5 else "")
        lines.append(word(lang, "s_closed", n=len(rv.closed), where=where))
    else:
        lines.append(word(lang, "s_closed_none"))
    totals = rv.stage_totals()
    if len(totals) >= 2:
        districts = district_names(sc, lang)
        lines.append(word(lang, "s_stage", stage=header(lang, str(totals.index[0]), districts),
                          minutes=totals.iloc[0], second=header(lang, str(totals.index[1]), districts),
                          minutes2=totals.iloc[1]))
    if rec.problems:
        lines.append(word(lang, "s_problems", n=len(rec.problems)))
    return lines


#: Room left beside the earliest and the latest time the Gantt draws (minutes).
GANTT_PAD_MIN = 10.0


def clock_step(span_min: float) -> float:
    """Minutes between the Gantt's ticks: round clock times, every 30 minutes up to about 6 hours, else hourly
    (every 2 hours past 12)."""
    return 30.0 if span_min <= 6 * 60 else 60.0 if span_min <= 12 * 60 else 120.0


def gantt(rv: Review, lang: str = "zh") -> Chart:
    """Per coach trip: the simulated 5-95% band of its last-stop arrival, the planned bar and the actual bar, a
    mark where a stop was reached after its dormitory closed, and the night's deadline (the policy's latest
    arrival) as a line; ticks on round clock times."""
    c = rv.coaches.pivot_table(index=["coach_id", "trip"], columns="measure",
                               values=["planned", "actual", "p5", "p95"], aggfunc="first")
    keys = list(c.index)
    deadline = rv.scenario.latest_arrival_min
    drawn = [deadline]
    with mpl.rc_context(rc(lang)):
        fig = figure(lang, figsize=(11, max(3.0, 0.42 * len(keys) + 1.5)), layout="constrained")
        ax = fig.add_subplot()
        for y, key in enumerate(keys):
            r = c.loc[key]
            lo, hi = r[("p5", "last_stop")], r[("p95", "last_stop")]
            if np.isfinite(lo) and np.isfinite(hi):
                ax.barh(y, hi - lo, left=lo, height=0.8, color="#dddddd", edgecolor="none")
                drawn += [lo, hi]
            for col, dy, colour in (("planned", -0.17, "#9ecae1"), ("actual", 0.17, "#d95f02")):
                a, b = r[(col, "depart")], r[(col, "last_stop")]
                if np.isfinite(a) and np.isfinite(b):
                    ax.barh(y + dy, b - a, left=a, height=0.3, color=colour, edgecolor="none")
                    drawn += [a, b]
        rows = {k: i for i, k in enumerate(keys)}
        late = rv.closed[rv.closed["seen_by"] == "coach"].drop_duplicates(["coach_id", "trip", "enterprise_id"])
        if len(late):
            ax.scatter(late["reached"], [rows.get((r.coach_id, r.trip), np.nan) + 0.17
                                         for r in late.itertuples(index=False)], marker="x", color="#b2182b", zorder=3)
            drawn += [float(v) for v in late["reached"]]
        ax.axvline(deadline, color="#b2182b", linestyle="--", linewidth=1.2, zorder=2)
        ax.set_xlim(min(drawn) - GANTT_PAD_MIN, max(drawn) + GANTT_PAD_MIN)
        ax.xaxis.set_major_locator(mpl.ticker.MultipleLocator(clock_step(max(drawn) - min(drawn))))
        ax.set_yticks(range(len(keys)), [f"{k[0]}/{k[1]}" for k in keys])
        ax.invert_yaxis()
        ax.set_xlabel(word(lang, "clock"))
        ax.set_title(word(lang, "gantt_title"))
        ax.xaxis.set_major_formatter(mpl.ticker.FuncFormatter(lambda v, _p: format_clock(v)))
        handles = [Patch(color="#9ecae1", label=word(lang, "planned_bar")),
                   Patch(color="#d95f02", label=word(lang, "actual_bar")),
                   Patch(color="#dddddd", label=word(lang, "band_bar")),
                   mpl.lines.Line2D([], [], color="#b2182b", linestyle="--", linewidth=1.2,
                                    label=word(lang, "deadline_line", t=format_clock(deadline)))]
        if len(late):
            handles.append(mpl.lines.Line2D([], [], marker="x", color="#b2182b", linestyle="",
                                            label=word(lang, "closed_mark")))
        fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), frameon=False)  # off the bars
    return fig


def write_review(rv: Review, out_dir: str | Path, lang: str = "zh") -> list[str]:
    """Write the pack into ``out_dir`` (an existing folder, e.g. a staged one): return the file names."""
    out = Path(out_dir)
    tables = {"review_coaches.csv": rv.coaches, "review_enterprises.csv": rv.enterprises,
              "review_districts.csv": rv.districts, "closed_dormitory.csv": rv.closed}
    for name, frame in tables.items():
        write_csv(shown(frame, lang, rv.scenario), out / name, encoding="utf-8-sig")
    write_csv(stage_table(rv, lang), out / "stages.csv", encoding="utf-8-sig")
    write_csv(stages_by_trip(rv, lang), out / "stages_by_trip.csv", encoding="utf-8-sig")
    write_text_atomic(out / "records_problems.txt", "\n".join(rv.records.problem_lines(lang)) + "\n")
    write_text_atomic(out / "review.txt", "\n".join(summary_lines(rv, lang)) + "\n")
    with mpl.rc_context(rc(lang)), atomic_path(out / "gantt.png") as tmp:
        gantt(rv, lang).savefig(tmp, format="png", dpi=110)
    return [*tables, "stages.csv", "stages_by_trip.csv", "records_problems.txt", "review.txt", "gantt.png"]
