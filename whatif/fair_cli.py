"""``labor-transfer fair``: match a Spring Wind season's seekers to its posts; write the pack.

    labor-transfer fair FOLDER --out DIR            # fairs, posts and seekers tables in FOLDER
    labor-transfer fair generate --out DIR --posts 3000 --seekers 900 --fairs 12 --seed 1

Bad registrations are told one line each (every one of them), exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from whatif.cli import ERROR_WORD, EXIT_BAD_INPUT, add_command
from whatif.cli_args import number, whole
from whatif.cli_text import say

GENERATE = "generate"


def _fair_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("season", help=say("help.fair_season", generate=GENERATE))
    p.add_argument("--out", type=Path, required=True, help=say("help.out"))
    p.add_argument("--keep-groups", choices=("enterprise", "district", "none"), default="enterprise",
                   help=say("help.keep_groups"))
    p.add_argument("--k", type=whole(1, 50), default=10, help=say("help.k"))
    p.add_argument("--spread", type=number(0.0, 1000.0), default=0.3, help=say("help.spread"))
    p.add_argument("--posts", type=whole(1, 2_000_000), default=3000, help=say("help.posts"))
    p.add_argument("--seekers", type=whole(1, 2_000_000), default=900, help=say("help.seekers"))
    p.add_argument("--fairs", type=whole(1, 10_000), default=12, help=say("help.fairs"))
    p.add_argument("--seed", type=whole(0, 2**31 - 1), default=1, help=say("help.seed_files"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("help.lang_labels"))


def _fair(args: argparse.Namespace) -> int:
    from planning.match.pages import small_pages

    with small_pages():  # numpy's huge pages are slow to fault in on the project's virtual machines
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    from planning.match import MatchPolicy, match_fair
    from planning.match.report import recommend
    from planning.match.texts import say
    from scenarios.fair import FairInputError, generate_fair
    from scenarios.fair.read import load_fair
    from scenarios.io import check_writable
    from whatif.fair_pack import write_fair_pack

    check_writable(args.out.parent if args.out.parent != Path("") else Path("."))
    try:
        if args.season == GENERATE:
            sc = generate_fair(args.posts, args.seekers, args.fairs, seed=args.seed)
        else:
            sc = load_fair(args.season)
    except FairInputError as exc:
        for line in exc.lines(args.lang):
            print(f"{ERROR_WORD[args.lang]}{line}", file=sys.stderr)
        return EXIT_BAD_INPUT
    policy = MatchPolicy(k=args.k, keep_groups=args.keep_groups, spread_tau=args.spread, seed=args.seed)
    result = match_fair(sc, policy)
    lines = write_fair_pack(result, recommend(result), args.out, lang=args.lang, tables=args.season == GENERATE)
    print("\n".join(lines))
    print(say(args.lang, "written", out=args.out))
    return 0


add_command("fair", "help.cmd.fair", _fair_args, _fair)
