"""The risk check of a plan when it is made: ``plan`` and ``pack`` simulate the plan and hold it against the target.

The plan is simulated on the scenario's night (the same night model and seed as ``simulate``); the headline is
``sim.risk``'s. Below ``policy.target_on_time`` the check names the coaches and enterprises whose workers make
nights fail, and tries the other ways the toolkit can plan without new data (the desk order by coach, the other
route mode, a planning margin (the first step that binds, and more while each falls short);
then one more coach of each type, booked to wait by the station, on the safest of these), on the same simulated
nights (common random numbers), cheapest first, each stopped as soon as it is clearly above or below the target
(``whatif.plan_alternatives``), with its risk and cost, and recommends the cheapest that meets the target. Those
not tried are listed, with why (they cost more than the one that meets, or they plan the routes again and
``--alternatives`` left them out).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from planning.cost import trip_cost
from planning.options import PlanOptions
from planning.plan import Plan
from planning.workbook import Verdict
from present.catalog import text
from scenarios.scenario import Scenario
from sim.risk import Share, on_time, worker_flags
from whatif.plan_alternatives import (
    MARGIN_MIN,
    MARGIN_STEP,
    MARGIN_STEPS,
    MODES,
    REPLAN,
    Book,
    Candidate,
    plan_options,
    replanned,
    rule_for,
    standby_plans,
    tries_replan,
    try_in_order,
)

#: Nights the risk check simulates by default (``--risk-nights``; 0 skips the check).
RISK_NIGHTS = 60
#: Coaches and enterprises named as the ones whose nights fail.
NAMED = 5


@dataclass(frozen=True)
class Alternative:
    """One way to plan: its key (``current``, ``routes_open``, ``margin``, ...), risk, cost and coaches."""

    key: str
    share: Share | None
    cost: float  # NaN: the fleet has no prices
    coaches: int | None  # None: no plan was made (not tried, or no plan meets the rules)
    plan: Plan | None = field(default=None, repr=False, compare=False)
    why: dict[str, str] = field(default_factory=dict)  # why there is no plan, per language
    skipped: str = ""  # why it was not tried: "costlier" (than the one that meets) or "replan" (see --alternatives)

    def meets(self, target: float) -> bool:
        return self.share is not None and self.share.p >= target


@dataclass(frozen=True)
class RiskCheck:
    """The plan's headline against the target, who fails, and the alternatives (only when below the target)."""

    share: Share
    target: float
    coaches: tuple[tuple[str, int], ...]
    enterprises: tuple[tuple[str, int], ...]
    alternatives: tuple[Alternative, ...] = ()

    @property
    def meets(self) -> bool:
        return self.share.p >= self.target

    @property
    def recommended(self) -> Alternative | None:
        """The cheapest alternative that meets the target (fewest coaches when prices are missing)."""
        good = [a for a in self.alternatives if a.meets(self.target)]
        if not good:
            return None
        return min(good, key=lambda a: (a.cost if math.isfinite(a.cost) else math.inf, a.coaches, a.key))

    def table(self) -> pd.DataFrame:
        """One row per way of planning: key, p_on_time with its interval, coaches, cost, recommended."""
        rec = self.recommended
        rows = []
        for a in self.alternatives:
            low, high = a.share.interval if a.share is not None else (math.nan, math.nan)
            rows.append({"option": a.key, "p_on_time": a.share.p if a.share else math.nan, "p_low": round(low, 4),
                         "p_high": round(high, 4), "nights": a.share.nights if a.share else 0, "coaches": a.coaches,
                         "cost": a.cost, "meets_target": a.meets(self.target) if a.share is not None else None,
                         "recommended": a is rec,
                         "why_no_plan": a.why.get("en", ""), "not_tried": a.skipped})
        frame = pd.DataFrame(rows)
        if not frame.empty:
            frame["coaches"] = frame["coaches"].astype("Int64")  # blank where no plan was made, not 0
        return frame

    def csv_table(self, sc: Scenario, lang: str = "zh") -> pd.DataFrame:
        """What ``risk_check.csv`` holds: in Chinese each way of planning in the planner's words, the shares as
        percentages, 是/否 and why a way has no plan or was not tried; in English the machine table (``table``)."""
        from present.columns import csv_table

        frame = self.table()
        if lang != "en":
            frame["why_no_plan"] = [a.why.get(lang, "") for a in self.alternatives]
        return csv_table(frame, lang, table="risk", kinds={"p_low": "share", "p_high": "share", "cost": "money"},
                         words={"option": lambda k: alternative_name(str(k), sc, lang), "not_tried": "not_tried."})


