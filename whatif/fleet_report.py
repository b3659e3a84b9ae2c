"""The fleet search's result: the statement a planner can sign, the table of candidates, the chart, the files."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from present.catalog import Msg, text
from scenarios.scenario import Scenario
from scenarios.writers import write_csv
from whatif.fleet import IDLE, MEETS, NO_PLAN, Evaluation
from whatif.fleet_candidates import Candidate, booked
from whatif.sequential import SequentialRule

FLEET_COLUMNS = ("fleet", "coaches", "standby", "buffer_min", "cost", "nights", "p_on_time", "p_low", "p_high",
                 "verdict", "meets_target", "recommended", "note")


def _pct(x: float) -> str:
    """A share in whole percent, with one decimal near the ends (so 199 of 200 is not shown as 100%)."""
    return f"{100 * x:.1f}%" if 0 < x < 0.01 or 0.99 < x < 1 else f"{100 * x:.0f}%"


@dataclass(frozen=True, eq=False)
class FleetResult:
    """Every candidate fleet evaluated, and the recommended one (None when none meets the target)."""

    scenario: Scenario
    rule: SequentialRule
    seed: int
    evaluations: list[Evaluation]
    recommended: Evaluation | None

    @property
    def nights(self) -> int:
        """Nights simulated over all candidates (those of a plan met again at another margin counted once)."""
        return sum(ev.nights for ev in self.evaluations if ev.same_as is None)

    def table(self, lang: str = "en") -> pd.DataFrame:
        """One row per candidate, cheapest first: counts per coach type, cost, nights, p_on_time and its interval."""
        rows = []
        for ev in self._ordered():
            low, high = ev.interval()
            row = {"fleet": ev.candidate.label(self.scenario, lang)}
            for tid in self.scenario.fleet:
                row[f"n_{tid}"] = dict(ev.candidate.counts).get(tid, 0)
            row |= {"coaches": ev.candidate.coaches, "standby": ev.candidate.standby,
                    "buffer_min": ev.candidate.buffer, "cost": ev.cost,
                    "nights": ev.nights, "p_on_time": ev.p_on_time if ev.nights else float("nan"),
                    "p_low": low, "p_high": high, "verdict": ev.verdict, "meets_target": ev.verdict == MEETS,
                    "recommended": ev is self.recommended, "note": ev.reason(lang) or self._same_note(ev, lang)}
            rows.append(row)
        return pd.DataFrame(rows)

    def shown_table(self, lang: str = "zh") -> pd.DataFrame:
        """``table`` as people read it (``present.columns``): headers in ``lang``, percentages, verdicts and yes/no
        in words, a column per coach type by its name."""
        from present.columns import for_people
        from whatif.labels import coach_name

        names = {f"n_{tid}": text("col.n_type", lang, name=coach_name(self.scenario, tid, lang))
                 for tid in self.scenario.fleet}
        return for_people(self.table(lang), lang, names=names, words={"verdict": "verdict."},
                          kinds={"p_low": "share", "p_high": "share", "cost": "money", "buffer_min": "count"})

    def csv_table(self, lang: str = "zh") -> pd.DataFrame:
        """What fleet.csv holds: ``shown_table`` in Chinese, the machine table (``table``) in English."""
        return self.table(lang) if lang == "en" else self.shown_table(lang)

    def _repr_html_(self) -> str:
        """Jupyter's display: the recommendation in words, then every candidate as people read it."""
        from present.clock import format_clock
        from present.html import Page, display_lang
        from present.labels import words

        lang = display_lang()
        lines = self.summary(lang).splitlines()
        page = Page(lines[0])
        plan = self.recommended.plan if self.recommended is not None else None
        if plan is not None and plan.routes is not None and len(plan.routes):
            c = plan.coaches
            clock = [format_clock(v, with_day=True, lang=lang) for v in (c["depart_min"].min(),
                                                                         c["last_arrive_min"].max())]
            page.facts([(words("first_depart_last_arrive", lang), " / ".join(clock))])
        for line in lines[1:]:
            page.note(line)
        return page.table(self.shown_table(lang), max_rows=60).render()

    def _ordered(self) -> list[Evaluation]:
        return sorted(self.evaluations, key=lambda e: (e.cost, e.candidate.coaches, e.candidate.buffer))

    def _same_note(self, ev: Evaluation, lang: str) -> str:
        if ev.verdict == IDLE:
            drives = Candidate(ev.drives).label(self.scenario, lang, margin=False)
            return text("fleet.idle", lang, drives=drives)
        if ev.same_as is None:
            return ""
        other = ev.same_as.label(self.scenario, lang)
        return text("fleet.same_routes", lang, other=other)

    def next_cheaper(self) -> Evaluation | None:
        """The dearest evaluated candidate that is cheaper than the recommendation (what saving it would risk).

        A simulated one comes first (a booking with idle coaches is not one: ``IDLE``); a fleet that could not be
        planned is named only when none cheaper was simulated (its cost has no routes in it), and then only at the
        recommendation's margin and without standbys."""
        rec = self.recommended
        if rec is None:
            return None
        cheaper = [ev for ev in self.evaluations if ev.cost < rec.cost and ev.nights]
        if not cheaper:
            cheaper = [ev for ev in self.evaluations if ev.cost < rec.cost and ev.candidate.standby == 0
                       and ev.candidate.buffer == rec.candidate.buffer and ev.verdict == NO_PLAN]
        return max(cheaper, key=lambda e: e.cost) if cheaper else None

    def closest(self) -> Evaluation | None:
        """With no recommendation: the simulated candidate with the highest share of good nights."""
        tried = [ev for ev in self.evaluations if ev.nights]
        return max(tried, key=lambda e: (e.p_on_time, -e.cost)) if tried else None

    def summary(self, lang: str = "zh") -> str:
        """The recommendation in words, with the evidence."""
        t, conf = self.rule.target, 1 - self.rule.alpha
        rec = self.recommended
        lines = []
        if rec is not None:
            low, high = rec.interval()
            lines.append(text("fleet.book", lang, fleet=rec.candidate.label(self.scenario, lang),
                              cost=f"{rec.cost:,.0f}", n=rec.nights, p=_pct(rec.p_on_time), low=_pct(low),
                              high=_pct(high), conf=_pct(conf), target=_pct(t),
                              latest=self.scenario.policy.latest_arrival))
            if rec.candidate.buffer:
                lines.append(self._margin_line(rec.candidate.buffer, lang))
            nxt = self.next_cheaper()
            if nxt is not None:
                lines.append(self._cheaper_line(nxt, lang))
        else:
            best = self.closest()
            lines.append(text("fleet.none_meets", lang, conf=_pct(conf), target=_pct(t)))
            if best is not None:
                low, high = best.interval()
                lines.append(text("fleet.closest", lang, fleet=best.candidate.label(self.scenario, lang),
                                  p=_pct(best.p_on_time), low=_pct(low), high=_pct(high), cost=f"{best.cost:,.0f}"))
                cause = self._cause_line(best, lang)
                if cause:
                    lines.append(cause)
            tried = sorted({ev.candidate.buffer for ev in self.evaluations})
            if tried != [0]:
                minutes = text("sep.list", lang).join(map(str, tried))
                lines.append(text("fleet.margins_tried", lang, minutes=minutes))
        lines.append(text("fleet.rule", lang, rule=self.rule.describe(lang)))
        lines.append(text("fleet.evaluated", lang, n=len(self.evaluations), nights=self.nights))
        return "\n".join(lines)

    def _cause_line(self, ev: Evaluation, lang: str) -> str:
        """What the failing nights of ``ev`` had late: the enterprises most often, own vehicles said as such."""
        failing = ev.nights - ev.good
        if failing <= 0 or not ev.late_nights:
            return ""
        top = sorted(ev.late_nights.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
        ents = self.scenario.enterprises
        parts = []
        for ent, n in top:
            own = ent in ents.index and ents.at[ent, "pickup"] == "own"
            parts.append(text("fleet.late_of", lang, n=n, ent=ent, why=Msg("fleet.own_tight") if own else ""))
        return text("fleet.failing", lang, n=failing, parts=text("sep.semi", lang).join(parts))

    def _margin_line(self, buffer: int, lang: str) -> str:
        sc = self.scenario
        planned = sc.clock(sc.latest_arrival_min - buffer)
        return text("fleet.margin", lang, planned=planned, buffer=buffer, deadline=sc.policy.latest_arrival)

    def _cheaper_line(self, ev: Evaluation, lang: str) -> str:
        name = ev.candidate.label(self.scenario, lang)
        if ev.verdict == NO_PLAN:
            return text("fleet.cheaper_no_plan", lang, name=name, cost=f"{ev.cost:,.0f}", why=ev.reason(lang))
        low, high = ev.interval()
        key = "fleet.cheaper_not_shown" if ev.p_on_time >= self.rule.target else "fleet.cheaper_short"
        return text(key, lang, name=name, cost=f"{ev.cost:,.0f}", p=_pct(ev.p_on_time), low=_pct(low), high=_pct(high),
                    nights=ev.nights)

    def __str__(self) -> str:
        return self.summary("en")

    def fleet_chart(self, lang: str = "zh"):
        """Cost against p_on_time with intervals, the target line and the recommendation marked."""
        from whatif.fleet_chart import fleet_chart

        return fleet_chart(self, lang)

    def write(self, out_dir: str | Path, lang: str = "zh") -> list[Path]:
        """fleet.csv, fleet.png, recommendation.txt and, when there is one, the recommended plan in ``plan/``:
        written as a set (``out_dir`` is replaced whole, or left as it was when writing fails). The plan's
        ``plan.json`` names the scenario with the booked fleet, which it was made and checked for."""
        from scenarios.io import atomic_folder

        out = Path(out_dir)
        with atomic_folder(out) as stage:
            written = self.write_into(stage, lang)
        return [out / p.relative_to(stage) for p in written]

    def write_into(self, folder: Path, lang: str = "zh") -> list[Path]:
        """The files of ``write`` into ``folder`` (a staging folder of a larger set, e.g. one of several delays)."""
        from planning.export import write_plan
        from planning.store import save_plan

        folder.mkdir(parents=True, exist_ok=True)
        write_csv(self.csv_table(lang), folder / "fleet.csv", encoding="utf-8-sig")
        self.fleet_chart(lang).savefig(folder / "fleet.png", format="png", dpi=120, metadata={"Software": None})
        (folder / "recommendation.txt").write_text(self.summary(lang) + "\n", encoding="utf-8")
        if self.recommended is not None and self.recommended.plan is not None:
            plan_dir = folder / "plan"
            write_plan(self.scenario, self.recommended.plan, plan_dir, lang=lang)
            save_plan(self.recommended.plan, plan_dir, sc=booked(self.scenario, self.recommended.candidate))
        return sorted(p for p in folder.rglob("*") if p.is_file())
