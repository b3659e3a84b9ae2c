"""``labor-transfer plan`` and ``replan``: make a plan (or route an edited placement), revise it on the night, and
write it for people with plan.json beside; the run log on stderr."""

from __future__ import annotations

import argparse
import dataclasses
from pathlib import Path

from planning.options import PlanOptions
from present.catalog import Msg, text
from scenarios import ScenarioError
from scenarios.io import atomic_folder, check_writable
from scenarios.writers import write_csv
from whatif import cli_args as a
from whatif.cli import scenario_arg
from whatif.cli_flags import plan_options, with_sets
from whatif.cli_text import say as said
from whatif.messages import say
from whatif.progress import steps
from whatif.report import plan_lines, warning_lines, where_line


def _risk_nights(p: argparse.ArgumentParser) -> None:
    from whatif.plan_risk import RISK_NIGHTS

    p.add_argument("--risk-nights", type=a.whole(0, a.MAX_REPLICATIONS), default=RISK_NIGHTS,
                   help=said("help.risk_nights", default=RISK_NIGHTS))
    alternatives_arg(p)


def alternatives_arg(p: argparse.ArgumentParser) -> None:
    from whatif.plan_alternatives import MODES, REPLAN_RIDERS

    p.add_argument("--alternatives", choices=MODES, default="auto", help=said("help.alternatives",
                                                                             riders=REPLAN_RIDERS))


def _risk_check(sc, plan, args: argparse.Namespace, options: PlanOptions, run=None):
    """The plan's risk check (None when ``--risk-nights 0``)."""
    from whatif.plan_risk import check_risk

    if run is None and not args.risk_nights:
        return None
    return check_risk(sc, plan, options, nights=args.risk_nights, seed=args.seed, run=run,
                      n_jobs=getattr(args, "jobs", 2), alternatives=args.alternatives)


def plan_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.time_limit(p)
    a.margin(p)
    a.standby_coach(p)
    _risk_nights(p)
    a.set_one(p, said("help.set_scenario"))
    p.add_argument(
        "--placement",
        type=Path,
        default=None,
        help=said("help.placement"),
    )
    p.add_argument(
        "--base",
        type=Path,
        default=None,
        help=said("help.base"),
    )
    from scenarios.policy import OBJECTIVES

    p.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default=None,
        help=said("help.objective"),
    )


def run_plan(args: argparse.Namespace) -> int:
    from planning import make_plan

    options = plan_options(args)
    if args.base is not None and args.placement is None:
        raise ScenarioError("cli.base_without_placement", field="--base")
    check_writable(args.out, keep=False)
    with steps([say(args.lang, k) for k in ("step_load", "step_plan", "step_risk", "step_write")]) as step:
        step(say(args.lang, "step_load"))
        sc = with_sets(args)
        standby = standby_types(sc, args.standby_coach)
        step(say(args.lang, "step_plan"))
        if args.placement is not None:
            from planning.fixed import route_edited
            from scenarios.placement_in import read_placement

            edited = read_placement(args.placement, sc, _exported(args.placement))
            plan = route_edited(sc, edited, options, base=_base(sc, args))
        else:
            plan = make_plan(sc, options)
        if standby:  # one more coach of each type booked to wait at the station (plan.json keeps them)
            plan = dataclasses.replace(plan, standby=(*plan.standby, *standby))
        step(say(args.lang, "step_risk"))
        check = _risk_check(sc, plan, args, options)
        step(say(args.lang, "step_write"))
        _write_plan(sc, plan, args, strict=options.strict, log=plan.changes is None, check=check)
    from whatif.plan_risk import check_lines

    changed = [plan.changes.summary(sc, args.lang)] if plan.changes is not None else []
    risk = check_lines(check, sc, args.lang, plan) if check is not None else []
    tell([*plan_lines(sc, plan, args.lang), *changed, *risk, *warning_lines(plan, args.lang),
          where_line(args.out, args.lang)])
    return 0


def standby_types(sc, types: list[str]) -> tuple[str, ...]:
    """The coach types of ``--standby-coach``, checked before any planning: an unknown type or too many are one
    line each."""
    from planning.store import MAX_STANDBY

    for t in types:
        if t not in sc.fleet:
            raise ScenarioError("cli.standby_type", field="--standby-coach", value=t[:40],
                                fix=Msg("cli.standby_type.fix", types=", ".join(sc.fleet)))
    if len(types) > MAX_STANDBY:
        raise ScenarioError("cli.standby_many", field="--standby-coach", n=len(types), most=MAX_STANDBY,
                            fix=Msg("cli.standby_many.fix", most=MAX_STANDBY))
    return tuple(types)


