"""``labor-transfer season``: plan and simulate a whole season; write the season pack."""

from __future__ import annotations

import argparse
from pathlib import Path

from whatif.cli import add_command
from whatif.cli_args import DEFAULT_JOBS, MAX_JOBS, whole


def _season_args(p: argparse.ArgumentParser) -> None:
    from planning.season import SEASON_ITERATIONS

    p.add_argument("season", help="a bundled season (qingdao_season_2023) or a folder / path of season.yaml")
    p.add_argument("--out", type=Path, required=True, help="output folder")
    p.add_argument("--replications", type=whole(1, 100_000), default=100, help="simulated seasons (default 100)")
    p.add_argument("--iterations", type=whole(100, 10_000_000), default=SEASON_ITERATIONS,
                   help=f"routing iterations per night (default {SEASON_ITERATIONS})")
    p.add_argument("--seed", type=whole(0, 2**32 - 1), default=1, help="random seed (same seed, same numbers)")
    p.add_argument("--jobs", type=whole(1, MAX_JOBS), default=DEFAULT_JOBS,
                   help=f"local worker processes, at most the {MAX_JOBS} cores (default {DEFAULT_JOBS})")
    p.add_argument("--scheduler", default=None, help="a Dask scheduler address (default: local processes)")
    p.add_argument("--lang", choices=("zh", "en"), default="zh", help="labels in Chinese (zh) or English (en)")


def _season(args: argparse.Namespace) -> int:
    from planning.options import PlanOptions
    from planning.season import plan_season
    from scenarios.season import load_season
    from whatif.season import simulate_season
    from whatif.season_pack import write_season
    from whatif.sweep import connect

    season = load_season(args.season)
    backend = connect(args.scheduler) if args.scheduler else "local"
    sp = plan_season(season, PlanOptions(iterations=args.iterations, seed=args.seed),
                     n_jobs=args.jobs)
    result = simulate_season(sp, args.replications, args.seed, backend=backend, n_jobs=args.jobs)
    write_season(result, args.out, lang=args.lang)
    print(result.summary(args.lang))
    print(("结果写入 " if args.lang == "zh" else "written to ") + str(args.out))
    return 0


add_command("season", "plan and simulate a season of arrivals; write the season pack", _season_args, _season)