def _simulate(sc: Scenario, plan: Plan, nights: int, seed: int, n_jobs: int):
    from sim import simulate

    return simulate(sc, plan, replications=nights, seed=seed, options={"log": "lean", "n_jobs": n_jobs})


def failing(run, sc: Scenario) -> tuple[tuple[tuple[str, int], ...], tuple[tuple[str, int], ...]]:
    """(coach, nights) and (enterprise name, nights) whose workers counted against a night, most nights first."""
    flags = worker_flags(run.timelines, run.workers)
    bad = flags[flags["bad"].to_numpy()]
    if bad.empty:
        return (), ()
    vehicle = run.timelines["worker_id"].map(run.workers.set_index("worker_id")["planned_vehicle"])
    bad = bad.assign(vehicle=vehicle[flags["bad"].to_numpy()].to_numpy())
    coaches = bad[bad["vehicle"] != ""].groupby("vehicle", observed=True)["replication"].nunique()
    ents = bad[bad["enterprise_id"] != ""].groupby("enterprise_id", observed=True)["replication"].nunique()
    names = sc.enterprises["name"].astype(str)

    def top(counts: pd.Series, name=lambda k: k) -> tuple[tuple[str, int], ...]:
        order = sorted(counts.items(), key=lambda kv: (-int(kv[1]), str(kv[0])))[:NAMED]
        return tuple((str(name(k)), int(v)) for k, v in order)

    return top(coaches), top(ents, lambda e: names.get(e, e))


def check_risk(sc: Scenario, plan: Plan, options: PlanOptions | None = None, nights: int = RISK_NIGHTS,
               seed: int = 0, n_jobs: int = 2, run=None, alternatives: str = "auto") -> RiskCheck:
    """Simulate ``plan`` (or read ``run``, a simulation of it) and hold its headline against the target; below it,
    try the alternatives on the same nights, cheapest first (``whatif.plan_alternatives``; ``alternatives``: auto,
    quick or all)."""
    if alternatives not in MODES:
        raise ValueError(f"alternatives(={alternatives!r}) must be one of {', '.join(MODES)}.")
    if run is None:
        run = _simulate(sc, plan, nights, seed, n_jobs)
    share = on_time(run.kpis).headline
    target = sc.policy.target_on_time
    coaches, ents = failing(run, sc)
    current = Alternative("current", share, trip_cost(sc, plan), _coaches(plan), plan)
    if share.p >= target:
        return RiskCheck(share, target, coaches, ents, (current,))
    book = Book(sc, plan, run.seed, n_jobs)
    book.add(run)
    rows = _alternatives(sc, Candidate("current", current.cost, current.coaches, book), share,
                         options or PlanOptions(seed=seed), rule_for(run.replications, target), alternatives)
    return RiskCheck(share, target, coaches, ents, (current, *rows))


def _coaches(plan: Plan) -> int:
    return int(plan.coaches["coach_id"].nunique()) if plan.routes is not None else 0


