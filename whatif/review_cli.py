"""``labor-transfer review`` (the after-action review of a night) and ``labor-transfer calibrate`` (estimates from
the records of one or more nights, written as a calibrated scenario)."""

from __future__ import annotations

import argparse
from pathlib import Path

from scenarios import load
from scenarios.io import atomic_folder, check_writable
from whatif import cli_args as a
from whatif.cli import add_command, scenario_arg
from whatif.cli_text import say


def _review_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    a.plan_dir(p, required=True)
    p.add_argument("--actual", type=Path, required=True, metavar="RECORDS",
                   help=say("help.actual"))
    a.out(p)
    a.lang(p)
    a.seed(p)
    a.replications(p, 200)


def _review(args: argparse.Namespace) -> int:
    from planning.store import read_plan
    from scenarios.records import read_records
    from whatif.review import review
    from whatif.review_texts import word

    check_writable(args.out, keep=False)
    sc = load(args.scenario)
    plan = read_plan(args.plan, sc)
    records = read_records(args.actual, sc, plan)
    rv = review(sc, plan, records, replications=args.replications, seed=args.seed)
    with atomic_folder(args.out) as stage:
        rv.write(stage, lang=args.lang)
    print(rv.summary(args.lang))
    print(word(args.lang, "s_files", out=args.out))
    return 0


add_command("review", "help.cmd.review",
            _review_args, _review)


def _calibrate_args(p: argparse.ArgumentParser) -> None:
    scenario_arg(p)
    p.add_argument("--actual", type=Path, nargs="+", required=True, metavar="RECORDS",
                   help=say("help.actuals"))
    p.add_argument("--plan", type=Path, default=None,
                   help=say("help.calibrate_plan"))
    a.out(p)
    a.lang(p)
    a.seed(p)


def _calibrate(args: argparse.Namespace) -> int:
    from planning.store import read_plan
    from present.catalog import text
    from scenarios import ScenarioError
    from scenarios.io import write_text_atomic
    from scenarios.records import read_records
    from scenarios.records.read import records_folder
    from sim.calibrate import calibrate
    from whatif.calibrate_out import summary_lines, write_calibrated
    from whatif.review_texts import word

    check_writable(args.out, keep=False)
    sc = load(args.scenario)
    nights = []
    for folder in map(records_folder, args.actual):  # a missing folder is told as such, before its plan
        plan_dir = folder / "plan" if (folder / "plan" / "plan.json").is_file() else args.plan
        if plan_dir is None:
            raise ScenarioError("review.no_plan", file=str(folder), field="--plan")
        plan = read_plan(plan_dir, sc)
        nights.append((folder.name, plan, read_records(folder, sc, plan)))
    cal = calibrate(sc, nights, seed=args.seed)
    problems = [line for name, _, rec in nights for line in (f"[{name}]", *rec.problem_lines(args.lang))]
    with atomic_folder(args.out) as stage:
        write_calibrated(cal, stage, lang=args.lang)
        write_text_atomic(stage / "records_problems.txt", "\n".join(problems) + "\n")
    for name, _, rec in nights:
        print(text("records.night_read", args.lang, night=name, summary=rec.summary(args.lang)))
    if any(rec.problems for _, _, rec in nights):
        print(word(args.lang, "s_problems", n=sum(len(rec.problems) for _, _, rec in nights)))
    print("\n".join(summary_lines(cal, args.lang)))
    print(word(args.lang, "c_written", out=args.out))
    return 0


add_command("calibrate", "help.cmd.calibrate", _calibrate_args, _calibrate)
