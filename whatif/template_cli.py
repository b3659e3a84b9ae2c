"""``labor-transfer template``: write the fill-in scenario folder (see ``scenarios.template``)."""

from __future__ import annotations

import argparse

from whatif import cli_args as a
from whatif.cli import add_command


def _template_args(p: argparse.ArgumentParser) -> None:
    a.out(p)
    a.lang(p)
    p.add_argument("--city", help="the receiving city: the folder then holds none of the Qingdao example's places")
    p.add_argument("--station", help="the arrival station's name (default: the city's name and 站)")


def _template(args: argparse.Namespace) -> int:
    from scenarios.template import write_template

    for path in write_template(args.out, args.lang, city=args.city, station=args.station):
        print(path)
    return 0


add_command(
    "template",
    "write a fill-in scenario folder: scenario.yaml, workers.xlsx and enterprises.xlsx with drop-down lists",
    _template_args,
    _template,
)
