"""The ``labor-transfer`` command line. Bad input prints one line and exits with code 2."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from present.catalog import text
from scenarios import ScenarioError, bundled_names, load
from whatif.cli_text import install, say

EXIT_BAD_INPUT = 2

Command = Callable[[argparse.Namespace], int]
#: name -> (how to add its arguments, what it runs, the catalog key of its help)
COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Command, str]] = {}


def add_command(name: str, help_key: str, add_args: Callable[[argparse.ArgumentParser], None], run: Command) -> None:
    """Register a subcommand; ``help_key`` is the catalog key of what it does (told in the command line's language)."""
    COMMANDS[name] = (add_args, run, help_key)


def scenario_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("scenario", help=say("help.scenario", names=", ".join(bundled_names())))


def _check_args(parser: argparse.ArgumentParser) -> None:
    scenario_arg(parser)
    parser.add_argument("--lang", choices=("zh", "en"), default="zh",
                        help=say("help.check_lang"))
    from whatif.cli_args import set_one

    set_one(parser, say("help.set_scenario"))


def _check(args: argparse.Namespace) -> int:
    from whatif.messages import say
    from whatif.report import check_lines

    if args.scenario not in bundled_names():  # a scenario folder written by a run cut off is completed first
        from pathlib import Path

        from scenarios.outdir import clean_stale

        path = Path(args.scenario)
        clean_stale(path.parent if path.suffix.lower() in (".yaml", ".yml") else path)
    sc = load(args.scenario)
    if args.set:
        from whatif.cli_flags import with_sets

        sc = with_sets(args, sc)
    if args.lang == "en":  # the scenario's own summary, with its table of districts, and its night model
        from whatif.report import night_lines

        print(sc.summary())
        print("\n".join(night_lines(sc, "en")))
        print(say("en", "check_ok"))
    else:
        print("\n".join(check_lines(sc, args.lang)))
    return 0


add_command("check", "help.cmd.check", _check_args, _check)


def version() -> str:
    """The installed package's version (the source tree's when it is not installed)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as installed

    try:
        return installed("labor-transfer")
    except PackageNotFoundError:
        return "unknown"


def _as_flags(exc: ScenarioError) -> ScenarioError:
    """The library's field names told as the command's flags (the translator lives in whatif.cli_flags)."""
    from whatif.cli_flags import to_cli

    return to_cli(exc)


#: The modules whose ``add_command`` calls make the command list, in the order ``--help`` shows them.
COMMAND_MODULES = ("whatif.commands", "whatif.fleet_cli", "whatif.season_cli", "whatif.template_cli",
                   "whatif.review_cli", "whatif.fair_cli")


def _load_subcommands() -> None:
    """Import the modules that register further subcommands (plan, simulate, sweep, ...), when present."""
    import importlib

    for module in COMMAND_MODULES:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as exc:
            if exc.name != module:
                raise


#: How a line of bad input starts, by language.
ERROR_WORD = {lang: text("cli.error", lang) for lang in ("en", "zh")}


def lang_of(argv: Sequence[str]) -> str:
    """The language asked for by ``--lang en`` / ``--lang=en`` in ``argv`` (Chinese otherwise), known before parsing
    so that a bad argument is told in it too."""
    argv = list(argv)
    for i, arg in enumerate(argv):
        value = arg.split("=", 1)[1] if arg.startswith("--lang=") else argv[i + 1] if arg == "--lang" and i + 1 < len(
            argv) else None
        if value in ("en", "zh"):
            return value
    return "zh"


class _Parser(argparse.ArgumentParser):
    """argparse, with a bad argument told in one line (exit 2) rather than the usage block and a line, in the
    language of the command line (``lang``, set by ``main``)."""

    lang = "zh"

    def error(self, message: str) -> NoReturn:
        colon = text("sep.colon", self.lang)
        self.exit(EXIT_BAD_INPUT, f"{ERROR_WORD[self.lang]}{self.prog}{colon}{message}\n")


def build_parser() -> argparse.ArgumentParser:
    _load_subcommands()
    parser = _Parser(
        prog="labor-transfer", description=say("help.program")
    )
    parser.add_argument("--version", action="version", version=f"labor-transfer {version()}", help=say("help.version"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, (add_args, run, help_key) in COMMANDS.items():
        p = sub.add_parser(name, help=say(help_key), description=say(help_key))
        add_args(p)
        p.set_defaults(run=run)
    return parser


def _claimed(args: argparse.Namespace) -> contextlib.AbstractContextManager:
    """A command that writes holds its --out from before any computing to the swap (``scenarios.outdir.claim``)."""
    out = getattr(args, "out", None)
    if out is None:
        return contextlib.nullcontext()
    from scenarios.outdir import claim

    source = getattr(args, "scenario", None) or getattr(args, "season", None)
    return claim(out, scenario=source, fresh=args.command == "template")


def main(argv: Sequence[str] | None = None) -> int:
    from present.terminal import safe_streams

    safe_streams()
    lang = lang_of(sys.argv[1:] if argv is None else argv)
    _Parser.lang = lang
    install(lang)  # argparse's own words in the command line's language
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a bad argument (already told in one line)
        return done.code if isinstance(done.code, int) else EXIT_BAD_INPUT
    lang = getattr(args, "lang", lang)
    try:
        with _claimed(args), _printable_stdout():
            return int(args.run(args) or 0)
    except ScenarioError as exc:
        from scenarios.texts import render

        for line in render(_as_flags(exc), lang).splitlines():  # every bad cell of a table on a line of its own
            _error_line(line, lang)
        return EXIT_BAD_INPUT
    except OSError as exc:  # a path the disk refuses (a name over 255 bytes, a folder gone): one line, no traceback
        from scenarios.errors import cut
        from whatif.messages import say

        where = exc.filename if exc.filename is not None else "-"
        _error_line(say(lang, "os_error", path=cut(str(where), 120), reason=exc.strerror or type(exc).__name__), lang)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print(text("cli.interrupted", lang), file=sys.stderr)
        return 130


def _error_line(text: str, lang: str) -> None:
    """``error: ...`` on stderr, one line, with any control character from the data shown as an escape."""
    from present.terminal import printable

    print(f"{ERROR_WORD[lang]}{printable(text, newlines=False)}", file=sys.stderr)


class _Printable:
    """stdout for a command's own lines: control characters from the data are escaped, not obeyed."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        from present.terminal import printable

        return self._stream.write(printable(text))

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextlib.contextmanager
def _printable_stdout():
    real = sys.stdout
    sys.stdout = _Printable(real)
    try:
        yield
    finally:
        sys.stdout = real

if __name__ == "__main__":
    # ``python -m whatif.cli``: this file runs as ``__main__``, but the command modules of ``_load_subcommands``
    # register into ``whatif.cli``; run that module's ``main`` so one list of commands serves both ways in.
    from whatif.cli import main as registered_main

    sys.exit(registered_main())
