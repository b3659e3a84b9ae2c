"""``labor-transfer fleet``: how many coaches to book, for one train delay or several."""

from __future__ import annotations

import argparse
import math
from pathlib import Path

from present.catalog import text
from scenarios import ScenarioError, load
from whatif.cli import add_command, scenario_arg
from whatif.cli_args import jobs, whole
from whatif.cli_text import say

#: The most delays one run searches (each is a fleet search of its own).
MAX_DELAYS = 12
#: The most nights per candidate: the sequential rule's 1,000 batches of 40.
MAX_NIGHTS = 40_000


def _share(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not 0.0 < value < 1.0:
        raise argparse.ArgumentTypeError(say("cli.arg_share", value=repr(text)))
    return value


def _delays(text: str) -> list[float]:
    try:
        values = [float(v) for v in text.split(",") if v.strip()]
    except ValueError:
        values = []
    if not values or any(not math.isfinite(v) or not 0 <= v <= 24 * 60 for v in values) \
            or len(set(values)) != len(values):
        raise argparse.ArgumentTypeError(say("cli.arg_delays", value=repr(text[:40])))
    if len(values) > MAX_DELAYS:
        raise argparse.ArgumentTypeError(say("cli.arg_many_delays", limit=MAX_DELAYS, n=f"{len(values):,}"))
    return values


def _buffers(text: str) -> list[int]:
    try:
        values = [int(v) for v in text.split(",") if v.strip()]
    except ValueError:
        values = []
    if not values or any(not 0 <= v <= 240 for v in values) or len(set(values)) != len(values):
        raise argparse.ArgumentTypeError(say("cli.arg_buffers", value=repr(text)))
    return values


def _fleet_args(p: argparse.ArgumentParser) -> None:
    from whatif.fleet import BUFFERS, FLEET_ITERATIONS

    scenario_arg(p)
    p.add_argument("--out", type=Path, required=True, help=say("help.out"))
    p.add_argument("--target", type=_share, default=0.95,
                   help=say("help.target"))
    p.add_argument("--confidence", type=_share, default=0.95, help=say("help.confidence"))
    p.add_argument("--standby", type=whole(0, 10), default=1,
                   help=say("help.standby"))
    p.add_argument("--delays", type=_delays, default=None, metavar="M1,M2",
                   help=say("help.delays"))
    p.add_argument("--buffers", type=_buffers, default=list(BUFFERS), metavar="B1,B2",
                   help=say("help.buffers", default=",".join(map(str, BUFFERS))))
    p.add_argument("--set", action="append", default=[], metavar="PATH=VALUE",
                   help=say("help.fleet_set"))
    p.add_argument("--max-nights", type=whole(40, MAX_NIGHTS), default=400,
                   help=say("help.max_nights", most=f"{MAX_NIGHTS:,}"))
    p.add_argument("--iterations", type=whole(100, 10_000_000), default=FLEET_ITERATIONS,
                   help=say("help.fleet_iterations", default=FLEET_ITERATIONS))
    jobs(p)
    p.add_argument("--scheduler", default=None, help=say("help.scheduler"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("help.lang_labels"))
    p.add_argument("--seed", type=whole(0, 2**32 - 1), default=1, help=say("help.seed_answer"))


def _overrides(options: list[str]) -> dict[str, object]:
    from whatif.variants import parse_set

    out: dict[str, object] = {}
    for option in options:
        path, values = parse_set(option)
        if len(values) != 1:
            raise ScenarioError("cli.many_values", field=f"--set {path}", fix="cli.one_value.fix", path=path,
                                n=len(values))
        if path in out:
            raise ScenarioError("cli.twice", field=f"--set {path}", fix="cli.once.fix", path=path)
        out[path] = values[0]
    return out


def _fleet(args: argparse.Namespace) -> int:
    from scenarios.io import atomic_folder, check_writable
    from whatif.fleet import size_fleet
    from whatif.sweep import connect

    overrides = _overrides(args.set)
    if args.delays is not None and "train.delay_min" in overrides:
        raise ScenarioError("cli.delays_twice", field="--delays")
    check_writable(args.out, keep=False)  # before any computing, like every command
    sc = load(args.scenario)
    backend = connect(args.scheduler) if args.scheduler else "local"
    delays = args.delays if args.delays is not None else [None]
    results = []
    for delay in delays:
        extra = {**overrides, **({} if delay is None else {"train.delay_min": delay})}
        results.append(size_fleet(sc, args.target, confidence=args.confidence, standby=args.standby,
                                  max_nights=args.max_nights, seed=args.seed, iterations=args.iterations,
                                  n_jobs=args.jobs, backend=backend, overrides=extra, buffers=args.buffers))
    with atomic_folder(args.out) as stage:  # every delay's answer in one set: never some new, some earlier
        for delay, result in zip(delays, results, strict=True):
            result.write_into(stage if delay is None else stage / f"delay_{delay:g}", lang=args.lang)
    for delay, result in zip(delays, results, strict=True):
        if delay is not None:
            print(text("fleet.delay_head", args.lang, delay=f"{delay:g}"))
        print(result.summary(args.lang))
    print(text("season.written_to", args.lang, out=args.out))
    return 0


add_command("fleet", "help.cmd.fleet",
            _fleet_args, _fleet)
