"""Subcommands of ``labor-transfer`` beyond ``check``: plan, simulate, sweep, replan, pack."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from planning.options import PlanOptions
from present.catalog import Msg, text
from scenarios import ScenarioError, load
from scenarios.io import atomic_folder, check_writable
from scenarios.writers import write_csv
from whatif import cli_args as a
from whatif.cli import add_command, scenario_arg
from whatif.cli_text import say as said
from whatif.messages import say
from whatif.progress import steps
from whatif.report import plan_lines, sim_lines, warning_lines, where_line

#: The library's field names (of make_plan, sweep, simulate, replan, ...) and the command-line flags that set them.
FLAGS = {
    "time_limit": "--time-limit",
    "objective": "--objective",
    "iterations": "--iterations",
    "seed": "--seed",
    "replications": "--replications",
    "out_dir": "--out",
    "plan_dir": "--plan",
    "overrides": "--set",
    "lang": "--lang",
    "scheduler": "--scheduler",
    "n_jobs": "--jobs",
    "options.n_jobs": "--jobs",
    "delay_min": "--delay",
    "broken_coaches": "--broken",
    "missing_workers": "--missing",
}


def to_cli(exc: ScenarioError) -> ScenarioError:
    """The error with the library's field name (``time_limit``, ``overrides PATH=V``) told as its flag.

    Errors about a file (a scenario, a plan) keep their own fields: only arguments of the library are flags.
    """
    if exc.file is not None or not exc.field:
        return exc
    head = re.match(r"[A-Za-z_.]+", exc.field)
    word = head.group(0) if head else ""
    for key in (word, word.split(".")[0]):
        if key in FLAGS:
            field = FLAGS[key] + exc.field[len(key):]
            return exc.retold(field=field)
    return exc


def _options(args: argparse.Namespace) -> PlanOptions:
    """How to plan: --seed, --iterations (0: until the time limit), --time-limit (and --objective), checked."""
    objective = getattr(args, "objective", None)
    return PlanOptions(
        seed=args.seed, iterations=args.iterations or None, time_limit=args.time_limit, objective=objective
    )


def _axes(options: list[str]) -> dict[str, list]:
    """The sweep axes of the --set options; a path set twice is refused (the first axis would be lost)."""
    from whatif.variants import parse_set

    axes: dict[str, list] = {}
    for option in options:
        path, values = parse_set(option)
        if path in axes:
            joined = ",".join(str(v) for v in [*axes[path], *values])
            fix = Msg("cli.all_once.fix", path=path, values=joined)
            raise ScenarioError("cli.twice", field=f"overrides {path}", fix=fix, path=path)
        axes[path] = values
    return axes


def _risk_nights(p: argparse.ArgumentParser) -> None:
    from whatif.plan_risk import RISK_NIGHTS

    p.add_argument("--risk-nights", type=a.whole(0, a.MAX_REPLICATIONS), default=RISK_NIGHTS,
                   help=said("help.risk_nights", default=RISK_NIGHTS))
    _alternatives(p)


def _alternatives(p: argparse.ArgumentParser) -> None:
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


def _plan_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.time_limit(p)
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
    from scenarios.model import OBJECTIVES

    p.add_argument(
        "--objective",
        choices=OBJECTIVES,
        default=None,
        help=said("help.objective"),
    )


def _plan(args: argparse.Namespace) -> int:
    from planning import make_plan

    options = _options(args)
    if args.base is not None and args.placement is None:
        raise ScenarioError("cli.base_without_placement", field="--base")
    check_writable(args.out, keep=False)
    with steps([say(args.lang, k) for k in ("step_load", "step_plan", "step_risk", "step_write")]) as step:
        step(say(args.lang, "step_load"))
        sc = with_sets(args)
        step(say(args.lang, "step_plan"))
        if args.placement is not None:
            from planning.fixed import route_edited
            from scenarios.placement_in import read_placement

            edited = read_placement(args.placement, sc, _exported(args.placement))
            plan = route_edited(sc, edited, options, base=_base(sc, args))
        else:
            plan = make_plan(sc, options)
        step(say(args.lang, "step_risk"))
        check = _risk_check(sc, plan, args, options)
        step(say(args.lang, "step_write"))
        _write_plan(sc, plan, args, strict=options.strict, log=plan.changes is None, check=check)
    from whatif.plan_risk import check_lines

    changed = [plan.changes.summary(sc, args.lang)] if plan.changes is not None else []
    risk = check_lines(check, sc, args.lang) if check is not None else []
    _tell([*plan_lines(sc, plan, args.lang), *changed, *risk, *warning_lines(plan, args.lang),
           where_line(args.out, args.lang)])
    return 0


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


def _tell(lines: list[str]) -> None:
    print("\n".join(lines))


def _run_log(sc, plan, lang: str) -> None:
    """The solver's status and seconds, on stderr: they differ run to run, so no output file holds them."""
    import sys

    parts = [f"{text(f'runlog.{what}', lang)} {info.describe(seconds=True, lang=lang)}" for what, info in
             (("placement", plan.placement_info), ("routing", plan.routing_info)) if info is not None]
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

    with atomic_folder(args.out) as stage:
        write_plan(sc, plan, stage, lang=args.lang)
        if check is not None:
            write_csv(check.table(), stage / "risk_check.csv", encoding="utf-8-sig")
        save_plan(plan, stage, sc=sc, strict=strict)
    if log:
        _run_log(sc, plan, args.lang)


def _simulate_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.time_limit(p)
    a.plan_dir(p, required=False)
    a.replications(p, 100)
    p.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                   help=said("help.simulate_set"))
    a.jobs(p)


