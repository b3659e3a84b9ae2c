"""``labor-transfer template``: write the fill-in scenario folder (see ``scenarios.template``)."""

from __future__ import annotations

import argparse

from whatif import cli_args as a
from whatif.cli import add_command
from whatif.cli_text import say


def _template_args(p: argparse.ArgumentParser) -> None:
    a.out(p)
    a.lang(p)
    p.add_argument("--city", help=say("help.city"))
    p.add_argument("--station", help=say("help.station"))


def _template(args: argparse.Namespace) -> int:
    from scenarios.template import write_template

    for path in write_template(args.out, args.lang, city=args.city, station=args.station):
        print(path)
    return 0


add_command(
    "template",
    "help.cmd.template",
    _template_args,
    _template,
)
