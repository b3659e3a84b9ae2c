"""The options the subcommands share, each number parsed with its range (a bad one is one line and exit 2)."""

from __future__ import annotations

import argparse
import math
import os
from collections.abc import Callable
from pathlib import Path

from planning.options import MAX_ITERATIONS, MAX_MARGIN, MAX_SECONDS, MAX_SEED, ROUTING_ITERATIONS
from whatif.cli_text import say

#: The most replications a command accepts (100,000 nights of 2023 take about 15 minutes on two cores).
MAX_REPLICATIONS = 100_000
#: The longest train delay accepted, minutes (a day).
MAX_DELAY_MIN = 1440.0
#: The most worker processes accepted: this machine's cores (more only queue for them, each with its own memory).
MAX_JOBS = max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
#: The default number of worker processes.
DEFAULT_JOBS = min(2, MAX_JOBS)


def _short(text: str) -> str:
    return text if len(text) <= 30 else f"{text[:20]}... ({len(text)} characters)"


def whole(low: int, high: int) -> Callable[[str], int]:
    """An argparse type: a whole number in low..high."""

    def parse(text: str) -> int:
        stripped = text.strip()
        body = stripped[1:] if stripped[:1] in ("+", "-") else stripped
        if not (body.isascii() and body.isdigit()):
            raise argparse.ArgumentTypeError(say("cli.arg_whole", low=low, high=high, value=repr(_short(text))))
        if len(body) > 19 or not low <= int(stripped) <= high:
            raise argparse.ArgumentTypeError(say("cli.arg_whole", low=low, high=high, value=_short(stripped)))
        return int(stripped)

    return parse


def number(low: float, high: float, low_open: bool = False) -> Callable[[str], float]:
    """An argparse type: a finite number in [low, high] (or (low, high] with ``low_open``)."""
    shown = f"{'(' if low_open else '['}{low:g}, {high:g}]"

    def parse(text: str) -> float:
        if len(text) > 30:
            raise argparse.ArgumentTypeError(say("cli.arg_number", span=shown, value=_short(text)))
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(say("cli.arg_number", span=shown, value=repr(text))) from None
        above = value > low if low_open else value >= low
        if not math.isfinite(value) or not above or value > high:
            raise argparse.ArgumentTypeError(say("cli.arg_number", span=shown, value=text))
        return value

    return parse


def out(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--out", type=Path, required=True, help=say("help.out_whole"))


def lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help=say("help.lang"))


def seed(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seed", type=whole(0, MAX_SEED), default=1,
                        help=say("help.seed", most=MAX_SEED))


def replications(parser: argparse.ArgumentParser, default: int) -> None:
    parser.add_argument("--replications", type=whole(1, MAX_REPLICATIONS), default=default,
                        help=say("help.replications", most=MAX_REPLICATIONS, default=default))


def jobs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", type=whole(1, MAX_JOBS), default=DEFAULT_JOBS,
                        help=say("help.jobs", cores=MAX_JOBS, default=DEFAULT_JOBS))


def margin(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--margin", type=whole(0, MAX_MARGIN), default=0, metavar="MIN",
                        help=say("help.margin", most=MAX_MARGIN))


def standby_coach(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--standby-coach", action="append", default=[], metavar="TYPE", help=say("help.standby_coach"))


def time_limit(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--time-limit", type=number(0, MAX_SECONDS, low_open=True), default=None,
                        help=say("help.time_limit"))
    parser.add_argument(
        "--iterations",
        type=whole(0, MAX_ITERATIONS),
        default=ROUTING_ITERATIONS,
        help=say("help.iterations", default=ROUTING_ITERATIONS),
    )


def plan_dir(parser: argparse.ArgumentParser, required: bool) -> None:
    parser.add_argument(
        "--plan",
        type=Path,
        required=required,
        help=say("help.plan_dir"),
    )


def sets(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--set",
        action="append",
        default=[],
        metavar="PATH=V1,V2",
        help=say("help.sweep_set"),
    )


def delay(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--delay", type=number(0, MAX_DELAY_MIN), default=0.0, help=say("help.delay"))


def set_one(parser: argparse.ArgumentParser, help_text: str) -> None:
    """``--set PATH=VALUE`` (repeatable, one value per path): a change of the scenario, e.g. of its night model."""
    parser.add_argument("--set", action="append", default=[], metavar="PATH=VALUE", help=help_text)