def _load_plan(sc, args: argparse.Namespace):
    """The plan of --plan, checked against the scenario (or a new plan when none is given)."""
    from planning import make_plan
    from planning.store import read_plan

    if args.plan is not None:
        return read_plan(args.plan, sc)
    return make_plan(sc, _options(args))


def _simulate(args: argparse.Namespace) -> int:
    from sim import simulate

    _options(args)
    check_writable(args.out, keep=False)
    plan_step = "step_read_plan" if args.plan is not None else "step_plan"
    keys = ("step_load", plan_step, "step_simulate", "step_write")
    with steps([say(args.lang, k, n=args.replications) for k in keys]) as step:
        step(say(args.lang, "step_load"))
        base = load(args.scenario)
        sc = with_sets(args, base)  # --set changes the night the plan meets, not the plan
        step(say(args.lang, plan_step))
        plan = _load_plan(base, args)
        step(say(args.lang, "step_simulate", n=args.replications))
        result = simulate(sc, plan, replications=args.replications, seed=args.seed, options={"n_jobs": args.jobs})
        step(say(args.lang, "step_write"))
        with atomic_folder(args.out) as stage:
            result.write(stage, lang=args.lang)
    _tell([*plan_lines(sc, plan, args.lang), *sim_lines(sc, result.kpis, args.lang),
           *warning_lines(plan, args.lang), where_line(args.out, args.lang)])
    return 0


def with_sets(args: argparse.Namespace, base=None):
    """The scenario with the --set overrides (one value per path): for ``simulate`` the night the plan meets, for
    ``plan`` and ``check`` the scenario planned and checked. ``base``: the scenario already loaded."""
    from whatif.variants import Variant

    overrides = {}
    for path, values in _axes(args.set).items():
        if len(values) != 1:
            raise ScenarioError("cli.many_values", field=f"--set {path}", fix="cli.one_value.fix", path=path,
                                n=len(values))
        overrides[path] = values[0]
    sc = base if base is not None else load(args.scenario)
    return Variant(overrides).build(sc) if overrides else sc


def _sweep_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.sets(p)
    a.replications(p, 50)
    p.add_argument("--scheduler", default=None, help=said("help.scheduler"))
    p.add_argument("--fixed-plan", action="store_true", help=said("help.fixed_plan"))
    a.jobs(p)


def _sweep(args: argparse.Namespace) -> int:
    from whatif.sweep import sweep

    if not args.set:
        raise ScenarioError("cli.no_axes", field="overrides")
    axes = _axes(args.set)
    check_writable(args.out, keep=False)
    result = sweep(
        load(args.scenario),
        axes,
        replications=args.replications,
        seed=args.seed,
        replan=not args.fixed_plan,
        backend=args.scheduler or "local",
        n_jobs=args.jobs,
        progress=args.lang,
    )
    summary = result.summary_table()
    fig = result.options_chart(["p95_checkin_min", "share_by_deadline", "longest_wait_min"], args.lang)
    with atomic_folder(args.out) as stage:
        write_csv(result.table, stage / "sweep.csv")
        write_csv(summary, stage / "sweep_summary.csv")
        fig.savefig(stage / "options.png", dpi=130, format="png")
    _tell([result.summary(args.lang), where_line(args.out, args.lang)])
    return 0


def _replan_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.plan_dir(p, required=True)
    a.delay(p)
    p.add_argument("--broken", default="", help=said("help.broken"))
    p.add_argument("--missing", default="", help=said("help.missing"))
    a.set_one(p, said("help.set_scenario"))


def _replan(args: argparse.Namespace) -> int:
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
    _tell([*plan_lines(sc, result.plan, args.lang), say(args.lang, "changed", n=len(result.changed), which=which),
           *result.comparison(sc, args.lang), *changes, result.summary(args.lang), where_line(args.out, args.lang)])
    return 0


def _pack_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.time_limit(p)
    a.sets(p)
    a.replications(p, 100)
    a.jobs(p)
    p.add_argument("--risk-nights", type=int, default=None, help=argparse.SUPPRESS)  # pack checks its own nights
    _alternatives(p)
    p.add_argument("--redact", action="store_true",
                   help=said("help.redact"))


def _pack(args: argparse.Namespace) -> int:
    from whatif.pack import build_pack, write_pack

    options = _options(args)
    axes = _axes(args.set) if args.set else None
    check_writable(args.out, keep=False)
    keys = ("step_load", "step_pack", "step_write")
    with steps([say(args.lang, k) for k in keys]) as step:
        step(say(args.lang, "step_load"))
        sc = load(args.scenario)
        step(say(args.lang, "step_pack"))
        pack = build_pack(sc, lang=args.lang, replications=args.replications, seed=args.seed, plan_options=options,
                          axes=axes, n_jobs=args.jobs, redact=args.redact, alternatives=args.alternatives)
        step(say(args.lang, "step_write"))
        write_pack(pack, args.out)
    _run_log(sc, pack.plan, args.lang)
    from whatif.plan_risk import check_lines

    check = pack.check  # on the pack's own simulated nights (its alternatives are on the cover)
    lines = [*plan_lines(sc, pack.plan, args.lang, "transport_plan.xlsx"), *sim_lines(sc, pack.result.kpis, args.lang),
             *check_lines(check, sc, args.lang)]
    if pack.sweep is not None:
        lines.append(pack.sweep.summary(args.lang))
    _tell([*lines, *warning_lines(pack.plan, args.lang), where_line(args.out, args.lang)])
    return 0


add_command(
    "plan", "help.cmd.plan", _plan_args, _plan
)
add_command("simulate", "help.cmd.simulate", _simulate_args, _simulate)
add_command(
    "sweep",
    "help.cmd.sweep",
    _sweep_args,
    _sweep,
)
add_command(
    "replan", "help.cmd.replan", _replan_args, _replan
)
add_command("pack", "help.cmd.pack", _pack_args, _pack)
