"""The few lines each command ends with, a planner can read them aloud: placed and not, enterprises served,
coaches, last arrival (median and 95th percentile over the simulated nights), the risk, where the files are."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from planning.plan import Plan
from present.catalog import rendered, text
from present.clock import format_clock
from present.labels import label, place_name
from present.lang import column, named
from scenarios.scenario import Scenario
from whatif.labels import coach_name
from whatif.messages import say

#: At most this many enterprises that get nobody are named; the rest are counted.
NAMED = 8


def plan_lines(sc: Scenario, plan: Plan, lang: str, unplaced_file: str = "placement.xlsx") -> list[str]:
    """Placed and not placed, enterprises served (and those that get nobody), coaches, the last planned stop."""
    unplaced = len(plan.unplaced)
    line = say(lang, "placed", placed=len(plan.placed), total=len(plan.placement), unplaced=unplaced)
    lines = [line + (say(lang, "unplaced_list", file=unplaced_file) if unplaced else "")]
    served = set(plan.placed["enterprise_id"])
    nobody = [e for e in sc.enterprises.index if e not in served]
    line = say(lang, "enterprises", total=len(sc.enterprises), served=len(served & set(sc.enterprises.index)))
    if nobody:
        names = [str(sc.enterprises.at[e, "name"]) for e in nobody[:NAMED]]
        more = len(nobody) - NAMED
        if more > 0:
            names.append(text("report.more", lang, n=more))
        line += say(lang, "no_one", names=text("sep.list", lang).join(names))
    lines.append(line)
    if plan.routes is not None and not plan.routes.empty:
        coaches = plan.coaches
        lines.append(say(lang, "coaches", coaches=coaches["coach_id"].nunique(), trips=len(coaches),
                         riders=int(coaches["workers"].sum())))
        margin = round(plan.margin_min)
        lines.append(say(lang, "planned_last", t=format_clock(float(plan.routes["arrive_min"].max())),
                         deadline=sc.policy.latest_arrival)
                     + (say(lang, "planned_margin", m=margin, by=format_clock(sc.latest_arrival_min - margin))
                        if margin else ""))
    if plan.standby:
        names = [coach_name(sc, t, lang) for t in plan.standby]
        lines.append(say(lang, "planned_standby", coaches=text("sep.list", lang).join(names)))
    return lines


def sim_lines(sc: Scenario, kpis, lang: str, headline: str | None = None) -> list[str]:
    """The last check-in's median and 95th percentile over the nights, and the nights with a late check-in;
    ``headline``: a line said in place of the on-time share (the risk check's, which gives the same share with its
    verdict), so the share is said once."""
    n = len(kpis)
    if n == 0:
        return []
    last = kpis["last_checkin_min"].to_numpy(dtype=float)
    last = last[np.isfinite(last)]
    lines = []
    if len(last):
        lines.append(say(lang, "sim_last", n=n, p50=format_clock(float(np.percentile(last, 50))),
                         p95=format_clock(float(np.percentile(last, 95)))))
    deadline = sc.policy.latest_arrival
    if "late_checkins" in kpis.columns:  # the headline and its parts, as sim.risk counts them
        from sim.risk import on_time

        risk = on_time(kpis)
        low, high = risk.headline.interval
        lines.append(headline or say(lang, "sim_on_time", n=n, p=_pct(risk.p), low=_pct(low), high=_pct(high),
                                     deadline=deadline))
        parts = {part: _pct(share.p) for part, share in risk.parts.items()}
        if len(parts) == 4:
            lines.append(say(lang, "sim_parts", closed=parts["closed"], after=parts["after_deadline"],
                             long_ride=parts["long_ride"], long_wait=parts["long_wait"], deadline=deadline,
                             ride=f"{sc.policy.max_ride_min:g}", wait=f"{sc.policy.max_station_wait_min:g}"))
        return lines
    bad = int((np.nan_to_num(kpis["last_checkin_min"].to_numpy(dtype=float), nan=np.inf)
               > sc.latest_arrival_min).sum())
    if bad:
        lines.append(say(lang, "risk", n=n, bad=bad, share=f"{100 * bad / n:.0f}%", deadline=deadline))
    else:
        lines.append(say(lang, "risk_none", n=n, deadline=deadline))
    return lines


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def where_line(out: Path, lang: str) -> str:
    return say(lang, "files", out=out)


def warning_lines(plan: Plan, lang: str) -> list[str]:
    """The plan's warnings (kept in plan.json as catalog keys), in ``lang``."""
    return [say(lang, "warning", text=rendered(w, lang)) for w in plan.warnings]



def check_lines(sc: Scenario, lang: str) -> list[str]:
    """A short summary of a scenario that loaded and validated."""
    fleet = text("sep.list", lang).join(
        say(lang, "check_fleet_item", name=named(c, lang), count=c.count)
        for c in sc.fleet.values())
    lines = [
        say(lang, "check_train", name=sc.name, date=sc.meta.date, number=sc.train.number,
            origin=place_name(sc.train.origin, lang), station=named(sc.station, lang), arrival=sc.train.arrival),
        say(lang, "check_workers", n=len(sc.workers), returning=int((sc.workers["returning_employer"] != "").sum())),
        say(lang, "check_posts", n=len(sc.enterprises), posts=int(sc.posts.to_numpy().sum()), fleet=fleet,
            seats=sc.total_seats),
    ]
    lines.extend(district_lines(sc, lang))
    lines.extend(night_lines(sc, lang))
    lines.extend(say(lang, "warning", text=rendered(w, lang)) for w in sc.warnings)
    lines.append(say(lang, "check_ok"))
    return lines


def night_lines(sc: Scenario, lang: str) -> list[str]:
    """The scenario's night model (``scenarios.disruptions``), one line a disruption, as ``check`` lists it."""
    d = sc.disruptions

    def state(on: bool) -> str:
        return say(lang, "night_on" if on else "night_off")

    def pct(x: float) -> str:
        return f"{100 * x:g}%"

    c = d.coach_no_show
    rule = say(lang, f"night_rule_{c.rule}", delay=f"{c.standby_delay_min:g}")
    return [
        say(lang, "night_model"),
        say(lang, "night_coach_no_show", state=state(c.enabled), p=pct(c.p), rule=rule,
            booked=f"{c.booked_standby_min:g}"),
        say(lang, "night_coach_late", p=pct(d.coach_late.p), mean=f"{d.coach_late.mean_min:g}",
            dist=say(lang, f"night_dist_{d.coach_late.distribution}")),
        say(lang, "night_missed_train", state=state(d.missed_train.enabled), p=pct(d.missed_train.p_per_worker)),
        say(lang, "night_late_train", state=state(d.late_train.enabled), p=pct(d.late_train.p),
            median=f"{d.late_train.median_min:g}", p95=f"{d.late_train.p95_min:g}"),
    ]


def district_lines(sc: Scenario, lang: str) -> list[str]:
    """Enterprises, posts and own-vehicle enterprises per district, a text table with headers in ``lang``
    (Chinese characters counted two wide, so the columns line up in a terminal)."""
    table = sc.district_table()
    names = sc.districts[column(lang)].reindex(table.index).fillna("")
    table.insert(0, "district", names.astype(str).to_numpy())
    table = table.rename(columns=lambda c: label(c, lang))
    with pd.option_context("display.unicode.east_asian_width", True):
        return table.to_string(index=False).splitlines()
