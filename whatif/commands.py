"""Subcommands of ``labor-transfer`` beyond ``check``: plan, simulate, sweep, replan, pack."""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

from planning.options import PlanOptions
from scenarios import ScenarioError, load
from scenarios.io import atomic_path
from scenarios.writers import write_csv
from whatif.cli import add_command, scenario_arg

#: The library's field names (of make_plan, sweep, simulate, replan, ...) and the command-line flags that set them.
FLAGS = {
    "time_limit": "--time-limit",
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
            return ScenarioError(exc.message, field=field, row=exc.row, fix=exc.fix)
    return exc


def _out(parser: argparse.ArgumentParser, default: str | None = None) -> None:
    parser.add_argument("--out", type=Path, required=default is None, default=default, help="output folder")


def _lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="labels in Chinese (zh) or English (en)")


def _seed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same result)")


def _time_limit(parser: argparse.ArgumentParser) -> None:
    from planning.make import ROUTING_ITERATIONS

    parser.add_argument("--time-limit", type=float, default=30.0, help="seconds for placement and for routing")
    parser.add_argument(
        "--iterations",
        type=int,
        default=ROUTING_ITERATIONS,
        help=f"routing search iterations (default {ROUTING_ITERATIONS}; the same seed gives the same plan); "
        "0 searches until the time limit instead",
    )


def _options(args: argparse.Namespace) -> PlanOptions:
    """How to plan: --seed, --iterations (0: until the time limit) and --time-limit, checked."""
    return PlanOptions(seed=args.seed, iterations=args.iterations or None, time_limit=args.time_limit)


def _check_replications(args: argparse.Namespace) -> None:
    if args.replications < 1:
        raise ScenarioError(f"{args.replications} replications.", field="replications", fix="give at least 1.")


def _jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=int, default=2, help="worker processes run in parallel (default 2)")


def _plan_dir(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        required=required,
        help="a folder written by `labor-transfer plan` (placement.csv, routes.csv, manifest.csv)",
    )


def _sets(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=V1,V2",
        help="an axis of the sweep, e.g. train.delay_min=0,60,120 (repeat for more axes)",
    )


def _axes(options: list[str]) -> dict[str, list]:
    """The sweep axes of the --set options; a path set twice is refused (the first axis would be lost)."""
    from whatif.variants import parse_set

    axes: dict[str, list] = {}
    for option in options:
        path, values = parse_set(option)
        if path in axes:
            joined = ",".join(str(v) for v in [*axes[path], *values])
            raise ScenarioError(
                f"{path} is given twice.", field=f"overrides {path}", fix=f"give all its values once: {path}={joined}"
            )
        axes[path] = values
    return axes


def _plan_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    _out(p)
    _lang(p)
    _seed(p)
    _time_limit(p)


def _plan(args: argparse.Namespace) -> int:
    from planning import make_plan

    options = _options(args)
    sc = load(args.scenario)
    plan = make_plan(sc, options)
    return _write_plan(sc, plan, args, plan.summary())


def _write_plan(sc, plan, args: argparse.Namespace, summary: str) -> int:
    """The exports for people and plan.json for later commands, then the summary."""
    from planning.export import write_plan
    from planning.store import save_plan

    write_plan(sc, plan, args.out, lang=args.lang)
    save_plan(plan, args.out)
    print(summary)
    print(f"written to {args.out}")
    return 0


def _simulate_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    _out(p)
    _lang(p)
    _seed(p)
    _time_limit(p)
    _plan_dir(p, required=False)
    p.add_argument("--replications", type=int, default=100, help="replications (default 100)")
    _jobs(p)


def _load_plan(sc, args: argparse.Namespace):
    from planning import make_plan
    from planning.store import read_plan

    if args.plan is not None:
        return read_plan(args.plan)
    return make_plan(sc, _options(args))


def _simulate(args: argparse.Namespace) -> int:
    from present.kpis import kpi_table
    from sim import simulate

    _check_replications(args)
    _options(args)
    sc = load(args.scenario)
    plan = _load_plan(sc, args)
    result = simulate(sc, plan, replications=args.replications, seed=args.seed, options={"n_jobs": args.jobs})
    result.write(args.out, lang=args.lang)
    print(kpi_table(result.summary(), args.lang).to_string(index=False))
    print(f"written to {args.out}")
    return 0


