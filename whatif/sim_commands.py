"""``labor-transfer simulate``, ``sweep`` and ``pack``: simulate a plan's nights, compare options over them, and
make the meeting pack."""

from __future__ import annotations

import argparse

from scenarios import ScenarioError, load
from scenarios.io import atomic_folder, check_writable
from scenarios.writers import write_csv
from whatif import cli_args as a
from whatif.cli import scenario_arg
from whatif.cli_flags import plan_options, set_axes, with_sets
from whatif.cli_text import say as said
from whatif.messages import say
from whatif.plan_commands import alternatives_arg, run_log, standby_types, tell
from whatif.progress import steps
from whatif.report import plan_lines, sim_lines, warning_lines, where_line


def simulate_args(p: argparse.ArgumentParser) -> None:
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
    return make_plan(sc, plan_options(args))


def run_simulate(args: argparse.Namespace) -> int:
    from sim import simulate

    plan_options(args)
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
    tell([*plan_lines(sc, plan, args.lang), *sim_lines(sc, result.kpis, args.lang),
          *warning_lines(plan, args.lang), where_line(args.out, args.lang)])
    return 0


def sweep_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.sets(p)
    a.replications(p, 50)
    p.add_argument("--scheduler", default=None, help=said("help.scheduler"))
    p.add_argument("--fixed-plan", action="store_true", help=said("help.fixed_plan"))
    a.jobs(p)


def run_sweep(args: argparse.Namespace) -> int:
    from whatif.sweep import sweep

    if not args.set:
        raise ScenarioError("cli.no_axes", field="overrides")
    axes = set_axes(args.set)
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
    tell([result.summary(args.lang), where_line(args.out, args.lang)])
    return 0


def pack_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.time_limit(p)
    a.margin(p)
    a.standby_coach(p)
    a.sets(p)
    a.replications(p, 100)
    a.jobs(p)
    p.add_argument("--risk-nights", type=int, default=None, help=argparse.SUPPRESS)  # pack checks its own nights
    alternatives_arg(p)
    p.add_argument("--redact", action="store_true",
                   help=said("help.redact"))


def run_pack(args: argparse.Namespace) -> int:
    from whatif.pack import build_pack, write_pack

    options = plan_options(args)
    axes = set_axes(args.set) if args.set else None
    check_writable(args.out, keep=False)
    keys = ("step_load", "step_pack", "step_write")
    with steps([say(args.lang, k) for k in keys]) as step:
        step(say(args.lang, "step_load"))
        sc = load(args.scenario)
        standby = standby_types(sc, args.standby_coach)
        step(say(args.lang, "step_pack"))
        pack = build_pack(sc, lang=args.lang, replications=args.replications, seed=args.seed, plan_options=options,
                          axes=axes, n_jobs=args.jobs, redact=args.redact, alternatives=args.alternatives,
                          standby=standby)
        step(say(args.lang, "step_write"))
        write_pack(pack, args.out)
    run_log(sc, pack.plan, args.lang, getattr(args, "objective", None))
    from whatif.plan_risk import check_lines

    check = pack.check  # on the pack's own simulated nights (its alternatives are on the cover)
    said = check_lines(check, sc, args.lang, pack.plan, changes_scenario=False)  # its first: the on-time share
    lines = [*plan_lines(sc, pack.plan, args.lang, "transport_plan.xlsx"),
             *sim_lines(sc, pack.result.kpis, args.lang, headline=said[0]), *said[1:]]
    if pack.sweep is not None:
        lines.append(pack.sweep.summary(args.lang))
    tell([*lines, *warning_lines(pack.plan, args.lang), where_line(args.out, args.lang)])
    return 0