def _alternatives(sc: Scenario, current: Candidate, share: Share, opts: PlanOptions, rule,
                  mode: str) -> list[Alternative]:
    """The alternatives, tried cheapest first: the desk order and (when ``mode`` says so) the re-planned ones; then
    one more coach of each type on the safest plan tried, when it would cost less than the one that meets."""
    from whatif.option import plan_or_problem

    plan, seed, n_jobs = current.book.plan, current.book.seed, current.book.n_jobs
    candidates, rows = [], []
    if sc.station.desk_order != "coach":  # the same plan; the night has the gift packs in departure order
        desk = sc.with_overrides({"station.desk_order": "coach"})
        candidates.append(Candidate("desk_coach", current.cost, current.coaches, Book(desk, plan, seed, n_jobs)))
    def planned(key: str, planning: Scenario, margin: int) -> Candidate | None:
        """The re-planned alternative as a candidate; None (with its row) when there is no valid plan."""
        made, problem = plan_or_problem(planning, **{**plan_options(opts), "margin_min": margin})
        if made is None or made.routes is None or problem is not None:
            why = {lang: problem.text(lang)[:160] for lang in ("zh", "en")} if problem is not None else {}
            rows.append(Alternative(key, None, math.nan, None, None, why))
            return None
        return Candidate(key, trip_cost(sc, made), _coaches(made), Book(sc, made, seed, n_jobs))

    margins = []
    for key, planning, margin in replanned(sc, plan, opts.margin_min):
        if not tries_replan(plan, mode, key):
            rows.append(Alternative(key, None, math.nan, None, skipped=REPLAN))
            continue
        made = planned(key, planning, margin)
        if made is not None:
            candidates.append(made)
            margins += [made] if key.startswith("margin") else []

    def row(cand: Candidate, share: Share | None, skipped: str) -> Alternative:
        return Alternative(cand.key, share, cand.cost, cand.coaches, cand.book.plan, skipped=skipped)

    tried, best = try_in_order(candidates, rule, row)
    # A margin that was tried and falls short: one step more, while there is a plan (MARGIN_STEPS margins in all; a
    # step that does not help may still come before one that does: 2023 reads 91.7% at 30 minutes, 96.7% at 45).
    while best is None and margins and len(margins) < MARGIN_STEPS:
        last = margins[-1]
        if not any(a.key == last.key and a.share is not None for a in tried):
            break
        step = int(last.key.removeprefix("margin_")) + MARGIN_STEP
        made = planned(f"margin_{step}", sc, step)
        if made is None:
            break
        candidates.append(made)
        margins.append(made)
        more_tried, best = try_in_order([made], rule, row)
        tried += more_tried
    # One more coach of each type, booked, on the safest plan tried (this one, or the alternative that reads best).
    known = {c.key: c for c in (current, *candidates)}
    shares = [("current", share), *((a.key, a.share) for a in tried if a.share is not None)]
    base = known[min(shares, key=lambda ks: (-ks[1].p, known[ks[0]].order))[0]]
    prefix = "" if base.key == "current" else f"{base.key}+"
    standbys = [Candidate(f"{prefix}standby_{t}", base.cost + fixed, base.coaches + 1,
                          Book(base.book.night, made, seed, n_jobs, base=base.book))
                for t, made, fixed in standby_plans(sc, base.book.plan)]
    more, _ = try_in_order(standbys, rule, row, best)
    return [*tried, *rows, *more]


def alternative_name(key: str, sc: Scenario, lang: str) -> str:
    """An alternative in the planner's words (``standby_<type>``: one more coach of that type, booked; ``a+b``: both
    changes)."""
    from whatif.messages import say

    if "+" in key:
        return say(lang, "alt_both", first=alternative_name(key.split("+")[0], sc, lang),
                   second=alternative_name(key.split("+", 1)[1], sc, lang))
    if key.startswith("standby_"):
        coach = sc.fleet[key.removeprefix("standby_")]
        return say(lang, "alt_standby", coach=getattr(coach, f"name_{lang}"),
                   m=f"{sc.disruptions.coach_no_show.booked_standby_min:g}")
    if key.startswith("margin"):  # margin_<minutes> (an older "margin" was 30 minutes)
        m = int(key.removeprefix("margin_")) if key.startswith("margin_") else MARGIN_MIN
        return say(lang, "alt_margin", m=m, by=sc.clock(sc.latest_arrival_min - m))
    return say(lang, f"alt_{key}")


def make_flags(key: str, plan: Plan | None = None) -> str:
    """The options of ``plan`` that make the alternative ``key`` (the command's plan; its own margin and standby
    are kept): ``margin_45+standby_coach_35`` -> ``--margin 45 --standby-coach coach_35``. The desk order is not
    one: it is how the station works with the same plan (see ``check_lines``)."""
    flags = []
    for part in key.split("+"):
        if part.startswith("margin_"):
            flags.append(f"--margin {part.removeprefix('margin_')}")
        elif part.startswith("standby_"):
            flags.append(f"--standby-coach {part.removeprefix('standby_')}")
        elif part.startswith("routes_"):
            flags.append(f"--set policy.routes={part.removeprefix('routes_')}")
    if plan is not None:
        if plan.margin_min and not any(f.startswith("--margin") for f in flags):
            flags.insert(0, f"--margin {round(plan.margin_min)}")
        flags += [f"--standby-coach {t}" for t in plan.standby]
    return " ".join(flags)