def _sweep_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    _out(p)
    _lang(p)
    _seed(p)
    _sets(p)
    p.add_argument("--replications", type=int, default=50)
    p.add_argument("--scheduler", default=None, help="a Dask scheduler address (default: local processes)")
    p.add_argument("--fixed-plan", action="store_true", help="hold the base scenario's plan fixed (no re-planning)")
    _jobs(p)


SWEEP_SHOWN = ("p50_checkin_min", "p95_checkin_min", "share_by_deadline", "longest_wait_min")


def _sweep(args: argparse.Namespace) -> int:
    from present.kpis import KPI_LABELS, format_kpi
    from whatif.charts import options_chart
    from whatif.sweep import sweep

    if not args.set:
        raise ScenarioError("no axes to sweep.", field="overrides", fix="add e.g. --set train.delay_min=0,60,120")
    _check_replications(args)
    axes = _axes(args.set)
    result = sweep(
        args.scenario,
        axes,
        replications=args.replications,
        seed=args.seed,
        replan=not args.fixed_plan,
        backend=args.scheduler or "local",
        n_jobs=args.jobs,
    )
    summary = result.summary_table()
    fig = options_chart(
        summary, ["p95_checkin_min", "share_by_deadline", "longest_wait_min"], args.lang, KPI_LABELS[args.lang]
    )
    for name, frame in (("sweep.csv", result.table), ("sweep_summary.csv", summary)):
        with atomic_path(args.out / name) as tmp:
            write_csv(frame, tmp)
    with atomic_path(args.out / "options.png") as tmp:
        fig.savefig(tmp, dpi=130, format="png")
    shown = summary[summary["kpi"].isin(SWEEP_SHOWN)].pivot(index="variant", columns="kpi", values="mean")
    shown = shown.reindex(index=result.variants, columns=list(SWEEP_SHOWN))
    labels = KPI_LABELS[args.lang]
    print(shown.apply(lambda col: col.map(lambda v: format_kpi(col.name, v))).rename(columns=labels).to_string())
    print(f"written to {args.out}")
    return 0


def _replan_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    _out(p)
    _lang(p)
    _plan_dir(p, required=True)
    p.add_argument("--delay", type=float, default=0.0, help="minutes the train is late")
    p.add_argument("--broken", default="", help="coach ids that broke down, comma-separated (e.g. C07)")
    p.add_argument("--missing", default="", help="worker ids not on the train, comma-separated")


def _replan(args: argparse.Namespace) -> int:
    from planning.store import read_plan
    from whatif.replan import Change, replan

    if not math.isfinite(args.delay) or args.delay < 0:
        raise ScenarioError(f"a delay of {args.delay} minutes.", field="delay_min", fix="give minutes >= 0, e.g. 90.")
    sc = load(args.scenario)
    plan = read_plan(args.plan)
    split = lambda text: tuple(x.strip() for x in text.split(",") if x.strip())  # noqa: E731
    result = replan(sc, plan, Change(args.delay, split(args.broken), split(args.missing)))
    return _write_plan(sc, result.plan, args, result.summary())


def _pack_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    _out(p)
    _lang(p)
    _seed(p)
    _time_limit(p)
    _sets(p)
    p.add_argument("--replications", type=int, default=100)
    p.add_argument("--redact", action="store_true",
                   help="a pack fit to share: names reduced to surname plus 某, no phone numbers (ids kept)")
    _jobs(p)


def _pack(args: argparse.Namespace) -> int:
    from whatif.pack import build_pack, write_pack

    _check_replications(args)
    options = _options(args)
    pack = build_pack(
        args.scenario,
        lang=args.lang,
        replications=args.replications,
        seed=args.seed,
        plan_options=options,
        axes=_axes(args.set) if args.set else None,
        redact=args.redact,
        n_jobs=args.jobs,
    )
    for path in write_pack(pack, args.out):
        print(path)
    return 0


add_command(
    "plan", "place the workers and route the coaches; write placement, routes and the Excel plan", _plan_args, _plan
)
add_command("simulate", "simulate a plan many times; write KPIs, the event log and charts", _simulate_args, _simulate)
add_command(
    "sweep",
    "simulate a grid of variants (--set PATH=V1,V2); write sweep.csv and a comparison chart",
    _sweep_args,
    _sweep,
)
add_command(
    "replan", "revise a plan on the night: a late train, broken coaches, missing workers", _replan_args, _replan
)
add_command("pack", "the meeting pack: charts (PNG and PDF) and the transport plan (Excel)", _pack_args, _pack)
