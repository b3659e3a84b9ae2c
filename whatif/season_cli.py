"""``labor-transfer season``: plan and simulate a whole season; write the season pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from present.catalog import text
from whatif.cli import add_command
from whatif.cli_args import DEFAULT_JOBS, MAX_JOBS, set_one, whole
from whatif.cli_text import say


def _season_args(p: argparse.ArgumentParser) -> None:
    from planning.season import SEASON_ITERATIONS

    p.add_argument("season", help=say("help.season"))
    p.add_argument("--out", type=Path, required=True, help=say("help.out"))
    p.add_argument("--replications", type=whole(1, 100_000), default=100, help=say("help.seasons"))
    p.add_argument("--iterations", type=whole(100, 10_000_000), default=SEASON_ITERATIONS,
                   help=say("help.season_iterations", default=SEASON_ITERATIONS))
    p.add_argument("--seed", type=whole(0, 2**32 - 1), default=1, help=say("help.seed_numbers"))
    p.add_argument("--jobs", type=whole(1, MAX_JOBS), default=DEFAULT_JOBS,
                   help=say("help.local_jobs", cores=MAX_JOBS, default=DEFAULT_JOBS))
    p.add_argument("--scheduler", default=None, help=say("help.scheduler"))
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help=say("help.lang_labels"))
    set_one(p, say("help.set_season"))


def _season(args: argparse.Namespace) -> int:
    from planning.options import PlanOptions
    from planning.season import plan_season
    from scenarios.season import load_season
    from whatif.season import simulate_season
    from whatif.season_pack import write_season
    from whatif.sweep import connect

    season = load_season(args.season)
    if args.set:  # the city's scenario (its night model, say) changed for every night of the season
        import dataclasses

        from whatif.cli_flags import with_sets

        season = dataclasses.replace(season, city=with_sets(args, season.city))
    backend = connect(args.scheduler) if args.scheduler else "local"
    sp = plan_season(season, PlanOptions(iterations=args.iterations, seed=args.seed),
                     n_jobs=args.jobs)
    result = simulate_season(sp, args.replications, args.seed, backend=backend, n_jobs=args.jobs)
    write_season(result, args.out, lang=args.lang)
    print(result.summary(args.lang))
    print(text("season.written_to", args.lang, out=args.out))
    return 0


add_command("season", "help.cmd.season", _season_args, _season)
