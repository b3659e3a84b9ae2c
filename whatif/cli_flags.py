"""The library's fields as the command line's flags: which flag sets which field (for messages), how to plan
(--seed, --iterations, --time-limit) and the --set overrides (one value per path, or the axes of a sweep)."""

from __future__ import annotations

import argparse
import re

from planning.options import PlanOptions
from present.catalog import Msg
from scenarios import ScenarioError, load

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


def plan_options(args: argparse.Namespace) -> PlanOptions:
    """How to plan: --seed, --iterations (0: until the time limit), --time-limit (and --objective, --margin),
    checked."""
    objective = getattr(args, "objective", None)
    return PlanOptions(seed=args.seed, iterations=args.iterations or None, time_limit=args.time_limit,
                       objective=objective, margin_min=getattr(args, "margin", 0))


def set_axes(options: list[str]) -> dict[str, list]:
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


def with_sets(args: argparse.Namespace, base=None):
    """The scenario with the --set overrides (one value per path): for ``simulate`` the night the plan meets, for
    ``plan`` and ``check`` the scenario planned and checked. ``base``: the scenario already loaded."""
    from whatif.variants import Variant

    overrides = {}
    for path, values in set_axes(args.set).items():
        if len(values) != 1:
            raise ScenarioError("cli.many_values", field=f"--set {path}", fix="cli.one_value.fix", path=path,
                                n=len(values))
        overrides[path] = values[0]
    sc = base if base is not None else load(args.scenario)
    return Variant(overrides).build(sc) if overrides else sc