def check_lines(check: RiskCheck, sc: Scenario, lang: str, plan: Plan | None = None,
                changes_scenario: bool = True) -> list[str]:
    """The check in the planner's words: the headline against the target, who fails, the alternatives, and (given
    the command's ``plan``) the options that make the recommended one (only those without ``--set`` when the
    command's ``--set`` does not change the scenario: ``pack``'s are sweep axes)."""
    from whatif.messages import say

    def pct(x: float) -> str:
        return "-" if not math.isfinite(x) else f"{100 * x:.1f}%"

    low, high = check.share.interval
    key = "risk_check_ok" if check.meets else "risk_check_fail"
    lines = [say(lang, key, n=check.share.nights, p=pct(check.share.p), low=pct(low), high=pct(high),
                 target=pct(check.target), deadline=sc.policy.latest_arrival)
             + (say(lang, "risk_check_unsure", n=check.share.nights, low=pct(low))
                if check.meets and low < check.target else "")]
    sep = text("sep.list", lang)

    def named(pairs: tuple[tuple[str, int], ...]) -> str:
        return sep.join(say(lang, "risk_item_one" if k == 1 else "risk_item", name=n, k=k) for n, k in pairs)

    if not check.meets and check.coaches:
        lines.append(say(lang, "risk_check_coaches", items=named(check.coaches)))
    if not check.meets and check.enterprises:
        lines.append(say(lang, "risk_check_enterprises", items=named(check.enterprises)))
    if check.meets:
        return lines
    rec = check.recommended
    for a in check.alternatives:
        name = alternative_name(a.key, sc, lang)
        cost = say(lang, "risk_cost", cost=f"{a.cost:,.0f}") if math.isfinite(a.cost) else say(lang, "risk_no_prices")
        if a.skipped == REPLAN:
            lines.append(say(lang, "risk_alt_replan", name=name))
        elif a.skipped:
            lines.append(say(lang, "risk_alt_costlier", name=name, coaches=a.coaches, cost=cost))
        elif a.share is None:
            lines.append(say(lang, "risk_alt_none", name=name, why=a.why.get(lang, "")))
        else:
            lo, hi = a.share.interval
            mark = say(lang, "risk_recommended") if a is rec else ""
            lines.append(say(lang, "risk_alt", name=name, p=pct(a.share.p), low=pct(lo), high=pct(hi),
                             n=a.share.nights, coaches=a.coaches, cost=cost) + mark)
    return lines + advice(check, lang, plan, changes_scenario)


def advice(check: RiskCheck, lang: str, plan: Plan | None = None, changes_scenario: bool = True) -> list[str]:
    """What to do when the plan fails its check: the options that make the recommended plan, or that none meets."""
    from whatif.messages import say

    rec = check.recommended
    if check.meets:
        return []
    if rec is None:
        return [say(lang, "risk_none_meets", target=f"{100 * check.target:.1f}%")]
    lines = []
    if plan is not None and rec.key != "current":
        flags = make_flags(rec.key, plan)
        if make_flags(rec.key) and (changes_scenario or "--set" not in flags):  # the plan made again so
            lines.append(say(lang, "risk_make", flags=flags))
        if "desk_coach" in rec.key.split("+"):  # the same plan, the station handing out packs in departure order
            lines.append(say(lang, "risk_make_desk"))
    return lines


def verdict(check: RiskCheck, sc: Scenario, lang: str, plan: Plan, changes_scenario: bool = True) -> Verdict:
    """The check as the plan's workbook shows it under its title: the headline and what to do; a plan that fails
    the check is a draft."""
    head = check_lines(check, sc, lang, plan, changes_scenario)[0]
    return Verdict((head, *advice(check, lang, plan, changes_scenario)), draft=not check.meets)