def _exported(placement: Path) -> dict[str, str] | None:
    """Worker -> enterprise of the plan saved beside an exported placement (plan.json), when it is there."""
    from planning.store import PLAN_FILE, read_plan

    if not (placement.parent / PLAN_FILE).is_file():
        return None
    try:
        before = read_plan(placement.parent, verify_files=False).placement  # the file beside it was edited
    except ScenarioError:
        return None
    return before["enterprise_id"].astype(str).to_dict()


def _base(sc, args: argparse.Namespace):
    """The base plan of ``plan --placement``: --base, else the plan beside the edited file, else None.

    Its own files are not verified (the edited file may be one of them), but it must be a plan of this scenario.
    """
    from planning.store import PLAN_FILE, plan_scenario, read_plan

    if args.base is not None:
        folder = args.base
    elif (args.placement.parent / PLAN_FILE).is_file():
        folder = args.placement.parent
    else:
        return None
    plan_scenario(folder, sc)
    plan = read_plan(folder, sc, verify_files=False)
    return plan if plan.routes is not None and plan.manifest is not None else None


def tell(lines: list[str]) -> None:
    print("\n".join(lines))


def run_log(sc, plan, lang: str, objective: str | None = None) -> None:
    """The solver's status and seconds, on stderr: they differ run to run, so no output file holds them; the
    routing's gap is told in the unit of its ``objective`` (None: the scenario's)."""
    import sys

    info = plan.routing_info
    gap = info is not None and info.status == "feasible" and info.gap is not None
    routing = f"routing.{objective or sc.policy.objective}" if gap else "routing"
    parts = [f"{text(f'runlog.{what}', lang)} {info.describe(seconds=True, lang=lang)}" for what, info in
             (("placement", plan.placement_info), (routing, plan.routing_info)) if info is not None]
    from planning.routing.scenario import plan_bounds

    bounds = plan_bounds(sc, plan)
    if bounds is not None:  # what the bureau pays for, against proven bounds (the routing gap is of ride minutes)
        coaches, km = int(plan.coaches["coach_id"].nunique()), float(plan.routes["km"].sum())
        counted = text("runlog.coach" if coaches == 1 else "runlog.coaches", lang, n=coaches)
        parts.append(say(lang, "run_log_bounds", coaches=counted, coaches_lb=bounds[0], km=f"{km:,.0f}",
                         km_lb=f"{bounds[1]:,.0f}"))
    if parts:
        print(say(lang, "run_log", parts=text("sep.semi", lang).join(parts)), file=sys.stderr)


def _write_plan(sc, plan, args: argparse.Namespace, strict: bool, log: bool = True, check=None) -> None:
    """The exports for people and plan.json (with their hashes), swapped in as one folder; ``log``: the solvers'
    run log on stderr (not for a re-plan: it repairs the plan it read, and solves nothing); ``check``: the risk
    check, written as risk_check.csv."""
    from planning.export import write_plan
    from planning.store import save_plan
    from whatif.plan_risk import verdict

    with atomic_folder(args.out) as stage:
        write_plan(sc, plan, stage, lang=args.lang,
                   verdict=None if check is None else verdict(check, sc, args.lang, plan))
        if check is not None:
            write_csv(check.csv_table(sc, args.lang), stage / "risk_check.csv", encoding="utf-8-sig")
        save_plan(plan, stage, sc=sc, strict=strict)
    if log:
        run_log(sc, plan, args.lang, getattr(args, "objective", None))


def replan_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.plan_dir(p, required=True)
    a.delay(p)
    p.add_argument("--broken", default="", help=said("help.broken"))
    p.add_argument("--missing", default="", help=said("help.missing"))
    a.set_one(p, said("help.set_scenario"))


def run_replan(args: argparse.Namespace) -> int:
    from planning.store import read_plan
    from whatif.replan import Change, replan

    check_writable(args.out, keep=False)
    keys = ("step_load", "step_read_plan", "step_replan", "step_write")
    with steps([say(args.lang, k) for k in keys]) as step:
        step(say(args.lang, "step_load"))
        sc = with_sets(args)
        step(say(args.lang, "step_read_plan"))
        plan = read_plan(args.plan, sc)
        split = lambda text: tuple(x.strip() for x in text.split(",") if x.strip())  # noqa: E731
        step(say(args.lang, "step_replan"))
        result = replan(sc, plan, Change(args.delay, split(args.broken), split(args.missing)))
        step(say(args.lang, "step_write"))
        _write_plan(sc, result.plan, args, strict=False, log=False)
    which = ", ".join(f"{c}/{t}" for c, t in result.changed) or "-"
    changes = [result.plan.changes.summary(sc, args.lang)] if result.plan.changes is not None else []
    tell([*plan_lines(sc, result.plan, args.lang), say(args.lang, "changed", n=len(result.changed), which=which),
          *result.comparison(sc, args.lang), *changes, result.summary(args.lang), where_line(args.out, args.lang)])
    return 0
